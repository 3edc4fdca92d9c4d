// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.domcaps.qemu.api.DomCapsRequest;
import org.domcaps.qemu.api.LiveOptions;
import org.domcaps.qemu.api.Options;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.testing.EmbeddedLibvirt;
import org.domcaps.qemu.testing.EmbeddedLibvirt113;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cpu-baseline and cpu-compare against libvirt 9.0.0 itself on this host: every distinct x86
 * host-model CPU of the shared goldens (libvirt 9.0 and 11.3), singly, in pairs and all of one
 * vendor together, with and without --features / --migratable, under kvm (the default) and qemu;
 * compare for each of them and for each of this host's custom models as a guest CPU (as it is,
 * and with its blockers disabled). Output,
 * errors and success are compared byte for byte. libvirt answers in a few batched sessions.
 */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class HypervisorCpuDifferentialTest {
  private static final Pattern HOST_MODEL =
      Pattern.compile("<mode name='host-model' supported='yes'>.*?</mode>", Pattern.DOTALL);
  private static final Pattern LIBVIRT_LOG = Pattern.compile(
      "(?m)^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+\\+\\d{4}: \\d+: \\w+ : .*\n");
  private static final Pattern VENDOR = Pattern.compile("<vendor>([^<]*)</vendor>");
  private static final List<List<String>> BASELINE_FLAGS =
      List.of(List.of(), List.of("--features"), List.of("--migratable"),
      List.of("--features", "--migratable"));

  @TempDir Path tmp;

  private VirshHypervisorCpu ours = new VirshHypervisorCpu();
  private final Map<String, HypervisorCpu> hypervisors = new LinkedHashMap<>();
  private final List<String> commands = new ArrayList<>();
  private final List<Supplier<VirshHypervisorCpu.Answer>> answers = new ArrayList<>();

  @Test
  void baselineAndCompareAreLibvirts() throws Exception {
    EmbeddedLibvirt.assumeAvailable();
    lookUpHypervisors(LibvirtVersion.V9_0);
    addCommands(true, true);
    Path root = tmp.resolve("root");
    Files.createDirectories(root);
    assertSameAs(VirshBatch.run(root, commands), "libvirt 9.0");
  }

  /**
   * cpu-baseline and cpu-compare against libvirt 11.3.0 (--libvirt 11.3: its CPU map with its
   * partial-check flags, its probe, its maxphysaddr, its qemuDomainCheckCPU), for every single
   * host-model CPU, the vendor groups and every custom model; pairs are the 9.0 test's.
   */
  @Test
  void baselineAndCompareAreLibvirt113s() throws Exception {
    EmbeddedLibvirt113.assumeAvailable();
    // 11.3's own schema (its launcher mounts its tree at /usr/share/libvirt for it).
    ours = new VirshHypervisorCpu(LibvirtVersion.V11_3).withCpuSchema(
        EmbeddedLibvirt113.tree().resolve("usr/share/libvirt/schemas/cpu.rng"));
    lookUpHypervisors(LibvirtVersion.V11_3);
    addCommands(false, true);
    // The embedded driver logs its warnings (x86Decode's "Preferred CPU model ... not allowed")
    // to virsh's stderr with a timestamp; under a daemon they go to the daemon's log, and so do
    // ours nowhere: they are not part of the answer.
    List<String> libvirt = VirshBatch.run113(tmp, EmbeddedLibvirt113.launcher(), commands).stream()
        .map(t -> LIBVIRT_LOG.matcher(t).replaceAll("")).toList();
    assertSameAs(libvirt, "libvirt 11.3");
  }

  private void lookUpHypervisors(LibvirtVersion libvirt) throws Exception {
    Options options = LiveOptions.forThisHost(w -> { }, Optional.empty(), libvirt);
    for (String virtType : List.of("", "qemu")) {
      hypervisors.put(virtType, HypervisorCpu.lookup(
          DomCapsRequest.of(null, null, null, virtType.isEmpty() ? null : virtType), options));
    }
  }

  private void addCommands(boolean pairs, boolean compares) throws IOException {
    Map<String, Path> singles = distinctHostModels();
    assertThat(singles).hasSizeGreaterThan(10);
    for (Path f : singles.values()) {
      for (String virtType : hypervisors.keySet()) {
        for (List<String> flags : BASELINE_FLAGS) {
          baseline(f, virtType, flags);
        }
        if (compares) {
          compare(f, virtType, false);
          compare(f, virtType, true);
        }
      }
    }
    List<Path> files = new ArrayList<>(singles.values());
    for (int i = 0; pairs && i < files.size(); i++) {
      for (int j = i + 1; j < files.size(); j++) {
        Path pair = together("pair-" + i + "-" + j, List.of(files.get(i), files.get(j)));
        baseline(pair, "", List.of());
        baseline(pair, "", List.of("--features", "--migratable"));
      }
    }
    for (Map.Entry<String, List<Path>> group : byVendor(singles).entrySet()) {
      Path all = together("vendor-" + group.getKey(), group.getValue());
      for (String virtType : hypervisors.keySet()) {
        for (List<String> flags : BASELINE_FLAGS) {
          baseline(all, virtType, flags);
        }
      }
    }
    if (!compares) {
      return;
    }
    for (Path f : schemaCases()) {
      for (String virtType : hypervisors.keySet()) {
        compareValidated(f, virtType);
      }
    }
    for (Path f : files.subList(0, Math.min(6, files.size()))) {
      compareValidated(f, "qemu"); // domain capabilities: the host-model <mode> renamed
    }
    for (String virtType : hypervisors.keySet()) {
      for (HypervisorModel m : hypervisors.get(virtType).models()) {
        Path cpu = tmp.resolve("model-" + m.name() + ".xml");
        Files.writeString(cpu, "<cpu>\n  <model>" + m.name() + "</model>\n</cpu>\n");
        compare(cpu, virtType, false);
        compare(cpu, virtType, true);
        if (!m.blockers().isEmpty()) {
          // libvirt 11.3 lets an unusable model through when the CPU disables its blockers.
          compare(withDisabled(m, m.blockers(), virtType + "all"), virtType, false);
          compare(withDisabled(m, m.blockers().subList(1, m.blockers().size()),
              virtType + "but-first"),
              virtType, true);
        }
      }
    }
  }

  private Path withDisabled(HypervisorModel m, List<String> features, String name)
      throws IOException {
    StringBuilder sb = new StringBuilder("<cpu>\n  <model>").append(m.name()).append("</model>\n");
    features.forEach(f -> sb.append("  <feature policy='disable' name='").append(f)
        .append("'/>\n"));
    return Files.writeString(tmp.resolve("model-" + m.name() + "-disable-" + name + ".xml"),
        sb.append("</cpu>\n").toString());
  }

  private void assertSameAs(List<String> libvirt, String release) {
    List<String> mismatches = new ArrayList<>();
    Map<String, Integer> kinds = new TreeMap<>();
    int failures = 0;
    for (int i = 0; i < commands.size(); i++) {
      VirshHypervisorCpu.Answer a = answers.get(i).get();
      String mine = a.err() + a.out();
      boolean libvirtFailed = libvirt.get(i).contains("error: ") || libvirt.get(i)
          .contains(" is incompatible with ");
      failures += libvirtFailed ? 1 : 0;
      kinds.merge(kind(commands.get(i), libvirt.get(i)), 1, Integer::sum);
      if (!mine.equals(libvirt.get(i)) || (a.status() != 0) != libvirtFailed) {
        mismatches.add("virsh " + commands.get(i) + "\n--- libvirt\n" + libvirt.get(i)
            + "--- domcaps (status "
            + a.status() + ")\n" + mine);
      }
    }
    System.out.println("HypervisorCpuDifferentialTest: "
        + (commands.size() - mismatches.size()) + "/"
        + commands.size() + " identical to " + release + " (" + failures
            + " of them refusals or incompatible)");
    kinds.forEach((k, n) -> System.out.println("  " + n + "\t" + k));
    assertThat(mismatches).as("answers that differ from libvirt's").isEmpty();
  }

  /** The command and the gist of libvirt's answer: its last error line, else its first line. */
  private static String kind(String command, String answer) {
    String gist = answer.lines().filter(l -> l.startsWith("error: ")).reduce((a, b) -> b)
        .orElse(answer.lines().findFirst().orElse(""));
    gist = gist.replaceAll(" with .*$", "").replaceAll("described in \\S+", "described in FILE")
        .replaceAll("features: .*", "features: ...").replaceAll("(feature|model) \\S+$", "$1 X")
        .replaceAll("<model fallback='(\\w+)'>.*", "<model fallback='$1'>");
    return command.split(" ")[0] + ": " + gist;
  }

  private void baseline(Path file, String virtType, List<String> flags) {
    commands.add(command("hypervisor-cpu-baseline", file, virtType, flags));
    HypervisorCpu hv = hypervisors.get(virtType);
    answers.add(() ->
        ours.baseline(file, () -> hv, flags.contains("--features"),
            flags.contains("--migratable")));
  }

  private void compare(Path file, String virtType, boolean error) {
    commands.add(
        command("hypervisor-cpu-compare", file, virtType, error ? List.of("--error") : List.of()));
    HypervisorCpu hv = hypervisors.get(virtType);
    answers.add(() -> ours.compare(file, () -> hv, error));
  }

  /** --validate: libvirt's schema check, its messages (libxml2's) and status. */
  private void compareValidated(Path file, String virtType) {
    commands.add(command("hypervisor-cpu-compare", file, virtType, List.of("--validate")));
    HypervisorCpu hv = hypervisors.get(virtType);
    answers.add(() -> ours.compare(file, () -> hv, false, true));
  }

  /** CPU definitions cpu.rng refuses, each for another reason, and some it accepts. */
  private List<Path> schemaCases() throws IOException {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("unknown-attribute", "<cpu mode='custom' match='exact' bogus='1'>\n"
        + "  <model fallback='forbid'>qemu64</model>\n</cpu>\n");
    cases.put("unknown-element", "<cpu mode='custom' match='exact'>\n  <model>qemu64</model>\n"
        + "  <frobnicate/>\n</cpu>\n");
    cases.put("bad-policy", "<cpu match='exact'>\n  <model>qemu64</model>\n"
        + "  <feature policy='maybe' name='vmx'/>\n</cpu>\n");
    cases.put("bad-mode", "<cpu mode='sideways'>\n  <model>qemu64</model>\n</cpu>\n");
    cases.put("host-without-arch", "<cpu>\n  <model>qemu64</model>\n  <vendor>Intel</vendor>\n"
        + "  <topology sockets='one' cores='1' threads='1'/>\n</cpu>\n");
    cases.put("domain-bad-check", "<domain type='kvm'><name>x</name><cpu mode='host-model' "
        + "check='sometimes'/></domain>\n");
    cases.put("valid-custom", "<cpu mode='custom' match='exact'>\n  <model fallback='allow'>"
        + "qemu64</model>\n  <feature policy='require' name='sse2'/>\n</cpu>\n");
    cases.put("valid-two",
        "<cpu><model>qemu64</model></cpu>\n<cpu><model>bogus</model><x/></cpu>\n");
    List<Path> out = new ArrayList<>();
    for (Map.Entry<String, String> c : cases.entrySet()) {
      out.add(Files.writeString(tmp.resolve("schema-" + c.getKey() + ".xml"), c.getValue()));
    }
    return out;
  }

  private static String command(String name, Path file, String virtType, List<String> flags) {
    StringBuilder sb = new StringBuilder(name).append(' ').append(file);
    if (!virtType.isEmpty()) {
      sb.append(" --virttype ").append(virtType);
    }
    flags.forEach(f -> sb.append(' ').append(f));
    return sb.toString();
  }

  /** One golden per distinct host-model CPU, keyed by that CPU's text. */
  private static Map<String, Path> distinctHostModels() throws IOException {
    Map<String, Path> out = new TreeMap<>();
    for (String version : List.of("libvirt-9.0.0", "libvirt-11.3.0")) {
      Path dir = SharedData.root().resolve("conformance").resolve(version).resolve("domaincaps");
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.getFileName().toString().contains(".x86_64")).sorted()
            .toList()) {
          Matcher m = HOST_MODEL.matcher(Files.readString(f));
          if (m.find()) {
            out.putIfAbsent(m.group(), f);
          }
        }
      }
    }
    return out;
  }

  private static Map<String, List<Path>> byVendor(Map<String, Path> singles) {
    Map<String, List<Path>> out = new TreeMap<>();
    singles.forEach((text, file) -> {
      Matcher v = VENDOR.matcher(text);
      out.computeIfAbsent(v.find() ? v.group(1) : "none", k -> new ArrayList<>()).add(file);
    });
    return out;
  }

  /** Several documents in one file, as virsh accepts them. */
  private Path together(String name, List<Path> docs) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Path d : docs) {
      sb.append(Files.readString(d));
    }
    Path f = tmp.resolve(name + ".xml");
    Files.writeString(f, sb);
    return f;
  }

}
