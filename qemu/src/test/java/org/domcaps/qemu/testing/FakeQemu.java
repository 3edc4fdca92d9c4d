// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A fake {@code qemu-system-*}: a Java main that accepts QEMU's probing command line ({@code -qmp
 * unix:PATH,server=on,wait=off -pidfile FILE}) and misbehaves as told, for end-to-end fault tests
 * of the launcher. Started through a script made by {@link FakeQemuBinary}:
 *
 * <pre>FakeQemu SCENARIO REPORT_FILE qemu-args...</pre>
 *
 * <p>It writes {@code pid=N} (and {@code child=M} when it spawns one) to REPORT_FILE, since the
 * launcher replaces the environment and nothing else reaches the test.
 */
public final class FakeQemu {
  /** What the fake does. */
  public enum Scenario {
    /** Prints to stderr and exits 1 without opening a monitor. */
    EXIT_WITH_STDERR,
    /** Never opens its monitor socket. */
    NO_MONITOR,
    /** Accepts the connection but never sends the greeting. */
    HANG_BEFORE_GREETING,
    /** Spawns a child process, then hangs before the greeting (the child must die too). */
    CHILD_AND_HANG,
    /** Answers qmp_capabilities, then never answers the next command. */
    HANG_MID_COMMAND,
    /** Answers qmp_capabilities and query-version, then dies (exit 3) on the next command. */
    CRASH_MID_PROBE,
    /** Sends a line that is not JSON instead of the greeting. */
    GARBAGE_GREETING,
    /** Answers qmp_capabilities, then answers the next command with a non-JSON line. */
    GARBAGE_REPLY,
    /** Answers every command (with events in between), exits on quit. */
    WELL_BEHAVED,
    /**
     * Double-forks a {@code setsid sleep MARKER} ({@link FakeQemuBinary#orphanMarker}), then
     * behaves well. The sleep leaves QEMU's process tree at once.
     */
    DOUBLE_FORK_AND_HANG,
    /** Like WELL_BEHAVED but ignores quit and SIGTERM: only SIGKILL ends it. */
    STUBBORN
  }

  private FakeQemu() {}

  public static void main(String[] args) throws Exception {
    Scenario scenario = Scenario.valueOf(args[0]);
    Path report = Path.of(args[1]);
    List<String> qemuArgs = List.of(args).subList(2, args.length);
    String report0 = "pid=" + hostPid() + "\n";
    Files.writeString(report, report0);
    Path socket = monitorSocket(qemuArgs);
    switch (scenario) {
      case EXIT_WITH_STDERR:
        System.err.println("fake-qemu: this is not the emulator you are looking for");
        System.exit(1);
        break;
      case NO_MONITOR:
        Thread.sleep(Duration.ofMinutes(10).toMillis());
        break;
      case HANG_BEFORE_GREETING:
        serve(new FakeQmpServer(socket).hang());
        break;
      case CHILD_AND_HANG:
        Process child = new ProcessBuilder("sleep", "600").start();
        Files.writeString(report, report0 + "child=" + hostPidOfChild(child) + "\n");
        serve(new FakeQmpServer(socket).hang());
        break;
      case DOUBLE_FORK_AND_HANG:
        // sh starts a setsid'd sleep in the background and exits: the sleep is nobody's child.
        Process sh = new ProcessBuilder("sh", "-c",
            "setsid sleep " + FakeQemuBinary.orphanMarker(report)
                + " </dev/null >/dev/null 2>&1 &").start();
        sh.waitFor();
        serve(new FakeQmpServer(socket).greet().answerAll(FakeQemu::answer));
        break;
      case HANG_MID_COMMAND:
        serve(negotiated(socket).hang());
        break;
      case CRASH_MID_PROBE:
        serve(
            negotiated(socket)
                .expect("query-version")
                .reply(version())
                .expect("query-target")
                .run(
                    () -> {
                      System.err.println("fake-qemu: crashing now");
                      Runtime.getRuntime().halt(3);
                    }));
        break;
      case GARBAGE_GREETING:
        serve(new FakeQmpServer(socket).send("this is not json").hang());
        break;
      case GARBAGE_REPLY:
        serve(
            negotiated(socket)
                .expect("query-version")
                .send("{\"return\": {\"qemu\": this is not json")
                .hang());
        break;
      case WELL_BEHAVED:
        serve(new FakeQmpServer(socket).greet().answerAll(FakeQemu::answer));
        break;
      case STUBBORN:
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), sig -> {});
        serve(
            new FakeQmpServer(socket)
                .greet()
                .answerAll(c -> "quit".equals(c.path("execute").asText()) ? ok() : answer(c)));
        break;
      default:
        throw new IllegalArgumentException(scenario.name());
    }
  }

  /**
   * Our pid as the test sees it: {@code /proc} is the host's mount, so {@code /proc/self} names
   * the host pid even inside the private PID namespace the launcher may start us in.
   */
  private static long hostPid() throws IOException {
    return Long.parseLong(Path.of("/proc/self").toRealPath().getFileName().toString());
  }

  /** A child's host pid: the one listed among our tasks' children that is not there before. */
  private static long hostPidOfChild(Process child) throws IOException {
    if (ProcessHandle.current().pid() == hostPid()) {
      return child.pid();
    }
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path t : (Iterable<Path>) tasks::iterator) {
        String children = Files.readString(t.resolve("children")).strip();
        if (!children.isEmpty()) {
          return Long.parseLong(children.split(" ")[0]);
        }
      }
    }
    return child.pid();
  }

  private static String answer(com.fasterxml.jackson.databind.JsonNode cmd) {
    switch (cmd.path("execute").asText()) {
      case "query-version":
        return "{\"timestamp\": {\"seconds\": 1, \"microseconds\": 0}, \"event\": \"NOISE\"}\r\n"
            + version();
      case "query-kvm":
        return "{\"return\": {\"enabled\": false, \"present\": false}}";
      case "quit":
        // Like QEMU: answer, then exit shortly after.
        Thread exit =
            new Thread(
                () -> {
                  try {
                    Thread.sleep(20);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  Runtime.getRuntime().halt(0);
                });
        exit.setDaemon(true);
        exit.start();
        return ok();
      default:
        return ok();
    }
  }

  private static void serve(FakeQmpServer server) throws IOException, InterruptedException {
    server.start();
    server.awaitFinished(Duration.ofMinutes(10));
    // Whatever the script did, a real QEMU would stay up until it is told or made to stop.
    Thread.sleep(Duration.ofMinutes(10).toMillis());
  }

  /** A server that has greeted and accepted qmp_capabilities, as every real session starts. */
  private static FakeQmpServer negotiated(Path socket) {
    return new FakeQmpServer(socket).greet().expect("qmp_capabilities").reply(ok());
  }

  private static String ok() {
    return "{\"return\": {}}";
  }

  private static String version() {
    return "{\"return\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7}, \"package\":"
               + " \"fake\"}}";
  }

  private static Path monitorSocket(List<String> args) {
    int i = args.indexOf("-qmp");
    if (i < 0 || i + 1 >= args.size() || !args.get(i + 1).startsWith("unix:")) {
      throw new IllegalArgumentException("fake-qemu: no -qmp unix:PATH in " + args);
    }
    String spec = args.get(i + 1).substring("unix:".length());
    int comma = spec.indexOf(',');
    return Path.of(comma < 0 ? spec : spec.substring(0, comma));
  }
}
