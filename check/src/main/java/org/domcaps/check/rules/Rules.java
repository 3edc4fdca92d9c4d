// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import java.util.List;
import org.domcaps.check.Rule;

/** Every rule, in the order findings are reported. */
public final class Rules {
  private static final List<Rule> ALL = List.of(
      new RequestMatchRule(),
      new FirmwareRule(),
      new LoaderRule(),
      new KvmSmmRule(),
      new VcpuRule(),
      new CpuModeRule(),
      new CpuModelRule(),
      new ArmVirtCpuRule(),
      new KvmVcpuRule(),
      new DefaultCpuFlagsRule(),
      new HostModelCheckFullRule(),
      new HypervVerifyRule(),
      new ApicMsiRule(),
      new HypervisorFeatureRule(),
      new DocumentFeatureRule(),
      new MemoryDeviceRule(),
      new DeviceEnumRule(),
      new FwCfgDmaRule(),
      new DiskRule(),
      new CcwTransitionalRule(),
      new UsbBusRule(),
      new InputRule(),
      new PanicRule(),
      new WatchdogRule(),
      new SoundRule(),
      new ControllerRule(),
      new FilesystemRule(),
      new TpmRule(),
      new SpiceChannelRule());

  private Rules() {}

  public static List<Rule> all() {
    return ALL;
  }
}
