// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

/**
 * A refused request. {@link #getMessage()} is libvirt's complete error text, prefix included
 * ({@code invalid argument: unknown virttype: xyz}), i.e. what virsh prints after {@code error: }.
 */
public final class DomCapsException extends Exception {
  private static final long serialVersionUID = 1L;

  /** libvirt's error codes used here, with the prefix virerror.c gives each. */
  public enum Code {
    INVALID_ARG("invalid argument: "),
    CONFIG_UNSUPPORTED("unsupported configuration: "),
    INTERNAL_ERROR("internal error: "),
    /** An operating-system error: the text already ends with {@code : strerror}. */
    SYSTEM_ERROR(""),
    /** Our own wording where libvirt's would leak internals (a binary that is not QEMU). */
    NOT_QEMU("");

    private final String prefix;

    Code(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  private final Code code;

  public DomCapsException(Code code, String text) {
    super(code.prefix() + text);
    this.code = code;
  }

  public DomCapsException(Code code, String text, Throwable cause) {
    super(code.prefix() + text, cause);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
