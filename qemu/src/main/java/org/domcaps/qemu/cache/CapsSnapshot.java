// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import org.domcaps.model.LibvirtVersion;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.domcaps.qemu.caps.Accel;
import org.domcaps.qemu.caps.AccelCaps;
import org.domcaps.qemu.caps.CpuDefinition;
import org.domcaps.qemu.caps.GicCapability;
import org.domcaps.qemu.caps.HostCpuExpansion;
import org.domcaps.qemu.caps.HostCpuProperty;
import org.domcaps.qemu.caps.HypervCapability;
import org.domcaps.qemu.caps.MachineType;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.SevCapability;
import org.domcaps.qemu.caps.SgxCapability;

/**
 * A binary copy of a {@link QemuCaps}, kept beside its libvirt-format entry as {@code
 * <sha256>.bin} so that a warm answer need not parse 200 KiB of XML (the largest cost of a warm
 * answer). The XML entry stays the authority: a snapshot records the entry file's state (size,
 * mtime, inode) and is used only while the entry is exactly that file; it is written only after
 * it decoded back to capabilities whose cache document equals the entry's.
 */
public final class CapsSnapshot {
  static final String MAGIC = "domcaps-qemucaps-snapshot-2";

  private CapsSnapshot() {}

  public static byte[] encode(QemuCaps c, String entryState) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(64 << 10);
    try (DataOutputStream o = new DataOutputStream(buf)) {
      str(o, MAGIC);
      str(o, entryState);
      str(o, c.libvirt().toString());
      str(o, c.emulator());
      o.writeLong(c.qemuCtime());
      o.writeLong(c.qemuModDirMtime().orElse(-1L));
      o.writeBoolean(c.qemuModDirMtime().isPresent());
      o.writeLong(c.selfCtime());
      o.writeLong(c.selfVersion());
      strings(o, new ArrayList<>(c.flags()));
      o.writeLong(c.version());
      o.writeLong(c.kvmVersion());
      o.writeLong(c.microcodeVersion());
      str(o, c.hostCpuSignature().orElse(null));
      str(o, c.packageName().orElse(null));
      str(o, c.kernelVersion().orElse(null));
      str(o, c.cpuDataXml().orElse(null));
      str(o, c.arch());
      o.writeInt(c.accels().size());
      for (Map.Entry<Accel, AccelCaps> e : c.accels().entrySet()) {
        o.writeInt(e.getKey().ordinal());
        accel(o, e.getValue());
      }
      o.writeInt(c.gic().size());
      for (GicCapability g : c.gic()) {
        o.writeInt(g.version());
        o.writeBoolean(g.kernel());
        o.writeBoolean(g.emulated());
      }
      o.writeBoolean(c.sev().isPresent());
      if (c.sev().isPresent()) {
        SevCapability s = c.sev().get();
        o.writeInt(s.cbitpos());
        o.writeInt(s.reducedPhysBits());
        str(o, s.pdh());
        str(o, s.certChain());
        o.writeLong(s.maxGuests());
        o.writeLong(s.maxEsGuests());
        str(o, s.cpu0Id());
      }
      o.writeBoolean(c.sgx().isPresent());
      if (c.sgx().isPresent()) {
        SgxCapability s = c.sgx().get();
        o.writeBoolean(s.flc());
        o.writeBoolean(s.sgx1());
        o.writeBoolean(s.sgx2());
        o.writeLong(s.sectionSizeKiB());
        o.writeInt(s.sections().size());
        for (SgxCapability.Section x : s.sections()) {
          o.writeInt(x.node());
          o.writeLong(x.sizeKiB());
        }
      }
      o.writeBoolean(c.hyperv().isPresent());
      if (c.hyperv().isPresent()) {
        o.writeBoolean(c.hyperv().get().supported());
        strings(o, c.hyperv().get().features());
      }
      o.writeBoolean(c.kvmSupportsNesting());
      o.writeBoolean(c.kvmSupportsSecureGuest());
    }
    return buf.toByteArray();
  }

  /** The capabilities, or empty when the snapshot is not of {@code entryState} or unreadable. */
  public static Optional<QemuCaps> decode(byte[] bytes, String entryState) {
    try (DataInputStream i = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (!MAGIC.equals(str(i)) || !entryState.equals(str(i))) {
        return Optional.empty();
      }
      LibvirtVersion libvirt = LibvirtVersion.parse(str(i));
      if (!LibvirtVersion.SUPPORTED.contains(libvirt)) {
        // a release we have no flag table for: its capabilities could not be written back
        return Optional.empty();
      }
      QemuCaps.Builder b = QemuCaps.builder().libvirt(libvirt).emulator(str(i))
          .qemuCtime(i.readLong());
      long mod = i.readLong();
      b.qemuModDirMtime(i.readBoolean() ? mod : null);
      b.selfCtime(i.readLong()).selfVersion(i.readLong());
      strings(i).forEach(b::flag);
      b.version(i.readLong()).kvmVersion(i.readLong()).microcodeVersion(i.readLong());
      b.hostCpuSignature(str(i)).packageName(str(i)).kernelVersion(str(i)).cpuDataXml(str(i));
      b.arch(str(i));
      int accels = count(i);
      for (int k = 0; k < accels; k++) {
        Accel a = Accel.values()[i.readInt()];
        b.accel(a, accel(i));
      }
      List<GicCapability> gic = new ArrayList<>();
      for (int k = count(i); k > 0; k--) {
        gic.add(new GicCapability(i.readInt(), i.readBoolean(), i.readBoolean()));
      }
      b.gic(gic);
      if (i.readBoolean()) {
        b.sev(new SevCapability(i.readInt(), i.readInt(), str(i), str(i), i.readLong(),
            i.readLong(), str(i)));
      }
      if (i.readBoolean()) {
        boolean flc = i.readBoolean();
        boolean sgx1 = i.readBoolean();
        boolean sgx2 = i.readBoolean();
        long size = i.readLong();
        List<SgxCapability.Section> sections = new ArrayList<>();
        for (int k = count(i); k > 0; k--) {
          sections.add(new SgxCapability.Section(i.readInt(), i.readLong()));
        }
        b.sgx(new SgxCapability(flc, sgx1, sgx2, size, sections));
      }
      if (i.readBoolean()) {
        b.hyperv(new HypervCapability(i.readBoolean(), strings(i)));
      }
      b.kvmSupportsNesting(i.readBoolean()).kvmSupportsSecureGuest(i.readBoolean());
      if (i.read() != -1) {
        return Optional.empty();
      }
      return Optional.of(b.build());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void accel(DataOutputStream o, AccelCaps a) throws IOException {
    o.writeBoolean(a.hostCpu().isPresent());
    if (a.hostCpu().isPresent()) {
      HostCpuExpansion h = a.hostCpu().get();
      str(o, h.model());
      o.writeBoolean(h.migratability());
      o.writeInt(h.properties().size());
      for (HostCpuProperty p : h.properties()) {
        str(o, p.name());
        o.writeInt(p.type().ordinal());
        str(o, p.value());
        o.writeByte(p.migratable() == null ? 2 : p.migratable() ? 1 : 0);
      }
      strings(o, h.deprecatedProperties());
    }
    o.writeInt(a.cpuDefinitions().size());
    for (CpuDefinition d : a.cpuDefinitions()) {
      str(o, d.name());
      str(o, d.typeName());
      o.writeInt(d.usable().ordinal());
      strings(o, d.blockers());
      o.writeBoolean(d.deprecated());
    }
    o.writeInt(a.machines().size());
    for (MachineType m : a.machines()) {
      str(o, m.name());
      str(o, m.alias());
      o.writeBoolean(m.hotplugCpus());
      o.writeInt(m.maxCpus());
      o.writeBoolean(m.isDefault());
      str(o, m.defaultCpuType());
      o.writeBoolean(m.numaMemSupported());
      str(o, m.defaultRamId());
      o.writeBoolean(m.deprecated());
      o.writeByte(m.acpi() == null ? 2 : m.acpi() ? 1 : 0);
    }
  }

  private static AccelCaps accel(DataInputStream i) throws IOException {
    Optional<HostCpuExpansion> host = Optional.empty();
    if (i.readBoolean()) {
      String model = str(i);
      boolean migratability = i.readBoolean();
      List<HostCpuProperty> props = new ArrayList<>();
      for (int k = count(i); k > 0; k--) {
        String name = str(i);
        HostCpuProperty.Type t = HostCpuProperty.Type.values()[i.readInt()];
        String value = str(i);
        byte m = i.readByte();
        props.add(new HostCpuProperty(name, t, value, m == 2 ? null : m == 1));
      }
      host = Optional.of(new HostCpuExpansion(model, migratability, props, strings(i)));
    }
    List<CpuDefinition> cpus = new ArrayList<>();
    for (int k = count(i); k > 0; k--) {
      cpus.add(new CpuDefinition(str(i), str(i), CpuDefinition.Usable.values()[i.readInt()],
          strings(i), i.readBoolean()));
    }
    List<MachineType> machines = new ArrayList<>();
    for (int k = count(i); k > 0; k--) {
      MachineType m = new MachineType(str(i), str(i), i.readBoolean(), i.readInt(), i.readBoolean(),
          str(i), i.readBoolean(), str(i), i.readBoolean());
      byte acpi = i.readByte();
      machines.add(acpi == 2 ? m : new MachineType(m.name(), m.alias(), m.hotplugCpus(),
          m.maxCpus(), m.isDefault(), m.defaultCpuType(), m.numaMemSupported(), m.defaultRamId(),
          m.deprecated(), acpi == 1));
    }
    return new AccelCaps(host, cpus, machines);
  }

  private static void str(DataOutputStream o, String s) throws IOException {
    if (s == null) {
      o.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    o.writeInt(b.length);
    o.write(b);
  }

  private static String str(DataInputStream i) throws IOException {
    int n = i.readInt();
    if (n == -1) {
      return null;
    }
    if (n < 0 || n > (16 << 20)) {
      throw new IOException("implausible string length " + n);
    }
    return new String(i.readNBytes(n), StandardCharsets.UTF_8);
  }

  private static void strings(DataOutputStream o, List<String> l) throws IOException {
    o.writeInt(l.size());
    for (String s : l) {
      str(o, s);
    }
  }

  private static List<String> strings(DataInputStream i) throws IOException {
    List<String> l = new ArrayList<>();
    for (int k = count(i); k > 0; k--) {
      l.add(str(i));
    }
    return l;
  }

  private static int count(DataInputStream i) throws IOException {
    int n = i.readInt();
    if (n < 0 || n > 1_000_000) {
      throw new IOException("implausible count " + n);
    }
    return n;
  }
}
