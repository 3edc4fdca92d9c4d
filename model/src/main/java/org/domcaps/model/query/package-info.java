// SPDX-License-Identifier: LGPL-2.1-or-later
/**
 * Typed questions about a {@code <domainCapabilities>} document, as management applications ask
 * them: start at {@link org.domcaps.model.query.CapabilityQuestions}. Answers are tri-state
 * ({@link org.domcaps.model.query.Answer}); closed vocabularies are enums implementing {@link
 * org.domcaps.model.query.LibvirtName}, whose javadoc states the rule for values libvirt adds
 * later. JDK only; reads the model through its public accessors.
 */
package org.domcaps.model.query;
