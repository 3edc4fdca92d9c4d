// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.List;
import java.util.Objects;

/**
 * {@code <features><sgx>}. When supported, libvirt prints flc, sgx1, sgx2 and section_size (KiB)
 * and, if there are any, the EPC sections. Sizes are unsigned 64-bit (read and print them with
 * {@link Long#toUnsignedString}).
 */
public record Sgx(
    Supported supported,
    boolean flc,
    boolean sgx1,
    boolean sgx2,
    long sectionSizeKiB,
    List<SgxSection> sections) {
  private static final Sgx ABSENT = new Sgx(Supported.ABSENT, false, false, false, 0, List.of());
  private static final Sgx UNSUPPORTED = new Sgx(Supported.NO, false, false, false, 0, List.of());

  public Sgx {
    Objects.requireNonNull(supported, "supported");
    sections = List.copyOf(sections);
    if (supported != Supported.YES && (flc || sgx1 || sgx2 || sectionSizeKiB != 0
        || !sections.isEmpty())) {
      throw new IllegalArgumentException("sgx with supported=" + supported
          + " cannot carry details");
    }
  }

  public static Sgx absent() {
    return ABSENT;
  }

  public static Sgx unsupported() {
    return UNSUPPORTED;
  }

  public static Sgx supported(
      boolean flc, boolean sgx1, boolean sgx2, long sectionSizeKiB, List<SgxSection> sections) {
    return new Sgx(Supported.YES, flc, sgx1, sgx2, sectionSizeKiB, sections);
  }
}
