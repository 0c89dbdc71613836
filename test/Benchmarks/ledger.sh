#!/usr/bin/env bash
# Storage figures of one miner (issue 13), Release build, everything on 127.0.0.1, rate limits raised:
#   add_per_second            PUT /add from 64 connections for 10 s (after the same for 5 s as a warm-up), every
#                             answer 200; then the silo is killed (-9) and restarted, and every acknowledged message
#                             (of both runs) must still be there
#   blocks_per_second_at_N    difficulty 1, one message per block, on a chain of N blocks (1,000 and 100,000)
#   restart_seconds_at_100000 silo start to the first GET /status 200 on a 100,000-block chain
#   silo_rss_mib_at_100000    the silo's resident memory there, after appending blocks
# The long chains are written through the chain store by the benchmark tool (valid: mined at difficulty 1).
# Each miner here is the silo and the gateway program side by side (two processes, as the containers run them);
# `network up` runs a one-silo miner as one process, the silo hosting its gateway (README, "Footprint").
# Usage: test/Benchmarks/ledger.sh   (starts and stops its own miner processes, by PID; removes its files)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
pids=()
# The miner's processes are disowned (no job notices among the figures) and stopped by PID with stop().
stop() { kill -9 "$1" 2>/dev/null || true; for _ in $(seq 1 200); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.05; done; }
cleanup() { for pid in "${pids[@]}"; do stop "$pid"; done; rm -rf "$work"; }
trap cleanup EXIT

for project in Silo Gateway test/Benchmarks; do dotnet build -c Release "$root/$project" -v q -nologo >/dev/null; done
silo="$root/Silo/bin/Release/net10.0/Orleans.Blockchain.Silo.dll"
gateway="$root/Gateway/bin/Release/net10.0/Orleans.Blockchain.Gateway.dll"
tool="$root/test/Benchmarks/bin/Release/net10.0/Orleans.Blockchain.Benchmarks.dll"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }

# start_silo NAME DIFFICULTY SILO_PORT GATEWAY_PORT [settings...]: sets silo_pid
start_silo() {
  local name=$1 difficulty=$2 silo_port=$3 gateway_port=$4; shift 4
  dotnet "$silo" --Miner:Name="$name" --Miner:DataDirectory="$work/$name" --Miner:Difficulty="$difficulty" \
    --Miner:SiloPort="$silo_port" --Miner:GatewayPort="$gateway_port" --Miner:MiningThreads=1 "$@" >>"$work/$name.silo.log" 2>&1 &
  silo_pid=$!; disown "$silo_pid"; pids+=("$silo_pid")
}
start_gateway() {
  dotnet "$gateway" --Miner:Name="$1" --Miner:GatewayPort="$2" --Urls="http://127.0.0.1:$3" \
    --Gateway:MessagesPerSecond=1000000 --Gateway:RequestsPerSecond=1000000 >>"$work/$1.gateway.log" 2>&1 &
  disown $!; pids+=($!)
}
wait_status() { for _ in $(seq 1 1200); do curl -sf -o /dev/null "$1/status" && return 0; sleep 0.05; done; echo "no /status at $1" >&2; exit 1; }
rss_mib() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
field() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<<"$2"; }

# 1. Adds: a pool big enough for everything, one mining thread at difficulty 4 (blocks of 100 go on meanwhile).
name=adds; sp=$(free_port); gp=$(free_port); hp=$(free_port); url="http://127.0.0.1:$hp"
mkdir -p "$work/$name"
start_silo "$name" 4 "$sp" "$gp" --Miner:MaxPoolSize=1000000; start_gateway "$name" "$gp" "$hp"; wait_status "$url"
# The same load for 5 s first, as a warm-up: the figure is the miner's steady state, not the JIT's. In a cold first
# 10 s, tiered compilation took 11 % of the machine's CPU and the rate was about 8,000 a second instead of 11,000.
warmup=$(dotnet "$tool" --load "$url/" 5 64 warmup); echo "warm-up: $warmup"
load=$(dotnet "$tool" --load "$url/" 10 64 load); echo "$load"
for run in "$warmup" "$load"; do [ "$(field failed "$run")" = 0 ] || { echo "some adds were not answered 200" >&2; exit 1; }; done
stop "$silo_pid"
start_silo "$name" 4 "$sp" "$gp" --Miner:MaxPoolSize=1000000; wait_status "$url"
for run in "warmup:$warmup" "load:$load"; do
  label=${run%%:*}; acknowledged=$(field ok "${run#*:}")
  kept=$(field kept "$(dotnet "$tool" --kept "$url/" $label)")
  echo "after kill -9 and restart ($label): acknowledged=$acknowledged kept=$kept"
  [ "$kept" -ge "$acknowledged" ] || { echo "acknowledged messages were lost" >&2; exit 1; }
done
stop "$silo_pid"

# 2. Blocks on a chain of N blocks: restart time, the append rate, memory (sets rate, restart, rss).
blocks_at() {
  local n=$1 name="chain$1" sp gp hp url start blocks
  sp=$(free_port); gp=$(free_port); hp=$(free_port); url="http://127.0.0.1:$hp"
  mkdir -p "$work/$name"
  dotnet "$tool" --make-chain "$work/$name" "$name" "$n" >&2
  start_gateway "$name" "$gp" "$hp"
  start=$(now)
  start_silo "$name" 1 "$sp" "$gp" --Miner:MaxMessagesPerBlock=1; wait_status "$url"
  restart=$(echo "$(now) - $start" | bc)
  blocks=$(dotnet "$tool" --blocks "$url/" 1000); echo "$blocks"
  rate=$(field per_second "$blocks"); rss=$(rss_mib "$silo_pid")
  stop "$silo_pid"
}
blocks_at 1000; rate1000=$rate
blocks_at 100000; rate100k=$rate; restart100k=$restart; rss100k=$rss

echo "add_per_second=$(field per_second "$load")"
echo "blocks_per_second_at_1000=$rate1000"
echo "blocks_per_second_at_100000=$rate100k"
printf 'restart_seconds_at_100000=%.2f\n' "$restart100k"
echo "silo_rss_mib_at_100000=$rss100k"
