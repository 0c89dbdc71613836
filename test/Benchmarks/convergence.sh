#!/usr/bin/env bash
# Measures how fast miners agree on one chain once traffic stops (issue: forks always resolve). Real miners with the
# default job intervals (chain sync 10 s, data sync 5 s, gossip 20 s), difficulty 3, on free 127.0.0.1 ports:
#   - converge miners=2: 60 messages added alternately at the two gateways, one after the other; time from the last
#     add until both serve the same chain holding every message exactly once. Median of RUNS runs.
#   - converge miners=5: the same with 5 miners in a ring fed round robin (50 messages).
#   - heal miners=4: miners 1,2 / 3,4 partitioned, 2 messages on each side mined; time from healing until one chain
#     holds all 4 exactly once. Median of RUNS runs.
# Each miner here is the silo and the gateway program side by side (two processes, as the containers run them);
# `network up` runs a one-silo miner as one process, the silo hosting its gateway (README, "Footprint").
# Usage: test/Benchmarks/convergence.sh [RUNS]   (default 5; builds Release; stops what it started)
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
pids=()
stop_all() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=(); }
trap 'stop_all; rm -rf "$work"' EXIT

dotnet build -c Release "$root/Silo" -v q -nologo >/dev/null
dotnet build -c Release "$root/Gateway" -v q -nologo >/dev/null
silo="$root/Silo/bin/Release/net10.0/Orleans.Blockchain.Silo.dll"
gateway="$root/Gateway/bin/Release/net10.0/Orleans.Blockchain.Gateway.dll"
key=bench-admin-key
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }

# start_miner NAME HTTP_PORT NEIGHBOUR_URL
start_miner() {
  local name=$1 http=$2 neighbour=$3 silo_port gateway_port
  silo_port=$(free_port); gateway_port=$(free_port)
  mkdir -p "$work/$name"
  dotnet "$silo" --Miner:Name="$name" --Miner:DataDirectory="$work/$name" --Miner:Difficulty=3 \
    --Miner:SiloPort="$silo_port" --Miner:GatewayPort="$gateway_port" --Miner:PublicUrl="http://127.0.0.1:$http/" \
    --Miner:MiningThreads=1 --Miner:Neighbours:0="$neighbour" >"$work/$name/silo.log" 2>&1 &
  pids+=($!)
  Gateway__AdminKey=$key dotnet "$gateway" --Miner:Name="$name" --Miner:GatewayPort="$gateway_port" --Urls="http://127.0.0.1:$http" \
    --Gateway:MessagesPerSecond=100000 --Gateway:RequestsPerSecond=100000 >"$work/$name/gateway.log" 2>&1 &
  pids+=($!)
}
wait_healthy() { for _ in $(seq 1 480); do curl -sf "$1/health" >/dev/null && return 0; sleep 0.25; done; echo "no health at $1" >&2; return 1; }

# start_ring N PREFIX: N miners, each told of the next; sets urls.
start_ring() {
  local n=$1 prefix=$2 ports=() i
  urls=()
  for i in $(seq 0 $((n - 1))); do ports+=("$(free_port)"); done
  for i in $(seq 0 $((n - 1))); do
    urls+=("http://127.0.0.1:${ports[$i]}")
    start_miner "$prefix$i" "${ports[$i]}" "http://127.0.0.1:${ports[$(((i + 1) % n))]}/"
  done
  for url in "${urls[@]}"; do wait_healthy "$url"; done
}

add() { curl -sf -X PUT "$1/add?message=$2" | sed -E 's/.*"id":"([^"]+)".*/\1/'; }

# one_chain IDS...: true when every gateway in urls serves the same tip and holds each id exactly once.
one_chain() {
  local tips="" url chain id
  for url in "${urls[@]}"; do
    chain=$(curl -sf "$url/chain") || return 1
    tips+="$(echo "$chain" | grep -oE '"hash":"[0-9a-f]{64}"' | tail -1)"$'\n'
    for id in "$@"; do [ "$(echo "$chain" | grep -o "\"id\":\"$id\"" | wc -l)" = 1 ] || return 1; done
  done
  [ "$(echo -n "$tips" | sort -u | wc -l)" = 1 ]
}

# wait_one_chain START_MS IDS...: prints the ms from START_MS until one chain holds every id once (at most 300 s).
wait_one_chain() {
  local start=$1; shift
  for _ in $(seq 1 1500); do
    one_chain "$@" && { echo $(( $(now_ms) - start )); return 0; }
    sleep 0.2
  done
  echo "no single chain within 300 s; logs in $work" >&2; trap - EXIT; stop_all; exit 1
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

converge() {
  local n=$1 messages=$2 times=() run m ids last
  for run in $(seq 1 "$runs"); do
    start_ring "$n" "c${n}r${run}_"
    sleep 2 # the first gossip round introduces everyone
    ids=()
    for m in $(seq 0 $((messages - 1))); do ids+=("$(add "${urls[$((m % n))]}" "converge-$n-$run-$m")"); done
    last=$(now_ms)
    times+=("$(wait_one_chain "$last" "${ids[@]}")")
    echo "  run $run miners=$n ms=${times[-1]}" >&2
    stop_all
  done
  echo "converge miners=$n messages=$messages median_ms=$(median "${times[@]}") all_ms=$(IFS=,; echo "${times[*]}")"
}

partition() { curl -sf -X PUT -H "X-Admin-Key: $key" -H 'Content-Type: application/json' -d "{\"cutOff\":[\"$2/\",\"$3/\"]}" "$1/admin/partition" >/dev/null; }
heal_all() { for url in "${urls[@]}"; do curl -sf -X DELETE -H "X-Admin-Key: $key" "$url/admin/partition" >/dev/null; done; }

heal() {
  local times=() run ids healed
  for run in $(seq 1 "$runs"); do
    start_ring 4 "h${run}_"
    sleep 2
    partition "${urls[0]}" "${urls[2]}" "${urls[3]}"; partition "${urls[1]}" "${urls[2]}" "${urls[3]}"
    partition "${urls[2]}" "${urls[0]}" "${urls[1]}"; partition "${urls[3]}" "${urls[0]}" "${urls[1]}"
    ids=("$(add "${urls[0]}" "left-a-$run")" "$(add "${urls[2]}" "right-a-$run")" "$(add "${urls[1]}" "left-b-$run")" "$(add "${urls[3]}" "right-b-$run")")
    local all=("${urls[@]}"); urls=("${all[0]}" "${all[1]}"); wait_one_chain 0 "${ids[0]}" "${ids[2]}" >/dev/null
    urls=("${all[2]}" "${all[3]}"); wait_one_chain 0 "${ids[1]}" "${ids[3]}" >/dev/null; urls=("${all[@]}")
    healed=$(now_ms); heal_all
    times+=("$(wait_one_chain "$healed" "${ids[@]}")")
    echo "  run $run heal ms=${times[-1]}" >&2
    stop_all
  done
  echo "heal miners=4 median_ms=$(median "${times[@]}") all_ms=$(IFS=,; echo "${times[*]}")"
}

converge 2 60
converge 5 50
heal
