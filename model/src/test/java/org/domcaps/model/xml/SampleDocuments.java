// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import java.util.List;
import org.domcaps.model.CapsEnum;
import org.domcaps.model.Capability;
import org.domcaps.model.Cpu;
import org.domcaps.model.CpuModel;
import org.domcaps.model.Devices;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.Features;
import org.domcaps.model.HostModel;
import org.domcaps.model.Loader;
import org.domcaps.model.MigratableMode;
import org.domcaps.model.Os;
import org.domcaps.model.Sev;
import org.domcaps.model.Sgx;
import org.domcaps.model.SgxSection;
import org.domcaps.model.Supported;
import org.domcaps.model.Usable;

/** Documents built through the public builders, as the document builder module will. */
final class SampleDocuments {
  private SampleDocuments() {}

  /** Every part libvirt 9.0.0 can print, each reported. */
  static DomainCapabilities full() {
    Loader loader = Loader.builder()
        .path("/usr/share/OVMF/OVMF_CODE.fd")
        .values("type", "rom", "pflash")
        .values("readonly", "yes", "no")
        .values("secure", "no")
        .build();
    Cpu cpu = Cpu.builder()
        .hostPassthrough(MigratableMode.yes("on", "off"))
        .maximum(MigratableMode.yes("on", "off"))
        .hostModel(HostModel.builder("EPYC-Rome").fallback("forbid").vendor("AMD")
            .feature("require", "x2apic").feature("disable", "svm").build())
        .customModel("qemu64", Usable.YES, false, null)
        .customModel("Opteron_G1", Usable.NO, true, "AMD")
        .build();
    Devices devices = Devices.builder()
        .disk(Capability.builder().values("diskDevice", "disk", "cdrom")
            .values("bus", "ide", "scsi").values("model", "virtio").build())
        .graphics(Capability.supported(CapsEnum.of("type", "vnc")))
        .video(Capability.supported(CapsEnum.of("modelType", "vga", "virtio")))
        .hostdev(Capability.builder().values("mode", "subsystem").values("startupPolicy")
            .build())
        .rng(Capability.supported(CapsEnum.of("model", "virtio")))
        .filesystem(Capability.supported(CapsEnum.of("driverType", "path")))
        .tpm(Capability.unsupported())
        .redirdev(Capability.supported(CapsEnum.of("bus", "usb")))
        .channel(Capability.supported(CapsEnum.of("type", "pty", "unix")))
        .build();
    Features features = Features.builder()
        .gic(Capability.supported(CapsEnum.of("version", "2", "3")))
        .vmcoreinfo(Supported.YES)
        .genid(Supported.NO)
        .backingStoreInput(Supported.YES)
        .backup(Supported.YES)
        .s390Pv(Supported.NO)
        .sev(Sev.supported(47, 1, 15, 0))
        .sgx(Sgx.supported(true, true, false, 524288,
            List.of(new SgxSection(0, 262144), new SgxSection(1, 262144))))
        .hyperv(Capability.supported(CapsEnum.of("features", "relaxed", "vapic")))
        .build();
    return DomainCapabilities.builder()
        .path("/usr/bin/qemu-system-x86_64")
        .domain("kvm")
        .machine("pc-q35-7.2")
        .arch("x86_64")
        .vcpuMax(255)
        .iothreads(Supported.YES)
        .os(Os.supported(loader, CapsEnum.of("firmware", "efi")))
        .cpu(cpu)
        .memoryBacking(Capability.supported(CapsEnum.of("sourceType", "file", "anonymous")))
        .devices(devices)
        .features(features)
        .build();
  }

  /** Little reported: what a builder makes with few facts. */
  static DomainCapabilities minimal() {
    return DomainCapabilities.builder()
        .path("/usr/bin/qemu-system-x86_64")
        .domain("qemu")
        .arch("x86_64")
        .vcpuMax(16)
        .cpu(Cpu.builder().customModel(new CpuModel("qemu64", Usable.UNKNOWN, false, null))
            .build())
        .build();
  }
}
