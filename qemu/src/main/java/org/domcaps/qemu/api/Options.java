// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;
import org.domcaps.model.LibvirtVersion;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.firmware.FirmwareCapsResolver;
import org.domcaps.qemu.host.HostFacts;

/**
 * Everything {@link DomCaps#answer} takes from its surroundings, so that nothing below the API
 * reads the environment: the host facts (arch, default emulators, KVM, VFIO, swtpm, SEV), how a
 * binary's capabilities are obtained, the firmware descriptors and the CPU logic. Those parts are
 * internal: options come from {@link LiveOptions}, and are adapted with {@link #withLookupsOn}
 * and {@link #withResults}.
 *
 * <p>Immutable; thread-safe when its parts are (those of {@link LiveOptions} are). Meant to be
 * built once and kept: see {@link LiveOptions} for what it caches and how it re-validates.
 */
public final class Options {
  private final HostFacts host;
  private final CapsLookup capsLookup;
  private final FirmwareCapsResolver firmware;
  private final CpuSource cpu;
  private final LibvirtVersion libvirt;

  private Options(Builder b) {
    this.host = Objects.requireNonNull(b.host, "host");
    this.capsLookup = Objects.requireNonNull(b.capsLookup, "capsLookup");
    this.firmware = Objects.requireNonNull(b.firmware, "firmware");
    this.cpu = Objects.requireNonNull(b.cpu, "cpu");
    this.libvirt = Objects.requireNonNull(b.libvirt, "libvirt");
  }

  static Builder builder() {
    return new Builder();
  }

  Builder toBuilder() {
    return new Builder().host(host).capsLookup(capsLookup).firmware(firmware).cpu(cpu)
        .libvirt(libvirt);
  }

  HostFacts host() {
    return host;
  }

  CapsLookup capsLookup() {
    return capsLookup;
  }

  FirmwareCapsResolver firmware() {
    return firmware;
  }

  CpuSource cpu() {
    return cpu;
  }

  /**
   * The libvirt release whose answer is given (9.0.0 unless set). The capabilities the lookup
   * returns must come from that release's probe: {@link LiveOptions} builds both from it.
   */
  public LibvirtVersion libvirt() {
    return libvirt;
  }

  /**
   * These options with every capability lookup run on {@code pool}, so that no more probes run
   * at once than it has threads (a long-running service shares one pool between its start-up
   * probes and requests). A lookup whose waiting thread is interrupted is cancelled, its QEMU
   * killed, and refused with {@code internal error: interrupted while probing BINARY}.
   */
  public Options withLookupsOn(ExecutorService pool) {
    Objects.requireNonNull(pool, "pool");
    CapsLookup inner = capsLookup;
    CapsLookup bounded = binary -> {
      Future<QemuCaps> f = pool.submit(() -> inner.lookup(binary));
      try {
        return f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        f.cancel(true);
        throw new DomCapsException(DomCapsException.Code.INTERNAL_ERROR,
            "interrupted while probing " + binary, e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof DomCapsException d) {
          throw d;
        }
        throw new IllegalStateException("probe of " + binary + " failed unexpectedly",
            e.getCause());
      }
    };
    return toBuilder().capsLookup(bounded).build();
  }

  /**
   * These options answering the binaries of {@code caps} and {@code refused} from them (results
   * obtained earlier, such as a service's warm set of emulators) and every other binary through
   * their own lookup.
   */
  public Options withResults(Map<String, EmulatorCaps> caps,
      Map<String, DomCapsException> refused) {
    Map<String, EmulatorCaps> known = Map.copyOf(caps);
    Map<String, DomCapsException> refusals = Map.copyOf(refused);
    CapsLookup inner = capsLookup;
    CapsLookup remembered = binary -> {
      DomCapsException r = refusals.get(binary);
      if (r != null) {
        throw r;
      }
      EmulatorCaps c = known.get(binary);
      return c != null ? c.qemuCaps() : inner.lookup(binary);
    };
    return toBuilder().capsLookup(remembered).build();
  }

  /**
   * These options answering only for the binaries in {@code allowed}; any other binary is
   * refused ({@link DomCapsException.Code#INVALID_ARG}) with {@code refusal}'s message for it,
   * before anything runs it (a service must not execute a path a request names).
   */
  public Options restrictedTo(Set<String> allowed, Function<String, String> refusal) {
    Set<String> only = Set.copyOf(allowed);
    CapsLookup inner = capsLookup;
    CapsLookup restricted = binary -> {
      if (!only.contains(binary)) {
        throw new DomCapsException(DomCapsException.Code.INVALID_ARG, refusal.apply(binary));
      }
      return inner.lookup(binary);
    };
    return toBuilder().capsLookup(restricted).build();
  }

  /** Builder for {@link Options}; every part is required except the CPU logic. */
  static final class Builder {
    private HostFacts host;
    private CapsLookup capsLookup;
    private FirmwareCapsResolver firmware;
    private CpuSource cpu = CpuSource.NONE;
    private LibvirtVersion libvirt = LibvirtVersion.V9_0;

    private Builder() {}

    Builder host(HostFacts v) {
      host = v;
      return this;
    }

    Builder capsLookup(CapsLookup v) {
      capsLookup = v;
      return this;
    }

    Builder firmware(FirmwareCapsResolver v) {
      firmware = v;
      return this;
    }

    Builder cpu(CpuSource v) {
      cpu = v;
      return this;
    }

    Builder libvirt(LibvirtVersion v) {
      libvirt = v;
      return this;
    }

    Options build() {
      return new Options(this);
    }
  }
}
