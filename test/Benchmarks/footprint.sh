#!/usr/bin/env bash
# The footprint of one idle miner of the quick start: starts a network the way the README does
# (`dotnet run --project Cli -- network up`, 3 miners wired as a ring), leaves it idle for a minute, then measures
# miner1's processes together (silo and gateway: one process, as the silo of a one-silo miner hosts its gateway): CPU
# time used over the next WINDOW seconds as a percentage of one core, and resident memory (RSS) at the end. Prints
# `<process>_rss_mib=... <process>_cpu_percent=...` for each, then `idle_rss_mib=N idle_cpu_percent=P`.
# Usage: test/Benchmarks/footprint.sh [MINERS=3] [WINDOW=30] [BASE_PORT=free]   (stops what it starts)
set -euo pipefail
miners=${1:-3} window=${2:-30}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
base=${3:-$(free_port)}
blockchain() { dotnet run --project "$root/Cli" -- "$@"; }
cleanup() { blockchain network down --data-dir "$work/network" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

blockchain network up --miners "$miners" --base-port "$base" --data-dir "$work/network" >/dev/null
sleep 60 # a minute idle: start-up work (JIT, the first gossip and sync rounds) is over

python3 - "$work/network/processes.json" "$window" <<'PY'
import json, os, sys, time
records, seconds = json.load(open(sys.argv[1])), float(sys.argv[2])
pids = {r["role"].lower(): r["pid"] for r in records if r["miner"] == "miner1" and r["role"].lower() in ("silo", "gateway")}
assert "silo" in pids, f"miner1 has no silo among {records}"
tick = os.sysconf("SC_CLK_TCK")
def cpu(pid):  # utime + stime, in seconds (fields 14 and 15 of /proc/PID/stat, after the command name)
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / tick
def rss_mib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
start = {role: cpu(pid) for role, pid in pids.items()}
began = time.monotonic()
time.sleep(seconds)
elapsed = time.monotonic() - began
percent = {role: 100 * (cpu(pid) - start[role]) / elapsed for role, pid in pids.items()}
rss = {role: rss_mib(pid) for role, pid in pids.items()}
print(" ".join(f"{role}_rss_mib={rss[role]:.0f} {role}_cpu_percent={percent[role]:.2f}" for role in pids))
print(f"idle_rss_mib={sum(rss.values()):.0f} idle_cpu_percent={sum(percent.values()):.2f}")
PY
