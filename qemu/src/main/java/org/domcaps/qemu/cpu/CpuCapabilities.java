// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import java.util.List;
import java.util.Optional;
import org.domcaps.qemu.caps.CpuDefinition;

/**
 * The content of libvirt's domain-capabilities {@code <cpu>} element: its four modes, always
 * printed in this order. A faithful structured image of what libvirt 9.0.0 prints; nothing here
 * is computed at formatting time.
 */
public record CpuCapabilities(
    HostPassthroughMode hostPassthrough, MaximumMode maximum, HostModelMode hostModel, CustomMode custom) {

  /** Values of the {@code on}/{@code off} enums, in libvirt's print order. */
  public enum Toggle {
    ON("on"),
    OFF("off");

    private final String xmlName;

    Toggle(String xmlName) {
      this.xmlName = xmlName;
    }

    public String xmlName() {
      return xmlName;
    }
  }

  /**
   * {@code <mode name='host-passthrough'>} with enum {@code hostPassthroughMigratable}; the value
   * list is empty exactly when the mode is unsupported.
   */
  public record HostPassthroughMode(boolean supported, List<Toggle> hostPassthroughMigratable) {
    public HostPassthroughMode {
      hostPassthroughMigratable = List.copyOf(hostPassthroughMigratable);
    }

    public static HostPassthroughMode unsupported() {
      return new HostPassthroughMode(false, List.of());
    }
  }

  /** {@code <mode name='maximum'>} with enum {@code maximumMigratable}. */
  public record MaximumMode(boolean supported, List<Toggle> maximumMigratable) {
    public MaximumMode {
      maximumMigratable = List.copyOf(maximumMigratable);
    }

    public static MaximumMode unsupported() {
      return new MaximumMode(false, List.of());
    }
  }

  /** {@code <mode name='host-model'>}: supported exactly when a host model is present. */
  public record HostModelMode(Optional<HostModel> cpu) {
    public boolean supported() {
      return cpu.isPresent();
    }

    public static HostModelMode unsupported() {
      return new HostModelMode(Optional.empty());
    }
  }

  /** {@code <mode name='custom'>}: supported exactly when at least one model is listed. */
  public record CustomMode(List<CustomModel> models) {
    public CustomMode {
      models = List.copyOf(models);
    }

    public boolean supported() {
      return !models.isEmpty();
    }
  }

  /**
   * One {@code <model usable=… [deprecated='yes'] vendor=… [canonical=…]>NAME</model>} line of the
   * custom mode and, from libvirt 11.3 on, the {@code <blockers>} that follow an unusable model
   * (libvirt 9.0.0 prints neither canonical names nor blockers).
   *
   * @param vendor libvirt's vendor of the model, {@code unknown} when it has none
   * @param canonical the versioned model this one is an alias of (x86, libvirt 11.3)
   * @param blockers libvirt's names of the features that make the model unusable, sorted, no
   *     duplicates; empty when none are printed
   */
  public record CustomModel(String name, CpuDefinition.Usable usable, boolean deprecated, String vendor,
      Optional<String> canonical, List<String> blockers) {
    public CustomModel {
      blockers = List.copyOf(blockers);
    }

    public CustomModel(String name, CpuDefinition.Usable usable, boolean deprecated, String vendor) {
      this(name, usable, deprecated, vendor, Optional.empty(), List.of());
    }
  }
}
