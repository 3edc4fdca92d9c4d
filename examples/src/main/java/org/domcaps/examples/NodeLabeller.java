// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.examples;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.query.CapabilityQuestions;
import org.domcaps.model.query.HypervFeature;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.qemu.api.DomCaps;
import org.domcaps.qemu.api.DomCapsRequest;
import org.domcaps.qemu.api.LiveOptions;

/**
 * A node labeller in the style of KubeVirt's: turns a host's domain capabilities into node labels
 * a scheduler can match (usable CPU models, the host-model CPU and its required features, SEV,
 * Hyper-V enlightenments). Run with document files to label them, or with no argument to ask
 * this host (libvirt's defaults: host arch, default emulator, KVM when usable).
 */
public final class NodeLabeller {
  static final String CPU_MODEL = "cpu-model.node.kubevirt.io/";
  static final String HOST_MODEL = "host-model-cpu.node.kubevirt.io/";
  static final String REQUIRED_FEATURE = "host-model-required-features.node.kubevirt.io/";
  static final String HYPERV = "hyperv.node.kubevirt.io/";
  static final String SEV = "kubevirt.io/sev";
  static final String SEV_ES = "kubevirt.io/sev-es";

  private NodeLabeller() {}

  /** The labels of one document, sorted; a label is present only for a "yes". */
  public static Map<String, String> labels(DomainCapabilities caps) {
    CapabilityQuestions q = CapabilityQuestions.of(caps);
    Map<String, String> labels = new TreeMap<>();
    q.usableCpuModels().forEach(m -> labels.put(CPU_MODEL + m, "true"));
    q.hostModelName().ifPresent(m -> labels.put(HOST_MODEL + m, "true"));
    q.hostModelRequiredFeatures().forEach(f -> labels.put(REQUIRED_FEATURE + f, "true"));
    for (HypervFeature f : q.hypervFeatures().known()) {
      labels.put(HYPERV + f.libvirtName(), "true");
    }
    if (q.sev().isYes()) {
      labels.put(SEV, "true");
    }
    if (q.sevEs().isYes()) {
      labels.put(SEV_ES, "true");
    }
    return labels;
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      print(DomCaps.answer(DomCapsRequest.defaults(),
          LiveOptions.forThisHost(System.err::println)));
      return;
    }
    for (String file : args) {
      print(DomainCapabilitiesXml.parse(Path.of(file)));
    }
  }

  private static void print(DomainCapabilities caps) {
    labels(caps).forEach((k, v) -> System.out.println(k + "=" + v));
  }
}
