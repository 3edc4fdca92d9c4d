// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.domcaps.qemu.host.ProcessIdentity;
import org.domcaps.qemu.testing.EmbeddedLibvirt;
import org.domcaps.qemu.testing.NobodyFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential test: our {@code <os>} against libvirt 9.0.0 run live in embedded mode, for
 * descriptor scenarios built in a stand-in for {@code /etc/qemu/firmware} (which libvirt sees in
 * a private mount namespace, {@link EtcQemuFirmware}; the host's /etc is never written) and in
 * user config directories. libvirt runs as nobody, i.e. unprivileged, so it reads the user
 * directory too; our side uses the same roots and environment.
 */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class FirmwareVsLibvirtTest {
  private static final String USR = "/usr/share/qemu/firmware/";
  /** (arch, --machine) requests asked in every scenario; null = libvirt's default machine. */
  private static final String[][] REQUESTS = {
    {"x86_64", "pc"}, {"x86_64", "q35"}, {"x86_64", "isapc"}, {"i686", "q35"},
    {"aarch64", "virt"}, {"aarch64", null}, {"armv7l", "virt"}
  };

  private static EtcQemuFirmware etc;
  private static EmbeddedLibvirt virsh;
  private static int compared;

  @BeforeAll
  static void setUp() {
    assumeTrue(ProcessIdentity.effectiveUid() == 0,
        "skipped: the libvirt differential firmware test must run as root (it edits "
            + "a private mount namespace for /etc/qemu/firmware and runs virsh as nobody)");
    EmbeddedLibvirt.assumeAvailableAsNobody();
    assumeTrue(Files.isRegularFile(Path.of(USR, "60-edk2-x86_64.json")),
        "skipped: Debian's OVMF descriptors are not installed");
    etc = new EtcQemuFirmware();
    virsh = EmbeddedLibvirt.asNobody(null, etc.runner());
  }

  @AfterAll
  static void tearDown() {
    try {
      if (virsh != null) {
        virsh.close();
      }
    } finally {
      if (etc != null) {
        etc.close();
      }
    }
    System.out.println("FirmwareVsLibvirtTest: " + compared + " <os> blocks identical to libvirt");
  }

  /** One scenario's user-side setting: XDG_CONFIG_HOME given, or only HOME. */
  private static final class UserDirs implements AutoCloseable {
    final Path home = NobodyFiles.privateDir("domcaps-home");
    final Path xdg;

    UserDirs(boolean useXdg) {
      xdg = useXdg ? NobodyFiles.privateDir("domcaps-xdg") : null;
    }

    Path firmwareDir() {
      return (xdg != null ? xdg : home.resolve(".config")).resolve("qemu/firmware");
    }

    Map<String, String> env() {
      Map<String, String> env = new HashMap<>();
      env.put("HOME", home.toString());
      if (xdg != null) {
        env.put("XDG_CONFIG_HOME", xdg.toString());
      }
      return env;
    }

    void put(String name, String content) {
      NobodyFiles.write(firmwareDir().resolve(name), content);
      NobodyFiles.chownTree(xdg != null ? xdg : home);
    }

    @Override
    public void close() {
      NobodyFiles.deleteTree(home);
      if (xdg != null) {
        NobodyFiles.deleteTree(xdg);
      }
    }
  }

  private static String stock(String name) {
    try {
      return Files.readString(Path.of(USR, name));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void etcFile(String name, String content) {
    NobodyFiles.write(etc.dir().resolve(name), content);
  }

  private static final String SEABIOS = Descriptors.memory("bios", "/usr/share/seabios/bios.bin",
      "[{\"architecture\":\"i386\",\"machines\":[\"pc-q35-?.?\"]},"
          + "{\"architecture\":\"x86_64\",\"machines\":[\"pc-i440fx-*\"]}]");
  private static final String MISSING = Descriptors.stateless("uefi", "/usr/share/OVMF/ABSENT.fd",
      "x86_64", List.of("pc-q35-*"), List.of("requires-smm"));
  private static final List<String> STOCK_NAMES = List.of("40-edk2-aarch64-secure-enrolled.json",
      "40-edk2-x86_64-secure-enrolled.json", "50-edk2-aarch64-secure.json",
      "50-edk2-x86_64-secure.json", "60-edk2-aarch64.json", "60-edk2-arm.json",
      "60-edk2-x86_64.json");

  /**
   * Builds the scenario, then for every request compares libvirt's {@code <os>} with ours; returns
   * the warnings our side reported.
   */
  private static List<String> scenario(String name, boolean useXdg, Consumer<UserDirs> setup,
      EmbeddedLibvirt lv, ConfiguredFirmwares cfgFor) {
    etc.clear();
    List<String> warnings = new ArrayList<>();
    try (UserDirs user = new UserDirs(useXdg)) {
      setup.accept(user);
      FirmwareRoots roots = etc.roots(FirmwareRoots.standard(false, user.env(), "/nonexistent"));
      FirmwareCapsResolver ours = new FirmwareCapsResolver(roots,
          cfgFor == null ? ConfiguredFirmwares.builtIn() : cfgFor,
          p -> Files.exists(Path.of(p)), warnings::add);
      for (String[] req : REQUESTS) {
        EmbeddedLibvirt.Result r = lv.domcapabilities(user.env(), req[0], req[1]);
        assertThat(r.status()).as("%s: libvirt %s %s failed: %s", name, req[0], req[1],
            r.stderr()).isZero();
        String machine = OsXml.machine(r.stdout());
        assertThat(OsXml.format(ours.osCapabilities(req[0], machine)))
            .as("scenario %s, --arch %s --machine %s (%s)", name, req[0], req[1], machine)
            .isEqualTo(OsXml.osBlock(r.stdout()));
        compared++;
      }
    }
    return warnings;
  }

  private static List<String> scenario(String name, Consumer<UserDirs> setup) {
    return scenario(name, true, setup, virsh, null);
  }

  @Test
  void baseline() {
    assertThat(scenario("baseline", u -> {})).isEmpty();
  }

  @Test
  void maskedInEtc() {
    scenario("mask 60-edk2-x86_64 in /etc", u -> etcFile("60-edk2-x86_64.json", ""));
  }

  @Test
  void overriddenInEtcBySameName() {
    scenario("override 50-edk2-x86_64-secure retargeted to pc-i440fx", u -> etcFile(
        "50-edk2-x86_64-secure.json",
        stock("50-edk2-x86_64-secure.json").replace("pc-q35-*", "pc-i440fx-*")));
  }

  @Test
  void addedNamesIncludingMissingImage() {
    scenario("added 30-seabios (i386 target) and 45-missing", u -> {
      etcFile("30-seabios.json", SEABIOS);
      etcFile("45-missing.json", MISSING);
    });
  }

  @Test
  void allMaskedThenOnlyMissingImage() {
    scenario("all seven masked", u -> STOCK_NAMES.forEach(n -> etcFile(n, "")));
    scenario("all masked but 45-missing", u -> {
      STOCK_NAMES.forEach(n -> etcFile(n, ""));
      etcFile("45-missing.json", MISSING);
    });
  }

  @Test
  void dotFileDirectoryAndSymlinks() throws IOException {
    Path target = NobodyFiles.privateDir("domcaps-linked");
    try {
      NobodyFiles.write(target.resolve("linked.json"), Descriptors.flash("uefi",
          "/usr/share/AAVMF/AAVMF_CODE.snakeoil.fd", "/usr/share/AAVMF/AAVMF_VARS.snakeoil.fd",
          "aarch64", List.of("virt-*"), List.of()));
      scenario("dot-file, directory, symlinks to a file and to /dev/null", u -> {
        etcFile(".hidden.json", "{ not json");
        try {
          Files.createDirectories(etc.dir().resolve("20-dir.json"));
          Files.createSymbolicLink(etc.dir().resolve("25-link.json"),
              target.resolve("linked.json"));
          Files.createSymbolicLink(etc.dir().resolve("60-edk2-x86_64.json"), Path.of("/dev/null"));
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      });
    } finally {
      NobodyFiles.deleteTree(target);
    }
  }

  @Test
  void userDirViaXdgConfigHome() {
    scenario("user dir ($XDG_CONFIG_HOME): add aarch64, mask 60-edk2-aarch64", u -> {
      u.put("20-user-aarch64.json", Descriptors.flash("uefi",
          "/usr/share/AAVMF/AAVMF_CODE.snakeoil.fd", "/usr/share/AAVMF/AAVMF_VARS.snakeoil.fd",
          "aarch64", List.of("virt-*", "integratorcp"), List.of()));
      u.put("60-edk2-aarch64.json", "");
    });
  }

  @Test
  void userDirViaHomeConfigOverridesEtc() {
    scenario("user dir ($HOME/.config): restores a name masked in /etc, adds isapc", false, u -> {
      etcFile("60-edk2-x86_64.json", "");
      u.put("60-edk2-x86_64.json", stock("60-edk2-x86_64.json"));
      u.put("70-isapc.json", SEABIOS.replace("pc-i440fx-*", "isapc"));
    }, virsh, null);
  }

  @Test
  void qemuConfNvramIsIgnoredWhenDescriptorsExist() {
    String conf = "nvram = [ \"/usr/share/OVMF/OVMF_CODE.fd:/usr/share/OVMF/OVMF_VARS.fd\" ]\n";
    List<String> warnings = new ArrayList<>();
    try (EmbeddedLibvirt withConf = EmbeddedLibvirt.asNobody(conf, etc.runner())) {
      etc.clear();
      ConfiguredFirmwares cfg = ConfiguredFirmwares.fromQemuConfNvram(
          List.of("/usr/share/OVMF/OVMF_CODE.fd:/usr/share/OVMF/OVMF_VARS.fd"),
          FirmwareRoots.standard(false, Map.of("HOME", "/nonexistent"), "/nonexistent"),
          warnings::add);
      assertThat(cfg.entries()).isEmpty();
      scenario("qemu.conf nvram with descriptors present", true, u -> {}, withConf, cfg);
    }
    assertThat(warnings).singleElement().asString().startsWith("Obsolete nvram variable");
  }

  @Test
  void privilegedDaemonIgnoresTheUserDir() throws Exception {
    EmbeddedLibvirt.assumeAvailable();
    String conf = "user = \"root\"\ngroup = \"root\"\n";
    try (EmbeddedLibvirt asRoot = EmbeddedLibvirt.privileged(conf, etc.runner());
        UserDirs u = new UserDirs(true)) {
      etc.clear();
      u.put("60-edk2-x86_64.json", "");
      u.put("10-user.json", SEABIOS);
      FirmwareCapsResolver ours = new FirmwareCapsResolver(
          etc.roots(FirmwareRoots.standard(true, u.env(), "/root")), warnings -> {});
      for (String[] req : REQUESTS) {
        EmbeddedLibvirt.Result r = asRoot.domcapabilities(u.env(), req[0], req[1]);
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(OsXml.format(ours.osCapabilities(req[0], OsXml.machine(r.stdout()))))
            .isEqualTo(OsXml.osBlock(r.stdout()));
        compared++;
      }
    }
  }

  @Test
  void malformedDescriptorIsSkippedWhereLibvirtFails() {
    for (String[] bad : new String[][] {
        {"99-broken.json", "{\"interface-types\": [\"uefi\"], \"mapping\": "},
        {"98-loongarch.json", Descriptors.flash("uefi", "/usr/share/OVMF/OVMF_CODE.fd",
            "/usr/share/OVMF/OVMF_VARS.fd", "loongarch64", List.of("virt"), List.of())}}) {
      etc.clear();
      etcFile("30-seabios.json", SEABIOS);
      etcFile(bad[0], bad[1]);
      try (UserDirs u = new UserDirs(true)) {
        EmbeddedLibvirt.Result r = virsh.domcapabilities(u.env(), "x86_64", "pc");
        assertThat(r.status()).as("libvirt 9.0 fails on %s", bad[0]).isNotZero();
        assertThat(r.stderr()).contains("internal error: ");
      }
      // our answer with the bad file present equals libvirt's without it
      List<String> warnings = new ArrayList<>();
      FirmwareCapsResolver ours = new FirmwareCapsResolver(
          FirmwareRoots.of(FirmwareRoots.DATA_DIR, etc.dir()), warnings::add);
      OsFirmwareCapabilities withBad = ours.osCapabilities("x86_64", "pc-i440fx-7.2");
      assertThat(warnings).singleElement().asString()
          .contains(etc.dir().resolve(bad[0]).toString());
      List<String> again = scenario("malformed " + bad[0] + " removed", u -> {
        etcFile("30-seabios.json", SEABIOS);
      });
      assertThat(again).isEmpty();
      assertThat(withBad)
          .isEqualTo(ours.osCapabilities("x86_64", "pc-i440fx-7.2"));
    }
  }
}
