#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# The acceptance figures of `domcaps serve` (issue 15), side by side with libvirt 9.0.0's virsh
# in the same run. Run as root after `mvn -q -DskipTests package`; loopback only, brief.
#
#   scripts/bench-serve.sh                  DURATION=10 s of wrk, ROUNDS=15 CLI rounds
#   DURATION=5 ROUNDS=9 scripts/bench-serve.sh
#
# 1. virsh: `virsh -c qemu:///embed?root=DIR domcapabilities --virttype qemu --arch x86_64`,
#    warm (DIR filled by a first call), timed per call: libvirt's daemonless embedded driver, the
#    libvirt a CLI user without a daemon gets (a private mount namespace supplies the
#    libvirt-qemu user it insists on; the host's files are untouched).
# 2. wrk (2 threads, 8 connections, loopback) on GET /v1/domcaps?virttype=qemu&arch=x86_64 of a
#    service on the default capability cache: mean latency vs virsh's mean per call / 10, and
#    requests/s vs 3 000.
# 3. `bin/domcaps --virttype qemu --arch x86_64` answered by the running service (curl, no JVM)
#    and virsh, interleaved round by round: medians, and the outputs compared byte for byte.
# 4. refresh: a second service on a copy of the QEMU binary and a copy of the firmware
#    descriptors; `touch` of a descriptor, then of the binary, while a client keeps asking: the
#    time until the new generation is served and the failed requests meanwhile.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-15}
QEMU=/usr/bin/qemu-system-x86_64
[ "$(id -u)" = 0 ] || { echo "bench-serve: run as root (embedded libvirt)" >&2; exit 2; }
[ -f "$here/cli/target/domcaps.jar" ] || { echo "bench-serve: build first: mvn -q -DskipTests package" >&2; exit 2; }
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
command -v curl >/dev/null || apt-get install -y -q curl >/dev/null
work=$(mktemp -d /tmp/domcaps-bench-serve.XXXXXX)
. "$here/scripts/serve-common.sh"
trap 'serve_stop main; serve_stop copy; kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT

. "$here/scripts/virsh-embed.sh"
now() { date +%s%N; }
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
mean() { tr ' ' '\n' | grep -v '^$' | awk '{s+=$1} END {printf "%d", s/NR}'; }

echo "load before: $(uptime)"
t0=$(now); serve_start main --access-log "$work/access.log"
echo "service warm after $(( ($(now) - t0) / 1000000 )) ms (default capability cache)"

root=$(new_root)
virsh_embed "$root" domcapabilities --virttype qemu --arch x86_64 > "$work/virsh.xml"

virsh_t=""; cli_t=""; differ=0
for i in $(seq "$ROUNDS"); do
  t0=$(now); virsh_embed "$root" domcapabilities --virttype qemu --arch x86_64 > "$work/v.out"
  virsh_t="$virsh_t $(( ($(now) - t0) / 1000 ))"
  t0=$(now); DOMCAPS_SOCKET="$work/main.sock" "$here/bin/domcaps" --virttype qemu --arch x86_64 > "$work/d.out"
  cli_t="$cli_t $(( ($(now) - t0) / 1000 ))"
  cmp -s "$work/v.out" "$work/d.out" || differ=$((differ + 1))
done
curl -s --unix-socket "$work/main.sock" "http://localhost/v1/domcaps?virttype=qemu&arch=x86_64" > "$work/body"
cmp -s "$work/body" "$work/v.out" && body=identical || body=DIFFERENT
virsh_med=$(echo $virsh_t | median); virsh_mean=$(echo $virsh_t | mean); cli_med=$(echo $cli_t | median)

wrk_run 3 "http://127.0.0.1:$serve_port_main/v1/domcaps?virttype=qemu&arch=x86_64" # JIT warm-up
wrk_run "$DURATION" "http://127.0.0.1:$serve_port_main/v1/domcaps?virttype=qemu&arch=x86_64"
load_wrk=$(uptime)

