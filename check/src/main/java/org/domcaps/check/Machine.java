// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check;

import java.util.Set;

/**
 * The machine families libvirt's QEMU driver tells apart by arch and machine name
 * (qemuDomainIsQ35, qemuDomainIsI440FX, qemuDomainIsARMVirt, qemuDomainIsPSeries,
 * qemuDomainIsS390CCW) and what QEMU builds into each.
 */
public record Machine(String arch, String name) {
  private static final Set<String> X86 = Set.of("x86_64", "i686");
  private static final Set<String> ARM = Set.of("aarch64", "armv7l", "armv6l");
  private static final Set<String> PPC64 = Set.of("ppc64", "ppc64le");

  public boolean x86() {
    return X86.contains(arch);
  }

  public boolean arm() {
    return ARM.contains(arch);
  }

  public boolean ppc64() {
    return PPC64.contains(arch);
  }

  public boolean s390x() {
    return arch.equals("s390x");
  }

  public boolean q35() {
    return x86() && (name.equals("q35") || name.startsWith("pc-q35"));
  }

  public boolean i440fx() {
    return x86() && (name.equals("pc") || name.startsWith("pc-i440fx") || name.startsWith("pc-0")
        || name.startsWith("pc-1"));
  }

  public boolean armVirt() {
    return arm() && (name.equals("virt") || name.startsWith("virt-"));
  }

  public boolean pseries() {
    return ppc64() && (name.equals("pseries") || name.startsWith("pseries-"));
  }

  public boolean s390Ccw() {
    return s390x() && name.startsWith("s390-ccw");
  }

  /** QEMU's PC machines (i440FX, Q35, isapc) have an ISA bus; the others here have none. */
  public boolean hasIsa() {
    return q35() || i440fx() || (x86() && name.equals("isapc"));
  }

  /**
   * A PCI Express root complex (pcie-root): Q35, ARM virt and RISC-V virt (libvirt's
   * qemuDomainDefAddDefaultDevices adds pcie-root there, virt machines when QEMU has gpex).
   */
  public boolean pcieRoot() {
    return q35() || armVirt() || riscvVirt();
  }

  /**
   * Whether libvirt adds a USB controller when the definition names none
   * (qemuDomainDefAddDefaultDevices: PC machines and pSeries yes; ARM virt and s390 no).
   */
  public boolean defaultUsb() {
    return q35() || i440fx() || pseries();
  }

  public boolean riscvVirt() {
    return (arch.equals("riscv64") || arch.equals("riscv32"))
        && (name.equals("virt") || name.startsWith("virt-"));
  }

  /**
   * Whether the machine has a DMA-capable fw_cfg by the time QEMU creates -device devices:
   * the PC machines and ARM virt create it while the board is built; RISC-V virt only once
   * machine init is done (virt_machine_done), too late for ramfb; UNKNOWN for the others.
   */
  public Tri fwCfgDmaForDevices() {
    if (q35() || i440fx() || armVirt()) {
      return Tri.YES;
    }
    return riscvVirt() ? Tri.NO : Tri.UNKNOWN;
  }

  /** CCW is the only bus for virtio on s390-ccw machines: no PCI devices of QEMU's. */
  public boolean ccw() {
    return s390Ccw();
  }
}
