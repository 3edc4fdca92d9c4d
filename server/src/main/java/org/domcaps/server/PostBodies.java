// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;

/**
 * The HTTP side of the {@code POST} operations, for their implementations in other modules:
 * several documents in one {@code multipart/form-data} body ({@code curl -F a=@A.xml -F
 * b=@B.xml}), and the form of the answer by {@code ?format=} or {@code Accept}.
 */
public final class PostBodies {
  /** More parts than any pool request needs; a bound on the parser's work. */
  private static final int MAX_PARTS = 1000;

  private PostBodies() {}

  /**
   * One document of a multipart body: the name it is reported under (the part's file name, as
   * {@code curl -F a=@A.xml} sends it, else the part's field name) and its bytes.
   */
  public record Part(String name, byte[] content) {
    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  /**
   * The parts of a {@code multipart/form-data} body, in order.
   *
   * @throws PostRefusal 415 for another Content-Type, 400 for a malformed body
   */
  public static List<Part> multipart(byte[] body, String contentType) throws PostRefusal {
    String type = contentType == null ? ""
        : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!type.equals("multipart/form-data")) {
      throw new PostRefusal(415, "Content-Type "
          + ErrorBody.quote(contentType == null ? "" : contentType)
          + ": expected multipart/form-data with one document a part"
          + " (curl -F a=@A.xml -F b=@B.xml)");
    }
    String boundary = MultiPart.extractBoundary(contentType);
    if (boundary == null || boundary.isEmpty()) {
      throw new PostRefusal(400, "Content-Type " + ErrorBody.quote(contentType)
          + " names no boundary: expected multipart/form-data; boundary=...");
    }
    MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
    parser.setMaxParts(MAX_PARTS);
    parser.setMaxLength(body.length);
    // Every part stays in memory (the body is bounded already); nothing is written to disk.
    parser.setMaxMemoryFileSize(Math.max(1, body.length));
    parser.setUseFilesForPartsWithoutFileName(false);
    Content.Source source = new ByteBufferContentSource(ByteBuffer.wrap(body));
    List<Part> out = new ArrayList<>();
    try (MultiPartFormData.Parts parts = parser.parse(source).get()) {
      for (MultiPart.Part p : parts) {
        String name = p.getFileName() != null && !p.getFileName().isEmpty() ? p.getFileName()
            : p.getName();
        ByteBuffer content = Content.Source.asByteBuffer(p.getContentSource());
        byte[] bytes = new byte[content.remaining()];
        content.get(bytes);
        out.add(new Part(name == null ? "part-" + (out.size() + 1) : name, bytes));
      }
    } catch (ExecutionException e) {
      throw new PostRefusal(400, "malformed multipart/form-data body: " + e.getCause()
          .getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PostRefusal(503, "interrupted while reading the request body");
    } catch (java.io.IOException | RuntimeException e) {
      throw new PostRefusal(400, "malformed multipart/form-data body: " + e.getMessage());
    }
    return out;
  }

  /**
   * The form of the answer: {@code ?format=} when given (one of {@code forms}' keys); else the
   * first media type in {@code accept} one of the forms has; else the first form.
   *
   * @param forms each form's name and its media types, the default form first
   * @throws PostRefusal 400 for an unknown {@code format}, 406 for an Accept naming no form
   */
  public static String form(String param, String accept, Map<String, List<String>> forms)
      throws PostRefusal {
    if (param != null) {
      if (forms.containsKey(param)) {
        return param;
      }
      throw new PostRefusal(400, "format=" + ErrorBody.quote(param) + ": expected "
          + String.join(" or ", forms.keySet()));
    }
    String first = forms.keySet().iterator().next();
    if (accept == null || accept.isBlank()) {
      return first;
    }
    List<String> known = new ArrayList<>();
    for (String part : accept.split(",")) {
      String type = part.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      if (type.equals("*/*")) {
        return first;
      }
      for (Map.Entry<String, List<String>> f : forms.entrySet()) {
        if (f.getValue().contains(type)) {
          return f.getKey();
        }
        known.addAll(f.getValue());
      }
    }
    throw new PostRefusal(406, "Accept: " + ErrorBody.quote(accept) + " names no form of this "
        + "answer: expected " + String.join(", ", new java.util.LinkedHashSet<>(known)));
  }

  /** The JSON error body of a refusal, for an operation that answers one itself. */
  public static Document error(int status, String message) {
    return ErrorBody.of(status, message);
  }
}
