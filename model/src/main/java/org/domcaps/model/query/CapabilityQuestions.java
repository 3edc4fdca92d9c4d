// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.domcaps.model.Capability;
import org.domcaps.model.CapsEnum;
import org.domcaps.model.Cpu;
import org.domcaps.model.CpuFallback;
import org.domcaps.model.CpuFeature;
import org.domcaps.model.CpuFeaturePolicy;
import org.domcaps.model.CpuModel;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.HostModel;
import org.domcaps.model.Loader;
import org.domcaps.model.MigratableMode;
import org.domcaps.model.Os;
import org.domcaps.model.Sev;
import org.domcaps.model.Supported;
import org.domcaps.model.Usable;

/**
 * The questions management applications ask of a {@code <domainCapabilities>} document
 * (virt-manager's virtinst, nova's libvirt driver, KubeVirt's node-labeller), answered from the
 * document alone. Every yes/no question is tri-state ({@link Answer}): an element or enum the
 * document leaves out is {@link Answer#NOT_REPORTED}, never "no"; an element reported with
 * {@code supported='no'} answers {@link Answer#NO} for everything inside it.
 *
 * <p>Immutable and thread-safe (it only reads the immutable document); cheap to create.
 */
public final class CapabilityQuestions {
  private final DomainCapabilities caps;

  private CapabilityQuestions(DomainCapabilities caps) {
    this.caps = Objects.requireNonNull(caps, "caps");
  }

  public static CapabilityQuestions of(DomainCapabilities caps) {
    return new CapabilityQuestions(caps);
  }

  public DomainCapabilities document() {
    return caps;
  }

  // ---- firmware -------------------------------------------------------------------------------

  /** The firmware types {@code <os firmware=…>} may ask libvirt to select automatically. */
  public ReportedValues<FirmwareType> firmwareAutoselection() {
    Os os = caps.os();
    return ReportedValues.of(FirmwareType.class,
        enumValues(os.supported(), os.findEnum("firmware")));
  }

  /**
   * Whether a UEFI loader can be configured (virt-manager's supports_uefi_loader): the loader
   * accepts {@code readonly='yes'}, which libvirt reports exactly when it can set up pflash UEFI.
   */
  public Answer uefiLoader() {
    return ReportedValues.of(YesNo.class, loaderEnum("readonly")).contains(YesNo.YES);
  }

  /** Whether a loader with {@code secure='yes'} (Secure Boot) is accepted. */
  public Answer secureBoot() {
    return ReportedValues.of(YesNo.class, loaderEnum("secure")).contains(YesNo.YES);
  }

  public ReportedValues<LoaderType> loaderTypes() {
    return ReportedValues.of(LoaderType.class, loaderEnum("type"));
  }

  /** The firmware images libvirt offers for {@code <loader>}, in the document's order. */
  public List<String> loaderPaths() {
    Loader loader = caps.os().loader();
    return loader.supported() == Supported.YES ? loader.values() : List.of();
  }

  /**
   * The first offered loader that is UEFI for the document's arch, judged by the image's file name
   * as virt-manager does ({@link UefiImageNames}); empty when none is, or the arch has no UEFI.
   */
  public Optional<String> uefiLoaderPath() {
    return UefiImageNames.firstFor(caps.arch(), loaderPaths());
  }

  // ---- CPU ------------------------------------------------------------------------------------

  public Answer hostPassthrough() {
    return cpu().map(c -> Answer.of(c.hostPassthrough().supported())).orElse(Answer.NOT_REPORTED);
  }

  public Answer maximum() {
    return cpu().map(c -> Answer.of(c.maximum().supported())).orElse(Answer.NOT_REPORTED);
  }

  public Answer hostModel() {
    return cpu().map(c -> Answer.of(c.hostModelSupported())).orElse(Answer.NOT_REPORTED);
  }

  public Answer customModels() {
    return cpu().map(c -> Answer.of(c.customSupported())).orElse(Answer.NOT_REPORTED);
  }

