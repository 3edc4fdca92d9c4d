#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine (as root): install QEMU and firmware when missing,
# build, and print this host's domain capabilities. Extra arguments go to domcaps.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
install_missing $RUNTIME_PKGS
command -v mvn >/dev/null || install_missing maven openjdk-17-jdk-headless
[ -f cli/target/domcaps.jar ] || mvn -B -q -DskipTests package
exec bin/domcaps "$@"
