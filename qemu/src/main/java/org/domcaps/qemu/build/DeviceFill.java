// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.build;

import java.util.List;
import org.domcaps.model.Capability;
import org.domcaps.model.CapsEnum;
import org.domcaps.model.Devices;
import org.domcaps.qemu.arch.LibvirtArch;
import org.domcaps.qemu.build.DomainCapsBuilder.Enumeration;
import org.domcaps.qemu.caps.QemuCaps;

/**
 * The {@code <devices>} part (virQEMUCapsFillDomainDevice*Caps). Enum values are added in
 * libvirt's enum order, which is the order it prints them in.
 */
final class DeviceFill {
  /** Any USB host controller makes USB host devices usable. */
  private static final List<String> USB_CONTROLLERS = List.of(
      "piix3-usb-uhci", "piix4-usb-uhci", "usb-ehci", "ich9-usb-ehci1", "vt82c686b-usb-uhci",
      "pci-ohci", "nec-usb-xhci", "qemu-xhci");

  private DeviceFill() {}

  static Devices devices(QemuCaps caps, String machine, FillFacts facts) {
    // libvirt never gets here without a machine; an empty name keeps every machine test false.
    machine = machine == null ? "" : machine;
    Devices.Builder b = Devices.builder()
        .disk(disk(caps, machine))
        .graphics(Capability.supported(new Enumeration("type")
            .addIf(caps.has("sdl"), "sdl")
            .addIf(caps.has("vnc"), "vnc")
            // 11.3: with D-Bus display, rdp through the qemu-rdp helper.
            .addIf(DomainCapsBuilder.since11(caps) && caps.has("display-dbus") && facts.qemuRdp(),
                "rdp")
            .addIf(caps.has("spice"), "spice")
            .addIf(caps.has("egl-headless"), "egl-headless")
            .addIf(caps.has("display-dbus"), "dbus")
            .build()))
        .video(Capability.supported(new Enumeration("modelType")
            .addIf(caps.has("VGA"), "vga")
            .addIf(caps.has("cirrus-vga"), "cirrus")
            .addIf(caps.has("vmware-svga"), "vmvga")
            .addIf(caps.has("qxl"), "qxl")
            .addIf(caps.has("virtio-gpu"), "virtio")
            .add("none")
            .addIf(caps.has("bochs-display"), "bochs")
            .addIf(caps.has("ramfb"), "ramfb")
            .build()))
        .hostdev(hostdev(caps, facts.pciBackends()))
        .rng(rng(caps))
        .filesystem(Capability.supported(new Enumeration("driverType").add("path").add("handle")
            .addIf(caps.has("vhost-user-fs"), "virtiofs").build()))
        .tpm(tpm(caps, facts))
        .redirdev(caps.has("usb-redir")
            ? Capability.supported(CapsEnum.of("bus", "usb"))
            : Capability.unsupported())
        .channel(Capability.supported(new Enumeration("type").add("pty").add("unix")
            .addIf(caps.has("spice"), "spicevmc").build()));
    if (DomainCapsBuilder.since11(caps)) {
      b.crypto(crypto(caps)).iface(iface(caps)).panic(panic(caps, machine));
    }
    return b.build();
  }

  /** {@code <crypto>} (libvirt 11.3: virQEMUCapsFillDomainDeviceCryptoCaps). */
  static Capability crypto(QemuCaps caps) {
    return Capability.supported(
        new Enumeration("model").addIf(caps.has("virtio-crypto"), "virtio").build(),
        CapsEnum.of("type", "qemu"),
        new Enumeration("backendModel").add("builtin")
            .addIf(caps.has("cryptodev-backend-lkcf"), "lkcf").build());
  }

  /** {@code <interface>} (libvirt 11.3: virQEMUCapsFillDomainDeviceNetCaps), always supported. */
  static Capability iface(QemuCaps caps) {
    return Capability.supported(new Enumeration("backendType")
        .addIf(caps.has("netdev.user"), "default")
        .addIf(caps.has("netdev.stream"), "passt").build());
  }

  /**
   * {@code <panic>} (libvirt 11.3: virQEMUCapsFillDomainDevicePanicCaps), from the emulator's
   * arch; unsupported when no model applies.
   */
  static Capability panic(QemuCaps caps, String machine) {
    String arch = caps.arch();
    Enumeration model = new Enumeration("model")
        .addIf(caps.has("pvpanic"), "isa")
        .addIf(LibvirtArch.isPpc64(arch) && isPseries(machine), "pseries")
        .addIf(LibvirtArch.isX86(arch), "hyperv")
        .addIf(LibvirtArch.isS390(arch), "s390")
        .addIf(caps.has("pvpanic-pci"), "pvpanic");
    return model.isEmpty() ? Capability.unsupported() : Capability.supported(model.build());
  }

