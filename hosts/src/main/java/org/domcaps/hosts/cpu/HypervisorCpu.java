// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.domcaps.model.CpuFeature;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.HostModel;
import org.domcaps.qemu.api.DomCaps;
import org.domcaps.qemu.api.DomCapsException;
import org.domcaps.qemu.api.DomCapsRequest;
import org.domcaps.qemu.api.EmulatorCaps;
import org.domcaps.qemu.api.Options;
import org.domcaps.qemu.api.Resolution;

/**
 * What libvirt 9.0.0's hypervisor-cpu-baseline / -compare read from one emulator's capabilities
 * for one virt type: its CPU models with their blockers, the features its host-CPU expansion
 * names, and the host-model CPU it reports.
 *
 * @param binary the emulator, as libvirt names it in refusals
 * @param hostCpuFeatures every property of the host-CPU expansion in libvirt's spelling; empty
 *     when there is no expansion
 * @param migratableFeatures the same without the properties QEMU marks non-migratable
 * @param migratability whether QEMU reported migratability at all
 * @param hostModel the reported host-model CPU; empty when not supported
 */
public record HypervisorCpu(
    String binary,
    String virtType,
    String arch,
    List<HypervisorModel> models,
    Optional<List<String>> hostCpuFeatures,
    Optional<List<String>> migratableFeatures,
    boolean migratability,
    Optional<CpuDef> hostModel) {
  public HypervisorCpu {
    Objects.requireNonNull(binary, "binary");
    models = List.copyOf(models);
  }

  /**
   * The hypervisor CPU for a request resolved as libvirt resolves it
   * (virQEMUCapsCacheLookupDefault:
   * the same defaults and refusals as domcapabilities).
   */
  public static HypervisorCpu lookup(DomCapsRequest request,
      Options options) throws DomCapsException {
    Resolution resolved = DomCaps.resolve(request, options);
    return of(resolved, DomCaps.fill(resolved, options));
  }

  /** From a resolved request and the document libvirt would print for it. */
  public static HypervisorCpu of(Resolution request, DomainCapabilities doc) {
    EmulatorCaps caps = request.emulatorCaps();
    List<HypervisorModel> models = new ArrayList<>();
    for (EmulatorCaps.CpuModel d : caps.cpuModels(request.virtType())) {
      models.add(new HypervisorModel(d.name(), d.usable(), d.blockers()));
    }
    Optional<List<String>> all = Optional.empty();
    Optional<List<String>> migratable = Optional.empty();
    boolean migratability = false;
    Optional<EmulatorCaps.HostCpu> hostCpu = caps.hostCpu(request.virtType());
    if (hostCpu.isPresent()) {
      EmulatorCaps.HostCpu e = hostCpu.get();
      List<String> a = new ArrayList<>();
      List<String> m = new ArrayList<>();
      for (EmulatorCaps.HostCpuProperty p : e.properties()) {
        a.add(p.name());
        if (!p.migratable().equals(Optional.of(Boolean.FALSE))) {
          m.add(p.name());
        }
      }
      all = Optional.of(a);
      migratable = Optional.of(m);
      migratability = e.migratability();
    }
    Optional<CpuDef> hostModel = doc.cpu().flatMap(c -> c.hostModel()).map(HypervisorCpu::guestCpu);
    return new HypervisorCpu(request.emulator(), request.virtType(), request.arch(), models, all,
        migratable, migratability, hostModel);
  }

  /**
   * What a saved document tells of its hypervisor: the custom models (without their blockers,
   * which the document does not carry) and the host-model; no host-CPU feature list.
   */
  public static HypervisorCpu ofDocument(DomainCapabilities doc) {
    List<HypervisorModel> models = doc.cpu().map(c -> c.custom().stream()
        .map(m -> new HypervisorModel(m.name(), m.usable(), List.of())).toList()).orElse(List.of());
    Optional<CpuDef> hostModel = doc.cpu().flatMap(c -> c.hostModel()).map(HypervisorCpu::guestCpu);
    return new HypervisorCpu(doc.path(), doc.domain(), doc.arch(), models, Optional.empty(),
        Optional.empty(), false, hostModel);
  }

  /** A domain capabilities host-model as the guest CPU libvirt keeps for it. */
  public static CpuDef guestCpu(HostModel hm) {
    List<CpuDef.Feature> features = new ArrayList<>();
    for (CpuFeature f : hm.features()) {
      features.add(new CpuDef.Feature(f.name(), policy(f.policy())));
    }
    CpuDef.Fallback fallback = "allow".equals(hm.fallback()) ? CpuDef.Fallback.ALLOW
        : CpuDef.Fallback.FORBID;
    return new CpuDef(CpuDef.Type.GUEST, CpuDef.Mode.CUSTOM, CpuDef.Match.EXACT, Optional.empty(),
        Optional.of(hm.model()), fallback, hm.vendorId(), hm.vendor(), features);
  }

  private static CpuDef.Policy policy(String xml) {
    for (CpuDef.Policy p : CpuDef.Policy.values()) {
      if (p.xml().equals(xml)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown CPU feature policy '" + xml + "'");
  }
}
