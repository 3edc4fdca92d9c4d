// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.domcaps.check.DomainCheck;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.DomainXmlReader;
import org.domcaps.hosts.pool.CapsPool;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A pool document is a safe migration check (issue 14): every definition of {@code ../shared/check}
 * that {@code check} accepts against pool(base, other) is accepted against the base and against
 * the other host, for every shared document of the base's arch and virt type as the other host
 * (taken as answering for the base's machine). Definitions the pool refuses though both hosts
 * accept them would make the pool stricter than checking the hosts one by one; there are none.
 */
class PoolCheckTest {
  @Test
  void whatThePoolAcceptsEveryMemberAccepts() throws Exception {
    Path corpus = SharedData.root().resolve("check");
    Assumptions.assumeTrue(Files.isDirectory(corpus.resolve("cases")), "skipped: no corpus at "
        + corpus);
    List<DomainCapabilities> others = new ArrayList<>();
    for (Path p : SharedData.allDomainCapabilitiesDocuments()) {
      others.add(DomainCapabilitiesXml.parse(p));
    }
    DomainXmlReader reader = new DomainXmlReader();
    ObjectMapper json = new ObjectMapper();
    CapsPool pool = new CapsPool();
    int pools = 0;
    int accepted = 0;
    int refusedOnlyByPool = 0;
    List<String> unsound = new ArrayList<>();
    try (Stream<Path> bases = Files.list(corpus.resolve("domcaps"))) {
      for (Path basePath : bases.sorted().toList()) {
        DomainCapabilities base = DomainCapabilitiesXml.parse(basePath);
        String prefix = basePath.getFileName().toString();
        List<DomainDefinition> defs = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("results.jsonl"))) {
          JsonNode r = json.readTree(line);
          if (r.get("arch").asText().equals(base.arch()) && r.get("virttype").asText()
              .equals(base.domain())
              && base.machine().equals(java.util.Optional.of(r.get("machine").asText()))) {
            defs.add(reader.read(corpus.resolve("cases").resolve(r.get("xml").asText())));
          }
        }
        for (DomainCapabilities shared : others) {
          if (shared.equals(base) || !shared.arch().equals(base.arch()) || !shared.domain()
              .equals(base.domain())) {
            continue;
          }
          // Hosts of one pool are asked for one machine type (a pool of different machines has
          // no machine, and check's machine-specific rules then cannot apply): the other host
          // is this shared document, answering for the base's machine.
          DomainCapabilities other = shared.toBuilder().machine(base.machine().orElse(null))
              .build();
          DomainCapabilities pooled = pool.pool(List.of(base, other));
          pools++;
          for (DomainDefinition def : defs) {
            boolean poolRefuses = DomainCheck.refused(DomainCheck.check(def, pooled));
            boolean membersRefuse = DomainCheck.refused(DomainCheck.check(def, base, other));
            if (!poolRefuses) {
              accepted++;
              if (membersRefuse) {
                unsound.add(prefix + " " + other.path() + ": "
                    + DomainCheck.check(def, base, other));
              }
            } else if (!membersRefuse) {
              refusedOnlyByPool++;
            }
          }
        }
      }
    }
    System.out.println("PoolCheckTest: " + pools + " pools, " + accepted
        + " definitions accepted by"
        + " a pool (all accepted by each member), " + refusedOnlyByPool
            + " refused by the pool only");
    assertThat(pools).isPositive();
    assertThat(accepted).isPositive();
    assertThat(unsound).as("definitions the pool accepts but a member refuses").isEmpty();
    // On this corpus the pool is not even stricter: its verdict is that of checking each host.
    assertThat(refusedOnlyByPool)
        .as("definitions the pool refuses though every member accepts them").isZero();
  }
}
