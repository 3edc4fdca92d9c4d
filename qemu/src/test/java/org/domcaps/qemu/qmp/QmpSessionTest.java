// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.qmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class QmpSessionTest {
  /** Answers with canned reply texts and remembers what was sent. */
  static final class Scripted implements QmpTransport {
    final String greeting;
    final Deque<String> replies = new ArrayDeque<>();
    final List<String> sent = new ArrayList<>();

    Scripted(String greeting, String... replies) {
      this.greeting = greeting;
      this.replies.addAll(List.of(replies));
    }

    @Override
    public JsonNode greeting() throws IOException {
      return QmpJson.parse(greeting);
    }

    @Override
    public JsonNode exchange(JsonNode command) throws IOException {
      sent.add(QmpJson.compact(command));
      return QmpJson.parse(replies.removeFirst());
    }

    @Override
    public void close() {}
  }

  private static final String GREETING = "{\"QMP\":{\"version\":{},\"capabilities\":[]}}";

  @Test
  void commandsCarryLibvirtIdsInLibvirtKeyOrder() throws IOException {
    Scripted t = new Scripted(GREETING, "{\"return\":{}}", "{\"return\":[]}", "{\"return\":{}}");
    QmpSession s = QmpSession.open(t);
    s.execute("query-commands", null);
    s.execute("qom-list-properties", QmpJson.mapper().createObjectNode()
        .put("typename", "none-machine"));
    assertThat(t.sent)
        .containsExactly(
            "{\"execute\":\"qmp_capabilities\",\"id\":\"libvirt-1\"}",
            "{\"execute\":\"query-commands\",\"id\":\"libvirt-2\"}",
            "{\"execute\":\"qom-list-properties\",\"arguments\":{\"typename\":\"none-machine\"},"
                + "\"id\":\"libvirt-3\"}");
  }

  @Test
  void errorReplyIsTypedWithClassAndDescription() throws IOException {
    Scripted t = new Scripted(GREETING, "{\"return\":{}}",
        "{\"error\":{\"class\":\"DeviceNotFound\",\"desc\":\"Device 'x' not found\"}}");
    QmpSession s = QmpSession.open(t);
    assertThatThrownBy(() -> s.execute("device-list-properties", null))
        .isInstanceOfSatisfying(QmpErrorException.class, e -> {
          assertThat(e.errorClass()).isEqualTo("DeviceNotFound");
          assertThat(e.description()).isEqualTo("Device 'x' not found");
          assertThat(e.command()).isEqualTo("device-list-properties");
        })
        .hasMessage(
            "unable to execute QEMU command 'device-list-properties': Device 'x' not found");
  }

  @Test
  void toleratedErrorClassMeansNoData() throws IOException {
    Scripted t = new Scripted(GREETING, "{\"return\":{}}",
        "{\"error\":{\"class\":\"CommandNotFound\",\"desc\":\"nope\"}}",
        "{\"error\":{\"class\":\"GenericError\",\"desc\":\"boom\"}}");
    QmpSession s = QmpSession.open(t);
    assertThat(s.executeTolerating("query-tpm-models", null, "CommandNotFound")).isEmpty();
    assertThatThrownBy(() -> s.executeTolerating("query-tpm-types", null, "CommandNotFound"))
        .isInstanceOf(QmpErrorException.class)
        .hasMessageContaining("boom");
  }

  @Test
  void replyWithoutReturnIsAProtocolError() throws IOException {
    Scripted t = new Scripted(GREETING, "{\"return\":{}}", "{\"id\":\"libvirt-2\"}");
    QmpSession s = QmpSession.open(t);
    assertThatThrownBy(() -> s.execute("query-kvm", null))
        .isInstanceOf(QmpProtocolException.class)
        .hasMessage(
            "expected 'return' or 'error' in the reply to 'query-kvm' but was "
                + "{\"id\":\"libvirt-2\"}");
  }

  @Test
  void nonObjectReplyIsAProtocolError() throws IOException {
    Scripted t = new Scripted(GREETING, "{\"return\":{}}", "[1,2]");
    QmpSession s = QmpSession.open(t);
    assertThatThrownBy(() -> s.execute("query-kvm", null))
        .isInstanceOf(QmpProtocolException.class)
        .hasMessage("expected a reply object to 'query-kvm' but was [1,2]");
  }

  @Test
  void greetingWithoutQmpIsRefused() {
    Scripted t = new Scripted("{\"hello\":1}");
    assertThatThrownBy(() -> QmpSession.open(t))
        .isInstanceOf(QmpProtocolException.class)
        .hasMessage("expected a QMP greeting object with member 'QMP' but was {\"hello\":1}");
  }

  @Test
  void qmpCapabilitiesMustReturnAnObject() {
    Scripted t = new Scripted(GREETING, "{\"return\":[]}");
    assertThatThrownBy(() -> QmpSession.open(t))
        .isInstanceOf(QmpProtocolException.class)
        .hasMessageContaining("unexpected type returned by QEMU command 'qmp_capabilities'");
  }

  @Test
  void exceptionsAreIoExceptions() {
    assertThat(new QmpErrorException("c", "GenericError", "d")).isInstanceOf(QmpException.class)
        .isInstanceOf(IOException.class);
    assertThat(new QmpProtocolException("x")).isInstanceOf(QmpException.class);
  }
}
