// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import static org.domcaps.model.xml.XmlCursor.quote;

import org.domcaps.model.Supported;

/** Attribute and text values of the document: tri-states, yes/no and numbers. */
final class Scalars {
  private Scalars() {}

  /** The required {@code supported} attribute: yes or no. */
  static Supported supported(XmlCursor c) throws DomainCapabilitiesParseException {
    String v = c.attribute("supported");
    return supportedValue(c, v);
  }

  static Supported supportedValue(XmlCursor c, String v) throws DomainCapabilitiesParseException {
    switch (v) {
      case "yes":
        return Supported.YES;
      case "no":
        return Supported.NO;
      default:
        throw c.attributeError("supported", "expected 'yes' or 'no' but was " + quote(v));
    }
  }

  /** A yes/no text value, just read by {@link XmlCursor#text()}. */
  static boolean yesNo(XmlCursor c, String v) throws DomainCapabilitiesParseException {
    switch (v) {
      case "yes":
        return true;
      case "no":
        return false;
      default:
        throw c.textError("expected 'yes' or 'no' but was " + quote(v));
    }
  }

  /** A non-negative decimal that fits a C int; {@code attr} null for the text just read. */
  static int unsignedInt(XmlCursor c, String attr, String v)
      throws DomainCapabilitiesParseException {
    long n = digits(c, attr, v, "an integer");
    if (n > Integer.MAX_VALUE) {
      throw fail(c, attr, "expected an integer of at most " + Integer.MAX_VALUE + " but was "
          + quote(v));
    }
    return (int) n;
  }

  /** A non-negative decimal of up to 64 unsigned bits, returned as a (possibly negative) long. */
  static long unsignedLong(XmlCursor c, String attr, String v)
      throws DomainCapabilitiesParseException {
    return digits(c, attr, v, "an unsigned 64-bit integer");
  }

  private static long digits(XmlCursor c, String attr, String v, String what)
      throws DomainCapabilitiesParseException {
    if (v.isEmpty() || v.length() > 20 || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      throw fail(c, attr, "expected " + what + " but was " + quote(v));
    }
    try {
      return Long.parseUnsignedLong(v);
    } catch (NumberFormatException e) {
      throw fail(c, attr, "expected " + what + " but was " + quote(v));
    }
  }

  private static DomainCapabilitiesParseException fail(XmlCursor c, String attr, String problem) {
    return attr == null ? c.textError(problem) : c.attributeError(attr, problem);
  }
}
