// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.domcaps.qemu.arch.LibvirtArch;
import org.domcaps.qemu.caps.Accel;
import org.domcaps.qemu.caps.HostCpuExpansion;
import org.domcaps.qemu.caps.HostCpuProperty;
import org.domcaps.qemu.caps.HypervCapability;
import org.domcaps.qemu.qmp.QmpJson;
import org.domcaps.qemu.qmp.QmpProtocolException;
import org.domcaps.qemu.qmp.QmpSession;

/**
 * Host-CPU expansion with {@code query-cpu-model-expansion} (virQEMUCapsProbeQMPHostCPU): the
 * migratable expansion, on x86 the non-migratable one merged into it, and the Hyper-V probe.
 */
final class HostCpuProbe {
  /** virDomainHyperv enum order; Hyper-V capabilities are written in this order. */
  static final List<String> HYPERV_FEATURES =
      List.of(
          "relaxed", "vapic", "spinlocks", "vpindex", "runtime", "synic", "stimer", "reset",
          "vendor_id", "frequencies", "reenlightenment", "tlbflush", "ipi", "evmcs", "avic");

  /** Enlightenments libvirt 11.3 added to the enum (after avic). */
  static final List<String> HYPERV_FEATURES_11_3 =
      java.util.stream.Stream.concat(HYPERV_FEATURES.stream(),
      Stream.of("emsr_bitmap", "xmm_input"))
          .toList();

  private static final String CMD = "query-cpu-model-expansion";

  private enum ExpansionType {
    STATIC,
    FULL,
    STATIC_FULL
  }

  private record Expansion(String name, List<HostCpuProperty> props, JsonNode model,
      List<String> deprecated) {}

  private HostCpuProbe() {}

  static void probe(QmpSession qmp, ProbeState s, Accel accel, String virtType) throws IOException {
    if (!s.has("query-cpu-model-expansion")) {
      return;
    }
    // virQEMUCapsTypeIsAccelerated: everything but "qemu" (so also "none").
    boolean accelerated = !virtType.equals("qemu");
    String model = accelerated ? "host" : "max";
    ExpansionType type;
    if (LibvirtArch.isX86(s.arch) && !s.has("canonical-cpu-features")) {
      type = ExpansionType.STATIC_FULL;
    } else if (LibvirtArch.isArm(s.arch)) {
      type = ExpansionType.FULL;
    } else {
      type = ExpansionType.STATIC;
    }
    boolean failNoProps = !LibvirtArch.isS390(s.arch);

    Expansion info = expand(qmp, type, model, true, false, failNoProps);
    HostCpuExpansion stored = null;
    if (info != null) {
      boolean migratability = false;
      List<HostCpuProperty> props = info.props();
      if (LibvirtArch.isX86(s.arch)) {
        Expansion nonMigratable = expand(qmp, type, model, false, false, failNoProps);
        if (nonMigratable != null) {
          props = merge(props, nonMigratable.props());
          migratability = true;
        }
      }
      stored = new HostCpuExpansion(info.name(), migratability, props);
      if (s.has("query-cpu-model-expansion.deprecated-props")) {
        // virQEMUCapsProbeFullDeprecatedProperties: a migratable full expansion's list.
        Expansion full = expand(qmp, ExpansionType.FULL, model, true, false, false);
        if (full != null && !full.deprecated().isEmpty()) {
          stored = stored.withDeprecatedProperties(full.deprecated());
        }
      }
    }
    if (accelerated && (LibvirtArch.isX86(s.arch) || LibvirtArch.isArm(s.arch))) {
      Expansion hv = expand(qmp, ExpansionType.FULL, model, false, true, true);
      if (hv != null) {
        probeHyperv(s, hv.props());
      }
    }
    s.record(accel).hostCpu = stored;
  }

  /** virQEMUCapsProbeQMPHostCPU's migratability merge. */
  private static List<HostCpuProperty> merge(List<HostCpuProperty> migratable,
      List<HostCpuProperty> all) {
    Map<String, HostCpuProperty> byName = new LinkedHashMap<>();
    for (HostCpuProperty p : migratable) {
      byName.put(p.name(), p);
    }
    for (HostCpuProperty n : all) {
      HostCpuProperty p = byName.get(n.name());
      if (p == null || p.type() != HostCpuProperty.Type.BOOLEAN || n.type() != p.type()) {
        continue;
      }
      if (p.booleanValue()) {
        byName.put(p.name(), new HostCpuProperty(p.name(), p.type(), p.value(), Boolean.TRUE));
      } else if (n.booleanValue()) {
        byName.put(p.name(), new HostCpuProperty(p.name(), p.type(), "true", Boolean.FALSE));
      }
    }
    return new ArrayList<>(byName.values());
  }

