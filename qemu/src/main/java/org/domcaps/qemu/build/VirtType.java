// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.build;

import java.util.List;
import org.domcaps.qemu.caps.QemuCaps;

/** libvirt's domain virt types ({@code virDomainVirtType}) as far as the QEMU driver uses them. */
public final class VirtType {
  /** Every name libvirt 9.0.0 accepts for {@code --virttype}, in its enum order. */
  public static final List<String> NAMES = List.of(
      "none", "qemu", "kqemu", "kvm", "xen", "lxc", "uml", "openvz", "test", "vmware", "hyperv",
      "vbox", "phyp", "parallels", "bhyve", "vz", "hvf");

  public static final String NONE = "none";
  public static final String QEMU = "qemu";
  public static final String KVM = "kvm";
  public static final String HVF = "hvf";

  private VirtType() {}

  public static boolean isKnown(String name) {
    return NAMES.contains(name);
  }

  /** The binary's own virt type (virQEMUCapsGetVirtType): kvm, else hvf, else qemu, else none. */
  public static String of(QemuCaps caps) {
    if (caps.has("kvm")) {
      return KVM;
    }
    if (caps.has("hvf")) {
      return HVF;
    }
    if (caps.has("tcg")) {
      return QEMU;
    }
    return NONE;
  }

  /** Whether the binary accepts guests of {@code virtType} (virQEMUCapsIsVirtTypeSupported). */
  public static boolean isSupported(QemuCaps caps, String virtType) {
    return (QEMU.equals(virtType) && caps.has("tcg"))
        || (HVF.equals(virtType) && caps.has("hvf"))
        || (KVM.equals(virtType) && caps.has("kvm"));
  }

  /** The accelerator name libvirt quotes for a virt type: kvm, hvf, else tcg. */
  public static String accelName(String virtType) {
    return KVM.equals(virtType) || HVF.equals(virtType) ? virtType : "tcg";
  }
}
