// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.conformance;

import org.domcaps.model.LibvirtVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.QemuCapsXml;
import org.domcaps.qemu.caps.SevCapability;
import org.domcaps.qemu.cache.ProbeContexts;
import org.domcaps.qemu.probe.QemuProbe;

/**
 * A golden's capabilities as libvirt's harness has them: it fills from its cache file, so the
 * recording is replayed through the probe and then reduced to what that file keeps; without a
 * recording, {@code qemucaps/caps_V.ARCH.xml} is read instead.
 */
final class RecordedCaps {
  private RecordedCaps() {}

  /**
   * @param binary the binary name libvirt's test uses; the guest arch is the host arch (every
   *     test behaves as native)
   */
  static QemuCaps load(Path dir, GoldenName g, String binary) throws IOException {
    return load(dir, g, binary, LibvirtVersion.V9_0);
  }

  /**
   * libvirt 11.3's harness reads the cache file ({@code qemuTestParseCapabilitiesArch}), and its
   * loader keeps everything the file holds, so 11.3 goldens come from {@code qemucaps/}; 9.0's
   * are regenerated from the recording (its cache file is the recording's image).
   */
  static QemuCaps load(Path dir, GoldenName g, String binary, LibvirtVersion libvirt)
      throws IOException {
    if (libvirt.atLeast(LibvirtVersion.V11_3)) {
      Path cached = dir.resolve("qemucaps").resolve(g.qemuCapsName(libvirt));
      if (!Files.isRegularFile(cached)) {
        throw new IOException("no " + cached + " for this golden");
      }
      QemuCaps caps = QemuCapsXml.read(cached);
      if (!caps.libvirt().equals(libvirt)) {
        throw new IOException(cached + " is in libvirt " + caps.libvirt()
            + "'s cache format, expected " + libvirt + "'s");
      }
      return caps;
    }
    Path replies = dir.resolve("replies").resolve(g.repliesName());
    if (Files.isRegularFile(replies)) {
      QemuCaps probed =
          QemuProbe.replay(replies, ProbeContexts.archOnly(binary, g.arch()));
      return asCached(probed);
    }
    Path cached = dir.resolve("qemucaps").resolve(g.qemuCapsName());
    if (Files.isRegularFile(cached)) {
      return QemuCapsXml.read(cached);
    }
    throw new IOException("neither " + replies + " nor " + cached + " exists for this golden");
  }

  /** libvirt's cache writes the SEV cpu0Id but its loader does not read it back. */
  private static QemuCaps asCached(QemuCaps caps) {
    if (caps.sev().isEmpty() || caps.sev().get().cpu0Id() == null) {
      return caps;
    }
    SevCapability s = caps.sev().get();
    return caps.toBuilder().sev(new SevCapability(s.cbitpos(), s.reducedPhysBits(), s.pdh(),
        s.certChain(), s.maxGuests(), s.maxEsGuests())).build();
  }
}
