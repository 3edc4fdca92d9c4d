// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.domcaps.hosts.pool.CapsPool;
import org.domcaps.model.Capability;
import org.domcaps.model.CapsEnum;
import org.domcaps.model.Devices;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;

class CapsDiffTest {
  private static final Set<String> DOWNGRADES = Set.of("yes>no", "yes>unknown", "unknown>no");

  @Test
  void aDocumentEqualsItself() throws Exception {
    for (var f : SharedData.allDomainCapabilitiesDocuments()) {
      DomainCapabilities d = DomainCapabilitiesXml.parse(f);
      assertThat(CapsDiff.of(d, d)).as(f.toString()).isEmpty();
    }
  }

  @Test
  void everyElementKindIsReported() {
    DomainCapabilities a = DomainCapabilities.builder().path("/q").domain("kvm").arch("x86_64")
        .vcpuMax(288)
        .devices(Devices.builder().disk(Capability.supported(CapsEnum.of("bus", "ide", "virtio")))
            .build()).build();
    DomainCapabilities b = DomainCapabilities.builder().path("/q").domain("kvm").arch("x86_64")
        .vcpuMax(255)
        .devices(Devices.builder().disk(Capability.supported(CapsEnum.of("bus", "virtio", "usb")))
            .tpm(Capability.unsupported()).build()).build();
    assertThat(DiffReport.text(CapsDiff.of(a, b))).isEqualTo(
        ".vcpu.max: \"288\" in A, \"255\" in B\n"
            + ".devices.disk.enums.bus: \"ide\" only in A\n"
            + ".devices.disk.enums.bus: \"usb\" only in B\n"
            + ".devices.tpm.supported: not reported in A, \"no\" in B\n");
    assertThat(DiffReport.json(CapsDiff.of(a, b))).startsWith(
        "[\n  {\n    \"kind\": \"value\",\n    \"path\": \".vcpu.max\",\n    \"a\": \"288\",\n   "
            + " \"b\": \"255\"\n  },\n");
    assertThat(DiffReport.json(List.of())).isEqualTo("[]\n");
  }

  /**
   * diff(A, pool(A, B)) lists only what A loses, over every poolable pair of the shared documents.
   */
  @Test
  void aDocumentAgainstItsPoolListsOnlyLosses() throws Exception {
    List<DomainCapabilities> docs = SharedData.allDomainCapabilitiesDocuments().stream().map(f -> {
      try {
        return DomainCapabilitiesXml.parse(f);
      } catch (Exception e) {
        throw new IllegalStateException(f.toString(), e);
      }
    }).toList();
    CapsPool pool = new CapsPool();
    int compared = 0;
    for (DomainCapabilities a : docs) {
      for (DomainCapabilities b : docs) {
        if (a == b || !a.arch().equals(b.arch()) || !a.domain().equals(b.domain())) {
          continue;
        }
        for (Difference d : CapsDiff.of(a, pool.pool(List.of(a, b)))) {
          assertThat(isLoss(d)).as(d.text()).isTrue();
        }
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(200);
  }

  private static boolean isLoss(Difference d) {
    if (d.path().startsWith(".cpu.modes[\"host-model\"]") && !d.path().endsWith(".supported")) {
      // A baseline of different host-models is another CPU: what A loses is its own host-model.
      return true;
    }
    if (d.kind() == Difference.Kind.MEMBER) {
      return d.a().isPresent();
    }
    Optional<String> a = d.a();
    Optional<String> b = d.b();
    if (a.isPresent() && a.get().startsWith("order ")) {
      // Hosts listing the same values in different orders: the pool settles on one (sorted) so
      // that it does not depend on the order of its inputs. Nothing is lost.
      return true;
    }
    if (b.isEmpty() || DOWNGRADES.contains(a.orElse("") + ">" + b.get())) {
      return a.isPresent();
    }
    if (d.path().endsWith(".deprecated") || d.path().endsWith(".vendor")) {
      return a.isEmpty() || b.get().equals("unknown");
    }
    if (a.isPresent() && a.get().matches("\\d+") && b.get().matches("\\d+")) {
      return Long.parseLong(b.get()) < Long.parseLong(a.get());
    }
    return false;
  }
}
