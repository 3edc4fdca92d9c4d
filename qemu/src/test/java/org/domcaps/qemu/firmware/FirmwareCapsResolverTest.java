// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Precedence, masking, ordering, matching and loader values on descriptor trees in temp dirs. */
class FirmwareCapsResolverTest {
  @TempDir Path tmp;
  Path usr;
  Path etc;
  Path user;
  final List<String> warnings = new ArrayList<>();
  /** Images that "exist" for these tests. */
  final Set<String> installed =
      Set.of("/fw/CODE.fd", "/fw/SECURE.fd", "/fw/BIOS.bin", "/fw/AA.fd",
          "/usr/share/OVMF/OVMF_CODE.fd", "/usr/share/AAVMF/AAVMF_CODE.fd");

  @BeforeEach
  void dirs() {
    usr = tmp.resolve("usr/share/qemu/firmware");
    etc = tmp.resolve("etc/qemu/firmware");
    user = tmp.resolve("home/u/.config/qemu/firmware");
  }

  private FirmwareCapsResolver resolver(boolean privileged, ConfiguredFirmwares cfg) {
    return new FirmwareCapsResolver(
        FirmwareRoots.relocated(tmp, privileged, "/home/u/.config"), cfg, installed::contains,
        warnings::add);
  }

  private OsFirmwareCapabilities os(String arch, String machine) {
    return resolver(false, ConfiguredFirmwares.builtIn()).osCapabilities(arch, machine);
  }

  private void stock() {
    Descriptors.write(usr, "50-secure.json", Descriptors.flash("uefi", "/fw/SECURE.fd",
        "/fw/VARS.fd", "x86_64", List.of("pc-q35-*"), List.of("requires-smm", "secure-boot")));
    Descriptors.write(usr, "60-plain.json", Descriptors.flash("uefi", "/fw/CODE.fd",
        "/fw/VARS.fd", "x86_64", List.of("pc-q35-*", "pc-i440fx-*"), List.of()));
  }

  @Test
  void matchingDescriptorsGiveFirmwareSecureAndImagesInFileOrder() {
    stock();
    OsFirmwareCapabilities q35 = os("x86_64", "pc-q35-7.2");
    assertThat(q35.firmware()).containsExactly("efi");
    assertThat(q35.loaderValues()).containsExactly("/fw/SECURE.fd", "/fw/CODE.fd");
    assertThat(q35.loaderSecure()).containsExactly("yes", "no");
    assertThat(q35.loaderTypes()).containsExactly("rom", "pflash");
    assertThat(q35.loaderReadonly()).containsExactly("yes", "no");
    OsFirmwareCapabilities pc = os("x86_64", "pc-i440fx-7.2");
    assertThat(pc.loaderValues()).containsExactly("/fw/CODE.fd");
    assertThat(pc.loaderSecure()).containsExactly("no");
    assertThat(warnings).isEmpty();
  }

  @Test
  void noMatchFallsBackToConfiguredListFilteredByExistence() {
    stock();
    OsFirmwareCapabilities isapc = os("x86_64", "isapc");
    assertThat(isapc.firmware()).isEmpty();
    assertThat(isapc.loaderValues())
        .containsExactly("/usr/share/OVMF/OVMF_CODE.fd", "/usr/share/AAVMF/AAVMF_CODE.fd");
    assertThat(os("i686", "pc-q35-7.2").firmware()).isEmpty(); // x86_64 targets only
  }

  @Test
  void sameNameInHigherDirectoryOverrides() {
    stock();
    Descriptors.write(etc, "50-secure.json", Descriptors.flash("uefi", "/fw/SECURE.fd",
        "/fw/VARS.fd", "x86_64", List.of("pc-i440fx-*"), List.of("requires-smm")));
    assertThat(os("x86_64", "pc-i440fx-7.2").loaderValues())
        .containsExactly("/fw/SECURE.fd", "/fw/CODE.fd");
    assertThat(os("x86_64", "pc-i440fx-7.2").loaderSecure()).containsExactly("yes", "no");
    assertThat(os("x86_64", "pc-q35-7.2").loaderValues()).containsExactly("/fw/CODE.fd");
  }

  @Test
  void emptyFileMasksAndUserDirWinsWhenUnprivileged() {
    stock();
    Descriptors.write(etc, "60-plain.json", "");
    assertThat(os("x86_64", "pc-i440fx-7.2").firmware()).isEmpty();
    assertThat(os("x86_64", "pc-i440fx-7.2").loaderValues()).hasSize(2); // built-in fallback
    Descriptors.write(user, "50-secure.json", "");
    assertThat(os("x86_64", "pc-q35-7.2").firmware()).isEmpty();
    OsFirmwareCapabilities privileged =
        resolver(true, ConfiguredFirmwares.builtIn()).osCapabilities("x86_64", "pc-q35-7.2");
    assertThat(privileged.loaderValues()).containsExactly("/fw/SECURE.fd");
  }

