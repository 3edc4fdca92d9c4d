// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.domcaps.check.FirmwareCandidate;
import org.domcaps.check.FirmwareSelection;
import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;
import org.domcaps.model.CapsEnum;

/**
 * {@code <os firmware>} auto-selection:
 * <ul>
 *   <li>enrolled-keys enabled with secure-boot disabled is refused at define
 *       (virDomainDefOSValidate: "firmware feature 'enrolled-keys' cannot be enabled when firmware
 *       feature 'secure-boot' is disabled");
 *   <li>a firmware type the document's {@code <os><enum name='firmware'>} lacks has no
 *       descriptor: libvirt fails at start ("Unable to find any firmware to satisfy '%s'");
 *   <li>with the host's descriptors, libvirt's own selection ({@link FirmwareSelection}) decides
 *       whether one satisfies the requested features; without them, requested features cannot be
 *       told; a picked descriptor whose image is missing fails when QEMU opens it.
 * </ul>
 */
public final class FirmwareRule implements Rule {
  @Override
  public String name() {
    return "firmware-autoselect";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Optional<String> fw = def.os().firmware();
    Map<String, Boolean> features = def.os().firmwareFeatures();
    Optional<Element> fwEl = def.os().firmwareElement();
    if (fwEl.isPresent() && Boolean.TRUE.equals(features.get("enrolled-keys"))
        && Boolean.FALSE.equals(features.get("secure-boot"))) {
      out.error(fwEl.get(), "enrolled-keys", "firmware feature enrolled-keys cannot be enabled "
          + "while secure-boot is disabled");
      return;
    }
    if (fw.isEmpty()) {
      return;
    }
    Element os = def.os().element().get();
    Optional<CapsEnum> known = t.caps().os().firmware();
    if (known.isPresent() && !known.get().contains(fw.get())) {
      out.error(os, fw.get(), known.get().values(), "no firmware descriptor of type '"
          + fw.get() + "' for " + t.describe() + "; available: "
          + (known.get().values().isEmpty() ? "(none)" : String.join(", ", known.get().values())));
      return;
    }
    Optional<List<FirmwareCandidate>> descriptors = t.facts().firmware();
    if (descriptors.isEmpty()) {
      if (known.isEmpty()) {
        out.unknown(os, fw.get(), "firmware types not reported by " + t.describe()
            + ", cannot tell");
      } else if (!features.isEmpty()) {
        out.unknown(fwEl.get(), String.join(",", features.keySet()), "firmware features: the "
            + "descriptors are not known offline, cannot tell whether one has them");
      }
      return;
    }
    Machine m = Ctx.machine(def, t);
    var verdicts = FirmwareSelection.explain(def, m.arch(), m.name(), descriptors.get());
    Optional<FirmwareCandidate> pick = FirmwareSelection.pick(verdicts);
    if (pick.isPresent() && t.facts().live() && !pick.get().image().isEmpty()
        && t.facts().fileSize(pick.get().image()).isEmpty()) {
      // libvirt picks a descriptor without looking at its files; QEMU then cannot open it.
      out.error(fwEl.orElse(os), fw.get(), "libvirt would pick " + pick.get().source()
          + ", whose image " + pick.get().image() + " does not exist on this host");
    }
    if (pick.isPresent() && pick.get().features().contains("requires-smm") && def.feature("smm")
        .map(x -> "off".equals(x.attrOrNull("state"))).orElse(false)) {
      out.error(def.feature("smm").get(), "off", "the firmware libvirt picks ("
          + pick.get().source() + ") requires SMM, which <smm state='off'> turns off");
    }
    if (pick.isEmpty()) {
      Element at = fwEl.orElse(os);
      out.error(at, fw.get(), "no firmware descriptor satisfies '" + fw.get() + "'"
          + (features.isEmpty() ? "" : " with " + describe(features)) + " for " + t.describe()
          + " (" + verdicts.size() + " descriptors considered; --explain says why each failed)");
    }
  }

  private static String describe(Map<String, Boolean> features) {
    StringBuilder s = new StringBuilder();
    features.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append('=')
        .append(v ? "yes" : "no"));
    return s.toString();
  }
}
