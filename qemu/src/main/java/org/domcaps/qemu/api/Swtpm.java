// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * swtpm as libvirt sees it (virtpm.c): present when {@code swtpm}, {@code swtpm_setup} and
 * {@code swtpm_ioctl} are all in the search path as executable regular files; its TPM versions
 * come from {@code swtpm_setup --print-capabilities}.
 */
final class Swtpm {
  private static final List<String> TOOLS = List.of("swtpm", "swtpm_setup", "swtpm_ioctl");

  private final ProgramSearchPath search;
  private final Path memo;

  Swtpm(ProgramSearchPath search) {
    this(search, null);
  }

  /**
   * @param memo a file remembering the versions across processes while the three tools stay the
   *     same files (libvirt keeps them in memory and re-runs swtpm_setup when a tool's mtime
   *     changes); null to ask swtpm_setup every time
   */
  Swtpm(ProgramSearchPath search, Path memo) {
    this.search = search;
    this.memo = memo;
  }

  /** Empty without swtpm; else the versions offered (empty when the tool says nothing usable). */
  Optional<List<String>> versions() {
    String setup = null;
    StringBuilder key = new StringBuilder();
    for (String tool : TOOLS) {
      Optional<String> p = search.find(tool);
      if (p.isEmpty() || !Files.isRegularFile(Path.of(p.get()))) {
        return Optional.empty();
      }
      if (tool.equals("swtpm_setup")) {
        setup = p.get();
      }
      key.append(p.get()).append(' ').append(state(Path.of(p.get()))).append('|');
    }
    if (memo != null) {
      try {
        List<String> lines = Files.readAllLines(memo);
        if (lines.size() == 2 && lines.get(0).equals(key.toString())) {
          return Optional.of(lines.get(1).isEmpty() ? List.of() : List.of(lines.get(1).split(",")));
        }
      } catch (IOException | RuntimeException e) {
        // not remembered (yet): ask the tool
      }
    }
    List<String> versions = printCapabilities(setup);
    if (memo != null) {
      try {
        Files.createDirectories(memo.getParent());
        Path tmp = Files.createTempFile(memo.getParent(), memo.getFileName().toString(), ".tmp");
        Files.writeString(tmp, key + "\n" + String.join(",", versions) + "\n");
        Files.move(tmp, memo, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | RuntimeException e) {
        // only the speed-up is lost
      }
    }
    return Optional.of(versions);
  }

  private static String state(Path p) {
    try {
      java.util.Map<String, Object> a =
          Files.readAttributes(p, "unix:size,lastModifiedTime,ctime,ino");
      return a.get("size") + "/" + a.get("lastModifiedTime") + "/" + a.get("ctime") + "/"
          + a.get("ino");
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static List<String> printCapabilities(String setup) {
    JsonNode features;
    try {
      Process p = new ProcessBuilder(setup, "--print-capabilities")
          .redirectInput(new File("/dev/null"))
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return List.of();
      }
      features = new ObjectMapper().readTree(out).path("features");
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
    List<String> versions = new ArrayList<>();
    if (!features.isArray()) {
      return versions;
    }
    for (JsonNode f : features) {
      if (f.asText().equals("tpm-1.2") && !versions.contains("1.2")) {
        versions.add("1.2");
      }
    }
    for (JsonNode f : features) {
      if (f.asText().equals("tpm-2.0") && !versions.contains("2.0")) {
        versions.add("2.0");
      }
    }
    return versions;
  }
}
