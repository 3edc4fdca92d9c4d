// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.domcaps.qemu.host.ProcessIdentity;
import org.junit.jupiter.api.Assumptions;

/**
 * libvirt 9.0.0 itself, run daemonless on this machine: {@code virsh -c qemu:///embed?root=R ...}
 * with a fresh root R per instance, so every test compares with what libvirt answers here and now.
 * The one place tests run libvirt.
 *
 * <p>Privileged (as root, libvirt's system daemon): libvirt first resolves its built-in user
 * {@code libvirt-qemu}, so that user must exist (scripts/packages.sh setup_libvirt_reference
 * creates it, as Debian's libvirt-daemon-system does). Unprivileged (as nobody, switched with
 * setpriv, so root is still needed): libvirt then also reads the user firmware directory. Either
 * way virsh runs with an empty environment but {@code PATH=/usr/local/bin:/usr/bin:/bin} and the
 * variables a call gives.
 */
public final class EmbeddedLibvirt implements AutoCloseable {
  public static final String VIRSH = "/usr/bin/virsh";
  public static final String SETPRIV = "/usr/bin/setpriv";
  public static final String PATH = "/usr/local/bin:/usr/bin:/bin";
  private static final Pattern EMULATOR = Pattern.compile("<emulator>([^<]*)</emulator>");

  /** What virsh printed and its exit status. */
  public record Result(String stdout, String stderr, int status) {}

  private final Path work;
  private final Path root;
  private final boolean asNobody;
  private final Path runner;

  private EmbeddedLibvirt(String qemuConf, boolean asNobody, Path runner) {
    this.asNobody = asNobody;
    this.runner = runner;
    work = NobodyFiles.privateDir("domcaps-embed");
    root = work.resolve("root");
    if (qemuConf != null) {
      NobodyFiles.write(root.resolve("etc/qemu.conf"), qemuConf);
    }
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (asNobody) {
      NobodyFiles.chownTree(root);
    }
  }

  /** A privileged driver in a fresh root, with {@code qemuConf} as its qemu.conf if not null. */
  public static EmbeddedLibvirt privileged(String qemuConf) {
    return new EmbeddedLibvirt(qemuConf, false, null);
  }

  /**
   * As {@link #privileged(String)}, virsh started through {@code runner} (a command prefix such
   * as {@link NoKvmNamespace#runner()}).
   */
  public static EmbeddedLibvirt privileged(String qemuConf, Path runner) {
    return new EmbeddedLibvirt(qemuConf, false, runner);
  }

  /** An unprivileged driver (virsh as nobody) in a fresh root owned by nobody. */
  public static EmbeddedLibvirt asNobody(String qemuConf) {
    return new EmbeddedLibvirt(qemuConf, true, null);
  }

  /** As {@link #asNobody(String)}, virsh (and the switch to nobody) run through {@code runner}. */
  public static EmbeddedLibvirt asNobody(String qemuConf, Path runner) {
    return new EmbeddedLibvirt(qemuConf, true, runner);
  }

  /** Why a privileged embedded libvirt cannot run here; empty when it can. */
  public static Optional<String> unavailable() {
    Optional<String> common = missingRootOrVirsh();
    if (common.isPresent()) {
      return common;
    }
    if (!userExists("libvirt-qemu")) {
      return Optional.of("skipped: a privileged embedded libvirt needs the user 'libvirt-qemu'"
          + " (Debian's libvirt-daemon-system; scripts/packages.sh setup_libvirt_reference"
          + " creates it), which this machine lacks");
    }
    return Optional.empty();
  }

  /** Why libvirt cannot be run as nobody here; empty when it can. */
  public static Optional<String> unavailableAsNobody() {
    Optional<String> common = missingRootOrVirsh();
    if (common.isPresent()) {
      return common;
    }
    if (!Files.isExecutable(Path.of(SETPRIV))) {
      return Optional.of("skipped: " + SETPRIV + " (util-linux) is not installed");
    }
    return Optional.empty();
  }

  /** Skips the calling test, with the reason, unless {@link #unavailable()} is empty. */
  public static void assumeAvailable() {
    Optional<String> why = unavailable();
    Assumptions.assumeTrue(why.isEmpty(), why::get);
  }

  /** Skips the calling test, with the reason, unless {@link #unavailableAsNobody()} is empty. */
  public static void assumeAvailableAsNobody() {
    Optional<String> why = unavailableAsNobody();
    Assumptions.assumeTrue(why.isEmpty(), why::get);
  }

  private static Optional<String> missingRootOrVirsh() {
    if (ProcessIdentity.effectiveUid() != 0) {
      return Optional.of("skipped: running libvirt's embedded driver like the system daemon"
          + " (or switching to nobody) needs root");
    }
    if (!Files.isExecutable(Path.of(VIRSH))) {
      return Optional.of("skipped: " + VIRSH + " (libvirt-clients) is not installed");
    }
    return Optional.empty();
  }

  private static boolean userExists(String name) {
    try {
      Process p = new ProcessBuilder("getent", "passwd", name)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code virsh domcapabilities --virttype qemu --arch ARCH [--machine MACHINE]}. */
  public Result domcapabilities(Map<String, String> env, String arch, String machine) {
    List<String> args = new ArrayList<>(List.of("domcapabilities", "--virttype", "qemu",
        "--arch", arch));
    if (machine != null) {
      args.addAll(List.of("--machine", machine));
    }
    return virsh(env, args);
  }

  /** {@code virsh -c qemu:///embed?root=R ARGS} with no variables beyond PATH. */
  public Result virsh(String... args) {
    return virsh(Map.of(), List.of(args));
  }

  /** {@code virsh -c qemu:///embed?root=R ARGS} with {@code env} added to PATH. */
  public Result virsh(Map<String, String> env, List<String> args) {
    List<String> cmd = new ArrayList<>();
    if (runner != null) {
      cmd.add(runner.toString());
    }
    if (asNobody) {
      cmd.addAll(List.of(SETPRIV, "--reuid=65534", "--regid=65534", "--clear-groups"));
    }
    cmd.addAll(List.of("env", "-i", "PATH=" + PATH));
    env.forEach((k, v) -> cmd.add(k + "=" + v));
    cmd.addAll(List.of(VIRSH, "-c", "qemu:///embed?root=" + root));
    cmd.addAll(args);
    Path out = work.resolve("virsh.out");
    Path err = work.resolve("virsh.err");
    try {
      Process p = new ProcessBuilder(cmd).redirectInput(Path.of("/dev/null").toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      // probing every emulator (virsh capabilities) takes minutes
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly().waitFor();
        throw new IllegalStateException("virsh " + args + " did not finish in 10 minutes");
      }
      return new Result(Files.readString(out), Files.readString(err), p.exitValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The capability cache files libvirt wrote so far, by their {@code <emulator>}. */
  public Map<String, String> cacheFiles() {
    Map<String, String> byEmulator = new TreeMap<>();
    Path caps = root.resolve("cache/qemu/capabilities");
    if (!Files.isDirectory(caps)) {
      return byEmulator;
    }
    try (Stream<Path> files = Files.list(caps)) {
      for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".xml"))::iterator) {
        String xml = Files.readString(f);
        Matcher m = EMULATOR.matcher(xml);
        if (m.find()) {
          byEmulator.put(m.group(1), xml);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return byEmulator;
  }

  @Override
  public void close() {
    NobodyFiles.deleteTree(work);
  }
}
