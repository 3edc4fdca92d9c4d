// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.firmware;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Answers the {@code <os>} element for a requested arch and canonical machine, re-reading the
 * descriptors on every call as libvirt does (qemuFirmwareGetSupported +
 * virQEMUCapsFillDomainOSCaps).
 *
 * <p>One deliberate difference from libvirt 9.0.0: a descriptor that libvirt cannot parse (or a
 * dangling descriptor symlink) fails libvirt's whole request; here it is skipped, reported to the
 * warnings sink with the file name and the reason, and the answer comes from the other files.
 */
public final class FirmwareCapsResolver {
  private final FirmwareRoots roots;
  private final ConfiguredFirmwares configured;
  private final Predicate<String> fileExists;
  private final FirmwareWarnings warnings;
  private final DescriptorMemo memo;

  /**
   * @param roots descriptor directories, lowest priority first
   * @param configured {@code cfg->firmwares}: the fallback loader list
   * @param fileExists libvirt's virFileExists for loader images (access F_OK, following links)
   * @param warnings where skipped files are reported
   */
  public FirmwareCapsResolver(
      FirmwareRoots roots,
      ConfiguredFirmwares configured,
      Predicate<String> fileExists,
      FirmwareWarnings warnings) {
    this(roots, configured, fileExists, warnings, DescriptorMemo.NONE);
  }

  private FirmwareCapsResolver(
      FirmwareRoots roots,
      ConfiguredFirmwares configured,
      Predicate<String> fileExists,
      FirmwareWarnings warnings,
      DescriptorMemo memo) {
    this.memo = Objects.requireNonNull(memo);
    this.roots = Objects.requireNonNull(roots);
    this.configured = Objects.requireNonNull(configured);
    this.fileExists = Objects.requireNonNull(fileExists);
    this.warnings = Objects.requireNonNull(warnings);
  }

  /** The real file system, libvirt's built-in loader list. */
  public FirmwareCapsResolver(FirmwareRoots roots, FirmwareWarnings warnings) {
    this(roots, ConfiguredFirmwares.builtIn(), FirmwareCapsResolver::exists, warnings);
  }

  /** libvirt's live setup for a daemon that is (or is not) privileged. */
  public static FirmwareCapsResolver live(boolean privileged, FirmwareWarnings warnings) {
    return new FirmwareCapsResolver(FirmwareRoots.live(privileged), warnings);
  }

  /** The same resolver, remembering parsed descriptors in {@code m}. */
  public FirmwareCapsResolver withMemo(DescriptorMemo m) {
    return new FirmwareCapsResolver(roots, configured, fileExists, warnings, m);
  }

  /** {@code cfg->firmwares}: the configured loader/NVRAM pairs (libvirt's built-in list). */
  public ConfiguredFirmwares configured() {
    return configured;
  }

  public FirmwareRoots roots() {
    return roots;
  }

  /** The parsed descriptors in libvirt's order; unparsable ones are reported and left out. */
  public List<FirmwareDescriptor> descriptors() {
    List<Path> files = DescriptorFiles.scan(roots, warnings).effective();
    String stamp = memo.stamp(files);
    if (stamp != null) {
      Optional<List<FirmwareDescriptor>> known = memo.recall(files, stamp);
      if (known.isPresent()) {
        return known.get();
      }
    }
    List<FirmwareDescriptor> out = new ArrayList<>();
    boolean allParsed = true;
    for (Path p : files) {
      try {
        out.add(FirmwareDescriptor.parse(p));
      } catch (FirmwareParseException e) {
        allParsed = false;
        warnings.warn(
            "ignoring firmware descriptor " + p + ": " + e.getMessage()
                + " (libvirt 9.0 fails the request here)");
      }
    }
    // Remember only what was parsed from files that did not change meanwhile.
    if (allParsed && stamp != null && stamp.equals(memo.stamp(files))) {
      memo.remember(files, stamp, out);
    }
    return out;
  }

  /**
   * The {@code <os>} capabilities for the requested arch (libvirt name, not the emulator's) and the
   * canonical machine name.
   */
  public OsFirmwareCapabilities osCapabilities(String arch, String machine) {
    boolean bios = false;
    boolean efi = false;
    boolean secure = false;
    List<LoaderNvram> candidates = new ArrayList<>();
    for (FirmwareDescriptor fw : descriptors()) {
      if (!fw.matches(arch, machine)) {
        continue;
      }
      bios |= fw.interfaces().contains("bios");
      efi |= fw.interfaces().contains("uefi");
      secure |= fw.hasFeature("requires-smm");
      if (fw.image().isPresent()) {
        LoaderNvram pair = new LoaderNvram(fw.image().get(), fw.nvramTemplate());
        if (!candidates.contains(pair)) {
          candidates.add(pair);
        }
      }
    }
    // libvirt means to return an empty list when descriptors exist but none matched, yet
    // VIR_REALLOC_N(ptr, 0) yields NULL, so an empty candidate list always falls back.
    List<LoaderNvram> source = candidates.isEmpty() ? configured.entries() : candidates;
    List<String> values = new ArrayList<>();
    for (LoaderNvram fw : source) {
      if (fileExists.test(fw.loader()) && !values.contains(fw.loader())) {
        values.add(fw.loader());
      }
    }
    return OsFirmwareCapabilities.of(bios, efi, secure, values);
  }

  private static boolean exists(String path) {
    try {
      return Files.exists(Path.of(path));
    } catch (InvalidPathException e) {
      return false; // a NUL byte: C's access() would see a shorter name; no such image here
    }
  }
}
