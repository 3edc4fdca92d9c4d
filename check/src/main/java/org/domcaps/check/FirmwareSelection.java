// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.domcaps.domain.DomainDefinition;

/**
 * libvirt 9.0's firmware auto-selection for {@code <os firmware='efi|bios'>}, and its lookup of
 * the descriptor of a read-only pflash {@code <loader>} given without NVRAM template
 * (qemuFirmwareFillDomain → qemuFirmwareMatchDomain): the descriptors in order, the first that
 * matches wins. A descriptor is rejected when its interface is not the one asked for (for a
 * loader: pflash → uefi, rom → bios, and its flash executable must be the loader's path), no
 * target has the guest's arch with a machine glob matching the machine, it lacks a feature the
 * definition enables or has one it disables ({@code <firmware><feature>}), the definition wants
 * S3/S4 ({@code <pm>}) or SEV and the descriptor lacks acpi-s3/acpi-s4/amd-sev, or the loader is
 * {@code secure='yes'} and the descriptor does not require SMM.
 */
public final class FirmwareSelection {
  /** One descriptor and why it was rejected (empty: it matches). */
  public record Verdict(FirmwareCandidate candidate, Optional<String> rejection) {}

  private FirmwareSelection() {}

  public static List<Verdict> explain(DomainDefinition def, String arch, String machine,
      List<FirmwareCandidate> candidates) {
    Optional<String> fw = def.os().firmware();
    Optional<org.domcaps.domain.Element> loader = def.os().loader();
    String iface = fw.map(f -> f.equals("efi") ? "uefi" : f).orElseGet(() -> loader
        .map(l -> "pflash".equals(l.attrOrNull("type")) ? "uefi" : "bios").orElse(""));
    Optional<String> path = fw.isPresent() ? Optional.empty() : loader.map(l -> l.text());
    List<String> needed = new ArrayList<>();
    def.root().at("pm", "suspend-to-mem").filter(e -> "yes".equals(e.attrOrNull("enabled")))
        .ifPresent(e -> needed.add("acpi-s3"));
    def.root().at("pm", "suspend-to-disk").filter(e -> "yes".equals(e.attrOrNull("enabled")))
        .ifPresent(e -> needed.add("acpi-s4"));
    def.launchSecurity().filter(e -> "sev".equals(e.attrOrNull("type")))
        .ifPresent(e -> needed.add("amd-sev"));
    if (loader.map(l -> "yes".equals(l.attrOrNull("secure"))).orElse(false)) {
      needed.add("requires-smm");
    }
    Map<String, Boolean> features = def.os().firmwareFeatures();
    List<Verdict> out = new ArrayList<>();
    for (FirmwareCandidate c : candidates) {
      out.add(new Verdict(c, reject(c, iface, path, arch, machine, features, needed)));
    }
    return out;
  }

  /**
   * Whether libvirt looks a descriptor up for this definition at all: auto-selection, or an
   * old-style read-only pflash loader without NVRAM template (virDomainDefHasOldStyleROUEFI).
   */
  public static boolean applies(DomainDefinition def) {
    if (def.os().firmware().isPresent()) {
      return true;
    }
    return def.os().loader().map(l -> "pflash".equals(l.attrOrNull("type"))
        && "yes".equals(l.attrOrNull("readonly")) && !l.text().isEmpty()).orElse(false)
        && def.os().nvram().flatMap(n -> n.attr("template")).isEmpty();
  }

  /** The descriptor libvirt picks, if any. */
  public static Optional<FirmwareCandidate> pick(List<Verdict> verdicts) {
    return verdicts.stream().filter(v -> v.rejection().isEmpty()).map(Verdict::candidate)
        .findFirst();
  }

  private static Optional<String> reject(FirmwareCandidate c, String iface, Optional<String> path,
      String arch, String machine, Map<String, Boolean> features, List<String> needed) {
    if (path.isPresent() && (!c.device().equals("flash") || !c.image().equals(path.get()))) {
      return Optional.of("executable " + c.image() + ", not the loader " + path.get());
    }
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
    for (String n : needed) {
      if (!c.features().contains(n)) {
        return Optional.of("lacks feature " + n + ", which the definition needs");
      }
    }
    return Optional.empty();
  }
}
