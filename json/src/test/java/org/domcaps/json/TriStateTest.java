// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.domcaps.model.Capability;
import org.domcaps.model.Devices;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.Features;
import org.domcaps.model.Os;
import org.domcaps.model.Sev;
import org.domcaps.model.Supported;
import org.junit.jupiter.api.Test;

/** "no" is written as "no"; not reported is left out; both survive the round trip apart. */
class TriStateTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static DomainCapabilities.Builder base() {
    return DomainCapabilities.builder().path("/usr/bin/qemu-system-x86_64").domain("kvm")
        .arch("x86_64");
  }

  @Test
  void absentAndNoStayApart() throws Exception {
    DomainCapabilities caps = base()
        .iothreads(Supported.NO)
        .os(Os.unsupported())
        .devices(Devices.builder().tpm(Capability.unsupported())
            .disk(Capability.supported(java.util.List.of())).build())
        .features(Features.builder().genid(Supported.NO).sev(Sev.unsupported()).build())
        .build();

    String json = DomainCapabilitiesJson.write(caps);
    JsonNode tree = MAPPER.readTree(json);

    assertThat(tree.at("/iothreads/supported").textValue()).isEqualTo("no");
    assertThat(tree.at("/os/supported").textValue()).isEqualTo("no");
    assertThat(tree.at("/devices/tpm/supported").textValue()).isEqualTo("no");
    assertThat(tree.at("/devices/disk/supported").textValue()).isEqualTo("yes");
    assertThat(tree.at("/devices/disk/enums").size()).isZero();
    assertThat(tree.at("/features/genid/supported").textValue()).isEqualTo("no");
    assertThat(tree.at("/features/sev/supported").textValue()).isEqualTo("no");
    // Not reported: no field at all.
    assertThat(tree.has("machine")).isFalse();
    assertThat(tree.has("vcpu")).isFalse();
    assertThat(tree.has("cpu")).isFalse();
    assertThat(tree.has("memoryBacking")).isFalse();
    assertThat(tree.get("devices").has("video")).isFalse();
    assertThat(tree.get("features").has("vmcoreinfo")).isFalse();
    assertThat(tree.get("features").has("sgx")).isFalse();

    DomainCapabilities back = DomainCapabilitiesJson.read(json);
    assertThat(back).isEqualTo(caps);
    assertThat(back.devices().tpm().supported()).isEqualTo(Supported.NO);
    assertThat(back.devices().video().supported()).isEqualTo(Supported.ABSENT);
    assertThat(back.features().genid()).isEqualTo(Supported.NO);
    assertThat(back.features().vmcoreinfo()).isEqualTo(Supported.ABSENT);
    assertThat(back.memoryBacking().supported()).isEqualTo(Supported.ABSENT);
  }

  @Test
  void nothingReportedLeavesOutFeaturesButKeepsDevices() throws Exception {
    DomainCapabilities caps = base().build();
    JsonNode tree = MAPPER.readTree(DomainCapabilitiesJson.write(caps));
    assertThat(tree.has("features")).isFalse();
    assertThat(tree.has("iothreads")).isFalse();
    assertThat(tree.has("os")).isFalse();
    assertThat(tree.get("devices").size()).isZero();
    assertThat(DomainCapabilitiesJson.read(DomainCapabilitiesJson.write(caps))).isEqualTo(caps);
  }

  @Test
  void readingAJsonDocumentWithoutAnElementGivesAbsentNeverNo() throws Exception {
    DomainCapabilities caps = DomainCapabilitiesJson.read(
        "{\"path\": \"/q\", \"domain\": \"qemu\", \"arch\": \"x86_64\", \"devices\": {}}");
    assertThat(caps.iothreads()).isEqualTo(Supported.ABSENT);
    assertThat(caps.os().supported()).isEqualTo(Supported.ABSENT);
    assertThat(caps.devices()).isEqualTo(Devices.none());
    assertThat(caps.features()).isEqualTo(Features.none());
    assertThat(caps.cpu()).isEmpty();
  }
}
