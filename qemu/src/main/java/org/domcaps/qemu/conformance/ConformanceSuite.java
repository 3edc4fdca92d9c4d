// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.conformance;

import org.domcaps.model.LibvirtVersion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.qemu.build.DomainCapsBuilder;
import org.domcaps.qemu.build.Machines;
import org.domcaps.qemu.build.ResolvedRequest;
import org.domcaps.qemu.build.VirtType;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.firmware.FirmwareCapsResolver;
import org.domcaps.qemu.firmware.FirmwareRoots;
import org.domcaps.qemu.firmware.FirmwareWarnings;
import org.domcaps.qemu.firmware.OsFirmwareCapabilities;

/**
 * Regenerates libvirt's recorded domain-capabilities goldens and compares them byte for byte.
 *
 * <p>The directory is laid out like libvirt's test data: {@code domaincaps/qemu_*.xml} goldens,
 * {@code replies/caps_V.ARCH.replies} recordings and optionally {@code qemucaps/caps_V.ARCH.xml}
 * (used when a golden's recording is missing). Each golden's request comes from its file name
 * ({@link GoldenName}); the host is the one libvirt's harness fakes ({@link HarnessHost}).
 */
public final class ConformanceSuite {
  private ConformanceSuite() {}

  /**
   * @param dir the suite directory
   * @param firmwareRoot a tree holding {@code usr/share/qemu/firmware}, {@code etc/qemu/firmware}
   *     and {@code home/user/.config/qemu/firmware}; empty for no descriptors at all
   */
  public static ConformanceReport run(Path dir, Optional<Path> firmwareRoot) throws IOException {
    return run(dir, firmwareRoot, releaseOf(dir));
  }

  /**
   * The release a suite directory is of, from its name ({@code libvirt-11.3.0}); 9.0.0 when the
   * name says none.
   *
   * @throws IllegalArgumentException when the name gives a release domcaps does not answer as
   */
  public static LibvirtVersion releaseOf(Path dir) {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("libvirt-([0-9]+\\.[0-9]+(?:\\.[0-9]+)?)")
        .matcher(name == null ? "" : name.toString());
    if (!m.matches()) {
      return LibvirtVersion.V9_0;
    }
    LibvirtVersion v = LibvirtVersion.parse(m.group(1));
    if (!LibvirtVersion.SUPPORTED.contains(v)) {
      throw new IllegalArgumentException("suite " + dir + " is of libvirt " + v
          + ", which domcaps does not answer as (expected one of "
              + LibvirtVersion.SUPPORTED + ")");
    }
    return v;
  }

  /** As {@link #run(Path, Optional)}, regenerating as the libvirt release {@code libvirt}. */
  public static ConformanceReport run(Path dir, Optional<Path> firmwareRoot, LibvirtVersion libvirt)
      throws IOException {
    Path goldens = dir.resolve("domaincaps");
    if (!Files.isDirectory(goldens)) {
      throw new IOException("no domaincaps/ directory in " + dir
          + " (expected libvirt's layout: domaincaps/, replies/, optionally qemucaps/)");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(goldens)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
    }
    FirmwareRoots roots = firmwareRoot
        .map(r -> FirmwareRoots.relocated(r, false, HarnessHost.USER_CONFIG_DIR))
        .orElse(FirmwareRoots.of());
    FirmwareCapsResolver firmware = new FirmwareCapsResolver(roots, FirmwareWarnings.IGNORE);
    List<ConformanceReport.Result> results = new ArrayList<>();
    for (Path golden : files) {
      results.add(check(dir, golden, firmware, libvirt));
    }
    return new ConformanceReport(results);
  }

  private static ConformanceReport.Result check(Path dir, Path golden, FirmwareCapsResolver fw,
      LibvirtVersion libvirt) {
    String name = golden.getFileName().toString();
    Optional<GoldenName> request = GoldenName.parse(name);
    if (request.isEmpty()) {
      return failed(name, "file name does not follow qemu_VERSION[-tcg][-MACHINE].ARCH.xml");
    }
    String actual;
    String expected;
    try {
      expected = Files.readString(golden, StandardCharsets.UTF_8);
      actual = DomainCapabilitiesXml.format(regenerate(dir, request.get(), fw, libvirt));
    } catch (IOException | RuntimeException e) {
      return failed(name, "cannot regenerate: " + e.getMessage());
    }
    return new ConformanceReport.Result(name, expected.equals(actual),
        TextComparison.withoutCpu(expected).equals(TextComparison.withoutCpu(actual)),
        TextComparison.firstDifference(expected, actual));
  }

  private static ConformanceReport.Result failed(String name, String why) {
    return new ConformanceReport.Result(name, false, false, Optional.of(why));
  }

  /** One golden's document, as libvirt's harness fills it. */
  static DomainCapabilities regenerate(Path dir, GoldenName g, FirmwareCapsResolver fw)
      throws IOException {
    return regenerate(dir, g, fw, LibvirtVersion.V9_0);
  }

  static DomainCapabilities regenerate(Path dir, GoldenName g, FirmwareCapsResolver fw,
      LibvirtVersion libvirt) throws IOException {
    String binary = "/usr/bin/qemu-system-" + g.arch();
    QemuCaps caps = RecordedCaps.load(dir, g, binary, libvirt);
    // The harness resolves the machine in the record of the binary's own type, not the
    // requested one (domaincapstest.c), and prints no refusal: it fills whatever results.
    String capsVirtType = caps.has("kvm") ? VirtType.KVM : VirtType.QEMU;
    String machine = g.machine()
        .map(m -> Machines.canonical(caps, capsVirtType, m))
        .orElseGet(() -> Machines.preferred(caps, capsVirtType).orElse(null));
    ResolvedRequest request = new ResolvedRequest(binary, g.arch(), g.virtType(), machine, caps);
    HarnessHost host = HarnessHost.of(g.arch(), g.version());
    OsFirmwareCapabilities os = fw.osCapabilities(g.arch(), machine == null ? "" : machine)
        .withLoaderValues(HarnessHost.loaderValues(libvirt));
    return DomainCapsBuilder.build(request, host.fillFacts(request), os,
        HarnessCpu.section(request));
  }
}
