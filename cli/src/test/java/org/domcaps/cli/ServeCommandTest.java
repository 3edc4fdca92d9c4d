// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.domcaps.server.DomCapsServer;
import org.domcaps.server.PostEndpoints;
import org.domcaps.server.ServeSettings;
import org.domcaps.server.client.DomCapsClient;
import org.domcaps.server.client.HttpReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code domcaps serve} answers what {@code domcaps} prints, and stops cleanly on SIGTERM. */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class ServeCommandTest {
  private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");
  @TempDir Path dir;

  @Test
  void servedBodiesAreTheCommandsOutput() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path link = Files.createSymbolicLink(bin.resolve("qemu-system-x86_64"), QEMU);
    Path cache = dir.resolve("cache");
    ServeSettings settings = ServeSettings.builder(cache).unixSocket(dir.resolve("s.sock"))
        .emulatorPath(bin.toString())
        .accessLog(s -> {}).log(s -> {}).build();
    try (DomCapsServer server = DomCapsServer.start(settings, new PostEndpoints())) {
      assertThat(server.awaitWarm(Duration.ofMinutes(3))).isTrue();
      DomCapsClient client = DomCapsClient.unix(dir.resolve("s.sock"));
      for (String format : List.of("xml", "json")) {
        CliRun cli = CliRun.of("--emulatorbin", link.toString(), "--virttype", "qemu", "--arch",
            "x86_64", "--cache-dir", cache.toString(), "--format", format);
        assertThat(cli.exit()).isZero();
        String served = client.domcaps(Map.of("emulatorbin", link.toString(), "virttype", "qemu",
            "arch", "x86_64"), format);
        assertThat(served).isEqualTo(cli.out());
      }
      CliRun refused = CliRun.of("--emulatorbin", link.toString(), "--arch", "aarch64",
          "--cache-dir", cache.toString());
      HttpReply r = client.get("/v1/domcaps?emulatorbin=" + link + "&arch=aarch64");
      assertThat(r.status()).isEqualTo(400);
      assertThat(refused.err()).isEqualTo("error: " + messageOf(r) + "\n");
    }
  }

  @Test
  void sigtermFinishesInFlightRequestsAndLeavesNoQemu() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("qemu-system-x86_64"), QEMU);
    Path socket = dir.resolve("s.sock");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process serve = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "serve", "--socket", socket.toString(), "--cache-dir",
        dir.resolve("cold-cache").toString(), "--emulator-path", bin.toString(),
        "--access-log", "off")
        .redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (!Files.exists(socket) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      DomCapsClient client = DomCapsClient.unix(socket);
      // The socket file appears at bind, a moment before the server listens on it.
      while (System.nanoTime() < deadline) {
        try {
          client.get("/healthz");
          break;
        } catch (java.io.IOException notListeningYet) {
          Thread.sleep(20);
        }
      }
      // Asked while the start-up probe runs: the request waits for it, and must still be
      // answered when SIGTERM arrives meanwhile.
      CompletableFuture<HttpReply> inFlight = CompletableFuture.supplyAsync(() -> {
        try {
          return client.get("/v1/domcaps?virttype=qemu&arch=x86_64");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      List<ProcessHandle> qemus = new ArrayList<>();
      while (qemus.isEmpty() && System.nanoTime() < deadline) {
        serve.descendants().filter(p -> p.info().command().orElse("").contains("qemu-system"))
            .forEach(qemus::add);
        Thread.sleep(10);
      }
      assertThat(qemus).as("a QEMU probe runs during start-up").isNotEmpty();
      // The asked request is inside the handler (the metrics request itself is the other one).
      while (!client.get("/metrics").text().contains("domcaps_requests_in_flight 2")
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      serve.destroy(); // SIGTERM
      assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("serve exits after SIGTERM").isTrue();
      HttpReply answer = inFlight.get(60, TimeUnit.SECONDS);
      assertThat(answer.status()).as(answer.text()).isEqualTo(200);
      assertThat(answer.text()).startsWith("<domainCapabilities>");
      for (ProcessHandle q : qemus) {
        assertThat(q.isAlive()).as("QEMU " + q.pid() + " after SIGTERM").isFalse();
      }
      assertThat(socket).doesNotExist();
    } finally {
      serve.destroyForcibly();
    }
  }

  @Test
  void listenTakesPortOrHostAndPort() {
    assertThat(ServeCommand.hostPort("8080")).isEqualTo(new InetSocketAddress("127.0.0.1", 8080));
    assertThat(ServeCommand.hostPort(":0")).isEqualTo(new InetSocketAddress("127.0.0.1", 0));
    assertThat(ServeCommand.hostPort("[::1]:80")).isEqualTo(new InetSocketAddress("::1", 80));
    assertThat(ServeCommand.hostPort("localhost:x")).isNull();
    assertThat(ServeCommand.hostPort("70000")).isNull();
  }

  private static String messageOf(HttpReply r) {
    try {
      r.requireOk();
    } catch (org.domcaps.server.client.DomCapsServiceException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a refusal");
  }
}