  /**
   * host-passthrough that can be migrated between identical hosts: supported and its {@code
   * hostPassthroughMigratable} enum offers {@code on} (virt-manager's safe host-passthrough).
   */
  public Answer migratableHostPassthrough() {
    return cpu().map(c -> migratable(c.hostPassthrough())).orElse(Answer.NOT_REPORTED);
  }

  /**
   * host-model safe to use by default (virt-manager's supports_safe_host_model): supported, and
   * libvirt refuses rather than falls back when the host CPU cannot be matched ({@code
   * fallback='forbid'}).
   */
  public Answer safeHostModel() {
    if (cpu().isEmpty()) {
      return Answer.NOT_REPORTED;
    }
    return Answer.of(hostModelCpu()
        .map(h -> h.knownFallback().equals(Optional.of(CpuFallback.FORBID))).orElse(false));
  }

  /** The named CPU model host-model expands to, e.g. {@code EPYC-Rome}. */
  public Optional<String> hostModelName() {
    return hostModelCpu().map(HostModel::model);
  }

  /** The features host-model adds to its named model ({@code policy='require'}). */
  public List<String> hostModelRequiredFeatures() {
    return hostModelFeatures(CpuFeaturePolicy.REQUIRE);
  }

  /** The features host-model removes from its named model ({@code policy='disable'}). */
  public List<String> hostModelDisabledFeatures() {
    return hostModelFeatures(CpuFeaturePolicy.DISABLE);
  }

  /** Custom models this host runs as they are ({@code usable='yes'}), in the document's order. */
  public List<String> usableCpuModels() {
    return cpuModels(u -> u == Usable.YES);
  }

  /**
   * Custom models that are not known to be unusable ({@code usable} yes or unknown), as
   * virt-manager offers them.
   */
  public List<String> offerableCpuModels() {
    return cpuModels(u -> u != Usable.NO);
  }

  // ---- launch security, limits ----------------------------------------------------------------

  /** AMD SEV ({@code <features><sev>}). */
  public Answer sev() {
    return Answer.of(caps.features().sev().supported());
  }

  /**
   * SEV-ES: SEV supported with a non-zero {@code maxESGuests}; NOT_REPORTED when SEV is
   * supported but the document gives no ES guest count.
   */
  public Answer sevEs() {
    Sev sev = caps.features().sev();
    if (sev.supported() != Supported.YES) {
      return Answer.of(sev.supported());
    }
    OptionalInt es = sev.maxESGuests();
    return es.isPresent() ? Answer.of(es.getAsInt() > 0) : Answer.NOT_REPORTED;
  }

  /** How many SEV guests the host can run at once, when reported. */
  public OptionalInt sevMaxGuests() {
    return caps.features().sev().maxGuests();
  }

  /** How many SEV-ES guests the host can run at once, when reported. */
  public OptionalInt sevMaxEsGuests() {
    return caps.features().sev().maxESGuests();
  }

  /** {@code <vcpu max=…>}: the most vCPUs a guest of this machine type may have. */
  public OptionalInt maxVcpus() {
    return caps.vcpuMax();
  }

  // ---- devices --------------------------------------------------------------------------------

  public ReportedValues<DiskDevice> diskDevices() {
    return typed(DiskDevice.class, caps.devices().disk(), "diskDevice");
  }

  public ReportedValues<DiskBus> diskBuses() {
    return typed(DiskBus.class, caps.devices().disk(), "bus");
  }

  public ReportedValues<VideoModel> videoModels() {
    return typed(VideoModel.class, caps.devices().video(), "modelType");
  }

  public ReportedValues<GraphicsType> graphicsTypes() {
    return typed(GraphicsType.class, caps.devices().graphics(), "type");
  }

  public ReportedValues<TpmModel> tpmModels() {
    return typed(TpmModel.class, caps.devices().tpm(), "model");
  }

  public ReportedValues<TpmBackend> tpmBackends() {
    return typed(TpmBackend.class, caps.devices().tpm(), "backendModel");
  }

