// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.query;

import org.domcaps.model.Supported;

/**
 * The answer to a question about a document: {@link #YES}, {@link #NO}, or {@link #NOT_REPORTED}
 * when the document does not say (the element or enum is absent, e.g. an older libvirt or another
 * driver). {@code NOT_REPORTED} is never "no": a caller that needs a boolean decides which way an
 * unreported capability falls, typically with {@link #orElse(boolean)}.
 */
public enum Answer {
  YES,
  NO,
  NOT_REPORTED;

  /** The answer libvirt's tri-state {@code supported} attribute gives. */
  public static Answer of(Supported supported) {
    return switch (supported) {
      case YES -> YES;
      case NO -> NO;
      case ABSENT -> NOT_REPORTED;
    };
  }

  /** YES for true, NO for false. */
  public static Answer of(boolean reportedValue) {
    return reportedValue ? YES : NO;
  }

  public boolean isYes() {
    return this == YES;
  }

  public boolean isReported() {
    return this != NOT_REPORTED;
  }

  /** true for YES, false for NO, {@code whenNotReported} otherwise. */
  public boolean orElse(boolean whenNotReported) {
    return this == NOT_REPORTED ? whenNotReported : this == YES;
  }

  /** Both must hold: NO wins over NOT_REPORTED, which wins over YES. */
  public Answer and(Answer other) {
    if (this == NO || other == NO) {
      return NO;
    }
    return this == NOT_REPORTED || other == NOT_REPORTED ? NOT_REPORTED : YES;
  }
}
