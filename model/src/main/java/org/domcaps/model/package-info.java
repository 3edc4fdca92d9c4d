// SPDX-License-Identifier: LGPL-2.1-or-later
/**
 * The typed model of libvirt 9.0.0's {@code <domainCapabilities>} document: immutable records,
 * builders for long construction, tri-state {@link org.domcaps.model.Supported}. XML lives in
 * {@code org.domcaps.model.xml}.
 */
package org.domcaps.model;
