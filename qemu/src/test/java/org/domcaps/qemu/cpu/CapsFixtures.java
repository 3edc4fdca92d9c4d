// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.domcaps.model.CpuFallback;
import org.domcaps.model.CpuFeature;
import org.domcaps.model.HostModel;
import org.domcaps.qemu.caps.Accel;
import org.domcaps.qemu.caps.AccelCaps;
import org.domcaps.qemu.caps.CpuDefinition;
import org.domcaps.qemu.caps.CpuFeatureNames;
import org.domcaps.qemu.caps.HostCpuExpansion;
import org.domcaps.qemu.caps.HostCpuProperty;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.cpu.map.X86CpuMap;

/** Small constructors of QEMU capabilities for the CPU unit tests. */
final class CapsFixtures {
  private CapsFixtures() {}

  static CpuDefinition def(String name, CpuDefinition.Usable usable, String... blockers) {
    return new CpuDefinition(name, name + "-cpu", usable, List.of(blockers), false);
  }

  static CpuDefinition def(String name) {
    return def(name, CpuDefinition.Usable.UNKNOWN);
  }

  static List<CpuDefinition> defs(String... names) {
    List<CpuDefinition> out = new ArrayList<>();
    for (String n : names) {
      out.add(def(n, CpuDefinition.Usable.YES));
    }
    return out;
  }

  /** A host-model as the model holds it; a null vendor for none. */
  static HostModel hostModel(String name, CpuFallback fallback, String vendor,
      CpuFeature... features) {
    return HostModel.builder(name).fallback(fallback).vendor(vendor).features(List.of(features))
        .build();
  }

  /** The features of a libvirt x86 map model, as libvirt names them. */
  static List<String> mapFeatures(String model) {
    return new ArrayList<>(X86CpuMap.get().model(model).orElseThrow().features());
  }

  /**
   * An x86 static expansion as QEMU reports it: vendor, family/model/stepping and one true
   * boolean per feature, spelled the QEMU way (lahf-lm, pclmulqdq, ...).
   */
  static HostCpuExpansion x86Expansion(String vendor, int family, int model, int stepping,
      Collection<String> features) {
    List<HostCpuProperty> props = new ArrayList<>();
    props.add(new HostCpuProperty("vendor", HostCpuProperty.Type.STRING, vendor, null));
    props.add(
        new HostCpuProperty("family", HostCpuProperty.Type.NUMBER, Integer.toString(family), null));
    props.add(
        new HostCpuProperty("model", HostCpuProperty.Type.NUMBER, Integer.toString(model), null));
    props.add(
        new HostCpuProperty("stepping", HostCpuProperty.Type.NUMBER, Integer.toString(stepping),
            null));
    props.add(new HostCpuProperty("model-id", HostCpuProperty.Type.STRING, "Test CPU", null));
    for (String f : features) {
      props.add(
          new HostCpuProperty(CpuFeatureNames.toQemu("x86_64", f), HostCpuProperty.Type.BOOLEAN,
              "true", null));
    }
    return new HostCpuExpansion("base", true, props);
  }

  static QemuCaps caps(String arch, Accel accel, Optional<HostCpuExpansion> host,
      List<CpuDefinition> defs, String... flags) {
    QemuCaps.Builder b = QemuCaps.builder().emulator("/usr/bin/qemu-system-" + arch).arch(arch);
    for (String f : flags) {
      b.flag(f);
    }
    return b.accel(accel, new AccelCaps(host, defs, List.of())).build();
  }
}
