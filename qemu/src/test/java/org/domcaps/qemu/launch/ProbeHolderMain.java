// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import java.nio.file.Path;
import java.time.Duration;
import org.domcaps.qemu.probe.ProbePhase;

/**
 * A domcaps in the middle of a probe, for {@link Issue16OrphanQemuOnKillTest}: starts the given
 * binary as a probe process with its work directory under WORK_PARENT, prints {@code started},
 * then waits to be killed.
 *
 * <pre>ProbeHolderMain BINARY WORK_PARENT</pre>
 */
public final class ProbeHolderMain {
  private ProbeHolderMain() {}

  public static void main(String[] args) throws Exception {
    LaunchSettings settings = LaunchSettings.defaults()
        .withWorkDirParent(Path.of(args[1]))
        .withStartTimeout(Duration.ofSeconds(60));
    QemuProcess qemu = QemuProcess.start(Path.of(args[0]), ProbePhase.FIRST, settings);
    qemu.greeting();
    System.out.println("started " + qemu.pid());
    System.out.flush();
    Thread.sleep(Duration.ofMinutes(10).toMillis());
  }
}
