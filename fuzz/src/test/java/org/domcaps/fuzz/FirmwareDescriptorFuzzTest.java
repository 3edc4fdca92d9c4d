// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.domcaps.qemu.firmware.FirmwareDescriptor;
import org.domcaps.qemu.firmware.FirmwareParseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The firmware descriptor reader ({@code /usr/share/qemu/firmware/*.json}): any bytes are either
 * refused with its declared exception or read into a descriptor. The reader takes a file, so each
 * input is written to one scratch file first.
 */
class FirmwareDescriptorFuzzTest {
  private static Path file;

  @BeforeAll
  static void scratchFile() throws Exception {
    file = Files.createTempFile("domcaps-fuzz-firmware-", ".json");
    FuzzSeeds.plantForFuzzing(FirmwareDescriptorFuzzTest.class, "parse", "firmware");
  }

  @AfterAll
  static void removeScratchFile() throws IOException {
    Files.deleteIfExists(file);
  }

  @FuzzTest
  void parse(byte[] input) throws Exception {
    Hangs.bounded(input, this::parseOnce);
  }

  void parseOnce(byte[] input) throws IOException {
    Files.write(file, input);
    try {
      FirmwareDescriptor d = FirmwareDescriptor.parse(file);
      d.matches("x86_64", "pc-q35-7.2");
    } catch (FirmwareParseException refused) {
      // declared
    }
  }

  @Test
  void everySharedSeedHolds() throws Exception {
    for (byte[] seed : FuzzSeeds.seeds("firmware")) {
      parse(seed);
    }
  }
}
