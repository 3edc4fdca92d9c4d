// SPDX-License-Identifier: LGPL-2.1-or-later
/**
 * The typed model of the {@code <domainCapabilities>} document of libvirt 9.0.0 through 12.8:
 * immutable values, builders for the main types, tri-state {@link org.domcaps.model.Supported},
 * what a newer libvirt adds kept as {@link org.domcaps.model.UnknownContent}, and one table per
 * release of what it prints ({@link org.domcaps.model.LibvirtPrints}). XML lives in
 * {@code org.domcaps.model.xml}.
 */
package org.domcaps.model;
