// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import org.domcaps.model.DomainCapabilities;
import org.domcaps.qemu.build.DomainCapsBuilder;
import org.domcaps.qemu.build.FillFacts;
import org.domcaps.qemu.build.ResolvedRequest;
import org.domcaps.qemu.firmware.FirmwareException;
import org.domcaps.qemu.firmware.OsFirmwareCapabilities;
import org.domcaps.qemu.host.HostFactException;

/**
 * The entry point: what {@code virsh domcapabilities} answers for a request, or libvirt's
 * refusal as a {@link DomCapsException}.
 *
 * <p>Thread-safe: stateless; concurrent answers share only what the {@link Options} share.
 */
public final class DomCaps {
  private DomCaps() {}

  /** Resolves the request as libvirt does, then fills the document. */
  public static DomainCapabilities answer(DomCapsRequest request, Options options)
      throws DomCapsException {
    return fill(resolve(request, options), options);
  }

  /** libvirt's request resolution alone: defaults, canonical machine, refusals. */
  public static Resolution resolve(DomCapsRequest request, Options options)
      throws DomCapsException {
    return new Resolution(new RequestResolver(options.host().arch(),
        options.host()::defaultEmulator, options.capsLookup()).resolve(request));
  }

  /** Fills the document for a resolved request (libvirt's virQEMUCapsFillDomainCaps). */
  public static DomainCapabilities fill(Resolution resolution, Options options)
      throws DomCapsException {
    ResolvedRequest resolved = resolution.internal();
    FillFacts facts;
    OsFirmwareCapabilities os;
    try {
      facts = FillFacts.of(options.host(), resolved);
      os = options.firmware().osCapabilities(resolved.arch(), resolved.machine());
    } catch (HostFactException | FirmwareException e) {
      // Both carry libvirt's text of an operating-system error, which has no prefix.
      throw new DomCapsException(DomCapsException.Code.SYSTEM_ERROR, e.getMessage(), e);
    }
    return DomainCapsBuilder.build(resolved, facts, os, options.cpu().cpuFor(resolution));
  }
}
