// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import java.util.OptionalLong;
import org.domcaps.check.Findings;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;

/**
 * {@code <filesystem>}: virtiofs needs shared guest memory (qemuValidateDomainDeviceDefFS:
 * "'virtiofs' requires shared memory"); the {@code handle} driver is advertised by libvirt 9.0
 * but QEMU 6.0 removed it ("fsdev: fsdriver handle not found").
 */
public final class FilesystemRule implements Rule {
  private static final long QEMU_6_0 = 6_000_000;

  @Override
  public String name() {
    return "filesystem-driver";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    for (Element fs : def.devices("filesystem")) {
      Element drv = fs.child("driver").orElse(null);
      String type = drv == null ? null : drv.attrOrNull("type");
      if ("virtiofs".equals(type) && !sharedMemory(def)) {
        out.error(drv, type, "virtiofs needs shared memory: <memoryBacking><access "
            + "mode='shared'/> (or a shared NUMA cell)");
      }
      if ("handle".equals(type)) {
        OptionalLong v = t.facts().qemuVersion();
        if (v.isEmpty()) {
          out.unknown(drv, type, "QEMU version not known: the handle driver is gone from QEMU "
              + "6.0, cannot tell");
        } else if (v.getAsLong() >= QEMU_6_0) {
          out.error(drv, type, "filesystem driver 'handle' was removed in QEMU 6.0 (libvirt "
              + "9.0 still lists it); use path or virtiofs");
        }
      }
    }
  }

  private static boolean sharedMemory(DomainDefinition def) {
    boolean backing = def.memoryBacking().flatMap(m -> m.child("access"))
        .map(a -> "shared".equals(a.attrOrNull("mode"))).orElse(false);
    boolean cell = def.numaCells().stream()
        .anyMatch(c -> "shared".equals(c.attrOrNull("memAccess")));
    return backing || cell;
  }
}
