// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.domcaps.qemu.host.ProcessIdentity;
import org.junit.jupiter.api.Assumptions;

/**
 * libvirt 11.3.0 itself, through the launcher of {@code ../shared/tools/libvirt-11.3-env.sh}
 * ({@code $LIBVIRT11_VIRSH}, default {@code /opt/libvirt11/run-virsh11.sh}): 11.3's virsh embedded
 * with a fresh root per call, in a private mount namespace that shows it 11.3's cpu_map. The
 * launcher is made by sourcing that script ({@code scripts/test.sh} does).
 */
public final class EmbeddedLibvirt113 {
  public static final Path DEFAULT_LAUNCHER = Path.of("/opt/libvirt11/run-virsh11.sh");

  private EmbeddedLibvirt113() {}

  /** The launcher: {@code $LIBVIRT11_VIRSH} when set, else the default path. */
  public static Path launcher() {
    String env = System.getenv("LIBVIRT11_VIRSH");
    return env == null || env.isEmpty() ? DEFAULT_LAUNCHER : Path.of(env);
  }

  /** Why libvirt 11.3 cannot be run here; empty when it can. */
  public static Optional<String> unavailable() {
    if (ProcessIdentity.effectiveUid() != 0) {
      return Optional.of("skipped: the libvirt 11.3 launcher needs root (private mount namespace)");
    }
    if (!Files.isExecutable(launcher())) {
      return Optional.of("skipped: no libvirt 11.3 launcher at " + launcher()
          + " (source ../shared/tools/libvirt-11.3-env.sh, as scripts/test.sh does)");
    }
    return Optional.empty();
  }

  /** Skips the calling test, with the reason, unless libvirt 11.3 can run here. */
  public static void assumeAvailable() {
    Optional<String> why = unavailable();
    Assumptions.assumeTrue(why.isEmpty(), why::get);
  }

  /** {@code virsh domcapabilities ARGS} of libvirt 11.3 in a fresh root. */
  public static EmbeddedLibvirt.Result domcapabilities(List<String> args) {
    List<String> cmd = new ArrayList<>(List.of(launcher().toString(), "domcapabilities"));
    cmd.addAll(args);
    return run(new ProcessBuilder(cmd), args);
  }


  /** The unpacked 11.3 tree the launcher runs ({@code $LIBVIRT11_ROOT}). */
  public static Path tree() {
    String env = System.getenv("LIBVIRT11_ROOT");
    return env == null || env.isEmpty() ? Path.of("/opt/libvirt11/root") : Path.of(env);
  }

  /**
   * Runs 11.3's {@code virsh ARGS} the way the launcher does (private mount namespace showing the
   * tree's {@code /usr/share/libvirt}, the tree's libraries and drivers) but in {@code root}, which
   * the caller keeps: so that libvirt's capability cache files can be read afterwards.
   */
  public static EmbeddedLibvirt.Result virshInRoot(Path root, List<String> args) {
    Path r = tree();
    List<String> cmd = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private",
        "--", "/bin/sh", "-c",
        "mount --bind \"$0/usr/share/libvirt\" /usr/share/libvirt || exit 99; r=$1; shift; "
            + "exec \"$0/usr/bin/virsh\" -c \"qemu:///embed?root=$r\" \"$@\"",
        r.toString(), root.toString()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("LD_LIBRARY_PATH", r.resolve("usr/lib/x86_64-linux-gnu").toString());
    pb.environment().put("LIBVIRT_DRIVER_DIR",
        r.resolve("usr/lib/x86_64-linux-gnu/libvirt/connection-driver").toString());
    pb.environment().put("LC_ALL", "C.UTF-8");
    return run(pb, args);
  }

  private static EmbeddedLibvirt.Result run(ProcessBuilder pb, List<String> args) {
    try {
      Path out = Files.createTempFile("domcaps-lv11", ".out");
      Path err = Files.createTempFile("domcaps-lv11", ".err");
      try {
        Process p = pb.redirectInput(Path.of("/dev/null").toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
          p.destroyForcibly().waitFor();
          throw new IllegalStateException("libvirt 11.3 " + args + " did not finish in 5 minutes");
        }
        return new EmbeddedLibvirt.Result(Files.readString(out), Files.readString(err),
            p.exitValue());
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }


  /** The capability cache file libvirt wrote in {@code root} for {@code emulator}, if any. */
  public static Optional<String> cacheFile(Path root, String emulator) throws IOException {
    Path dir = root.resolve("cache/qemu/capabilities");
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".xml"))::iterator) {
        String xml = Files.readString(f);
        if (xml.contains("<emulator>" + emulator + "</emulator>")) {
          return Optional.of(xml);
        }
      }
    }
    return Optional.empty();
  }
}
