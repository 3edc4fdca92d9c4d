// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import java.util.List;
import java.util.Optional;
import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.DomainDefinition.CpuDef;
import org.domcaps.domain.Element;
import java.util.LinkedHashSet;
import java.util.Set;
import org.domcaps.model.CpuModel;
import org.domcaps.model.Usable;

/**
 * A custom CPU model against the capabilities' models and the {@code check} policy:
 * <ul>
 *   <li>a model the hypervisor does not list is refused at start ("CPU model %s is not supported
 *       by hypervisor", virCPUValidateModel via qemuProcessUpdateGuestCPU; x86: "Unknown CPU
 *       model");
 *   <li>{@code check='partial'} (the default for custom models except under TCG) makes libvirt
 *       compare the model with the host CPU
 *       (virCPUCompare in qemuProcessStartValidateGuestCPU): outside x86 libvirt has no host CPU
 *       model for TCG ("unknown host CPU"); on x86 a model the host cannot run
 *       ({@code usable='no'}) is incompatible;
 *   <li>{@code check='full'} on x86 makes libvirt compare what QEMU enabled with what was asked
 *       (qemuProcessVerifyCPUFeatures): QEMU always adds the hypervisor bit, which no model of
 *       libvirt's CPU map lists, so it fails unless the definition asks for it;
 *   <li>on s390x QEMU itself refuses a model with features the accelerator lacks ("Some features
 *       requested in the CPU model are not available"), so {@code usable='no'} is fatal there
 *       whatever {@code check} says, where x86 TCG merely warns and starts.
 * </ul>
 */
public final class CpuModelRule implements Rule {
  @Override
  public String name() {
    return "cpu-model";
  }

  private static boolean comparable(Target t, CpuDef cpu, String model) {
    return t.facts().hostCpuFeatures().isPresent()
        && t.facts().cpuModelFeatures(model).isPresent();
  }

  /**
   * virCPUCompare (x86): every feature the guest model and its required features need must be
   * in the full host CPU (QEMU's full expansion, not the document's migratable host-model); a
   * forbidden feature must not be.
   */
  private static void compareWithHost(Target t, CpuDef cpu, String model, Element at,
      Findings out) {
    // Not the document's host-model (the migratable CPU): libvirt compares with the full one.
    Set<String> have = t.facts().hostCpuFeatures().get();
    Set<String> need = new LinkedHashSet<>(t.facts().cpuModelFeatures(model).get());
    for (Element f : cpu.features()) {
      String policy = Ctx.attr(f, "policy", "require");
      String fname = f.attrOrNull("name");
      if (policy.equals("require") || policy.equals("force")) {
        need.add(fname);
      } else {
        need.remove(fname);
        if (policy.equals("forbid") && have.contains(fname)) {
          out.error(f, fname, "feature '" + fname + "' is forbidden but the host CPU of "
              + t.describe() + " has it");
        }
      }
    }
    need.removeAll(have);
    if (!need.isEmpty()) {
      out.error(at, model, (cpu.check() == null ? "check='partial' (the default under "
          + t.caps().domain() + ")" : "check='partial'") + ": the host CPU of " + t.describe()
          + " lacks features CPU model '" + model + "' needs: " + String.join(", ", need));
    }
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Optional<CpuDef> cpuDef = def.cpu();
    if (cpuDef.isEmpty() || !cpuDef.get().mode().equals("custom")) {
      return;
    }
    CpuDef cpu = cpuDef.get();
    Optional<String> name = cpu.modelName();
    if (name.isEmpty()) {
      return;
    }
    Element at = cpu.model().get();
    if (t.caps().cpu().isEmpty()) {
      out.unknown(at, name.get(), "CPU models not reported by " + t.describe() + ", cannot tell");
      return;
    }
    List<CpuModel> models = t.caps().cpu().get().custom();
    Optional<CpuModel> model = models.stream().filter(m -> m.name().equals(name.get())).findFirst();
    if (model.isEmpty()) {
      List<String> allowed = models.stream().map(CpuModel::name).toList();
      out.error(at, name.get(), allowed, "CPU model '" + name.get() + "' not supported by "
          + t.describe() + " (" + allowed.size() + " models listed)");
      return;
    }
    Machine m = Ctx.machine(def, t);
    Usable usable = model.get().usable();
    // qemuDomainDefCPUPostParse: a custom CPU without check= is compared with the host
    // ("partial") except under TCG ("none").
    String check = cpu.check() != null ? cpu.check() : Ctx.tcg(t) ? "none" : "partial";
    if (check.equals("partial")) {
      if (!m.x86()) {
        out.error(cpu.element(), "partial", "check='partial' compares with the host CPU, which "
            + "libvirt does not know for " + m.arch() + " under " + t.caps().domain()
            + " (\"unknown host CPU\")");
      } else if (comparable(t, cpu, name.get())) {
        compareWithHost(t, cpu, name.get(), at, out);
      } else if (usable == Usable.NO) {
        out.error(at, name.get(), (cpu.check() == null ? "check='partial' (the default "
            + "under " + t.caps().domain() + ")" : "check='partial'") + ": CPU model '" + name.get()
            + "' is usable='no' on " + t.describe() + ": the host CPU lacks some of its features");
      }
    }
    boolean asksHypervisor = cpu.features().stream().anyMatch(f -> "hypervisor".equals(
        f.attrOrNull("name")) && !"disable".equals(f.attrOrNull("policy"))
        && !"forbid".equals(f.attrOrNull("policy")));
    if (check.equals("full") && m.x86() && !asksHypervisor) {
      out.error(cpu.element(), "full", "check='full': QEMU always sets the hypervisor CPUID bit "
          + "(and more under " + t.caps().domain() + "), which model '" + name.get() + "' does not "
          + "list, and libvirt refuses extra features");
    }
    if (m.s390x() && usable == Usable.NO) {
      out.error(at, name.get(), "CPU model '" + name.get() + "' is usable='no' on "
          + t.describe() + ": QEMU on s390x refuses a model whose features are unavailable");
    }
  }
}
