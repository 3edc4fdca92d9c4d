// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.domcaps.check.DomainCheck;
import org.domcaps.check.Finding;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.DomainXmlReader;
import org.domcaps.qemu.api.LiveOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The check on bases ../shared/check does not cover (x86_64 Q35 and i440FX under KVM, i686,
 * armv7l, riscv64): a small sample of each base scripts/check-newbases.py generated, with what
 * real libvirt 9.0 did with each case on this host (scripts/check-newbases-sample.py), checked
 * against this host's live capabilities and probe facts. Started → passes, refused → refused;
 * no definition libvirt started may be refused. KVM outcomes are the host's (its kernel decides
 * which vCPUs run), so a KVM base is scored only on the CPU it was recorded on.
 */
@ExtendWith(SharedHostFirmware.class)
@org.junit.jupiter.api.Tag("live") // real QEMU and host files: integration tier
class NewBasesCheckTest {
  private static final double MIN_AGREEMENT = 0.98;

  static Stream<String> bases() throws Exception {
    try (Stream<Path> s = Files.list(root())) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
          .toList().stream();
    }
  }

  private static Path root() throws Exception {
    URL u = NewBasesCheckTest.class.getResource("/check-newbases");
    assertThat(u).as("test resources check-newbases").isNotNull();
    return Path.of(u.toURI());
  }

  @ParameterizedTest
  @MethodSource("bases")
  void agreesWithWhatLibvirtDidWithoutFalseAlarms(String base) throws Exception {
    Path dir = root().resolve(base);
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> rows = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(dir.resolve("results.jsonl"))) {
      String line;
      while ((line = in.readLine()) != null) {
        rows.add(json.readTree(line));
      }
    }
    assertThat(rows).as(base + " sample").hasSizeGreaterThanOrEqualTo(20);
    JsonNode first = rows.get(0);
    String emulator = new DomainXmlReader().read(dir.resolve("cases")
        .resolve(first.get("xml").asText())).emulator().map(e -> e.text()).orElse("");
    Assumptions.assumeTrue(Files.isExecutable(Path.of(emulator)), "skipped: no " + emulator);
    if (first.get("virttype").asText().equals("kvm")) {
      Assumptions.assumeTrue(Files.isReadable(Path.of("/dev/kvm"))
          && Files.isWritable(Path.of("/dev/kvm")), "skipped: no usable /dev/kvm");
      String recorded = Files.readAllLines(dir.resolve("host.txt")).stream()
          .filter(l -> l.startsWith("cpu: ")).findFirst().orElse("cpu: ?").substring(5);
      Assumptions.assumeTrue(recorded.equals(hostCpu()), "skipped: " + base
          + " was recorded on a '" + recorded + "' host, this is '" + hostCpu() + "'");
    }
    HostTargets targets = new HostTargets(LiveOptions.forThisHost(w -> { }, Optional.empty()));
    DomainXmlReader reader = new DomainXmlReader();
    int agree = 0;
    List<String> falseAlarms = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    for (JsonNode r : rows) {
      DomainDefinition def = reader.read(dir.resolve("cases").resolve(r.get("xml").asText()));
      List<Finding> findings = DomainCheck.check(def, List.of(targets.target(def)));
      boolean wantRefused = !r.get("outcome").asText().equals("started");
      boolean refused = DomainCheck.refused(findings);
      if (refused == wantRefused) {
        agree++;
      } else if (refused) {
        falseAlarms.add(r.get("id").asText() + " " + r.get("change").asText() + ": "
            + findings.stream().filter(Finding::isError).map(Finding::message).toList());
      } else {
        missed.add(r.get("id").asText() + " " + r.get("change").asText() + " (libvirt: "
            + r.path("phase_message").asText("") + ")");
      }
    }
    double agreement = (double) agree / rows.size();
    System.out.printf("check %s sample: agree %d/%d (%.1f%%); false alarms %d; missed %s%n", base,
        agree, rows.size(), 100 * agreement, falseAlarms.size(), missed);
    assertThat(falseAlarms).as(base + ": started by libvirt, refused by the check").isEmpty();
    assertThat(agreement).as(base + " agreement; missed: " + missed)
        .isGreaterThanOrEqualTo(MIN_AGREEMENT);
  }

  private static String hostCpu() throws Exception {
    return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
        .filter(l -> l.startsWith("model name")).findFirst()
        .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
  }
}
