// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.QemuCapsXml;
import org.domcaps.qemu.cache.CapsCache;
import org.domcaps.qemu.cache.LiveHostKey;
import org.domcaps.qemu.host.LiveHostFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cache entries are per libvirt release: each release's entries in its own directory, in its own
 * cache format and {@code selfvers}, so that answering as one release neither reuses nor
 * invalidates the other's entries; a damaged 11.3 entry is re-probed like a 9.0 one.
 */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class CachePerReleaseTest {
  private static final String QEMU = "/usr/bin/qemu-system-x86_64";
  @TempDir Path cache;

  @Test
  void eachReleaseKeepsItsOwnEntry() throws Exception {
    assumeTrue(Files.isExecutable(Path.of(QEMU)), "skipped: " + QEMU + " is not installed");
    String arch = LiveOptions.hostArch();
    CapsCache v9 = LiveOptions.cachedLookup(LiveHostKey.read(arch, LibvirtVersion.V9_0),
        LiveOptions.cacheDirOf(cache, LibvirtVersion.V9_0), w -> {}).cache();
    CapsCache v11 = LiveOptions.cachedLookup(LiveHostKey.read(arch, LibvirtVersion.V11_3),
        LiveOptions.cacheDirOf(cache, LibvirtVersion.V11_3), w -> {}).cache();
    QemuCaps caps9 = v9.lookup(QEMU);
    QemuCaps caps11 = v11.lookup(QEMU);
    assertThat(caps9.libvirt()).isEqualTo(LibvirtVersion.V9_0);
    assertThat(caps11.libvirt()).isEqualTo(LibvirtVersion.V11_3);
    Path entry9 = v9.entryFile(QEMU);
    Path entry11 = v11.entryFile(QEMU);
    assertThat(entry11)
        .isEqualTo(cache.resolve("libvirt-11.3.0").resolve(cache.relativize(entry9)));
    String text11 = Files.readString(entry11);
    assertThat(text11).contains("<selfvers>11003000</selfvers>").doesNotContain("<kvmVersion>");
    assertThat(Files.readString(entry9)).contains("<selfvers>9000000</selfvers>", "<kvmVersion>");
    assertThat(QemuCapsXml.read(entry11).libvirt()).isEqualTo(LibvirtVersion.V11_3);

    // Asking each release again reuses its entry: no probe.
    assertThat(v9.lookup(QEMU).libvirt()).isEqualTo(LibvirtVersion.V9_0);
    assertThat(v11.lookup(QEMU).libvirt()).isEqualTo(LibvirtVersion.V11_3);
    assertThat(v9.probes()).isEqualTo(1);
    assertThat(v11.probes()).isEqualTo(1);

    // A damaged 11.3 entry is probed again and rewritten in 11.3's format.
    Files.writeString(entry11, text11.substring(0, text11.length() / 2));
    CapsCache again = LiveOptions.cachedLookup(LiveHostKey.read(arch, LibvirtVersion.V11_3),
        LiveOptions.cacheDirOf(cache, LibvirtVersion.V11_3), w -> {}).cache();
    assertThat(again.lookup(QEMU).libvirt()).isEqualTo(LibvirtVersion.V11_3);
    assertThat(again.probes()).isEqualTo(1);
    assertThat(Files.readString(entry11)).contains("<selfvers>11003000</selfvers>");
  }

  @Test
  void answersThroughTheCacheAreTheRelease() throws Exception {
    assumeTrue(Files.isExecutable(Path.of(QEMU)), "skipped: " + QEMU + " is not installed");
    DomCapsRequest r = DomCapsRequest.defaults().withVirtType("qemu").withArch("x86_64");
    Options cached = LiveOptions.forHost(new LiveHostFacts(), w -> {}, Optional.of(cache),
        LibvirtVersion.V11_3);
    Options plain = LiveOptions.forHost(new LiveHostFacts(), w -> {}, LibvirtVersion.V11_3);
    String first = DomainCapabilitiesXml.format(DomCaps.answer(r, cached));
    String warm = DomainCapabilitiesXml.format(DomCaps.answer(r, cached));
    assertThat(warm).isEqualTo(first)
        .isEqualTo(DomainCapabilitiesXml.format(DomCaps.answer(r, plain)));
    assertThat(first).contains("<crypto supported='yes'>", "<launchSecurity");
  }
}
