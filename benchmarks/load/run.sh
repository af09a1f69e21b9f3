#!/usr/bin/env bash
# Load test of the sample receiver in Release on loopback, driven by wrk over new, duplicate and forged deliveries.
#   benchmarks/load/run.sh [seconds] [connections]       (default 30 s, 32 connections)
# Prints wrk's requests/s, p50/p99 latency and the answers by status and outcome: 200 Handled or Duplicate, 401 forged,
# 409 InProgress (a duplicate sent while its original is in flight).
# Every request goes to 127.0.0.1 only; the run is bounded by its duration.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-30}
connections=${2:-32}
threads=2
port=${HOOKSMITH_LOAD_PORT:-5391}
secret=hooksmith-demo-secret
work=$(mktemp -d)
trap 'kill "${server:-}" 2>/dev/null || true; wait "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
dotnet build samples/Voucherify.Receiver -c Release -v quiet -nologo >/dev/null

# Enough new deliveries that none repeats within the run at ~20,000 requests/s.
python3 benchmarks/load/make_deliveries.py samples/payloads/customer.order.updated.json "$secret" $((seconds * 20000 + 1000)) "$work/deliveries.txt"

Logging__LogLevel__Default=Warning Logging__LogLevel__Hooksmith=Error \
  dotnet samples/Voucherify.Receiver/bin/Release/net10.0/Voucherify.Receiver.dll serve --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  grep -q "Receiving Voucherify webhooks" "$work/server.log" && break
  sleep 0.1
done
grep -q "Receiving Voucherify webhooks" "$work/server.log" || { cat "$work/server.log"; exit 1; }

echo "== wrk: ${seconds} s, ${connections} connections, ${threads} threads, 10% duplicates, 5% forged"
DELIVERIES="$work/deliveries.txt" THREADS=$threads DUPLICATE_PERCENT=10 FORGED_PERCENT=5 \
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s benchmarks/load/deliveries.lua "http://127.0.0.1:$port" | tee "$work/wrk.txt"

# The answers must be what the mix asks for, and the server still up: 200 Handled or Duplicate, 401 for a forged
# signature, and 409 InProgress for a duplicate that arrives while its original is still being handled.
if grep -E '^answer ' "$work/wrk.txt" | grep -vqE '^answer (200 (Handled|Duplicate)|401 SignatureRejected|409 InProgress):'; then
  echo "unexpected answers" >&2
  exit 1
fi
kill -0 "$server"
