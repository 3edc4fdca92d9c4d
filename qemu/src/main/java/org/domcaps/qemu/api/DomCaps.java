// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import org.domcaps.model.DomainCapabilities;
import org.domcaps.qemu.build.DomainCapsBuilder;
import org.domcaps.qemu.build.ResolvedRequest;
import org.domcaps.qemu.firmware.FirmwareException;
import org.domcaps.qemu.firmware.OsFirmwareCapabilities;

/**
 * The entry point: what {@code virsh domcapabilities} answers for a request, or libvirt's
 * refusal as a {@link DomCapsException}.
 */
public final class DomCaps {
  private DomCaps() {}

  /** Resolves the request as libvirt does, then fills the document. */
  public static DomainCapabilities answer(DomCapsRequest request, Options options)
      throws DomCapsException {
    ResolvedRequest resolved =
        new RequestResolver(options.hostArch(), options.searchPath(), options.capsLookup())
            .resolve(request);
    return fill(resolved, options);
  }

  /** Fills the document for an already resolved request (libvirt's virQEMUCapsFillDomainCaps). */
  public static DomainCapabilities fill(ResolvedRequest resolved, Options options)
      throws DomCapsException {
    OsFirmwareCapabilities os;
    try {
      os = options.firmware().osCapabilities(resolved.arch(), resolved.machine());
    } catch (FirmwareException e) {
      throw new DomCapsException(DomCapsException.Code.SYSTEM_ERROR, e.getMessage(), e);
    }
    return DomainCapsBuilder.build(resolved, options.facts().factsFor(resolved), os,
        options.cpu().cpuFor(resolved));
  }
}
