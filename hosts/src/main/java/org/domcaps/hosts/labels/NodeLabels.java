// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.labels;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.domcaps.hosts.cpu.CpuDef;
import org.domcaps.hosts.cpu.CpuException;
import org.domcaps.hosts.cpu.HypervisorCpu;
import org.domcaps.hosts.cpu.HypervisorCpuCommands;
import org.domcaps.model.CpuFeature;
import org.domcaps.model.CpuModel;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.HostModel;
import org.domcaps.model.Sev;
import org.domcaps.model.Supported;
import org.domcaps.model.Usable;
import org.domcaps.qemu.api.X86CpuModels;

/**
 * Kubernetes node labels in KubeVirt's node-labeller vocabulary, from a domain capabilities
 * document and the hypervisor's CPU, computed as the labeller computes them from {@code virsh
 * domcapabilities} and {@code virsh hypervisor-cpu-baseline --features} of its host-model:
 *
 * <ul>
 *   <li>{@code cpu-feature.node.kubevirt.io/F}: each feature the expanded baseline requires;
 *   <li>{@code cpu-model.node.kubevirt.io/M} and {@code cpu-model-migration.node.kubevirt.io/M}:
 *       each custom model not reported unusable and not obsolete, when it is the host-model or
 *       every feature its CPU map definition lists is a cpu-feature label;
 *   <li>{@code cpu-model-migration.node.kubevirt.io/H}, {@code host-model-cpu.node.kubevirt.io/H},
 *       {@code host-model-required-features.node.kubevirt.io/F}, {@code
 *       cpu-vendor.node.kubevirt.io/V}, and {@code node-labeller.kubevirt.io/obsolete-host-model}
 *       when the host-model is obsolete;
 *   <li>{@code kubevirt.io/sev} when SEV is supported, {@code kubevirt.io/sev-es} when it also
 *       admits SEV-ES guests.
 * </ul>
 *
 * Labels the document cannot tell (TSC frequency, Hyper-V, realtime, KSM, machine types) are not
 * produced.
 */
public final class NodeLabels {
  public static final String CPU_FEATURE = "cpu-feature.node.kubevirt.io/";
  public static final String CPU_MODEL = "cpu-model.node.kubevirt.io/";
  public static final String CPU_MODEL_MIGRATION = "cpu-model-migration.node.kubevirt.io/";
  public static final String CPU_VENDOR = "cpu-vendor.node.kubevirt.io/";
  public static final String HOST_MODEL_CPU = "host-model-cpu.node.kubevirt.io/";
  public static final String HOST_MODEL_REQUIRED_FEATURES =
      "host-model-required-features.node.kubevirt.io/";
  public static final String OBSOLETE_HOST_MODEL = "node-labeller.kubevirt.io/obsolete-host-model";
  public static final String SEV = "kubevirt.io/sev";
  public static final String SEV_ES = "kubevirt.io/sev-es";

  /** KubeVirt's default obsoleteCPUModels: models too old to offer, with their -v1 aliases. */
  public static final Set<String> DEFAULT_OBSOLETE = obsoleteWithAliases(List.of("486", "pentium",
      "pentium2", "pentium3", "pentiumpro", "coreduo", "n270", "core2duo", "Conroe", "athlon",
      "phenom", "qemu64", "qemu32", "kvm64", "kvm32", "Opteron_G1", "Opteron_G2"));

  private final X86CpuModels map = X86CpuModels.get();

  private static Set<String> obsoleteWithAliases(List<String> models) {
    Set<String> out = new java.util.HashSet<>();
    for (String m : models) {
      out.add(m);
      out.add(m + "-v1");
    }
    return Set.copyOf(out);
  }

  /**
   * The labels, sorted by key.
   *
   * @param hv the hypervisor whose baseline gives the feature labels ({@link
   *     HypervisorCpu#ofDocument} for a saved document)
   */
  public SortedMap<String, String> labels(DomainCapabilities doc, HypervisorCpu hv,
      Set<String> obsolete)
      throws CpuException {
    SortedMap<String, String> out = new TreeMap<>();
    Optional<HostModel> hostModel = doc.cpu().flatMap(c -> c.hostModel());
    Set<String> features = new java.util.HashSet<>();
    if (hostModel.isPresent()) {
      CpuDef expanded = new HypervisorCpuCommands()
          .baselineCpu(List.of(HypervisorCpu.guestCpu(hostModel.get())), hv, true, false);
      for (CpuDef.Feature f : expanded.features()) {
        if (f.policy() == CpuDef.Policy.REQUIRE) {
          features.add(f.name());
          out.put(CPU_FEATURE + f.name(), "true");
        }
      }
    }
    String hostName = hostModel.map(HostModel::model).orElse(null);
    for (CpuModel m : doc.cpu().map(c -> c.custom()).orElse(List.of())) {
      if (m.usable() == Usable.NO || obsolete.contains(m.name())) {
        continue;
      }
      if (m.name().equals(hostName) || providesAll(m.name(), features)) {
        out.put(CPU_MODEL + m.name(), "true");
        out.put(CPU_MODEL_MIGRATION + m.name(), "true");
      }
    }
    if (hostModel.isPresent()) {
      HostModel h = hostModel.get();
      if (obsolete.contains(h.model())) {
        out.put(OBSOLETE_HOST_MODEL, "true");
      } else {
        out.put(CPU_MODEL_MIGRATION + h.model(), "true");
      }
      for (CpuFeature f : h.features()) {
        if (f.policy().equals("require")) {
          out.put(HOST_MODEL_REQUIRED_FEATURES + f.name(), "true");
        }
      }
      out.put(CPU_VENDOR + h.vendor().orElse(""), "true");
      out.put(HOST_MODEL_CPU + h.model(), "true");
    }
    Sev sev = doc.features().sev();
    if (sev.supported() == Supported.YES) {
      out.put(SEV, "");
      if (sev.maxESGuests().orElse(0) > 0) {
        out.put(SEV_ES, "");
      }
    }
    return out;
  }

  /**
   * Whether every feature the CPU map lists for the model is offered; false for a model it lacks.
   */
  private boolean providesAll(String model, Set<String> features) {
    return map.model(model).map(m -> features.containsAll(m.features())).orElse(false);
  }
}
