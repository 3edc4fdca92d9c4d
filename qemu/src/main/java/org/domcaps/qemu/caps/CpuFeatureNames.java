// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.caps;
import org.domcaps.model.LibvirtVersion;

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
  private static final Map<String, String> X86_LIBVIRT_TO_QEMU = invert(X86_QEMU_TO_LIBVIRT);
  /** The entries libvirt 11.3 added to the table. */
  private static final Map<String, String> X86_QEMU_TO_LIBVIRT_11_3 = Map.of(
      "vmx-invept-single-context-noglobals", "vmx-invvpid-single-context-noglobals",
      "hv-vendor-id", "hv-vendor_id",
      "hv-emsr-bitmap", "hv-emsr_bitmap",
      "hv-xmm-input", "hv-xmm_input");
  private static final Map<String, String> X86_LIBVIRT_TO_QEMU_11_3 =
      invert(X86_QEMU_TO_LIBVIRT_11_3);

  private CpuFeatureNames() {}

  public static String fromQemu(String arch, String feature) {
    return LibvirtArch.isX86(arch) ? X86_QEMU_TO_LIBVIRT.getOrDefault(feature, feature) : feature;
  }

  public static String toQemu(String arch, String feature) {
    return LibvirtArch.isX86(arch) ? X86_LIBVIRT_TO_QEMU.getOrDefault(feature, feature) : feature;
  }

  /** As {@link #fromQemu(String, String)} with the table of the release {@code libvirt}. */
  public static String fromQemu(String arch, String feature, LibvirtVersion libvirt) {
    if (LibvirtArch.isX86(arch) && libvirt.atLeast(LibvirtVersion.V11_3)
        && X86_QEMU_TO_LIBVIRT_11_3.containsKey(feature)) {
      return X86_QEMU_TO_LIBVIRT_11_3.get(feature);
    }
    return fromQemu(arch, feature);
  }

  public static String toQemu(String arch, String feature, LibvirtVersion libvirt) {
    if (LibvirtArch.isX86(arch) && libvirt.atLeast(LibvirtVersion.V11_3)
        && X86_LIBVIRT_TO_QEMU_11_3.containsKey(feature)) {
      return X86_LIBVIRT_TO_QEMU_11_3.get(feature);
    }
    return toQemu(arch, feature);
  }


  private static Map<String, String> invert(Map<String, String> table) {
    java.util.HashMap<String, String> m = new java.util.HashMap<>();
    table.forEach((k, v) -> m.put(v, k));
    return Map.copyOf(m);
  }
}
