// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.domcaps.qemu.qmp.QmpJson;
import org.junit.jupiter.api.Test;

class QapiSchemaTest {
  private static QapiSchema schema() throws Exception {
    return new QapiSchema(QmpJson.parse("["
        + "{\"name\":\"blockdev-add\",\"meta-type\":\"command\",\"arg-type\":\"0\","
            + "\"ret-type\":\"1\"},"
        + "{\"name\":\"device_add\",\"meta-type\":\"command\",\"arg-type\":\"2\","
            + "\"features\":[\"json-cli-hotplug\"]},"
        + "{\"name\":\"0\",\"meta-type\":\"object\",\"members\":[{\"name\":\"driver\","
            + "\"type\":\"3\"},"
        + "{\"name\":\"size\",\"type\":\"int\",\"default\":null}],"
        + "\"variants\":[{\"case\":\"file\",\"type\":\"4\"}]},"
        + "{\"name\":\"1\",\"meta-type\":\"builtin\",\"json-type\":\"object\"},"
        + "{\"name\":\"2\",\"meta-type\":\"object\",\"members\":[]},"
        + "{\"name\":\"3\",\"meta-type\":\"enum\",\"members\":[{\"name\":\"file\"},"
            + "{\"name\":\"nvme\",\"features\":[\"unstable\"]}]},"
        + "{\"name\":\"4\",\"meta-type\":\"object\",\"members\":[{\"name\":\"aio\","
            + "\"type\":\"5\"}]},"
        + "{\"name\":\"5\",\"meta-type\":\"enum\",\"values\":[\"threads\",\"io_uring\"]},"
        + "{\"name\":\"int\",\"meta-type\":\"builtin\",\"json-type\":\"int\"}"
        + "]"));
  }

  @Test
  void pathsResolveAsLibvirtDefinesThem() throws Exception {
    QapiSchema s = schema();
    assertThat(s.exists("blockdev-add/arg-type/+file/aio/^io_uring")).isTrue();
    assertThat(s.exists("blockdev-add/arg-type/+file/aio/^native")).isFalse();
    assertThat(s.exists("blockdev-add/arg-type/+nvme")).isFalse();
    assertThat(s.exists("blockdev-add/arg-type/driver/^nvme")).isTrue();
    assertThat(s.exists("blockdev-add/arg-type/driver/^nvme/$unstable")).isTrue();
    assertThat(s.exists("blockdev-add/arg-type/driver/^file/$unstable")).isFalse();
    assertThat(s.exists("blockdev-add/arg-type/*size")).isTrue();
    assertThat(s.exists("blockdev-add/arg-type/*driver")).isFalse();
    assertThat(s.exists("blockdev-add/ret-type/!object")).isTrue();
    assertThat(s.exists("blockdev-add/arg-type/size/!int")).isTrue();
    assertThat(s.exists("device_add/$json-cli-hotplug")).isTrue();
    assertThat(s.exists("device_add/$other")).isFalse();
    assertThat(s.exists("no-such-command")).isFalse();
    assertThat(s.exists("blockdev-add")).isTrue();
  }
}
