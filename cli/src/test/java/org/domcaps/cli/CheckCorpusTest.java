// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.domcaps.check.DomainCheck;
import org.domcaps.check.Finding;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.DomainXmlReader;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.qemu.api.DomCaps;
import org.domcaps.qemu.api.LiveOptions;
import org.domcaps.qemu.api.Options;
import org.domcaps.qemu.api.Resolution;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The corpus runner: every definition of {@code ../shared/check} checked against its base's saved
 * capabilities, with this host's probe (the real QEMU binaries) for the live rules, scored
 * against what real libvirt 9.0 did: started → passes, refused for a capability or an invalid
 * definition → refused; refusals for something missing on the host are not scored.
 */
@ExtendWith(SharedHostFirmware.class)
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class CheckCorpusTest {
  private static final double MIN_AGREEMENT = 0.98;

  @Test
  void agreesWithLibvirtOnTheCorpusWithoutFalseAlarms() throws Exception {
    Path corpus = SharedData.root().resolve("check");
    Assumptions.assumeTrue(Files.isRegularFile(corpus.resolve("results.jsonl")),
        "skipped: no corpus at " + corpus);
    Map<String, DomainCapabilities> bases = new HashMap<>();
    try (Stream<Path> docs = Files.list(corpus.resolve("domcaps"))) {
      for (Path p : docs.toList()) {
        DomainCapabilities c = DomainCapabilitiesXml.parse(p);
        bases.put(key(c.arch(), c.machine().orElse(""), c.domain()), c);
      }
    }
    Options options = LiveOptions.forThisHost(w -> { }, Optional.empty());
    Map<String, Target> targets = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    int scored = 0;
    int agree = 0;
    int started = 0;
    List<String> falseAlarms = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    DomainXmlReader reader = new DomainXmlReader();
    try (BufferedReader in = Files.newBufferedReader(corpus.resolve("results.jsonl"))) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode r = json.readTree(line);
        if ("environment".equals(r.path("cause").asText(null))) {
          continue;
        }
        String k = key(r.get("arch").asText(), r.get("machine").asText(),
            r.get("virttype").asText());
        DomainDefinition def = reader.read(corpus.resolve("cases").resolve(r.get("xml").asText()));
        Target t = targets.get(k);
        if (t == null) {
          DomainCapabilities base = bases.get(k);
          assertThat(base).as("saved capabilities for " + k).isNotNull();
          Resolution live = DomCaps.resolve(HostTargets.requestOf(def), options);
          t = new Target(base, new LiveProbeFacts(live, options));
          targets.put(k, t);
        }
        List<Finding> findings = DomainCheck.check(def, List.of(t));
        boolean wantRefused = !r.get("outcome").asText().equals("started");
        boolean refused = DomainCheck.refused(findings);
        scored++;
        started += wantRefused ? 0 : 1;
        if (refused == wantRefused) {
          agree++;
        } else if (refused) {
          falseAlarms.add(r.get("id").asText() + " " + r.get("change").asText() + ": "
              + findings.stream().filter(Finding::isError).map(Finding::message).toList());
        } else {
          missed.add(r.get("id").asText() + " " + r.get("change").asText());
        }
      }
    }
    double agreement = (double) agree / scored;
    System.out.printf("check corpus: agree %d/%d (%.1f%%); false alarms %d/%d; missed %s%n",
        agree, scored, 100 * agreement, falseAlarms.size(), started, missed);
    assertThat(scored).isGreaterThan(1000);
    assertThat(falseAlarms).as("started by libvirt, refused by the check").isEmpty();
    assertThat(agreement).as("agreement; missed: " + missed).isGreaterThanOrEqualTo(MIN_AGREEMENT);
  }

  private static String key(String arch, String machine, String virtType) {
    return arch + " " + machine + " " + virtType;
  }
}
