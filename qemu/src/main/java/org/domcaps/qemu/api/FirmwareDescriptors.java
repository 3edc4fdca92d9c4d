// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.domcaps.qemu.caps.AccelCaps;
import org.domcaps.qemu.caps.MachineType;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.firmware.DescriptorFiles;
import org.domcaps.qemu.firmware.FirmwareDescriptor;
import org.domcaps.qemu.firmware.FirmwareParseException;

/**
 * The firmware descriptors a host's libvirt would read and the machines they could target, for
 * tools that judge the descriptors themselves ({@code domcaps firmware lint}, {@code domcaps
 * check}). Stateless and thread-safe; descriptors are read afresh on every call.
 */
public final class FirmwareDescriptors {
  private FirmwareDescriptors() {}

  /**
   * One descriptor as libvirt parsed it.
   *
   * @param source the file it was read from
   * @param interfaces {@code interface-types}, e.g. {@code uefi}
   * @param device {@code mapping.device}: {@code flash}, {@code kernel} or {@code memory}
   * @param image the executable (or memory image) file, empty when it names none
   * @param targets the arch and machine globs it is for
   * @param features its {@code features}, e.g. {@code secure-boot}
   */
  public record Descriptor(Path source, List<String> interfaces, String device,
      Optional<String> image, List<Target> targets, List<String> features) {
    public Descriptor {
      interfaces = List.copyOf(interfaces);
      targets = List.copyOf(targets);
      features = List.copyOf(features);
    }
  }

  /** One {@code targets[]} entry: a QEMU arch name and its machine globs. */
  public record Target(String arch, List<String> machines) {
    public Target {
      machines = List.copyOf(machines);
    }
  }

  /** The descriptors libvirt would use, in its order (unusable ones left out and warned about). */
  public static List<Descriptor> parsed(Options options) {
    List<Descriptor> out = new ArrayList<>();
    for (FirmwareDescriptor d : options.firmware().descriptors()) {
      out.add(new Descriptor(d.source(), d.interfaces(), d.device(), d.image(),
          d.targets().stream().map(t -> new Target(t.arch(), t.machines())).toList(),
          d.features()));
    }
    return out;
  }

  /** The loader paths of libvirt's configured firmware list ({@code nvram} in qemu.conf). */
  public static List<String> configuredLoaders(Options options) {
    return options.firmware().configured().entries().stream().map(e -> e.loader()).toList();
  }

  /** The descriptor directories read, lowest priority first. */
  public static List<Path> directories(Options options) {
    return options.firmware().roots().dirs();
  }

  /**
   * Why libvirt refuses the descriptor {@code file} (it then fails every request); empty if not.
   */
  public static Optional<String> refusal(Path file) {
    try {
      FirmwareDescriptor.parse(file);
      return Optional.empty();
    } catch (FirmwareParseException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The descriptor features libvirt knows (it ignores the others). */
  public static Set<String> knownFeatures() {
    return FirmwareDescriptor.knownFeatures();
  }

  /** The descriptor files libvirt would parse, in its order (empty files left out). */
  public static List<Path> files(Options options, Consumer<String> warnings) {
    return DescriptorFiles.scan(options.firmware().roots(), warnings::accept).effective();
  }

  /**
   * Every machine name and alias the default emulator for {@code arch} reports (all
   * accelerators), or empty when the host has no emulator for it or it cannot be probed.
   */
  public static Optional<Set<String>> machines(Options options, String arch) {
    Optional<String> emulator = options.host().defaultEmulator(arch);
    if (emulator.isEmpty()) {
      return Optional.empty();
    }
    QemuCaps caps;
    try {
      caps = options.capsLookup().lookup(emulator.get());
    } catch (DomCapsException e) {
      return Optional.empty();
    }
    Set<String> out = new LinkedHashSet<>();
    for (AccelCaps a : caps.accels().values()) {
      for (MachineType m : a.machines()) {
        out.add(m.name());
        if (m.alias() != null) {
          out.add(m.alias());
        }
      }
    }
    return Optional.of(out);
  }

  /** The emulator libvirt would use for {@code arch}, as {@code virsh domcapabilities} finds it. */
  public static Optional<String> emulator(Options options, String arch) {
    return options.host().defaultEmulator(arch);
  }

}
