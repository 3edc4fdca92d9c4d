// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.firmware;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.domcaps.qemu.jackson.JacksonMinimum;
import org.domcaps.qemu.arch.LibvirtArch;
import org.domcaps.qemu.host.IoErrors;

/**
 * One parsed firmware descriptor, with what domain capabilities needs (qemuFirmwareParse).
 *
 * @param source the file it was read from
 * @param interfaces {@code interface-types}, each one of bios, openfirmware, uboot, uefi
 * @param device {@code mapping.device}: flash, kernel or memory
 * @param image the executable image (flash {@code executable.filename} or memory {@code
 *     filename}); empty for kernel mappings
 * @param nvramTemplate the split-flash {@code nvram-template.filename}
 * @param targets architectures (libvirt names) with their machine globs
 * @param features the feature names libvirt knows, in file order
 */
public record FirmwareDescriptor(
    Path source,
    List<String> interfaces,
    String device,
    Optional<String> image,
    Optional<String> nvramTemplate,
    List<Target> targets,
    List<String> features) {

  /** One {@code targets[]} entry; non-string machine entries never match, as in libvirt. */
  public record Target(String arch, List<String> machines) {
    public Target {
      machines = List.copyOf(machines);
    }

    boolean matches(String requestedArch, String machine) {
      return arch.equals(requestedArch)
          && machines.stream().anyMatch(glob -> MachineGlob.matches(glob, machine));
    }
  }

  static final long MAX_SIZE = 1024 * 1024;
  private static final Set<String> INTERFACES = Set.of("bios", "openfirmware", "uboot", "uefi");
  private static final Set<String> DEVICES = Set.of("flash", "kernel", "memory");
  private static final Set<String> FLASH_MODES = Set.of("split", "combined", "stateless");
  private static final Set<String> FEATURES =
      Set.of(
          "acpi-s3", "acpi-s4", "amd-sev", "amd-sev-es", "enrolled-keys", "requires-smm",
          "secure-boot", "verbose-dynamic", "verbose-static");



  public FirmwareDescriptor {
    interfaces = List.copyOf(interfaces);
    targets = List.copyOf(targets);
    features = List.copyOf(features);
  }

  /** The feature names libvirt 9.0 knows (qemuFirmwareFeature); others it ignores. */
  public static Set<String> knownFeatures() {
    return FEATURES;
  }

  public boolean hasFeature(String name) {
    return features.contains(name);
  }

  /** qemuFirmwareMatchesMachineArch: some target of this arch has a glob matching the machine. */
  public boolean matches(String arch, String machine) {
    return targets.stream().anyMatch(t -> t.matches(arch, machine));
  }

  /** Reads and checks one descriptor as libvirt 9.0.0 does. */
  public static FirmwareDescriptor parse(Path file) throws FirmwareParseException {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_SIZE) {
        throw new FirmwareParseException(
            file, "file '" + file + "' is larger than the 1 MiB libvirt reads");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new FirmwareParseException(
          file, "Failed to open file '" + file + "': " + IoErrors.describe(e));
    }
    DescriptorJson doc;
    try {
      doc = Json.MAPPER.readValue(bytes, DescriptorJson.class);
    } catch (JsonProcessingException e) {
      throw new FirmwareParseException(
          file, "unable to parse json file '" + file + "': " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new FirmwareParseException(
          file, "unable to parse json file '" + file + "': " + IoErrors.describe(e));
    }
    if (doc == null) {
      throw new FirmwareParseException(file, "unable to parse json file '" + file + "'");
    }
    return new Checker(file).check(doc);
  }

  /**
   * The mapper, built on first parse only: descriptors remembered by a {@link DescriptorMemo} are
   * constructed without loading Jackson databind.
   */
  private static final class Json {
    static {
      JacksonMinimum.require();
    }

    // libvirt's JSON parser (yajl) refuses duplicate keys and trailing data and never turns a
    // number or boolean into a string.
    static final JsonMapper MAPPER =
        JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .withCoercionConfig(
                LogicalType.Textual,
                c ->
                    c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();
  }

  /** libvirt's checks, in its order, on the bound JSON. */
  private static final class Checker {
    private final Path file;

    Checker(Path file) {
      this.file = file;
    }

    private FirmwareParseException fail(String message) {
      return new FirmwareParseException(file, message);
    }

    FirmwareDescriptor check(DescriptorJson doc) throws FirmwareParseException {
      if (doc.interfaceTypes() == null) {
        throw fail("failed to get interface-types from '" + file + "'");
      }
      for (String it : doc.interfaceTypes()) {
        if (it == null || !INTERFACES.contains(it)) {
          throw fail("unknown interface type: '" + (it == null ? "(null)" : it) + "'");
        }
      }
      DescriptorJson.Mapping m = doc.mapping();
      if (m == null) {
        throw fail("missing mapping in '" + file + "'");
      }
      if (m.device() == null) {
        throw fail("missing device type in '" + file + "'");
      }
      if (!DEVICES.contains(m.device())) {
        throw fail("unknown device type in '" + file + "'");
      }
      String image = null;
      String nvram = null;
      if (m.device().equals("flash")) {
        String mode = "split";
        if (m.mode() != null) {
          if (!m.mode().isTextual()) {
            throw fail("Firmware flash mode value was malformed");
          }
          mode = m.mode().textValue();
          if (!FLASH_MODES.contains(mode)) {
            throw fail("Firmware flash mode value '" + mode + "' unexpected");
          }
        }
        if (m.executable() == null) {
          throw fail("missing 'executable' in '" + file + "'");
        }
        image = flashFile(m.executable());
        if (mode.equals("split")) {
          if (m.nvramTemplate() == null) {
            throw fail("missing 'nvram-template' in '" + file + "'");
          }
          nvram = flashFile(m.nvramTemplate());
        }
      } else if (m.device().equals("memory") && m.filename() != null && m.filename().isTextual()) {
        // libvirt logs a missing memory filename but accepts the file without an image
        image = m.filename().textValue();
      }
      List<Target> targets = targets(doc.targets());
      if (doc.features() == null) {
        throw fail("failed to get features from '" + file + "'");
      }
      List<String> features = new ArrayList<>();
      for (JsonNode f : doc.features()) {
        if (f != null && f.isTextual() && FEATURES.contains(f.textValue())) {
          features.add(f.textValue()); // unknown names are ignored
        }
      }
      return new FirmwareDescriptor(
          file,
          doc.interfaceTypes(),
          m.device(),
          Optional.ofNullable(image),
          Optional.ofNullable(nvram),
          targets,
          features);
    }

    private String flashFile(JsonNode node) throws FirmwareParseException {
      JsonNode filename = node.get("filename");
      if (filename == null || !filename.isTextual()) {
        throw fail("missing 'filename' in '" + file + "'");
      }
      JsonNode format = node.get("format");
      if (format == null || !format.isTextual()) {
        throw fail("missing 'format' in '" + file + "'");
      }
      return filename.textValue();
    }

    private List<Target> targets(List<DescriptorJson.Target> json) throws FirmwareParseException {
      if (json == null) {
        throw fail("failed to get targets from '" + file + "'");
      }
      List<Target> out = new ArrayList<>();
      for (DescriptorJson.Target t : json) {
        if (t == null || t.architecture() == null) {
          throw fail("missing 'architecture' in '" + file + "'");
        }
        Optional<String> arch = LibvirtArch.fromQemu(t.architecture());
        if (arch.isEmpty()) {
          throw fail("unknown architecture '" + t.architecture() + "'");
        }
        if (t.machines() == null) {
          throw fail("missing 'machines' in '" + file + "'");
        }
        List<String> machines = new ArrayList<>();
        for (JsonNode n : t.machines()) {
          if (n != null && n.isTextual()) {
            machines.add(n.textValue());
          }
        }
        out.add(new Target(arch.get(), machines));
      }
      return out;
    }
  }
}
