// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.domcaps.check.Findings;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;
import org.domcaps.model.Capability;
import org.domcaps.model.DomainCapabilities;

/**
 * Values the domain capabilities document enumerates, judged against its enums. For
 * {@code <video><model type>} and {@code <rng model>} this is exactly libvirt 9.0's define-time
 * check (virDomainCapsDeviceDefValidate → virDomainCapsDeviceVideoDefValidate /
 * virDomainCapsDeviceRNGDefValidate). For the others it predicts the start-time refusal from
 * qemu_validate.c or QEMU, which refuse the same values the capabilities leave out (the
 * capabilities are built from the same QEMU flags): disk device/bus/model, graphics type,
 * hostdev mode/subsystem/startup policy/PCI backend, filesystem driver, TPM model/backend/version,
 * redirdev bus, memory backing source. {@code <channel type>} is not judged: libvirt 9.0 lists only
 * pty, unix and spicevmc there, yet accepts every chardev type.
 */
public final class DeviceEnumRule implements Rule {
  /** One judged value: where it is in the definition, which enum of which capability judges it. */
  private record Entry(String name, String device, Function<Element, Optional<Element>> holder,
      BiFunction<Element, Ctx2, String> value, Function<DomainCapabilities, Capability> cap,
      String enumName, String what) {}

  /** What an entry's value function may need beyond the element. */
  record Ctx2(DomainDefinition def, Target target) {}

  private static final List<Entry> ENTRIES = List.of(
      new Entry("video-model", "video", e -> e.child("model"),
          (e, c) -> e.attrOrNull("type"), c -> c.devices().video(), "modelType", "video model"),
      new Entry("rng-model", "rng", Optional::of, (e, c) -> e.attrOrNull("model"),
          c -> c.devices().rng(), "model", "rng model"),
      new Entry("rng-backend", "rng", e -> e.child("backend"), (e, c) -> e.attrOrNull("model"),
          c -> c.devices().rng(), "backendModel", "rng backend"),
      new Entry("disk-device", "disk", Optional::of, (e, c) -> Ctx.attr(e, "device", "disk"),
          c -> c.devices().disk(), "diskDevice", "disk device"),
      new Entry("disk-bus", "disk", e -> e.child("target"), (e, c) -> e.attrOrNull("bus"),
          c -> c.devices().disk(), "bus", "disk bus"),
      new Entry("disk-model", "disk", Optional::of, (e, c) -> e.attrOrNull("model"),
          c -> c.devices().disk(), "model", "disk model"),
      new Entry("graphics-type", "graphics", Optional::of, (e, c) -> e.attrOrNull("type"),
          c -> c.devices().graphics(), "type", "graphics type"),
      new Entry("hostdev-mode", "hostdev", Optional::of,
          (e, c) -> Ctx.attr(e, "mode", "subsystem"), c -> c.devices().hostdev(), "mode",
          "hostdev mode"),
      new Entry("hostdev-subsystem", "hostdev", Optional::of,
          (e, c) -> "subsystem".equals(Ctx.attr(e, "mode", "subsystem")) ? e.attrOrNull("type")
              : null, c -> c.devices().hostdev(), "subsysType", "hostdev subsystem type"),
      new Entry("hostdev-caps", "hostdev", Optional::of,
          (e, c) -> "capabilities".equals(e.attrOrNull("mode")) ? e.attrOrNull("type") : null,
          c -> c.devices().hostdev(), "capsType", "hostdev capabilities type"),
      new Entry("hostdev-startup-policy", "hostdev", e -> e.child("source"),
          (e, c) -> e.attrOrNull("startupPolicy"), c -> c.devices().hostdev(), "startupPolicy",
          "hostdev startup policy"),
      new Entry("hostdev-pci-backend", "hostdev", e -> e.child("driver"),
          (e, c) -> e.parent().map(h -> "pci".equals(h.attrOrNull("type"))).orElse(false)
              ? e.attrOrNull("name") : null, c -> c.devices().hostdev(), "pciBackend",
          "PCI passthrough backend"),
      new Entry("filesystem-driver", "filesystem", e -> e.child("driver"),
          // 'default' is libvirt's name for its own choice (path): always accepted.
          (e, c) -> "default".equals(e.attrOrNull("type")) ? null : e.attrOrNull("type"),
          c -> c.devices().filesystem(), "driverType", "filesystem driver"),
      new Entry("tpm-model", "tpm", Optional::of, (e, c) -> e.attrOrNull("model"),
          c -> c.devices().tpm(), "model", "TPM model"),
      new Entry("tpm-backend", "tpm", e -> e.child("backend"), (e, c) -> e.attrOrNull("type"),
          c -> c.devices().tpm(), "backendModel", "TPM backend"),
      new Entry("tpm-version", "tpm", e -> e.child("backend"), (e, c) -> e.attrOrNull("version"),
          c -> c.devices().tpm(), "backendVersion", "TPM version"),
      new Entry("redirdev-bus", "redirdev", Optional::of, (e, c) -> e.attrOrNull("bus"),
          c -> c.devices().redirdev(), "bus", "redirdev bus"));

  @Override
  public String name() {
    return "device-enum";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Ctx2 c = new Ctx2(def, t);
    for (Entry en : ENTRIES) {
      for (Element dev : def.devices(en.device)) {
        Optional<Element> holder = en.holder.apply(dev);
        if (holder.isEmpty()) {
          continue;
        }
        String v = en.value.apply(holder.get(), c);
        out.rule(en.name);
        Ctx.inEnum(out, t, holder.get(), v, en.cap.apply(t.caps()), en.enumName, en.what);
      }
    }
    def.memoryBacking().flatMap(m -> m.child("source")).ifPresent(s -> {
      out.rule("memory-backing-source");
      Ctx.inEnum(out, t, s, s.attrOrNull("type"), t.caps().memoryBacking(), "sourceType",
          "memory backing source");
    });
    out.rule(name());
  }
}
