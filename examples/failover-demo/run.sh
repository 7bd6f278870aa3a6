#!/usr/bin/env bash
# The failover demo: the Consul emulator plus three `bugle run` schedulers sharing one lock. It kills the
# leader with kill -9, shows a standby taking over (after TTL x 2 + lock-delay at most), then stops the new
# leader with SIGTERM, which releases the lock for an immediate handover.
#
#   examples/failover-demo/run.sh                       # TTL 10s, lock-delay 5s, emulator on a free port
#   DEMO_TTL=10s DEMO_LOCK_DELAY=0s PORT=18500 examples/failover-demo/run.sh
# The schedulers start only once the emulator this script started answers on its port: never against whatever
# else listens there (a real Consul agent on 8500, say).
set -euo pipefail
cd "$(dirname "$0")/../.."
in_use() { (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [[ -z "${PORT:-}" ]]; then
  for PORT in $(seq 18500 18599) none; do in_use "$PORT" || break; done
  [[ "$PORT" != none ]] || { echo "no free port in 18500-18599; set PORT" >&2; exit 1; }
elif in_use "$PORT"; then
  echo "port $PORT is taken (a Consul agent?); the demo starts its own emulator: choose another PORT" >&2
  exit 1
fi
export DEMO_CONSUL="http://127.0.0.1:$PORT" DEMO_TTL=${DEMO_TTL:-10s} DEMO_LOCK_DELAY=${DEMO_LOCK_DELAY:-5s}
CONFIG=examples/failover-demo/bugle.properties
LOGS=$(mktemp -d -t bugle-failover-demo-XXXX)
pids=()

if [[ ! -f cli/target/bugle.jar || ! -f testkit/target/consul-emulator.jar ]]; then
  echo "building cli/target/bugle.jar and testkit/target/consul-emulator.jar ..."
  mvn -q -pl cli,testkit -am package -DskipTests
fi

cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  echo "demo over; logs in $LOGS"
}
trap cleanup EXIT

say() { printf '\n\033[1m[demo %s] %s\033[0m\n' "$(date +%T)" "$*"; }

say "starting the Consul emulator on port $PORT"
java -jar testkit/target/consul-emulator.jar --port "$PORT" > "$LOGS/consul.log" 2>&1 &
emulator=$!
pids+=("$emulator")
# Ours answers when it says so in its own log and the port accepts connections, while it is still alive.
for _ in $(seq 300); do
  kill -0 "$emulator" 2>/dev/null || { echo "the emulator exited:" >&2; cat "$LOGS/consul.log" >&2; exit 1; }
  grep -q "consul-emulator listening on http://127.0.0.1:$PORT" "$LOGS/consul.log" && in_use "$PORT" && break
  sleep 0.1
done
grep -q "consul-emulator listening" "$LOGS/consul.log" || { echo "the emulator did not start within 30s" >&2; exit 1; }

declare -A node_pid
start_node() {
  local name=$1
  java -jar cli/target/bugle.jar run "$CONFIG" \
    > >(tee -a "$LOGS/fires.jsonl" | sed -u "s/^/[$name fire] /") \
    2> >(tee "$LOGS/$name.log" | sed -u "s/^/[$name] /" >&2) &
  node_pid[$name]=$!
  pids+=($!)
  disown $!
}

leader() {
  for name in "${!node_pid[@]}"; do
    if kill -0 "${node_pid[$name]}" 2>/dev/null && grep -q "leading:" "$LOGS/$name.log" 2>/dev/null \
        && ! grep -q "stopped:\|lost:" "$LOGS/$name.log"; then
      echo "$name"; return
    fi
  done
}

await_leader() {
  local except=${1:-} name
  for _ in $(seq 600); do
    name=$(leader)
    if [[ -n "$name" && "$name" != "$except" ]]; then echo "$name"; return; fi
    sleep 0.1
  done
  echo "no leader after 60s" >&2; exit 1
}

say "starting three schedulers (TTL $DEMO_TTL, lock-delay $DEMO_LOCK_DELAY): one leads, two wait"
for n in node1 node2 node3; do start_node "$n"; done
first=$(await_leader)
sleep 4

say "kill -9 of the leader $first: its session dies after TTL x 2 at most, then the lock-delay runs"
t0=$(date +%s.%N)
kill -9 "${node_pid[$first]}"
second=$(await_leader "$first")
say "$second took over $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')s after the kill"
sleep 4

say "SIGTERM to the leader $second: it releases the lock, a standby takes over at once"
t0=$(date +%s.%N)
kill -TERM "${node_pid[$second]}"
third=$(await_leader "$second")
say "$third took over $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')s after the SIGTERM"
sleep 3
fires=$(grep -c scheduled_at "$LOGS/fires.jsonl")
twice=$(grep -o '"scheduled_at":"[^"]*"' "$LOGS/fires.jsonl" | sort | uniq -d | wc -l)
say "$fires fires in all, $twice fire instant(s) sent twice; stopping"
