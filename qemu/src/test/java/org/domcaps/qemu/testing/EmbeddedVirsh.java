// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs {@code virsh -c qemu:///embed?root=R domcapabilities} as an unprivileged user (nobody) with
 * a controlled environment, so libvirt reads the user firmware directory too. Needs root (to switch
 * user with setpriv).
 */
public final class EmbeddedVirsh implements AutoCloseable {
  public static final String USER = "nobody";
  public static final String VIRSH = "/usr/bin/virsh";
  public static final String SETPRIV = "/usr/bin/setpriv";

  public record Result(String stdout, String stderr, int status) {}

  private final Path root;
  private final boolean asNobody;

  /** A fresh embedded root owned by nobody, optionally with a qemu.conf. */
  public EmbeddedVirsh(String qemuConf) {
    this(qemuConf, true);
  }

  /**
   * @param asNobody run virsh as nobody (unprivileged driver) rather than as root (privileged:
   *     needs the {@code libvirt-qemu} user of Debian's build to exist)
   */
  public EmbeddedVirsh(String qemuConf, boolean asNobody) {
    this.asNobody = asNobody;
    root = privateDir("domcaps-embed");
    if (qemuConf != null) {
      Path etc = root.resolve("etc");
      write(etc.resolve("qemu.conf"), qemuConf);
    }
    if (asNobody) {
      chownTree(root);
    }
  }

  public static boolean available() {
    return Files.isExecutable(Path.of(VIRSH)) && Files.isExecutable(Path.of(SETPRIV));
  }

  public Result domcapabilities(Map<String, String> env, String arch, String machine) {
    List<String> cmd = new ArrayList<>();
    if (asNobody) {
      cmd.addAll(List.of(SETPRIV, "--reuid=65534", "--regid=65534", "--clear-groups"));
    }
    cmd.addAll(List.of("env", "-i", "PATH=/usr/local/bin:/usr/bin:/bin"));
    env.forEach((k, v) -> cmd.add(k + "=" + v));
    cmd.addAll(List.of(VIRSH, "-c", "qemu:///embed?root=" + root, "domcapabilities",
        "--virttype", "qemu", "--arch", arch));
    if (machine != null) {
      cmd.addAll(List.of("--machine", machine));
    }
    try {
      Process p = new ProcessBuilder(cmd).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      byte[] err = p.getErrorStream().readAllBytes();
      int rc = p.waitFor();
      return new Result(new String(out, StandardCharsets.UTF_8),
          new String(err, StandardCharsets.UTF_8), rc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A world-traversable directory owned by nobody (for HOME and XDG_CONFIG_HOME). */
  public static Path privateDir(String prefix) {
    try {
      Path d = Files.createTempDirectory(prefix,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
      chownTree(d);
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void chownTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      UserPrincipal nobody =
          dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER);
      for (Path p : (Iterable<Path>) s::iterator) {
        Files.setOwner(p, nobody);
        if (Files.isDirectory(p)) {
          Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    deleteTree(root);
  }
}
