// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.domcaps.model.LibvirtVersion;

/**
 * How a {@link DomCapsServer} listens, what it serves and its limits. Defaults are the service's
 * production values; tests shorten the timeouts and point the emulator search, firmware roots,
 * cache and socket at temporary directories (never {@code /run} or {@code /etc}).
 */
public final class ServeSettings {
  final Optional<Path> unixSocket;
  final Optional<InetSocketAddress> listen;
  final boolean inheritChannel;
  final Path cacheDir;
  final boolean allowAnyEmulator;
  final int maxProbes;
  final Optional<String> emulatorPath;
  final Optional<List<Path>> firmwareDirs;
  final Duration pollInterval;
  final Duration idleTimeout;
  final Duration stopTimeout;
  final Duration waitForAnswer;
  final LibvirtVersion defaultLibvirt;
  final List<LibvirtVersion> releases;
  final int maxHeaderBytes;
  final int maxBodyBytes;
  final int maxConnections;
  final int threads;
  final Consumer<String> accessLog;
  final Consumer<String> log;

  private ServeSettings(Builder b) {
    if (b.unixSocket.isEmpty() && b.listen.isEmpty() && !b.inheritChannel) {
      throw new IllegalArgumentException(
          "nothing to listen on: expected a Unix socket path, a HOST:PORT or an inherited socket");
    }
    unixSocket = b.unixSocket;
    listen = b.listen;
    inheritChannel = b.inheritChannel;
    cacheDir = Objects.requireNonNull(b.cacheDir, "cacheDir");
    allowAnyEmulator = b.allowAnyEmulator;
    maxProbes = b.maxProbes;
    emulatorPath = b.emulatorPath;
    firmwareDirs = b.firmwareDirs;
    pollInterval = b.pollInterval;
    idleTimeout = b.idleTimeout;
    stopTimeout = b.stopTimeout;
    waitForAnswer = b.waitForAnswer;
    defaultLibvirt = b.defaultLibvirt;
    // The default release first: it is the one most requests ask for, probed first.
    List<LibvirtVersion> r = new java.util.ArrayList<>(List.of(b.defaultLibvirt));
    for (LibvirtVersion v : b.releases) {
      if (!r.contains(v)) {
        r.add(v);
      }
    }
    releases = List.copyOf(r);
    maxHeaderBytes = b.maxHeaderBytes;
    maxBodyBytes = b.maxBodyBytes;
    maxConnections = b.maxConnections;
    threads = b.threads;
    accessLog = b.accessLog;
    log = b.log;
  }

  public static Builder builder(Path cacheDir) {
    return new Builder(cacheDir);
  }

  /**
   * The default socket: {@code /run/domcaps/domcaps.sock} for root, else {@code
   * $XDG_RUNTIME_DIR/domcaps.sock}; empty when neither applies (no runtime dir).
   */
  public static Optional<Path> defaultSocket(boolean privileged, Map<String, String> env) {
    if (privileged) {
      return Optional.of(Path.of("/run/domcaps/domcaps.sock"));
    }
    String xdg = env.get("XDG_RUNTIME_DIR");
    return xdg == null || xdg.isEmpty() ? Optional.empty()
        : Optional.of(Path.of(xdg, "domcaps.sock"));
  }

  public Optional<Path> unixSocket() {
    return unixSocket;
  }

  public Optional<InetSocketAddress> listen() {
    return listen;
  }

  /** Builder; every limit has a default. */
  public static final class Builder {
    private Optional<Path> unixSocket = Optional.empty();
    private Optional<InetSocketAddress> listen = Optional.empty();
    private boolean inheritChannel;
    private final Path cacheDir;
    private boolean allowAnyEmulator;
    // Probing is QEMU start-up (CPU) and waiting for replies; one more than the cores keeps both
    // busy.
    private int maxProbes = Runtime.getRuntime().availableProcessors() + 1;
    private Optional<String> emulatorPath = Optional.empty();
    private Optional<List<Path>> firmwareDirs = Optional.empty();
    private Duration pollInterval = Duration.ofMillis(100);
    private Duration idleTimeout = Duration.ofSeconds(30);
    private Duration stopTimeout = Duration.ofSeconds(10);
    private Duration waitForAnswer = Duration.ofSeconds(120);
    private LibvirtVersion defaultLibvirt = LibvirtVersion.V9_0;
    private List<LibvirtVersion> releases = LibvirtVersion.SUPPORTED;
    private int maxHeaderBytes = 8 * 1024;
    private int maxBodyBytes = 1024 * 1024;
    private int maxConnections = 512;
    private int threads = 16;
    private Consumer<String> accessLog = System.err::println;
    private Consumer<String> log = System.err::println;

