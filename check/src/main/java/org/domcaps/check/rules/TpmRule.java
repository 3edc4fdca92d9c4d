// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;

/**
 * TPM model × backend × version (qemuValidateDomainDeviceDefTPM): TPM 1.2 has only the TIS
 * interface ("Unsupported interface 'tpm-crb' for TPM 1.2"; "TPM 1.2 is not supported with the
 * SPAPR device model") and none on ARM ("TPM 1.2 is not supported on ARM"); spapr-tpm-proxy
 * forwards a host TPM only ("requires 'Passthrough' backend").
 */
public final class TpmRule implements Rule {
  @Override
  public String name() {
    return "tpm-combination";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Machine m = Ctx.machine(def, t);
    for (Element tpm : def.devices("tpm")) {
      String model = tpm.attr("model").orElse(m.pseries() ? "tpm-spapr" : "tpm-tis");
      Element backend = tpm.child("backend").orElse(tpm);
      String type = backend.attrOrNull("type");
      String version = backend.attrOrNull("version");
      if (model.equals("spapr-tpm-proxy")) {
        if (!"passthrough".equals(type)) {
          out.error(backend, type, "spapr-tpm-proxy needs backend 'passthrough', not '" + type
              + "'");
        }
        continue;
      }
      if (!"1.2".equals(version)) {
        continue;
      }
      if (model.equals("tpm-crb") || model.equals("tpm-spapr")) {
        out.error(backend, version, "TPM 1.2 has no " + model + " interface (only tpm-tis)");
      } else if (m.arm()) {
        out.error(backend, version, "TPM 1.2 is not supported on ARM; use version='2.0'");
      }
    }
  }
}
