#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Soak of `domcaps serve` (issue 15): TOTAL requests (default 1 000 000) of GET /v1/domcaps over
# loopback with wrk (2 threads, 8 connections), in CHUNK-second runs, against a private service
# (own socket and port, access log to a file). After a warm-up of WARMUP seconds (JIT, heap
# sizing) the service's RSS and open descriptors are taken; at the end they must have grown by
# less than 10 % and not at all, with no failed request. Bounded: stops after MAX_SECONDS.
#
#   scripts/soak-serve.sh                    TOTAL=1000000 CHUNK=20 WARMUP=30 MAX_SECONDS=900
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
TOTAL=${TOTAL:-1000000}
CHUNK=${CHUNK:-20}
WARMUP=${WARMUP:-30}
# The heap committed and touched up front: RSS growth then measures what a leak would add
# (native memory, threads, descriptors' buffers), not the collector sizing its young generation.
export DOMCAPS_SERVE_JAVA_OPTS=${DOMCAPS_SERVE_JAVA_OPTS:--Xms256m -XX:+AlwaysPreTouch}
MAX_SECONDS=${MAX_SECONDS:-900}
[ -f "$here/cli/target/domcaps.jar" ] || { echo "soak-serve: build first: mvn -q -DskipTests package" >&2; exit 2; }
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
command -v curl >/dev/null || apt-get install -y -q curl >/dev/null
work=$(mktemp -d /tmp/domcaps-soak.XXXXXX)
. "$here/scripts/serve-common.sh"
trap 'serve_stop soak; rm -rf "$work"' EXIT

echo "load before: $(uptime)"
serve_start soak --access-log "$work/access.log"
url="http://127.0.0.1:$serve_port_soak/v1/domcaps?virttype=qemu&arch=x86_64"
wrk_run "$WARMUP" "$url"
errors=$wrk_errors
rss0=$(rss_kb "$serve_pid_soak"); fd0=$(fds "$serve_pid_soak")
echo "after warm-up ($wrk_requests requests): RSS ${rss0} kB, ${fd0} fds"
done_n=0; start=$(date +%s)
while [ "$done_n" -lt "$TOTAL" ]; do
  [ $(( $(date +%s) - start )) -lt "$MAX_SECONDS" ] || { echo "soak-serve: stopped after $MAX_SECONDS s"; break; }
  wrk_run "$CHUNK" "$url"
  done_n=$((done_n + wrk_requests)); errors=$((errors + wrk_errors))
  echo "  $done_n requests, $wrk_rps req/s, mean ${wrk_latency_us} us, errors $errors," \
    "RSS $(rss_kb "$serve_pid_soak") kB, $(fds "$serve_pid_soak") fds"
done
sleep 1 # connections closed by wrk are released
rss1=$(rss_kb "$serve_pid_soak"); fd1=$(fds "$serve_pid_soak")
growth=$(( (rss1 - rss0) * 100 / rss0 ))
echo "soak: $done_n requests in $(( $(date +%s) - start )) s, errors $errors;" \
  "RSS ${rss0} -> ${rss1} kB (${growth} %), fds ${fd0} -> ${fd1}; load: $(uptime)"
[ "$done_n" -ge "$TOTAL" ] && [ "$errors" = 0 ] && [ "$growth" -lt 10 ] && [ "$fd1" -le "$fd0" ] ||
  { echo "soak-serve: FAILED"; exit 1; }
echo "soak-serve: passed"
