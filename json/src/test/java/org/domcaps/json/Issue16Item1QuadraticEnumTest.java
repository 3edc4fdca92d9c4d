// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.domcaps.model.CapsEnum;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 16 item 1: every new enum value was compared with all earlier ones (XML reader, CapsEnum,
 * JSON reader): 160 000 values took minutes. The guard below only catches a return of the
 * quadratic scan (which takes over 180 s); the speed itself is measured outside the tests
 * ({@code scripts/issue16-large-enum.sh}: well under a second).
 */
class Issue16Item1QuadraticEnumTest {
  private static final int VALUES = 160_000;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aHundredAndSixtyThousandValuesReadInLinearTime() throws Exception {
    String xml = document(VALUES);
    assertThat(xml.length()).isGreaterThan(3_000_000);
    DomainCapabilities caps = DomainCapabilitiesXml.parse(xml);
    assertThat(caps.devices().disk().values("bus")).hasSize(VALUES);
    String json = DomainCapabilitiesJson.write(caps);
    assertThat(DomainCapabilitiesJson.read(json)).isEqualTo(caps);
    List<String> values = new ArrayList<>(caps.devices().disk().values("bus"));
    assertThat(CapsEnum.of("bus", values).values()).hasSize(VALUES);
  }

  @Test
  void aRepeatAmongThemIsStillFound() {
    String xml = document(VALUES).replace("<value>v159999</value>", "<value>v7</value>");
    assertThatThrownBy(() -> DomainCapabilitiesXml.parse(xml))
        .hasMessageEndingWith("enum \"bus\" repeats value \"v7\"");
    List<String> values = new ArrayList<>();
    for (int i = 0; i < VALUES; i++) {
      values.add("v" + i);
    }
    values.add("v3");
    assertThatThrownBy(() -> CapsEnum.of("bus", values))
        .hasMessage("enum 'bus' repeats value 'v3'");
  }

  /** A disk with one bus enum of {@code n} distinct values (about 20 bytes each). */
  static String document(int n) {
    StringBuilder sb = new StringBuilder(n * 24 + 512);
    sb.append("<domainCapabilities>\n  <path>/usr/bin/qemu-system-x86_64</path>\n")
        .append("  <domain>kvm</domain>\n  <arch>x86_64</arch>\n  <devices>\n")
        .append("    <disk supported='yes'>\n      <enum name='bus'>\n");
    for (int i = 0; i < n; i++) {
      sb.append("        <value>v").append(i).append("</value>\n");
    }
    sb.append("      </enum>\n    </disk>\n  </devices>\n</domainCapabilities>\n");
    return sb.toString();
  }
}
