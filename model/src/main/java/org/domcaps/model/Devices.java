// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

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
    private Capability disk = Capability.absent();
    private Capability graphics = Capability.absent();
    private Capability video = Capability.absent();
    private Capability hostdev = Capability.absent();
    private Capability rng = Capability.absent();
    private Capability filesystem = Capability.absent();
    private Capability tpm = Capability.absent();
    private Capability redirdev = Capability.absent();
    private Capability channel = Capability.absent();

    private Builder() {}

    public Builder disk(Capability c) {
      disk = c;
      return this;
    }

    public Builder graphics(Capability c) {
      graphics = c;
      return this;
    }

    public Builder video(Capability c) {
      video = c;
      return this;
    }

    public Builder hostdev(Capability c) {
      hostdev = c;
      return this;
    }

    public Builder rng(Capability c) {
      rng = c;
      return this;
    }

    public Builder filesystem(Capability c) {
      filesystem = c;
      return this;
    }

    public Builder tpm(Capability c) {
      tpm = c;
      return this;
    }

    public Builder redirdev(Capability c) {
      redirdev = c;
      return this;
    }

    public Builder channel(Capability c) {
      channel = c;
      return this;
    }

    public Devices build() {
      return new Devices(
          disk, graphics, video, hostdev, rng, filesystem, tpm, redirdev, channel);
    }
  }
}
