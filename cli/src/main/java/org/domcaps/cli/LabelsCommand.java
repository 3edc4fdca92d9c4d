// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import org.domcaps.hosts.cpu.CpuException;
import org.domcaps.hosts.cpu.HypervisorCpu;
import org.domcaps.hosts.diff.DiffReport;
import org.domcaps.hosts.labels.NodeLabels;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.qemu.api.DomCaps;
import org.domcaps.qemu.api.DomCapsException;
import org.domcaps.qemu.api.DomCapsRequest;
import org.domcaps.qemu.api.LiveOptions;
import org.domcaps.qemu.api.Options;
import org.domcaps.qemu.api.Resolution;
import org.domcaps.qemu.api.CapabilityCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code domcaps labels [FILE]}: KubeVirt node-labeller labels, without libvirt. */
@Command(name = "labels",
    description = {"Print Kubernetes node labels in KubeVirt's node-labeller vocabulary"
          + " (cpu-model, cpu-feature, host-model-cpu, host-model-required-features, cpu-vendor,"
          + " kubevirt.io/sev, ...), one KEY=VALUE a line, sorted; --format json prints one"
          + " object.",
        "Without FILE: this host, asked as KubeVirt's init container asks libvirt (virttype kvm"
            + " when /dev/kvm exists, else qemu; machine q35 on x86_64, virt on aarch64). With "
                + "FILE:"
            + " a saved domain capabilities document (XML or JSON).",
        "Exit status: 0 printed, 1 the document cannot be read or the host answered an error."})
final class LabelsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin OutputFormatOption output;

  @Option(names = "--obsolete-cpu-models", split = ",", paramLabel = "MODEL",
      description =
      "models never labelled (KubeVirt's obsoleteCPUModels; default: its default list)")
  String[] obsolete;

  @Parameters(arity = "0..1", paramLabel = "FILE", description =
      "a saved domain capabilities document")
  Path file;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    SortedMap<String, String> labels;
    try {
      DomainCapabilities doc;
      HypervisorCpu hv;
      if (file != null) {
        doc = DocumentFile.read(file);
        hv = HypervisorCpu.ofDocument(doc);
      } else {
        Options options = LiveOptions.forThisHost(w -> { }, Optional.of(CapabilityCache.location(
            Optional.empty())));
        String arch = LiveOptions.hostArch();
        String machine = arch.equals("x86_64") ? "q35" : arch.equals("aarch64") ? "virt" : null;
        String virtType = Files.exists(Path.of("/dev/kvm")) ? "kvm" : "qemu";
        Resolution r = DomCaps.resolve(DomCapsRequest.of(null, arch, machine, virtType), options);
        doc = DomCaps.fill(r, options);
        hv = HypervisorCpu.of(r, doc);
      }
      Set<String> skip = obsolete == null ? NodeLabels.DEFAULT_OBSOLETE : Set.of(obsolete);
      labels = new NodeLabels().labels(doc, hv, skip);
    } catch (DocumentFile.UnreadableDocumentException e) {
      err.println("domcaps labels: " + e.getMessage());
      err.flush();
      return 1;
    } catch (DomCapsException | CpuException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(output.format() == OutputFormat.JSON ? json(labels) : text(labels));
    out.flush();
    return 0;
  }

  private static String text(SortedMap<String, String> labels) {
    StringBuilder sb = new StringBuilder();
    labels.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    return sb.toString();
  }

  private static String json(SortedMap<String, String> labels) {
    if (labels.isEmpty()) {
      return "{}\n";
    }
    StringBuilder sb = new StringBuilder("{\n");
    int i = 0;
    for (Map.Entry<String, String> e : labels.entrySet()) {
      sb.append("  ").append(DiffReport.string(e.getKey())).append(": ")
          .append(DiffReport.string(e.getValue()))
          .append(++i < labels.size() ? ",\n" : "\n");
    }
    return sb.append("}\n").toString();
  }
}
