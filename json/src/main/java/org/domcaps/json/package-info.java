// SPDX-License-Identifier: LGPL-2.1-or-later
/**
 * The JSON form of the domain capabilities document: {@link
 * org.domcaps.json.DomainCapabilitiesJson#write} and {@link
 * org.domcaps.json.DomainCapabilitiesJson#read}. The shape is documented in the README.
 */
package org.domcaps.json;
