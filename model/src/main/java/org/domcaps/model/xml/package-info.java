// SPDX-License-Identifier: LGPL-2.1-or-later
/**
 * libvirt-exact XML for the domain capabilities model: {@link
 * org.domcaps.model.xml.DomainCapabilitiesXml#format} prints what libvirt's virDomainCapsFormat
 * prints (9.0.0 to 12.8, or as one release prints it); {@link
 * org.domcaps.model.xml.DomainCapabilitiesXml#parse} reads it
 * strictly (StAX, no DTD, no external entities, bounded size and depth) and throws {@link
 * org.domcaps.model.xml.DomainCapabilitiesParseException} naming line, column, element and input.
 */
package org.domcaps.model.xml;
