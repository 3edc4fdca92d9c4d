// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.domcaps.qemu.probe.ProbePhase;
import org.domcaps.qemu.qmp.QmpTransport;
import org.domcaps.qemu.qmp.QuotedInput;

/**
 * One probe process: QEMU started with libvirt's probing command line ({@link ProbeCommandLine}) in
 * a private work directory, connected over its QMP monitor. It is the {@link QmpTransport} of one
 * probe phase; closing it sends {@code quit}, makes sure the process is gone (SIGTERM, then SIGKILL
 * after {@link LaunchSettings#stopTimeout()}), reaps it and removes the work directory.
 *
 * <p>Any failure while starting or during a command tears the process down the same way before the
 * exception ({@link QemuLaunchException}, naming the binary, with the underlying {@link
 * QmpTimeoutException} or {@link QmpStreamException} as cause) reaches the caller.
 */
final class QemuProcess implements QmpTransport {
  private static final long POLL_MILLIS = 5;
  /** How much of QEMU's stderr an error message quotes (escaped, see {@link QuotedInput}). */
  private static final int STDERR_QUOTED_CHARS = 1000;

  private final Path binary;
  private final ProbeCommandLine commandLine;
  private final LaunchSettings settings;
  private final ProbeWorkDir workDir;
  private final Process process;
  private final StderrDrain stderr;
  private LiveQmpTransport qmp;
  private Boolean kvmEnabled;
  private boolean stopped;
  private volatile long qemuPid;

  private QemuProcess(
      Path binary,
      ProbeCommandLine commandLine,
      LaunchSettings settings,
      ProbeWorkDir workDir,
      Process process) {
    this.binary = binary;
    this.commandLine = commandLine;
    this.settings = settings;
    this.workDir = workDir;
    this.process = process;
    this.stderr = new StderrDrain(process.getErrorStream(), "qemu-stderr-" + process.pid());
  }

  /**
   * Checks the binary as libvirt does, starts it for {@code phase} and reads the QMP greeting, all
   * within {@link LaunchSettings#startTimeout()}. {@code qmp_capabilities} is left to the caller
   * (it is the first command of every recorded session).
   */
  public static QemuProcess start(Path binary, ProbePhase phase, LaunchSettings settings)
      throws IOException {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(settings, "settings");
    EmulatorBinaryCheck.requireExecutable(binary);
    long deadline = System.nanoTime() + settings.startTimeout().toNanos();
    ProbeWorkDir workDir = ProbeWorkDir.create(settings.workDirParent());
    ProbeCommandLine cl = new ProbeCommandLine(binary, workDir.path(), phase);
    ProcessBuilder pb = new ProcessBuilder(ProcessLifetime.wrap(cl.argv()));
    pb.environment().clear();
    pb.environment().putAll(ProbeCommandLine.environment(System.getenv()));
    pb.redirectInput(Redirect.from(new File("/dev/null")));
    pb.redirectOutput(Redirect.DISCARD);
    pb.redirectError(Redirect.PIPE);
    Process process;
    try {
      process = ProcessLifetime.start(pb);
    } catch (IOException e) {
      workDir.remove();
      throw new QemuLaunchException(
          binary, "Failed to start QEMU binary " + binary + " for probing: " + e.getMessage(), e);
    }
    QemuProcess qp = new QemuProcess(binary, cl, settings, workDir, process);
    ProcessLifetime.register(qp);
    try {
      qp.connect(deadline);
      qp.pid();
    } catch (IOException | RuntimeException e) {
      throw qp.tearDownAfter("is not a usable QEMU: ", e);
    }
    return qp;
  }

  /** Waits for the monitor socket to accept a connection, then for the greeting. */
  private void connect(long deadline) throws IOException {
    Path socket = commandLine.monitorSocket();
    while (qmp == null) {
      if (!process.isAlive()) {
        throw new QmpStreamException("no QMP monitor opened");
      }
      if (Files.exists(socket)) {
        try {
          qmp = LiveQmpTransport.connect(socket, settings.commandTimeout());
          break;
        } catch (IOException notListeningYet) {
          // QEMU creates the socket file just before listen(); try again shortly.
        }
      }
      if (System.nanoTime() - deadline > 0) {
        throw new QmpTimeoutException(
            "no QMP monitor at "
                + socket
                + " after "
                + LiveQmpTransport.seconds(settings.startTimeout()));
      }
      try {
        process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while starting " + binary);
      }
    }
    qmp.awaitGreeting(deadline);
  }