# Refresh: a copy of the binary (QEMU finds its modules and data relative to it) and of the
# descriptors, so that touching them disturbs nobody else on the machine.
mkdir -p "$work/copy/bin" "$work/copy/lib/x86_64-linux-gnu" "$work/copy/share" "$work/fw"
cp -p "$QEMU" "$work/copy/bin/"
ln -s /usr/lib/x86_64-linux-gnu/qemu "$work/copy/lib/x86_64-linux-gnu/qemu"
ln -s /usr/share/qemu "$work/copy/share/qemu"
cp /usr/share/qemu/firmware/*.json "$work/fw/"
serve_start copy --cache-dir "$work/copy-cache" --emulator-path "$work/copy/bin" \
  --firmware-dir "$work/fw" --access-log off
url="http://localhost/v1/domcaps?virttype=qemu&arch=x86_64"
gen() { curl -s -D - -o /dev/null --unix-socket "$work/copy.sock" "$url" | tr -d '\r' |
  awk -v want="$1" 'tolower($1) == "x-domcaps-generation:" {g=$2} tolower($1) == "x-domcaps-refreshing:" {r=1}
    END {print (r && want == "settled") ? -1 : g}'; }
( fails=0; n=0; while [ ! -e "$work/stop-client" ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --unix-socket "$work/copy.sock" "$url") || code=000
    n=$((n + 1)); [ "$code" = 200 ] || fails=$((fails + 1))
  done; echo "$n $fails" > "$work/client" ) &
refresh() { # FILE: ms until a settled newer generation is served
  local before t0 g
  before=$(gen settled); t0=$(now); touch "$1"
  while :; do g=$(gen settled); [ "$g" -gt "$before" ] && break; sleep 0.02; done
  echo $(( ($(now) - t0) / 1000000 ))
}
sleep 1.1 # the binary's ctime must leave the second it was probed in (libvirt's cache check)
fw_ms=$(refresh "$work/fw/60-edk2-x86_64.json")
bin_ms=$(refresh "$work/copy/bin/qemu-system-x86_64")
touch "$work/stop-client"
while [ ! -s "$work/client" ]; do sleep 0.1; done
read -r client_n client_fails < "$work/client"

echo
echo "== domcaps serve vs virsh (libvirt 9.0.0, embedded driver, warm) =="
echo "virsh warm per call:   median ${virsh_med} us, mean ${virsh_mean} us ($ROUNDS calls)"
echo "wrk GET /v1/domcaps:   mean latency ${wrk_latency_us} us as wrk reports it, ${wrk_little_us} us by" \
  "Little's law, median ${wrk_p50_us} us (limit $((virsh_mean / 10)) us = virsh mean / 10)," \
  "${wrk_rps} req/s (limit 3000), ${wrk_requests} requests in ${DURATION} s, ${wrk_errors} errors"
echo "bin/domcaps (service): median ${cli_med} us vs virsh median ${virsh_med} us;" \
  "outputs differing from virsh: $differ/$ROUNDS; served body vs virsh: $body"
echo "refresh: touched descriptor served after ${fw_ms} ms, touched binary after ${bin_ms} ms;" \
  "client requests meanwhile: $client_n, failed: $client_fails"
echo "load during wrk: $load_wrk"
ok=1
[ "$wrk_latency_us" -le $((virsh_mean / 10)) ] || ok=0
[ "$wrk_rps" -ge 3000 ] || ok=0
[ "$cli_med" -le "$virsh_med" ] || ok=0
[ "$differ" = 0 ] && [ "$body" = identical ] && [ "$wrk_errors" = 0 ] && [ "$client_fails" = 0 ] || ok=0
[ "$fw_ms" -le 2000 ] && [ "$bin_ms" -le 2000 ] || ok=0
[ $ok = 1 ] && echo "bench-serve: all acceptance figures met" || { echo "bench-serve: some figure missed (see above)"; exit 1; }
