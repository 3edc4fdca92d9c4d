// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.domcaps.qemu.api.FirmwareDescriptors;
import org.domcaps.qemu.api.ThisHost;

/**
 * Watches what an answer depends on by polling stat(2) (a few dozen calls per interval): the
 * installed QEMU binaries and the directories they are searched in (an emulator added or removed),
 * QEMU's module directory, {@code /dev/kvm}, the firmware descriptor directories and their files,
 * and the swtpm binaries. Polling rather than inotify: it sees a {@code touch} (ctime) and a
 * replaced file alike, needs no watch per file, and works the same for device nodes and
 * directories that do not exist yet.
 *
 * <p>A change among the first group asks for a re-check of every emulator (the capability cache
 * re-probes only the binaries whose entry became invalid); a change among the others only for
 * the answers to be rendered again.
 */
final class HostWatch implements AutoCloseable {
  private static final List<String> SWTPM = List.of("swtpm", "swtpm_setup", "swtpm_ioctl");

  private final WarmAnswers answers;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(WarmAnswers.daemon("domcaps-watch"));
  private String binaryStamp;
  private String probeStamp;
  private String renderStamp;

  HostWatch(WarmAnswers answers) {
    this.answers = answers;
  }

  void start(long intervalMillis) {
    timer.scheduleWithFixedDelay(this::poll, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  private void poll() {
    try {
      Optional<Generation> g = answers.current();
      if (g.isEmpty()) {
        return;
      }
      String binary = binaryInputs(g.get());
      String probe = probeInputs(g.get());
      String render = renderInputs(g.get());
      if (probeStamp == null) {
        binaryStamp = binary; // the first generation was built from what is there now
        probeStamp = probe;
        renderStamp = render;
        return;
      }
      boolean binaries = !binary.equals(binaryStamp);
      boolean reprobe = !probe.equals(probeStamp);
      boolean rerender = !render.equals(renderStamp);
      binaryStamp = binary;
      probeStamp = probe;
      renderStamp = render;
      if (binaries || reprobe || rerender) {
        // Only the binaries' stat changed: WarmAnswers keeps the probes of unchanged bytes.
        answers.invalidate(binaries || reprobe, !reprobe);
      }
    } catch (RuntimeException e) {
      // A vanished file between listing and stat: the next poll sees the settled state.
    }
  }

  private static String binaryInputs(Generation g) {
    StringBuilder s = new StringBuilder();
    for (String b : g.binaries()) {
      stat(s, Path.of(b));
    }
    return s.toString();
  }

  private String probeInputs(Generation g) {
    StringBuilder s = new StringBuilder();
    for (Path dir : new TreeSet<>(ThisHost.programDirs(answers.emulatorPath()))) {
      stat(s, dir);
    }
    s.append("moddir ").append(ThisHost.qemuModuleDirMtime().orElse(-1L));
    Path kvm = Path.of("/dev/kvm");
    stat(s, kvm);
    s.append(Files.isReadable(kvm)).append(Files.isWritable(kvm));
    return s.toString();
  }

  private String renderInputs(Generation g) {
    StringBuilder s = new StringBuilder();
    for (Path dir : FirmwareDescriptors.directories(g.options())) {
      stat(s, dir);
      List<Path> files = new ArrayList<>();
      try (DirectoryStream<Path> d = Files.newDirectoryStream(dir)) {
        d.forEach(files::add);
      } catch (IOException e) {
        continue; // missing directory: its stat above says so
      }
      files.sort(null);
      for (Path f : files) {
        stat(s, f);
      }
    }
    for (String b : SWTPM) {
      ThisHost.findProgram(b)
          .ifPresentOrElse(p -> stat(s, Path.of(p)), () -> s.append(b).append(" -;"));
    }
    return s.toString();
  }

  /** Identity and change times of a file (following symlinks), or its absence. */
  private static void stat(StringBuilder s, Path p) {
    s.append(p).append(' ');
    try {
      Map<String, Object> a =
          Files.readAttributes(p, "unix:ino,dev,size,mode,ctime,lastModifiedTime");
      s.append(a.get("dev")).append(':').append(a.get("ino")).append(' ').append(a.get("size"))
          .append(' ').append(a.get("mode")).append(' ').append(a.get("ctime")).append(' ')
          .append(a.get("lastModifiedTime"));
    } catch (IOException | UnsupportedOperationException e) {
      s.append('-');
    }
    s.append(';');
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
