// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.firmware;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Remembers parsed descriptors across processes, so that an answer need not parse JSON when no
 * descriptor file changed. The resolver still lists the directories and checks loader images for
 * every answer, as libvirt does.
 */
public interface DescriptorMemo {
  /** The current state of {@code files} (the key), or null when it cannot be read. */
  String stamp(List<Path> files);

  /** The descriptors remembered for exactly {@code stamp}, else empty. */
  Optional<List<FirmwareDescriptor>> recall(List<Path> files, String stamp);

  /**
   * Called after {@code files} all parsed without error and their state was {@code stamp} both
   * before and after parsing.
   */
  void remember(List<Path> files, String stamp, List<FirmwareDescriptor> parsed);

  /** Parses every time. */
  DescriptorMemo NONE = new DescriptorMemo() {
    @Override
    public String stamp(List<Path> files) {
      return null;
    }

    @Override
    public Optional<List<FirmwareDescriptor>> recall(List<Path> files, String stamp) {
      return Optional.empty();
    }

    @Override
    public void remember(List<Path> files, String stamp, List<FirmwareDescriptor> parsed) {}
  };
}
