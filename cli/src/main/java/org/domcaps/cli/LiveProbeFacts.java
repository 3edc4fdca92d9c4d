// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import org.domcaps.check.FirmwareCandidate;
import org.domcaps.check.ProbeFacts;
import org.domcaps.check.Tri;
import org.domcaps.check.VcpuStart;
import org.domcaps.qemu.api.EmulatorCaps;
import org.domcaps.qemu.api.FirmwareDescriptors;
import org.domcaps.qemu.api.Options;
import org.domcaps.qemu.api.Resolution;
import org.domcaps.qemu.api.ThisHost;
import org.domcaps.qemu.api.X86CpuModels;

/**
 * What this host's probe knows, for the check's live rules: the binary's libvirt flags and
 * version from the (cached) probe, its device types from QEMU, the firmware descriptors libvirt
 * would read, and the files a definition names.
 */
final class LiveProbeFacts implements ProbeFacts {
  private final Resolution resolved;
  private final EmulatorCaps caps;
  private final Options options;
  private final Supplier<Optional<Set<String>>> deviceTypes;
  private final Supplier<Optional<java.util.Map<String, java.util.Map<String, Boolean>>>> cpuModels;
  private List<FirmwareCandidate> candidates;
  private final java.util.Map<String, Optional<VcpuStart>> vcpuStarts = new java.util.HashMap<>();

  LiveProbeFacts(Resolution resolved, Options options) {
    this.resolved = resolved;
    this.caps = resolved.emulatorCaps();
    this.options = options;
    this.deviceTypes = memo(() -> QemuDeviceTypes.of(resolved.emulator()));
    boolean kvm = resolved.virtType().equals("kvm");
    this.cpuModels = memo(() -> QemuCpuModelExpansion.of(resolved.emulator(), kvm ? "kvm" : "tcg",
        caps.cpuModels(resolved.virtType()).stream().map(EmulatorCaps.CpuModel::name)
            .toList()));
  }

  @Override
  public Tri flag(String libvirtFlag) {
    return Tri.of(caps.hasFlag(libvirtFlag));
  }

  @Override
  public Tri deviceType(String qemuType) {
    return deviceTypes.get().map(s -> Tri.of(s.contains(qemuType))).orElse(Tri.UNKNOWN);
  }

  @Override
  public OptionalLong qemuVersion() {
    return OptionalLong.of(caps.version());
  }

  @Override
  public synchronized Optional<List<FirmwareCandidate>> firmware() {
    if (candidates == null) {
      List<FirmwareCandidate> out = new ArrayList<>();
      for (FirmwareDescriptors.Descriptor d : FirmwareDescriptors.parsed(options)) {
        out.add(candidate(d));
      }
      candidates = List.copyOf(out);
    }
    return Optional.of(candidates);
  }

  static FirmwareCandidate candidate(FirmwareDescriptors.Descriptor d) {
    List<FirmwareCandidate.Target> targets = d.targets().stream()
        .map(t -> new FirmwareCandidate.Target(t.arch(), t.machines())).toList();
    return new FirmwareCandidate(d.source().toString(), d.interfaces(), d.device(),
        d.image().orElse(""), targets, d.features());
  }

  @Override
  public Optional<Set<String>> cpuModelFeatures(String model) {
    if (!resolved.arch().equals("x86_64") && !resolved.arch().equals("i686")) {
      return Optional.empty();
    }
    return X86CpuModels.get().model(model).map(X86CpuModels.Model::features);
  }

  /**
   * TCG: QEMU's full expansion of its max CPU. KVM on x86: that expansion together with what the
   * host's CPUID instruction reports ({@link HostCpuid}), since libvirt decodes the host CPUID
   * itself and the two can differ (nested hypervisors, features the kernel hides).
   */
  @Override
  public Optional<Set<String>> hostCpuFeatures() {
    boolean kvm = resolved.virtType().equals("kvm");
    Optional<Set<String>> cpuid = kvm && cpuModelFeatures("qemu64").isPresent()
        ? HostCpuid.features() : Optional.empty();
    if (kvm && cpuModelFeatures("qemu64").isPresent() && cpuid.isEmpty()) {
      return Optional.empty(); // cannot tell what libvirt sees
    }
    return caps.hostCpu(kvm ? "kvm" : "qemu").map(h -> {
      Set<String> out = new java.util.HashSet<>();
      for (EmulatorCaps.HostCpuProperty p : h.properties()) {
        if (p.enabled()) {
          out.add(p.name());
        }
      }
      cpuid.ifPresent(out::addAll);
      return out;
    });
  }

  @Override
  public Optional<List<String>> configuredLoaders() {
    return Optional.of(FirmwareDescriptors.configuredLoaders(options));
  }

  @Override
  public Tri kvmSmm() {
    return ThisHost.kvmX86Smm().map(Tri::of).orElse(Tri.UNKNOWN);
  }

  @Override
  public OptionalLong fileSize(String path) {
    try {
      return OptionalLong.of(Files.size(Path.of(path)));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public Optional<byte[]> fileHead(String path) {
    try (InputStream in = Files.newInputStream(Path.of(path))) {
      return Optional.of(in.readNBytes(64));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The vCPU started as libvirt's -cpu would ask, feature names turned into QEMU's; each CPU is
   * started once per target.
   */
  @Override
  public Optional<VcpuStart> vcpuStart(String machine, String model,
      java.util.Map<String, Boolean> features, List<String> props,
      java.util.Collection<String> query) {
    StringBuilder cpu = new StringBuilder(model);
    features.forEach((name, on) -> cpu.append(',')
        .append(name.equals("migratable") ? name : caps.qemuFeatureName(name))
        .append(on ? "=on" : "=off"));
    props.forEach(p -> cpu.append(',').append(p));
    List<String> asked = query.stream().sorted().toList();
    String accel = resolved.virtType().equals("kvm") ? "kvm" : "tcg";
    String key = machine + " " + accel + " " + cpu + " " + asked;
    synchronized (vcpuStarts) {
      return vcpuStarts.computeIfAbsent(key, k -> {
        List<String> qemuNames = asked.stream().map(caps::qemuFeatureName).toList();
        return QemuVcpuStart.of(resolved.emulator(), machine, accel, cpu.toString(), qemuNames)
            .map(s -> {
              java.util.Map<String, Boolean> byLibvirtName = new java.util.HashMap<>();
              for (int i = 0; i < asked.size(); i++) {
                Boolean v = s.features().get(qemuNames.get(i));
                if (v != null) {
                  byLibvirtName.put(asked.get(i), v);
                }
              }
              return new VcpuStart(s.runs(), s.qemuError(), byLibvirtName);
            });
      });
    }
  }

  /** Every CPU model the binary lists for the accelerator, expanded by one QEMU on first use. */
  @Override
  public Optional<java.util.Map<String, Boolean>> qemuCpuModel(String model) {
    return cpuModels.get().map(all -> all.get(model));
  }

  @Override
  public boolean live() {
    return true;
  }

  private static <T> Supplier<T> memo(Supplier<T> s) {
    return new Supplier<>() {
      private T value;
      private boolean done;

      @Override
      public synchronized T get() {
        if (!done) {
          value = s.get();
          done = true;
        }
        return value;
      }
    };
  }
}
