// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu.map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Converts libvirt's CPU map ({@code src/cpu_map} of libvirt 9.0.0, installed by Debian's
 * {@code libvirt0} as {@code /usr/share/libvirt/cpu_map}) into the compact text resources
 * {@code x86-cpu-map.txt} and {@code ppc64-cpu-map.txt} read by {@link X86CpuMap} and
 * {@link Ppc64CpuMap}.
 *
 * <p>Usage (after {@code mvn -pl qemu -am test-compile}):
 * {@code java -cp qemu/target/test-classes org.domcaps.qemu.cpu.map.CpuMapGenerator
 * /usr/share/libvirt/cpu_map qemu/src/main/resources/org/domcaps/qemu/cpu}
 *
 * <p>The run-time representation keeps features as names because in libvirt 9.0.0 every x86
 * feature is exactly one CPUID/MSR bit and no two features share one; the generator refuses data
 * for which that no longer holds, since set-of-names arithmetic would then differ from libvirt's
 * bit arithmetic.
 */
public final class CpuMapGenerator {
  private static final String[] CPUID_REGS = {"eax", "ebx", "ecx", "edx"};
  private static final String[] MSR_REGS = {"eax", "edx"};

  private final Path mapDir;
  private final String release;

  public CpuMapGenerator(Path mapDir) {
    this(mapDir, "9.0.0");
  }