  @Test
  void namesAreSortedAcrossDirectoriesByByteOrder() {
    Descriptors.write(etc, "10-b.json", Descriptors.memory("bios", "/fw/BIOS.bin",
        "[{\"architecture\":\"x86_64\",\"machines\":[\"pc-*\"]}]"));
    Descriptors.write(usr, "20-a.json", Descriptors.flash("uefi", "/fw/CODE.fd", "/fw/V.fd",
        "x86_64", List.of("pc-*"), List.of()));
    Descriptors.write(user, "Z-upper.json", Descriptors.flash("uefi", "/fw/AA.fd", "/fw/V.fd",
        "x86_64", List.of("pc-*"), List.of()));
    Descriptors.write(usr, "a-lower.json", Descriptors.flash("uefi", "/fw/SECURE.fd", "/fw/V.fd",
        "x86_64", List.of("pc-*"), List.of()));
    OsFirmwareCapabilities pc = os("x86_64", "pc-i440fx-7.2");
    assertThat(pc.firmware()).containsExactly("bios", "efi");
    assertThat(pc.loaderValues())
        .containsExactly("/fw/BIOS.bin", "/fw/CODE.fd", "/fw/AA.fd", "/fw/SECURE.fd");
  }

  @Test
  void strcmpOrderIsUtf8ByteOrderNotUtf16() {
    String fullwidthA = "\uFF21.json"; // UTF-8 EF BC A1
    String emoji = "\uD83D\uDE00.json"; // UTF-8 F0 9F 98 80, but UTF-16 D83D < FF21
    assertThat(DescriptorFiles.strcmp(fullwidthA, emoji)).isNegative();
    assertThat(fullwidthA.compareTo(emoji)).isPositive();
    assertThat(DescriptorFiles.strcmp("Z-x", "a-x")).isNegative();
  }

  @Test
  void dotFilesDirectoriesAndDevicesAreIgnoredSymlinksFollowed() throws Exception {
    Descriptors.write(usr, ".hidden.json", "{broken");
    Files.createDirectories(usr.resolve("40-dir.json"));
    Path real = Descriptors.write(tmp.resolve("elsewhere"), "x.json",
        Descriptors.flash("uefi", "/fw/CODE.fd", "/fw/V.fd", "x86_64", List.of("*"), List.of()));
    Files.createDirectories(etc.getParent());
    Files.createSymbolicLink(etc, Files.createDirectories(tmp.resolve("etc-target")));
    Files.createSymbolicLink(etc.resolve("30-link.json"), real);
    Files.createSymbolicLink(etc.resolve("31-null.json"), Path.of("/dev/null"));
    OsFirmwareCapabilities any = os("x86_64", "anything");
    assertThat(any.loaderValues()).containsExactly("/fw/CODE.fd");
    assertThat(DescriptorFiles.scan(FirmwareRoots.relocated(tmp, false, "/home/u/.config"),
        warnings::add).names()).containsOnlyKeys("30-link.json");
    assertThat(warnings).isEmpty();
  }

