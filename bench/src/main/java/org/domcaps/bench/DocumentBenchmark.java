// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.domcaps.json.DomainCapabilitiesJson;
import org.domcaps.json.DomainCapabilitiesJsonException;
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
 * Parse and format of one typical x86_64 document (libvirt 9.0.0, QEMU 7.2, pc-i440fx), in XML
 * and in the JSON form; one operation is one whole document. The document is read once at setup
 * from {@code -Ddomcaps.bench.document=PATH}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DocumentBenchmark {
  public static final String DOCUMENT_PROPERTY = "domcaps.bench.document";
  public static final String DEFAULT_DOCUMENT =
      "/work/shared/oracle/libvirt-9.0.0/qemu-7.2/x86_64/default.xml";

  private String xml;
  private String json;
  private DomainCapabilities caps;

  @Setup
  public void load() throws IOException, DomainCapabilitiesParseException {
    Path file = Path.of(System.getProperty(DOCUMENT_PROPERTY, DEFAULT_DOCUMENT));
    caps = DomainCapabilitiesXml.parse(file);
    xml = DomainCapabilitiesXml.format(caps);
    json = DomainCapabilitiesJson.write(caps);
    if (!xml.equals(Files.readString(file, StandardCharsets.UTF_8).stripTrailing() + "\n")) {
      throw new IllegalStateException(file + " does not round-trip; not a fair benchmark input");
    }
  }

  @Benchmark
  public DomainCapabilities xmlParse() throws DomainCapabilitiesParseException {
    return DomainCapabilitiesXml.parse(xml);
  }

  @Benchmark
  public String xmlFormat() {
    return DomainCapabilitiesXml.format(caps);
  }

  @Benchmark
  public DomainCapabilities jsonRead() throws DomainCapabilitiesJsonException {
    return DomainCapabilitiesJson.read(json);
  }

  @Benchmark
  public String jsonWrite() {
    return DomainCapabilitiesJson.write(caps);
  }
}
