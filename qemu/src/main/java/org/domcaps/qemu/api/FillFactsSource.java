// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import org.domcaps.qemu.build.FillFacts;
import org.domcaps.qemu.build.ResolvedRequest;

/**
 * Gathers the host facts for one fill. Live, this is when libvirt opens {@code /dev/kvm} (only
 * for virt type kvm), looks for VFIO and swtpm, and reads the SEV CPUID leaf; a failure refuses
 * the request with libvirt's text.
 */
@FunctionalInterface
public interface FillFactsSource {
  FillFacts factsFor(ResolvedRequest request) throws DomCapsException;
}
