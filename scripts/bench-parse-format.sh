#!/usr/bin/env bash
# Builds the JMH jar and measures parse/format of a typical x86_64 domain capabilities document,
# XML and JSON, one fork, in documents per second. Extra arguments go to JMH
# (e.g. -t 4 for four threads). MVN_OFFLINE=-o builds offline.
# DOMCAPS_BENCH_DOCUMENT picks another document.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
doc=${DOMCAPS_BENCH_DOCUMENT:-$here/../shared/oracle/libvirt-9.0.0/qemu-7.2/x86_64/default.xml}
mvn -B -q ${MVN_OFFLINE:-} -pl bench -am -DskipTests package
exec java -Ddomcaps.bench.document="$doc" -jar bench/target/benchmarks.jar \
  -f 1 -wi 3 -w 2s -i 5 -r 2s -tu s -bm thrpt \
  -jvmArgsAppend "-Ddomcaps.bench.document=$doc" \
  "$@" 'org.domcaps.bench.DocumentBenchmark'
