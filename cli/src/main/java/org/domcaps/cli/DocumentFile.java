// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.domcaps.json.DomainCapabilitiesJson;
import org.domcaps.json.DomainCapabilitiesJsonException;
import org.domcaps.model.DocumentWarning;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.ReadResult;
import org.domcaps.model.xml.DomainCapabilitiesParseException;
import org.domcaps.model.xml.DomainCapabilitiesXml;

/**
 * A domain capabilities document on disk, in XML or in the JSON form: the first character that is
 * not white space decides (an opening brace means JSON, anything else XML). Both readers stream
 * with their
 * own size and depth bounds; the file is never read whole first.
 */
final class DocumentFile {
  /** Leading white space looked through to find the first character. */
  private static final int PEEK_LIMIT = 4096;

  private DocumentFile() {}

  /** A document that cannot be read; the message is {@code FILE[:LINE:COLUMN]: problem}. */
  static final class UnreadableDocumentException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableDocumentException(String message) {
      super(message);
    }
  }

  /**
   * A document read from a file and the virsh framing it had: the newlines after the XML
   * document's own final one (virsh prints two).
   */
  record Read(DomainCapabilities caps, int extraNewlines, List<DocumentWarning> warnings) {}

  static DomainCapabilities read(Path file) throws UnreadableDocumentException {
    return readFramed(file).caps();
  }

  static Read readFramed(Path file) throws UnreadableDocumentException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return readFramed(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new UnreadableDocumentException(file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new UnreadableDocumentException(file + ": permission denied");
    } catch (CharacterCodingException e) {
      throw new UnreadableDocumentException(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new UnreadableDocumentException(file + ": cannot read: " + e.getMessage());
    }
  }

  /** A document sent as bytes (a part of a request), named {@code name} in messages. */
  static Read readFramed(byte[] bytes, String name) throws UnreadableDocumentException {
    // A strict decoder: malformed UTF-8 is refused as the file reader refuses it.
    java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
    try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(
        new java.io.ByteArrayInputStream(bytes), utf8))) {
      return readFramed(in, name);
    } catch (CharacterCodingException e) {
      throw new UnreadableDocumentException(name + ": not UTF-8 text");
    } catch (IOException e) {
      throw new UnreadableDocumentException(name + ": cannot read: " + e.getMessage());
    }
  }

  private static Read readFramed(BufferedReader in, String name)
      throws UnreadableDocumentException, IOException {
    try {
      if (isJson(in)) {
        ReadResult r = DomainCapabilitiesJson.readWithWarnings(in);
        return new Read(r.caps(), 0, r.warnings());
      }
      TrailingNewlineCounter counter = new TrailingNewlineCounter(in);
      ReadResult r = DomainCapabilitiesXml.parseWithWarnings(counter);
      return new Read(r.caps(), Math.max(0, counter.trailingNewlines() - 1), r.warnings());
    } catch (DomainCapabilitiesParseException e) {
      throw located(name, e.line(), e.column(), e.getMessage());
    } catch (DomainCapabilitiesJsonException e) {
      throw located(name, e.line(), e.column(), e.getMessage());
    }
  }

  private static boolean isJson(BufferedReader in) throws IOException {
    in.mark(PEEK_LIMIT + 1);
    try {
      for (int i = 0; i < PEEK_LIMIT; i++) {
        int c = in.read();
        if (c < 0) {
          return false;
        }
        if (c != '\uFEFF' && !Character.isWhitespace(c)) {
          return c == '{';
        }
      }
      return false;
    } finally {
      in.reset();
    }
  }

  /**
   * Both readers prefix a located message with {@code <line:column> }; editors want {@code
   * file:line:column:}.
   */
  private static UnreadableDocumentException located(String file, int line, int column,
      String message) {
    if (line < 0) {
      return new UnreadableDocumentException(file + ": " + message);
    }
    String prefix = "<" + line + ":" + column + "> ";
    String problem = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    return new UnreadableDocumentException(file + ":" + line + ":" + column + ": " + problem);
  }
}
