// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.time.Instant;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;

/**
 * Called by Jetty when a response is complete: counts it in the metrics and writes one access-log
 * line, a JSON object (time, client, method, path, query, status, bytes, duration), so that
 * journald or a log shipper can read fields without parsing free text.
 */
final class RequestRecorder implements RequestLog {
  private final Metrics metrics;
  private final Consumer<String> log;

  RequestRecorder(Metrics metrics, Consumer<String> log) {
    this.metrics = metrics;
    this.log = log;
  }

  @Override
  public void log(Request request, Response response) {
    long nanos = System.nanoTime() - request.getBeginNanoTime();
    String path = request.getHttpURI().getPath();
    String route = path == null ? "other" : ApiHandler.route(path);
    int status = response.getStatus();
    metrics.request(route, status, nanos);
    JsonStringEncoder enc = JsonStringEncoder.getInstance();
    String query = request.getHttpURI().getQuery();
    StringBuilder s = new StringBuilder(200);
    s.append("{\"ts\":\"").append(Instant.now()).append("\",\"remote\":\"")
        .append(enc.quoteAsString(remote(request)))
        .append("\",\"method\":\"").append(enc.quoteAsString(request.getMethod()))
        .append("\",\"path\":\"").append(enc.quoteAsString(String.valueOf(path))).append('"');
    if (query != null) {
      s.append(",\"query\":\"").append(enc.quoteAsString(query)).append('"');
    }
    s.append(",\"status\":").append(status)
        .append(",\"bytes\":").append(Response.getContentBytesWritten(response))
        .append(",\"ms\":").append(String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e6))
        .append('}');
    log.accept(s.toString());
  }

  /** The client's address, or {@code unix} on the Unix socket (whose peers have no address). */
  private static String remote(Request request) {
    String a = Request.getRemoteAddr(request);
    return a == null || a.isEmpty() ? "unix" : a;
  }
}
