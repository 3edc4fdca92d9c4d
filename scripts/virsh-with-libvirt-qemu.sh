#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Runs virsh (as root) in a private mount namespace whose /etc/passwd and /etc/group carry a
# 'libvirt-qemu' user and group mapped to root. A privileged embedded libvirt 9.0.0
# (qemu:///embed?root=DIR) resolves that Debian default user before it reads qemu.conf and refuses
# to start without it; the host's real files are not touched.
# Used by LiveKvmCpuTest: mvn ... -Ddomcaps.virsh=$PWD/scripts/virsh-with-libvirt-qemu.sh
set -e
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp /etc/passwd "$tmp/passwd"
cp /etc/group "$tmp/group"
grep -q '^libvirt-qemu:' "$tmp/passwd" || echo 'libvirt-qemu:x:0:0:libvirt qemu:/:/usr/sbin/nologin' >> "$tmp/passwd"
grep -q '^libvirt-qemu:' "$tmp/group" || echo 'libvirt-qemu:x:0:' >> "$tmp/group"
unshare -m sh -c '
mount --bind "$0/passwd" /etc/passwd
mount --bind "$0/group" /etc/group
exec virsh "$@"' "$tmp" "$@"
