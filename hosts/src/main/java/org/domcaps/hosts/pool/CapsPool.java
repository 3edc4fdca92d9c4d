// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.domcaps.model.Capability;
import org.domcaps.model.CapsEnum;
import org.domcaps.model.Cpu;
import org.domcaps.model.CpuModel;
import org.domcaps.model.Devices;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.Features;
import org.domcaps.model.Loader;
import org.domcaps.model.MigratableMode;
import org.domcaps.model.Os;
import org.domcaps.model.Sev;
import org.domcaps.model.Sgx;
import org.domcaps.model.SgxSection;
import org.domcaps.model.Supported;
import org.domcaps.model.Usable;

/**
 * The capabilities a guest may rely on on every host of a pool, as one domain capabilities
 * document. Each rule is a meet (keeps what all inputs have), so pooling identical documents
 * gives that document back and the input order does not matter:
 *
 * <ul>
 *   <li>an enum keeps the values every host lists, in the documents' (libvirt's) order; an enum
 *       or list one host does not report is dropped;
 *   <li>{@code supported}: not reported where one host does not report it, else {@code no} where
 *       one says no, else {@code yes};
 *   <li>vcpu max, SEV guest counts, SGX sizes: the minimum; SEV needs the same C-bit position and
 *       reduced physical bits everywhere, else it is {@code no};
 *   <li>custom CPU models: those every host lists, usable {@code yes} only where usable
 *       everywhere, {@code no} where one says no;
 *   <li>host-model: the CPU baseline of the hosts' host-model CPUs ({@link HostModelBaseline});
 *       unchanged when they are all identical; unsupported when there is none.
 * </ul>
 *
 * Arch and virt type must agree. Path and machine, which name rather than describe, are kept when
 * all agree; otherwise the smallest path is printed and the machine left out.
 */
public final class CapsPool {
  private final HostModelBaseline hostModels;

  public CapsPool() {
    this(new HostModelBaseline());
  }

  CapsPool(HostModelBaseline hostModels) {
    this.hostModels = hostModels;
  }

  public DomainCapabilities pool(List<DomainCapabilities> docs) throws PoolException {
    if (docs.isEmpty()) {
      throw new PoolException("no documents to pool: expected at least one");
    }
    DomainCapabilities first = docs.get(0);
    for (DomainCapabilities d : docs) {
      if (!d.arch().equals(first.arch())) {
        throw new PoolException("cannot pool documents of different arches: '" + first.arch()
            + "' and '" + d.arch() + "' (a pool shares one arch)");
      }
      if (!d.domain().equals(first.domain())) {
        throw new PoolException("cannot pool documents of different virt types: '"
            + first.domain() + "' and '" + d.domain() + "' (a pool shares one virt type)");
      }
    }
    if (docs.size() == 1) {
      return first;
    }
    DomainCapabilities.Builder b = DomainCapabilities.builder()
        .path(docs.stream().map(DomainCapabilities::path).min(Comparator.naturalOrder()).get())
        .domain(first.domain())
        .arch(first.arch())
        .machine(agreed(docs, d -> d.machine().orElse(null)))
        .iothreads(supported(docs.stream().map(DomainCapabilities::iothreads).toList()))
        .os(os(docs.stream().map(DomainCapabilities::os).toList()))
        .cpu(cpu(docs))
        .memoryBacking(capability(docs.stream().map(DomainCapabilities::memoryBacking).toList()))
        .devices(devices(docs.stream().map(DomainCapabilities::devices).toList()))
        .features(features(docs.stream().map(DomainCapabilities::features).toList()));
    OptionalInt vcpu = minimum(docs.stream().map(DomainCapabilities::vcpuMax).toList());
    vcpu.ifPresent(b::vcpuMax);
    return b.build();
  }

  private static <T> T agreed(List<DomainCapabilities> docs, Function<DomainCapabilities, T> f) {
    T v = f.apply(docs.get(0));
    for (DomainCapabilities d : docs) {
      if (v == null ? f.apply(d) != null : !v.equals(f.apply(d))) {
        return null;
      }
    }
    return v;
  }

  static Supported supported(List<Supported> all) {
    if (all.contains(Supported.ABSENT)) {
      return Supported.ABSENT;
    }
    return all.contains(Supported.NO) ? Supported.NO : Supported.YES;
  }