  @Test
  void malformedDescriptorIsSkippedWithAWarningNamingIt() {
    stock();
    Path bad = Descriptors.write(etc, "55-broken.json", "{\"interface-types\": [\"uefi\"],");
    Path arch = Descriptors.write(etc, "56-loongarch.json", Descriptors.flash("uefi",
        "/fw/AA.fd", "/fw/V.fd", "loongarch64", List.of("virt"), List.of()));
    OsFirmwareCapabilities q35 = os("x86_64", "pc-q35-7.2");
    assertThat(q35.loaderValues()).containsExactly("/fw/SECURE.fd", "/fw/CODE.fd");
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0)).contains(bad.toString()).contains("unable to parse json file");
    assertThat(warnings.get(1)).contains(arch.toString())
        .contains("unknown architecture 'loongarch64'");
  }

  @Test
  void danglingSymlinkIsSkippedWithAWarning() throws Exception {
    stock();
    Files.createDirectories(etc);
    Path link = Files.createSymbolicLink(etc.resolve("60-plain.json"), tmp.resolve("gone"));
    assertThat(os("x86_64", "pc-i440fx-7.2").loaderValues()).containsExactly("/fw/CODE.fd");
    assertThat(warnings).singleElement().asString().contains(link.toString())
        .contains("No such file or directory");
  }

  @Test
  void matchingDescriptorWithMissingImageGivesNoValuesAndNoFallback() {
    Descriptors.write(usr, "45-missing.json", Descriptors.stateless("uefi", "/fw/ABSENT.fd",
        "x86_64", List.of("pc-q35-*"), List.of("requires-smm")));
    Descriptors.write(usr, "46-kernel.json", "{\"interface-types\":[\"bios\"],"
        + "\"mapping\":{\"device\":\"kernel\",\"filename\":\"/k\"},"
        + "\"targets\":[{\"architecture\":\"x86_64\",\"machines\":[\"pc-i440fx-*\"]}],"
        + "\"features\":[]}");
    OsFirmwareCapabilities q35 = os("x86_64", "pc-q35-7.2");
    assertThat(q35.firmware()).containsExactly("efi");
    assertThat(q35.loaderSecure()).containsExactly("yes", "no");
    assertThat(q35.loaderValues()).isEmpty();
    OsFirmwareCapabilities pc = os("x86_64", "pc-i440fx-7.2"); // kernel mapping: no image
    assertThat(pc.firmware()).containsExactly("bios");
    assertThat(pc.loaderValues()).hasSize(2); // so the built-in list is used
  }

  @Test
  void duplicateImagePairsAreListedOnceAndValuesDeduplicated() {
    Descriptors.write(usr, "10.json", Descriptors.flash("uefi", "/fw/CODE.fd", "/fw/V1.fd",
        "aarch64", List.of("virt-*"), List.of()));
    Descriptors.write(usr, "20.json", Descriptors.flash("uefi", "/fw/CODE.fd", "/fw/V2.fd",
        "aarch64", List.of("virt-*"), List.of()));
    assertThat(os("aarch64", "virt-7.2").loaderValues()).containsExactly("/fw/CODE.fd");
  }

  @Test
  void qemuConfNvramIsObsoleteOnceAnyDescriptorNameExists() {
    List<String> nvram = List.of("/fw/CODE.fd:/fw/VARS.fd");
    FirmwareRoots roots = FirmwareRoots.relocated(tmp, true, "/unused");
    ConfiguredFirmwares honoured = ConfiguredFirmwares.fromQemuConfNvram(nvram, roots,
        warnings::add);
    assertThat(honoured.entries()).containsExactly(LoaderNvram.of("/fw/CODE.fd", "/fw/VARS.fd"));
    assertThat(new FirmwareCapsResolver(roots, honoured, installed::contains, warnings::add)
        .osCapabilities("x86_64", "pc").loaderValues()).containsExactly("/fw/CODE.fd");
    assertThatThrownBy(() -> ConfiguredFirmwares.fromQemuConfNvram(List.of("a:b:c"), roots,
        warnings::add)).isInstanceOf(FirmwareException.class)
        .hasMessage("Invalid nvram format: 'a:b:c'");
    assertThatThrownBy(() -> ConfiguredFirmwares.parseEntry(" :b")).hasMessageContaining("' :b'");
    assertThat(ConfiguredFirmwares.parseEntry(" \t/a: /b")).isEqualTo(LoaderNvram.of("/a", "/b"));
    assertThat(warnings).isEmpty();

    Descriptors.write(etc, "99-mask.json", ""); // only an empty file, yet it counts
    ConfiguredFirmwares obsolete =
        ConfiguredFirmwares.fromQemuConfNvram(List.of("not valid"), roots, warnings::add);
    assertThat(obsolete.entries()).isEmpty();
    assertThat(warnings).singleElement().asString().startsWith("Obsolete nvram variable");
    assertThat(new FirmwareCapsResolver(roots, obsolete, installed::contains, warnings::add)
        .osCapabilities("x86_64", "pc").loaderValues()).isEmpty();
  }

  @Test
  void userDirectoryFollowsXdgThenHomeThenPasswd() {
    assertThat(FirmwareRoots.standard(true, Map.of("XDG_CONFIG_HOME", "/x"), "/p").dirs())
        .containsExactly(FirmwareRoots.DATA_DIR, FirmwareRoots.SYSCONF_DIR);
    assertThat(FirmwareRoots.standard(false, Map.of("XDG_CONFIG_HOME", "/x", "HOME", "/h"), "/p")
        .dirs().get(2)).isEqualTo(Path.of("/x/qemu/firmware"));
    assertThat(FirmwareRoots.standard(false, Map.of("XDG_CONFIG_HOME", ""), "/p").dirs().get(2))
        .isEqualTo(Path.of("/qemu/firmware"));
    assertThat(FirmwareRoots.standard(false, Map.of("HOME", "/h"), "/p").dirs().get(2))
        .isEqualTo(Path.of("/h/.config/qemu/firmware"));
    assertThat(FirmwareRoots.standard(false, Map.of(), "/p").dirs().get(2))
        .isEqualTo(Path.of("/p/.config/qemu/firmware"));
  }

  @Test
  void unreadableDirectoryFailsLikeLibvirt() throws Exception {
    Files.createDirectories(usr.getParent());
    Files.writeString(usr, "not a directory");
    assertThatThrownBy(() -> os("x86_64", "pc"))
        .isInstanceOf(FirmwareException.class)
        .hasMessage("cannot open directory '" + usr + "': Not a directory");
  }

  @Test
  void withLoaderValuesReplacesOnlyTheValues() {
    stock();
    OsFirmwareCapabilities q35 = os("x86_64", "pc-q35-7.2");
    OsFirmwareCapabilities replaced = q35.withLoaderValues(List.of("/a", "/b"));
    assertThat(replaced.loaderValues()).containsExactly("/a", "/b");
    assertThat(replaced.loaderSecure()).isEqualTo(q35.loaderSecure());
    assertThat(replaced.firmware()).isEqualTo(q35.firmware());
  }
}
