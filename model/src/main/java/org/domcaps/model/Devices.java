// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * {@code <devices>} in libvirt 9.0.0's order. Each device is a {@link Capability}; an absent one
 * is omitted. libvirt 9.0.0 prints no other device (crypto came later).
 */
public record Devices(
    Capability disk,
    Capability graphics,
    Capability video,
    Capability hostdev,
    Capability rng,
    Capability filesystem,
    Capability tpm,
    Capability redirdev,
    Capability channel) {
  /**
   * The device element names, in libvirt 9.0.0's printing order: the one list for every reader
   * and writer of the document.
   */
  public static final List<String> NAMES = List.of(
      "disk", "graphics", "video", "hostdev", "rng", "filesystem", "tpm", "redirdev", "channel");

  private static final Devices NONE = builder().build();

  public Devices {
    Objects.requireNonNull(disk, "disk");
    Objects.requireNonNull(graphics, "graphics");
    Objects.requireNonNull(video, "video");
    Objects.requireNonNull(hostdev, "hostdev");
    Objects.requireNonNull(rng, "rng");
    Objects.requireNonNull(filesystem, "filesystem");
    Objects.requireNonNull(tpm, "tpm");
    Objects.requireNonNull(redirdev, "redirdev");
    Objects.requireNonNull(channel, "channel");
  }

  /** No device reported. */
  public static Devices none() {
    return NONE;
  }

  /** Every device absent until set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every device, absent ones included, in the order of {@link #NAMES}. */
  public List<Capability> inOrder() {
    return List.of(disk, graphics, video, hostdev, rng, filesystem, tpm, redirdev, channel);
  }

  public Builder toBuilder() {
    return new Builder()
        .disk(disk)
        .graphics(graphics)
        .video(video)
        .hostdev(hostdev)
        .rng(rng)
        .filesystem(filesystem)
        .tpm(tpm)
        .redirdev(redirdev)
        .channel(channel);
  }

  public static final class Builder {
    private final Capability[] devices = new Capability[NAMES.size()];

    private Builder() {
      Arrays.fill(devices, Capability.absent());
    }

    /** Sets the device named {@code name}, one of {@link #NAMES}. */
    public Builder device(String name, Capability c) {
      int i = NAMES.indexOf(name);
      if (i < 0) {
        throw new IllegalArgumentException(
            "unknown device '" + name + "' (libvirt 9.0.0 prints " + NAMES + ")");
      }
      devices[i] = c;
      return this;
    }

    public Builder disk(Capability c) {
      return device("disk", c);
    }

    public Builder graphics(Capability c) {
      return device("graphics", c);
    }

    public Builder video(Capability c) {
      return device("video", c);
    }

    public Builder hostdev(Capability c) {
      return device("hostdev", c);
    }

    public Builder rng(Capability c) {
      return device("rng", c);
    }

    public Builder filesystem(Capability c) {
      return device("filesystem", c);
    }

    public Builder tpm(Capability c) {
      return device("tpm", c);
    }

    public Builder redirdev(Capability c) {
      return device("redirdev", c);
    }

    public Builder channel(Capability c) {
      return device("channel", c);
    }

    public Devices build() {
      Capability[] d = devices;
      return new Devices(d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8]);
    }
  }
}
