// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.domcaps.model.Features;

/** Reads {@code <features>}. */
final class FeaturesReader {
  private static final List<String> FEATURES = List.of("gic", "vmcoreinfo", "genid",
      "backingStoreInput", "backup", "s390-pv", "sev", "sgx", "hyperv");

  private FeaturesReader() {}

  static Features features(XmlCursor c)
      throws DomainCapabilitiesParseException, XMLStreamException {
    c.allowAttributes();
    Features.Builder b = Features.builder();
    ChildOrder order = new ChildOrder(FEATURES, "feature");
    while (c.nextChild()) {
      String name = c.name();
      order.accept(c, name, null);
      switch (name) {
        case "gic":
          b.gic(EnumReader.capability(c));
          break;
        case "vmcoreinfo":
          b.vmcoreinfo(DomainCapsReader.simpleFlag(c));
          break;
        case "genid":
          b.genid(DomainCapsReader.simpleFlag(c));
          break;
        case "backingStoreInput":
          b.backingStoreInput(DomainCapsReader.simpleFlag(c));
          break;
        case "backup":
          b.backup(DomainCapsReader.simpleFlag(c));
          break;
        case "s390-pv":
          b.s390Pv(DomainCapsReader.simpleFlag(c));
          break;
        case "sev":
          b.sev(SecurityFeaturesReader.sev(c));
          break;
        case "sgx":
          b.sgx(SecurityFeaturesReader.sgx(c));
          break;
        case "hyperv":
          b.hyperv(EnumReader.capability(c));
          break;
        default:
          throw c.error("unknown feature <" + name + "> (expected gic, vmcoreinfo, genid,"
              + " backingStoreInput, backup, s390-pv, sev, sgx or hyperv)");
      }
    }
    return b.build();
  }
}
