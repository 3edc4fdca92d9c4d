// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A scriptable QMP peer on a Unix socket, for testing QMP clients the way MockWebServer tests HTTP
 * clients. A script is a sequence of steps run against the first connection accepted:
 *
 * <pre>{@code
 * try (FakeQmpServer qmp = new FakeQmpServer(socket)
 *     .greet()
 *     .expect("qmp_capabilities").reply("{\"return\": {}}")
 *     .event("RESUME")
 *     .expect("query-kvm").hang()
 *     .start()) { ... }
 * }</pre>
 *
 * <p>Steps: {@link #greet()}, {@link #expect(String)} (read one command, check it), {@link
 * #reply(String)} / {@link #send(String)} (one raw line), {@link #event(String)}, {@link #hang()}
 * (hold the connection, answer nothing), {@link #disconnect()}, {@link #run(Runnable)} (e.g. halt
 * the JVM to simulate a crash) and {@link #answerAll(Function)} (answer every further command). A
 * mismatching command is answered with a GenericError and reported by {@link #verify()}.
 */
public final class FakeQmpServer implements Closeable {
  /** The greeting QEMU 7.2 sends. */
  public static final String QEMU_7_2_GREETING =
      "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7},"
          + " \"package\": \"\"}, \"capabilities\": [\"oob\"]}}";

  private static final ObjectMapper JSON = new ObjectMapper();

  private interface Step {
    /** Returns false to end the script (connection closed or held). */
    boolean run(Session s) throws IOException, InterruptedException;
  }

  private final Path socket;
  private final List<Step> steps = new ArrayList<>();
  private final List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());
  private final List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch finished = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);
  private ServerSocketChannel server;
  private volatile SocketChannel client;
  private Thread thread;

  public FakeQmpServer(Path socket) {
    this.socket = socket;
  }

  public Path socket() {
    return socket;
  }

  /** Sends QEMU 7.2's greeting. */
  public FakeQmpServer greet() {
    return send(QEMU_7_2_GREETING);
  }

  /**
   * Reads one command line and checks it: {@code expected} starting with {@code {} must equal the
   * command as JSON (key order ignored, id included); otherwise it is the {@code execute} name.
   */
  public FakeQmpServer expect(String expected) {
    steps.add(
        s -> {
          JsonNode cmd = s.readCommand();
          if (cmd == null) {
            mismatches.add("connection closed while expecting " + expected);
            return false;
          }
          boolean ok =
              expected.startsWith("{")
                  ? JSON.readTree(expected).equals(cmd)
                  : expected.equals(cmd.path("execute").asText());
          if (!ok) {
            mismatches.add("expected " + expected + ", got " + cmd);
            s.writeLine(
                "{\"error\": {\"class\": \"GenericError\", \"desc\": \"fake: unexpected"
                    + " command\"}}");
            return false;
          }
          return true;
        });
    return this;
  }

  /** Sends one line as is (a reply, garbage, anything); {@code \r\n} is appended. */
  public FakeQmpServer send(String line) {
    steps.add(
        s -> {
          s.writeLine(line);
          return true;
        });
    return this;
  }

  /** Same as {@link #send(String)}; reads better after {@link #expect(String)}. */
  public FakeQmpServer reply(String json) {
    return send(json);
  }

  /** Sends an event object with the given name, as QEMU does between replies. */
  public FakeQmpServer event(String name) {
    return send(
        "{\"timestamp\": {\"seconds\": 1, \"microseconds\": 2}, \"event\": \""
            + name
            + "\", \"data\": {}}");
  }

  /** Holds the connection open and answers nothing until the server is closed. */
  public FakeQmpServer hang() {
    steps.add(
        s -> {
          released.await();
          return false;
        });
    return this;
  }

  /** Closes the connection. */
  public FakeQmpServer disconnect() {
    steps.add(
        s -> {
          s.channel.close();
          return false;
        });
    return this;
  }

  /** Runs arbitrary code at this point of the script. */
  public FakeQmpServer run(Runnable action) {
    steps.add(
        s -> {
          action.run();
          return true;
        });
    return this;
  }

  /**
   * Answers every further command with {@code responder(command)} (a raw line, or null to close the
   * connection) until the client disconnects.
   */
  public FakeQmpServer answerAll(Function<JsonNode, String> responder) {
    steps.add(
        s -> {
          JsonNode cmd;
          while ((cmd = s.readCommand()) != null) {
            String line = responder.apply(cmd);
            if (line == null) {
              s.channel.close();
              return false;
            }
            s.writeLine(line);
          }
          return false;
        });
    return this;
  }

  /** Binds the socket and runs the script on the first connection, on a daemon thread. */
  public FakeQmpServer start() throws IOException {
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    thread = new Thread(this::serve, "fake-qmp " + socket.getFileName());
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  private void serve() {
    try (SocketChannel ch = server.accept()) {
      client = ch;
      Session s = new Session(ch);
      for (Step step : steps) {
        if (!step.run(s)) {
          break;
        }
      }
    } catch (IOException | InterruptedException e) {
      // Closed by close() or by the client; the script ends here.
    } finally {
      finished.countDown();
    }
  }

  /** Every command received, in order. */
  public List<JsonNode> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** Waits for the script to end; false on timeout. */
  public boolean awaitFinished(Duration limit) throws InterruptedException {
    return finished.await(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Throws if a command did not match the script. */
  public void verify() {
    synchronized (mismatches) {
      if (!mismatches.isEmpty()) {
        throw new AssertionError("fake QMP script mismatch: " + mismatches);
      }
    }
  }

  @Override
  public void close() throws IOException {
    released.countDown();
    try {
      if (client != null) {
        client.close();
      }
      if (server != null) {
        server.close();
      }
    } finally {
      Files.deleteIfExists(socket);
    }
  }

  /** Line I/O on the accepted connection. */
  private final class Session {
    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(1 << 16);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    Session(SocketChannel channel) {
      this.channel = channel;
      in.flip();
    }

    void writeLine(String text) throws IOException {
      ByteBuffer out = ByteBuffer.wrap((text + "\r\n").getBytes(StandardCharsets.UTF_8));
      while (out.hasRemaining()) {
        channel.write(out);
      }
    }

    /** The next command, or null at end of stream. */
    JsonNode readCommand() throws IOException {
      String text = readLine();
      if (text == null) {
        return null;
      }
      JsonNode cmd = JSON.readTree(text);
      received.add(cmd);
      return cmd;
    }

    private String readLine() throws IOException {
      line.reset();
      while (true) {
        while (in.hasRemaining()) {
          byte b = in.get();
          if (b == '\n') {
            String s = line.toString(StandardCharsets.UTF_8);
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
          }
          line.write(b);
        }
        in.clear();
        int n = channel.read(in);
        in.flip();
        if (n < 0) {
          return null;
        }
      }
    }
  }
}
