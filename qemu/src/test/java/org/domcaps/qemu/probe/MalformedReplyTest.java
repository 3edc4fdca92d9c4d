// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.domcaps.qemu.qmp.QmpErrorException;
import org.domcaps.qemu.qmp.QmpExchange;
import org.domcaps.qemu.qmp.QmpJson;
import org.domcaps.qemu.qmp.QmpProtocolException;
import org.domcaps.qemu.qmp.ReplayTransport;
import org.junit.jupiter.api.Test;

/** The probe refuses replies that libvirt would refuse, with messages naming what was wrong. */
class MalformedReplyTest {
  private static final ProbeContext CTX = ProbeContext.builder("/usr/bin/qemu-system-x86_64")
      .build();

  /** A recording of the first commands: pairs of (execute, reply JSON). */
  private static ReplayConnector session(String... executeAndReply) throws Exception {
    List<QmpExchange> x = new ArrayList<>();
    x.add(exchange("qmp_capabilities", 1, "{\"return\":{}}"));
    for (int i = 0; i < executeAndReply.length; i += 2) {
      x.add(exchange(executeAndReply[i], i / 2 + 2, executeAndReply[i + 1]));
    }
    return new ReplayConnector(new ReplayTransport(x, "test"));
  }

  private static QmpExchange exchange(String execute, int id, String reply) throws Exception {
    return new QmpExchange(
        QmpJson.parse("{\"execute\":\"" + execute + "\",\"id\":\"libvirt-" + id + "\"}"),
        QmpJson.parse(reply),
        0);
  }

  private static final String VERSION_72 =
      "{\"return\":{\"qemu\":{\"micro\":0,\"minor\":2,\"major\":7},\"package\":\"v7.2.0\"}}";

  @Test
  void tooOldQemuIsRefused() throws Exception {
    ReplayConnector c = session(
        "query-version",
        "{\"return\":{\"qemu\":{\"micro\":0,\"minor\":1,\"major\":4},\"package\":\"\"}}");
    assertThatThrownBy(() -> QemuProbe.probe(c, CTX))
        .isInstanceOf(ProbeException.class)
        .hasMessage("QEMU version >= 4.2.0 is required, but 4.1.0 found");
  }

  @Test
  void versionWithoutPackageIsAProtocolError() throws Exception {
    ReplayConnector c = session(
        "query-version", "{\"return\":{\"qemu\":{\"micro\":0,\"minor\":2,\"major\":7}}}");
    assertThatThrownBy(() -> QemuProbe.probe(c, CTX))
        .isInstanceOf(QmpProtocolException.class)
        .hasMessageContaining("reply to 'query-version': expected member 'package' but was");
  }

  @Test
  void versionNumberOfWrongTypeIsQuoted() throws Exception {
    ReplayConnector c = session(
        "query-version",
        "{\"return\":{\"qemu\":{\"micro\":0,\"minor\":\"two\",\"major\":7},\"package\":\"\"}}");
    assertThatThrownBy(() -> QemuProbe.probe(c, CTX))
        .isInstanceOf(QmpProtocolException.class)
        .hasMessage(
            "reply to 'query-version': expected an integer for member 'minor' but was \"two\"");
  }

  @Test
  void unknownArchIsRefused() throws Exception {
    ReplayConnector c = session(
        "query-version", VERSION_72, "query-target", "{\"return\":{\"arch\":\"pdp11\"}}");
    assertThatThrownBy(() -> QemuProbe.probe(c, CTX))
        .isInstanceOf(ProbeException.class)
        .hasMessage("Unknown QEMU arch pdp11");
  }

  @Test
  void wrongReturnTypeNamesTheCommand() throws Exception {
    ReplayConnector c = session(
        "query-version", VERSION_72,
        "query-target", "{\"return\":{\"arch\":\"x86_64\"}}",
        "query-qmp-schema", "{\"return\":{}}");
    assertThatThrownBy(() -> QemuProbe.probe(c, CTX))
        .isInstanceOf(QmpProtocolException.class)
        .hasMessage("unexpected type returned by QEMU command 'query-qmp-schema': expected array "
            + "but was {}");
  }

  @Test
  void untoleratedErrorAbortsTheProbe() throws Exception {
    ReplayConnector c = session(
        "query-version", VERSION_72,
        "query-target", "{\"return\":{\"arch\":\"x86_64\"}}",
        "query-qmp-schema", "{\"error\":{\"class\":\"GenericError\",\"desc\":\"out of memory\"}}");
    assertThatThrownBy(() -> QemuProbe.probe(c, CTX))
        .isInstanceOf(QmpErrorException.class)
        .hasMessage("unable to execute QEMU command 'query-qmp-schema': out of memory");
  }

  @Test
  void kvmReplyMissingMemberIsAProtocolError() throws Exception {
    ReplayConnector c = session(
        "query-version", VERSION_72,
        "query-target", "{\"return\":{\"arch\":\"x86_64\"}}",
        "query-qmp-schema", "{\"return\":[]}",
        "query-commands", "{\"return\":[]}",
        "query-kvm", "{\"return\":{\"enabled\":true}}");
    assertThatThrownBy(() -> QemuProbe.probe(c, CTX))
        .isInstanceOf(QmpProtocolException.class)
        .hasMessageContaining("reply to 'query-kvm': expected member 'present'");
  }
}
