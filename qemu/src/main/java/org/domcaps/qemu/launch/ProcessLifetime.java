// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Ties every probe process to our life (issue 16: a killed domcaps left its paused QEMUs and
 * their {@code qmp-N} folders behind, and a child the emulator double-forked outlived it):
 *
 * <ul>
 *   <li>QEMU runs in a private PID namespace when we may make one ({@code unshare --pid --fork
 *       --kill-child}, needs CAP_SYS_ADMIN): it is the namespace's init, so when it ends the
 *       kernel kills everything it started, whatever setsid() or double fork did; and the
 *       namespace dies with us since {@code unshare} dies with us.
 *   <li>The first program we start gets a parent-death signal ({@code setpriv --pdeathsig KILL}:
 *       prctl(PR_SET_PDEATHSIG) must be called in the child, which Java cannot do), so a SIGKILL
 *       of domcaps kills it too. The kernel sends that signal when the <em>thread</em> that
 *       forked the child ends, so every probe process is started by one launcher thread that
 *       lives as long as the JVM.
 *   <li>A shutdown hook (SIGTERM, SIGINT, SIGHUP, exit) kills every probe process still running
 *       and removes its work directory.
 * </ul>
 *
 * Without CAP_SYS_ADMIN (not root, or a container without it) there is no private namespace:
 * then the probe's descendants are killed at stop and by the hook, but a grandchild that
 * double-forked away from QEMU survives a SIGKILL of domcaps (no other mechanism open to an
 * unprivileged process reaches it: cgroups need delegation, a subreaper would need native code
 * in the child). Without {@code setpriv} the process is started as is.
 */
public final class ProcessLifetime {
  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
  private static final Path UNSHARE = Path.of("/usr/bin/unshare");
  private static final Set<QemuProcess> LIVE = ConcurrentHashMap.newKeySet();
  private static final List<Runnable> BEFORE_REAPING = new CopyOnWriteArrayList<>();
  private static final ExecutorService LAUNCHER = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "domcaps-probe-launcher");
    t.setDaemon(true);
    return t;
  });

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ProcessLifetime::killAll,
        "domcaps-probe-reaper"));
  }

  private ProcessLifetime() {}

  /** Whether probe processes get a private PID namespace here (decided once per JVM). */
  static boolean privatePidNamespace() {
    return Namespaces.AVAILABLE;
  }

  private static final class Namespaces {
    static final boolean AVAILABLE = check();

    private static boolean check() {
      if (!Files.isExecutable(UNSHARE)) {
        return false;
      }
      try {
        Process p = new ProcessBuilder(UNSHARE.toString(), "--pid", "--fork", "--kill-child",
            "true").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /** {@code argv} behind the wrappers above (those that are available). */
  static List<String> wrap(List<String> argv) {
    List<String> out = new ArrayList<>();
    if (Files.isExecutable(SETPRIV)) {
      out.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "KILL", "--"));
    }
    if (privatePidNamespace()) {
      out.addAll(List.of(UNSHARE.toString(), "--pid", "--fork", "--kill-child=SIGKILL", "--"));
    }
    out.addAll(argv);
    return out;
  }

  /** Starts {@code pb} on the launcher thread (see the class comment for why). */
  static Process start(ProcessBuilder pb) throws IOException {
    try {
      return LAUNCHER.submit(pb::start).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while starting " + pb.command());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("cannot start " + pb.command() + ": " + e.getCause(), e.getCause());
    }
  }

  static void register(QemuProcess p) {
    LIVE.add(p);
  }

  static void unregister(QemuProcess p) {
    LIVE.remove(p);
  }

  /**
   * Runs {@code action} in the shutdown hook before the probe processes are killed: a service
   * that lets in-flight requests finish (and so their probes) drains there. Hooks the JVM runs
   * concurrently would race the reaper instead.
   */
  public static void beforeReaping(Runnable action) {
    BEFORE_REAPING.add(action);
  }

  private static void killAll() {
    for (Runnable action : BEFORE_REAPING) {
      try {
        action.run();
      } catch (RuntimeException e) {
        // the processes must still be killed
      }
    }
    for (QemuProcess p : LIVE) {
      p.killNow();
    }
  }
}
