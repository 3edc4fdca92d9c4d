#!/usr/bin/env bash
# The test job on a fresh Debian 12 machine (as root): install everything the tests need
# (QEMU, firmware, libvirt as the reference, swtpm, Maven, JDK 17), build, run all tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
install_missing $TEST_PKGS
setup_libvirt_reference
# libvirt 11.3 beside the system's 9.0, for the tests comparing with it (LIBVIRT11_VIRSH).
. "$(dirname "$0")/../../shared/tools/libvirt-11.3-env.sh" || echo "test.sh: no libvirt 11.3; its comparisons are skipped" >&2
mvn -B verify "$@"
# Issue 16: a short fuzzing run of every reader of outside input (20 s each, one at a time);
# the long run is scripts/fuzz-long.sh.
HANG="${FUZZ_HANG:-10 s}" bash scripts/fuzz.sh "${FUZZ_SECONDS:-20}s"
