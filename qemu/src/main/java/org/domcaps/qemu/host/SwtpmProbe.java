// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How libvirt finds swtpm (virtpm.c): swtpm, swtpm_setup and swtpm_ioctl must all be in PATH and
 * be regular files with an x bit; the TPM versions are the {@code tpm-1.2} / {@code tpm-2.0}
 * features of {@code swtpm_setup --print-capabilities} (stdin /dev/null). A non-zero exit status
 * (an old swtpm) or unexpected JSON gives no versions.
 */
final class SwtpmProbe {
  static final List<String> BINARIES = List.of("swtpm", "swtpm_setup", "swtpm_ioctl");
  private static final Set<PosixFilePermission> EXEC_BITS = EnumSet.of(
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_EXECUTE);
  private static final ObjectMapper JSON = new ObjectMapper();

  private SwtpmProbe() {}

  public static Swtpm probe(ProgramSearch search) {
    String setup = null;
    for (String name : BINARIES) {
      Optional<String> p = search.find(name);
      if (p.isEmpty() || !isExecutableFile(Path.of(p.get()))) {
        return Swtpm.ABSENT;
      }
      if (name.equals("swtpm_setup")) {
        setup = p.get();
      }
    }
    return new Swtpm(true, versions(printCapabilities(setup)));
  }

  private static boolean isExecutableFile(Path p) {
    try {
      return Files.isRegularFile(p)
          && Files.getPosixFilePermissions(p).stream().anyMatch(EXEC_BITS::contains);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** stdout of {@code BINARY --print-capabilities}, empty when it failed or exited non-zero. */
  private static Optional<String> printCapabilities(String binary) {
    try {
      Process p = new ProcessBuilder(binary, "--print-capabilities")
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      String out =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return p.waitFor() == 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * virTPMExecGetCaps on swtpm_setup's output: {@code features} must be an array; a non-string
   * item stops the scan but keeps what was read before it (libvirt's error path returns the
   * partial bitmap).
   */
  static List<String> versions(Optional<String> output) {
    if (output.isEmpty()) {
      return List.of();
    }
    JsonNode features;
    try {
      features = JSON.readTree(output.get()).get("features");
    } catch (IOException e) {
      return List.of();
    }
    if (features == null || !features.isArray()) {
      return List.of();
    }
    boolean v12 = false;
    boolean v20 = false;
    for (JsonNode item : features) {
      if (!item.isTextual()) {
        break;
      }
      v12 |= item.textValue().equals("tpm-1.2");
      v20 |= item.textValue().equals("tpm-2.0");
    }
    List<String> out = new ArrayList<>();
    if (v12) {
      out.add("1.2");
    }
    if (v20) {
      out.add("2.0");
    }
    return out;
  }
}
