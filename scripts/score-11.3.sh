#!/usr/bin/env bash
# Fidelity figures of --libvirt 11.3 against libvirt 11.3 output collected on this machine by
# scripts/oracle-11.3.sh (the scoreboard's live-11.3 line reads ../shared/oracle/libvirt-11.3.0,
# which not every machine has). Run from the project root after `mvn -q -DskipTests package`, as
# root. Usage: scripts/score-11.3.sh ORACLE_DIR [live|bad|kvm]...   (default: all three)
set -u
O=${1:?usage: scripts/score-11.3.sh ORACLE_DIR [live|bad|kvm]...}; shift
want=${*:-live bad kvm}
[ -x bin/domcaps ] || { echo "run from the project root: bin/domcaps is missing" >&2; exit 2; }
kvm=no; python3 -c "import os,fcntl;fcntl.ioctl(os.open('/dev/kvm',os.O_RDWR),0xAE01,0)" 2>/dev/null && kvm=yes
for w in $want; do case $w in
live)
  n=0; ok=0; bad=""
  for f in "$O"/*/*.xml; do arch=$(basename "$(dirname "$f")"); m=$(basename "$f" .xml); n=$((n+1))
    args="--libvirt 11.3 --virttype qemu --arch $arch"; [ "$m" != default ] && args="$args --machine $m"
    [ "$(timeout 120 bin/domcaps $args 2>/dev/null; echo x)" = "$(cat "$f"; echo x)" ] && ok=$((ok+1)) || bad="$bad $arch/$m"; done
  echo "live oracle, libvirt 11.3: $ok/$n byte-identical${bad:+; differ:$bad}" | cut -c1-400;;
bad)
  n=0; ok=0; bad=""
  while IFS= read -r line; do case "$line" in
    '$ virsh domcapabilities '*) args=${line#'$ virsh domcapabilities '}; n=$((n+1)); want_t=""
      while IFS= read -r l; do case "$l" in exit=*) break;; "error: failed to get"*) ;; error:*) want_t=${l#error: };; esac; done
      case "$args" in *"/bin/true"*) want_t="/bin/true";; esac
      got=$(timeout 60 bin/domcaps --libvirt 11.3 $args 2>&1 >/dev/null; echo "rc=$?"); rc=${got##*rc=}
      if [ "$kvm" = yes ] && [ "$args" = "--virttype kvm --arch x86_64" ]; then [ "$rc" = 0 ] && ok=$((ok+1)) || bad="$bad [$args]"; continue; fi
      if [ "$rc" != 0 ] && echo "$got" | grep -qF -- "$want_t"; then ok=$((ok+1)); else bad="$bad [$args]"; fi;; esac
  done < "$O/bad-requests.txt"
  echo "bad requests, libvirt 11.3: $ok/$n answered as libvirt 11.3 does (kvm usable: $kvm)${bad:+; differ:$bad}";;
kvm)
  if [ "$kvm" = no ]; then echo "kvm live vs libvirt 11.3: not measured, no usable /dev/kvm"; continue; fi
  . "$(dirname "$0")/../../shared/tools/libvirt-11.3-env.sh" || exit 2
  n=0; ok=0; bad=""
  for c in "x86_64 -" "x86_64 q35" "x86_64 pc" "i686 -" "i686 q35"; do set -- $c; n=$((n+1)); m=""; [ "$2" != - ] && m="--machine $2"
    ref=$("$LIBVIRT11_VIRSH" domcapabilities --virttype kvm --arch $1 $m 2>&1; echo x)
    [ "$(timeout 120 bin/domcaps --libvirt 11.3 --virttype kvm --arch $1 $m 2>&1; echo x)" = "$ref" ] && ok=$((ok+1)) || bad="$bad $1/$2"; done
  echo "kvm live vs libvirt 11.3 on this machine: $ok/$n${bad:+; differ:$bad}";;
*) echo "score-11.3: unknown figure '$w' (expected live, bad or kvm)" >&2; exit 2;;
esac; done
