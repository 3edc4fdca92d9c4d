#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Times whole commands of domcaps side by side with libvirt 9.0.0 (virsh, daemonless embedded
# driver), interleaved round by round so that drift on the machine hits both alike, and prints
# medians and ratios (issue 7). Run as root from anywhere, after `mvn -q -DskipTests package`.
#
#   scripts/bench-commands.sh                 cold, warm, hello and all-emulator rounds
#   ROUNDS=9 ALL_ROUNDS=3 scripts/bench-commands.sh
#   BENCH=cold,warm scripts/bench-commands.sh  a subset (cold warm all)
#   LIBVIRT=11.3 BENCH=cold,all scripts/bench-commands.sh
#                                             against libvirt 11.3.0 (../shared/tools/
#                                             libvirt-11.3-env.sh's launcher, a fresh root per
#                                             call, so no warm round) and domcaps --libvirt 11.3
#
# cold: `touch` of the binary, then a fresh embed root for virsh and a fresh cache dir for
#       domcaps: `virsh domcapabilities` vs `bin/domcaps` (x86_64; both probe KVM and TCG when
#       /dev/kvm is usable: the embed root's qemu.conf runs QEMU as root, as domcaps does).
# warm: the same again against the root / cache dir the cold round just filled; plus a picocli
#       hello-world jar started exactly as bin/domcaps starts domcaps (same flags, own AppCDS
#       archive), the floor of any picocli CLI on this JVM.
# all:  `virsh capabilities` from an empty root (probes every installed emulator) vs
#       `bin/domcaps --all` from an empty cache dir.
# virsh runs in a private mount namespace whose /etc/passwd has the 'libvirt-qemu' user a
# privileged embedded libvirt insists on (the host files are untouched); `unshare` adds ~2 ms.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=${ROUNDS:-7}
ALL_ROUNDS=${ALL_ROUNDS:-3}
BENCH=${BENCH:-cold,warm,all}
QEMU=${QEMU:-/usr/bin/qemu-system-x86_64}
LIBVIRT=${LIBVIRT:-9.0}
if [ "$LIBVIRT" = 11.3 ]; then
  . "$here/../shared/tools/libvirt-11.3-env.sh" || exit 2
  case ",$BENCH," in *,warm,*) echo "bench-commands: libvirt 11.3's launcher takes a fresh root per call: no warm round" >&2; exit 2;; esac
fi
[ "$(id -u)" = 0 ] || { echo "bench-commands: run as root (embedded libvirt and /dev/kvm)" >&2; exit 2; }
command -v virsh >/dev/null || { echo "bench-commands: virsh is missing (libvirt-clients)" >&2; exit 2; }
[ -f "$here/cli/target/domcaps.jar" ] || { echo "bench-commands: build first: mvn -q -DskipTests package" >&2; exit 2; }

