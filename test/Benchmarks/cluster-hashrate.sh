#!/usr/bin/env bash
# Measures one miner's hash rate with 1 and then 2 silos, in the same run on this machine (issue: cluster mode).
# Each silo mines with --threads T (default 1); difficulty 16 so that no block is found and the search never stops.
# Prints, from GET /status averaged over the window: silos, total nonces/s, and each silo's.
# Usage: test/Benchmarks/cluster-hashrate.sh [SECONDS=20] [THREADS=1]   (builds Release; needs redis-server; stops what it starts)
set -euo pipefail
seconds=${1:-20} threads=${2:-1}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet build -c Release "$root/Silo" -v q -nologo >/dev/null
dotnet build -c Release "$root/Gateway" -v q -nologo >/dev/null
silo="$root/Silo/bin/Release/net10.0/Orleans.Blockchain.Silo.dll"
gateway="$root/Gateway/bin/Release/net10.0/Orleans.Blockchain.Gateway.dll"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work" --appendonly yes --save "" >"$work/redis.log" 2>&1 &
pids+=($!)
redis="127.0.0.1:$redis_port"
http="http://127.0.0.1:$(free_port)"

start_silo() {
  dotnet "$silo" --name bench --data-dir "$work/data" --difficulty 16 --threads "$threads" --redis "$redis" \
    --silo-port "$(free_port)" --gateway-port "$(free_port)" >"$work/silo$1.log" 2>&1 &
  pids+=($!)
}
silos() { curl -s "$http/status" | python3 -c 'import sys, json; print(len(json.load(sys.stdin)["silos"]))' 2>/dev/null || echo 0; }

# sample N: averages the total and per-silo rates of /status over the window, once all N silos mine.
sample() {
  for _ in $(seq 1 240); do [ "$(silos)" = "$1" ] && break; sleep 0.5; done
  sleep 4 # a full report period with every silo searching
  python3 - "$http/status" "$seconds" "$1" <<'PY'
import json, sys, time, urllib.request
url, seconds, expected = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
totals, per = [], {}
end = time.time() + seconds
while time.time() < end:
    status = json.load(urllib.request.urlopen(url))
    if len(status["silos"]) == expected and all(s["isMining"] for s in status["silos"]):
        totals.append(status["hashesPerSecond"])
        for s in status["silos"]:
            per.setdefault(s["silo"], []).append(s["hashesPerSecond"])
    time.sleep(2)
mean = lambda xs: sum(xs) / len(xs)
print(f"silos={expected} total_nonces_per_second={mean(totals):,.0f} per_silo=" +
      ",".join(f"{mean(v):,.0f}" for _, v in sorted(per.items())) + f" samples={len(totals)}")
PY
}

start_silo 1
dotnet "$gateway" --Miner:Name=bench --Miner:Redis="$redis" --Urls="$http" >"$work/gateway.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 240); do curl -sf "$http/health" >/dev/null && break; sleep 0.5; done
curl -sf -X PUT "$http/add?message=hash-rate" >/dev/null
sample 1
start_silo 2
sample 2
