// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One rendered answer: the exact bytes sent, their media type and a strong ETag derived from the
 * bytes (so a changed answer always has a changed ETag, and an unchanged one keeps it across
 * refreshes and restarts). Immutable; the body array is never handed out for writing.
 */
public final class Document {
  private final byte[] body;
  private final String contentType;
  private final String etag;

  public Document(byte[] body, String contentType) {
    this.body = body;
    this.contentType = contentType;
    this.etag = etagOf(body);
  }

  public static Document utf8(String text, String contentType) {
    return new Document(text.getBytes(StandardCharsets.UTF_8), contentType);
  }

  /** The body; callers only read it (it is shared by every response). */
  byte[] body() {
    return body;
  }

  public String contentType() {
    return contentType;
  }

  /** The quoted strong ETag: the first 128 bits of the body's SHA-256. */
  public String etag() {
    return etag;
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static String etagOf(byte[] body) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
      StringBuilder s = new StringBuilder("\"");
      for (int i = 0; i < 16; i++) {
        s.append(Character.forDigit((d[i] >> 4) & 0xf, 16))
            .append(Character.forDigit(d[i] & 0xf, 16));
      }
      return s.append('"').toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
