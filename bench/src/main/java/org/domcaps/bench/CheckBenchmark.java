// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.domcaps.check.DomainCheck;
import org.domcaps.check.Finding;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.DomainXmlException;
import org.domcaps.domain.DomainXmlReader;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.xml.DomainCapabilitiesParseException;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code domcaps check} in-process: one guest definition against warm capabilities (issue 13's
 * budget: 1 ms). {@code check} judges an already read definition; {@code readAndCheck} also
 * reads its XML. Inputs: a corpus definition with devices, CPU, features and firmware, and its
 * base's saved capabilities ({@code -Ddomcaps.bench.definition}, {@code -Ddomcaps.bench.caps}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CheckBenchmark {
  private String xml;
  private DomainDefinition definition;
  private DomainCapabilities caps;

  @Setup
  public void load() throws IOException, DomainXmlException, DomainCapabilitiesParseException {
    Path def = Path.of(System.getProperty("domcaps.bench.definition",
        "/work/shared/check/cases/x86q35tcg-000.xml"));
    Path doc = Path.of(System.getProperty("domcaps.bench.caps",
        "/work/shared/check/domcaps/x86_64-q35-qemu.xml"));
    xml = Files.readString(def);
    definition = new DomainXmlReader().read(xml);
    caps = DomainCapabilitiesXml.parse(doc);
  }

  @Benchmark
  public List<Finding> check() {
    return DomainCheck.check(definition, caps);
  }

  @Benchmark
  public List<Finding> readAndCheck() throws DomainXmlException {
    return DomainCheck.check(new DomainXmlReader().read(xml), caps);
  }
}
