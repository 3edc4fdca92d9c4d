// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import org.domcaps.qemu.arch.LibvirtArch;
import org.domcaps.qemu.caps.Accel;
import org.domcaps.qemu.caps.AccelCaps;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.QemuCapsFlags;
import org.domcaps.qemu.qmp.QmpJson;
import org.domcaps.qemu.qmp.QmpSession;
import org.domcaps.qemu.qmp.QmpTransport;

/**
 * Probes a QEMU binary over QMP exactly as libvirt (9.0.0 or 11.3.0, {@link
 * ProbeContext#libvirt()})
 * does (virQEMUCapsInitQMPMonitor and virQEMUCapsInitQMPMonitorTCG): the same commands, in the same
 * order, with the same arguments,
 * deriving the same capabilities. Works on any {@link QmpConnector}: a live QEMU per phase, or a
 * recording.
 */
public final class QemuProbe {
  private QemuProbe() {}

  /**
   * Runs phase 1 and, when it used KVM (or HVF) and QEMU has TCG, the TCG phase; each phase's
   * transport is closed after it.
   */
  public static QemuCaps probe(QmpConnector connector, ProbeContext ctx) throws IOException {
    ProbeState s = new ProbeState(ctx.libvirt());
    try (QmpTransport t = connector.open(ProbePhase.FIRST)) {
      firstPhase(QmpSession.open(t), s, ctx.hvfAvailable());
    }
    if ((s.has("kvm") || s.has("hvf")) && s.has("tcg")) {
      try (QmpTransport t = connector.open(ProbePhase.TCG)) {
        tcgPhase(QmpSession.open(t), s);
      }
    }
    return result(s, ctx);
  }

  /**
   * Replays a {@code .replies} recording through the probe; fails with a
   * {@link org.domcaps.qemu.qmp.ReplayDivergenceException} at the first command that differs, or
   * when recorded commands are left.
   */
  public static QemuCaps replay(Path replies, ProbeContext ctx) throws IOException {
    ReplayConnector c = ReplayConnector.fromFile(replies);
    QemuCaps caps = probe(c, ctx);
    c.assertFullyReplayed();
    return caps;
  }

  private static void firstPhase(QmpSession qmp, ProbeState s, boolean hvf) throws IOException {
    queryVersion(qmp, s);
    queryTarget(qmp, s);
    QapiSchema schema = new QapiSchema(qmp.execute("query-qmp-schema", null));
    for (FlagTables.StringFlag q : table(s, "virQEMUCapsQMPSchemaQueries")) {
      if (schema.exists(q.value())) {
        s.set(q.flag());
      }
    }
    if (s.since11()) {
      // 11.3 finds the commands in the schema (virQEMUCapsProbeQMPSchemaCapabilities).
      for (FlagTables.StringFlag c : table(s, "virQEMUCapsCommands")) {
        if (schema.exists(c.value())) {
          s.set(c.flag());
        }
      }
      if (schema.exists("block-commit/arg-type/backing-mask-protocol")
          && schema.exists("block-stream/arg-type/backing-mask-protocol")) {
        s.set("blockjob.backing-mask-protocol");
      }
    } else {
      FlagTables.apply(
          s,
          table(s, "virQEMUCapsCommands"),
          QmpValues.names(qmp.execute("query-commands", null), "name", "query-commands"));
    }
    JsonNode kvm = QmpValues.object(qmp.execute("query-kvm", null), "query-kvm");
    boolean enabled = QmpValues.bool(kvm, "enabled", "query-kvm");
    boolean present = QmpValues.bool(kvm, "present", "query-kvm");
    if (enabled && present) {
      s.set("kvm");
    }
    // virQEMUCapsProbeHVF: a host fact (macOS only), not a QMP question.
    if (hvf) {
      s.set("hvf");
    }
    String virtType = s.virtType();
    Accel accel = Accel.forVirtType(virtType);

    FlagTables.apply(
        s,
        table(s, "virQEMUCapsObjectTypes"),
        QmpValues.names(qmp.execute("qom-list-types", null), "name", "qom-list-types"));
    deviceProps(qmp, s);
    for (FlagTables.TypedProps o : FlagTables.typed(s.libvirt, "virQEMUCapsObjectProps")) {
      if (o.condition() == null || s.has(o.condition())) {
        FlagTables.apply(s, table(s, o.table()), qomProperties(qmp, o.type()));
      }
    }
    MachineTypesProbe.probe(qmp, s, virtType);
    for (FlagTables.TypedProps m : FlagTables.typed(s.libvirt, "virQEMUCapsMachineProps")) {
      String canonical = MachineTypesProbe.canonical(s, virtType, m.type());
      // "none" is never listed but always exists; so is x86's abstract "generic-pc" (11.3).
      boolean unlisted = canonical.equals("none")
          || (canonical.equals("generic-pc") && LibvirtArch.isX86(s.arch));
      if (!unlisted && !MachineTypesProbe.hasMachine(s, virtType, canonical)) {
        continue;
      }
      FlagTables.apply(s, table(s, m.table()), qomProperties(qmp, canonical + "-machine"));
    }
    CpuDefinitionsProbe.probe(qmp, s, accel);
    tpm(qmp, s);
    commandLineOptions(qmp, s);
    FlagTables.apply(
        s,
        table(s, "virQEMUCapsMigration"),
        QmpValues.names(
            qmp.execute("query-migrate-capabilities", null), "capability",
            "query-migrate-capabilities"));
    if (s.arch.equals("aarch64") || s.arch.equals("armv6l") || s.arch.equals("armv7l")) {
      GuestFeaturesProbe.gic(qmp, s);
    }
    if (s.has("sev-guest") || (s.since11() && s.has("sev-snp-guest"))) {
      GuestFeaturesProbe.sev(qmp, s);
    }
    if (s.has("sgx-epc")) {
      GuestFeaturesProbe.sgx(qmp, s);
    }
    derivedFlags(s);
    HostCpuProbe.probe(qmp, s, accel, virtType);
  }

