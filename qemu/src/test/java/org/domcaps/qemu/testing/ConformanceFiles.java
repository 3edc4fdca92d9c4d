// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.domcaps.testing.SharedData;

/** The files of libvirt's recorded conformance data (shared/conformance), read in place. */
public final class ConformanceFiles {
  private ConformanceFiles() {}

  /** The QMP recordings, {@code replies/caps_V.ARCH.replies}, sorted. */
  public static List<Path> replies() throws IOException {
    return list("replies", ".replies");
  }

  /** The capability cache files libvirt derived from them, {@code qemucaps/caps_V.ARCH.xml}. */
  public static List<Path> qemuCaps() throws IOException {
    return list("qemucaps", ".xml");
  }

  /** The domain-capabilities goldens, {@code domaincaps/qemu_V[-tcg][-MACHINE].ARCH.xml}. */
  public static List<Path> domainCaps() throws IOException {
    return list("domaincaps", ".xml");
  }

  private static List<Path> list(String dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(SharedData.conformance().resolve(dir))) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }
}
