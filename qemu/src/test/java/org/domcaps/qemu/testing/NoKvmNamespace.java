// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.domcaps.qemu.host.ProcessIdentity;

/**
 * Runs a command as on a host without {@code /dev/kvm}: in a private mount namespace ({@code
 * unshare -m}, root only) whose {@code /dev} is a tmpfs holding only null, zero, full, random,
 * urandom, tty, pts and shm. Lets a KVM host test the KVM-less probe path with the real QEMU and
 * with libvirt; nothing outside the namespace changes.
 */
public final class NoKvmNamespace {
  private static final String SCRIPT =
      "#!/bin/sh\n"
          + "# Runs \"$@\" in a mount namespace whose /dev has no kvm node.\n"
          + "exec unshare -m sh -c '\n"
          + "T=$(mktemp -d /tmp/nokvm-dev.XXXXXX)\n"
          + "mount -t tmpfs -o mode=755 tmpfs \"$T\"\n"
          + "for d in null zero full random urandom tty; do\n"
          + "  [ -e /dev/$d ] && touch \"$T/$d\" && mount --bind /dev/$d \"$T/$d\"\n"
          + "done\n"
          + "mkdir \"$T/pts\" \"$T/shm\" && mount --bind /dev/pts \"$T/pts\""
          + " && mount --bind /dev/shm \"$T/shm\"\n"
          + "mount --rbind \"$T\" /dev\n"
          + "umount -l \"$T\" && rmdir \"$T\"\n"
          + "exec \"$@\"' sh \"$@\"\n";

  private final Path runner;

  private NoKvmNamespace(Path runner) {
    this.runner = runner;
  }

  /** Why it cannot be used here, or null when it can. */
  public static String unavailableReason() {
    if (ProcessIdentity.effectiveUid() != 0) {
      return "skipped: hiding /dev/kvm needs a private mount namespace, which needs root";
    }
    if (!Files.isExecutable(Path.of("/usr/bin/unshare"))) {
      return "skipped: /usr/bin/unshare (util-linux) is not installed";
    }
    return null;
  }

  /** Writes the namespace runner into {@code dir}. */
  public static NoKvmNamespace create(Path dir) throws IOException {
    Path runner = dir.resolve("without-kvm");
    Executables.write(runner, SCRIPT);
    return new NoKvmNamespace(runner);
  }

  /** The runner: {@code runner CMD ARGS...} runs CMD without /dev/kvm. */
  public Path runner() {
    return runner;
  }

  /** An executable in {@code dir} that runs {@code binary} with its arguments without /dev/kvm. */
  public Path wrap(Path dir, Path binary) throws IOException {
    Path wrapper = dir.resolve(binary.getFileName() + "-without-kvm");
    Executables.write(wrapper, "#!/bin/sh\nexec '" + runner + "' '" + binary + "' \"$@\"\n");
    return wrapper;
  }
}
