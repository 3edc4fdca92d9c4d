// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import org.domcaps.qemu.host.IoErrors;
import org.domcaps.qemu.qmp.QuotedInput;

/**
 * How domcaps words errors, for tools built on it that report in the same words: the strerror
 * text libvirt would print for a Java file exception, and a bounded, printable excerpt of input
 * to quote. Stateless and thread-safe.
 */
public final class ErrorText {
  private ErrorText() {}

  /**
   * The strerror() text libvirt would print where Java threw {@code e} ({@code No such file or
   * directory}).
   */
  public static String of(Exception e) {
    return IoErrors.describe(e);
  }

  /** {@code input} cut to a bounded length with unprintable characters escaped, for quoting. */
  public static String excerpt(CharSequence input) {
    return QuotedInput.excerpt(input);
  }
}