  private static void probeHyperv(ProbeState s, List<HostCpuProperty> props) {
    List<String> known = s.since11() ? HYPERV_FEATURES_11_3 : HYPERV_FEATURES;
    TreeSet<Integer> present = new TreeSet<>();
    for (HostCpuProperty p : props) {
      if (!p.name().startsWith("hv-")) {
        continue;
      }
      String n = p.name().substring(3);
      int idx = known.indexOf(n);
      if (idx < 0) {
        idx = known.indexOf(n.replace('-', '_'));
      }
      if (idx < 0) {
        continue;
      }
      boolean on =
          switch (p.type()) {
            case BOOLEAN -> p.booleanValue();
            case NUMBER -> Long.parseLong(p.value()) > 0;
            case STRING -> true;
          };
      if (on) {
        present.add(idx);
      }
    }
    if (!present.isEmpty()) {
      List<String> names = new ArrayList<>();
      present.forEach(i -> names.add(known.get(i)));
      s.hyperv = new HypervCapability(true, names);
    }
  }

  /** One expansion (two commands for STATIC_FULL); null when QEMU answers GenericError. */
  private static Expansion expand(
      QmpSession qmp, ExpansionType type, String model, boolean migratable, boolean hv,
      boolean failNoProps)
      throws IOException {
    ObjectNode m = QmpJson.mapper().createObjectNode();
    m.put("name", model);
    if (!migratable || hv) {
      ObjectNode props = m.putObject("props");
      if (!migratable) {
        props.put("migratable", false);
      }
      if (hv) {
        props.put("hv-passthrough", true);
      }
    }
    Expansion r = call(qmp, type == ExpansionType.FULL ? "full" : "static", m, failNoProps);
    if (r != null && type == ExpansionType.STATIC_FULL) {
      r = call(qmp, "full", r.model().deepCopy(), failNoProps);
    }
    return r;
  }

  private static Expansion call(QmpSession qmp, String type, JsonNode model, boolean failNoProps)
      throws IOException {
    ObjectNode args = QmpJson.mapper().createObjectNode();
    args.put("type", type);
    args.set("model", model);
    Optional<JsonNode> ret = qmp.executeTolerating(CMD, args, "GenericError");
    if (ret.isEmpty()) {
      return null;
    }
    JsonNode data = QmpValues.object(ret.get(), CMD);
    JsonNode cpu = data.get("model");
    if (cpu == null || !cpu.isObject()) {
      throw new QmpProtocolException(
          "reply to '" + CMD + "': expected object member 'model' but was "
          + QmpJson.compact(data));
    }
    String name = QmpValues.string(cpu, "name", CMD);
    JsonNode props = cpu.get("props");
    List<HostCpuProperty> out = new ArrayList<>();
    if (props == null || !props.isObject()) {
      if (failNoProps) {
        throw new QmpProtocolException(
            "reply to '" + CMD + "': expected object member 'props' in the model but was "
                + QmpJson.compact(cpu));
      }
    } else {
      Iterator<Map.Entry<String, JsonNode>> it = props.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        if (v.isBoolean()) {
          out.add(new HostCpuProperty(e.getKey(), HostCpuProperty.Type.BOOLEAN,
              Boolean.toString(v.booleanValue()), null));
        } else if (v.isTextual()) {
          out.add(new HostCpuProperty(e.getKey(), HostCpuProperty.Type.STRING, v.textValue(),
              null));
        } else if (v.isIntegralNumber() && v.canConvertToLong()) {
          out.add(new HostCpuProperty(e.getKey(), HostCpuProperty.Type.NUMBER,
              Long.toString(v.longValue()), null));
        }
        // objects, arrays, null, decimals and integers beyond int64 are skipped, as libvirt does.
      }
    }
    List<String> deprecated = new ArrayList<>();
    JsonNode dep = data.get("deprecated-props");
    if (dep != null && dep.isArray()) {
      for (JsonNode d : dep) {
        deprecated.add(d.asText());
      }
    }
    return new Expansion(name, out, cpu, deprecated);
  }
}
