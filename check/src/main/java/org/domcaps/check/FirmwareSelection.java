// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.domcaps.domain.DomainDefinition;

/**
 * libvirt 9.0's firmware auto-selection for {@code <os firmware='efi|bios'>}
 * (qemuFirmwareFillDomain → qemuFirmwareMatchDomain): the descriptors in order, the first that
 * matches wins. A descriptor is rejected when its interface is not the one asked for, no target
 * has the guest's arch with a machine glob matching the machine, or it lacks a feature the
 * definition enables or has one it disables ({@code <firmware><feature>}); a requires-smm
 * descriptor is rejected when the definition turns SMM off.
 */
public final class FirmwareSelection {
  /** One descriptor and why it was rejected (empty: it matches). */
  public record Verdict(FirmwareCandidate candidate, Optional<String> rejection) {}

  private FirmwareSelection() {}

  public static List<Verdict> explain(DomainDefinition def, String arch, String machine,
      List<FirmwareCandidate> candidates) {
    String want = def.os().firmware().orElse("");
    String iface = want.equals("efi") ? "uefi" : want;
    Map<String, Boolean> features = def.os().firmwareFeatures();
    boolean smmOff = def.feature("smm").map(s -> "off".equals(s.attrOrNull("state")))
        .orElse(false);
    List<Verdict> out = new ArrayList<>();
    for (FirmwareCandidate c : candidates) {
      out.add(new Verdict(c, reject(c, iface, arch, machine, features, smmOff)));
    }
    return out;
  }

  /** The descriptor libvirt picks, if any. */
  public static Optional<FirmwareCandidate> pick(List<Verdict> verdicts) {
    return verdicts.stream().filter(v -> v.rejection().isEmpty()).map(Verdict::candidate)
        .findFirst();
  }

  private static Optional<String> reject(FirmwareCandidate c, String iface, String arch,
      String machine, Map<String, Boolean> features, boolean smmOff) {
    if (!c.interfaces().contains(iface)) {
      return Optional.of("interface " + String.join(",", c.interfaces()) + ", not " + iface);
    }
    boolean target = c.targets().stream().anyMatch(t -> t.arch().equals(arch)
        && t.machines().stream().anyMatch(g -> Glob.matches(g, machine)));
    if (!target) {
      List<String> ts = c.targets().stream()
          .map(t -> t.arch() + " " + String.join("|", t.machines())).toList();
      return Optional.of("targets " + String.join(", ", ts) + ", not " + arch + " " + machine);
    }
    for (Map.Entry<String, Boolean> f : features.entrySet()) {
      boolean has = c.features().contains(f.getKey());
      if (f.getValue() && !has) {
        return Optional.of("lacks feature " + f.getKey() + " (enabled='yes' asked)");
      }
      if (!f.getValue() && has) {
        return Optional.of("has feature " + f.getKey() + " (enabled='no' asked)");
      }
    }
    if (smmOff && c.features().contains("requires-smm")) {
      return Optional.of("requires SMM, which <smm state='off'> disables");
    }
    return Optional.empty();
  }
}
