# SPDX-License-Identifier: LGPL-2.1-or-later
# Sourced by scripts/bench-serve.sh and scripts/soak-serve.sh: start a private `domcaps serve`
# (its own socket and loopback port under $work), wait until it is warm, stop it.
here=${here:?}
work=${work:?}

# serve_start NAME ARGS...: sets serve_pid_NAME, serve_port_NAME; the socket is $work/NAME.sock.
serve_start() {
  local name=$1; shift
  "$here/bin/domcaps" serve --socket "$work/$name.sock" --listen 127.0.0.1:0 "$@" \
    2> "$work/$name.log" &
  local pid=$! t=0
  printf -v "serve_pid_$name" %s "$pid"
  until curl -sf --unix-socket "$work/$name.sock" http://localhost/healthz >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "serve $name died:" >&2; cat "$work/$name.log" >&2; exit 1; }
    t=$((t + 1)); [ $t -lt 3000 ] || { echo "serve $name: not warm after 300 s" >&2; exit 1; }
    sleep 0.1
  done
  local port
  port=$(grep -o 'tcp 127.0.0.1:[0-9]*' "$work/$name.log" | head -1 | cut -d: -f2)
  printf -v "serve_port_$name" %s "$port"
}

serve_stop() { # NAME: SIGTERM, wait
  local var="serve_pid_$1"
  [ -n "${!var:-}" ] || return 0
  kill -TERM "${!var}" 2>/dev/null || true
  wait "${!var}" 2>/dev/null || true
  printf -v "$var" %s ""
}

# rss_kb PID, fds PID: the service's resident memory and open descriptors.
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
fds() { ls "/proc/$1/fd" | wc -l; }

# wrk_run SECONDS URL: runs wrk (2 threads, 8 connections) and sets wrk_requests, wrk_rps,
# wrk_latency_us (wrk's mean), wrk_p50_us (its median), wrk_little_us (8 connections / req/s:
# the mean time a request was outstanding), wrk_errors (non-2xx/3xx plus socket errors). wrk's
# mean includes its coordinated-omission correction (synthetic samples for every stall), so on
# an overloaded machine it exceeds what Little's law allows for the measured throughput.
wrk_run() {
  local out
  out=$(wrk -t2 -c8 -d"$1"s --latency "$2")
  echo "$out" > "$work/wrk.last"
  wrk_requests=$(echo "$out" | awk '/requests in/ {print $1}')
  wrk_rps=$(echo "$out" | awk '/^Requests\/sec:/ {printf "%d", $2}')
  wrk_latency_us=$(echo "$out" | awk '/^ +Latency / {v=$2; u=v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
    f = (u == "us") ? 1 : (u == "ms") ? 1000 : (u == "s") ? 1000000 : 0; printf "%d", v * f}')
  wrk_p50_us=$(echo "$out" | awk '$1 == "50%" {v=$2; u=v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
    f = (u == "us") ? 1 : (u == "ms") ? 1000 : (u == "s") ? 1000000 : 0; printf "%d", v * f}')
  wrk_little_us=$(( wrk_rps > 0 ? 8 * 1000000 / wrk_rps : 0 ))
  local non2xx socket
  non2xx=$(echo "$out" | awk '/Non-2xx or 3xx/ {print $NF}')
  socket=$(echo "$out" | awk -F'[ ,]+' '/Socket errors/ {print $4 + $6 + $8 + $10}')
  wrk_errors=$(( ${non2xx:-0} + ${socket:-0} ))
}
