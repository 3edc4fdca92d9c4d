// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Makes executable stand-ins for QEMU in a test's temp dir: shell scripts that {@code exec} the
 * {@link FakeQemu} main with a scenario, plus a report file where the fake writes its pid.
 *
 * @param script the executable to hand to the launcher
 * @param report where the fake writes {@code pid=N} / {@code child=M}
 */
public record FakeQemuBinary(Path script, Path report) {

  public static FakeQemuBinary create(Path dir, FakeQemu.Scenario scenario) throws IOException {
    Path script = dir.resolve("fake-qemu-" + scenario.name().toLowerCase());
    Path report = dir.resolve("fake-qemu-" + scenario.name().toLowerCase() + ".report");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String text =
        "#!/bin/sh\nexec "
            + quote(java)
            + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -cp "
            + quote(classPath())
            + " "
            + FakeQemu.class.getName()
            + " "
            + scenario.name()
            + " "
            + quote(report.toString())
            + " \"$@\"\n";
    Executables.write(script, text);
    return new FakeQemuBinary(script, report);
  }

  /** A shell script that is not QEMU at all (exits 0 after printing a line). */
  public static Path shellScript(Path dir) throws IOException {
    Path script = dir.resolve("not-qemu.sh");
    Executables.write(script, "#!/bin/sh\necho \"I am a shell script, not QEMU\"\nexit 0\n");
    return script;
  }

  /**
   * The argument of the {@code sleep} a {@link FakeQemu.Scenario#DOUBLE_FORK_AND_HANG} fake
   * leaves behind: seconds (600.N), unique per report file, so the test can find that process.
   */
  public static String orphanMarker(Path report) {
    return "600." + Math.abs((long) report.toAbsolutePath().toString().hashCode());
  }

  /** The processes whose command line is {@code sleep MARKER} of this fake (its orphans). */
  public List<Long> orphans() {
    String wanted = "sleep\0" + orphanMarker(report) + "\0";
    try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
      return all.filter(h -> {
        try {
          return Files.readString(Path.of("/proc/" + h.pid() + "/cmdline"),
              java.nio.charset.StandardCharsets.ISO_8859_1).equals(wanted);
        } catch (IOException | RuntimeException e) {
          return false;
        }
      }).map(ProcessHandle::pid).toList();
    }
  }

  /** The fake's pid (and child pid, if any), as it reported them. */
  public Map<String, Long> reportedPids() throws IOException {
    if (!Files.exists(report)) {
      return Map.of();
    }
    return Files.readAllLines(report).stream()
        .filter(l -> l.contains("="))
        .collect(
            Collectors.toMap(
                l -> l.substring(0, l.indexOf('=')),
                l -> Long.parseLong(l.substring(l.indexOf('=') + 1).strip())));
  }


  private static String classPath() {
    return Stream.of(
            FakeQemu.class,
            ObjectMapper.class,
            JsonFactory.class,
            com.fasterxml.jackson.annotation.JsonProperty.class)
        .map(FakeQemuBinary::location)
        .distinct()
        .collect(Collectors.joining(":"));
  }

  private static String location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the class path entry of " + c, e);
    }
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
