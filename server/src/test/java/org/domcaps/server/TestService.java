// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.domcaps.server.client.DomCapsClient;

/**
 * A real {@link DomCapsServer} for a test, entirely under a temporary directory: its socket, its
 * capability cache, an emulator directory holding one real QEMU (a symlink to the installed
 * binary, or a copy when the test touches it), and a copy of the host's firmware descriptors.
 */
final class TestService implements AutoCloseable {
  static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");
  static final Path HOST_FIRMWARE = Path.of("/usr/share/qemu/firmware");

  final Path dir;
  final Path socket;
  final Path emulatorDir;
  final Path firmwareDir;
  final Path binary;
  final List<String> accessLog = new CopyOnWriteArrayList<>();
  final DomCapsServer server;
  final DomCapsClient unix;
  final DomCapsClient tcp;

  TestService(Path dir, boolean copyBinary, PostEndpoints posts) throws Exception {
    this.dir = dir;
    socket = dir.resolve("domcaps.sock");
    emulatorDir = Files.createDirectories(dir.resolve("bin"));
    firmwareDir = Files.createDirectories(dir.resolve("firmware"));
    binary = emulatorDir.resolve(QEMU.getFileName());
    if (copyBinary) {
      // QEMU relocates its module and data directories relative to its own binary when it does
      // not run from its configured bindir: give the copy the installed trees at those places.
      Files.copy(QEMU, binary, StandardCopyOption.COPY_ATTRIBUTES);
      for (String tree : List.of("lib/x86_64-linux-gnu/qemu", "share/qemu")) {
        Path link = dir.resolve(tree);
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Path.of("/usr").resolve(tree));
      }
    } else {
      Files.createSymbolicLink(binary, QEMU);
    }
    try (DirectoryStream<Path> d = Files.newDirectoryStream(HOST_FIRMWARE, "*.json")) {
      for (Path f : d) {
        Files.copy(f, firmwareDir.resolve(f.getFileName()));
      }
    }
    ServeSettings settings = ServeSettings.builder(dir.resolve("cache"))
        .unixSocket(socket)
        .listen(new InetSocketAddress("127.0.0.1", 0))
        .emulatorPath(emulatorDir.toString())
        .firmwareDirs(java.util.List.of(firmwareDir))
        .pollInterval(Duration.ofMillis(100))
        .idleTimeout(Duration.ofSeconds(3))
        .maxBodyBytes(64 * 1024)
        .accessLog(accessLog::add)
        .log(s -> {})
        .build();
    server = DomCapsServer.start(settings, posts);
    if (!server.awaitWarm(Duration.ofMinutes(3))) {
      server.close();
      throw new IllegalStateException("the test service did not finish its start-up probe");
    }
    unix = DomCapsClient.unix(socket);
    tcp = DomCapsClient.tcp("127.0.0.1", server.tcpPort().orElseThrow());
  }

  @Override
  public void close() throws Exception {
    server.close();
  }

  static void touch(Path p) throws IOException {
    Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
  }
}
