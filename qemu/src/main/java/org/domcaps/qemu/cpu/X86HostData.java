// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.domcaps.qemu.caps.CpuFeatureNames;
import org.domcaps.qemu.caps.HostCpuExpansion;
import org.domcaps.qemu.caps.HostCpuProperty;
import org.domcaps.qemu.cpu.map.X86CpuMap;

/**
 * The x86 CPU data libvirt builds from QEMU's host-CPU expansion (virQEMUCapsGetCPUModelX86Data):
 * the libvirt features that are on, the CPUID vendor string and the leaf-1 EAX signature.
 *
 * @param features map feature names present, in expansion order
 * @param vendorString the 12-character CPUID vendor string, when QEMU reported one
 * @param signature CPUID leaf 1 EAX as libvirt composes it from family, model and stepping
 */
record X86HostData(Set<String> features, Optional<String> vendorString, int signature) {
  X86HostData {
    features = Collections.unmodifiableSet(new LinkedHashSet<>(features));
  }

  /** libvirt's spelling of an x86 QEMU property or blocker name (pclmulqdq → pclmuldq, ...). */
  static String libvirtName(String qemuName) {
    return CpuFeatureNames.fromQemu("x86_64", qemuName);
  }

  /**
   * Reads the expansion; empty when libvirt would fail (a vendor string that is not 12
   * characters), which silently removes the host-model.
   */
  static Optional<X86HostData> of(HostCpuExpansion expansion, X86CpuMap map) {
    Set<String> features = new LinkedHashSet<>();
    String vendor = null;
    long family = 0;
    long model = 0;
    long stepping = 0;
    for (HostCpuProperty p : expansion.properties()) {
      String name = libvirtName(p.name());
      switch (p.type()) {
        case BOOLEAN -> {
          // Names libvirt does not know (vmx-*, hv-*, ...) carry no map bit.
          if (p.booleanValue() && map.feature(name).isPresent()) {
            features.add(name);
          }
        }
        case STRING -> {
          if (name.equals("vendor")) {
            if (p.value().length() != 12) {
              return Optional.empty();
            }
            vendor = p.value();
          }
        }
        case NUMBER -> {
          switch (name) {
            case "family" -> family = number(p);
            case "model" -> model = number(p);
            case "stepping" -> stepping = number(p);
            default -> { }
          }
        }
        default -> { }
      }
    }
    return Optional.of(
        new X86HostData(features, Optional.ofNullable(vendor), signature(family, model, stepping)));
  }

  private static long number(HostCpuProperty p) {
    try {
      return Long.parseLong(p.value());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "host CPU property " + p.name() + " has value \"" + p.value() + "\", expected an integer",
          e);
    }
  }

  /** libvirt's x86MakeSignature: the CPUID leaf 1 EAX encoding of family/model/stepping. */
  static int signature(long family, long model, long stepping) {
    long sig = 0;
    if (family > 0xf) {
      sig |= (family - 0xf) << 20;
      family = 0xf;
    }
    sig |= (model >> 4) << 16;
    sig |= family << 8;
    sig |= (model & 0xf) << 4;
    sig |= stepping & 0xf;
    return (int) sig;
  }

  static int family(int sig) {
    return ((sig >>> 20) & 0xff) + ((sig >>> 8) & 0xf);
  }

  static int model(int sig) {
    return ((sig >>> 12) & 0xf0) + ((sig >>> 4) & 0xf);
  }

  static int stepping(int sig) {
    return sig & 0xf;
  }
}
