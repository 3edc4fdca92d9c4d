// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.check.VcpuStart;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.DomainDefinition.CpuDef;
import org.domcaps.domain.Element;
import org.domcaps.model.CpuFeature;
import org.domcaps.model.HostModel;

/**
 * Under KVM the guest CPU's state is the kernel's to accept: QEMU writes the registers and MSRs
 * the CPU definition implies when it creates the vCPU, and aborts when KVM refuses one (e.g.
 * "failed to set MSR 0x10a" for IA32_ARCH_CAPABILITIES bits a nested hypervisor reports but
 * will not take), so libvirt's start fails with "qemu unexpectedly closed the monitor". Which
 * CPUs a host's KVM accepts is not in any capability QEMU or libvirt reports; the probe starts
 * the same {@code -cpu} libvirt's qemuBuildCpuModelArgStr builds (host-passthrough → host,
 * maximum → max, host-model → the capabilities' host model as libvirt's virCPUUpdate turns it
 * into a custom CPU, custom → the model; the definition's features on or off by policy), paused,
 * on the same machine, with the properties qemuBuildCpuCommandLine appends for Hyper-V
 * enlightenments ("failed to set MSR 0x40000073", "kernel doesn't allow setting HyperV
 * VP_INDEX"), KVM features, timers and the PMU, and sees whether it comes up.
 */
public final class KvmVcpuRule implements Rule {
  @Override
  public String name() {
    return "kvm-vcpu";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Machine m = Ctx.machine(def, t);
    if (!m.x86() || !t.caps().domain().equals("kvm") || !t.facts().live()) {
      return;
    }
    Map<String, Boolean> features = new LinkedHashMap<>();
    Optional<CpuDef> cpuDef = def.cpu();
    String model = null;
    Element at = def.root();
    String value = "";
    if (cpuDef.isPresent()) {
      CpuDef cpu = cpuDef.get();
      at = cpu.model().orElse(cpu.element());
      value = cpu.mode();
      switch (cpu.mode()) {
        case "host-passthrough" -> model = "host";
        case "maximum" -> model = "max";
        case "host-model" -> {
          Optional<HostModel> host = t.caps().cpu().flatMap(c -> c.hostModel());
          if (host.isEmpty() || !t.caps().cpu().get().hostModelSupported()) {
            return; // CpuModeRule refuses the mode
          }
          model = host.get().model();
          for (CpuFeature f : host.get().features()) {
            features.put(f.name(), !f.policy().equals("disable"));
          }
        }
        case "custom" -> {
          Optional<String> name = cpu.modelName();
          if (name.isPresent() && (t.caps().cpu().isEmpty() || t.caps().cpu().get().custom()
              .stream().noneMatch(c -> c.name().equals(name.get())))) {
            return; // CpuModelRule refuses the model
          }
          model = name.orElse(null);
          value = name.orElse("");
        }
        default -> {
          return;
        }
      }
      if (cpu.mode().equals("host-passthrough") || cpu.mode().equals("maximum")) {
        // qemuBuildCpuModelArgStr: migratable='off' on host/max turns QEMU's property off.
        cpu.migratable().filter("off"::equals).ifPresent(x -> features.put("migratable", false));
      }
      for (Element f : cpu.features()) {
        String fname = f.attrOrNull("name");
        if (fname != null) {
          String policy = Ctx.attr(f, "policy", "require");
          features.put(fname, !(policy.equals("disable") || policy.equals("forbid")));
        }
      }
    }
    List<String> props = new ArrayList<>();
    Optional<Element> why = flags(def, props);
    if (model == null && props.isEmpty() && features.isEmpty()) {
      return; // QEMU's default CPU, as every guest without <cpu> gets it
    }
    if (model == null) {
      // qemuBuildCpuCommandLine: CPU flags without a model get the arch's default model.
      model = m.arch().equals("i686") ? "qemu32" : "qemu64";
    }
    if (cpuDef.isEmpty() && why.isPresent()) {
      at = why.get();
      value = why.get().name();
    }
    Optional<VcpuStart> start = t.facts().vcpuStart(m.name(), model, features, props,
        List.of());
    if (start.isEmpty()) {
      out.unknown(at, value, "whether KVM on this host runs CPU '" + model
          + "' was not probed, cannot tell");
      return;
    }
    if (!start.get().runs()) {
      out.error(at, value, "KVM on this host cannot run this vCPU (" + t.describe()
          + " started with -cpu " + model + (props.isEmpty() ? "" : "," + String.join(",", props))
          + (features.isEmpty() ? "" : " and " + features.size() + " CPU features")
          + " failed: " + start.get().qemuError() + ")");
    }
  }

