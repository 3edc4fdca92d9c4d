// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Refused JSON names where (jq path, or line:column for syntax) and what was expected. */
class BadJsonTest {
  private static final String HEAD =
      "{\"path\": \"/usr/bin/qemu-system-x86_64\", \"domain\": \"kvm\", \"arch\": \"x86_64\", ";

  private static DomainCapabilitiesJsonException refused(String json) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(
        () -> DomainCapabilitiesJson.read(json));
    assertThat(t).isInstanceOf(DomainCapabilitiesJsonException.class);
    return (DomainCapabilitiesJsonException) t;
  }

  @Test
  void invalidTriState() {
    DomainCapabilitiesJsonException e =
        refused(HEAD + "\"devices\": {\"disk\": {\"supported\": \"maybe\"}}}");
    assertThat(e).hasMessage(
        ".devices.disk.supported: expected \"yes\" or \"no\", found \"maybe\"");
    assertThat(e.path()).isEqualTo(".devices.disk.supported");
  }

  @Test
  void booleanInsteadOfYesNo() {
    assertThat(refused(HEAD + "\"iothreads\": {\"supported\": true}}")).hasMessage(
        ".iothreads.supported: expected \"yes\" or \"no\", found true");
  }

  @Test
  void enumOfTheWrongType() {
    assertThat(refused(HEAD
        + "\"devices\": {\"disk\": {\"supported\": \"yes\", \"enums\": {\"bus\": \"ide\"}}}}"))
        .hasMessage(
            ".devices.disk.enums.bus: expected an array of strings, found the string \"ide\"");
    assertThat(refused(HEAD
        + "\"devices\": {\"disk\": {\"supported\": \"yes\", \"enums\": {\"bus\": [\"ide\", 3]}}}}"))
        .hasMessage(".devices.disk.enums.bus[1]: expected a string, found the number 3");
  }

  @Test
  void unknownEnumNameIsKeptAndReported() throws Exception {
    var read = DomainCapabilitiesJson.readWithWarnings(new java.io.StringReader(HEAD
        + "\"devices\": {\"disk\": {\"supported\": \"yes\", \"enums\": {\"buss\": []}}}}"));
    assertThat(read.caps().devices().disk().findEnum("buss")).isPresent();
    assertThat(read.warnings()).extracting(Object::toString).containsExactly(
        ".devices.disk.enums.buss: unknown enum \"buss\" kept (known: diskDevice, bus, model)");
  }

  @Test
  void repeatedEnumValue() {
    assertThat(refused(HEAD + "\"devices\": {\"disk\": {\"supported\": \"yes\","
        + " \"enums\": {\"bus\": [\"ide\", \"ide\"]}}}}"))
        .hasMessage(".devices.disk.enums.bus[1]: repeats the value \"ide\"");
  }

  @Test
  void unknownDeviceAndUnknownTopLevelField() {
    assertThat(refused(HEAD + "\"devices\": {\"sound\": {\"supported\": \"yes\"}}}"))
        .hasMessageStartingWith(".devices.sound: unexpected field \"sound\" (expected disk,"
            + " graphics, video, hostdev, rng, filesystem, tpm, redirdev, channel, crypto,"
            + " interface, panic, console)");
    assertThat(refused(HEAD + "\"iothread\": {\"supported\": \"yes\"}}"))
        .hasMessageStartingWith(".iothread: unexpected field \"iothread\" (expected path,");
  }

  @Test
  void unsupportedElementCarriesNothingElse() {
    assertThat(refused(HEAD
        + "\"devices\": {\"tpm\": {\"supported\": \"no\", \"enums\": {}}}}"))
        .hasMessage(".devices.tpm.enums: unexpected field \"enums\""
            + " (an element with \"supported\": \"no\" carries no other field)");
  }

  @Test
  void missingRequiredFields() {
    assertThat(refused("{\"path\": \"/q\", \"arch\": \"x86_64\"}"))
        .hasMessage(".: missing field \"domain\" (expected a string)");
    assertThat(refused(HEAD + "\"cpu\": {\"modes\": {}}}"))
        .hasMessage(".cpu.modes: missing field \"host-passthrough\" (expected an object)");
  }

  @Test
  void cpuPathsUseBracketsForHyphenatedNames() {
    String modes = "\"cpu\": {\"modes\": {"
        + "\"host-passthrough\": {\"supported\": \"yes\"},"
        + "\"maximum\": {\"supported\": \"no\"},"
        + "\"host-model\": {\"supported\": \"yes\", \"model\": {\"name\": \"EPYC\"}},"
        + "\"custom\": {\"supported\": \"no\"}}}}";
    assertThat(refused(HEAD + modes)).hasMessage(
        ".cpu.modes[\"host-model\"].model: missing field \"fallback\" (expected a string)");
  }

  @Test
  void unknownFieldNextToOneReadTwiceIsStillRefused() {
    String modes = "\"cpu\": {\"modes\": {"
        + "\"host-passthrough\": {\"supported\": \"yes\"},"
        + "\"maximum\": {\"supported\": \"no\"},"
        + "\"host-model\": {\"supported\": \"no\"},"
        + "\"custom\": {\"supported\": \"yes\", \"models\": [{\"name\": \"EPYC\","
        + " \"usable\": \"yes\", \"deprecated\": \"yes\", \"vendor\": \"AMD\","
        + " \"blocker\": []}]}}}}";
    assertThat(refused(HEAD + modes)).hasMessage(".cpu.modes.custom.models[0].blocker:"
        + " unexpected field \"blocker\" (expected name, usable, deprecated, canonical, vendor,"
        + " blockers)");
  }

  @Test
  void customSupportedWithoutModels() {
    String modes = "\"cpu\": {\"modes\": {"
        + "\"host-passthrough\": {\"supported\": \"yes\"},"
        + "\"maximum\": {\"supported\": \"no\"},"
        + "\"host-model\": {\"supported\": \"no\"},"
        + "\"custom\": {\"supported\": \"yes\", \"models\": []}}}}";
    assertThat(refused(HEAD + modes)).hasMessage(".cpu.modes.custom.models:"
        + " expected at least one model when \"supported\" is \"yes\"");
  }

  @Test
  void numbersOutOfRange() {
    assertThat(refused(HEAD + "\"vcpu\": {\"max\": 0}}"))
        .hasMessage(".vcpu.max: expected a positive integer, found 0");
    assertThat(refused(HEAD + "\"vcpu\": {\"max\": 1.5}}"))
        .hasMessage(".vcpu.max: expected a 32-bit integer, found the number 1.5");
    assertThat(refused(HEAD + "\"features\": {\"sgx\": {\"supported\": \"yes\", \"flc\": \"no\","
        + " \"sgx1\": \"yes\", \"sgx2\": \"no\", \"section_size\": -1}}}"))
        .hasMessage(".features.sgx.section_size: expected an unsigned 64-bit integer,"
            + " found the number -1");
  }

  @Test
  void unsigned64BitSizesAboveLongMaxAreKept() throws Exception {
    var caps = DomainCapabilitiesJson.read(HEAD + "\"features\": {\"sgx\": {\"supported\": \"yes\","
        + " \"flc\": \"no\", \"sgx1\": \"yes\", \"sgx2\": \"no\","
        + " \"section_size\": 18446744073709551615}}}");
    assertThat(Long.toUnsignedString(caps.features().sgx().sectionSizeKiB()))
        .isEqualTo("18446744073709551615");
    assertThat(DomainCapabilitiesJson.write(caps))
        .contains("\"section_size\": 18446744073709551615");
  }

  @Test
  void syntaxErrorGivesLineAndColumn() {
    DomainCapabilitiesJsonException e = refused("{\n  \"path\": \"/q\",\n  \"domain\" \"kvm\"\n}");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(12);
    assertThat(e.getMessage()).startsWith("<3:12> Unexpected character");
  }

  @Test
  void duplicateKeysAreRefused() {
    DomainCapabilitiesJsonException e = refused(HEAD + "\"arch\": \"aarch64\"}");
    assertThat(e).hasMessage("<1:82> Duplicate field 'arch'");
    assertThat(e.line()).isEqualTo(1);
  }

  @Test
  void trailingContentEmptyInputAndNonObjectsAreRefused() {
    assertThat(refused(HEAD + "\"devices\": {}} {}"))
        .hasMessage("<1:91> unexpected content after the end of the document's object");
    assertThat(refused("  ")).hasMessage(".: empty input (expected a JSON object)");
    assertThat(refused("[]")).hasMessage(".: expected an object, found an array");
  }

  @Test
  void deepNestingIsRefusedWithoutBuildingIt() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    assertThat(refused(deep))
        .hasMessage(".: document nested deeper than 40 levels (refused while reading)");
  }

  @Test
  void oversizedInputIsRefusedWhileStreaming() {
    // 50 MB of whitespace-padded JSON is never held whole: the reader stops at the limit.
    Reader huge = new Reader() {
      private long left = 50L * 1024 * 1024;

      @Override
      public int read(char[] buf, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        java.util.Arrays.fill(buf, off, off + n, ' ');
        if (left == 50L * 1024 * 1024) {
          buf[off] = '{';
        }
        left -= n;
        return n;
      }

      @Override
      public void close() {}
    };
    assertThatThrownBy(() -> DomainCapabilitiesJson.read(huge))
        .isInstanceOf(DomainCapabilitiesJsonException.class)
        .hasMessage(".: document longer than 8388608 characters (refused while reading)");
  }

  @Test
  void stringReaderFormWorks() throws Exception {
    var caps = DomainCapabilitiesJson.read(new StringReader(HEAD + "\"devices\": {}}"));
    assertThat(caps.arch()).isEqualTo("x86_64");
  }
}