    private Builder(Path cacheDir) {
      this.cacheDir = cacheDir;
    }

    public Builder unixSocket(Path v) {
      unixSocket = Optional.of(v);
      return this;
    }

    public Builder listen(InetSocketAddress v) {
      listen = Optional.of(v);
      return this;
    }

    /** Serve the socket this process inherited on stdin (systemd {@code StandardInput=socket}). */
    public Builder inheritChannel(boolean v) {
      inheritChannel = v;
      return this;
    }

    /** Probe any binary named by {@code emulatorbin}, not only the installed emulators. */
    public Builder allowAnyEmulator(boolean v) {
      allowAnyEmulator = v;
      return this;
    }

    public Builder maxProbes(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("maxProbes must be at least 1, got " + v);
      }
      maxProbes = v;
      return this;
    }

    /**
     * Where the installed emulators are searched: a PATH value, relative entries against the
     * working directory (default: this process's PATH).
     */
    public Builder emulatorPath(String v) {
      emulatorPath = Optional.of(v);
      return this;
    }

    /** The firmware descriptor directories, lowest priority first (default: libvirt's). */
    public Builder firmwareDirs(List<Path> v) {
      firmwareDirs = Optional.of(List.copyOf(v));
      return this;
    }

    /**
     * The libvirt release a request without {@code libvirt=} is answered as. The CLI passes the
     * installed libvirt's release (its own default); a library user says which one it wants.
     */
    public Builder defaultLibvirt(LibvirtVersion v) {
      if (!LibvirtVersion.SUPPORTED.contains(v)) {
        throw new IllegalArgumentException("libvirt " + v + " is not supported: expected one of "
            + LibvirtVersion.SUPPORTED);
      }
      defaultLibvirt = Objects.requireNonNull(v, "defaultLibvirt");
      return this;
    }

    /**
     * The releases kept warm (each probed at start-up and on refresh, in its own capability cache
     * directory); default every supported one. The default release is always among them.
     */
    public Builder releases(List<LibvirtVersion> v) {
      for (LibvirtVersion r : v) {
        if (!LibvirtVersion.SUPPORTED.contains(r)) {
          throw new IllegalArgumentException("libvirt " + r + " is not supported: expected one of "
              + LibvirtVersion.SUPPORTED);
        }
      }
      releases = List.copyOf(v);
      return this;
    }

    public Builder pollInterval(Duration v) {
      pollInterval = v;
      return this;
    }

    /** A connection idle this long (including one sending its headers too slowly) is closed. */
    public Builder idleTimeout(Duration v) {
      idleTimeout = v;
      return this;
    }

    /** How long SIGTERM waits for in-flight requests. */
    public Builder stopTimeout(Duration v) {
      stopTimeout = v;
      return this;
    }

    public Builder maxHeaderBytes(int v) {
      maxHeaderBytes = v;
      return this;
    }

    public Builder maxBodyBytes(int v) {
      maxBodyBytes = v;
      return this;
    }

    public Builder maxConnections(int v) {
      maxConnections = v;
      return this;
    }

    public Builder threads(int v) {
      threads = v;
      return this;
    }

    /** Receives one JSON line per request; {@code s -> {}} turns the access log off. */
    public Builder accessLog(Consumer<String> v) {
      accessLog = v;
      return this;
    }

    /** Receives the service's own messages (start, refresh, warnings). */
    public Builder log(Consumer<String> v) {
      log = v;
      return this;
    }

    public ServeSettings build() {
      return new ServeSettings(this);
    }
  }
}
