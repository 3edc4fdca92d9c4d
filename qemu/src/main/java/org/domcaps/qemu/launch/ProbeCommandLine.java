// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.domcaps.qemu.probe.ProbePhase;

/**
 * The argv and environment of one probe process, as libvirt 9.0.0 builds them (qemu_process.c
 * qemuProcessQMPInit/qemuProcessQMPLaunch) with one deliberate difference: no {@code -daemonize}.
 * libvirt lets QEMU daemonise so that the foreground exit signals "monitor socket ready", and then
 * has to wait for init to reap the orphaned daemon (1.5 s per process on some machines). We keep
 * QEMU as our own child instead, wait for the greeting on the socket, and reap it ourselves; QEMU
 * answers every probe query the same either way. The pid file is kept because it costs nothing and
 * keeps the argv recognisable.
 *
 * @param binary the emulator as given (not resolved: libvirt executes the path it was handed)
 * @param workDir the private directory holding {@code qmp.monitor} and {@code qmp.pid}
 * @param phase which {@code -machine} accelerator list to ask for
 */
record ProbeCommandLine(Path binary, Path workDir, ProbePhase phase) {
  /**
   * Variables libvirt passes through from its own environment (vircommand.c
   * virCommandAddEnvPassCommon).
   */
  static final List<String> PASSED_THROUGH =
      List.of(
          "LD_PRELOAD",
          "LD_LIBRARY_PATH",
          "DYLD_INSERT_LIBRARIES",
          "DYLD_FORCE_FLAT_NAMESPACE",
          "PATH",
          "HOME",
          "USER",
          "LOGNAME",
          "TMPDIR");

  public ProbeCommandLine {
    Objects.requireNonNull(binary, "binary");
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(phase, "phase");
  }

  public Path monitorSocket() {
    return workDir.resolve("qmp.monitor");
  }

  public Path pidFile() {
    return workDir.resolve("qmp.pid");
  }

  /** {@code none,accel=kvm:tcg} for the first phase, {@code none,accel=tcg} for the TCG phase. */
  public String machine() {
    return phase == ProbePhase.FIRST ? "none,accel=kvm:tcg" : "none,accel=tcg";
  }

  public List<String> argv() {
    return List.of(
        binary.toString(),
        "-S",
        "-no-user-config",
        "-nodefaults",
        "-nographic",
        "-machine",
        machine(),
        "-qmp",
        "unix:" + monitorSocket() + ",server=on,wait=off",
        "-pidfile",
        pidFile().toString());
  }

  /**
   * The replaced environment: {@code LC_ALL=C} plus those of {@link #PASSED_THROUGH} that are set
   * in {@code inherited}, nothing else.
   */
  public static Map<String, String> environment(Map<String, String> inherited) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("LC_ALL", "C");
    for (String name : PASSED_THROUGH) {
      String value = inherited.get(name);
      if (value != null) {
        env.put(name, value);
      }
    }
    return env;
  }
}
