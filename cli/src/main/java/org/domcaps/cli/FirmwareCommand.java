// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import picocli.CommandLine.Command;

/** {@code domcaps firmware ...}: the host's firmware descriptors. */
@Command(name = "firmware", mixinStandardHelpOptions = true,
    description = "The host's firmware descriptors, as libvirt reads them.",
    subcommands = {FirmwareLintCommand.class})
public final class FirmwareCommand {}