  private static OptionalInt minimum(List<OptionalInt> all) {
    if (all.stream().anyMatch(OptionalInt::isEmpty)) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(all.stream().mapToInt(OptionalInt::getAsInt).min().getAsInt());
  }

  /**
   * The values every list holds, in the lists' order (libvirt's, for enums). Lists that disagree
   * on the order (QEMU reports some arches' CPU models in hash order) give them sorted, so that
   * the result does not depend on which list came first.
   */
  static List<String> common(List<List<String>> all) {
    List<String> out = new ArrayList<>(all.get(0));
    for (List<String> l : all.subList(1, all.size())) {
      out.retainAll(Set.copyOf(l));
    }
    Set<String> kept = Set.copyOf(out);
    for (List<String> l : all.subList(1, all.size())) {
      if (!l.stream().filter(kept::contains).toList().equals(out)) {
        out.sort(Comparator.naturalOrder());
        break;
      }
    }
    return out;
  }

  /** Enums every element reports, each with the values all of them list. */
  static List<CapsEnum> enums(List<List<CapsEnum>> all) {
    List<CapsEnum> out = new ArrayList<>();
    for (CapsEnum e : all.get(0)) {
      List<List<String>> values = new ArrayList<>();
      for (List<CapsEnum> other : all) {
        other.stream().filter(x -> x.name().equals(e.name())).findFirst()
            .ifPresent(x -> values.add(x.values()));
      }
      if (values.size() == all.size()) {
        out.add(new CapsEnum(e.name(), common(values)));
      }
    }
    return out;
  }

  static Capability capability(List<Capability> all) {
    Supported s = supported(all.stream().map(Capability::supported).toList());
    if (s != Supported.YES) {
      return s == Supported.NO ? Capability.unsupported() : Capability.absent();
    }
    return Capability.supported(enums(all.stream().map(Capability::enums).toList()));
  }

  private static Os os(List<Os> all) {
    Supported s = supported(all.stream().map(Os::supported).toList());
    if (s != Supported.YES) {
      return s == Supported.NO ? Os.unsupported() : Os.absent();
    }
    return Os.builder()
        .enums(enums(all.stream().map(Os::enums).toList()))
        .firmwareFeatures(capability(all.stream().map(Os::firmwareFeatures).toList()))
        .loader(loader(all.stream().map(Os::loader).toList()))
        .varstore(supported(all.stream().map(Os::varstore).toList()))
        .build();
  }

  private static Loader loader(List<Loader> all) {
    Supported s = supported(all.stream().map(Loader::supported).toList());
    if (s != Supported.YES) {
      return s == Supported.NO ? Loader.unsupported() : Loader.absent();
    }
    return new Loader(Supported.YES, common(all.stream().map(Loader::values).toList()),
        enums(all.stream().map(Loader::enums).toList()));
  }

  private Cpu cpu(List<DomainCapabilities> docs) {
    if (docs.stream().anyMatch(d -> d.cpu().isEmpty())) {
      return null;
    }
    List<Cpu> all = docs.stream().map(d -> d.cpu().get()).toList();
    Cpu.Builder b = Cpu.builder()
        .hostPassthrough(mode(all.stream().map(Cpu::hostPassthrough).toList()))
        .maximum(mode(all.stream().map(Cpu::maximum).toList()));
    List<String> commonModelNames = common(all.stream()
        .map(c -> c.custom().stream().map(CpuModel::name).toList()).toList());
    if (all.stream().allMatch(Cpu::hostModelSupported)) {
      b.hostModel(hostModels.baseline(all.stream().map(c -> c.hostModel().get()).toList(),
          commonModelNames).orElse(null));
    }
    b.customModels(custom(all, commonModelNames));
    return b.build();
  }

  private static MigratableMode mode(List<MigratableMode> all) {
    if (!all.stream().allMatch(MigratableMode::supported)) {
      return MigratableMode.no();
    }
    if (!all.stream().allMatch(m -> m.migratable().isPresent())) {
      return MigratableMode.yes();
    }
    return new MigratableMode(true,
        Optional.of(common(all.stream().map(m -> m.migratable().get()).toList())));
  }

