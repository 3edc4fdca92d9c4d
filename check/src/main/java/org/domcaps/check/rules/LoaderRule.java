// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import java.util.Optional;
import java.util.OptionalLong;
import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;

/**
 * {@code <os><loader>}:
 * <ul>
 *   <li>type, readonly and secure against the document's loader enums;
 *   <li>{@code secure='yes'}: Q35 only, and with SMM on (qemuValidateDomainDefBoot: "Secure boot
 *       is supported with q35 machine types only", "Secure boot requires SMM feature enabled");
 *   <li>{@code type='pflash'} needs the machine's pflash0 property, which only QEMU's PC and ARM
 *       virt machines have (QEMU: "Property '...-machine.pflash0' not found");
 *   <li>a read-only pflash loader needs an NVRAM template: libvirt finds one only for the images
 *       the document lists as loader values (descriptors for this arch and machine) and those
 * of the configured nvram list (any arch) unless {@code <nvram template>} names it ("unable to find
 * any master var
 *       store for loader");
 *   <li>{@code type='rom'} (the default) on x86 is QEMU's {@code -bios}: an image whose size is
 *       not a multiple of 64 KiB is refused ("could not load PC BIOS"); on s390x it must be an
 *       s390 ELF bootloader ("could not load bootloader").
 * </ul>
 */
public final class LoaderRule implements Rule {
  private static final long BIOS_ALIGN = 64 * 1024;
  private static final int EM_S390 = 22;

  @Override
  public String name() {
    return "os-loader";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Optional<Element> loader = def.os().loader();
    if (loader.isEmpty()) {
      return;
    }
    Element l = loader.get();
    var caps = t.caps().os().loader();
    for (String[] a : new String[][] {{"type", "type"}, {"readonly", "readonly"},
        {"secure", "secure"}}) {
      String v = l.attrOrNull(a[0]);
      if (v != null) {
        caps.findEnum(a[1]).ifPresentOrElse(e -> {
          if (!e.contains(v)) {
            out.error(l, v, e.values(), "loader " + a[0] + "='" + v + "' not supported by "
                + t.describe() + "; supported: " + String.join(", ", e.values()));
          }
        }, () -> out.unknown(l, v, "loader " + a[0] + " not reported by " + t.describe()
            + ", cannot tell"));
      }
    }
    Machine m = Ctx.machine(def, t);
    if ("yes".equals(l.attrOrNull("secure"))) {
      if (!m.q35()) {
        out.error(l, "secure", "secure boot is supported with Q35 machine types only, not "
            + m.name());
      } else if (!def.feature("smm").map(s -> !"off".equals(s.attrOrNull("state")))
          .orElse(false)) {
        out.error(l, "secure", "secure boot requires <features><smm state='on'/>");
      }
    }
    String type = l.attr("type").orElse("rom");
    String path = l.text();
    if (type.equals("pflash") && !(m.q35() || m.i440fx() || m.armVirt())) {
      out.error(l, "pflash", "loader type 'pflash' on " + m.name() + ": the machine has no "
          + "pflash0 property (only PC and ARM virt machines do)");
    }
    if (type.equals("pflash") && "yes".equals(l.attrOrNull("readonly")) && !path.isEmpty()
        && def.os().nvram().flatMap(n -> n.attr("template")).isEmpty()
        && !"yes".equals(l.attrOrNull("stateless")) && caps.supported().isReported()
        && !caps.values().contains(path)) {
      String why = "no NVRAM template known for " + path + " on " + t.describe() + " (libvirt "
          + "takes it from a firmware descriptor for this arch and machine, or from the "
          + "configured nvram list); add <nvram template=...>";
      t.facts().configuredLoaders().ifPresentOrElse(known -> {
        if (!known.contains(path)) {
          out.error(l, path, caps.values(), why);
        }
      }, () -> out.unknown(l, path, "not reported, cannot tell: " + why));
    }
    if (type.equals("rom") && m.x86() && !path.isEmpty()) {
      OptionalLong size = t.facts().fileSize(path);
      if (size.isPresent() && size.getAsLong() % BIOS_ALIGN != 0) {
        out.error(l, path, "loader type 'rom' is QEMU's -bios, which needs a size multiple of "
            + "64 KiB; " + path + " has " + size.getAsLong() + " bytes (a pflash image?)");
      } else if (size.isEmpty() && !t.facts().live()) {
        out.unknown(l, path, "loader image size not known offline, cannot tell whether QEMU "
            + "loads it as a BIOS");
      }
    }
    if (type.equals("rom") && m.s390x() && !path.isEmpty()) {
      Optional<byte[]> head = t.facts().fileHead(path);
      if (head.isPresent() && !s390Elf(head.get())) {
        out.error(l, path, "loader on s390x must be an s390 ELF bootloader; " + path
            + " is not");
      } else if (head.isEmpty() && !t.facts().live()) {
        out.unknown(l, path, "loader image not readable offline, cannot tell whether it is an "
            + "s390 bootloader");
      }
    }
  }

  private static boolean s390Elf(byte[] h) {
    return h.length >= 20 && h[0] == 0x7f && h[1] == 'E' && h[2] == 'L' && h[3] == 'F'
        // e_machine, big-endian on s390
        && ((h[18] & 0xff) << 8 | (h[19] & 0xff)) == EM_S390;
  }
}
