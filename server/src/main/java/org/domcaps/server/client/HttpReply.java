// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One HTTP/1.1 response: status, headers (names lower-cased) and the body. */
public final class HttpReply {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  HttpReply(int status, Map<String, List<String>> headers, byte[] body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  public int status() {
    return status;
  }

  /** The first value of a header, any case of its name. */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  public byte[] body() {
    return body.clone();
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** This reply when its status is 200, else the service's refusal. */
  public HttpReply requireOk() throws DomCapsServiceException {
    if (status == 200) {
      return this;
    }
    String message = text();
    try {
      JsonNode error = JSON.readTree(body).get("error");
      if (error != null && error.isTextual()) {
        message = error.asText();
      }
    } catch (IOException e) {
      // not a JSON error body: keep the text
    }
    throw new DomCapsServiceException(status, message);
  }

  /** Parses a response: Content-Length, chunked, or to the end of the stream. */
  static HttpReply read(InputStream in, boolean head) throws IOException {
    String statusLine = line(in);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("expected an HTTP/1.1 status line, got \"" + statusLine + "\"");
    }
    int status;
    try {
      status = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("expected a status code in \"" + statusLine + "\"", e);
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      if (colon <= 0) {
        throw new IOException("malformed header line \"" + h + "\"");
      }
      headers.computeIfAbsent(h.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          k -> new ArrayList<>()).add(h.substring(colon + 1).strip());
    }
    byte[] body;
    List<String> te = headers.getOrDefault("transfer-encoding", List.of());
    List<String> cl = headers.getOrDefault("content-length", List.of());
    if (head || status == 204 || status == 304) {
      body = new byte[0];
    } else if (te.stream().anyMatch(v -> v.equalsIgnoreCase("chunked"))) {
      body = chunked(in);
    } else if (!cl.isEmpty()) {
      body = in.readNBytes(Integer.parseInt(cl.get(0)));
    } else {
      body = DomCapsClient.readAll(in);
    }
    return new HttpReply(status, headers, body);
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      String size = line(in).split(";", 2)[0].strip();
      int n = Integer.parseInt(size, 16);
      if (n == 0) {
        while (!line(in).isEmpty()) {
          // trailers
        }
        return out.toByteArray();
      }
      out.write(in.readNBytes(n));
      line(in);
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder s = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        s.append((char) c);
      }
    }
    if (c == -1 && s.length() == 0) {
      throw new IOException("connection closed before the response was complete");
    }
    return s.toString();
  }
}