  private static void tcgPhase(QmpSession qmp, ProbeState s) throws IOException {
    CpuDefinitionsProbe.probe(qmp, s, Accel.TCG);
    HostCpuProbe.probe(qmp, s, Accel.TCG, "qemu");
    MachineTypesProbe.probe(qmp, s, "qemu");
  }

  private static void queryVersion(QmpSession qmp, ProbeState s) throws IOException {
    String cmd = "query-version";
    JsonNode v = QmpValues.object(qmp.execute(cmd, null), cmd);
    JsonNode q = QmpValues.member(v, "qemu", cmd);
    long major = QmpValues.integer(q, "major", cmd);
    long minor = QmpValues.integer(q, "minor", cmd);
    long micro = QmpValues.integer(q, "micro", cmd);
    String pkg = QmpValues.string(v, "package", cmd);
    // QEMU_MIN_MAJOR/MINOR: 4.2.0 for libvirt 9.0, 6.2.0 for 11.3.
    long minMajor = s.since11() ? 6 : 4;
    long minMinor = 2;
    if (major < minMajor || (major == minMajor && minor < minMinor)) {
      throw new ProbeException(ProbeException.Kind.QEMU_TOO_OLD,
          "QEMU version >= " + minMajor + "." + minMinor + ".0 is required, but " + major + "."
              + minor + "." + micro + " found");
    }
    s.version = major * 1_000_000 + minor * 1_000 + micro;
    s.packageName = pkg;
  }

  private static void queryTarget(QmpSession qmp, ProbeState s) throws IOException {
    String cmd = "query-target";
    String qemuArch = QmpValues.string(QmpValues.object(qmp.execute(cmd, null), cmd), "arch", cmd);
    s.arch = LibvirtArch.fromQemu(qemuArch).orElse(null);
    if (s.arch == null) {
      throw new ProbeException(ProbeException.Kind.UNKNOWN_ARCH, "Unknown QEMU arch " + qemuArch);
    }
    if (s.since11()) {
      // 11.3 assumes no options from the arch or the version any more.
      return;
    }
    // virQEMUCapsInitArchQMPBasic: options every QEMU of the arch has.
    if (LibvirtArch.isX86(s.arch)) {
      s.set("no-acpi");
      s.set("no-hpet");
    } else if (s.arch.equals("aarch64")) {
      s.set("no-acpi");
      s.set("aarch64-off");
      s.set("gic-version");
    } else if (LibvirtArch.isS390(s.arch)) {
      s.set("aes-key-wrap");
      s.set("dea-key-wrap");
      s.set("loadparm");
    }
    if (s.version < 5_002_000) {
      s.set("enable-fips");
    }
  }