  private static List<CpuModel> custom(List<Cpu> all, List<String> names) {
    List<Map<String, CpuModel>> byName = all.stream()
        .map(c -> c.custom().stream()
            .collect(Collectors.toMap(CpuModel::name, Function.identity(), (x, y) -> x)))
        .toList();
    List<CpuModel> out = new ArrayList<>();
    for (String name : names) {
      List<CpuModel> versions = byName.stream().map(m -> m.get(name)).toList();
      Usable usable = Usable.YES;
      for (CpuModel m : versions) {
        if (m.usable() == Usable.NO) {
          usable = Usable.NO;
        } else if (m.usable() == Usable.UNKNOWN && usable == Usable.YES) {
          usable = Usable.UNKNOWN;
        }
      }
      boolean deprecated = versions.stream().anyMatch(CpuModel::deprecated);
      String vendor = versions.stream().map(CpuModel::vendor).distinct().count() == 1
          ? versions.get(0).vendor() : CpuModel.UNKNOWN_VENDOR;
      out.add(new CpuModel(name, usable, deprecated, vendor));
    }
    return out;
  }

  private static Devices devices(List<Devices> all) {
    Devices.Builder b = Devices.builder();
    for (int i = 0; i < Devices.NAMES.size(); i++) {
      int index = i;
      b.device(Devices.NAMES.get(i),
          capability(all.stream().map(d -> d.inOrder().get(index)).toList()));
    }
    return b.build();
  }

  private static Features features(List<Features> all) {
    return Features.builder()
        .gic(capability(all.stream().map(Features::gic).toList()))
        .vmcoreinfo(supported(all.stream().map(Features::vmcoreinfo).toList()))
        .genid(supported(all.stream().map(Features::genid).toList()))
        .backingStoreInput(supported(all.stream().map(Features::backingStoreInput).toList()))
        .backup(supported(all.stream().map(Features::backup).toList()))
        .s390Pv(supported(all.stream().map(Features::s390Pv).toList()))
        .sev(sev(all.stream().map(Features::sev).toList()))
        .sgx(sgx(all.stream().map(Features::sgx).toList()))
        .hyperv(capability(all.stream().map(Features::hyperv).toList()))
        .build();
  }

  /** SEV guests need the same C-bit layout on every host to migrate; counts are the minimum. */
  private static Sev sev(List<Sev> all) {
    Supported s = supported(all.stream().map(Sev::supported).toList());
    if (s != Supported.YES) {
      return s == Supported.NO ? Sev.unsupported() : Sev.absent();
    }
    Sev first = all.get(0);
    boolean compatible = all.stream().allMatch(x -> x.cbitpos().equals(first.cbitpos())
        && x.reducedPhysBits().equals(first.reducedPhysBits()));
    if (!compatible) {
      return Sev.unsupported();
    }
    Optional<String> cpu0 = all.stream().allMatch(x -> x.cpu0Id().equals(first.cpu0Id()))
        ? first.cpu0Id() : Optional.empty();
    return new Sev(Supported.YES, first.cbitpos(), first.reducedPhysBits(),
        minimum(all.stream().map(Sev::maxGuests).toList()),
        minimum(all.stream().map(Sev::maxESGuests).toList()), cpu0);
  }

  private static Sgx sgx(List<Sgx> all) {
    Supported s = supported(all.stream().map(Sgx::supported).toList());
    if (s != Supported.YES) {
      return s == Supported.NO ? Sgx.unsupported() : Sgx.absent();
    }
    Sgx first = all.get(0);
    List<SgxSection> sections = new ArrayList<>();
    for (SgxSection sec : first.sections()) {
      long size = sec.sizeKiB();
      boolean everywhere = true;
      for (Sgx other : all) {
        Optional<SgxSection> o = other.sections().stream().filter(x -> x.node() == sec.node())
            .findFirst();
        if (o.isEmpty()) {
          everywhere = false;
          break;
        }
        size = Long.compareUnsigned(o.get().sizeKiB(), size) < 0 ? o.get().sizeKiB() : size;
      }
      if (everywhere) {
        sections.add(new SgxSection(sec.node(), size));
      }
    }
    long sectionSize = all.stream().map(Sgx::sectionSizeKiB).min(Long::compareUnsigned).get();
    return Sgx.supported(all.stream().allMatch(Sgx::flc), all.stream().allMatch(Sgx::sgx1),
        all.stream().allMatch(Sgx::sgx2), sectionSize, sections);
  }
}
