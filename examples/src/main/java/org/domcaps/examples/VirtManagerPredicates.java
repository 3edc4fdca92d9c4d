// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.examples;

import java.util.List;
import java.util.Optional;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.query.Answer;
import org.domcaps.model.query.CapabilityQuestions;
import org.domcaps.model.query.FilesystemDriver;
import org.domcaps.model.query.GraphicsType;
import org.domcaps.model.query.VideoModel;

/**
 * The predicates a virt-manager style tool asks before offering a setting, as booleans: each
 * decides how a "not reported" answer falls (virt-manager treats it as unsupported, so do we).
 */
public final class VirtManagerPredicates {
  private final CapabilityQuestions q;

  public VirtManagerPredicates(DomainCapabilities caps) {
    this.q = CapabilityQuestions.of(caps);
  }

  public boolean supportsUefiLoader() {
    return q.uefiLoader().orElse(false);
  }

  public boolean supportsFirmwareEfi() {
    return q.firmwareAutoselection().contains(org.domcaps.model.query.FirmwareType.EFI)
        .orElse(false);
  }

  public Optional<String> uefiPathForArch() {
    return q.uefiLoaderPath();
  }

  public boolean supportsSecureBoot() {
    return q.secureBoot().orElse(false);
  }

  public boolean supportsSafeHostModel() {
    return q.safeHostModel().orElse(false);
  }

  public boolean supportsSafeHostPassthrough() {
    return q.migratableHostPassthrough().orElse(false);
  }

  public List<String> cpuModels() {
    return q.offerableCpuModels();
  }

  public boolean supportsSevLaunchSecurity(boolean es) {
    return (es ? q.sevEs() : q.sev()).orElse(false);
  }

  public boolean supportsVideo(VideoModel model) {
    return q.videoModels().contains(model).orElse(false);
  }

  public boolean supportsGraphics(GraphicsType type) {
    return q.graphicsTypes().contains(type).orElse(false);
  }

  public boolean supportsTpmEmulator() {
    return q.tpmEmulator().orElse(false);
  }

  public boolean supportsFilesystemVirtiofs() {
    return q.filesystemDrivers().contains(FilesystemDriver.VIRTIOFS).orElse(false);
  }

  public boolean supportsMemorybackingMemfd() {
    return q.memfd().orElse(false);
  }

  /** The tri-state answer behind a predicate, for callers that must tell "no" from "unknown". */
  public Answer sev() {
    return q.sev();
  }
}