  private static void deviceProps(QmpSession qmp, ProbeState s) throws IOException {
    String cmd = "device-list-properties";
    for (FlagTables.TypedProps d : FlagTables.typed(s.libvirt, "virQEMUCapsDeviceProps")) {
      if (d.condition() != null && !s.has(d.condition())) {
        continue;
      }
      Optional<JsonNode> ret = qmp.executeTolerating(cmd, typename(d.type()), "DeviceNotFound");
      if (ret.isEmpty()) {
        continue;
      }
      Map<String, JsonNode> props = new HashMap<>();
      for (JsonNode p : QmpValues.array(ret.get(), cmd)) {
        props.put(QmpValues.string(p, "name", cmd), p);
      }
      for (FlagTables.StringFlag f : table(s, d.table())) {
        JsonNode p = props.get(f.value());
        if (p == null) {
          continue;
        }
        s.set(f.flag());
        // virQEMUCapsDevicePropsVirtioBlkSCSIDefault: the scsi property's default decides.
        if (d.table().equals("virQEMUCapsDevicePropsVirtioBlk") && f.value().equals("scsi")) {
          JsonNode dv = p.get("default-value");
          if (dv != null && dv.isBoolean() && !dv.booleanValue()) {
            s.set("virtio-blk-pci.scsi.default.disabled");
          }
        }
      }
    }
  }

  private static Set<String> qomProperties(QmpSession qmp, String type) throws IOException {
    String cmd = "qom-list-properties";
    Optional<JsonNode> ret = qmp.executeTolerating(cmd, typename(type), "DeviceNotFound");
    return ret.isEmpty() ? Set.of() : QmpValues.names(ret.get(), "name", cmd);
  }

  private static ObjectNode typename(String type) {
    ObjectNode a = QmpJson.mapper().createObjectNode();
    a.put("typename", type);
    return a;
  }

  /** virQEMUCapsProbeQMPTPM; the tables are virQEMUCapsTPMModelsToCaps / TypesToCaps. */
  private static void tpm(QmpSession qmp, ProbeState s) throws IOException {
    Optional<JsonNode> models = qmp.executeTolerating("query-tpm-models", null, "CommandNotFound");
    if (models.isEmpty()) {
      return;
    }
    List<String> m = strings(models.get(), "query-tpm-models");
    setIf(s, m.contains("tpm-tis"), "tpm-tis");
    setIf(s, m.contains("tpm-crb"), "tpm-crb");
    setIf(s, m.contains("tpm-spapr"), "tpm-spapr");
    Optional<JsonNode> types = qmp.executeTolerating("query-tpm-types", null, "CommandNotFound");
    if (types.isEmpty()) {
      return;
    }
    List<String> t = strings(types.get(), "query-tpm-types");
    setIf(s, t.contains("passthrough"), "tpm-passthrough");
    setIf(s, t.contains("emulator"), "tpm-emulator");
  }

