// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.domcaps.qemu.build.FillFacts;

/**
 * qemuHostdevHostSupportsPassthroughVFIO: an IOMMU group exists and {@code /dev/vfio/vfio} is
 * there (the binary's {@code vfio-pci} device is checked by the builder).
 */
final class HostVfio {
  private HostVfio() {}

  static FillFacts.Vfio live() {
    return of(Path.of("/sys/kernel/iommu_groups"), Path.of("/dev/vfio/vfio"));
  }

  static FillFacts.Vfio of(Path iommuGroups, Path vfioDevice) {
    boolean groups;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(iommuGroups)) {
      groups = ds.iterator().hasNext();
    } catch (IOException e) {
      groups = false;
    }
    return groups && Files.exists(vfioDevice) ? FillFacts.Vfio.PRESENT : FillFacts.Vfio.ABSENT;
  }
}
