// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.caps;

import java.util.Map;
import org.domcaps.qemu.arch.LibvirtArch;

/**
 * x86 CPU feature names that libvirt spells differently from QEMU (qemu_capabilities.c
 * virQEMUCapsCPUFeaturesX86). Blockers are kept in libvirt's spelling and written to the cache in
 * QEMU's; other architectures use QEMU's names unchanged.
 */
public final class CpuFeatureNames {
  private static final Map<String, String> X86_QEMU_TO_LIBVIRT =
      Map.ofEntries(
          Map.entry("cmp-legacy", "cmp_legacy"),
          Map.entry("ds-cpl", "ds_cpl"),
          Map.entry("fxsr-opt", "fxsr_opt"),
          Map.entry("kvm-pv-eoi", "kvm_pv_eoi"),
          Map.entry("kvm-pv-unhalt", "kvm_pv_unhalt"),
          Map.entry("lahf-lm", "lahf_lm"),
          Map.entry("nodeid-msr", "nodeid_msr"),
          Map.entry("pclmulqdq", "pclmuldq"),
          Map.entry("perfctr-core", "perfctr_core"),
          Map.entry("perfctr-nb", "perfctr_nb"),
          Map.entry("tsc-adjust", "tsc_adjust"));
  private static final Map<String, String> X86_LIBVIRT_TO_QEMU = invert();

  private CpuFeatureNames() {}

  public static String fromQemu(String arch, String feature) {
    return LibvirtArch.isX86(arch) ? X86_QEMU_TO_LIBVIRT.getOrDefault(feature, feature) : feature;
  }

  public static String toQemu(String arch, String feature) {
    return LibvirtArch.isX86(arch) ? X86_LIBVIRT_TO_QEMU.getOrDefault(feature, feature) : feature;
  }


  private static Map<String, String> invert() {
    java.util.HashMap<String, String> m = new java.util.HashMap<>();
    X86_QEMU_TO_LIBVIRT.forEach((k, v) -> m.put(v, k));
    return Map.copyOf(m);
  }
}
