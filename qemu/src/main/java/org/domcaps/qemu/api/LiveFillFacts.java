// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.domcaps.qemu.api.DomCapsException.Code.SYSTEM_ERROR;

import java.util.Optional;
import org.domcaps.qemu.build.FillFacts;
import org.domcaps.qemu.build.ResolvedRequest;
import org.domcaps.qemu.build.VirtType;
import org.domcaps.qemu.host.HostFactException;
import org.domcaps.qemu.host.KvmDevice;

/** The fill facts of this host, read at every request as libvirt does. */
final class LiveFillFacts implements FillFactsSource {
  private final Swtpm swtpm;

  LiveFillFacts(Swtpm swtpm) {
    this.swtpm = swtpm;
  }

  @Override
  public FillFacts factsFor(ResolvedRequest request) throws DomCapsException {
    int kvmMax = Integer.MAX_VALUE;
    if (VirtType.KVM.equals(request.virtType())) {
      try {
        kvmMax = KvmDevice.maxVcpus(KvmDevice.PATH);
      } catch (HostFactException e) {
        throw new DomCapsException(SYSTEM_ERROR, e.getMessage(), e);
      }
    }
    return new FillFacts(kvmMax, HostVfio.live(), swtpm.versions(), Optional.empty(),
        Optional.empty());
  }
}
