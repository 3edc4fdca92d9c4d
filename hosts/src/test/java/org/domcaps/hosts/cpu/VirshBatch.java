// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.cpu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Many virsh commands in one embedded libvirt 9.0 session (one probe of QEMU instead of one per
 * command): {@code virsh -c qemu:///embed?root=R "cmd1; echo MARK; cmd2; ..."}, standard output
 * unbuffered and merged with standard error so that each command's text, errors included, lies
 * between two marks in the order virsh wrote it.
 */
final class VirshBatch {
  private static final String MARK = "===domcaps-batch-mark===";
  /** Commands per virsh process: keeps the command string far below the kernel's 128 KiB. */
  private static final int CHUNK = 300;

  private VirshBatch() {}

  /** What virsh printed (stderr then stdout, as merged) for each command, in order. */
  static List<String> run(Path root, List<String> commands) {
    return run(root, List.of("/usr/bin/virsh", "-c", "qemu:///embed?root=" + root), commands);
  }

  /**
   * The same with libvirt 11.3.0's virsh through its launcher (which makes its own embedded root);
   * {@code scratch} holds the output files.
   */
  static List<String> run113(Path scratch, Path launcher, List<String> commands) {
    return run(scratch, List.of(launcher.toString()), commands);
  }

  private static List<String> run(Path root, List<String> virsh, List<String> commands) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < commands.size(); i += CHUNK) {
      out.addAll(runChunk(root, virsh, commands.subList(i, Math.min(commands.size(), i + CHUNK))));
    }
    return out;
  }

  private static List<String> runChunk(Path root, List<String> virsh, List<String> commands) {
    StringBuilder line = new StringBuilder();
    for (String c : commands) {
      line.append(c).append(" ; echo ").append(MARK).append(" ; ");
    }
    try {
      Path log = Files.createTempFile(root.getParent(), "virsh", ".out");
      List<String> argv = new ArrayList<>(List.of("env", "-i", "PATH=/usr/local/bin:/usr/bin:/bin",
          "stdbuf", "-o0"));
      argv.addAll(virsh);
      argv.add(line.toString());
      Process p = new ProcessBuilder(argv)
          .redirectErrorStream(true).redirectOutput(log.toFile())
          .redirectInput(Path.of("/dev/null").toFile()).start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly().waitFor();
        throw new IllegalStateException("virsh batch did not finish in 10 minutes");
      }
      String text = Files.readString(log, StandardCharsets.UTF_8);
      List<String> parts = new ArrayList<>(List.of(text.split(MARK + "\n", -1)));
      // The text after the last mark is empty (or virsh's own complaint about the end).
      parts.remove(parts.size() - 1);
      if (parts.size() != commands.size()) {
        throw new IllegalStateException("virsh answered " + parts.size() + " of " + commands.size()
            + " commands:\n" + text);
      }
      return parts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
