// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import org.domcaps.qemu.testing.FakeQmpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveQmpTransportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SHORT = Duration.ofMillis(500);

  @TempDir Path dir;

  private static JsonNode cmd(String json) throws Exception {
    return JSON.readTree(json);
  }

  @Test
  void sendsCommandsCompactlyAndSkipsInterleavedEvents() throws Exception {
    String caps = "{\"execute\":\"qmp_capabilities\",\"id\":\"libvirt-1\"}";
    String version = "{\"execute\":\"query-version\",\"id\":\"libvirt-2\"}";
    try (FakeQmpServer server =
            new FakeQmpServer(dir.resolve("m.sock"))
                .greet()
                .event("RESUME")
                .expect(caps)
                .event("NIC_RX_FILTER_CHANGED")
                .reply("{\"return\": {}, \"id\": \"libvirt-1\"}")
                .expect(version)
                .event("A")
                .event("B")
                .reply("{\"return\": {\"package\": \"x\"}, \"id\": \"libvirt-2\"}")
                .start();
        LiveQmpTransport qmp = LiveQmpTransport.connect(server.socket(), SHORT)) {
      assertThat(qmp.greeting().path("QMP").path("version").path("qemu").path("major").asInt())
          .isEqualTo(7);
      assertThat(qmp.exchange(cmd(caps))).isEqualTo(cmd("{\"return\":{},\"id\":\"libvirt-1\"}"));
      assertThat(qmp.exchange(cmd(version)).path("return").path("package").asText()).isEqualTo("x");
      server.verify();
      assertThat(server.received()).containsExactly(cmd(caps), cmd(version));
    }
  }

  @Test
  void errorRepliesAreRepliesNotFailures() throws Exception {
    String err = "{\"error\": {\"class\": \"DeviceNotFound\", \"desc\": \"no such type\"}}";
    try (FakeQmpServer server =
            new FakeQmpServer(dir.resolve("m.sock"))
                .greet()
                .expect("device-list-properties")
                .reply(err)
                .start();
        LiveQmpTransport qmp = LiveQmpTransport.connect(server.socket(), SHORT)) {
      JsonNode reply =
          qmp.exchange(
              cmd(
                  "{\"execute\":\"device-list-properties\",\"arguments\":{\"typename\":\"x\"},"
                      + "\"id\":\"libvirt-8\"}"));
      assertThat(reply.path("error").path("class").asText()).isEqualTo("DeviceNotFound");
      assertThat(qmp.failed()).isFalse();
    }
  }

  @Test
  void hangBeforeGreetingTimesOut() throws Exception {
    try (FakeQmpServer server = new FakeQmpServer(dir.resolve("m.sock")).hang().start();
        LiveQmpTransport qmp = LiveQmpTransport.connect(server.socket(), SHORT)) {
      assertThatThrownBy(qmp::greeting)
          .isInstanceOf(QmpTimeoutException.class)
          .hasMessage("timed out after 0.5 s waiting for the QMP greeting");
      assertThat(qmp.failed()).isTrue();
    }
  }

  @Test
  void hangMidCommandTimesOutAndLeavesTheTransportUnusable() throws Exception {
    try (FakeQmpServer server =
            new FakeQmpServer(dir.resolve("m.sock"))
                .greet()
                .expect("query-machines")
                .event("STILL_HERE")
                .hang()
                .start();
        LiveQmpTransport qmp = LiveQmpTransport.connect(server.socket(), SHORT)) {
      JsonNode machines = cmd("{\"execute\":\"query-machines\",\"id\":\"libvirt-40\"}");
      assertThatThrownBy(() -> qmp.exchange(machines))
          .isInstanceOf(QmpTimeoutException.class)
          .hasMessage("timed out after 0.5 s waiting for the reply to 'query-machines'");
      assertThatThrownBy(() -> qmp.exchange(machines))
          .isInstanceOf(QmpStreamException.class)
          .hasMessageStartingWith("QMP connection unusable after an earlier failure");
      assertThat(qmp.sendQuit()).isFalse();
    }
  }

  @Test
  void closeMidSessionIsMissingReply() throws Exception {
    try (FakeQmpServer server =
            new FakeQmpServer(dir.resolve("m.sock"))
                .greet()
                .expect("query-kvm")
                .disconnect()
                .start();
        LiveQmpTransport qmp = LiveQmpTransport.connect(server.socket(), SHORT)) {
      assertThatThrownBy(
              () -> qmp.exchange(cmd("{\"execute\":\"query-kvm\",\"id\":\"libvirt-6\"}")))
          .isInstanceOf(QmpStreamException.class)
          .hasMessage(
              "Missing monitor reply object: connection closed while waiting for the reply to"
                  + " 'query-kvm'");
    }
  }

  @Test
  void garbageIsNotParsedAsAReply() throws Exception {
    try (FakeQmpServer server =
            new FakeQmpServer(dir.resolve("m.sock"))
                .greet()
                .expect("query-target")
                .send("this is not json")
                .start();
        LiveQmpTransport qmp = LiveQmpTransport.connect(server.socket(), SHORT)) {
      assertThatThrownBy(() -> qmp.exchange(cmd("{\"execute\":\"query-target\"}")))
          .isInstanceOf(QmpStreamException.class)
          .hasMessageStartingWith("cannot parse json this is not json: ");
    }
  }

  @Test
  void trailingGarbageAfterAnObjectIsGarbage() throws Exception {
    try (FakeQmpServer server =
            new FakeQmpServer(dir.resolve("m.sock"))
                .greet()
                .expect("query-target")
                .send("{\"return\": {}} {\"return\": {}}")
                .start();
        LiveQmpTransport qmp = LiveQmpTransport.connect(server.socket(), SHORT)) {
      assertThatThrownBy(() -> qmp.exchange(cmd("{\"execute\":\"query-target\"}")))
          .isInstanceOf(QmpStreamException.class)
          .hasMessageStartingWith("cannot parse json {\"return\": {}} {\"return\": {}}: ");
    }
  }

  @Test
  void nonObjectsAndUnknownObjectsAreRejected() throws Exception {
    try (FakeQmpServer server =
            new FakeQmpServer(dir.resolve("m.sock")).greet().expect("a").send("[1, 2]").start();
        LiveQmpTransport qmp = LiveQmpTransport.connect(server.socket(), SHORT)) {
      assertThatThrownBy(() -> qmp.exchange(cmd("{\"execute\":\"a\"}")))
          .hasMessage("Parsed JSON reply '[1, 2]' isn't an object");
    }
    try (FakeQmpServer server =
            new FakeQmpServer(dir.resolve("n.sock"))
                .greet()
                .expect("b")
                .send("{\"surprise\": 1}")
                .start();
        LiveQmpTransport qmp = LiveQmpTransport.connect(server.socket(), SHORT)) {
      assertThatThrownBy(() -> qmp.exchange(cmd("{\"execute\":\"b\"}")))
          .hasMessage("Unknown JSON reply '{\"surprise\": 1}'");
    }
  }

  @Test
  void greetingMustBeTheGreeting() throws Exception {
    try (FakeQmpServer server =
            new FakeQmpServer(dir.resolve("m.sock")).send("{\"return\": {}}").start();
        LiveQmpTransport qmp = LiveQmpTransport.connect(server.socket(), SHORT)) {
      assertThatThrownBy(qmp::greeting)
          .isInstanceOf(QmpStreamException.class)
          .hasMessage("expected the QMP greeting, got '{\"return\": {}}'");
    }
  }

  @Test
  void connectingToNothingSaysSo() {
    Path nothing = dir.resolve("absent.sock");
    assertThatThrownBy(() -> LiveQmpTransport.connect(nothing, SHORT))
        .hasMessageStartingWith("failed to connect to monitor socket " + nothing + ": ");
  }

  @Test
  void largeRepliesSpanningManyReadsArriveWhole() throws Exception {
    String big = "x".repeat(3 * 1024 * 1024);
    try (FakeQmpServer server =
            new FakeQmpServer(dir.resolve("m.sock"))
                .greet()
                .expect("query-qmp-schema")
                .reply("{\"return\": [{\"name\": \"" + big + "\"}]}")
                .start();
        LiveQmpTransport qmp = LiveQmpTransport.connect(server.socket(), Duration.ofSeconds(20))) {
      JsonNode reply = qmp.exchange(cmd("{\"execute\":\"query-qmp-schema\"}"));
      assertThat(reply.path("return").get(0).path("name").asText()).hasSize(big.length());
    }
  }
}
