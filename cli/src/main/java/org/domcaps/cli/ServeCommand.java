// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.domcaps.qemu.api.ProbeProcesses;
import org.domcaps.qemu.api.CapabilityCache;
import org.domcaps.qemu.api.ThisHost;
import org.domcaps.server.BufferedLines;
import org.domcaps.server.DomCapsServer;
import org.domcaps.server.ServeSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code domcaps serve}: the capabilities over HTTP, kept warm (see the server module). */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve domain capabilities over HTTP/1.1 on a Unix socket and/or loopback TCP, "
        + "probing every installed emulator at start-up and re-probing in the background when "
        + "a binary, the firmware descriptors, swtpm or /dev/kvm change.")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--socket", paramLabel = "PATH", description = "Unix socket (default: "
      + "/run/domcaps/domcaps.sock as root, else $XDG_RUNTIME_DIR/domcaps.sock)")
  Path socket;

  @Option(names = "--no-socket", description = "no Unix socket (with --listen)")
  boolean noSocket;

  @Option(names = "--listen", paramLabel = "[HOST:]PORT",
      description = "also listen on TCP; HOST defaults to 127.0.0.1 (loopback)")
  String listen;

  @Option(names = "--inherit-socket", description = "serve the listening socket on standard "
      + "input (systemd socket activation with StandardInput=socket)")
  boolean inherit;

  @Option(names = "--cache-dir", paramLabel = "DIR", description = "capability cache directory "
      + "(default as for the main command)")
  Path cacheDir;

  @Option(names = "--allow-any-emulator", description = "probe any binary named by emulatorbin "
      + "(default: only the installed emulators)")
  boolean allowAny;

  @Option(names = "--max-probes", paramLabel = "N", description = "QEMU probes at once "
      + "(default: cores + 1)")
  Integer maxProbes;

  @Option(names = "--emulator-path", paramLabel = "DIRS", description = "where the installed "
      + "emulators are searched, as PATH (default: $PATH)")
  String emulatorPath;

  @Option(names = "--firmware-dir", paramLabel = "DIR", description = "firmware descriptor "
      + "directory, lowest priority first (default: libvirt's directories)")
  List<Path> firmwareDirs;

  @Option(names = "--access-log", paramLabel = "FILE|-|off", defaultValue = "-",
      description = "one JSON line per request: a file, - for stderr (default), or off")
  String accessLog;

  /** The release a request without libvirt= is answered as: the CLI's own default. */
  @picocli.CommandLine.Mixin LibvirtOption libvirt = new LibvirtOption();

  @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "close connections idle (or sending headers) this long (default: 30)")
  int idleSeconds;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Path cache = CapabilityCache.location(Optional.ofNullable(cacheDir));
    ServeSettings.Builder b = ServeSettings.builder(cache).allowAnyEmulator(allowAny)
        .idleTimeout(Duration.ofSeconds(idleSeconds)).inheritChannel(inherit);
    Consumer<String> log = line -> {
      err.println(line);
      err.flush();
    };
    b.log(log);
    try {
      b.defaultLibvirt(libvirt.release());
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
    if (!noSocket && !inherit) {
      Optional<Path> path = socket != null ? Optional.of(socket)
          : ServeSettings.defaultSocket(ThisHost.privileged(), System.getenv());
      if (path.isEmpty() && listen == null) {
        err.println("error: no socket path: XDG_RUNTIME_DIR is not set; give --socket PATH or "
            + "--listen [HOST:]PORT");
        err.flush();
        return 1;
      }
      path.ifPresent(b::unixSocket);
    }
    if (listen != null) {
      InetSocketAddress a = hostPort(listen);
      if (a == null) {
        err.println("error: --listen " + listen + ": expected [HOST:]PORT with PORT 0-65535");
        err.flush();
        return 1;
      }
      b.listen(a);
    }
    if (maxProbes != null) {
      b.maxProbes(maxProbes);
    }
    if (emulatorPath != null) {
      b.emulatorPath(emulatorPath);
    }
    if (firmwareDirs != null) {
      b.firmwareDirs(firmwareDirs);
    }
    BufferedLines access = switch (accessLog) {
      case "off" -> null;
      case "-" -> new BufferedLines(System.err);
      default -> new BufferedLines(new FileOutputStream(accessLog, true));
    };
    b.accessLog(access == null ? line -> {} : access);
    DomCapsServer server;
    try {
      server = DomCapsServer.start(b.build(), ServedCommands.endpoints());
    } catch (IOException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
    Runnable stop = () -> {
      try {
        server.close();
      } catch (Exception e) {
        log.accept("domcaps serve: stop: " + e);
      }
      if (access != null) {
        access.close();
      }
    };
    // Drain before the probe processes are killed: an in-flight request may wait for a probe.
    ProbeProcesses.atShutdownBeforeKilling(stop);
    log.accept("domcaps serve: listening on " + server.describe());
    server.join();
    return 0;
  }

  /** {@code PORT}, {@code :PORT}, {@code HOST:PORT} or {@code [V6]:PORT}; null when malformed. */
  static InetSocketAddress hostPort(String s) {
    int colon = s.lastIndexOf(':');
    String host = colon < 0 ? "127.0.0.1" : s.substring(0, colon);
    if (host.isEmpty()) {
      host = "127.0.0.1";
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      int port = Integer.parseInt(s.substring(colon + 1));
      return port < 0 || port > 65535 ? null : new InetSocketAddress(host, port);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
