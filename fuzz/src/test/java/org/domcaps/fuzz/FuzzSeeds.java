// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.domcaps.json.DomainCapabilitiesJson;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.qemu.cache.CapsSnapshot;
import org.domcaps.qemu.caps.QemuCapsXml;
import org.domcaps.qemu.qmp.QmpExchange;
import org.domcaps.qemu.qmp.QmpJson;
import org.domcaps.qemu.qmp.QmpProtocolException;
import org.domcaps.qemu.qmp.RepliesFile;

/**
 * The seed inputs of every target, read at run time from {@code ../shared} (never copied into the
 * repository): libvirt's domain capabilities documents, their JSON form, QEMU capability cache
 * documents and their binary snapshots, recorded QMP sessions and firmware descriptors. Run as a
 * program it writes one target's seeds into a corpus directory (what scripts/fuzz-*.sh give the
 * fuzzer).
 */
public final class FuzzSeeds {
  /** The entry state every snapshot seed and the snapshot target use. */
  static final String SNAPSHOT_STATE = "4096 1700000000000000000 42";

  private FuzzSeeds() {}

  static Path shared() {
    return Path.of(System.getProperty("domcaps.shared", "../shared"));
  }

  static Path conformance() {
    return shared().resolve("conformance").resolve("libvirt-9.0.0");
  }

