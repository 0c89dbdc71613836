#!/usr/bin/env bash
# The quick start's hash rate next to the mining kernel's, measured in the same run on this machine, one thread each.
# Starts one miner the way the README does (`dotnet run --project Cli -- network up`, whose miners mine on one thread),
# at difficulty 16 so that no block is found and the search never stops, gives it a message to mine, and averages the
# hashesPerSecond of its GET /status over SECONDS; then, with the miner down, times the kernel alone for as long
# (test/Benchmarks --hashrate, the same searcher on one thread). Both are nonces per second of the mining thread's
# CPU time, so that other work on a shared machine does not count against either.
# Prints: quickstart_nonces_per_second=N kernel_nonces_per_second=M ratio=R
# Usage: test/Benchmarks/quickstart-hashrate.sh [SECONDS=20] [BASE_PORT=free]   (stops what it starts)
set -euo pipefail
seconds=${1:-20}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
base=${2:-$(free_port)}
blockchain() { dotnet run --project "$root/Cli" -- "$@"; }
cleanup() { blockchain network down --data-dir "$work/network" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

# Both builds first, so that no compiler runs while anything is measured.
dotnet build "$root/test/Benchmarks" -c Release -v q -nologo >/dev/null
dotnet build "$root/Cli" -v q -nologo >/dev/null

blockchain network up --miners 1 --difficulty 16 --base-port "$base" --data-dir "$work/network" >/dev/null
http="http://127.0.0.1:$base"
curl -sf -X PUT "$http/add?message=hash-rate" >/dev/null
quickstart=$(python3 - "$http/status" "$seconds" "$work/network/processes.json" <<'PY'
import json, os, sys, time, urllib.request
url, seconds, records = sys.argv[1], float(sys.argv[2]), sys.argv[3]
silo = next(r["pid"] for r in json.load(open(records)) if r["role"].lower() == "silo")
tick = os.sysconf("SC_CLK_TCK")
status = lambda: json.load(urllib.request.urlopen(url, timeout=10))
def cpu(path):  # utime + stime in seconds (fields 14 and 15, after the command name)
    fields = open(path).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / tick
def miners():  # the mining threads (BlockMiner names them miner-0, miner-1, ...) and their CPU time
    tasks = f"/proc/{silo}/task"
    return {t: cpu(f"{tasks}/{t}/stat") for t in os.listdir(tasks) if open(f"{tasks}/{t}/comm").read().startswith("miner-")}
deadline = time.time() + 120
while not status()["mining"]:
    if time.time() > deadline: sys.exit("the miner did not start mining")
    time.sleep(0.5)
time.sleep(4)  # a full report period (2 s) of searching
before, process_before, began = miners(), cpu(f"/proc/{silo}/stat"), time.time()
rates = []
while time.time() < began + seconds:
    s = status()
    if s["mining"]: rates.append(s["hashesPerSecond"])
    time.sleep(2)
after, process_after, elapsed = miners(), cpu(f"/proc/{silo}/stat"), time.time() - began
# Per second of the mining thread's CPU time, as the kernel is timed: on a shared machine a thread is not on a core
# all the wall-clock time. Should the thread have been replaced meanwhile, the whole silo's CPU time counts instead.
busy = sum(after[t] - before[t] for t in after) if after.keys() == before.keys() and after else process_after - process_before
print(round(sum(rates) / len(rates) * elapsed / busy))
PY
)
blockchain network down --data-dir "$work/network" >/dev/null

line=$(dotnet "$root/test/Benchmarks/bin/Release/net10.0/Orleans.Blockchain.Benchmarks.dll" --hashrate "$seconds" Widest)
kernel=$(sed -n 's/.* nonces_per_second=\([0-9][0-9]*\).*/\1/p' <<<"$line")
[[ -n "$kernel" ]] || { echo "no nonces_per_second in: $line" >&2; exit 1; }
awk -v q="$quickstart" -v k="$kernel" 'BEGIN { printf "quickstart_nonces_per_second=%d kernel_nonces_per_second=%d ratio=%.2f\n", q, k, q / k }'
