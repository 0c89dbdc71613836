#!/usr/bin/env bash
# Measures the network on this machine and prints figures (issue: gateway and network):
#   - message -> in every chain: median and max of 10 messages, with 3 and with 5 miners (difficulty 3)
#   - GET /chain size and time with 1,000 blocks
#   - bytes a miner exchanges per sync round when everything is in sync
# Each miner here is the silo and the gateway program side by side (two processes, as the containers run them);
# `network up` runs a one-silo miner as one process, the silo hosting its gateway (README, "Footprint").
# Usage: test/Benchmarks/propagation.sh   (builds Release; runs miners on free 127.0.0.1 ports; stops them)
set -euo pipefail
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
now_ms() { date +%s%3N; }

# start_miner NAME HTTP_PORT NEIGHBOUR_URL [extra silo settings...]
start_miner() {
  local name=$1 http=$2 neighbour=$3; shift 3
  local silo_port gateway_port; silo_port=$(free_port); gateway_port=$(free_port)
  mkdir -p "$work/$name"
  dotnet "$silo" --Miner:Name="$name" --Miner:DataDirectory="$work/$name" --Miner:Difficulty=3 \
    --Miner:SiloPort="$silo_port" --Miner:GatewayPort="$gateway_port" --Miner:PublicUrl="http://127.0.0.1:$http/" \
    --Miner:MiningThreads=1 ${neighbour:+--Miner:Neighbours:0=$neighbour} "$@" >"$work/$name/silo.log" 2>&1 &
  pids+=($!)
  dotnet "$gateway" --Miner:Name="$name" --Miner:GatewayPort="$gateway_port" --Urls="http://127.0.0.1:$http" \
    --Gateway:MessagesPerSecond=100000 --Gateway:RequestsPerSecond=100000 >"$work/$name/gateway.log" 2>&1 &
  pids+=($!)
}
wait_healthy() { for _ in $(seq 1 240); do curl -sf "$1/health" >/dev/null && return 0; sleep 0.25; done; echo "no health at $1" >&2; return 1; }
count_in_chain() { curl -s "$1/chain" | grep -o "\"id\":\"$2\"" | wc -l; }

# propagation MINERS: adds 10 messages one after the other at the first miner and times each until every chain holds it once.
propagation() {
  local n=$1 urls=() ports=() i
  for i in $(seq 0 $((n - 1))); do ports+=("$(free_port)"); done
  for i in $(seq 0 $((n - 1))); do
    urls+=("http://127.0.0.1:${ports[$i]}")
    start_miner "p${n}_$i" "${ports[$i]}" "http://127.0.0.1:${ports[$(((i + 1) % n))]}/" --Miner:GossipInterval=00:00:20
  done
  for url in "${urls[@]}"; do wait_healthy "$url"; done
  sleep 3 # let gossip's first round introduce everyone
  local times=()
  for m in $(seq 1 10); do
    local start id done_all
    start=$(now_ms)
    id=$(curl -s -X PUT "${urls[0]}/add?message=propagation-$n-$m" | sed -E 's/.*"id":"([^"]+)".*/\1/')
    for _ in $(seq 1 600); do
      done_all=1
      for url in "${urls[@]}"; do [ "$(count_in_chain "$url" "$id")" = 1 ] || { done_all=0; break; }; done
      [ $done_all = 1 ] && break
      sleep 0.05
    done
    [ $done_all = 1 ] || { echo "message $m did not reach every chain" >&2; exit 1; }
    times+=($(( $(now_ms) - start )))
  done
  local sorted; sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  echo "propagation miners=$n median_ms=$(echo "$sorted" | sed -n '5p;6p' | awk '{s+=$1} END {printf "%d", s/2}') max_ms=$(echo "$sorted" | tail -1) all_ms=$(echo ${times[*]} | tr ' ' ,)"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=()
}

propagation 3
propagation 5

# A chain of 1,000 blocks (one message per block), then its size and fetch time.
port=$(free_port); url="http://127.0.0.1:$port"
start_miner big "$port" "" --Miner:MaxMessagesPerBlock=1 --Miner:MiningThreads=2
wait_healthy "$url"
for m in $(seq 1 1000); do curl -s -o /dev/null -X PUT "$url/add?message=block-$m"; done
for _ in $(seq 1 1200); do [ "$(curl -s "$url/status" | sed -E 's/.*"length":([0-9]+).*/\1/')" -ge 1001 ] && break; sleep 0.25; done
curl -s -o /dev/null "$url/chain" # warm up
stats=$(curl -s -o /dev/null -w '%{size_download} %{time_total}' "$url/chain")
echo "chain blocks=1000 bytes=${stats% *} seconds=${stats#* }"

# In sync, one round of each job costs per neighbour: chain sync GET /status, data sync GET /data,
# gossip POST /neighbours + GET /neighbours (request bodies are small and left out).
status=$(curl -s -o /dev/null -w '%{size_download}' "$url/status")
data=$(curl -s -o /dev/null -w '%{size_download}' "$url/data")
neighbours=$(curl -s -o /dev/null -w '%{size_download}' "$url/neighbours")
echo "sync_round_bytes_per_neighbour chain_sync=$status data_sync=$data gossip=$neighbours"
