// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import java.util.List;
import java.util.Set;
import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;

/**
 * {@code <features>} children by architecture, as qemuValidateDomainDefFeatures refuses them at
 * define ("The '%s' feature is not supported for architecture '%s' or machine type '%s'"), or as
 * QEMU refuses them at start where libvirt passes them through:
 * <ul>
 * <li>gic: ARM only, and a version other than 2 only where the binary has the gic-version machine
 * option
 *       (flag {@code gic-version}: "gic-version option is not available with this QEMU binary";
 * qemu-system-arm has none); ioapic: x86 only; htm, hpt, nested-hv, ccf-assist, cfpc, sbbc, ibs:
 * pSeries
 *       only (libvirt, define);
 *   <li>hyperv: x86 only (libvirt refuses it at define on other arches except ARM, where QEMU
 *       refuses the CPU property at start); {@code <kvm>} and {@code <smm>}: x86 only (QEMU has
 *       no such CPU or machine property elsewhere);
 *   <li>vmport: x86 only ("vmport is not available with this QEMU binary");
 *   <li>pmu: always on for ppc64 (libvirt, define); s390x CPUs have no pmu property (QEMU);
 *   <li>acpi on aarch64 needs UEFI ("ACPI requires UEFI on this architecture");
 *   <li>features libvirt 9.0 does not know (ps2 came in 9.1): "unexpected feature".
 * </ul>
 */
public final class HypervisorFeatureRule implements Rule {
  /**
   * virDomainFeature names libvirt 9.0.0 parses (domain_conf.c VIR_ENUM_IMPL(virDomainFeature)).
   */
  private static final Set<String> KNOWN = Set.of("acpi", "apic", "pae", "hap", "viridian",
      "privnet", "hyperv", "kvm", "pvspinlock", "capabilities", "pmu", "vmport", "gic", "smm",
      "ioapic", "hpt", "vmcoreinfo", "htm", "nested-hv", "msrs", "ccf-assist", "xen", "cfpc",
      "sbbc", "ibs", "tcg", "async-teardown");
  private static final Set<String> PSERIES_ONLY =
      Set.of("htm", "hpt", "nested-hv", "ccf-assist", "cfpc", "sbbc", "ibs");

  @Override
  public String name() {
    return "features-arch";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Machine m = Ctx.machine(def, t);
    String where = " for architecture '" + m.arch() + "' or machine type '" + m.name() + "'";
    for (Element f : def.features()) {
      String n = f.name();
      if (!KNOWN.contains(n)) {
        out.error(f, n, "unknown feature <" + n + ">: libvirt 9.0 refuses it (\"unexpected "
            + "feature\")");
        continue;
      }
      boolean refused = switch (n) {
        case "gic" -> !m.arm();
        case "ioapic", "hyperv", "kvm", "smm", "vmport" -> !m.x86();
        default -> PSERIES_ONLY.contains(n) && !m.pseries();
      };
      if (refused) {
        out.error(f, n, List.of(), "feature <" + n + "> not supported" + where);
        continue;
      }
      if (n.equals("pmu") && "off".equals(f.attrOrNull("state")) && (m.ppc64() || m.s390x())) {
        out.error(f, "off", "<pmu state='off'> not possible" + where + ": "
            + (m.ppc64() ? "PMU is always enabled there" : "the CPU has no pmu property"));
      }
      if (n.equals("acpi") && m.arch().equals("aarch64") && !uefi(def)) {
        out.error(f, n, "ACPI on aarch64 requires UEFI: add <os firmware='efi'> or an UEFI "
            + "<loader>");
      }
      if (n.equals("htm") && "on".equals(f.attrOrNull("state")) && Ctx.tcg(t)) {
        out.error(f, "on", "<htm state='on'> under TCG: QEMU has no transactional memory "
            + "emulation (cap-htm)");
      }
      // Version 2 is QEMU's default: libvirt passes gic-version only for another one.
      if (n.equals("gic") && f.attr("version").filter(v -> !v.equals("2")).isPresent()) {
        out.unless(t.facts().flag("gic-version"), f, f.attrOrNull("version"), "<gic version> "
            + "needs the machine's gic-version option, which " + t.describe() + " lacks");
      }
      if (n.equals("gic") && "host".equals(f.attrOrNull("version")) && Ctx.tcg(t)) {
        out.error(f, "host", "<gic version='host'> requires KVM; under TCG use 2 or 3");
      }
      if (n.equals("hyperv") && Ctx.tcg(t)) {
        f.child("vpindex").filter(v -> "on".equals(v.attrOrNull("state"))).ifPresent(v ->
            out.error(v, "on", "<hyperv><vpindex> under TCG: QEMU sets VP_INDEX only through "
                + "KVM (\"kernel doesn't allow setting HyperV VP_INDEX\")"));
      }
    }
  }

  private static boolean uefi(DomainDefinition def) {
    if ("efi".equals(def.os().firmware().orElse(null))) {
      return true;
    }
    // virDomainDefHasOldStyleUEFI: a pflash loader is UEFI as far as this check goes.
    return def.os().loader().map(l -> "pflash".equals(l.attrOrNull("type"))).orElse(false);
  }
}
