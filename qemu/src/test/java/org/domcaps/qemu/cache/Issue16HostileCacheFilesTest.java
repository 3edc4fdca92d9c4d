// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.domcaps.qemu.api.LiveOptions;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.QemuCapsXml;
import org.domcaps.qemu.firmware.FirmwareDescriptor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 items 5, 7, 13 and 14: cache files replaced by a hostile user or left by a broken run.
 * The prober here answers with one real probe's capabilities (probed once for the class) and
 * counts its calls. The timeouts only catch the hangs these files caused before.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class Issue16HostileCacheFilesTest {
  static final String QEMU = CapsCacheFaultTest.QEMU;
  static final int NOBODY = 65534;
  static HostKey host;
  static String reference;

  @TempDir Path dir;
  final List<String> warnings = new ArrayList<>();
  final AtomicInteger probes = new AtomicInteger();

  @BeforeAll
  static void probeOnce() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of(QEMU)), "skipped: " + QEMU + " missing");
    host = LiveHostKey.read(LiveOptions.hostArch());
    reference = QemuCapsXml.write(
        LiveProber.live(x -> ProbeContexts.of(x, host)).probe(QEMU));
  }

  Prober countingProber() {
    return b -> {
      probes.incrementAndGet();
      try {
        return QemuCapsXml.read(reference);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  CapsCache cache() {
    return new CapsCache(dir, host, countingProber(), warnings::add);
  }

  Path entry() {
    return cache().entryFile(QEMU);
  }

  void answersWithOneProbeAndASoundEntry() throws Exception {
    QemuCaps caps = cache().lookup(QEMU);
    assertThat(QemuCapsXml.write(caps)).isEqualTo(reference);
    assertThat(probes).hasValue(1);
    assertThat(Files.isRegularFile(entry(), LinkOption.NOFOLLOW_LINKS)).isTrue();
    assertThat(Files.readString(entry())).isEqualTo(reference);
  }

  static void mkfifo(Path p) throws Exception {
    Files.createDirectories(p.getParent());
    Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
    assertThat(mk.waitFor()).isZero();
  }

  static boolean isRoot() {
    return CacheFiles.ourUid() == 0;
  }

  @Test
  void fifoAsEntryIsRemovedAndReprobed() throws Exception {
    mkfifo(entry());
    answersWithOneProbeAndASoundEntry();
    assertThat(warnings).anyMatch(w -> w.contains("is not a regular file but a FIFO"));
  }

  @Test
  void fifoAsSnapshotIsIgnoredAndRemoved() throws Exception {
    cache().lookup(QEMU);
    Path snapshot = CapsCache.snapshotFile(entry());
    Files.delete(snapshot);
    mkfifo(snapshot);
    CapsCache again = cache();
    assertThat(QemuCapsXml.write(again.lookup(QEMU))).isEqualTo(reference);
    assertThat(probes).hasValue(1);
  }

  @Test
  void fifoAsFirmwareMemoIsIgnored() throws Exception {
    mkfifo(dir.resolve("firmware-descriptors.bin"));
    FirmwareDescriptorMemo memo = new FirmwareDescriptorMemo(dir, host.selfCtime());
    List<Path> none = List.of();
    assertThat(memo.recall(none, memo.stamp(none))).isEmpty();
  }

  @Test
  void symlinkToDevZeroAsEntryIsRemovedAndReprobed() throws Exception {
    Files.createDirectories(entry().getParent());
    Files.createSymbolicLink(entry(), Path.of("/dev/zero"));
    answersWithOneProbeAndASoundEntry();
    assertThat(Path.of("/dev/zero")).exists();
  }

  @Test
  void threeGigabyteSparseEntryIsRemovedAndReprobed() throws Exception {
    Files.createDirectories(entry().getParent());
    try (RandomAccessFile f = new RandomAccessFile(entry().toFile(), "rw")) {
      f.write("<qemuCaps>".getBytes(StandardCharsets.US_ASCII));
      f.setLength(3L << 30);
    }
    answersWithOneProbeAndASoundEntry();
    assertThat(warnings).anyMatch(w -> w.contains("more than the " + CacheFiles.MAX_ENTRY_BYTES));
  }

  @Test
  void symlinkedLockIsNotFollowed() throws Exception {
    Path target = dir.resolve("victim");
    Files.writeString(target, "precious");
    Files.createDirectories(entry().getParent());
    Path lock = CapsCache.lockFile(entry());
    Files.createSymbolicLink(lock, target);
    Path dangling = dir.resolve("would-be-created");
    answersWithOneProbeAndASoundEntry();
    assertThat(Files.readString(target)).isEqualTo("precious");
    assertThat(Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS)).isTrue();
    // A dangling link must not make us create its target either.
    Files.delete(lock);
    Files.createSymbolicLink(lock, dangling);
    Files.delete(entry());
    cache().lookup(QEMU);
    assertThat(dangling).doesNotExist();
  }

  @Test
  void entryWrittenByAnotherUserIsNotBelieved() throws Exception {
    Assumptions.assumeTrue(isRoot(), "skipped: needs root to make a file owned by nobody");
    // A valid entry with a forged answer, owned by another user.
    String forged = reference.replace("<package>", "<package>forged ");
    Files.createDirectories(entry().getParent());
    Files.writeString(entry(), forged);
    Files.setAttribute(entry(), "unix:uid", NOBODY);
    answersWithOneProbeAndASoundEntry();
    assertThat(warnings).anyMatch(w -> w.contains("is owned by uid " + NOBODY));
  }

  @Test
  void snapshotWrittenByAnotherUserIsNotBelieved() throws Exception {
    Assumptions.assumeTrue(isRoot(), "skipped: needs root to make a file owned by nobody");
    cache().lookup(QEMU);
    Path snapshot = CapsCache.snapshotFile(entry());
    String state = CapsCache.entryState(entry());
    QemuCaps forged = QemuCapsXml.read(reference.replace("<package>", "<package>forged "));
    Files.write(snapshot, CapsSnapshot.encode(forged, state));
    Files.setAttribute(snapshot, "unix:uid", NOBODY);
    assertThat(QemuCapsXml.write(cache().lookup(QEMU))).isEqualTo(reference);
  }

  @Test
  void cacheDirOwnedByAnotherUserIsNotUsed() throws Exception {
    Assumptions.assumeTrue(isRoot(), "skipped: needs root to make a directory owned by nobody");
    Path entries = Files.createDirectories(entry().getParent());
    Files.writeString(entry(), reference.replace("<package>", "<package>forged "));
    Files.setAttribute(entries, "unix:uid", NOBODY);
    Files.setAttribute(entry(), "unix:uid", 0);
    assertThat(QemuCapsXml.write(cache().lookup(QEMU))).isEqualTo(reference);
    assertThat(probes).hasValue(1);
    assertThat(warnings).anyMatch(w -> w.contains("is owned by uid " + NOBODY + ", not by us"));
  }

  @Test
  void staleTemporariesOfDeadWritersAreRemoved() throws Exception {
    Path entries = Files.createDirectories(entry().getParent());
    long dead = deadPid();
    String sha = entry().getFileName().toString();
    Path stale = entries.resolve(sha + "." + dead + ".0123456789abcdef.tmp");
    Path live = entries.resolve(sha + ".1.0123456789abcdef.tmp"); // pid 1 is alive
    Path foreign = entries.resolve("notes." + dead + ".tmp");
    for (Path p : List.of(stale, live, foreign)) {
      Files.writeString(p, "half written");
    }
    answersWithOneProbeAndASoundEntry();
    assertThat(stale).doesNotExist();
    assertThat(live).exists();
    assertThat(foreign).exists();
  }

  @Test
  void failedMemoWriteLeavesNoTemporary() throws Exception {
    // The memo's name taken by a non-empty directory: the rename fails.
    Path memo = Files.createDirectories(dir.resolve("firmware-descriptors.bin"));
    Files.writeString(memo.resolve("x"), "x");
    FirmwareDescriptorMemo m = new FirmwareDescriptorMemo(dir, host.selfCtime());
    List<Path> none = List.of();
    m.remember(none, m.stamp(none), List.<FirmwareDescriptor>of());
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void cacheClearRemovesOnlyWhatDomcapsMade() throws Exception {
    cache().lookup(QEMU);
    Path entries = entry().getParent();
    String sha = EntryNames.sha256("/usr/bin/not-probed");
    List<Path> foreign = List.of(
        entries.resolve("notes.xml"),
        entries.resolve("backup.tmp"),
        entries.resolve("other.lock"),
        entries.resolve("photo.bin"),
        entries.resolve(sha + ".xml"), // our name, not our format
        entries.resolve(sha + ".lock"));
    for (Path p : foreign) {
      Files.writeString(p, "not made by domcaps");
    }
    Path ourTemporary = entries.resolve(sha + ".xml." + deadPid() + ".0123456789abcdef.tmp");
    Files.writeString(ourTemporary, "<qemuCaps>");
    assertThat(CacheEntries.clear(dir)).isEqualTo(1);
    assertThat(entry()).doesNotExist();
    assertThat(CapsCache.snapshotFile(entry())).doesNotExist();
    assertThat(CapsCache.lockFile(entry())).doesNotExist();
    assertThat(ourTemporary).doesNotExist();
    for (Path p : foreign) {
      assertThat(p).exists();
    }
  }

  /** A pid no process has now. */
  static long deadPid() {
    for (long pid = 4_000_000; ; pid--) {
      if (ProcessHandle.of(pid).isEmpty()) {
        return pid;
      }
    }
  }
}
