// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import java.util.ArrayList;
import java.util.List;
import org.domcaps.check.Findings;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.model.Cpu;
import org.domcaps.model.MigratableMode;

/**
 * {@code <cpu mode>} against the capabilities' CPU modes: libvirt 9.0 refuses host-passthrough
 * and host-model at start when the hypervisor does not support them ("CPU mode '%s' for %s %s
 * domain on %s host is not supported by hypervisor", qemuProcessStartValidateGuestCPU /
 * virCPUCompare path), and maximum at define ("maximum CPU is not supported by QEMU binary",
 * qemuValidateDomainDefCpu), and {@code migratable} where the mode's migratable enum lacks it.
 */
public final class CpuModeRule implements Rule {
  @Override
  public String name() {
    return "cpu-mode";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    def.cpu().ifPresent(cpu -> {
      if (t.caps().cpu().isEmpty()) {
        out.unknown(cpu.element(), cpu.mode(), "CPU modes not reported by " + t.describe()
            + ", cannot tell");
        return;
      }
      Cpu caps = t.caps().cpu().get();
      List<String> modes = supportedModes(caps);
      boolean supported = switch (cpu.mode()) {
        case "host-passthrough" -> caps.hostPassthrough().supported();
        case "maximum" -> caps.maximum().supported();
        case "host-model" -> caps.hostModelSupported();
        case "custom" -> true; // judged model by model (CpuModelRule)
        default -> false;
      };
      if (!supported) {
        out.error(cpu.element(), cpu.mode(), modes, "CPU mode '" + cpu.mode()
            + "' not supported by " + t.describe() + "; supported: " + String.join(", ", modes));
        return;
      }
      cpu.migratable().ifPresent(mig -> {
        MigratableMode m = switch (cpu.mode()) {
          case "host-passthrough" -> caps.hostPassthrough();
          case "maximum" -> caps.maximum();
          default -> null;
        };
        if (m == null) {
          return;
        }
        if (m.migratable().isEmpty()) {
          out.unknown(cpu.element(), mig, "migratable for CPU mode '" + cpu.mode()
              + "' not reported by " + t.describe() + ", cannot tell");
        } else if (!m.migratable().get().contains(mig)) {
          out.error(cpu.element(), mig, m.migratable().get(), "migratable='" + mig
              + "' for CPU mode '" + cpu.mode() + "' not supported by " + t.describe()
              + "; supported: " + String.join(", ", m.migratable().get()));
        }
      });
    });
  }

  private static List<String> supportedModes(Cpu caps) {
    List<String> out = new ArrayList<>();
    if (caps.hostPassthrough().supported()) {
      out.add("host-passthrough");
    }
    if (caps.maximum().supported()) {
      out.add("maximum");
    }
    if (caps.hostModelSupported()) {
      out.add("host-model");
    }
    if (caps.customSupported()) {
      out.add("custom");
    }
    return out;
  }
}
