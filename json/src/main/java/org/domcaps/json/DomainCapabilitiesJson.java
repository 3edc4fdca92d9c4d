// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.model.ReadResult;
import org.domcaps.model.xml.DomainCapabilitiesParseException;
import org.domcaps.model.xml.DomainCapabilitiesXml;

/**
 * The JSON form of a domain capabilities document: named fields that follow the XML
 * ({@code .devices.disk.enums.bus}), see the README's "JSON form". Lossless both ways: XML → JSON
 * → XML gives the same bytes. Mapping is explicit code over Jackson's streaming writer and tree
 * reader; there is no reflection-based binding.
 */
public final class DomainCapabilitiesJson {
  /** Documents larger than this many characters are refused (as for XML). */
  public static final long MAX_DOCUMENT_CHARS = 8L * 1024 * 1024;
  /**
   * Values nested deeper than this are refused: the deepest of the typed form is 6, and unknown
   * XML content (up to the XML reader's 16 levels) takes two JSON levels per element.
   */
  public static final int MAX_DEPTH = 40;

  private static final Pattern SOURCE_IN_LOCATION =
      Pattern.compile("\\[Source: [^\\]]*?; (line: \\d+, column: \\d+)\\]");
  static {
    JacksonMinimum.require();
  }

  private static final JsonFactory WRITE_FACTORY = JsonFactory.builder().build();

  private DomainCapabilitiesJson() {}

  /**
   * Pretty JSON: two-space indent, {@code "key": value}, one array element a line, trailing newline
   * (the layout {@code jq .} prints).
   */
  public static String write(DomainCapabilities caps) {
    StringWriter out = new StringWriter(16384);
    try (JsonGenerator g = WRITE_FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(prettyPrinter());
      new JsonShapeWriter(g).write(caps);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return out.append('\n').toString();
  }

  /**
   * The JSON form of the document as libvirt {@code version} would print it: the same parts as
   * {@link DomainCapabilitiesXml#format(DomainCapabilities, LibvirtVersion)} (one table, one
   * projection: the XML writer's, read back).
   *
   * @throws IllegalArgumentException for a release without a table in {@code LibvirtPrints}
   */
  public static String write(DomainCapabilities caps, LibvirtVersion version) {
    String xml = DomainCapabilitiesXml.format(caps, version);
    try {
      return write(DomainCapabilitiesXml.parse(xml));
    } catch (DomainCapabilitiesParseException e) {
      throw new IllegalStateException("the XML writer printed a document its reader refuses: "
          + e.getMessage(), e);
    }
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter p = new DefaultPrettyPrinter(separators);
    p.indentObjectsWith(indenter);
    p.indentArraysWith(indenter);
    return p;
  }

  public static DomainCapabilities read(String json) throws DomainCapabilitiesJsonException {
    return read(new StringReader(json));
  }

  /** Reads at most {@link #MAX_DOCUMENT_CHARS} characters; the reader is not closed. */
  public static DomainCapabilities read(Reader in) throws DomainCapabilitiesJsonException {
    return readWithWarnings(in).caps();
  }

  /**
   * As {@link #read(Reader)}, also listing what the model does not know (the {@code unknown}
   * parts, enum names no libvirt up to 12.8 prints), each with its jq path. A leading byte order
   * mark is skipped.
   */
  public static ReadResult readWithWarnings(Reader in) throws DomainCapabilitiesJsonException {
    JsonNode root;
    try {
      PushbackReader unread = new PushbackReader(in, 1);
      int first = unread.read();
      if (first >= 0 && first != '\uFEFF') {
        unread.unread(first);
      }
      root = Reading.MAPPER.readTree(unread);
    } catch (JsonProcessingException e) {
      // instanceof, not a catch clause: a catch type is loaded when the class is verified, which
      // would fail an old Jackson before JacksonMinimum could name it.
      if (e instanceof StreamConstraintsException constraint) {
        throw new DomainCapabilitiesJsonException(".", constraintProblem(constraint));
      }
      JsonLocation at = e.getLocation();
      String problem = syntaxProblem(e);
      if (at == null) {
        throw new DomainCapabilitiesJsonException(".", problem);
      }
      throw new DomainCapabilitiesJsonException(at.getLineNr(), at.getColumnNr(), problem, e);
    } catch (IOException e) {
      throw new DomainCapabilitiesJsonException(".", "cannot read the input: " + e.getMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw new DomainCapabilitiesJsonException(".", "empty input (expected a JSON object)");
    }
    try {
      JsonFields fields = JsonFields.root(root);
      DomainCapabilities caps = JsonShapeReader.read(fields);
      return new ReadResult(caps, fields.warnings());
    } catch (IllegalArgumentException e) {
      // The model's own invariants; the reader checks the ones it can name a path for first.
      throw new DomainCapabilitiesJsonException(".", e.getMessage());
    }
  }

  private static String constraintProblem(StreamConstraintsException e) {
    String m = e.getOriginalMessage();
    if (m.contains("nesting depth")) {
      return "document nested deeper than " + MAX_DEPTH + " levels (refused while reading)";
    }
    if (m.contains("Document length")) {
      return "document longer than " + MAX_DOCUMENT_CHARS + " characters (refused while reading)";
    }
    return m;
  }

  private static String syntaxProblem(JsonProcessingException e) {
    if (e instanceof MismatchedInputException && e.getOriginalMessage()
        .startsWith("Trailing token")) {
      return "unexpected content after the end of the document's object";
    }
    // Jackson names the (redacted) source inside locations; keep only line and column.
    return SOURCE_IN_LOCATION.matcher(e.getOriginalMessage()).replaceAll("$1");
  }

  public static DomainCapabilities read(Path file)
      throws DomainCapabilitiesJsonException, IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in);
    }
  }

  /** Built on first read only, so that writing JSON never pays for the object mapper. */
  private static final class Reading {
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(MAX_DOCUMENT_CHARS)
                .maxNestingDepth(MAX_DEPTH)
                .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }
}
