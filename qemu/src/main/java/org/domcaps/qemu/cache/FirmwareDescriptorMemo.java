// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.domcaps.qemu.firmware.DescriptorMemo;
import org.domcaps.qemu.firmware.FirmwareDescriptor;

/**
 * Parsed firmware descriptors kept in {@code DIR/firmware-descriptors.bin}, keyed by the state of
 * every effective descriptor file: its path, size, mtime, ctime (nanoseconds) and device/inode
 * (following links, so a re-pointed link counts as a change), plus the domcaps build. libvirt
 * re-reads the descriptors for every request; the answer depends only on their content, so an
 * unchanged set of files may skip the JSON parsing (the most expensive step of a warm answer).
 * Adding, removing, editing, replacing or shadowing a file changes the key. Loader images are
 * still checked for existence on every answer. An unreadable memo is ignored and rewritten.
 */
public final class FirmwareDescriptorMemo implements DescriptorMemo {
  private static final String MAGIC = "domcaps-firmware-descriptors-1";

  private final Path file;
  private final long selfCtime;

  public FirmwareDescriptorMemo(Path cacheDir, long selfCtime) {
    this.file = cacheDir.resolve("firmware-descriptors.bin");
    this.selfCtime = selfCtime;
  }

  @Override
  public String stamp(List<Path> files) {
    StringBuilder b = new StringBuilder();
    try {
      for (Path f : files) {
        b.append(f).append('\0').append(state(f)).append('\n');
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return b.toString();
  }

  @Override
  public Optional<List<FirmwareDescriptor>> recall(List<Path> files, String stamp) {
    byte[] bytes;
    try {
      bytes = CacheFiles.read(file, CacheFiles.MAX_ENTRY_BYTES);
    } catch (IOException e) {
      return Optional.empty();
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (!in.readUTF().equals(MAGIC) || in.readLong() != selfCtime) {
        return Optional.empty();
      }
      if (!readString(in).equals(stamp)) {
        return Optional.empty();
      }
      int n = in.readInt();
      if (n != files.size()) {
        return Optional.empty();
      }
      List<FirmwareDescriptor> out = new ArrayList<>(n);
      for (Path f : files) {
        out.add(readDescriptor(in, f));
      }
      return in.read() == -1 ? Optional.of(out) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public void remember(List<Path> files, String stamp, List<FirmwareDescriptor> parsed) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buf)) {
      out.writeUTF(MAGIC);
      out.writeLong(selfCtime);
      byte[] key = stamp.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      out.writeInt(key.length);
      out.write(key);
      out.writeInt(files.size());
      for (int i = 0; i < files.size(); i++) {
        writeDescriptor(out, parsed.get(i));
      }
    } catch (IOException | RuntimeException e) {
      return; // e.g. a string over 64 KiB: not worth remembering
    }
    try {
      Files.createDirectories(file.getParent());
      CacheFiles.removeStaleTemporaries(file.getParent());
      CacheFiles.replace(file, buf.toByteArray());
    } catch (IOException | RuntimeException e) {
      // Only the speed-up is lost.
    }
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (1 << 20)) {
      throw new IOException("implausible key length " + n);
    }
    return new String(in.readNBytes(n), java.nio.charset.StandardCharsets.UTF_8);
  }

  static String state(Path f) throws IOException {
    Map<String, Object> a = Files.readAttributes(f, "unix:size,lastModifiedTime,ctime,dev,ino");
    return a.get("size") + " " + ((java.nio.file.attribute.FileTime) a.get("lastModifiedTime"))
        .to(java.util.concurrent.TimeUnit.NANOSECONDS) + " "
        + ((java.nio.file.attribute.FileTime) a.get("ctime"))
            .to(java.util.concurrent.TimeUnit.NANOSECONDS)
        + " " + a.get("dev") + " " + a.get("ino");
  }

  private static void writeDescriptor(DataOutputStream out, FirmwareDescriptor d)
      throws IOException {
    writeList(out, d.interfaces());
    out.writeUTF(d.device());
    writeOptional(out, d.image());
    writeOptional(out, d.nvramTemplate());
    out.writeInt(d.targets().size());
    for (FirmwareDescriptor.Target t : d.targets()) {
      out.writeUTF(t.arch());
      writeList(out, t.machines());
    }
    writeList(out, d.features());
  }

  private static FirmwareDescriptor readDescriptor(DataInputStream in, Path source)
      throws IOException {
    List<String> interfaces = readList(in);
    String device = in.readUTF();
    Optional<String> image = readOptional(in);
    Optional<String> nvram = readOptional(in);
    int n = in.readInt();
    List<FirmwareDescriptor.Target> targets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      targets.add(new FirmwareDescriptor.Target(in.readUTF(), readList(in)));
    }
    return new FirmwareDescriptor(source, interfaces, device, image, nvram, targets, readList(in));
  }

  private static void writeList(DataOutputStream out, List<String> l) throws IOException {
    out.writeInt(l.size());
    for (String s : l) {
      out.writeUTF(s);
    }
  }

  private static List<String> readList(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 100_000) {
      throw new IOException("implausible list length " + n);
    }
    List<String> l = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      l.add(in.readUTF());
    }
    return l;
  }

  private static void writeOptional(DataOutputStream out, Optional<String> o) throws IOException {
    out.writeBoolean(o.isPresent());
    if (o.isPresent()) {
      out.writeUTF(o.get());
    }
  }

  private static Optional<String> readOptional(DataInputStream in) throws IOException {
    return in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
  }
}
