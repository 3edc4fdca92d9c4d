// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.domcaps.qemu.cache.ProbeContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** libvirt's words for binaries it cannot probe, and ours for one that is not QEMU. */
class LiveCapsLookupTest {
  @TempDir Path dir;

  private final LiveCapsLookup lookup =
      LiveCapsLookup.live(b -> ProbeContexts.archOnly(b, "x86_64"));

  private DomCapsException refusal(String binary) {
    return catchThrowableOfType(DomCapsException.class, () -> lookup.lookup(binary));
  }

  @Test
  void fileChecksComeFirstWithStrerrorTexts() throws Exception {
    String missing = dir.resolve("nosuch-qemu").toString();
    assertThat(refusal(missing).getMessage())
        .isEqualTo("Cannot check QEMU binary " + missing + ": No such file or directory");
    assertThat(refusal(dir.toString()).getMessage())
        .isEqualTo("QEMU binary " + dir + " is not executable: Is a directory");
    Path plain = Files.writeString(dir.resolve("plain"), "not a program");
    assertThat(refusal(plain.toString()).getMessage())
        .isEqualTo("QEMU binary " + plain + " is not executable: Permission denied");
  }

  @Test
  void aProgramThatIsNotQemuIsNamedAsSuch() {
    DomCapsException e = refusal("/bin/true");
    assertThat(e.code()).isEqualTo(DomCapsException.Code.NOT_QEMU);
    assertThat(e.getMessage()).startsWith("QEMU binary /bin/true is not a usable QEMU: ");
  }
}
