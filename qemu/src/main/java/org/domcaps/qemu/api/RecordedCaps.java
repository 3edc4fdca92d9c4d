// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.probe.ProbeContext;
import org.domcaps.qemu.probe.QemuProbe;

/** A golden's capabilities: its recording replayed through the probe, as libvirt's tests do. */
final class RecordedCaps {
  private RecordedCaps() {}

  /**
   * Replays {@code replies/caps_V.ARCH.replies} for the binary name libvirt's test uses, with the
   * guest arch as host arch (every test behaves as native).
   */
  static QemuCaps load(Path dir, GoldenName g, String binary) throws IOException {
    Path replies = dir.resolve("replies").resolve(g.repliesName());
    if (!Files.isRegularFile(replies)) {
      throw new IOException("no recording " + replies + " for this golden");
    }
    return QemuProbe.replay(replies, ProbeContext.builder(binary).hostArch(g.arch()).build());
  }
}
