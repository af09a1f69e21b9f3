#!/usr/bin/env bash
# Exactly-once across two receiver instances through Redis being killed and restarted.
#   benchmarks/load/redis-restart.sh [events] [kills] [sends-per-event]      (default 20000 events, 6 kills, 3 sends)
# HOOKSMITH_LOAD_NO_BUILD=1 uses the sample as built (bin/Release).
# Starts one redis-server (appendonly yes, appendfsync always: a write Redis acknowledged survives kill -9), two
# instances of the sample in Release sharing it (Hooksmith:Redis), and a provider (provider.py) that sends every event
# several times to either instance and retries each send until it is answered 2xx. Meanwhile redis-server is killed
# with SIGKILL and started again, from its append-only file, [kills] times. Then asserts: every send was answered 2xx
# (nothing lost), and the handler ran exactly once per event over both instances (its output line, counted).
# Every request goes to 127.0.0.1 only; the run is bounded (the provider gives up after 5 minutes).
set -euo pipefail
cd "$(dirname "$0")/../.."

events=${1:-20000}
kills=${2:-6}
sends=${3:-3}
redis_port=${HOOKSMITH_RESTART_REDIS_PORT:-6391}
ports=(${HOOKSMITH_RESTART_PORTS:-5393 5394})
secret=hooksmith-demo-secret
work=$(mktemp -d)
servers=()
redis=
cleanup() {
  for pid in "${servers[@]}" ${redis:+"$redis"} ${provider:+"$provider"}; do kill -9 "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

command -v redis-server >/dev/null || { echo "redis-server is not installed (apt-get install redis-server)" >&2; exit 2; }
[ -n "${HOOKSMITH_LOAD_NO_BUILD:-}" ] || dotnet build samples/Voucherify.Receiver -c Release -v quiet -nologo >/dev/null

start_redis() {
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work" --save '' --appendonly yes --appendfsync always \
    >>"$work/redis.log" 2>&1 &
  redis=$!
  for _ in $(seq 1 200); do
    [ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" = PONG ] && return 0
    sleep 0.02
  done
  echo "redis-server did not start" >&2; tail -20 "$work/redis.log" >&2; exit 1
}

start_redis
for i in 0 1; do
  Hooksmith__Redis="127.0.0.1:$redis_port" Logging__LogLevel__Default=Warning Logging__LogLevel__Hooksmith=Error \
    dotnet samples/Voucherify.Receiver/bin/Release/net10.0/Voucherify.Receiver.dll serve --urls "http://127.0.0.1:${ports[$i]}" \
    >"$work/instance$i.log" 2>&1 &
  servers+=($!)
done
for i in 0 1; do
  for _ in $(seq 1 100); do grep -q "Receiving Voucherify webhooks" "$work/instance$i.log" && break; sleep 0.1; done
  grep -q "Receiving Voucherify webhooks" "$work/instance$i.log" || { cat "$work/instance$i.log"; exit 1; }
done

echo "== ${events} events, ${sends} deliveries each, to two instances sharing one redis-server; redis-server killed (-9) and restarted ${kills} times"
python3 benchmarks/load/provider.py samples/payloads/customer.order.updated.json "$secret" "$events" "$sends" 16 300 \
  "http://127.0.0.1:${ports[0]}" "http://127.0.0.1:${ports[1]}" >"$work/provider.txt" 2>&1 &
provider=$!

# Kills spread over the run: each after some deliveries were handled, down for 0.2-1 s.
killed=0
down_ms_total=0
while [ "$killed" -lt "$kills" ] && kill -0 "$provider" 2>/dev/null; do
  sleep "0.$((RANDOM % 7 + 3))"
  kill -0 "$provider" 2>/dev/null || break
  kill -9 "$redis"; wait "$redis" 2>/dev/null || true
  down_ms=$((RANDOM % 800 + 200))
  sleep "$(printf '%d.%03d' $((down_ms / 1000)) $((down_ms % 1000)))"
  start_redis
  killed=$((killed + 1))
  down_ms_total=$((down_ms_total + down_ms))
done
provider_status=0
wait "$provider" || provider_status=$?
provider=
cat "$work/provider.txt"
echo "redis-server killed and restarted ${killed} times, down ${down_ms_total} ms in all (plus its restart)"

# The handler prints "Webhook whs_restart_<n> (customer.order.updated), ..." once per run.
runs=$(cat "$work/instance0.log" "$work/instance1.log" | grep -oE '^Webhook whs_restart_[0-9]+ ' | sort | uniq -c)
handled=$(wc -l <<<"$runs" | tr -d ' ')
[ -n "$runs" ] || handled=0
double=$(awk '$1 > 1' <<<"$runs" | wc -l | tr -d ' ')
echo "handler runs: $(awk '{s += $1} END {print s + 0}' <<<"$runs") over ${handled} events (instance 0: $(grep -c '^Webhook whs_restart_' "$work/instance0.log" || true), instance 1: $(grep -c '^Webhook whs_restart_' "$work/instance1.log" || true)); events handled more than once: ${double}; events never handled: $((events - handled))"

status=0
[ "$provider_status" -eq 0 ] || { echo "lost: some deliveries were never answered 2xx" >&2; status=1; }
[ "$double" -eq 0 ] || { echo "double runs:" >&2; awk '$1 > 1' <<<"$runs" | head -20 >&2; status=1; }
[ "$handled" -eq "$events" ] || { echo "events never handled: $((events - handled))" >&2; status=1; }
for i in 0 1; do kill -0 "${servers[$i]}" || { echo "instance $i died" >&2; tail -30 "$work/instance$i.log" >&2; status=1; }; done
[ "$status" -eq 0 ] && echo "exactly once: every event handled once, every delivery answered 2xx"
exit "$status"
