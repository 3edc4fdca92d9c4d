// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirmwareDescriptorTest {
  @TempDir Path dir;

  private FirmwareDescriptor parse(String json) throws FirmwareParseException {
    return FirmwareDescriptor.parse(Descriptors.write(dir, "d.json", json));
  }

  private void assertRefused(String json, String messagePart) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(FirmwareParseException.class)
        .hasMessageContaining(messagePart);
  }

  @Test
  void parsesSplitFlashWithQemuArchSpellingsAndKnownFeaturesOnly() throws Exception {
    FirmwareDescriptor d =
        parse(
            Descriptors.flash("uefi", "/fw/CODE.fd", "/fw/VARS.fd", "i386",
                List.of("pc-q35-*", "pc-i440fx-?.?"), List.of("requires-smm", "no-such-feature")));
    assertThat(d.interfaces()).containsExactly("uefi");
    assertThat(d.device()).isEqualTo("flash");
    assertThat(d.image()).contains("/fw/CODE.fd");
    assertThat(d.nvramTemplate()).contains("/fw/VARS.fd");
    assertThat(d.targets()).containsExactly(
        new FirmwareDescriptor.Target("i686", List.of("pc-q35-*", "pc-i440fx-?.?")));
    assertThat(d.features()).containsExactly("requires-smm");
    assertThat(d.matches("i686", "pc-q35-7.2")).isTrue();
    assertThat(d.matches("i686", "pc-i440fx-7.2")).isTrue();
    assertThat(d.matches("i686", "pc-i440fx-7.10")).isFalse();
    assertThat(d.matches("x86_64", "pc-q35-7.2")).isFalse();
  }

  @Test
  void armTargetIsArmv7lAndStatelessFlashHasNoNvram() throws Exception {
    FirmwareDescriptor d =
        parse(Descriptors.stateless("uefi", "/fw/A.fd", "arm", List.of("virt-*"), List.of()));
    assertThat(d.targets().get(0).arch()).isEqualTo("armv7l");
    assertThat(d.nvramTemplate()).isEmpty();
    assertThat(d.matches("armv6l", "virt-7.2")).isFalse();
  }

  @Test
  void memoryMappingWithoutFilenameIsAcceptedWithoutImage() throws Exception {
    FirmwareDescriptor d =
        parse("{\"interface-types\":[\"bios\"],\"mapping\":{\"device\":\"memory\"},"
            + "\"targets\":[{\"architecture\":\"x86_64\",\"machines\":[\"pc-*\", 7]}],"
            + "\"features\":[1, \"acpi-s3\"]}");
    assertThat(d.image()).isEmpty();
    assertThat(d.targets().get(0).machines()).containsExactly("pc-*");
    assertThat(d.features()).containsExactly("acpi-s3");
  }

  @Test
  void kernelMappingHasNoImage() throws Exception {
    FirmwareDescriptor d =
        parse("{\"interface-types\":[\"openfirmware\"],\"mapping\":{\"device\":\"kernel\","
            + "\"filename\":\"/k\"},\"targets\":[],\"features\":[]}");
    assertThat(d.image()).isEmpty();
  }

  @Test
  void refusesWhatLibvirtRefuses() {
    assertRefused("{\"interface-types\":[\"uefi\"", "unable to parse json file");
    assertRefused("[1, 2]", "unable to parse json file");
    assertRefused("{} {}", "unable to parse json file");
    assertRefused("{\"interface-types\":[], \"interface-types\":[]}", "unable to parse json file");
    assertRefused("{\"mapping\":{}}", "failed to get interface-types");
    assertRefused("{\"interface-types\":[\"efi\"]}", "unknown interface type: 'efi'");
    assertRefused("{\"interface-types\":[\"uefi\"]}", "missing mapping");
    assertRefused("{\"interface-types\":[\"uefi\"],\"mapping\":{}}", "missing device type");
    assertRefused("{\"interface-types\":[\"uefi\"],\"mapping\":{\"device\":\"rom\"}}",
        "unknown device type");
    assertRefused("{\"interface-types\":[\"uefi\"],\"mapping\":{\"device\":\"flash\","
        + "\"mode\":\"odd\"}}", "Firmware flash mode value 'odd' unexpected");
    assertRefused("{\"interface-types\":[\"uefi\"],\"mapping\":{\"device\":\"flash\","
        + "\"mode\":3}}", "Firmware flash mode value was malformed");
    assertRefused("{\"interface-types\":[\"uefi\"],\"mapping\":{\"device\":\"flash\"}}",
        "missing 'executable'");
    assertRefused("{\"interface-types\":[\"uefi\"],\"mapping\":{\"device\":\"flash\","
        + "\"executable\":{\"filename\":\"/a\",\"format\":\"raw\"}}}", "missing 'nvram-template'");
    assertRefused("{\"interface-types\":[\"uefi\"],\"mapping\":{\"device\":\"flash\","
        + "\"mode\":\"combined\",\"executable\":{\"filename\":\"/a\"}}}", "missing 'format'");
    assertRefused("{\"interface-types\":[\"uefi\"],\"mapping\":{\"device\":\"flash\","
        + "\"mode\":\"combined\",\"executable\":{\"filename\":5,\"format\":\"raw\"}}}",
        "missing 'filename'");
    assertRefused("{\"interface-types\":[\"bios\"],\"mapping\":{\"device\":\"memory\","
        + "\"filename\":\"/b\"}}", "failed to get targets");
    assertRefused("{\"interface-types\":[\"bios\"],\"mapping\":{\"device\":\"memory\","
        + "\"filename\":\"/b\"},\"targets\":[{\"machines\":[]}]}", "missing 'architecture'");
    assertRefused("{\"interface-types\":[\"bios\"],\"mapping\":{\"device\":\"memory\","
        + "\"filename\":\"/b\"},\"targets\":[{\"architecture\":\"loongarch64\",\"machines\":[]}]}",
        "unknown architecture 'loongarch64'");
    assertRefused("{\"interface-types\":[\"bios\"],\"mapping\":{\"device\":\"memory\","
        + "\"filename\":\"/b\"},\"targets\":[{\"architecture\":\"x86_64\"}]}",
        "missing 'machines'");
    assertRefused("{\"interface-types\":[\"bios\"],\"mapping\":{\"device\":\"memory\","
        + "\"filename\":\"/b\"},\"targets\":[]}", "failed to get features");
  }

  @Test
  void errorNamesTheFile() throws Exception {
    Path f = Descriptors.write(dir, "70-bad.json", "{oops");
    assertThatThrownBy(() -> FirmwareDescriptor.parse(f))
        .hasMessageContaining("'" + f + "'")
        .extracting(e -> ((FirmwareParseException) e).file())
        .isEqualTo(f);
  }

  @Test
  void machineGlobKnowsOnlyStarAndQuestionMark() {
    assertThat(MachineGlob.matches("*", "")).isTrue();
    assertThat(MachineGlob.matches("pc-q35-*", "pc-q35-7.2")).isTrue();
    assertThat(MachineGlob.matches("pc-q35-?.?", "pc-q35-7.2")).isTrue();
    assertThat(MachineGlob.matches("pc-q35-?.?", "pc-q35-7.10")).isFalse();
    assertThat(MachineGlob.matches("*-7.*", "pc-q35-7.2")).isTrue();
    assertThat(MachineGlob.matches("virt-[67].*", "virt-7.2")).isFalse();
    assertThat(MachineGlob.matches("virt-[67].*", "virt-[67].2")).isTrue();
    assertThat(MachineGlob.matches("a*b*c", "aXXbYYbc")).isTrue();
    assertThat(MachineGlob.matches("a*b", "aXXbYYbc")).isFalse();
    assertThat(Optional.of(MachineGlob.matches("virt", "virt-7.2"))).contains(false);
  }
}
