// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The documented paths, checked on real documents with Jackson's tree. */
class JsonShapeTest {
  private static String x86Json;
  private static JsonNode x86;
  private static JsonNode q35Sgx;

  @BeforeAll
  static void load() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    Path x86File = SharedData.oracle().resolve("x86_64/default.xml");
    x86Json = DomainCapabilitiesJson.write(DomainCapabilitiesXml.parse(x86File));
    x86 = mapper.readTree(x86Json);
    Path q35 = SharedData.conformance().resolve("domaincaps/qemu_7.0.0-q35.x86_64.xml");
    q35Sgx = mapper.readTree(DomainCapabilitiesJson.write(DomainCapabilitiesXml.parse(q35)));
  }

  private static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static List<String> strings(JsonNode array) {
    assertThat(array.isArray()).as("an array").isTrue();
    List<String> out = new ArrayList<>();
    array.forEach(v -> {
      assertThat(v.isTextual()).as("a string: %s", v).isTrue();
      out.add(v.textValue());
    });
    return out;
  }

  @Test
  void topLevelFieldsFollowTheDocumentOrder() {
    assertThat(names(x86)).containsExactly("path", "domain", "machine", "arch", "vcpu",
        "iothreads", "os", "cpu", "memoryBacking", "devices", "features");
    assertThat(x86.at("/path").textValue()).isEqualTo("/usr/bin/qemu-system-x86_64");
    assertThat(x86.at("/machine").textValue()).isEqualTo("pc-i440fx-7.2");
    assertThat(x86.at("/vcpu/max").intValue()).isEqualTo(255);
    assertThat(x86.at("/iothreads/supported").textValue()).isEqualTo("yes");
  }

  @Test
  void diskBusIsAListOfStrings() {
    assertThat(x86.at("/devices/disk/supported").textValue()).isEqualTo("yes");
    assertThat(strings(x86.at("/devices/disk/enums/bus")))
        .containsExactly("ide", "fdc", "scsi", "virtio", "usb", "sata");
    assertThat(names(x86.at("/devices/disk/enums"))).containsExactly("diskDevice", "bus", "model");
    assertThat(names(x86.at("/devices"))).containsExactly("disk", "graphics", "video", "hostdev",
        "rng", "filesystem", "tpm", "redirdev", "channel");
  }

  @Test
  void aReportedEmptyEnumIsAnEmptyList() {
    assertThat(x86.at("/devices/hostdev/enums/capsType").isArray()).isTrue();
    assertThat(x86.at("/devices/hostdev/enums/capsType").size()).isZero();
  }

  @Test
  void osLoaderValuesAndEnums() {
    assertThat(x86.at("/os/supported").textValue()).isEqualTo("yes");
    assertThat(strings(x86.at("/os/enums/firmware"))).containsExactly("efi");
    assertThat(strings(x86.at("/os/loader/values")))
        .containsExactly("/usr/share/OVMF/OVMF_CODE_4M.fd");
    assertThat(strings(x86.at("/os/loader/enums/type"))).containsExactly("rom", "pflash");
  }

  @Test
  void cpuModesAreKeyedByTheirLibvirtNames() {
    JsonNode modes = x86.at("/cpu/modes");
    assertThat(names(modes)).containsExactly("host-passthrough", "maximum", "host-model", "custom");
    assertThat(modes.at("/host-passthrough/supported").textValue()).isEqualTo("no");
    assertThat(strings(modes.at("/maximum/enums/maximumMigratable"))).containsExactly("on", "off");
    assertThat(modes.at("/host-model/model/name").textValue()).isEqualTo("EPYC");
    assertThat(modes.at("/host-model/model/fallback").textValue()).isEqualTo("forbid");
    assertThat(modes.at("/host-model/vendor").textValue()).isEqualTo("AMD");
    assertThat(modes.at("/host-model/features/0/name").textValue()).isEqualTo("acpi");
    assertThat(modes.at("/host-model/features/0/policy").textValue()).isEqualTo("require");
    JsonNode phenom = modes.at("/custom/models/2");
    assertThat(phenom.at("/name").textValue()).isEqualTo("phenom");
    assertThat(phenom.at("/usable").textValue()).isEqualTo("no");
    assertThat(phenom.at("/vendor").textValue()).isEqualTo("AMD");
    assertThat(phenom.has("deprecated")).isFalse();
  }

  @Test
  void deprecatedModelsSayYes() {
    JsonNode deprecated = null;
    for (JsonNode m : q35Sgx.at("/cpu/modes/custom/models")) {
      if (m.at("/name").textValue().equals("Icelake-Client")) {
        deprecated = m;
      }
    }
    assertThat(deprecated).isNotNull();
    assertThat(names(deprecated)).containsExactly("name", "usable", "deprecated", "vendor");
    assertThat(deprecated.at("/deprecated").textValue()).isEqualTo("yes");
  }

  @Test
  void featuresKeepLibvirtNamesAndNumbers() {
    assertThat(x86.at("/features/vmcoreinfo/supported").textValue()).isEqualTo("yes");
    assertThat(x86.at("/features/sev/supported").textValue()).isEqualTo("no");
    assertThat(names(x86.at("/features/sev"))).containsExactly("supported");
    assertThat(strings(x86.at("/features/hyperv/enums/features")))
        .containsExactly("spinlocks", "vendor_id");
    JsonNode sgx = q35Sgx.at("/features/sgx");
    assertThat(names(sgx)).containsExactly("supported", "flc", "sgx1", "sgx2", "section_size",
        "sections");
    assertThat(sgx.at("/sgx1").textValue()).isEqualTo("yes");
    assertThat(sgx.at("/section_size").isIntegralNumber()).isTrue();
    assertThat(sgx.at("/section_size").longValue()).isEqualTo(524288L);
    assertThat(sgx.at("/sections/1/node").intValue()).isEqualTo(1);
    assertThat(sgx.at("/sections/1/size").longValue()).isEqualTo(262144L);
  }

  @Test
  void layoutIsTwoSpaceIndentWithOneArrayElementPerLine() {
    assertThat(x86Json).startsWith("{\n  \"path\": \"/usr/bin/qemu-system-x86_64\",\n");
    assertThat(x86Json).contains("      \"capsType\": [],\n");
    assertThat(x86Json).contains(
        "      \"firmware\": [\n        \"efi\"\n      ]\n");
    assertThat(x86Json).endsWith("}\n");
  }

  @Test
  void layoutIsWhatJqPrints() throws Exception {
    Path jq = Path.of("/usr/bin/jq");
    Assumptions.assumeTrue(Files.isExecutable(jq),
        "jq is not installed; layout compared with jq skipped");
    Process p = new ProcessBuilder(jq.toString(), ".").redirectErrorStream(true).start();
    try (var in = p.getOutputStream()) {
      in.write(x86Json.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(out).isEqualTo(x86Json);
  }
}
