// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code domcaps serve}: Jetty 12 (core handlers, no servlet layer) on a Unix-domain socket and/or
 * a TCP address, answering from {@link WarmAnswers} kept fresh by {@link HostWatch}. Jetty
 * because it is asynchronous (a slow client holds a connection, never a thread), has a Unix-domain
 * connector, bounds headers and connections, and stops gracefully; it runs on Java 17.
 */
public final class DomCapsServer implements AutoCloseable {
  private final ServeSettings settings;
  private final Metrics metrics = new Metrics();
  private final WarmAnswers answers;
  private final HostWatch watch;
  private final Server server;
  private ServerConnector tcp;
  private Path inheritedPath;

  private DomCapsServer(ServeSettings settings, PostEndpoints posts) {
    this.settings = settings;
    this.answers = new WarmAnswers(settings, metrics);
    metrics.refreshingFrom(answers::refreshing);
    this.watch = new HostWatch(answers);
    QueuedThreadPool pool = new QueuedThreadPool(settings.threads, Math.min(4, settings.threads));
    pool.setName("domcaps-http");
    this.server = new Server(pool);
    GracefulHandler graceful =
        new GracefulHandler(new ApiHandler(answers, metrics, posts, settings));
    metrics.inFlightFrom(graceful::getCurrentRequestCount);
    server.setHandler(graceful);
    server.setErrorHandler(new JsonErrorHandler());
    server.setRequestLog(new RequestRecorder(metrics, settings.accessLog));
    server.setStopTimeout(settings.stopTimeout.toMillis());
    server.setStopAtShutdown(false); // the caller's SIGTERM hook stops us, then the probes
  }

  /**
   * Starts listening and probing: the sockets accept at once, document requests wait (up to the
   * configured time) until every installed emulator has been probed.
   */
  public static DomCapsServer start(ServeSettings settings, PostEndpoints posts) throws Exception {
    DomCapsServer s = new DomCapsServer(settings, posts);
    s.listen();
    s.answers.start();
    s.watch.start(settings.pollInterval.toMillis());
    return s;
  }

  private void listen() throws Exception {
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(settings.maxHeaderBytes);
    http.setSendServerVersion(false);
    http.setIdleTimeout(settings.idleTimeout.toMillis());
    // A body trickling in slower than this is refused (slow uploads hold a buffer).
    http.setMinRequestDataRate(1024);
    HttpConnectionFactory factory = new HttpConnectionFactory(http);
    Channel inherited = settings.inheritChannel ? System.inheritedChannel() : null;
    boolean inheritedUnix = inherited instanceof ServerSocketChannel ch
        && ch.getLocalAddress() instanceof UnixDomainSocketAddress;
    if (settings.inheritChannel && !(inherited instanceof ServerSocketChannel)) {
      throw new IOException("--inherit-socket: standard input is not a listening socket (expected "
          + "systemd's StandardInput=socket with Accept=no), found " + inherited);
    }
    if (settings.unixSocket.isPresent() || inheritedUnix) {
      UnixDomainServerConnector unix = new UnixDomainServerConnector(server, 1, 1, factory);
      if (inheritedUnix) {
        unix.setInheritChannel(true);
        inheritedPath = ((UnixDomainSocketAddress) ((ServerSocketChannel) inherited)
            .getLocalAddress()).getPath();
        // Jetty's connector unlinks its path when it stops; the inherited socket's file belongs
        // to systemd (it must survive a service restart), so the connector gets a path that
        // never exists.
        unix.setUnixDomainPath(Path.of("/nonexistent-domcaps-inherited/socket"));
      } else {
        Path path = settings.unixSocket.get();
        prepareSocketPath(path);
        unix.setUnixDomainPath(path);
      }
      unix.setIdleTimeout(settings.idleTimeout.toMillis());
      server.addConnector(unix);
    }
    if (settings.listen.isPresent() || (settings.inheritChannel && !inheritedUnix)) {
      tcp = new ServerConnector(server, 1, 1, factory);
      if (settings.inheritChannel && !inheritedUnix) {
        tcp.setInheritChannel(true);
      } else {
        InetSocketAddress a = settings.listen.get();
        tcp.setHost(a.getHostString());
        tcp.setPort(a.getPort());
      }
      tcp.setIdleTimeout(settings.idleTimeout.toMillis());
      server.addConnector(tcp);
    }
    server.addBean(new NetworkConnectionLimit(settings.maxConnections, server));
    server.start();
    if (settings.unixSocket.isPresent() && !inheritedUnix) {
      // Capabilities are not secret (libvirt's read-only socket is world-writable too); what a
      // client may make the service do is bounded by the emulatorbin check.
      Files.setPosixFilePermissions(settings.unixSocket.get(),
          PosixFilePermissions.fromString("rw-rw-rw-"));
    }
  }

  /** Creates the socket's directory; removes a stale socket file nobody answers on. */
  private static void prepareSocketPath(Path path) throws IOException {
    Path dir = path.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    if (!Files.exists(path)) {
      return;
    }
    try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
      throw new IOException("another server is already listening on " + path);
    } catch (IOException refused) {
      if (refused.getMessage() != null && refused.getMessage().startsWith("another server")) {
        throw refused;
      }
      Files.delete(path); // left by a process that died without closing it
    }
  }

  /** Where this server listens, for its start-up message. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    settings.unixSocket.filter(p -> inheritedPath == null).ifPresent(p -> s.append(p));
    if (inheritedPath != null) {
      s.append("inherited socket ").append(inheritedPath);
    }
    if (tcp != null) {
      s.append(s.length() == 0 ? "" : " and ").append("tcp ").append(tcp.getHost() == null ? "*"
          : tcp.getHost()).append(':').append(tcp.getLocalPort());
    }
    return s.toString();
  }

  /** The bound TCP port, when listening on TCP (useful with port 0). */
  public Optional<Integer> tcpPort() {
    return tcp == null ? Optional.empty() : Optional.of(tcp.getLocalPort());
  }

  /** Waits until the first generation is ready; false on timeout. */
  public boolean awaitWarm(Duration wait) throws InterruptedException {
    return answers.await(wait).isPresent();
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  /**
   * Graceful stop: no new connections, in-flight requests finish (up to the stop timeout), then
   * the watch and the probes stop and any QEMU still running is killed.
   */
  @Override
  public void close() throws Exception {
    try {
      server.stop();
    } finally {
      watch.close();
      answers.close();
      killQemuChildren();
      if (settings.unixSocket.isPresent() && !settings.inheritChannel) {
        Files.deleteIfExists(settings.unixSocket.get());
      }
    }
  }

  /** The probes' QEMU processes are our children; none outlives the service. */
  private static void killQemuChildren() {
    ProcessHandle.current().descendants().forEach(p -> {
      p.destroyForcibly();
      try {
        p.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        // Reported by the caller's check if it matters; nothing more we can do here.
      }
    });
  }
}
