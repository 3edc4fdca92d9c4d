// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's classes loaded beside another Jackson than the build's: a class loader over the
 * test class path without its Jackson jars, plus jackson-core, -databind and -annotations of one
 * version, copied by the build into {@code target/older-jackson} (root pom,
 * {@code jackson.minimum} and {@code jackson.tooOld}).
 */
public final class OlderJackson implements AutoCloseable {
  private final URLClassLoader loader;

  private OlderJackson(URLClassLoader loader) {
    this.loader = loader;
  }

  /** The declared minimum ({@code -Djackson.minimum}). */
  public static String minimum() {
    return property("jackson.minimum");
  }

  /** A version below the minimum ({@code -Djackson.tooOld}). */
  public static String tooOld() {
    return property("jackson.tooOld");
  }

  public static OlderJackson of(String version) {
    Path dir = Path.of(property("domcaps.olderJackson"));
    List<URL> urls = new ArrayList<>();
    try {
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        if (!entry.contains("jackson")) {
          urls.add(Path.of(entry).toUri().toURL());
        }
      }
      try (Stream<Path> jars = Files.list(dir)) {
        List<Path> chosen = jars.filter(j -> j.getFileName().toString().endsWith("-" + version
            + ".jar")).toList();
        if (chosen.size() != 3) {
          throw new IllegalStateException("expected jackson-core, -databind and -annotations "
              + version + " in " + dir + ", found " + chosen);
        }
        for (Path j : chosen) {
          urls.add(j.toUri().toURL());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new OlderJackson(new URLClassLoader(urls.toArray(URL[]::new),
        ClassLoader.getPlatformClassLoader()));
  }

  /**
   * Calls the public static {@code method} of {@code className} in this loader; an exception it
   * throws comes back as is (unwrapped).
   */
  public Object call(String className, String method, Class<?>[] types, Object... args)
      throws Throwable {
    Method m = Class.forName(className, true, loader).getMethod(method, types);
    try {
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Calls a public no-argument method on an object this loader made. */
  public static Object get(Object target, String method) throws ReflectiveOperationException {
    return target.getClass().getMethod(method).invoke(target);
  }

  private static String property(String name) {
    String v = System.getProperty(name);
    if (v == null) {
      throw new IllegalStateException("-D" + name + " is not set (the root pom's surefire"
          + " configuration sets it)");
    }
    return v;
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }
}
