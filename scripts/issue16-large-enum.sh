#!/usr/bin/env bash
# Issue 16 item 1: times `domcaps validate` and `domcaps format --format json` on a 3 MB document
# whose disk bus enum holds 160 000 values (XML, then the JSON form). Build first
# (mvn -q -o -DskipTests package). Prints the seconds each took.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
{
  printf "<domainCapabilities>\n  <path>/usr/bin/qemu-system-x86_64</path>\n  <domain>kvm</domain>\n"
  printf "  <arch>x86_64</arch>\n  <devices>\n    <disk supported='yes'>\n      <enum name='bus'>\n"
  seq -f '<value>v%.0f</value>' 0 159999
  printf "      </enum>\n    </disk>\n  </devices>\n</domainCapabilities>\n"
} > "$dir/big.xml"
echo "document: $(wc -c < "$dir/big.xml") bytes, 160000 values"
t() { local s e; s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N); echo "$(echo "$e - $s" | bc) s: ${*#$here/}"; }
t "$here/bin/domcaps" validate "$here/../shared/oracle/libvirt-9.0.0/qemu-7.2/x86_64/default.xml"
t "$here/bin/domcaps" validate "$dir/big.xml"
"$here/bin/domcaps" format "$dir/big.xml" --format json > "$dir/big.json"
t "$here/bin/domcaps" validate "$dir/big.json"
t "$here/bin/domcaps" format "$dir/big.json"
