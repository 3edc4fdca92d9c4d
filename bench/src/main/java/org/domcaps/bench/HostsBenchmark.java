// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.domcaps.hosts.cpu.CpuDef;
import org.domcaps.hosts.cpu.CpuException;
import org.domcaps.hosts.cpu.CpuXmlReader;
import org.domcaps.hosts.cpu.HypervisorCpu;
import org.domcaps.hosts.cpu.HypervisorCpuCommands;
import org.domcaps.hosts.pool.CapsPool;
import org.domcaps.hosts.pool.PoolException;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * In-process cost of comparing hosts (issue 14 targets: a baseline of 10 CPUs within 5 ms, a pool
 * of 100 documents within 100 ms). Inputs come from the shared libvirt 9.0.0 goldens
 * ({@code -Ddomcaps.bench.goldens=DIR}, default {@code
 * /work/shared/conformance/libvirt-9.0.0/domaincaps}):
 * the host-model CPUs of ten x86_64 kvm documents of one vendor, with --features, decoded for the
 * first one's hypervisor; and the x86_64 kvm documents repeated to one hundred.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HostsBenchmark {
  public static final String GOLDENS_PROPERTY = "domcaps.bench.goldens";
  public static final String DEFAULT_GOLDENS = "/work/shared/conformance/libvirt-9.0.0/domaincaps";

  private List<CpuDef> tenCpus;
  private HypervisorCpu hypervisor;
  private List<DomainCapabilities> hundredDocs;
  private final HypervisorCpuCommands commands = new HypervisorCpuCommands();
  private final CapsPool pool = new CapsPool();

  @Setup
  public void load() throws Exception {
    Path dir = Path.of(System.getProperty(GOLDENS_PROPERTY, DEFAULT_GOLDENS));
    List<Path> kvm;
    try (Stream<Path> files = Files.list(dir)) {
      kvm = files.filter(p -> p.getFileName().toString()
          .matches("qemu_[0-9.]+(-q35)?\\.x86_64\\.xml"))
          .sorted().toList();
    }
    List<DomainCapabilities> docs = new ArrayList<>();
    for (Path f : kvm) {
      docs.add(DomainCapabilitiesXml.parse(f));
    }
    List<CpuDef> amd = new ArrayList<>();
    for (Path f : kvm) {
      for (CpuDef c : CpuXmlReader.read(f)) {
        if (c.vendor().equals(java.util.Optional.of("AMD"))) {
          amd.add(c);
        }
      }
    }
    if (amd.isEmpty() || docs.isEmpty()) {
      throw new IllegalStateException("no x86_64 kvm goldens with an AMD host-model under " + dir);
    }
    tenCpus = new ArrayList<>();
    for (int i = 0; tenCpus.size() < 10; i++) {
      tenCpus.add(amd.get(i % amd.size()));
    }
    hypervisor = HypervisorCpu.ofDocument(docs.get(docs.size() - 1));
    hundredDocs = new ArrayList<>();
    for (int i = 0; hundredDocs.size() < 100; i++) {
      hundredDocs.add(docs.get(i % docs.size()));
    }
    baselineOfTenCpus();
    poolOfHundredDocuments();
  }

  @Benchmark
  public CpuDef baselineOfTenCpus() throws CpuException {
    return commands.baselineCpu(tenCpus, hypervisor, true, false);
  }

  @Benchmark
  public DomainCapabilities poolOfHundredDocuments() throws PoolException {
    return pool.pool(hundredDocs);
  }
}
