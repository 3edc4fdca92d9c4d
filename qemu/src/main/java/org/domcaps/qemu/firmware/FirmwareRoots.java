// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.firmware;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The firmware descriptor directories, lowest priority first (qemuInteropFetchConfigs). A file
 * name in a later directory replaces the same name from an earlier one.
 *
 * @param dirs directories in ascending priority; missing ones are skipped when scanned
 */
public record FirmwareRoots(List<Path> dirs) {
  /** QEMU_DATADIR/firmware of Debian's build. */
  public static final Path DATA_DIR = Path.of("/usr/share/qemu/firmware");
  /** SYSCONFDIR/qemu/firmware. */
  public static final Path SYSCONF_DIR = Path.of("/etc/qemu/firmware");

  public FirmwareRoots {
    dirs = List.copyOf(dirs);
  }

  public static FirmwareRoots of(Path... dirs) {
    return new FirmwareRoots(List.of(dirs));
  }

  /** The directories libvirt reads for this process's environment. */
  public static FirmwareRoots live(boolean privileged) {
    return standard(privileged, System.getenv(), System.getProperty("user.home"));
  }

  /**
   * libvirt's three directories. The user directory is read only when unprivileged: {@code
   * $XDG_CONFIG_HOME/qemu/firmware} (an empty value is used as is), else {@code
   * $HOME/.config/qemu/firmware}, else the passwd entry's home.
   *
   * @param env the daemon's environment
   * @param passwdHome home directory of the effective user from the passwd database
   */
  public static FirmwareRoots standard(
      boolean privileged, Map<String, String> env, String passwdHome) {
    List<Path> dirs = new ArrayList<>(List.of(DATA_DIR, SYSCONF_DIR));
    if (!privileged) {
      dirs.add(Path.of(userConfigDir(env, passwdHome) + "/qemu/firmware"));
    }
    return new FirmwareRoots(dirs);
  }

  /**
   * The same three directories relocated under {@code prefix}: {@code
   * prefix/usr/share/qemu/firmware}, {@code prefix/etc/qemu/firmware} and, when unprivileged,
   * {@code prefix/<userConfigDir>/qemu/firmware} (libvirt's test data keeps its trees this way,
   * with {@code /home/user/.config} as the user's config dir).
   */
  public static FirmwareRoots relocated(Path prefix, boolean privileged, String userConfigDir) {
    List<Path> dirs = new ArrayList<>();
    dirs.add(prefix.resolve("usr/share/qemu/firmware"));
    dirs.add(prefix.resolve("etc/qemu/firmware"));
    if (!privileged) {
      dirs.add(prefix.resolve(userConfigDir.replaceFirst("^/+", "")).resolve("qemu/firmware"));
    }
    return new FirmwareRoots(dirs);
  }

  private static String userConfigDir(Map<String, String> env, String passwdHome) {
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null) {
      return xdg;
    }
    String home = env.get("HOME");
    return (home != null ? home : passwdHome) + "/.config";
  }
}
