// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.domcaps.qemu.api.LiveOptions;
import org.domcaps.qemu.caps.QemuCapsXml;

/**
 * One process of {@link Issue16LockWaitTest}'s crossed cold runs: like {@code --all}, it looks up
 * several binaries at once, one thread each (started 300 ms apart), through the cache at DIR. Its
 * "probe" takes a second
 * and answers the reference capabilities stored in REFDIR/&lt;sha256&gt;.xml. Prints {@code
 * probes=N}, then every warning and error on a line of its own.
 *
 * <pre>CrossedLookupsMain DIR REFDIR GO_FILE BINARY...</pre>
 */
public final class CrossedLookupsMain {
  private CrossedLookupsMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Path refs = Path.of(args[1]);
    Path go = Path.of(args[2]);
    HostKey host = LiveHostKey.read(LiveOptions.hostArch());
    AtomicInteger probes = new AtomicInteger();
    List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    CapsCache cache = new CapsCache(dir, host, b -> {
      probes.incrementAndGet();
      try {
        Thread.sleep(1000);
        return QemuCapsXml.read(refs.resolve(EntryNames.sha256(b) + ".xml"));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, problems::add);
    while (!Files.exists(go)) {
      Thread.sleep(1);
    }
    List<Thread> threads = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      String binary = args[i];
      Thread t = new Thread(() -> {
        try {
          cache.lookup(binary);
        } catch (Exception e) {
          problems.add("error: " + e);
        }
      });
      t.start();
      threads.add(t);
      // The first binary's lock is held (its probe takes a second) before the next is asked
      // for: each process then holds one lock and waits for the one the other process holds.
      Thread.sleep(300);
    }
    for (Thread t : threads) {
      t.join();
    }
    System.out.println("probes=" + probes.get());
    problems.forEach(System.out::println);
  }
}
