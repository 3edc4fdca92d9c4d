// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A guest definition ({@code <domain>}): typed, read-only views of the parts domain capabilities
 * govern; the whole tree, including what the views do not interpret, through {@link #root()}.
 */
public final class DomainDefinition {
  private final Element root;

  DomainDefinition(Element root) {
    this.root = root;
  }

  public Element root() {
    return root;
  }

  /** {@code <domain type>}: kvm, qemu, ... (libvirt's virttype). */
  public Optional<String> type() {
    return root.attr("type");
  }

  public Optional<String> name() {
    return root.child("name").map(Element::text);
  }

  public OsDef os() {
    return new OsDef(root.child("os"));
  }

  /** {@code <vcpu>}: the maximum is the text, {@code current} the number started. */
  public Optional<VcpuDef> vcpu() {
    return root.child("vcpu").map(VcpuDef::of);
  }

  public Optional<Element> iothreads() {
    return root.child("iothreads");
  }

  public Optional<CpuDef> cpu() {
    return root.child("cpu").map(CpuDef::of);
  }

  public Optional<Element> maxMemory() {
    return root.child("maxMemory");
  }

  /** NUMA cells of {@code <cpu><numa>}. */
  public List<Element> numaCells() {
    return root.at("cpu", "numa").map(n -> n.all("cell")).orElse(List.of());
  }

  public Optional<Element> memoryBacking() {
    return root.child("memoryBacking");
  }

  /** The children of {@code <features>}, one per hypervisor feature ({@code <acpi/>}, ...). */
  public List<Element> features() {
    return root.child("features").map(Element::children).orElse(List.of());
  }

  public Optional<Element> feature(String name) {
    return root.child("features").flatMap(f -> f.child(name));
  }

  public Optional<Element> launchSecurity() {
    return root.child("launchSecurity");
  }

  public Optional<Element> genid() {
    return root.child("genid");
  }

  /** {@code <devices><emulator>}: the QEMU binary's path. */
  public Optional<Element> emulator() {
    return root.at("devices", "emulator");
  }

  /** Every device element, in document order ({@code <emulator>} excluded). */
  public List<Element> devices() {
    List<Element> out = new ArrayList<>();
    root.child("devices").ifPresent(d -> {
      for (Element e : d.children()) {
        if (!e.name().equals("emulator")) {
          out.add(e);
        }
      }
    });
    return out;
  }

  /** Devices of one kind: {@code devices("video")}. */
  public List<Element> devices(String kind) {
    return root.child("devices").map(d -> d.all(kind)).orElse(List.of());
  }

  /** {@code <os>}: type (arch, machine), firmware auto-selection, loader, nvram. */
  public static final class OsDef {
    private final Optional<Element> os;

    OsDef(Optional<Element> os) {
      this.os = os;
    }

    public Optional<Element> element() {
      return os;
    }

    public Optional<Element> typeElement() {
      return os.flatMap(o -> o.child("type"));
    }

    /** {@code <type>hvm</type>}. */
    public Optional<String> osType() {
      return typeElement().map(Element::text);
    }

    public Optional<String> arch() {
      return typeElement().flatMap(t -> t.attr("arch"));
    }

    public Optional<String> machine() {
      return typeElement().flatMap(t -> t.attr("machine"));
    }

    /** {@code <os firmware='efi'>}. */
    public Optional<String> firmware() {
      return os.flatMap(o -> o.attr("firmware"));
    }

    /** {@code <firmware><feature name enabled>}, name → enabled (yes/no), in order. */
    public Map<String, Boolean> firmwareFeatures() {
      Map<String, Boolean> out = new LinkedHashMap<>();
      os.flatMap(o -> o.child("firmware")).ifPresent(f -> {
        for (Element e : f.all("feature")) {
          out.put(e.attrOrNull("name"), "yes".equals(e.attrOrNull("enabled")));
        }
      });
      return out;
    }

    public Optional<Element> firmwareElement() {
      return os.flatMap(o -> o.child("firmware"));
    }

    public Optional<Element> loader() {
      return os.flatMap(o -> o.child("loader"));
    }

    public Optional<Element> nvram() {
      return os.flatMap(o -> o.child("nvram"));
    }
  }

  /**
   * {@code <vcpu current='N'>MAX</vcpu>}.
   *
   * @param max the number in the text (null when not a number)
   * @param current {@code current}, or the maximum when absent
   */
  public record VcpuDef(Element element, Integer max, Integer current) {
    static VcpuDef of(Element e) {
      Integer max = parseInt(e.text());
      Integer cur = e.attr("current").map(DomainDefinition::parseInt).orElse(max);
      return new VcpuDef(e, max, cur);
    }
  }

  /** {@code <cpu mode match check migratable><model/><feature policy name/>...</cpu>}. */
  public record CpuDef(Element element, String mode, Optional<Element> model, String check,
      Optional<String> migratable, List<Element> features) {
    static CpuDef of(Element e) {
      // libvirt's default mode is custom when <model> is given (and when nothing is).
      return new CpuDef(e, e.attr("mode").orElse("custom"), e.child("model"),
          e.attrOrNull("check"), e.attr("migratable"), e.all("feature"));
    }

    public Optional<String> modelName() {
      return model.map(Element::text).filter(s -> !s.isEmpty());
    }
  }

  static Integer parseInt(String s) {
    try {
      return Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