  static boolean isPseries(String machine) {
    return machine.equals("pseries") || machine.startsWith("pseries-");
  }

  /** pseries and the built-in IDE test use the emulator's arch, not the requested one. */
  static Capability disk(QemuCaps caps, String machine) {
    String arch = caps.arch();
    boolean pseries = LibvirtArch.isPpc64(arch)
        && (machine.equals("pseries") || machine.startsWith("pseries-"));
    boolean virtioTransitional = caps.has("virtio-pci-non-transitional");
    return Capability.supported(
        new Enumeration("diskDevice").add("disk").add("cdrom").addIf(!pseries, "floppy")
            .add("lun").build(),
        new Enumeration("bus")
            .addIf(hasBuiltinIde(machine, arch), "ide")
            .addIf(!pseries, "fdc")
            .add("scsi").add("virtio")
            .addIf(caps.has("usb-storage"), "usb")
            .addIf(caps.has("ich9-ahci"), "sata")
            .build(),
        new Enumeration("model").add("virtio")
            .addIf(virtioTransitional, "virtio-transitional")
            .addIf(virtioTransitional, "virtio-non-transitional")
            .build());
  }

  static boolean hasBuiltinIde(String machine, String emulatorArch) {
    boolean i440fx = LibvirtArch.isX86(emulatorArch)
        && (machine.equals("pc") || machine.startsWith("pc-0.") || machine.startsWith("pc-1.")
            || machine.startsWith("pc-i440fx-") || machine.startsWith("rhel"));
    return i440fx || machine.equals("malta") || machine.equals("sun4u")
        || machine.equals("g3beige");
  }

  static Capability hostdev(QemuCaps caps, List<String> pciBackends) {
    boolean usb = USB_CONTROLLERS.stream().anyMatch(caps::has);
    return Capability.supported(
        CapsEnum.of("mode", "subsystem"),
        CapsEnum.of("startupPolicy", "default", "mandatory", "requisite", "optional"),
        new Enumeration("subsysType").addIf(usb, "usb").add("pci").add("scsi").build(),
        CapsEnum.of("capsType"),
        CapsEnum.of("pciBackend", pciBackends));
  }

  static Capability rng(QemuCaps caps) {
    boolean virtio = caps.has("virtio-rng");
    boolean transitional = virtio && caps.has("virtio-pci-non-transitional");
    return Capability.supported(
        new Enumeration("model").addIf(virtio, "virtio")
            .addIf(transitional, "virtio-transitional")
            .addIf(transitional, "virtio-non-transitional").build(),
        new Enumeration("backendModel")
            .addIf(caps.has("rng-random"), "random")
            .addIf(caps.has("rng-egd"), "egd")
            .addIf(caps.has("rng-builtin"), "builtin").build());
  }

  /** Without any frontend model libvirt reports the TPM unsupported, details dropped. */
  static Capability tpm(QemuCaps caps, FillFacts facts) {
    Enumeration model = new Enumeration("model")
        .addIf(caps.has("tpm-tis"), "tpm-tis")
        .addIf(caps.has("tpm-crb"), "tpm-crb")
        .addIf(caps.has("tpm-spapr"), "tpm-spapr")
        .addIf(caps.has("spapr-tpm-proxy"), "spapr-tpm-proxy");
    if (model.isEmpty()) {
      return Capability.unsupported();
    }
    boolean swtpm = facts.swtpmVersions().isPresent();
    boolean emulator = swtpm && caps.has("tpm-emulator");
    Enumeration backend = new Enumeration("backendModel")
        .addIf(caps.has("tpm-passthrough"), "passthrough")
        .addIf(emulator, "emulator")
        .addIf(emulator, "external");
    List<String> versions = facts.swtpmVersions().orElse(List.of());
    // backendVersion is reported only when swtpm offers at least one version.
    if (versions.isEmpty()) {
      return Capability.supported(model.build(), backend.build());
    }
    Enumeration version = new Enumeration("backendVersion")
        .addIf(versions.contains("1.2"), "1.2")
        .addIf(versions.contains("2.0"), "2.0");
    return Capability.supported(model.build(), backend.build(), version.build());
  }
}
