// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.jackson;

import com.fasterxml.jackson.core.Version;

/**
 * The oldest Jackson this module works with, enforced at first use. Below it Jackson lacks
 * features the parsers rely on, and the failure would not be loud: firmware descriptors would be
 * skipped with a warning and a request answered with the wrong loaders. So the first use of
 * Jackson checks jackson-core and jackson-databind and refuses with the versions found.
 */
public final class JacksonMinimum {
  /** The declared minimum (also in the README); tested by JacksonMinimumTest. */
  public static final int MAJOR = 2;
  public static final int MINOR = 17;

  private static volatile boolean checked;

  private JacksonMinimum() {}

  /** Returns when both Jackson jars are new enough; else throws naming what was found. */
  public static void require() {
    if (checked) {
      return;
    }
    check("jackson-core", com.fasterxml.jackson.core.json.PackageVersion.VERSION,
        com.fasterxml.jackson.core.json.PackageVersion.class);
    check("jackson-databind", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION,
        com.fasterxml.jackson.databind.cfg.PackageVersion.class);
    checked = true;
  }

  private static void check(String artifact, Version found, Class<?> from) {
    boolean oldEnough = found.getMajorVersion() > MAJOR
        || (found.getMajorVersion() == MAJOR && found.getMinorVersion() >= MINOR);
    if (!oldEnough) {
      throw new IllegalStateException("domcaps needs Jackson " + MAJOR + "." + MINOR
          + ".0 or newer, but " + artifact + " " + found.toString() + " is on the class path ("
          + from.getProtectionDomain().getCodeSource().getLocation() + "); depend on "
          + "com.fasterxml.jackson.core:" + artifact + " " + MAJOR + "." + MINOR + " or later");
    }
  }
}
