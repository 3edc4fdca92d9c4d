// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

/** Entry point of the domcaps command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.err.println("domcaps: not yet implemented");
    System.exit(2);
  }
}
