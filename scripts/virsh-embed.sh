# SPDX-License-Identifier: LGPL-2.1-or-later
# Sourced by the benchmark scripts: virsh against libvirt 9.0.0's daemonless embedded driver,
# in a private mount namespace whose /etc/passwd and /etc/group have the 'libvirt-qemu' user a
# privileged embedded libvirt insists on (the host files are untouched; `unshare` adds ~2 ms).
work=${work:?}
cp /etc/passwd "$work/passwd"; cp /etc/group "$work/group"
grep -q '^libvirt-qemu:' "$work/passwd" || echo 'libvirt-qemu:x:0:0:libvirt qemu:/:/usr/sbin/nologin' >> "$work/passwd"
grep -q '^libvirt-qemu:' "$work/group" || echo 'libvirt-qemu:x:0:' >> "$work/group"

virsh_embed() { # ROOT ARGS...
  local root=$1; shift
  # libvirt 11.3 through its launcher, which takes a fresh root of its own each call
  if [ "${LIBVIRT:-9.0}" = 11.3 ]; then "$LIBVIRT11_VIRSH" "$@"; return; fi
  unshare -m sh -c 'mount --bind "$0/passwd" /etc/passwd && mount --bind "$0/group" /etc/group && exec virsh "$@"' \
    "$work" -c "qemu:///embed?root=$root" "$@"
}
new_root() { # a fresh embed root whose QEMU runs as root (so KVM is used, as by domcaps)
  local r; r=$(mktemp -d "$work/root.XXXXXX"); mkdir -p "$r/etc"
  printf 'user = "root"\ngroup = "root"\n' > "$r/etc/qemu.conf"; echo "$r"
}
