// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * libvirt's own RelaxNG schema for domain capabilities, checked with Jing: by default the newest
 * release's (12.8, from ../shared/newest), or the installed libvirt 9.0's.
 */
final class LibvirtSchema {
  /** libvirt 9.0.0's schema as Debian 12 installs it. */
  static final Path RNG_9_0 = Path.of("/usr/share/libvirt/schemas/domaincaps.rng");

  private final List<String> errors = new ArrayList<>();
  private final ValidationDriver driver;

  /** The newest schema. */
  LibvirtSchema() throws Exception {
    this(org.domcaps.testing.SharedData.newestSchema());
  }

  LibvirtSchema(Path RNG) throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(RNG),
        "skipped: " + RNG + " is missing (Debian package libvirt0 installs libvirt 9.0's)");
    PropertyMapBuilder props = new PropertyMapBuilder();
    props.put(ValidateProperty.ERROR_HANDLER, new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {}

      @Override
      public void error(SAXParseException e) {
        errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
      }

      @Override
      public void fatalError(SAXParseException e) {
        error(e);
      }
    });
    driver = new ValidationDriver(props.toPropertyMap());
    // A file URL, so that the schema's includes resolve against its directory.
    if (!driver.loadSchema(new InputSource(RNG.toUri().toString()))) {
      throw new IllegalStateException("cannot load " + RNG + ": " + errors);
    }
  }

  /** The schema's complaints about {@code xml}; empty when it is valid. */
  List<String> validate(String xml) throws Exception {
    errors.clear();
    driver.validate(new InputSource(new StringReader(xml)));
    return List.copyOf(errors);
  }
}
