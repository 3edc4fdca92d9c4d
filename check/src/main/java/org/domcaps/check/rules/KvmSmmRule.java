// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import java.util.Optional;
import org.domcaps.check.FirmwareCandidate;
import org.domcaps.check.FirmwareSelection;
import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;

/**
 * Under KVM, System Management Mode is the kernel's: when KVM lacks it (KVM_CAP_X86_SMM, e.g.
 * some nested hypervisors) QEMU refuses {@code smm=on} ("System Management Mode not supported by
 * this hypervisor"). libvirt turns SMM on for {@code <smm state='on'>}, for a secure loader, and
 * when the descriptor libvirt picks (auto-selection, or the one of a read-only pflash loader)
 * requires SMM (qemuFirmwareEnableFeatures).
 */
public final class KvmSmmRule implements Rule {
  @Override
  public String name() {
    return "kvm-smm";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Machine m = Ctx.machine(def, t);
    if (!m.x86() || !t.caps().domain().equals("kvm")) {
      return;
    }
    Optional<Element> smmOn = def.feature("smm")
        .filter(s -> "on".equals(Ctx.attr(s, "state", "on")));
    Optional<Element> secure = def.os().loader().filter(l -> "yes".equals(l.attrOrNull("secure")));
    Optional<String> why = smmOn.map(s -> "<smm state='on'>")
        .or(() -> secure.map(s -> "a secure loader"))
        .or(() -> pickedNeedsSmm(def, t, m).map(c -> "the firmware libvirt picks ("
            + c.source() + ") requires SMM"));
    if (why.isEmpty()) {
      return;
    }
    Element at = smmOn.or(() -> secure).or(() -> def.os().element()).orElse(def.root());
    out.unless(t.facts().kvmSmm(), at, "smm", why.get() + ": KVM on this host has no System "
        + "Management Mode");
  }

  private static Optional<FirmwareCandidate> pickedNeedsSmm(DomainDefinition def, Target t,
      Machine m) {
    if (!FirmwareSelection.applies(def) || t.facts().firmware().isEmpty()) {
      return Optional.empty();
    }
    return FirmwareSelection.pick(FirmwareSelection.explain(def, m.arch(), m.name(),
        t.facts().firmware().get())).filter(c -> c.features().contains("requires-smm"));
  }
}
