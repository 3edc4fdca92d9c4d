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
  /** The descriptors of exactly {@code files} (in order) if none of them changed, else empty. */
  Optional<List<FirmwareDescriptor>> recall(List<Path> files);

  /** Called after {@code files} all parsed without error. */
  void remember(List<Path> files, List<FirmwareDescriptor> parsed);

  /** Parses every time. */
  DescriptorMemo NONE = new DescriptorMemo() {
    @Override
    public Optional<List<FirmwareDescriptor>> recall(List<Path> files) {
      return Optional.empty();
    }

    @Override
    public void remember(List<Path> files, List<FirmwareDescriptor> parsed) {}
  };
}
