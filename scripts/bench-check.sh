#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Speed of `domcaps check` (issue 13): the JMH benchmark of one definition against warm
# capabilities in-process (budget 1 ms), and the CLI on 100 corpus definitions in one run against
# this host's (cached) capabilities (budget 2 s, median of ROUNDS). Run from anywhere after
# `mvn -q -DskipTests package`.
#   scripts/bench-check.sh            both
#   BENCH=cli scripts/bench-check.sh  only the CLI timing
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${DOMCAPS_SHARED:-$here/../shared}
ROUNDS=${ROUNDS:-5}
BENCH=${BENCH:-jmh,cli}
all=("$shared"/check/cases/*.xml)
cases=("${all[@]:0:100}")
if [[ $BENCH == *jmh* ]]; then
  java -jar "$here/bench/target/benchmarks.jar" CheckBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s \
    -jvmArgs "-Ddomcaps.bench.definition=$shared/check/cases/x86q35tcg-000.xml -Ddomcaps.bench.caps=$shared/check/domcaps/x86_64-q35-qemu.xml"
fi
if [[ $BENCH == *cli* ]]; then
  "$here/bin/domcaps" check "${cases[@]}" >/dev/null || true   # warm the cache and the CDS archive
  times=()
  for _ in $(seq "$ROUNDS"); do
    s=$(date +%s.%N)
      "$here/bin/domcaps" check "${cases[@]}" >/dev/null || true
    e=$(date +%s.%N)
    times+=("$(echo "$e - $s" | bc)")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (ROUNDS + 1) / 2 ))p")
  echo "domcaps check on ${#cases[@]} definitions, one run: median ${median}s of $ROUNDS (budget 2 s)"
fi
