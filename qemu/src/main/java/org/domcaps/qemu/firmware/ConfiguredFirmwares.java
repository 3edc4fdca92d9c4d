// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.firmware;

import java.util.ArrayList;
import java.util.List;

/**
 * libvirt's {@code cfg->firmwares}: the loader list used when no descriptor yields an image. The
 * built-in list (Debian builds without {@code -Dloader_nvram}) or qemu.conf's {@code nvram}.
 *
 * @param entries loader/NVRAM pairs in configuration order
 */
public record ConfiguredFirmwares(List<LoaderNvram> entries) {
  public ConfiguredFirmwares {
    entries = List.copyOf(entries);
  }

  /** DEFAULT_LOADER_NVRAM of libvirt 9.0.0 (qemu_conf.c). */
  public static ConfiguredFirmwares builtIn() {
    return new ConfiguredFirmwares(
        List.of(
            LoaderNvram.of("/usr/share/OVMF/OVMF_CODE.fd", "/usr/share/OVMF/OVMF_VARS.fd"),
            LoaderNvram.of("/usr/share/OVMF/OVMF_CODE.secboot.fd", "/usr/share/OVMF/OVMF_VARS.fd"),
            LoaderNvram.of("/usr/share/AAVMF/AAVMF_CODE.fd", "/usr/share/AAVMF/AAVMF_VARS.fd"),
            LoaderNvram.of(
                "/usr/share/AAVMF/AAVMF32_CODE.fd", "/usr/share/AAVMF/AAVMF32_VARS.fd")));
  }

  public static ConfiguredFirmwares none() {
    return new ConfiguredFirmwares(List.of());
  }

  /**
   * What libvirt makes of a qemu.conf {@code nvram = [ "CODE:VARS", ... ]} when the driver starts:
   * the built-in list is dropped; if any descriptor file name exists in the roots (even an empty
   * masking file) the setting is obsolete and the list stays empty (libvirt logs a warning, given
   * here to {@code warnings}); otherwise each entry must be two non-empty {@code :}-separated
   * parts.
   *
   * @throws FirmwareException {@code Invalid nvram format: 'ENTRY'} (libvirt refuses to connect)
   */
  public static ConfiguredFirmwares fromQemuConfNvram(
      List<String> nvram, FirmwareRoots roots, FirmwareWarnings warnings) {
    if (DescriptorFiles.scan(roots, FirmwareWarnings.IGNORE).anyName()) {
      warnings.warn(
          "Obsolete nvram variable is set while firmware metadata files found. Note that the"
              + " nvram config file variable is going to be ignored.");
      return none();
    }
    List<LoaderNvram> out = new ArrayList<>();
    for (String entry : nvram) {
      out.add(parseEntry(entry));
    }
    return new ConfiguredFirmwares(out);
  }

  /** virFirmwareParse: exactly two non-empty parts split on ':', leading blanks skipped. */
  static LoaderNvram parseEntry(String entry) {
    String[] tok = entry.split(":", -1);
    if (tok.length != 2) {
      throw invalid(entry);
    }
    String loader = tok[0].replaceFirst("^[ \\t\\n\\r\\f\\x0B]+", "");
    String vars = tok[1].replaceFirst("^[ \\t\\n\\r\\f\\x0B]+", "");
    if (loader.isEmpty() || vars.isEmpty()) {
      throw invalid(entry);
    }
    return LoaderNvram.of(loader, vars);
  }

  private static FirmwareException invalid(String entry) {
    return new FirmwareException("Invalid nvram format: '" + entry + "'");
  }
}
