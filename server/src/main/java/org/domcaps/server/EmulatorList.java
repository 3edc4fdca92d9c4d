// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.domcaps.qemu.api.EmulatorCaps;
import org.domcaps.qemu.api.Emulators;

/**
 * {@code GET /v1/emulators}: the installed emulators in libvirt's order, each with its arch, the
 * virt types it accepts and the machine types per accelerator (QEMU's order, aliases and the
 * default marked), or the refusal of its probe.
 */
final class EmulatorList {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private EmulatorList() {}

  static Document render(Generation g) {
    List<Object> list = new ArrayList<>();
    for (String b : g.binaries()) {
      Probed p = g.emulators.get(b);
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("binary", b);
      if (p.error() != null) {
        e.put("error", p.error().getMessage());
        list.add(e);
        continue;
      }
      EmulatorCaps caps = p.caps();
      e.put("arch", caps.arch());
      e.put("virttypes", caps.virtTypes());
      e.put("version", caps.version());
      Map<String, Object> machines = new LinkedHashMap<>();
      for (Map.Entry<String, List<Emulators.Machine>> a
          : caps.machineTypesByAccelerator().entrySet()) {
        List<Object> out = new ArrayList<>();
        for (Emulators.Machine m : a.getValue()) {
          Map<String, Object> mm = new LinkedHashMap<>();
          mm.put("name", m.name());
          if (m.alias().isPresent()) {
            mm.put("alias", m.alias().get());
          }
          if (m.isDefault()) {
            mm.put("default", true);
          }
          if (m.deprecated()) {
            mm.put("deprecated", true);
          }
          mm.put("maxCpus", m.maxCpus());
          out.add(mm);
        }
        machines.put(a.getKey(), out);
      }
      e.put("machines", machines);
      list.add(e);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("generation", g.number);
    doc.put("emulators", list);
    try {
      return Document.utf8(JSON.writeValueAsString(doc) + "\n", "application/json");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of strings and numbers always serialize", e);
    }
  }
}