  @Override
  public JsonNode greeting() throws IOException {
    requireRunning();
    return qmp.greeting();
  }

  /**
   * Sends one command and returns QEMU's reply; remembers whether a {@code query-kvm} reply said
   * KVM is present and enabled.
   */
  @Override
  public JsonNode exchange(JsonNode command) throws IOException {
    requireRunning();
    JsonNode reply;
    try {
      reply = qmp.exchange(command);
    } catch (IOException | RuntimeException e) {
      throw tearDownAfter("", e);
    }
    if ("query-kvm".equals(command.path("execute").asText()) && reply.has("return")) {
      JsonNode r = reply.get("return");
      kvmEnabled = r.path("present").asBoolean(false) && r.path("enabled").asBoolean(false);
    }
    return reply;
  }

  /**
   * The process id of QEMU: our child, or, behind the wrappers of {@link ProcessLifetime}, the
   * child of {@code unshare} (its pid in its own namespace is 1).
   */
  public long pid() {
    if (qemuPid == 0) {
      qemuPid = ProcessLifetime.privatePidNamespace()
          ? process.children().findFirst().map(ProcessHandle::pid).orElse(0L)
          : process.pid();
    }
    return qemuPid == 0 ? process.pid() : qemuPid;
  }

  /** The private work directory; it no longer exists once this process is closed. */
  public Path workDir() {
    return workDir.path();
  }

  public ProbePhase phase() {
    return commandLine.phase();
  }

  /** The argv QEMU was started with. */
  public List<String> argv() {
    return commandLine.argv();
  }

  /** What the last {@code query-kvm} reply said (present and enabled), if one was seen. */
  public Optional<Boolean> kvmEnabled() {
    return Optional.ofNullable(kvmEnabled);
  }

  /** Sends {@code quit} if the session is in step, then stops, reaps and cleans up. Idempotent. */
  @Override
  public void close() throws IOException {
    stop(true);
  }

  private void requireRunning() throws IOException {
    if (stopped) {
      throw new IOException("probe process of " + binary + " was already closed");
    }
  }

  /** Tears everything down and returns the exception to throw, naming binary, status, stderr. */
  private QemuLaunchException tearDownAfter(String verdict, Exception cause) {
    if (cause instanceof QmpStreamException) {
      // A closed connection usually means QEMU is exiting: let it, so we can report its status.
      Reaping.await(process, Duration.ofMillis(200));
    }
    boolean exitedOnItsOwn = !process.isAlive();
    try {
      stop(false);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
    StringBuilder msg = new StringBuilder();
    if (verdict.isEmpty()) {
      msg.append("Failed to probe capabilities for ").append(binary).append(": ");
    } else {
      msg.append("QEMU binary ").append(binary).append(' ').append(verdict);
    }
    msg.append(cause.getMessage());
    if (exitedOnItsOwn) {
      msg.append(" (it exited with status ").append(process.exitValue()).append(')');
    }
    String err = stderr.text(200);
    if (!err.isEmpty()) {
      msg.append("; stderr: ").append(QuotedInput.excerpt(err, STDERR_QUOTED_CHARS));
    }
    return new QemuLaunchException(binary, msg.toString(), cause);
  }

  /**
   * Stops the process: {@code quit} first when asked and possible, SIGTERM to it and its
   * descendants if it is still there after a short grace, SIGKILL after the stop timeout; then
   * reaps it and removes the work directory.
   */
  private void stop(boolean quit) throws IOException {
    if (stopped) {
      return;
    }
    stopped = true;
    List<ProcessHandle> descendants = process.descendants().toList();
    ProcessLifetime.unregister(this);
    try {
      if (quit && qmp != null && process.isAlive() && qmp.sendQuit()) {
        Reaping.await(process, min(settings.stopTimeout(), Duration.ofSeconds(1)));
      }
      if (qmp != null) {
        qmp.close();
      }
    } finally {
      Reaping.terminate(process, descendants, settings.stopTimeout());
      workDir.remove();
    }
  }

  /**
   * The shutdown hook's stop: no {@code quit}, no grace; SIGKILL to QEMU and everything it
   * started, then the work directory removed.
   */
  void killNow() {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    Reaping.await(process, Duration.ofSeconds(2));
    try {
      workDir.remove();
    } catch (IOException | RuntimeException e) {
      // the JVM is exiting; the next start removes stale work directories
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