  /**
   * The CPU properties qemuBuildCpuCommandLine appends for the definition's features, clock
   * timers and panic devices; returns the first element that asked for one.
   */
  static Optional<Element> flags(DomainDefinition def, List<String> props) {
    Element first = null;
    Optional<Element> clock = def.root().child("clock");
    if (clock.isPresent()) {
      for (Element timer : clock.get().all("timer")) {
        String name = timer.attrOrNull("name");
        String present = timer.attrOrNull("present");
        int before = props.size();
        if ("kvmclock".equals(name) && present != null) {
          props.add("kvmclock=" + ("yes".equals(present) ? "on" : "off"));
        } else if ("hypervclock".equals(name) && "yes".equals(present)) {
          props.add("hv-time=on");
        } else if ("tsc".equals(name) && timer.attr("frequency").isPresent()) {
          props.add("tsc-frequency=" + timer.attrOrNull("frequency"));
        }
        first = first == null && props.size() > before ? timer : first;
      }
    }
    Optional<Element> apic = def.feature("apic");
    if (apic.isPresent() && apic.get().attr("eoi").isPresent()) {
      props.add("kvm-pv-eoi=" + apic.get().attrOrNull("eoi"));
      first = first == null ? apic.get() : first;
    }
    Optional<Element> pvspinlock = def.feature("pvspinlock");
    if (pvspinlock.isPresent()) {
      props.add("kvm-pv-unhalt=" + Ctx.attr(pvspinlock.get(), "state", "on"));
      first = first == null ? pvspinlock.get() : first;
    }
    Optional<Element> hyperv = def.feature("hyperv");
    if (hyperv.isPresent()) {
      if ("passthrough".equals(hyperv.get().attrOrNull("mode"))) {
        props.add("hv-passthrough=on");
        first = first == null ? hyperv.get() : first;
      }
      for (Element f : hyperv.get().children()) {
        if (!"on".equals(f.attrOrNull("state"))) {
          continue;
        }
        first = first == null ? f : first;
        switch (f.name()) {
          case "spinlocks" -> props.add("hv-spinlocks=0x" + Integer.toHexString(
              parse(f.attrOrNull("retries"), 0)));
          case "vendor_id" -> props.add("hv-vendor-id=" + Ctx.attr(f, "value", ""));
          default -> {
            props.add("hv-" + f.name() + "=on");
            if (f.name().equals("stimer") && f.child("direct").map(d -> "on".equals(
                d.attrOrNull("state"))).orElse(false)) {
              props.add("hv-stimer-direct=on");
            }
          }
        }
      }
    }
    if (def.devices("panic").stream().anyMatch(p -> "hyperv".equals(p.attrOrNull("model")))) {
      props.add("hv-crash");
      first = first == null ? def.devices("panic").get(0) : first;
    }
    Optional<Element> kvm = def.feature("kvm");
    if (kvm.isPresent()) {
      for (Element f : kvm.get().children()) {
        String state = f.attrOrNull("state");
        int before = props.size();
        switch (f.name()) {
          case "hidden" -> add(props, "on".equals(state), "kvm=off");
          case "hint-dedicated" -> add(props, "on".equals(state), "kvm-hint-dedicated=on");
          case "poll-control" -> add(props, "on".equals(state), "kvm-poll-control=on");
          case "pv-ipi" -> add(props, "off".equals(state), "kvm-pv-ipi=off");
          default -> { }
        }
        first = first == null && props.size() > before ? f : first;
      }
    }
    Optional<Element> pmu = def.feature("pmu");
    if (pmu.isPresent()) {
      props.add("pmu=" + Ctx.attr(pmu.get(), "state", "on"));
      first = first == null ? pmu.get() : first;
    }
    return Optional.ofNullable(first);
  }

  private static void add(List<String> props, boolean when, String prop) {
    if (when) {
      props.add(prop);
    }
  }

  private static int parse(String s, int dflt) {
    try {
      return s == null ? dflt : Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return dflt;
    }
  }
}
