#!/usr/bin/env bash
# Fuzzes the readers of outside input with Jazzer, one target at a time (one fuzzing JVM each;
# Jazzer fuzzes one @FuzzTest per run). Usage:
#   scripts/fuzz.sh DURATION [TARGET...]      e.g. scripts/fuzz.sh 25s, scripts/fuzz.sh 2h QmpLines
# TARGET is a class prefix under fuzz/src/test/java/org/domcaps/fuzz (default: every *FuzzTest).
# Seeds come from ../shared at run time (FuzzSeeds); the generated corpus stays in
# fuzz/.cifuzz-corpus (git-ignored) and grows from run to run; a finding is written to fuzz/ as
# crash-* and fails the run: move it to src/test/resources/org/domcaps/fuzz/<Class>Inputs/<method>/
# so that every `mvn test` replays it. The hang bar (an input taking over 1 s) is kept by each
# target itself (Hangs: a slow input is re-run, and a finding only when slow every time; a single
# slow run is a "stall" of the machine, counted below). Environment: MVN (default "mvn -B"), HANG
# (libFuzzer's -timeout, the backstop for an input that never returns, default "10 s": JUnit's
# timeout default, which Jazzer passes to libFuzzer; JUnit's own enforcement is switched off, as
# it would time the whole fuzzing run), LOG_DIR (default fuzz/target/fuzz-logs).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:?usage: scripts/fuzz.sh DURATION [TARGET...]}
shift
mvn_cmd=${MVN:-mvn -B}
hang=${HANG:-10 s}
logs=${LOG_DIR:-fuzz/target/fuzz-logs}
declare -A method=(
  [DomainCapabilitiesXmlFuzzTest]=parse [DomainCapabilitiesJsonFuzzTest]=read
  [QemuCapsXmlFuzzTest]=read [CapsSnapshotFuzzTest]=decode [RepliesFileFuzzTest]=parse
  [QmpLinesFuzzTest]=lines [FirmwareDescriptorFuzzTest]=parse)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(DomainCapabilitiesXml DomainCapabilitiesJson QemuCapsXml CapsSnapshot RepliesFile
    QmpLines FirmwareDescriptor)
fi
# Build the modules the targets read (each run below then only checks they are up to date).
$mvn_cmd -q -pl fuzz -am test-compile
mkdir -p "$logs"
status=0
for t in "${targets[@]}"; do
  cls=${t%FuzzTest}FuzzTest
  m=${method[$cls]:?unknown fuzz target $t}
  log=$logs/$cls.log
  echo "fuzzing $cls#$m for $duration (log: $log)"
  if JAZZER_FUZZ=1 $mvn_cmd -pl fuzz -am test -Dtest="$cls#$m" \
      -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.max_duration="$duration" \
      "-Djunit.jupiter.execution.timeout.testtemplate.method.default=$hang" \
      -Djunit.jupiter.execution.timeout.mode=disabled >"$log" 2>&1; then
    result=ok
  else
    result=FINDING
    status=1
  fi
  runs=$(grep -ao 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1 || true)
  stalls=$(grep -ac 'domcaps-fuzz: stall: ' "$log" || true)
  echo "  $cls: $result, ${runs:-no libFuzzer summary (see the log)}; single slow runs that were fast on re-run (machine stalls): ${stalls:-0}"
done
exit $status
