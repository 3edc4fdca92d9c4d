// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.domcaps.qemu.api.LiveOptions;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.QemuCapsXml;
import org.domcaps.qemu.host.HostIdentity;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the on-disk cache, each against real QEMU: the answer must equal a fresh probe's and
 * the entry left behind must be a valid libvirt-format document for the binary.
 */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class CapsCacheFaultTest {
  static final String QEMU = "/usr/bin/qemu-system-x86_64";
  static HostKey host;
  static String reference;

  @TempDir Path dir;
  final List<String> warnings = new ArrayList<>();

  @BeforeAll
  static void probeOnce() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of(QEMU)),
        "skipped: " + QEMU + " is not installed (QEMU 7.2 needed for cache tests)");
    host = LiveHostKey.read(LiveOptions.hostArch());
    reference = QemuCapsXml.write(prober().probe(QEMU));
  }

  /** A live prober (it remembers nothing: every call probes). */
  static Prober prober() {
    return LiveProber.live(x -> ProbeContexts.of(x, host));
  }

  CapsCache cache() {
    return new CapsCache(dir, host, prober(), warnings::add);
  }

  /** The entry on disk is the reference document and valid now. */
  void assertSound(CapsCache c, String binary, String expected) throws IOException {
    Path f = c.entryFile(binary);
    String text = Files.readString(f);
    assertThat(text).isEqualTo(expected);
    assertThat(CacheValidity.invalidReason(QemuCapsXml.read(text), binary, host)).isEmpty();
    try (var s = Files.list(c.entriesDir())) {
      assertThat(s.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void missThenHitProbesOnce() throws Exception {
    CapsCache c = cache();
    assertThat(QemuCapsXml.write(c.lookup(QEMU))).isEqualTo(reference);
    CapsCache again = cache();
    assertThat(QemuCapsXml.write(again.lookup(QEMU))).isEqualTo(reference);
    assertThat(c.probes() + again.probes()).isEqualTo(1);
    assertSound(again, QEMU, reference);
  }

  @Test
  void truncatedEntryIsReprobed() throws Exception {
    plant(reference.substring(0, reference.length() / 2));
    answersAfterOneProbe();
    assertThat(warnings).anyMatch(w -> w.contains("discarding") && w.contains("malformed"));
  }

  @Test
  void garbageEntryIsReprobed() throws Exception {
    byte[] junk = new byte[4096];
    new Random(7).nextBytes(junk);
    Files.createDirectories(cache().entriesDir());
    Files.write(cache().entryFile(QEMU), junk);
    answersAfterOneProbe();
  }

  @Test
  void entryOfAnotherVersionIsReprobed() throws Exception {
    plant(reference.replace("<selfvers>9000000</selfvers>", "<selfvers>8010000</selfvers>"));
    answersAfterOneProbe();
    plant(reference.replaceFirst("<selfctime>\\d+</selfctime>", "<selfctime>12345</selfctime>"));
    answersAfterOneProbe();
  }

  @Test
  void foreignEntryIsReprobed() throws Exception {
    plant(reference.replace("<emulator>" + QEMU, "<emulator>/usr/bin/qemu-system-i386"));
    answersAfterOneProbe();
    assertThat(warnings).anyMatch(w -> w.contains("not '" + QEMU + "'"));
  }

  @Test
  void unknownFlagIsReprobed() throws Exception {
    plant(reference.replace("<flag name='kvm'/>", "<flag name='no-such-flag'/>")
        .replace("<flag name='sdl'/>", "<flag name='no-such-flag'/>"));
    answersAfterOneProbe();
  }

  void plant(String text) throws IOException {
    CapsCache c = cache();
    Files.createDirectories(c.entriesDir());
    Files.writeString(c.entryFile(QEMU), text, StandardCharsets.UTF_8);
  }

  void answersAfterOneProbe() throws Exception {
    CapsCache c = cache();
    assertThat(QemuCapsXml.write(c.lookup(QEMU))).isEqualTo(reference);
    assertThat(c.probes()).isEqualTo(1);
    assertSound(c, QEMU, reference);
  }

  @Test
  void garbageSnapshotIsIgnored() throws Exception {
    CapsCache c = cache();
    c.lookup(QEMU);
    byte[] junk = new byte[999];
    new Random(3).nextBytes(junk);
    Files.write(CapsCache.snapshotFile(c.entryFile(QEMU)), junk);
    CapsCache again = cache();
    assertThat(QemuCapsXml.write(again.lookup(QEMU))).isEqualTo(reference);
    assertThat(again.probes()).isZero();
    assertSound(again, QEMU, reference);
  }

  @Test
  void snapshotOfAnEditedEntryIsNotUsed() throws Exception {
    CapsCache c = cache();
    c.lookup(QEMU);
    assertThat(CapsCache.snapshotFile(c.entryFile(QEMU))).exists();
    // An entry edited in place (still valid): the XML is the authority, not the old snapshot.
    String edited = reference.replace("<package>", "<package>edited ");
    assertThat(edited).isNotEqualTo(reference);
    Files.writeString(c.entryFile(QEMU), edited);
    CapsCache again = cache();
    assertThat(again.lookup(QEMU).packageName().orElseThrow()).startsWith("edited ");
    assertThat(again.probes()).isZero();
  }

  @Test
  void twoProcessesRacingProbeOnce() throws Exception {
    Path go = dir.resolve("go");
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ps.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), CacheRaceMain.class.getName(),
          dir.toString(), QEMU, go.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }
    Thread.sleep(1500); // both JVMs up and polling for the signal
    Files.createFile(go);
    int probes = 0;
    for (Process p : ps) {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
      assertThat(out).startsWith("probes=");
      probes += Integer.parseInt(out.substring(7, out.indexOf('\n')));
      assertThat(out.substring(out.indexOf('\n') + 1)).isEqualTo(reference);
    }
    assertThat(probes).isEqualTo(1);
    assertSound(cache(), QEMU, reference);
  }

  @Test
  void binaryReplacedBetweenCallsIsReprobed() throws Exception {
    Path bin = dir.resolve("bin").resolve("qemu-wrapper");
    Files.createDirectories(bin.getParent());
    writeWrapper(bin, "/usr/bin/qemu-system-x86_64");
    CapsCache c = cache();
    QemuCaps first = c.lookup(bin.toString());
    assertThat(first.arch()).isEqualTo("x86_64");
    // libvirt keys on st_ctime in seconds. The kernel stamps files from a coarse clock that can
    // lag the wall clock, so replace the binary until its ctime has really left that second.
    long ctime = first.qemuCtime();
    do {
      Thread.sleep(20);
      writeWrapper(bin, "/usr/bin/qemu-system-i386");
    } while (HostIdentity.ctimeSeconds(bin) == ctime);
    QemuCaps second = c.lookup(bin.toString());
    assertThat(second.arch()).isEqualTo("i686");
    assertThat(c.probes()).isEqualTo(2);
    assertSound(c, bin.toString(), QemuCapsXml.write(second));
    CapsCache fresh = cache();
    assertThat(fresh.lookup(bin.toString()).arch()).isEqualTo("i686");
    assertThat(fresh.probes()).isZero();
  }

  static void writeWrapper(Path bin, String target) throws IOException {
    Path tmp = bin.resolveSibling("new");
    Files.writeString(tmp, "#!/bin/sh\nexec " + target + " \"$@\"\n");
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.move(tmp, bin, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Test
  void unwritableCacheDirOnlyCostsTheCaching() throws Exception {
    Path file = dir.resolve("not-a-dir");
    Files.writeString(file, "x");
    CapsCache c = new CapsCache(file, host, prober(), warnings::add);
    assertThat(QemuCapsXml.write(c.lookup(QEMU))).isEqualTo(reference);
    assertThat(warnings).anyMatch(w -> w.contains("not usable"));
    assertThat(Optional.of(c.probes())).contains(1);
  }
}
