// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import org.domcaps.qemu.qmp.QmpJson;
import org.domcaps.qemu.qmp.QuotedInput;
import org.domcaps.qemu.testing.FakeQmpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 9: a 10 MB garbage QMP line was quoted whole, raw control bytes included, in the
 * error message (and so on stderr). The message must quote a bounded, escaped excerpt.
 */
class Issue16QuotedQmpInputTest {
  @TempDir Path dir;

  /** 10 MB of garbage with terminal escapes, a NUL, a DEL and a bidi override in it. */
  static String garbageLine() {
    StringBuilder b = new StringBuilder("\u001b[2J\u0000garbage\u007f\u202e");
    while (b.length() < 10_000_000) {
      b.append("not json \u001b[31m red \u0007 ");
    }
    return b.toString();
  }

  static void assertBoundedAndEscaped(String message) {
    assertThat(message.length()).isLessThan(2_000);
    assertThat(message.chars().filter(c -> c < 0x20 || c == 0x7f || c == 0x202e)).isEmpty();
  }

  @Test
  void tenMegabyteGarbageGreetingIsQuotedAsBoundedEscapedExcerpt() throws Exception {
    try (FakeQmpServer server = new FakeQmpServer(dir.resolve("m.sock"))
            .send(garbageLine()).hang().start();
        LiveQmpTransport qmp = LiveQmpTransport.connect(server.socket(), Duration.ofSeconds(30))) {
      Throwable t = catchThrowable(qmp::greeting);
      assertThat(t).isInstanceOf(QmpStreamException.class);
      assertThat(t.getMessage()).startsWith("cannot parse json \\x1b[2J\\x00garbage\\x7f\\u202e");
      assertThat(t.getMessage()).contains("more characters)");
      assertBoundedAndEscaped(t.getMessage());
    }
  }

  @Test
  void objectThatIsNotTheGreetingIsQuotedAsBoundedEscapedExcerpt() throws Exception {
    String huge = "{\"x\": \"" + "\\u0001".repeat(1_000_000) + "\u001b\"}";
    try (FakeQmpServer server = new FakeQmpServer(dir.resolve("m.sock"))
            .send(huge).hang().start();
        LiveQmpTransport qmp = LiveQmpTransport.connect(server.socket(), Duration.ofSeconds(30))) {
      Throwable t = catchThrowable(qmp::greeting);
      assertThat(t).isInstanceOf(QmpStreamException.class);
      assertBoundedAndEscaped(t.getMessage());
    }
  }

  @Test
  void recordedRepliesQuoteBoundedEscapedExcerpts() {
    String message = catchThrowable(() -> QmpJson.parse(garbageLine())).getMessage();
    assertBoundedAndEscaped(message);
    assertThat(QuotedInput.excerpt("a\\b\u0000")).isEqualTo("a\\\\b\\x00");
  }
}