work=$(mktemp -d /tmp/domcaps-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
. "$here/scripts/virsh-embed.sh"
now() { date +%s%N; }
declare -A samples
record() { samples[$1]="${samples[$1]:-} $2"; }
timed() { # NAME OUTFILE CMD...
  local name=$1 out=$2; shift 2; local t0 t1
  t0=$(now); "$@" > "$out" 2>"$work/err" || { echo "bench-commands: '$*' failed:" >&2; cat "$work/err" >&2; exit 1; }
  t1=$(now); record "$name" $(( (t1 - t0) / 1000 ))
}
# Outputs must be byte-identical; a difference is counted and shown (on a shared machine other
# jobs' tests may change the firmware directories between the two commands).
compared=0; differed=0
same() {
  compared=$((compared + 1))
  cmp -s "$1" "$2" && return 0
  differed=$((differed + 1)); echo "bench-commands: outputs differ: virsh vs domcaps" >&2
  diff "$1" "$2" | head -8 >&2
}

# The picocli hello-world, compiled from bench/hello/Hello.java into a fat jar like domcaps.jar.
picocli=$(find ~/.m2/repository/info/picocli/picocli -name 'picocli-4*.jar' ! -name '*sources*' | sort | tail -1)
mkdir -p "$work/hello/classes"
javac -d "$work/hello/classes" -cp "$picocli" "$here/bench/hello/Hello.java"
(cd "$work/hello/classes" && unzip -q -o "$picocli" -x 'META-INF/*')
printf 'Main-Class: Hello\n' > "$work/hello/manifest"
jar cfm "$work/hello/hello.jar" "$work/hello/manifest" -C "$work/hello/classes" .
jvm=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
java "${jvm[@]}" -XX:ArchiveClassesAtExit="$work/hello/hello.jsa" -jar "$work/hello/hello.jar" >/dev/null
hello() { java "${jvm[@]}" -XX:SharedArchiveFile="$work/hello/hello.jsa" -jar "$work/hello/hello.jar"; }
# Make sure bin/domcaps has its AppCDS archive before anything is timed.
# (a cold then a warm request through the cache, so that the archive holds both paths)
rm -rf "$work/prime"; "$here/bin/domcaps" --cache-dir "$work/prime" --emulatorbin "$QEMU" >/dev/null
"$here/bin/domcaps" --cache-dir "$work/prime" --emulatorbin "$QEMU" >/dev/null

domcaps() { "$here/bin/domcaps" --libvirt "$LIBVIRT" "$@"; }
case ",$BENCH," in *,cold,*|*,warm,*)
  for i in $(seq "$ROUNDS"); do
    touch "$QEMU"; sleep 1   # a new ctime second: both caches see a changed binary
    r=$(new_root); c="$work/cache.$i"
    if [ $((i % 2)) = 1 ]; then
      timed cold.virsh "$work/v.xml" virsh_embed "$r" domcapabilities
      timed cold.domcaps "$work/d.xml" domcaps --cache-dir "$c"
    else
      timed cold.domcaps "$work/d.xml" domcaps --cache-dir "$c"
      timed cold.virsh "$work/v.xml" virsh_embed "$r" domcapabilities
    fi
    same "$work/v.xml" "$work/d.xml"
    for j in 1 2; do   # warm: twice per round, order alternating
      timed warm.virsh "$work/v.xml" virsh_embed "$r" domcapabilities
      timed warm.domcaps "$work/d.xml" domcaps --cache-dir "$c"
      timed warm.hello "$work/h.txt" hello
      same "$work/v.xml" "$work/d.xml"
    done
  done;;
esac
case ",$BENCH," in *,all,*)
  for i in $(seq "$ALL_ROUNDS"); do
    r=$(new_root); c="$work/all.$i"
    if [ $((i % 2)) = 1 ]; then
      timed all.virsh "$work/va.xml" virsh_embed "$r" capabilities
      timed all.domcaps "$work/da.xml" domcaps --all --cache-dir "$c"
    else
      timed all.domcaps "$work/da.xml" domcaps --all --cache-dir "$c"
      timed all.virsh "$work/va.xml" virsh_embed "$r" capabilities
    fi
    n=$(grep -c '<domainCapabilities>' "$work/da.xml"); echo "round $i: domcaps --all printed $n documents" >&2
  done;;
esac

echo "# outputs compared: $compared, byte-identical: $((compared - differed))"
echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), rounds $ROUNDS (all: $ALL_ROUNDS)"
for k in "${!samples[@]}"; do echo "$k ${samples[$k]}"; done | python3 -c '
import sys, statistics
m = {}
for line in sys.stdin:
    k, *v = line.split()
    m[k] = [int(x) / 1000 for x in v]
def med(k): return statistics.median(m[k])
for k in sorted(m):
    print(f"{k:14s} median {med(k):9.1f} ms  min {min(m[k]):9.1f}  max {max(m[k]):9.1f}  n={len(m[k])}")
for what, a, b in [("cold x86_64 domcaps/virsh", "cold.domcaps", "cold.virsh"),
                   ("warm domcaps/virsh", "warm.domcaps", "warm.virsh"),
                   ("warm domcaps/picocli hello", "warm.domcaps", "warm.hello"),
                   ("all emulators domcaps/virsh capabilities", "all.domcaps", "all.virsh")]:
    if a in m and b in m:
        print(f"ratio {what}: {med(a) / med(b):.3f}")
'
