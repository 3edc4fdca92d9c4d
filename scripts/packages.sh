#!/usr/bin/env bash
# Installs the Debian 12 packages domcaps needs, when missing (root). Sourced by run.sh and test.sh.
#   runtime: QEMU system emulators and the firmware whose descriptors the answer reports; curl
#            (bin/domcaps asks a running `domcaps serve` through it)
#   tests:   additionally libvirt (the reference the tests compare with, and domaincaps.rng), swtpm
set -euo pipefail
RUNTIME_PKGS="qemu-system-x86 qemu-system-arm qemu-system-ppc qemu-system-misc ovmf qemu-efi-aarch64 qemu-efi-arm curl"
TEST_PKGS="$RUNTIME_PKGS libvirt-clients libvirt-daemon-driver-qemu libvirt0 swtpm swtpm-tools maven openjdk-17-jdk-headless"

install_missing() {
  local missing=()
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then echo "missing packages (run as root to install): ${missing[*]}" >&2; return 1; fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q "${missing[@]}" >/dev/null
  fi
}

# libvirt, the reference the tests compare with, needs what Debian's libvirt-daemon-system and
# udev set up on a normal host: the 'libvirt-qemu' user it runs QEMU as (a privileged embedded
# libvirt refuses to start without it), in group 'kvm', and /dev/kvm as root:kvm 0660 (udev's
# rule) so that libvirt's QEMU can use KVM where the machine has it. Idempotent.
setup_libvirt_reference() {
  [ "$(id -u)" = 0 ] || return 0
  getent group kvm >/dev/null || groupadd -r kvm
  getent group libvirt-qemu >/dev/null || groupadd -r libvirt-qemu
  getent passwd libvirt-qemu >/dev/null ||
    useradd -r -g libvirt-qemu -G kvm -d /var/lib/libvirt -s /usr/sbin/nologin libvirt-qemu
  id -nG libvirt-qemu | grep -qw kvm || usermod -a -G kvm libvirt-qemu
  if [ -c /dev/kvm ]; then chgrp kvm /dev/kvm && chmod 660 /dev/kvm; fi
}
