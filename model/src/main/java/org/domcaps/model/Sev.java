// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code <features><sev>}. libvirt 9.0.0 prints all four numbers when supported and
 * {@code <cpu0Id>} when it knows it; each is optional here because libvirt's schema and format page
 * allow fewer. Only a {@link Supported#YES} sev carries details.
 */
public record Sev(
    Supported supported,
    OptionalInt cbitpos,
    OptionalInt reducedPhysBits,
    OptionalInt maxGuests,
    OptionalInt maxESGuests,
    Optional<String> cpu0Id) {
  private static final Sev ABSENT =
      new Sev(Supported.ABSENT, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
          OptionalInt.empty(), Optional.empty());
  private static final Sev UNSUPPORTED =
      new Sev(Supported.NO, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
          OptionalInt.empty(), Optional.empty());

  public Sev {
    Objects.requireNonNull(supported, "supported");
    Objects.requireNonNull(cbitpos, "cbitpos");
    Objects.requireNonNull(reducedPhysBits, "reducedPhysBits");
    Objects.requireNonNull(maxGuests, "maxGuests");
    Objects.requireNonNull(maxESGuests, "maxESGuests");
    Objects.requireNonNull(cpu0Id, "cpu0Id");
    boolean details = cbitpos.isPresent() || reducedPhysBits.isPresent() || maxGuests.isPresent()
        || maxESGuests.isPresent() || cpu0Id.isPresent();
    if (details && supported != Supported.YES) {
      throw new IllegalArgumentException("sev with supported=" + supported
          + " cannot carry details");
    }
  }

  public static Sev absent() {
    return ABSENT;
  }

  public static Sev unsupported() {
    return UNSUPPORTED;
  }

  /** Supported, as libvirt prints it (no cpu0Id). */
  public static Sev supported(int cbitpos, int reducedPhysBits, int maxGuests, int maxESGuests) {
    return new Sev(Supported.YES, OptionalInt.of(cbitpos), OptionalInt.of(reducedPhysBits),
        OptionalInt.of(maxGuests), OptionalInt.of(maxESGuests), Optional.empty());
  }

  /** This sev with {@code <cpu0Id>} (the platform's CPU 0 id, base64). */
  public Sev withCpu0Id(String id) {
    return new Sev(supported, cbitpos, reducedPhysBits, maxGuests, maxESGuests, Optional.of(id));
  }
}
