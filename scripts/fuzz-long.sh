#!/usr/bin/env bash
# The long fuzzing run of issue 16: every target for DURATION (default 30m) each, one after the
# other (the machine is shared; one fuzzing process at a time). The issue's bar is at least
# 1 000 000 executions per target without a finding; the per-target figures are printed at the
# end (libFuzzer's "Done N runs in S seconds"). Usage: scripts/fuzz-long.sh [DURATION] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-30m}
shift || true
exec bash scripts/fuzz.sh "$duration" "$@"
