#!/usr/bin/env bash
# Collects libvirt 11.3.0's own `virsh domcapabilities` output for the requests of the libvirt 9.0.0
# oracle (../shared/oracle/libvirt-9.0.0/qemu-7.2: one ARCH/MACHINE.xml per request, virttype
# qemu, "default" = no --machine) and its refused requests (bad-requests.txt), laid out the same
# way in OUTDIR. Runs the private libvirt 11.3 of ../shared/tools/libvirt-11.3-env.sh, embedded
# with a fresh root per request. As root. Usage: scripts/oracle-11.3.sh OUTDIR
set -u
OUT=${1:?usage: scripts/oracle-11.3.sh OUTDIR}
here=$(cd "$(dirname "$0")" && pwd)
shared=${DOMCAPS_SHARED:-$here/../../shared}
ref=$shared/oracle/libvirt-9.0.0/qemu-7.2
[ -d "$ref" ] || { echo "oracle-11.3: no request list: $ref is missing" >&2; exit 2; }
. "$shared/tools/libvirt-11.3-env.sh" || exit 2
mkdir -p "$OUT"; : > "$OUT/errors.txt"
for f in "$ref"/*/*.xml; do
  arch=$(basename "$(dirname "$f")"); m=$(basename "$f" .xml)
  [ "$arch" = . ] || [ "$m" = capabilities ] && continue
  mkdir -p "$OUT/$arch"
  args=(--virttype qemu --arch "$arch"); [ "$m" != default ] && args+=(--machine "$m")
  if "$LIBVIRT11_VIRSH" domcapabilities "${args[@]}" > "$OUT/$arch/$m.xml" 2> "$OUT/$arch/$m.err"; then
    rm -f "$OUT/$arch/$m.err"
  else echo "$arch $m: $(cat "$OUT/$arch/$m.err")" >> "$OUT/errors.txt"; rm -f "$OUT/$arch/$m.xml"; fi
done
# The refused requests: the same command lines as 9.0's, libvirt 11.3's texts.
while IFS= read -r line; do case "$line" in
  '$ virsh domcapabilities '*) read -r -a args <<< "${line#'$ virsh domcapabilities '}"
    echo "$line"; "$LIBVIRT11_VIRSH" domcapabilities "${args[@]}" 2>&1 >/dev/null; echo "exit=$?";; esac
done < "$ref/bad-requests.txt" > "$OUT/bad-requests.txt"
echo "oracle-11.3: $(find "$OUT" -name '*.xml' | wc -l) documents, $(wc -l < "$OUT/errors.txt") errors, in $OUT"
