// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.QemuCapsXml;
import org.domcaps.qemu.cache.LiveHostKey;
import org.domcaps.qemu.cache.ProbeContexts;
import org.domcaps.qemu.host.LiveHostFacts;
import org.domcaps.qemu.launch.LiveConnector;
import org.domcaps.qemu.launch.EmulatorBinaryCheck;
import org.domcaps.qemu.probe.QemuProbe;
import org.domcaps.qemu.probe.QmpConnector;
import org.domcaps.qemu.probe.RecordingConnector;

/**
 * Probes one QEMU binary as libvirt 9.0.0 does (both phases when KVM is usable), bypassing the
 * capability cache. Thread-safe: each call starts its own QEMU processes and shares nothing.
 */
public final class EmulatorProbe {
  private EmulatorProbe() {}

  /**
   * What a probe produced.
   *
   * @param capabilitiesXml the capabilities in libvirt's capability-cache XML
   * @param replies the QMP session in libvirt's {@code .replies} layout, when asked to record
   */
  public record Outcome(String capabilitiesXml, Optional<String> replies) {}

  /**
   * Starts {@code binary}, asks libvirt's QMP questions and returns the answer.
   *
   * @param record also keep the QMP session, so that the probe can be replayed without the binary
   * @throws IOException when the binary cannot be started or its QMP session fails
   * @throws IllegalArgumentException (or another runtime exception) naming the binary when it is
   *     not a usable QEMU
   */
  public static Outcome probe(Path binary, boolean record) throws IOException {
    return probe(binary, record, LibvirtVersion.V9_0);
  }

  /**
   * As {@link #probe(Path, boolean)}, asking the questions libvirt {@code release} asks and
   * answering in its capability-cache format.
   */
  public static Outcome probe(Path binary, boolean record, LibvirtVersion release)
      throws IOException {
    EmulatorBinaryCheck.requireExecutable(binary);
    QmpConnector live = new LiveConnector(binary);
    RecordingConnector recording = record ? new RecordingConnector(live) : null;
    QemuCaps caps = QemuProbe.probe(recording == null ? live : recording,
        ProbeContexts.live(binary.toString(), LiveHostKey.read(new LiveHostFacts(), release)));
    return new Outcome(QemuCapsXml.write(caps),
        recording == null ? Optional.empty() : Optional.of(recording.log().format()));
  }
}
