// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The picocli-free start-up path reads a plain request exactly as picocli does, or declines. */
class FastPathTest {
  @ParameterizedTest
  @ValueSource(strings = {
    "",
    "--arch x86_64",
    "--arch=x86_64 --virttype kvm",
    "--emulatorbin /usr/bin/qemu-system-aarch64 --machine virt --virttype qemu --arch aarch64",
    "--format xml --no-cache --cache-dir /tmp/x",
    "--format=json --arch aarch64",
    "--machine=pc-q35-7.2 --cache-dir=/var/tmp/c",
  })
  void readsPlainRequestsAsPicocliDoes(String line) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ");
    DomCapsCommand fast = FastPath.parse(args);
    DomCapsCommand slow = new DomCapsCommand();
    new CommandLine(slow).parseArgs(args);
    assertThat(fast).as(Arrays.toString(args)).isNotNull();
    assertThat(describe(fast)).isEqualTo(describe(slow));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "--help", "-h", "--version", "--all", "cache list", "conformance /tmp", "--arch",
    "--arch x86_64 --arch i686", "--arch --virttype", "--arch= ", "--bogus 1", "x86_64",
    "--no-cache --no-cache", "--format yaml",
  })
  void leavesEverythingElseToPicocli(String line) {
    assertThat(FastPath.parse(line.split(" "))).isNull();
  }

  private static String describe(DomCapsCommand c) {
    return String.join("|", c.emulatorBin, c.arch, c.machine, c.virtType, c.output.format()
        .optionValue(),
        String.valueOf(c.noCache), Objects.toString(c.cacheDir), String.valueOf(c.all));
  }
}
