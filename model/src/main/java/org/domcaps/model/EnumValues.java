// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values each release can print in each enum, in its printing order. libvirt fills an enum
 * from a bitmap over one of its C enums and prints the set bits lowest first, so a release's
 * order is that C enum's order, and a value it has no constant for is one it cannot print. The
 * lists below are the names of those C enums (their {@code VIR_ENUM_IMPL} tables in libvirt's
 * {@code src/conf} and {@code src/util}), read from the 9.0.0 and 11.3.0 sources; keys are
 * {@code element/enum} as the document spells them.
 *
 * <p>For releases after 11.3 there is no source here, only their schema, documentation and test
 * documents ({@code shared/newest}): the newest table is 11.3's with the values those add, and is
 * {@linkplain LibvirtPrints#valuesComplete() not complete}.
 */
final class EnumValues {
  private static final List<String> TRISTATE_BOOL = List.of("default", "yes", "no");
  /** virDomainChr: a channel's and a console's source types. */
  private static final List<String> CHR = List.of("null", "vc", "pty", "dev", "file", "pipe",
      "stdio", "udp", "tcp", "unix", "spicevmc", "spiceport", "nmdm", "qemu-vdagent", "dbus");

  /** libvirt 9.0.0. */
  static final Map<String, List<String>> V9_0 = Map.ofEntries(
      Map.entry("os/firmware", List.of("none", "bios", "efi")),
      Map.entry("loader/type", List.of("none", "rom", "pflash")),
      Map.entry("loader/readonly", TRISTATE_BOOL),
      Map.entry("loader/secure", TRISTATE_BOOL),
      Map.entry("memoryBacking/sourceType", List.of("none", "file", "anonymous", "memfd")),
      Map.entry("disk/diskDevice", List.of("disk", "cdrom", "floppy", "lun")),
      Map.entry("disk/bus",
          List.of("none", "ide", "fdc", "scsi", "virtio", "xen", "usb", "uml", "sata", "sd")),
      Map.entry("disk/model",
          List.of("default", "virtio", "virtio-transitional", "virtio-non-transitional")),
      Map.entry("graphics/type",
          List.of("sdl", "vnc", "rdp", "desktop", "spice", "egl-headless", "dbus")),
      Map.entry("video/modelType", List.of("default", "vga", "cirrus", "vmvga", "xen", "vbox",
          "qxl", "parallels", "virtio", "gop", "none", "bochs", "ramfb")),
      Map.entry("hostdev/mode", List.of("subsystem", "capabilities")),
      Map.entry("hostdev/startupPolicy", List.of("default", "mandatory", "requisite", "optional")),
      Map.entry("hostdev/subsysType", List.of("usb", "pci", "scsi", "scsi_host", "mdev")),
      Map.entry("hostdev/capsType", List.of("storage", "misc", "net")),
      Map.entry("hostdev/pciBackend", List.of("default", "kvm", "vfio", "xen")),
      Map.entry("rng/model", List.of("virtio", "virtio-transitional", "virtio-non-transitional")),
      Map.entry("rng/backendModel", List.of("random", "egd", "builtin")),
      Map.entry("filesystem/driverType",
          List.of("default", "path", "handle", "loop", "nbd", "ploop", "virtiofs")),
      Map.entry("tpm/model",
          List.of("default", "tpm-tis", "tpm-crb", "tpm-spapr", "spapr-tpm-proxy")),
      Map.entry("tpm/backendModel", List.of("passthrough", "emulator", "external")),
      Map.entry("tpm/backendVersion", List.of("default", "1.2", "2.0")),
      Map.entry("redirdev/bus", List.of("usb")),
      Map.entry("channel/type", CHR),
      Map.entry("gic/version", List.of("none", "host", "2", "3")),
      Map.entry("hyperv/features", List.of("relaxed", "vapic", "spinlocks", "vpindex", "runtime",
          "synic", "stimer", "reset", "vendor_id", "frequencies", "reenlightenment", "tlbflush",
          "ipi", "evmcs", "avic")));

  /** libvirt 11.3.0: new constants, and the enums of the devices and features it added. */
  static final Map<String, List<String>> V11_3 = with(V9_0, Map.of(
      "filesystem/driverType",
      List.of("default", "path", "handle", "loop", "nbd", "ploop", "virtiofs", "mtp"),
      "hyperv/features", List.of("relaxed", "vapic", "spinlocks", "vpindex", "runtime", "synic",
          "stimer", "reset", "vendor_id", "frequencies", "reenlightenment", "tlbflush", "ipi",
          "evmcs", "avic", "emsr_bitmap", "xmm_input"),
      "crypto/model", List.of("virtio"),
      "crypto/type", List.of("qemu"),
      "crypto/backendModel", List.of("builtin", "lkcf"),
      "interface/backendType", List.of("default", "passt"),
      "panic/model", List.of("default", "isa", "pseries", "hyperv", "s390", "pvpanic"),
      // Constant 0 is the empty name, which libvirt never sets; sev-snp came between.
      "launchSecurity/sectype", List.of("", "sev", "sev-snp", "s390-pv")));

  /** libvirt 12.8: 11.3's, with what its documentation and test documents show besides. */
  static final Map<String, List<String>> V12_8 = with(V11_3, Map.of(
      "disk/bus", List.of("none", "ide", "fdc", "scsi", "virtio", "xen", "usb", "uml", "sata",
          "sd", "nvme"),
      "launchSecurity/sectype", List.of("", "sev", "sev-snp", "s390-pv", "tdx"),
      "hostdev/iommufd", TRISTATE_BOOL,
      "firmwareFeatures/secureBoot", TRISTATE_BOOL,
      "firmwareFeatures/enrolledKeys", TRISTATE_BOOL,
      "console/type", CHR));

  private EnumValues() {}

  private static Map<String, List<String>> with(Map<String, List<String>> base,
      Map<String, List<String>> changes) {
    Map<String, List<String>> out = new HashMap<>(base);
    out.putAll(changes);
    return Map.copyOf(out);
  }
}
