// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import java.nio.file.Path;
import org.domcaps.qemu.api.LiveOptions;
import org.domcaps.qemu.caps.QemuCapsXml;

/**
 * One racing process of {@link CapsCacheFaultTest}: waits for the start signal file, looks the
 * binary up through the cache and prints "probes=N" then the entry it got.
 */
public final class CacheRaceMain {
  private CacheRaceMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String binary = args[1];
    Path go = Path.of(args[2]);
    HostKey host = LiveHostKey.read(LiveOptions.hostArch());
    CapsCache cache = new CapsCache(dir, host,
        LiveProber.live(b -> ProbeContexts.of(b, host)), System.err::println);
    while (!java.nio.file.Files.exists(go)) {
      Thread.sleep(1);
    }
    String xml = QemuCapsXml.write(cache.lookup(binary));
    System.out.println("probes=" + cache.probes());
    System.out.print(xml);
  }
}
