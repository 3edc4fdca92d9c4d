// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.qemu.cache.CapsCache;
import org.domcaps.qemu.cache.FirmwareDescriptorMemo;
import org.domcaps.qemu.cache.HostKey;
import org.domcaps.qemu.cache.LiveHostKey;
import org.domcaps.qemu.cache.LiveProber;
import org.domcaps.qemu.cache.ProbeContexts;
import org.domcaps.qemu.caps.QemuCapsXml;
import org.domcaps.qemu.firmware.FirmwareCapsResolver;
import org.domcaps.qemu.firmware.FirmwareRoots;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options behind the capability cache with their own firmware directories, against real QEMU:
 * descriptors added or edited between answers show at once, without probing again.
 */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class CachedFirmwareTest {
  static final String QEMU = "/usr/bin/qemu-system-x86_64";
  static HostKey host;
  static String reference;

  @TempDir Path dir;
  final List<String> warnings = new ArrayList<>();

  @BeforeAll
  static void probeOnce() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of(QEMU)),
        "skipped: " + QEMU + " is not installed");
    host = LiveHostKey.read(LiveOptions.hostArch());
    reference = QemuCapsXml.write(LiveProber.live(x -> ProbeContexts.of(x, host)).probe(QEMU));
  }

  @Test
  void firmwareDescriptorAddedBetweenCallsShowsWithoutReprobe() throws Exception {
    Path fw = dir.resolve("firmware");
    Files.createDirectories(fw);
    Path image = dir.resolve("CODE.fd");
    Files.writeString(image, "");
    CapsCache c = new CapsCache(dir, host, LiveProber.live(x -> ProbeContexts.of(x, host)),
        warnings::add);
    Options options = LiveOptions.forThisHost(warnings::add).toBuilder()
        .capsLookup(new CachedLookup(c))
        .firmware(new FirmwareCapsResolver(FirmwareRoots.of(fw), warnings::add)
            .withMemo(new FirmwareDescriptorMemo(dir, host.selfCtime())))
        .build();
    DomCapsRequest req = DomCapsRequest.of(QEMU, "x86_64", "q35", "qemu");
    String before = DomainCapabilitiesXml.format(DomCaps.answer(req, options));
    assertThat(before).doesNotContain(image.toString());
    Files.writeString(fw.resolve("10-test.json"), """
        {"interface-types": ["uefi"],
         "mapping": {"device": "flash", "executable": {"filename": "%s", "format": "raw"},
                     "nvram-template": {"filename": "%s", "format": "raw"}},
         "targets": [{"architecture": "x86_64", "machines": ["pc-q35-*"]}],
         "features": [], "tags": []}
        """.formatted(image, image));
    DomainCapabilities after = DomCaps.answer(req, options);
    String text = DomainCapabilitiesXml.format(after);
    assertThat(text).contains("<value>" + image + "</value>");
    assertThat(c.probes()).isEqualTo(1);
    // The remembered descriptors follow an edit of the file too.
    Path other = dir.resolve("OTHER.fd");
    Files.writeString(other, "");
    Files.writeString(fw.resolve("10-test.json"),
        Files.readString(fw.resolve("10-test.json")).replace(image.toString(), other.toString()));
    String edited = DomainCapabilitiesXml.format(DomCaps.answer(req, options));
    assertThat(edited).contains("<value>" + other + "</value>").doesNotContain(image.toString());
    Files.writeString(fw.resolve("10-test.json"),
        Files.readString(fw.resolve("10-test.json")).replace(other.toString(), image.toString()));
    assertThat(DomainCapabilitiesXml.format(DomCaps.answer(req, options))).isEqualTo(text);
    assertThat(Files.readString(c.entryFile(QEMU))).isEqualTo(reference);
    // And the same request without any cache gives the same document.
    Options uncached = options.toBuilder()
        .capsLookup(LiveCapsLookup.live(x -> ProbeContexts.of(x, host))).build();
    assertThat(DomainCapabilitiesXml.format(DomCaps.answer(req, uncached))).isEqualTo(text);
  }
}
