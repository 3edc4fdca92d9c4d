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
    try {
      Path out = Files.createTempFile("domcaps-lv11", ".out");
      Path err = Files.createTempFile("domcaps-lv11", ".err");
      try {
        Process p = new ProcessBuilder(cmd).redirectInput(Path.of("/dev/null").toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
          p.destroyForcibly().waitFor();
          throw new IllegalStateException("libvirt 11.3 " + cmd + " did not finish in 5 minutes");
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
}
