// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import java.io.Reader;
import org.domcaps.model.DomainCapabilities;

/** Placeholder until the strict reader lands. */
final class DomainCapsReader {
  DomainCapabilities read(Reader in) throws DomainCapabilitiesParseException {
    throw new DomainCapabilitiesParseException(0, 0, "/", "reader not implemented yet");
  }
}
