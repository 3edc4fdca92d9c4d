// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.qmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RepliesFileTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("org.domcaps.qemu.testing.ConformanceFiles#replies")
  void parseThenFormatIsByteIdentical(Path file) throws IOException {
    String text = Files.readString(file);
    List<QmpExchange> parsed = RepliesFile.parse(text, file.toString());
    assertThat(parsed.get(0).execute()).isEqualTo("qmp_capabilities");
    assertThat(RepliesFile.format(parsed)).isEqualTo(text);
  }

  @Test
  void commandWithoutReplyNamesItsLine() {
    String text = "{\n  \"execute\": \"qmp_capabilities\",\n  \"id\": \"libvirt-1\"\n}\n\n"
        + "{\n  \"return\": {\n  },\n  \"id\": \"libvirt-1\"\n}\n\n"
        + "{\n  \"execute\": \"query-version\",\n  \"id\": \"libvirt-2\"\n}\n";
    assertThatThrownBy(() -> RepliesFile.parse(text, "t.replies"))
        .isInstanceOf(QmpProtocolException.class)
        .hasMessageContaining("t.replies:12: missing response for command");
  }

  @Test
  void nonJsonEntryNamesItsLine() {
    String text = "{\n  \"execute\": \"qmp_capabilities\"\n}\n\nthis is not json\n";
    assertThatThrownBy(() -> RepliesFile.parse(text, "t.replies"))
        .isInstanceOf(QmpProtocolException.class)
        .hasMessageContaining("t.replies:5: cannot parse json this is not json");
  }

  @Test
  void emptyContainersAndEscapesFollowYajl() throws IOException {
    String v =
        RepliesFile.pretty(
            QmpJson.parse(
                "{\"a\":{},\"b\":[],\"c\":[1,\"x\\\"y\\n\"],\"d\":18446744073709551615}"));
    assertThat(v)
        .isEqualTo(
            "{\n  \"a\": {\n  },\n  \"b\": [\n  ],\n  \"c\": [\n    1,\n    \"x\\\"y\\n\"\n  "
                + "],\n  \"d\": 18446744073709551615\n}");
  }
}
