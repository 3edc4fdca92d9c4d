// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;
import org.domcaps.model.Supported;

/**
 * Guest features the document reports supported or not, and libvirt's define-time check of the
 * same QEMU flag: {@code <genid>} ("this QEMU does not support the 'genid' capability"),
 * {@code <vmcoreinfo state='on'>} ("vmcoreinfo is not available with this QEMU binary"),
 * {@code <launchSecurity type='sev'>} / {@code 's390-pv'} ("... launch security is not
 * supported with this QEMU binary"), a {@code <memory model='sgx-epc'>} device ("sgx epc isn't
 * supported by this QEMU binary"), {@code <iothreads>} (qemuValidateDomainDef).
 */
public final class DocumentFeatureRule implements Rule {
  @Override
  public String name() {
    return "guest-feature";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    var f = t.caps().features();
    def.genid().ifPresent(g -> judge(out, t, g, "genid", f.genid()));
    def.feature("vmcoreinfo").filter(v -> !"off".equals(v.attrOrNull("state")))
        .ifPresent(v -> judge(out, t, v, "vmcoreinfo", f.vmcoreinfo()));
    def.iothreads().ifPresent(i -> judge(out, t, i, "iothreads", t.caps().iothreads()));
    def.launchSecurity().ifPresent(ls -> {
      String type = ls.attrOrNull("type");
      if ("sev".equals(type)) {
        judge(out, t, ls, "sev", f.sev().supported());
      } else if ("s390-pv".equals(type)) {
        Machine m = Ctx.machine(def, t);
        // libvirt prints <s390-pv> for s390x only; elsewhere it is simply impossible.
        judge(out, t, ls, "s390-pv", m.s390x() ? f.s390Pv() : Supported.NO);
      } else {
        out.error(ls, type, "launch security type '" + type + "' unknown to libvirt 9.0 "
            + "(sev, s390-pv)");
      }
    });
    for (Element mem : def.devices("memory")) {
      if ("sgx-epc".equals(mem.attrOrNull("model"))) {
        judge(out, t, mem, "sgx", f.sgx().supported());
      }
    }
  }

  private static void judge(Findings out, Target t, Element at, String what, Supported s) {
    if (s == Supported.NO) {
      out.error(at, what, what + " not supported by " + t.describe());
    } else if (s == Supported.ABSENT) {
      out.unknown(at, what, what + " not reported by " + t.describe() + ", cannot tell");
    }
  }
}
