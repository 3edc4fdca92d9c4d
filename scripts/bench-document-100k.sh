#!/usr/bin/env bash
# Writes a synthetic ~100 KiB domain capabilities document (libvirt 9.0.0 shape) to the path given
# (default /tmp/domcaps-100k.xml): the x86_64 oracle document with its custom CPU model list
# repeated under new names until the file passes 100 KiB. Input for the JMH parse benchmark:
#   scripts/bench-document-100k.sh /tmp/d.xml && DOCUMENT=... DOMCAPS_BENCH_DOCUMENT=/tmp/d.xml scripts/bench-parse-format.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
src=$here/../shared/oracle/libvirt-9.0.0/qemu-7.2/x86_64/default.xml
out=${1:-/tmp/domcaps-100k.xml}
awk -v target=102400 '
  { lines[NR] = $0 }
  /<model usable=/ { models[++m] = $0 }
  END {
    size = 0; for (i = 1; i <= NR; i++) size += length(lines[i]) + 1
    for (i = 1; i <= NR; i++) {
      print lines[i]
      if (lines[i] ~ /<mode name=.custom. supported=.yes.>/) {
        for (r = 1; size < target; r++)
          for (k = 1; k <= m && size < target; k++) {
            l = models[k]; sub(/<\/model>/, "-copy" r "</model>", l); print l; size += length(l) + 1
          }
      }
    }
  }' "$src" > "$out"
echo "$out: $(wc -c < "$out") bytes"