  /** Regular files under {@code dir} whose names end in {@code suffix}, sorted; none if absent. */
  static List<Path> files(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .sorted()
          .toList();
    }
  }

  /** The seeds of one target as byte strings. */
  static List<byte[]> seeds(String target) throws IOException {
    List<byte[]> out = new ArrayList<>();
    switch (target) {
      case "xml" -> {
        for (Path p : domainCapsDocuments()) {
          out.add(Files.readAllBytes(p));
        }
      }
      case "json" -> {
        for (Path p : domainCapsDocuments()) {
          try {
            out.add(DomainCapabilitiesJson.write(DomainCapabilitiesXml.parse(p))
                .getBytes(StandardCharsets.UTF_8));
          } catch (Exception e) {
            // a document this version does not read makes no JSON seed
          }
        }
      }
      case "qemucaps" -> {
        for (Path p : files(conformance().resolve("qemucaps"), ".xml")) {
          out.add(Files.readAllBytes(p));
        }
      }
      case "snapshot" -> {
        for (Path p : files(conformance().resolve("qemucaps"), ".xml")) {
          try {
            out.add(CapsSnapshot.encode(QemuCapsXml.read(p), SNAPSHOT_STATE));
          } catch (Exception e) {
            // not a seed
          }
        }
      }
      case "replies" -> {
        // Runs of consecutive exchanges, each seed a few KiB: a whole recording (up to MBs)
        // would make every execution slow.
        for (Path p : files(conformance().resolve("replies"), ".replies")) {
          out.addAll(excerpts(Files.readString(p), false));
        }
      }
      case "qmp" -> {
        // The same runs as QEMU sends them: one compact JSON line each.
        for (Path p : files(conformance().resolve("replies"), ".replies")) {
          out.addAll(excerpts(Files.readString(p), true));
        }
      }
      case "firmware" -> {
        for (Path p : files(shared().resolve("conformance"), ".json")) {
          if (p.toString().contains("/firmware/")) {
            out.add(Files.readAllBytes(p));
          }
        }
      }
      default -> throw new IllegalArgumentException("unknown fuzz target " + target
          + " (expected xml, json, qemucaps, snapshot, replies, qmp or firmware)");
    }
    return out;
  }

  /** Seeds no larger than this; the fuzzer mutates within it too. */
  static final int MAX_SEED_BYTES = 8 * 1024;

  /**
   * A recording cut into runs of consecutive exchanges of at most {@link #MAX_SEED_BYTES}, in the
   * {@code .replies} layout or (wire) as the replies' compact lines; an exchange larger than the
   * bound is left out.
   */
  static List<byte[]> excerpts(String replies, boolean wire) {
    List<byte[]> out = new ArrayList<>();
    List<QmpExchange> exchanges;
    try {
      exchanges = RepliesFile.parse(replies, "seed");
    } catch (QmpProtocolException e) {
      return out;
    }
    List<QmpExchange> run = new ArrayList<>();
    int size = 0;
    for (QmpExchange e : exchanges) {
      int piece = wire(List.of(e), wire).length();
      if (piece > MAX_SEED_BYTES) {
        continue;
      }
      if (size + piece > MAX_SEED_BYTES) {
        out.add(wire(run, wire).getBytes(StandardCharsets.UTF_8));
        run.clear();
        size = 0;
      }
      run.add(e);
      size += piece + 1;
    }
    if (!run.isEmpty()) {
      out.add(wire(run, wire).getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String wire(List<QmpExchange> run, boolean wire) {
    if (!wire) {
      return RepliesFile.format(run);
    }
    StringBuilder b = new StringBuilder();
    run.forEach(e -> b.append(QmpJson.compact(e.reply())).append("\r\n"));
    return b.toString();
  }

  private static List<Path> domainCapsDocuments() throws IOException {
    List<Path> docs = new ArrayList<>(files(conformance().resolve("domaincaps"), ".xml"));
    docs.addAll(files(shared().resolve("oracle"), ".xml"));
    return docs;
  }

  /**
   * When fuzzing ({@code JAZZER_FUZZ} set), puts {@code target}'s seeds into the corpus directory
   * Jazzer generates for {@code test#method} ({@code .cifuzz-corpus/CLASS/METHOD} under the
   * module, git-ignored), so that the fuzzer starts from real documents. Called from each
   * target's {@code @BeforeAll}, which runs before the fuzzer reads that directory.
   */
  static void plantForFuzzing(Class<?> test, String method, String target) throws IOException {
    String fuzz = System.getenv("JAZZER_FUZZ");
    if (fuzz == null || fuzz.isEmpty()) {
      return;
    }
    Path dir = Path.of(".cifuzz-corpus", test.getName(), method);
    Files.createDirectories(dir);
    List<byte[]> seeds = fuzzingSeeds(target);
    for (int i = 0; i < seeds.size(); i++) {
      Files.write(dir.resolve("shared-seed-" + i), seeds.get(i));
    }
  }

  /**
   * The seeds a fuzzing run starts from: the documents thinned ({@link ThinnedXml}, at most four
   * of each repeated element) where the target reads whole documents, so that executions stay
   * fast; the small seeds of the other targets as they are. {@link #seeds} (whole documents) is
   * what the unit tests replay.
   */
  static List<byte[]> fuzzingSeeds(String target) throws IOException {
    return switch (target) {
      case "xml", "qemucaps" -> thinned(seeds(target));
      case "json" -> {
        List<byte[]> out = new ArrayList<>();
        for (byte[] x : thinned(seeds("xml"))) {
          try {
            out.add(DomainCapabilitiesJson.write(DomainCapabilitiesXml.parse(
                new String(x, StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8));
          } catch (Exception e) {
            // a thinned document the reader refuses makes no JSON seed
          }
        }
        yield out;
      }
      case "snapshot" -> {
        List<byte[]> out = new ArrayList<>();
        for (byte[] x : thinned(seeds("qemucaps"))) {
          try {
            out.add(CapsSnapshot.encode(QemuCapsXml.read(new String(x, StandardCharsets.UTF_8)),
                SNAPSHOT_STATE));
          } catch (Exception e) {
            // not a seed
          }
        }
        yield out;
      }
      default -> seeds(target);
    };
  }

  private static List<byte[]> thinned(List<byte[]> documents) {
    List<byte[]> out = new ArrayList<>();
    for (byte[] d : documents) {
      ThinnedXml.of(d, 4).ifPresent(out::add);
    }
    return out;
  }

  /** {@code FuzzSeeds TARGET DIR}: writes TARGET's seeds into DIR as seed-N files. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[1]);
    Files.createDirectories(dir);
    List<byte[]> seeds = seeds(args[0]);
    for (int i = 0; i < seeds.size(); i++) {
      Files.write(dir.resolve("seed-" + i), seeds.get(i));
    }
    System.out.println(seeds.size() + " seeds for " + args[0] + " in " + dir);
  }
}
