// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import java.util.Objects;

/**
 * A probe's refusal as the cache records and replays it: libvirt's error code (the name of the
 * API's {@code DomCapsException.Code}) and its text without the code's prefix. The API turns it
 * back into its exception; a refusal the prober itself raised carries that exception as its cause.
 */
public final class Refusal extends Exception {
  private static final long serialVersionUID = 1L;

  /** libvirt's internal error (also a failure of the cache itself, an interrupted wait). */
  public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
  /** An operating-system error: the text already ends with {@code : strerror}. */
  public static final String SYSTEM_ERROR = "SYSTEM_ERROR";
  /** libvirt's unsupported configuration (a too old QEMU). */
  public static final String CONFIG_UNSUPPORTED = "CONFIG_UNSUPPORTED";
  /** A binary that is not QEMU, in our own words. */
  public static final String NOT_QEMU = "NOT_QEMU";

  private final String code;
  private final String text;

  public Refusal(String code, String text, Throwable cause) {
    super(code + ": " + text, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.text = Objects.requireNonNull(text, "text");
  }

  /** The error code's name, e.g. {@code NOT_QEMU}. */
  public String code() {
    return code;
  }

  /** libvirt's text without the code's prefix. */
  public String text() {
    return text;
  }
}
