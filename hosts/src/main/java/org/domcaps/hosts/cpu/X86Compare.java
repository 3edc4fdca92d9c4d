// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.cpu;

import java.util.HashSet;
import java.util.Set;
import org.domcaps.hosts.cpu.CpuDef.Policy;
import org.domcaps.qemu.api.X86CpuModels;

/** libvirt 9.0.0's x86 CPU comparison (x86Compute / virCPUx86Compare). */
public final class X86Compare {
  /** virCPUCompareResult, without the error case (that is a {@link CpuException}). */
  public enum Result { INCOMPATIBLE, IDENTICAL, SUPERSET }

  /** A result and, when incompatible, libvirt's explanation. */
  public record Outcome(Result result, String message) {}

  private static final Set<String> X86_ARCHES = Set.of("i686", "x86_64");

  private final X86Data x86;

  public X86Compare() {
    this(X86CpuModels.get());
  }

  /** Over the CPU map of the release {@code libvirt}. */
  public X86Compare(org.domcaps.model.LibvirtVersion libvirt) {
    this(X86CpuModels.get(libvirt));
  }

  X86Compare(X86CpuModels map) {
    this.x86 = new X86Data(map);
  }

  /**
   * Compares {@code cpu} with the {@code host} CPU (for the hypervisor variant: the host-model
   * CPU the hypervisor reports). With {@code failIncompatible} an incompatible result is thrown
   * as libvirt's error instead.
   */
  public Result compare(CpuDef host, CpuDef cpu, boolean failIncompatible) throws CpuException {
    if (host == null || host.model().isEmpty()) {
      if (failIncompatible) {
        throw new CpuException("the CPU is incompatible with host CPU: unknown host CPU");
      }
      return Result.INCOMPATIBLE;
    }
    Outcome o = compute(host, cpu);
    if (o.result() == Result.INCOMPATIBLE && failIncompatible) {
      throw o.message() == null ? new CpuException("the CPU is incompatible with host CPU")
          : incompatibleError(o.message());
    }
    return o.result();
  }

  Outcome compute(CpuDef host, CpuDef cpu) throws CpuException {
    if (cpu.arch().isPresent() && !X86_ARCHES.contains(cpu.arch().get())) {
      return incompatible("CPU arch " + cpu.arch().get() + " does not match host arch");
    }
    if (cpu.vendor().isPresent()
        && (host.vendor().isEmpty() || !cpu.vendor().get().equals(host.vendor().get()))) {
      return incompatible("host CPU vendor does not match required CPU vendor " + cpu.vendor()
          .get());
    }
    Set<String> hostData = x86.all(host);
    Set<String> force = x86.withPolicy(cpu, Policy.FORCE);
    Set<String> require = x86.withPolicy(cpu, Policy.REQUIRE);
    Set<String> optional = x86.withPolicy(cpu, Policy.OPTIONAL);
    Set<String> disable = x86.withPolicy(cpu, Policy.DISABLE);
    Set<String> forbid = x86.withPolicy(cpu, Policy.FORBID);

    forbid.retainAll(hostData);
    if (!forbid.isEmpty()) {
      return incompatible("Host CPU provides forbidden features: " + x86.names(forbid, ", "));
    }
    require.removeAll(force);
    require.removeAll(optional);
    require.removeAll(disable);
    if (!hostData.containsAll(require)) {
      // x86ModelCompare says SUBSET or UNRELATED exactly when the host lacks a required bit.
      Set<String> missing = new HashSet<>(require);
      missing.removeAll(hostData);
      return incompatible("Host CPU does not provide required features: "
          + x86.names(missing, ", "));
    }
    Set<String> diff = new HashSet<>(hostData);
    diff.removeAll(optional);
    diff.removeAll(require);
    diff.removeAll(disable);
    diff.removeAll(force);
    if (diff.isEmpty()) {
      return new Outcome(Result.IDENTICAL, null);
    }
    if (cpu.type() == CpuDef.Type.GUEST && cpu.match() == CpuDef.Match.STRICT) {
      return incompatible("Host CPU does not strictly match guest CPU: Extra features: "
          + x86.names(diff, ", "));
    }
    return new Outcome(Result.SUPERSET, null);
  }

  /** libvirt's VIR_ERR_CPU_INCOMPATIBLE with its explanation {@code message}. */
  static CpuException incompatibleError(String message) {
    return new CpuException("the CPU is incompatible with host CPU: " + message);
  }

  private static Outcome incompatible(String message) {
    return new Outcome(Result.INCOMPATIBLE, message);
  }
}
