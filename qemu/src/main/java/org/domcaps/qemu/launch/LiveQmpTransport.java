// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.domcaps.qemu.qmp.QmpTransport;
import org.domcaps.qemu.qmp.QuotedInput;

/**
 * QMP over a Unix domain socket (JDK channels, no JNI), framed as libvirt frames it
 * (qemu_monitor_json.c): one compact JSON object per command terminated by {@code \r\n}; input
 * split into lines, each a JSON object that is the greeting ({@code QMP}), an event ({@code event},
 * skipped) or the reply ({@code return}/{@code error}) to the single outstanding command. Reply ids
 * are not compared, as libvirt does not compare them.
 *
 * <p>Every wait is bounded: the greeting and each reply must arrive within the command timeout.
 * After any failure the transport is unusable; the caller tears down the peer.
 */
final class LiveQmpTransport implements QmpTransport {
  /** A reply line longer than this is garbage, not QMP (query-qmp-schema is ~200 KiB). */
  static final int MAX_LINE_BYTES = 64 << 20;

  /** Commands are written with the mapper replies are read with. */
  private static final ObjectMapper JSON = QmpLines.JSON;

  private final SocketChannel channel;
  private final Selector selector;
  private final SelectionKey key;
  private final Duration commandTimeout;
  private final QmpLines lines = new QmpLines(MAX_LINE_BYTES);
  private JsonNode greeting;
  private String failure;

  private LiveQmpTransport(SocketChannel channel, Duration commandTimeout) throws IOException {
    this.channel = channel;
    this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout");
    channel.configureBlocking(false);
    this.selector = Selector.open();
    this.key = channel.register(selector, SelectionKey.OP_READ);
  }

  /**
   * Connects once to the monitor socket (libvirt does not retry either). The greeting is read by
   * {@link #greeting()} or {@link #awaitGreeting(long)}.
   */
  public static LiveQmpTransport connect(Path socket, Duration commandTimeout) throws IOException {
    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      ch.connect(UnixDomainSocketAddress.of(socket));
      return new LiveQmpTransport(ch, commandTimeout);
    } catch (IOException e) {
      ch.close();
      throw new IOException(
          "failed to connect to monitor socket " + socket + ": " + e.getMessage(), e);
    }
  }

  /** Reads the greeting within the command timeout (once; later calls return the same object). */
  @Override
  public JsonNode greeting() throws IOException {
    if (greeting == null) {
      awaitGreeting(System.nanoTime() + commandTimeout.toNanos());
    }
    return greeting;
  }

  /** Reads the greeting, waiting until {@code deadlineNanos} ({@link System#nanoTime()} based). */
  public JsonNode awaitGreeting(long deadlineNanos) throws IOException {
    if (greeting != null) {
      return greeting;
    }
    requireUsable();
    try {
      String line =
          readLine(
              deadlineNanos,
              "the QMP greeting",
              Duration.ofNanos(deadlineNanos - System.nanoTime()));
      if (line == null) {
        throw new QmpStreamException("connection closed before the QMP greeting");
      }
      JsonNode obj = QmpLines.parseObject(line);
      if (!obj.has("QMP")) {
        throw new QmpStreamException(
            "expected the QMP greeting, got '" + QuotedInput.excerpt(line) + "'");
      }
      greeting = obj;
      return obj;
    } catch (IOException | RuntimeException e) {
      failure = e.getMessage();
      throw e;
    }
  }

  @Override
  public JsonNode exchange(JsonNode command) throws IOException {
    Objects.requireNonNull(command, "command");
    greeting();
    requireUsable();
    String name = command.path("execute").asText("?");
    long deadline = System.nanoTime() + commandTimeout.toNanos();
    try {
      write(JSON.writeValueAsBytes(command), deadline, name, commandTimeout);
      while (true) {
        String line = readLine(deadline, "the reply to '" + name + "'", commandTimeout);
        if (line == null) {
          throw new QmpStreamException(
              "Missing monitor reply object: connection closed while waiting for the reply to '"
                  + name
                  + "'");
        }
        JsonNode obj = QmpLines.parseObject(line);
        if (obj.has("return") || obj.has("error")) {
          return obj;
        }
        if (!obj.has("event") && !obj.has("QMP")) {
          throw new QmpStreamException("Unknown JSON reply '" + QuotedInput.excerpt(line) + "'");
        }
      }
    } catch (IOException | RuntimeException e) {
      failure = e.getMessage();
      throw e;
    }
  }

  /**
   * Sends {@code quit} without waiting for the answer, if the session is still in step (no failed
   * or unanswered command). Returns whether it was sent.
   */
  public boolean sendQuit() {
    if (failure != null || !channel.isOpen()) {
      return false;
    }
    try {
      write(
          "{\"execute\":\"quit\"}".getBytes(StandardCharsets.US_ASCII),
          System.nanoTime() + Duration.ofSeconds(1).toNanos(),
          "quit",
          Duration.ofSeconds(1));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether an earlier greeting or command failed (timeout, closed connection, garbage). */
  public boolean failed() {
    return failure != null;
  }

  @Override
  public void close() throws IOException {
    try {
      selector.close();
    } finally {
      channel.close();
    }
  }

  private void requireUsable() throws IOException {
    if (failure != null) {
      throw new QmpStreamException("QMP connection unusable after an earlier failure: " + failure);
    }
    if (!channel.isOpen()) {
      throw new QmpStreamException("QMP connection is closed");
    }
  }

  private void write(byte[] json, long deadline, String name, Duration budget) throws IOException {
    ByteBuffer out = ByteBuffer.allocate(json.length + 2);
    out.put(json).put((byte) '\r').put((byte) '\n').flip();
    try {
      while (out.hasRemaining()) {
        if (channel.write(out) == 0) {
          key.interestOps(SelectionKey.OP_WRITE);
          waitReady(deadline, "to send '" + name + "'", budget);
        }
      }
    } finally {
      if (key.isValid()) {
        key.interestOps(SelectionKey.OP_READ);
      }
    }
  }

  /** The next line without its {@code \r\n}, or null at end of stream. */
  private String readLine(long deadline, String what, Duration budget) throws IOException {
    while (true) {
      String line = lines.next(what);
      if (line != null) {
        return line;
      }
      ByteBuffer room = lines.room();
      int n = channel.read(room);
      if (n < 0) {
        return null;
      }
      if (n == 0) {
        waitReady(deadline, "for " + what, budget);
      }
      lines.filled(n);
    }
  }

  private void waitReady(long deadline, String what, Duration budget) throws IOException {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw new QmpTimeoutException("timed out after " + seconds(budget) + " waiting " + what);
    }
    selector.select(Math.max(1, Duration.ofNanos(remaining).toMillis()));
    selector.selectedKeys().clear();
  }

  static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
