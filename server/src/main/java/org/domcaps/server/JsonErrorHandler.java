// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals (a malformed request line, headers over the limit, a bad URI) in the same
 * JSON form as the service's ({@link ErrorBody}), instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
  @Override
  protected void generateResponse(Request request, Response response, int code, String message,
      Throwable cause, Callback callback) {
    Document d = ErrorBody.of(code, describe(code, message));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, d.contentType());
    response.write(true, ByteBuffer.wrap(d.body()), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    Document d = ErrorBody.of(status, describe(status, reason));
    fields.put(HttpHeader.CONTENT_TYPE, d.contentType());
    return ByteBuffer.wrap(d.body());
  }

  private static String describe(int code, String message) {
    String what = switch (code) {
      case 400 -> "malformed HTTP request";
      case 408 -> "request not received in time";
      case 413 -> "request body too large";
      case 414 -> "request URI too long";
      case 431 -> "request headers too large";
      default -> "HTTP error " + code;
    };
    return message == null || message.isBlank() ? what : what + ": " + message;
  }
}
