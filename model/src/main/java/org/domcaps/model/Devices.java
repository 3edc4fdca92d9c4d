// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.Arrays;
import java.util.List;

/**
 * {@code <devices>} in libvirt's order. Each device is a {@link Capability}; an absent one is
 * omitted. Covers every device libvirt 9.0.0 through 12.8 prints (crypto, interface, panic and
 * console came after 9.0); a device of a later libvirt is kept as
 * {@link DomainCapabilities#unknown() unknown content}. Built with {@link #builder()}; immutable.
 */
public final class Devices {
  /**
   * The device element names, in libvirt's printing order: the one list for every reader and
   * writer of the document. libvirt 9.0.0 prints the first nine
   * ({@link LibvirtPrints#devices()} says which a release prints).
   */
  public static final List<String> NAMES = List.of(
      "disk", "graphics", "video", "hostdev", "rng", "filesystem", "tpm", "redirdev", "channel",
      "crypto", "interface", "panic", "console");

  private static final Devices NONE = builder().build();

  private final Capability[] devices;

  private Devices(Capability[] devices) {
    this.devices = devices.clone();
  }

  /** No device reported. */
  public static Devices none() {
    return NONE;
  }

  /** Every device absent until set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The device named {@code name} (one of {@link #NAMES}); absent when not reported. */
  public Capability device(String name) {
    int i = NAMES.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("unknown device '" + name + "' (expected " + NAMES + ")");
    }
    return devices[i];
  }

  public Capability disk() {
    return devices[0];
  }

  public Capability graphics() {
    return devices[1];
  }

  public Capability video() {
    return devices[2];
  }

  public Capability hostdev() {
    return devices[3];
  }

  public Capability rng() {
    return devices[4];
  }

  public Capability filesystem() {
    return devices[5];
  }

  public Capability tpm() {
    return devices[6];
  }

  public Capability redirdev() {
    return devices[7];
  }

  public Capability channel() {
    return devices[8];
  }

  /** {@code <crypto>} (libvirt 9.1 and later). */
  public Capability crypto() {
    return devices[9];
  }

  /** {@code <interface>} (libvirt 10.x and later). */
  public Capability iface() {
    return devices[10];
  }

  /** {@code <panic>} (libvirt 10.5 and later). */
  public Capability panic() {
    return devices[11];
  }

  /** {@code <console>} (libvirt 11.5 and later). */
  public Capability console() {
    return devices[12];
  }

  /** Every device, absent ones included, in the order of {@link #NAMES}. */
  public List<Capability> inOrder() {
    return List.of(devices);
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    System.arraycopy(devices, 0, b.devices, 0, devices.length);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Devices d && Arrays.equals(d.devices, devices);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(devices);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Devices[");
    for (int i = 0; i < devices.length; i++) {
      if (devices[i].supported().isReported()) {
        sb.append(NAMES.get(i)).append('=').append(devices[i]).append(", ");
      }
    }
    return sb.append(']').toString();
  }

  /** Collects devices; unset ones stay absent. */
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
            "unknown device '" + name + "' (expected one of " + NAMES + ")");
      }
      devices[i] = java.util.Objects.requireNonNull(c, name);
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

    public Builder crypto(Capability c) {
      return device("crypto", c);
    }

    public Builder iface(Capability c) {
      return device("interface", c);
    }

    public Builder panic(Capability c) {
      return device("panic", c);
    }

    public Builder console(Capability c) {
      return device("console", c);
    }

    public Devices build() {
      return new Devices(devices);
    }
  }
}
