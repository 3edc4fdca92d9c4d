// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

/** {@code <section node='0' size='262144' unit='KiB'/>}: one NUMA node's EPC section. */
public record SgxSection(int node, long sizeKiB) {}