  public ReportedValues<TpmVersion> tpmVersions() {
    return typed(TpmVersion.class, caps.devices().tpm(), "backendVersion");
  }

  /**
   * An emulated TPM (swtpm) can be attached: some TPM model and the {@code emulator} backend
   * (virt-manager's supports_tpm_emulator, without its armv7l work-around for libvirt 8.4).
   */
  public Answer tpmEmulator() {
    ReportedValues<TpmModel> models = tpmModels();
    Answer anyModel = models.reported()
        ? Answer.of(!models.known().isEmpty() || !models.unrecognised().isEmpty())
        : Answer.NOT_REPORTED;
    return anyModel.and(tpmBackends().contains(TpmBackend.EMULATOR));
  }

  public ReportedValues<FilesystemDriver> filesystemDrivers() {
    return typed(FilesystemDriver.class, caps.devices().filesystem(), "driverType");
  }

  /** virtio-fs shared directories ({@code <filesystem><driver type='virtiofs'>}). */
  public Answer virtiofs() {
    return filesystemDrivers().contains(FilesystemDriver.VIRTIOFS);
  }

  public ReportedValues<MemorySource> memorySources() {
    return typed(MemorySource.class, caps.memoryBacking(), "sourceType");
  }

  /** memfd-backed guest memory (needed by vhost-user devices such as virtiofs without NUMA). */
  public Answer memfd() {
    return memorySources().contains(MemorySource.MEMFD);
  }

  /** The Hyper-V enlightenments libvirt can turn on for this machine. */
  public ReportedValues<HypervFeature> hypervFeatures() {
    return typed(HypervFeature.class, caps.features().hyperv(), "features");
  }

  // ---- helpers --------------------------------------------------------------------------------

  private Optional<Cpu> cpu() {
    return caps.cpu();
  }

  private Optional<HostModel> hostModelCpu() {
    return cpu().flatMap(Cpu::hostModel);
  }

  private List<String> hostModelFeatures(CpuFeaturePolicy policy) {
    return hostModelCpu().map(h -> h.features().stream()
        .filter(f -> f.knownPolicy().equals(Optional.of(policy))).map(CpuFeature::name).toList())
            .orElse(List.of());
  }

  private List<String> cpuModels(java.util.function.Predicate<Usable> which) {
    return cpu().map(c -> c.custom().stream().filter(m -> which.test(m.usable()))
        .map(CpuModel::name).toList()).orElse(List.of());
  }

  private static Answer migratable(MigratableMode mode) {
    if (!mode.supported()) {
      return Answer.NO;
    }
    return mode.migratable().map(v -> Answer.of(v.contains("on"))).orElse(Answer.NOT_REPORTED);
  }

  private Optional<List<String>> loaderEnum(String name) {
    Os os = caps.os();
    if (os.supported() != Supported.YES) {
      return enumValues(os.supported(), Optional.empty());
    }
    Loader loader = os.loader();
    return enumValues(loader.supported(), loader.findEnum(name));
  }

  private static <E extends Enum<E> & LibvirtName> ReportedValues<E> typed(
      Class<E> type, Capability element, String enumName) {
    return ReportedValues.of(type, enumValues(element.supported(), element.findEnum(enumName)));
  }

  /**
   * An enum's values as the document reports them: an element reported as unsupported offers no
   * value (reported, empty); an absent element or a missing enum is not reported.
   */
  private static Optional<List<String>> enumValues(Supported element, Optional<CapsEnum> e) {
    return switch (element) {
      case NO -> Optional.of(List.of());
      case ABSENT -> Optional.empty();
      case YES -> e.map(CapsEnum::values);
    };
  }

  /** The loader's yes/no enums (readonly, secure). */
  enum YesNo implements LibvirtName {
    YES("yes"),
    NO("no");

    private final String libvirtName;

    YesNo(String libvirtName) {
      this.libvirtName = libvirtName;
    }

    @Override
    public String libvirtName() {
      return libvirtName;
    }
  }
}