  /** @param release the libvirt release the map belongs to, named in the resources' header */
  public CpuMapGenerator(Path mapDir, String release) {
    this.mapDir = mapDir;
    this.release = release;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2 && args.length != 3) {
      System.err.println("usage: CpuMapGenerator CPU_MAP_DIR OUTPUT_DIR [LIBVIRT_RELEASE]");
      System.exit(2);
    }
    CpuMapGenerator g = new CpuMapGenerator(Path.of(args[0]), args.length == 3 ? args[2] : "9.0.0");
    Path out = Path.of(args[1]);
    Files.writeString(out.resolve("x86-cpu-map.txt"), g.x86(), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("ppc64-cpu-map.txt"), g.ppc64(), StandardCharsets.UTF_8);
  }

  /** The x86 resource text. */
  public String x86() {
    StringBuilder out = header("x86");
    out.append("# vendor NAME CPUID-VENDOR-STRING\n")
        .append("# feature NAME cpuid LEAF SUBLEAF REG BIT [nonmigratable]\n")
        .append("# feature NAME msr INDEX REG BIT [nonmigratable]\n")
        .append("# model NAME VENDOR|- host-decode guest-decode (on|off)\n")
        .append("#   sig FAMILY MODEL [STEPPINGS]   features NAME...   removed NAME...\n")
        .append("#   check compat   (check='partial' compares with the CPU map, not by QEMU's"
            + " blockers)\n")
        .append("#   added NAME...   (features added to the model later: not part of its data)\n")
        .append("#   canonical-of MODEL   (this model only renames MODEL: MODEL's canonical"
            + " name)\n");
    Map<String, ModelData> models = new LinkedHashMap<>();
    Set<String> features = new LinkedHashSet<>();
    Map<String, String> bitOwner = new HashMap<>();
    for (Element file : includes("x86")) {
      for (Element v : children(file, "vendor")) {
        String s = v.getAttribute("string");
        if (s.length() != 12) {
          throw new IllegalArgumentException("x86 vendor string \"" + s
              + "\" is not 12 characters");
        }
        out.append("vendor ").append(v.getAttribute("name")).append(' ').append(s).append('\n');
      }
      for (Element f : children(file, "feature")) {
        String name = f.getAttribute("name");
        String bit = featureBit(f);
        String prev = bitOwner.putIfAbsent(bit, name);
        if (prev != null) {
          throw new IllegalArgumentException("features " + prev + " and " + name + " share " + bit);
        }
        features.add(name);
        out.append("feature ").append(name).append(' ').append(bit);
        if ("no".equals(f.getAttribute("migratable"))) {
          out.append(" nonmigratable");
        }
        out.append('\n');
      }
      for (Element m : children(file, "model")) {
        ModelData md = model(m, models, features);
        models.put(md.name, md);
        md.appendTo(out);
      }
    }
    return out.toString();
  }

  /** The ppc64 resource text. */
  public String ppc64() {
    StringBuilder out = header("ppc64");
    out.append("# vendor NAME\n# model NAME VENDOR|- pvr VALUE/MASK...\n");
    for (Element file : includes("ppc64")) {
      for (Element v : children(file, "vendor")) {
        out.append("vendor ").append(v.getAttribute("name")).append('\n');
      }
      for (Element m : children(file, "model")) {
        out.append("model ").append(m.getAttribute("name")).append(' ');
        List<Element> vendor = children(m, "vendor");
        out.append(vendor.isEmpty() ? "-" : vendor.get(0).getAttribute("name")).append(" pvr");
        for (Element p : children(m, "pvr")) {
          out.append(' ')
              .append(hex(p.getAttribute("value")))
              .append('/')
              .append(hex(p.getAttribute("mask")));
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  private StringBuilder header(String arch) {
    return new StringBuilder()
        .append("# domcaps ").append(arch).append(" CPU map. Generated by ")
        .append("org.domcaps.qemu.cpu.map.CpuMapGenerator from libvirt ").append(release)
        .append(" src/cpu_map\n")
        .append("# (LGPL-2.1-or-later); do not edit, see README.md beside this file.\n");
  }

  private static String featureBit(Element f) {
    List<Element> items = new ArrayList<>(children(f, "cpuid"));
    items.addAll(children(f, "msr"));
    if (items.size() != 1) {
      throw new IllegalArgumentException(
          "feature " + f.getAttribute("name") + " has " + items.size()
          + " cpuid/msr items, expected 1");
    }
    Element it = items.get(0);
    boolean cpuid = it.getTagName().equals("cpuid");
    String where = cpuid
        ? "cpuid " + hex(it.getAttribute("eax_in")) + ' ' + hex(it.getAttribute("ecx_in"))
        : "msr " + hex(it.getAttribute("index"));
    String found = null;
    for (String reg : cpuid ? CPUID_REGS : MSR_REGS) {
      long v = number(it.getAttribute(reg));
      if (v == 0) {
        continue;
      }
      if (Long.bitCount(v) != 1 || found != null) {
        throw new IllegalArgumentException(
            "feature " + f.getAttribute("name") + " is not a single bit (" + reg + "="
            + it.getAttribute(reg) + ")");
      }
      found = reg + ' ' + Long.numberOfTrailingZeros(v);
    }
    if (found == null) {
      throw new IllegalArgumentException("feature " + f.getAttribute("name") + " has no bit set");
    }
    return where + ' ' + found;
  }

  private static ModelData model(Element m, Map<String, ModelData> known, Set<String> features) {
    ModelData md = new ModelData(m.getAttribute("name"));
    List<Element> decode = children(m, "decode");
    if (decode.size() != 1) {
      throw new IllegalArgumentException("model " + md.name + " needs one <decode>");
    }
    md.decode = decode.get(0).getAttribute("host") + ' ' + decode.get(0).getAttribute("guest");
    for (Element check : children(m, "check")) {
      // libvirt 10.x on (x86ModelParseCheck): the one value is "compat"; not inherited.
      if (!check.getAttribute("partial").equals("compat")) {
        throw new IllegalArgumentException("model " + md.name
            + ": expected <check partial='compat'/>,"
            + " got partial='" + check.getAttribute("partial") + "'");
      }
      md.compatCheck = true;
    }
    List<Element> ancestors = children(m, "model");
    boolean changed = !children(m, "signature").isEmpty() || !children(m, "vendor").isEmpty()
        || !children(m, "feature").isEmpty();
    if (ancestors.size() == 1 && !changed) {
      // x86ModelParse: a model that only names its ancestor is the ancestor's canonical name.
      md.aliasOf = ancestors.get(0).getAttribute("name");
    }
    for (Element ancestor : ancestors) {
      // libvirt copies vendor, signatures and feature bits of the ancestor; not its removed list.
      ModelData a = known.get(ancestor.getAttribute("name"));
      if (a == null) {
        throw new IllegalArgumentException("model " + md.name + ": unknown ancestor "
            + ancestor.getAttribute("name"));
      }
      md.vendor = a.vendor;
      md.sigs.addAll(a.sigs);
      md.features.addAll(a.features);
    }
    List<Element> sigs = children(m, "signature");
    if (!sigs.isEmpty()) {
      md.sigs.clear();
      for (Element s : sigs) {
        String st = s.getAttribute("stepping");
        md.sigs.add(s.getAttribute("family") + ' ' + s.getAttribute("model")
            + (st.isEmpty() ? "" : " " + st));
      }
    }
    for (Element v : children(m, "vendor")) {
      md.vendor = v.getAttribute("name");
    }
    for (Element f : children(m, "feature")) {
      String name = f.getAttribute("name");
      if (!features.contains(name)) {
        throw new IllegalArgumentException("model " + md.name + " uses unknown feature " + name);
      }
      if ("yes".equals(f.getAttribute("removed"))) {
        md.removed.add(name);
      } else if ("yes".equals(f.getAttribute("added"))) {
        // libvirt 10.x on: listed for the compatibility check, not part of the model's data.
        md.added.add(name);
      } else {
        md.features.add(name);
      }
    }
    return md;
  }

  private List<Element> includes(String arch) {
    Element index = parse(mapDir.resolve("index.xml"));
    for (Element a : children(index, "arch")) {
      if (a.getAttribute("name").equals(arch)) {
        List<Element> files = new ArrayList<>();
        addIncludes(a, files);
        return files;
      }
    }
    throw new IllegalArgumentException("index.xml in " + mapDir + " has no arch " + arch);
  }

  /**
   * The include elements in document order, also those inside {@code <group>} (libvirt 10.x on).
   */
  private void addIncludes(Element parent, List<Element> files) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals("include")) {
        files.add(parse(mapDir.resolve(e.getAttribute("filename"))));
      } else if (n instanceof Element e && e.getTagName().equals("group")) {
        addIncludes(e, files);
      }
    }
  }

  private static Element parse(Path file) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      return b.parse(file.toFile()).getDocumentElement();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalArgumentException("cannot parse CPU map file " + file + ": "
          + e.getMessage(), e);
    }
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        out.add(e);
      }
    }
    return out;
  }

  private static long number(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    return s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
  }

  private static String hex(String s) {
    return String.format("0x%08x", number(s));
  }

  private static final class ModelData {
    final String name;
    String decode;
    String vendor;
    String aliasOf;
    boolean compatCheck;
    final List<String> sigs = new ArrayList<>();
    final Set<String> features = new LinkedHashSet<>();
    final List<String> removed = new ArrayList<>();
    final List<String> added = new ArrayList<>();

    ModelData(String name) {
      this.name = name;
    }

    void appendTo(StringBuilder out) {
      out.append("model ").append(name).append(' ').append(vendor == null ? "-" : vendor)
          .append(' ').append(decode).append('\n');
      if (compatCheck) {
        out.append("  check compat\n");
      }
      for (String s : sigs) {
        out.append("  sig ").append(s).append('\n');
      }
      out.append("  features");
      features.forEach(f -> out.append(' ').append(f));
      out.append('\n');
      if (!removed.isEmpty()) {
        out.append("  removed");
        removed.forEach(f -> out.append(' ').append(f));
        out.append('\n');
      }
      if (!added.isEmpty()) {
        out.append("  added");
        added.forEach(f -> out.append(' ').append(f));
        out.append('\n');
      }
      if (aliasOf != null) {
        out.append("  canonical-of ").append(aliasOf).append('\n');
      }
    }
  }
}
