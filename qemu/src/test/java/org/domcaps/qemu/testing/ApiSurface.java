// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A text dump of the public surface of some packages: every public type (nested ones included)
 * and its public or protected constructors, methods and fields, one line each, sorted. A last
 * section lists the project types that the surface mentions but that are not in an exported
 * package (internals leaking through the API), so that a new leak shows as a change too.
 */
public final class ApiSurface {
  private static final Pattern PROJECT_TYPE = Pattern.compile("org\\.domcaps(?:\\.[a-z0-9]+)+"
      + "\\.[A-Z][A-Za-z0-9_$]*");

  private ApiSurface() {}

  /** The dump of {@code packages} compiled under {@code classes}; {@code exported}: the API. */
  public static String dump(Path classes, Set<String> packages, Set<String> exported) {
    Map<String, Set<String>> byType = new TreeMap<>();
    Set<String> leaks = new TreeSet<>();
    for (String pkg : packages) {
      for (Class<?> c : publicTypes(classes, pkg)) {
        Set<String> lines = new TreeSet<>();
        for (Member m : members(c)) {
          String line = describe(m).replace(" " + c.getName() + ".", " ");
          lines.add("  " + line);
          Matcher t = PROJECT_TYPE.matcher(line);
          while (t.find()) {
            String type = t.group().replaceAll("\\$.*", "");
            if (!exported.contains(type.substring(0, type.lastIndexOf('.')))) {
              leaks.add("leaks " + type);
            }
          }
        }
        byType.put(c.getName(), lines);
        lines.add(describe(c));
      }
    }
    List<String> out = new ArrayList<>();
    byType.forEach((name, lines) -> {
      lines.stream().filter(l -> !l.startsWith(" ")).forEach(out::add);
      lines.stream().filter(l -> l.startsWith(" ")).forEach(out::add);
    });
    out.addAll(leaks);
    return String.join("\n", out) + "\n";
  }

  private static List<Class<?>> publicTypes(Path classes, String pkg) {
    Path dir = classes.resolve(pkg.replace('.', '/'));
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (!name.endsWith(".class") || name.equals("package-info.class")) {
          continue;
        }
        Class<?> c = Class.forName(pkg + "." + name.substring(0, name.length() - 6), false,
            ApiSurface.class.getClassLoader());
        if (isVisible(c)) {
          out.add(c);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** Public, and every enclosing class public too. */
  private static boolean isVisible(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isSynthetic()) {
        return false;
      }
    }
    return true;
  }

  private static List<Member> members(Class<?> c) {
    List<Member> out = new ArrayList<>();
    for (Constructor<?> k : c.getDeclaredConstructors()) {
      out.add(k);
    }
    for (Method m : c.getDeclaredMethods()) {
      out.add(m);
    }
    for (Field f : c.getDeclaredFields()) {
      out.add(f);
    }
    out.removeIf(m -> m.isSynthetic()
        || !(Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())));
    return out;
  }

  private static String describe(Class<?> c) {
    String kind = c.isRecord() ? "record" : c.isEnum() ? "enum" : c.isAnnotation() ? "@interface"
        : c.isInterface() ? "interface" : "class";
    String mods = Modifier.toString(c.getModifiers() & ~Modifier.INTERFACE & ~Modifier.STATIC);
    return mods + " " + kind + " " + c.getName()
        + (c.getSuperclass() != null && c.getSuperclass() != Object.class
            && !c.isEnum() && !c.isRecord() ? " extends " + c.getSuperclass().getName() : "")
        + interfaces(c);
  }

  private static String interfaces(Class<?> c) {
    List<String> names = new ArrayList<>();
    for (Class<?> i : c.getInterfaces()) {
      names.add(i.getName());
    }
    return names.isEmpty() ? "" : " implements " + String.join(", ", names);
  }

  private static String describe(Member m) {
    if (m instanceof Executable e) {
      return e.toGenericString();
    }
    return ((Field) m).toGenericString();
  }
}
