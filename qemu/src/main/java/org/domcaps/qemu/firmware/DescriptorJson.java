// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.firmware;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The JSON shape of a QEMU firmware descriptor (docs/interop/firmware.json), only the members
 * libvirt reads for domain capabilities. Members libvirt tolerates in any type are {@link
 * JsonNode}; {@link FirmwareDescriptor#parse} applies libvirt's checks.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
record DescriptorJson(
    List<String> interfaceTypes, Mapping mapping, List<Target> targets, List<JsonNode> features) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
  record Mapping(
      String device, JsonNode mode, JsonNode executable, JsonNode nvramTemplate,
      JsonNode filename) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Target(String architecture, List<JsonNode> machines) {}
}
