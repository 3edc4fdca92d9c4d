// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.domcaps.check.Glob;
import org.domcaps.qemu.api.FirmwareDescriptors;
import org.domcaps.qemu.api.Options;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code domcaps firmware lint}: every descriptor libvirt would read on this host, checked for
 * what makes libvirt fail or silently skip it: malformed JSON or content libvirt refuses (it
 * then fails every request), image and NVRAM template files that do not exist, features libvirt
 * does not know (ignored), and machine globs matching no machine the arch's QEMU has.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = {"Check every firmware descriptor on this host: malformed JSON, missing files, "
          + "unknown features, machine globs that match nothing.",
        "Exit status: 0 no error (warnings allowed), 1 some descriptor is in error."})
public final class FirmwareLintCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Mixin CacheDirOption cache;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Options options = cache.liveOptions();
    Map<String, Optional<Set<String>>> machines = new HashMap<>();
    int errors = 0;
    List<Path> files = FirmwareDescriptors.files(options, w -> out.println("warning: " + w));
    for (Path f : files) {
      for (String[] problem : lint(f, options, machines)) {
        out.println(f + ": " + problem[0] + ": " + problem[1]);
        errors += problem[0].equals("error") ? 1 : 0;
      }
    }
    out.println(files.size() + " descriptors, " + errors + " errors");
    out.flush();
    return errors > 0 ? 1 : 0;
  }

  static List<String[]> lint(Path f, Options options, Map<String, Optional<Set<String>>> machines) {
    List<String[]> out = new ArrayList<>();
    Optional<String> refusal = FirmwareDescriptors.refusal(f);
    if (refusal.isPresent()) {
      out.add(new String[] {"error", "libvirt refuses it: " + refusal.get()});
      return out;
    }
    JsonNode doc;
    try {
      doc = JSON.readTree(f.toFile());
    } catch (IOException e) {
      out.add(new String[] {"error", "unreadable: " + e.getMessage()});
      return out;
    }
    JsonNode mapping = doc.path("mapping");
    for (String field : new String[] {"executable", "nvram-template"}) {
      String file = mapping.path(field).path("filename").asText(null);
      if (file != null && !Files.exists(Path.of(file))) {
        out.add(new String[] {"error", field + " " + file + " does not exist"});
      }
    }
    String mem = mapping.path("filename").asText(null);
    if (mem != null && !Files.exists(Path.of(mem))) {
      out.add(new String[] {"error", "image " + mem + " does not exist"});
    }
    for (JsonNode feat : doc.path("features")) {
      if (!FirmwareDescriptors.knownFeatures().contains(feat.asText())) {
        out.add(new String[] {"warning", "feature '" + feat.asText() + "' unknown to libvirt "
              + "9.0, which ignores it"});
      }
    }
    for (JsonNode t : doc.path("targets")) {
      String arch = libvirtArch(t.path("architecture").asText());
      Optional<Set<String>> known = machines.computeIfAbsent(arch,
          a -> FirmwareDescriptors.machines(options, a));
      if (known.isEmpty()) {
        out.add(new String[] {"warning", "no QEMU for target arch " + arch + " on this host"});
        continue;
      }
      for (JsonNode g : t.path("machines")) {
        if (known.get().stream().noneMatch(m -> Glob.matches(g.asText(), m))) {
          out.add(new String[] {"warning", "machine glob '" + g.asText() + "' matches no "
                + arch + " machine of " + FirmwareDescriptors.emulator(options, arch).orElse("?")});
        }
      }
    }
    return out;
  }

  /** Descriptors name QEMU's arch ({@code arm}, {@code i386}); libvirt's names differ. */
  private static String libvirtArch(String qemuArch) {
    return switch (qemuArch) {
      case "arm" -> "armv7l";
      case "i386" -> "i686";
      default -> qemuArch;
    };
  }
}