  /** virQEMUCapsCommandLine: option (and parameter) → flag. */
  private static void commandLineOptions(QmpSession qmp, ProbeState s) throws IOException {
    String cmd = "query-command-line-options";
    Map<String, Set<String>> options = new HashMap<>();
    for (JsonNode o : QmpValues.array(qmp.execute(cmd, null), cmd)) {
      String option = QmpValues.string(o, "option", cmd);
      Set<String> params = new HashSet<>();
      for (JsonNode p : QmpValues.array(QmpValues.member(o, "parameters", cmd), cmd)) {
        params.add(QmpValues.string(p, "name", cmd));
      }
      options.put(option, params);
    }
    String[][] table = {
      {"fsdev", "multidevs", "fsdev.multidevs"},
      {"machine", "hpet", "machine-hpet"},
      {"sandbox", null, "seccomp-sandbox"},
      {"spice", null, "spice"},
      {"spice", "gl", "spice-gl"},
      {"spice", "rendernode", "spice-rendernode"},
      {"vnc", "power-control", "vnc-power-control"},
      {"run-with", "async-teardown", "run-with.async-teardown"},
    };
    for (String[] row : table) {
      if (!QemuCapsFlags.isKnown(s.libvirt, row[2])) {
        continue; // a row of a later release
      }
      Set<String> params = options.get(row[0]);
      if (params != null && (row[1] == null || params.contains(row[1]))) {
        s.set(row[2]);
      }
    }
  }

  /** virQEMUCapsInitProcessCaps and virQEMUCapsInitProcessCapsInterlock. */
  private static void derivedFlags(ProbeState s) {
    if (s.since11()) {
      if (s.has("cpu-unavailable-features")) {
        s.set("canonical-cpu-features");
      }
      if (s.arch.equals("sparc") || s.arch.equals("m68k") || s.arch.equals("mips")) {
        s.set("ncr53c90");
      }
      return;
    }
    if (LibvirtArch.isX86(s.arch) && s.has("query-cpu-model-expansion")) {
      s.set("cpu-cache");
    }
    if (s.has("cpu-unavailable-features")) {
      s.set("canonical-cpu-features");
    }
    if (s.arch.equals("sparc") || s.arch.equals("m68k") || s.arch.equals("mips")) {
      s.set("ncr53c90");
    }
    if (s.has("blockdev-reopen") && s.has("migration-param.block-bitmap-mapping")) {
      s.set("incremental-backup");
    }
    if (s.has("object.qapified")) {
      s.set("compat-deprecated");
    }
    if (s.has("machine-hpet")) {
      s.clear("no-hpet");
    }
  }

  private static List<FlagTables.StringFlag> table(ProbeState s, String name) {
    return FlagTables.strings(s.libvirt, name);
  }

  private static List<String> strings(JsonNode ret, String cmd) throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode e : QmpValues.array(ret, cmd)) {
      out.add(e.asText());
    }
    return out;
  }

  private static void setIf(ProbeState s, boolean cond, String flag) {
    if (cond) {
      s.set(flag);
    }
  }

  private static QemuCaps result(ProbeState s, ProbeContext ctx) {
    QemuCaps.Builder b =
        QemuCaps.builder()
            .emulator(ctx.binary())
            .qemuCtime(ctx.qemuCtime())
            .qemuModDirMtime(ctx.qemuModDirMtime().orElse(null))
            .selfCtime(ctx.selfCtime())
            .selfVersion(ctx.selfVersion())
            .version(s.version)
            .kvmVersion(0)
            .packageName(s.packageName)
            .arch(s.arch)
            .gic(s.gic)
            .sev(s.sev)
            .sgx(s.sgx)
            .hyperv(s.hyperv)
            .libvirt(s.libvirt);
    // Flags in libvirt's index order, so that iteration matches the cache file.
    QemuCapsFlags.names(s.libvirt).stream().filter(s::has).forEach(b::flag);
    for (Map.Entry<Accel, ProbeState.AccelRecord> e : s.accels.entrySet()) {
      ProbeState.AccelRecord r = e.getValue();
      b.accel(e.getKey(),
          new AccelCaps(Optional.ofNullable(r.hostCpu), r.cpuDefinitions, r.machines));
    }
    if (s.has("kvm") || s.has("hvf")) {
      b.microcodeVersion(ctx.microcodeVersion());
      b.hostCpuSignature(ctx.hostCpuSignature().orElse(null));
      b.kernelVersion(ctx.kernelVersion().orElse(null));
      b.cpuDataXml(ctx.cpuDataXml().orElse(null));
    }
    if (s.has("kvm")) {
      b.kvmSupportsNesting(ctx.kvmSupportsNesting());
      b.kvmSupportsSecureGuest(ctx.kvmSupportsSecureGuest());
    }
    return b.build();
  }
}
