// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.cpu;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code --validate} of hypervisor-cpu-compare: the CPU element checked against libvirt's {@code
 * cpu.rng}, as libvirt checks it (virCPUDefParseXML → virXMLValidateNodeAgainstSchema), with
 * libxml2's RELAX NG validator itself. libvirt's refusal quotes every message libxml2's
 * validator reports, and those texts are libxml2's (a cascade of "Invalid attribute ...",
 * "Expecting an element ...", "Element cpu failed to validate content"): no other RELAX NG
 * implementation words them the same, so this calls the libxml2 that libvirt links (present
 * wherever libvirt's schemas are installed) through JNA.
 *
 * <p>The element is found in the file as virsh finds it (the same XPath over the same
 * {@code <container>} wrapping), a domain capabilities host-model {@code <mode>} renamed to
 * {@code <cpu>} without its attributes as virsh renames it, and copied into a document of its own
 * as libvirt copies it.
 */
final class CpuSchema {
  /** libvirt's PKGDATADIR/schemas (virFileFindResource outside a build tree). */
  static final Path SCHEMA = Path.of("/usr/share/libvirt/schemas/cpu.rng");

  /** vshExtractCPUDefXMLs's XPath. */
  private static final String XPATH = "/container/cpu|/container/domain/cpu|"
      + "/container/capabilities/host/cpu|"
      + "/container/domainCapabilities/cpu/mode[@name='host-model' and @supported='yes']";

  /**
   * XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET: libvirt's parse reports its own
   * errors.
   */
  private static final int PARSE_OPTIONS = 32 | 64 | 2048;
  /** XML_ERR_WARNING: libvirt passes the validator's warnings to a handler that drops them. */
  private static final int LEVEL_WARNING = 1;

  private CpuSchema() {}

  /** libxml2's structured error handler: {@code void (*)(void *userData, xmlErrorPtr error)}. */
  interface StructuredError extends Callback {
    void invoke(Pointer userData, Pointer error);
  }

  /** The few libxml2 calls libvirt's validation makes (names and signatures are libxml2's). */
  interface LibXml2 extends Library {
    void xmlInitParser();

    Pointer xmlReadMemory(byte[] buffer, int size, String url, String encoding, int options);

    void xmlFreeDoc(Pointer doc);

    Pointer xmlXPathNewContext(Pointer doc);

    void xmlXPathFreeContext(Pointer ctxt);

    Pointer xmlXPathEvalExpression(String expr, Pointer ctxt);

    void xmlXPathFreeObject(Pointer obj);

    void xmlNodeSetName(Pointer node, String name);

    int xmlRemoveProp(Pointer attr);

    Pointer xmlNewDoc(String version);

    Pointer xmlCopyNode(Pointer node, int extended);

    Pointer xmlDocSetRootElement(Pointer doc, Pointer root);

    Pointer xmlRelaxNGNewParserCtxt(String url);

    void xmlRelaxNGSetParserStructuredErrors(Pointer ctxt, StructuredError handler, Pointer data);

    Pointer xmlRelaxNGParse(Pointer ctxt);

    void xmlRelaxNGFreeParserCtxt(Pointer ctxt);

    void xmlRelaxNGFree(Pointer schema);

    Pointer xmlRelaxNGNewValidCtxt(Pointer schema);

    void xmlRelaxNGSetValidStructuredErrors(Pointer ctxt, StructuredError handler, Pointer data);

    int xmlRelaxNGValidateDoc(Pointer ctxt, Pointer doc);

    void xmlRelaxNGFreeValidCtxt(Pointer ctxt);
  }

  private static LibXml2 lib;
  private static String unavailable;

  private static synchronized LibXml2 lib() throws CpuException {
    if (lib == null && unavailable == null) {
      for (String name : new String[] {"xml2", "libxml2.so.2"}) {
        try {
          lib = Native.load(name, LibXml2.class);
          lib.xmlInitParser();
          break;
        } catch (UnsatisfiedLinkError e) {
          unavailable = e.getMessage();
        }
      }
      if (lib != null) {
        unavailable = null;
      }
    }
    if (lib == null) {
      throw new CpuException("internal error: cannot validate against " + SCHEMA
          + ": libxml2 (libvirt's XML library) is not available: " + unavailable);
    }
    return lib;
  }

  /**
   * Validates the {@code index}-th CPU element of {@code container} (the file wrapped in
   * {@code <container>}, as virsh wraps it) against {@link #SCHEMA}; libvirt's error when invalid.
   */
  static void validate(String container, int index) throws CpuException {
    validate(container, index, SCHEMA);
  }

  /**
   * As {@link #validate(String, int)}, reading the schema from {@code schema} (a libvirt tree
   * elsewhere, e.g. another release's) while messages name it where libvirt installs it.
   */
  static synchronized void validate(String container, int index, Path schema) throws CpuException {
    LibXml2 x = lib();
    byte[] bytes = container.getBytes(StandardCharsets.UTF_8);
    Pointer doc = x.xmlReadMemory(bytes, bytes.length, null, null, PARSE_OPTIONS);
    if (doc == null) {
      // The Java reader accepted it; libxml2 should too. Say so rather than validate nothing.
      throw new CpuException(
          "internal error: libxml2 cannot parse the CPU definition to validate it");
    }
    Pointer copy = null;
    Pointer ctxt = null;
    Pointer obj = null;
    try {
      ctxt = x.xmlXPathNewContext(doc);
      obj = x.xmlXPathEvalExpression(XPATH, ctxt);
      // xmlXPathObject {int type; xmlNodeSetPtr nodesetval; ...}; xmlNodeSet {int nodeNr; int
      // nodeMax; xmlNodePtr *nodeTab}.
      Pointer set = obj == null ? null : obj.getPointer(Native.POINTER_SIZE);
      int count = set == null ? 0 : set.getInt(0);
      if (index >= count) {
        throw new CpuException("internal error: libxml2 finds " + count
            + " CPU elements to validate, expected at least " + (index + 1));
      }
      Pointer node = set.getPointer(8).getPointer((long) index * Native.POINTER_SIZE);
      // xmlNode {void *_private; int type; const xmlChar *name; children, last, parent, next,
      // prev, doc, ns, content, properties ...}
      String name = node.getPointer(2L * Native.POINTER_SIZE).getString(0, "UTF-8");
      if (name.equals("mode")) {
        x.xmlNodeSetName(node, "cpu");
        long properties = 11L * Native.POINTER_SIZE;
        for (Pointer p = node.getPointer(properties); p != null; p = node.getPointer(properties)) {
          if (x.xmlRemoveProp(p) < 0) {
            throw new CpuException("Cannot extract CPU definition from domain capabilities XML");
          }
        }
      }
      copy = x.xmlNewDoc(null);
      x.xmlDocSetRootElement(copy, x.xmlCopyNode(node, 1));
      validateDoc(x, copy, schema);
    } finally {
      if (obj != null) {
        x.xmlXPathFreeObject(obj);
      }
      if (ctxt != null) {
        x.xmlXPathFreeContext(ctxt);
      }
      if (copy != null) {
        x.xmlFreeDoc(copy);
      }
      x.xmlFreeDoc(doc);
    }
  }

  /** virXMLValidatorInit + virXMLValidatorValidate, with their messages. */
  private static void validateDoc(LibXml2 x, Pointer doc, Path schema) throws CpuException {
    StringBuilder buf = new StringBuilder();
    StructuredError collect = (data, error) -> {
      // xmlError {int domain; int code; char *message; xmlErrorLevel level; ...}
      int level = error.getInt(8L + Native.POINTER_SIZE);
      Pointer message = error.getPointer(8);
      if (level != LEVEL_WARNING && message != null) {
        buf.append(message.getString(0, "UTF-8"));
      }
    };
    Pointer parser = x.xmlRelaxNGNewParserCtxt(schema.toString());
    Path named = SCHEMA;
    if (parser == null) {
      throw new CpuException("internal error: Unable to create RNG parser for " + named);
    }
    Pointer rng = null;
    Pointer valid = null;
    try {
      x.xmlRelaxNGSetParserStructuredErrors(parser, collect, null);
      rng = x.xmlRelaxNGParse(parser);
      if (rng == null) {
        throw new CpuException("internal error: Unable to parse RNG " + named + ": " + buf);
      }
      valid = x.xmlRelaxNGNewValidCtxt(rng);
      if (valid == null) {
        throw new CpuException("internal error: Unable to create RNG validation context " + named);
      }
      x.xmlRelaxNGSetValidStructuredErrors(valid, collect, null);
      if (x.xmlRelaxNGValidateDoc(valid, doc) != 0) {
        throw new CpuException("XML document failed to validate against schema: Unable to validate"
            + " doc against " + named + "\n" + buf);
      }
    } finally {
      if (valid != null) {
        x.xmlRelaxNGFreeValidCtxt(valid);
      }
      if (rng != null) {
        x.xmlRelaxNGFree(rng);
      }
      x.xmlRelaxNGFreeParserCtxt(parser);
      // Keep the callback reachable until libxml2 can no longer call it.
      java.lang.ref.Reference.reachabilityFence(collect);
    }
  }
}
