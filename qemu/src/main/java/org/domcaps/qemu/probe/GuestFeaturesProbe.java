// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.domcaps.qemu.caps.GicCapability;
import org.domcaps.qemu.caps.SevCapability;
import org.domcaps.qemu.caps.SgxCapability;
import org.domcaps.qemu.qmp.QmpSession;

/** GIC, SEV and SGX capability queries of the first phase. */
final class GuestFeaturesProbe {
  private GuestFeaturesProbe() {}

  static void gic(QmpSession qmp, ProbeState s) throws IOException {
    String cmd = "query-gic-capabilities";
    Optional<JsonNode> ret = qmp.executeTolerating(cmd, null, "CommandNotFound");
    if (ret.isEmpty()) {
      return;
    }
    for (JsonNode g : QmpValues.array(ret.get(), cmd)) {
      s.gic.add(
          new GicCapability(
              (int) QmpValues.integer(g, "version", cmd),
              QmpValues.bool(g, "kernel", cmd),
              QmpValues.bool(g, "emulated", cmd)));
    }
  }

  /**
   * SEV platform data. The guest limits come from host CPUID, not QMP, and are not part of the
   * cache; they stay 0 here.
   */
  static void sev(QmpSession qmp, ProbeState s) throws IOException {
    String cmd = "query-sev-capabilities";
    Optional<JsonNode> ret = platformAnswer(qmp, s, cmd, "sev-guest");
    if (ret.isEmpty()) {
      if (s.since11()) {
        s.clear("sev-snp-guest");
      }
      return;
    }
    JsonNode r = ret.get();
    s.sev =
        new SevCapability(
            (int) QmpValues.integer(r, "cbitpos", cmd),
            (int) QmpValues.integer(r, "reduced-phys-bits", cmd),
            QmpValues.string(r, "pdh", cmd),
            QmpValues.string(r, "cert-chain", cmd),
            0,
            0,
            QmpValues.optString(r, "cpu0-id"));
  }

  static void sgx(QmpSession qmp, ProbeState s) throws IOException {
    String cmd = "query-sgx-capabilities";
    Optional<JsonNode> ret = platformAnswer(qmp, s, cmd, "sgx-epc");
    if (ret.isEmpty()) {
      return;
    }
    JsonNode r = ret.get();
    boolean flc = QmpValues.bool(r, "flc", cmd);
    boolean sgx1 = QmpValues.bool(r, "sgx1", cmd);
    boolean sgx2 = QmpValues.bool(r, "sgx2", cmd);
    JsonNode secs = r.get("sections");
    if (secs == null || !secs.isArray()) {
      // QEMU before 7.0 has no per-section data; libvirt treats SGX as unsupported.
      s.clear("sgx-epc");
      return;
    }
    List<SgxCapability.Section> sections = new ArrayList<>();
    long sum = 0;
    for (JsonNode sec : secs) {
      long kib = QmpValues.integer(sec, "size", cmd) / 1024;
      sections.add(new SgxCapability.Section((int) QmpValues.integer(sec, "node", cmd), kib));
      sum += kib;
    }
    long size = r.has("section-size") ? QmpValues.integer(r, "section-size", cmd) / 1024 : sum;
    s.sgx = new SgxCapability(flc, sgx1, sgx2, size, sections);
  }

  /**
   * The object a platform query returns; empty, with {@code flag} cleared, when QEMU answers
   * GenericError (the host lacks the feature), as libvirt does for SEV and SGX.
   */
  private static Optional<JsonNode> platformAnswer(QmpSession qmp, ProbeState s, String cmd,
      String flag) throws IOException {
    Optional<JsonNode> ret = qmp.executeTolerating(cmd, null, "GenericError");
    if (ret.isEmpty()) {
      s.clear(flag);
      return Optional.empty();
    }
    return Optional.of(QmpValues.object(ret.get(), cmd));
  }
}
