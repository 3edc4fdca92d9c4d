// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs libvirt 9.0.0 itself in embedded mode ({@code virsh -c qemu:///embed?root=DIR capabilities},
 * as root) so that it probes every emulator it finds and writes its capability cache under {@code
 * DIR/cache/qemu/capabilities}; returns those files by {@code <emulator>}.
 *
 * <p>qemu.conf in DIR says {@code user = "root"}, so libvirt runs the probing QEMU as root like our
 * probe. A privileged libvirt first resolves its built-in default user {@code libvirt-qemu}, which
 * only the libvirt-daemon-system package creates; when it is missing, virsh runs in a private mount
 * namespace ({@code unshare -m}) where copies of /etc/passwd and /etc/group with that user are
 * bind-mounted (virsh always runs in its own mount namespace, so the bind mounts never leak). The
 * host's files are never changed.
 */
public final class LibvirtEmbeddedCache {
  private static final Pattern EMULATOR = Pattern.compile("<emulator>([^<]*)</emulator>");

  private LibvirtEmbeddedCache() {}

  /** Why the comparison cannot run here, or null when it can. */
  public static String unavailableReason() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return "skipped: libvirt's embedded driver must run as root to probe like the system daemon";
    }
    if (!Files.isExecutable(Path.of("/usr/bin/virsh"))) {
      return "skipped: /usr/bin/virsh (libvirt-clients) is not installed";
    }
    return null;
  }

  /**
   * Runs libvirt in a fresh root under {@code scratch}; returns emulator path → cache file text.
   */
  public static Map<String, String> probeAll(Path scratch)
      throws IOException, InterruptedException {
    return run(scratch, "capabilities", null);
  }

  /**
   * Runs {@code virsh ... VIRSH_ARGS} (e.g. {@code domcapabilities --arch x86_64}, which probes one
   * emulator) in a fresh root under {@code scratch}, through {@code runner} if not null (a command
   * prefix such as {@link NoKvmNamespace#runner()}); returns the cache files written.
   */
  public static Map<String, String> run(Path scratch, String virshArgs, Path runner)
      throws IOException, InterruptedException {
    Path work = Files.createTempDirectory(scratch, "libvirt-");
    Path root = Files.createDirectories(work.resolve("root"));
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/qemu.conf"), "user = \"root\"\ngroup = \"root\"\n");
    String virsh = "virsh -c 'qemu:///embed?root=" + root + "' " + virshArgs + " >/dev/null\n";
    StringBuilder script = new StringBuilder("set -e\n");
    if (!userExists("libvirt-qemu")) {
      Path passwd = work.resolve("passwd");
      Path group = work.resolve("group");
      Files.writeString(
          passwd,
          Files.readString(Path.of("/etc/passwd"))
              + "libvirt-qemu:x:64055:64055:Libvirt Qemu:/var/lib/libvirt:/usr/sbin/nologin\n");
      Files.writeString(group, Files.readString(Path.of("/etc/group")) + "libvirt-qemu:x:64055:\n");
      for (Path p : List.of(passwd, group)) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
      }
      script.append("mount --bind '").append(passwd).append("' /etc/passwd\n");
      script.append("mount --bind '").append(group).append("' /etc/group\n");
    }
    script.append(virsh);
    Path scriptFile = work.resolve("run-virsh.sh");
    Files.writeString(scriptFile, script);
    List<String> cmd = new ArrayList<>();
    if (runner != null) {
      cmd.add(runner.toString());
    }
    cmd.addAll(List.of("unshare", "-m", "sh", scriptFile.toString()));
    Path log = work.resolve("virsh.log");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly().waitFor();
      throw new IOException("virsh " + virshArgs + " did not finish in 10 minutes");
    }
    if (p.exitValue() != 0) {
      throw new IOException(
          "virsh " + virshArgs + " failed (" + p.exitValue() + "): " + Files.readString(log));
    }
    Map<String, String> byEmulator = new TreeMap<>();
    Path caps = root.resolve("cache/qemu/capabilities");
    try (Stream<Path> files = Files.list(caps)) {
      for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".xml"))::iterator) {
        String xml = Files.readString(f);
        Matcher m = EMULATOR.matcher(xml);
        if (m.find()) {
          byEmulator.put(m.group(1), xml);
        }
      }
    }
    return byEmulator;
  }

  private static boolean userExists(String name) throws IOException {
    return Files.readAllLines(Path.of("/etc/passwd")).stream()
        .anyMatch(l -> l.startsWith(name + ":"));
  }
}
