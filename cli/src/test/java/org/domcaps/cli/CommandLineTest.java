// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void aRefusalIsOneErrorLineOnStderrAndStatusOne() {
    assertThat(run("--virttype", "nosuchtype")).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("error: invalid argument: unknown virttype: nosuchtype\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void theDocumentEndsAsVirshPrintsIt() {
    assertThat(run("--virttype", "qemu", "--arch", "m68k")).isEqualTo(0);
    assertThat(out.toString()).startsWith("<domainCapabilities>\n")
        .contains("<arch>m68k</arch>").endsWith("</domainCapabilities>\n\n\n");
  }

  @Test
  void conformanceEndsWithTheCountAndSucceedsOnlyWhenAllMatch() {
    String suite = SharedData.conformance().toString();
    assertThat(run("conformance", suite, "--firmware-root", suite + "/firmware")).isEqualTo(0);
    assertThat(out.toString()).endsWith("44/44 byte-identical\n");
    out.getBuffer().setLength(0);
    // Without the firmware trees the x86 and aarch64 goldens lose their firmware enum.
    assertThat(run("conformance", suite)).isEqualTo(1);
    assertThat(out.toString()).contains("DIFFERS qemu_7.2.0.x86_64.xml: line ");
  }
}
