// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import java.util.List;

/**
 * The swtpm facts libvirt uses for {@code <tpm>}: whether swtpm, swtpm_setup and swtpm_ioctl are
 * all installed, and the TPM versions {@code swtpm_setup --print-capabilities} reports.
 *
 * @param present all three binaries found in PATH, regular files with an x bit
 * @param tpmVersions "1.2" and/or "2.0", in that order; empty when unknown
 */
public record Swtpm(boolean present, List<String> tpmVersions) {
  public static final Swtpm ABSENT = new Swtpm(false, List.of());

  public Swtpm {
    tpmVersions = List.copyOf(tpmVersions);
    if (!present && !tpmVersions.isEmpty()) {
      throw new IllegalArgumentException(
          "TPM versions " + tpmVersions + " given for an absent swtpm; expected none");
    }
  }

  public static Swtpm withVersions(String... versions) {
    return new Swtpm(true, List.of(versions));
  }
}
