// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The shipped CPU map resources: content figures and freshness against libvirt's own map. */
class CpuMapResourceTest {
  @Test
  void x86MapHoldsLibvirtFigures() {
    X86CpuMap map = X86CpuMap.get();
    assertThat(map.vendors()).extracting(X86CpuMap.Vendor::name)
        .containsExactly("Intel", "AMD", "Hygon");
    assertThat(map.features()).hasSize(212);
    assertThat(map.features().stream().filter(X86CpuMap.Feature::msr)).hasSize(10);
    assertThat(map.features().stream().filter(f -> !f.migratable()))
        .extracting(X86CpuMap.Feature::name).containsExactly("xsaves", "invtsc");
    assertThat(map.models()).hasSize(58);
    assertThat(map.models().get(0).name()).isEqualTo("486");
    assertThat(map.models().get(57).name()).isEqualTo("Dhyana");
    assertThat(map.models().stream().mapToInt(m -> m.signatures().size()).sum()).isEqualTo(89);
    assertThat(map.models().stream().filter(m -> !m.decodeGuest())).hasSize(7);
    X86CpuMap.Model sky = map.model("Skylake-Server").orElseThrow();
    assertThat(sky.signatureMatches(6, 85, 4)).isTrue();
    assertThat(sky.signatureMatches(6, 85, 5)).isFalse();
    assertThat(map.model("EPYC").orElseThrow().removed()).containsExactly("monitor");
    assertThat(map.model("EPYC").orElseThrow().features()).hasSize(65);
  }

  @Test
  void ppc64MapHoldsLibvirtFigures() {
    Ppc64CpuMap map = Ppc64CpuMap.get();
    assertThat(map.models()).extracting(Ppc64CpuMap.Model::name).containsExactly(
        "POWER6", "POWER7", "POWER8", "POWER9", "POWER10", "POWERPC_e5500", "POWERPC_e6500");
    assertThat(map.models().stream().mapToInt(m -> m.pvrs().size()).sum()).isEqualTo(10);
    assertThat(map.modelForPvr(0x004d0200L).orElseThrow().name()).isEqualTo("POWER8");
    assertThat(map.canonicalName("power10")).contains("POWER10");
  }

  static Stream<Path> libvirtMaps() {
    return Stream.of(Path.of("/usr/share/libvirt/cpu_map"),
        Path.of("/work/libvirt-src/libvirt-9.0.0/src/cpu_map"))
        .filter(p -> Files.isRegularFile(p.resolve("index.xml")));
  }

  @Test
  void resourcesAreWhatTheGeneratorMakesFromLibvirtsMap() throws Exception {
    Path dir = libvirtMaps().findFirst().orElse(null);
    Assumptions.assumeTrue(dir != null,
        "skipped: no libvirt 9.0.0 cpu_map installed (/usr/share/libvirt/cpu_map) to regenerate "
            + "from");
    CpuMapGenerator g = new CpuMapGenerator(dir);
    assertThat(g.x86())
        .isEqualTo(
            resource(
                CpuMapText.resource(org.domcaps.model.LibvirtVersion.V9_0, "x86-cpu-map.txt")));
    assertThat(g.ppc64())
        .isEqualTo(
            resource(
                CpuMapText.resource(org.domcaps.model.LibvirtVersion.V9_0, "ppc64-cpu-map.txt")));
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = CpuMapResourceTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void x86Map113HasVersionedModelsAndTheirCanonicalNames() {
    X86CpuMap map = X86CpuMap.get(org.domcaps.model.LibvirtVersion.V11_3);
    assertThat(map.models()).hasSize(150);
    assertThat(map.canonicalName("Broadwell")).contains("Broadwell-v1");
    assertThat(map.canonicalName("Broadwell-noTSX")).contains("Broadwell-v2");
    assertThat(map.canonicalName("Broadwell-v1")).isEmpty();
    assertThat(map.model("Broadwell-v2").orElseThrow().features())
        .isEqualTo(map.model("Broadwell-noTSX").orElseThrow().features());
    assertThat(X86CpuMap.get().canonicalName("Broadwell")).isEmpty();
  }

  /**
   * libvirt 11.3's map as the private 11.3 tree installs it (../shared/tools/libvirt-11.3-env.sh).
   */
  @Test
  void resources113AreWhatTheGeneratorMakesFromLibvirt113sMap() throws Exception {
    Path dir = Path.of("/opt/libvirt11/root/usr/share/libvirt/cpu_map");
    Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("index.xml")),
        "skipped: no libvirt 11.3 cpu_map under /opt/libvirt11 to regenerate from");
    CpuMapGenerator g = new CpuMapGenerator(dir, "11.3.0");
    org.domcaps.model.LibvirtVersion v = org.domcaps.model.LibvirtVersion.V11_3;
    assertThat(g.x86()).isEqualTo(resource(CpuMapText.resource(v, "x86-cpu-map.txt")));
    assertThat(g.ppc64()).isEqualTo(resource(CpuMapText.resource(v, "ppc64-cpu-map.txt")));
  }
}
