// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.domcaps.qemu.conformance.TextComparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.qemu.testing.HostFirmwareLock;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 45 {@code virsh domcapabilities --virttype qemu} outputs collected from libvirt 9.0.0 with
 * QEMU 7.2, reproduced by probing the real emulators of this machine.
 */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class LiveOracleTest {
  private static Options options;

  @BeforeAll
  static void liveHost() {
    options = LiveOptions.forThisHost(w -> {});
  }

  private static List<Path> goldens() throws IOException {
    try (Stream<Path> s = Files.walk(SharedData.oracle(), 2)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".xml"))
          .filter(p -> !p.getParent().equals(SharedData.oracle()))
          .sorted().toList();
    }
  }

  @Test
  void everyOracleDocumentIsReproducedByteForByte() throws Exception {
    // Other checkouts' tests may be editing /etc/qemu/firmware; wait for them.
    try (HostFirmwareLock lock = HostFirmwareLock.shared()) {
      List<Path> goldens = goldens();
      assertThat(goldens).hasSize(45);
      List<String> full = new ArrayList<>();
      List<String> outsideCpu = new ArrayList<>();
      for (Path golden : goldens) {
        String arch = golden.getParent().getFileName().toString();
        String name = golden.getFileName().toString().replaceFirst("\\.xml$", "");
        DomCapsRequest request = DomCapsRequest.defaults().withVirtType("qemu").withArch(arch)
            .withMachine(name.equals("default") ? null : name);
        // virsh adds two newlines after the document.
        String ours = DomainCapabilitiesXml.format(DomCaps.answer(request, options)) + "\n\n";
        String expected = Files.readString(golden);
        if (!ours.equals(expected)) {
          full.add(arch + "/" + name + ": " + TextComparison.firstDifference(expected, ours).get());
        }
        if (!TextComparison.withoutCpu(ours).equals(TextComparison.withoutCpu(expected))) {
          outsideCpu.add(arch + "/" + name);
        }
      }
      assertThat(outsideCpu).as("differing outside <cpu>").isEmpty();
      assertThat(full).as("differing").isEmpty();
    }
  }
}
