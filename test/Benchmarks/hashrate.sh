#!/usr/bin/env bash
# One core's nonce rate of the miner's fastest kernel, next to OpenSSL's SHA-256 on the same machine.
# OpenSSL hashes long buffers at one compression per 64 bytes, so bytes/s / 64 is its compressions per second;
# the kernel needs one compression per nonce, so the ratio compares like with like.
# Usage: test/Benchmarks/hashrate.sh [SECONDS] [PATH]   (PATH: Widest, Vector512x16, Vector256x8, Scalar, Plain)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
seconds="${1:-4}"
path="${2:-Widest}"

if ! build="$(dotnet build "$here/Benchmarks.csproj" -c Release --nologo -v quiet 2>&1)"; then
  echo "$build" >&2
  exit 1
fi
line="$(dotnet "$here/bin/Release/net10.0/Orleans.Blockchain.Benchmarks.dll" --hashrate "$seconds" "$path")"
echo "$line"
nonces="$(sed -n 's/.* nonces_per_second=\([0-9][0-9]*\).*/\1/p' <<<"$line")"
[[ -n "$nonces" ]] || { echo "no nonces_per_second in: $line" >&2; exit 1; }

# -bytes 16384 runs only the 16384-byte column of 'openssl speed -evp sha256' (3 s instead of 18 s).
speed="$(openssl speed -evp sha256 -seconds 3 -bytes 16384 2>/dev/null)"
echo "$speed" | tail -n 2
grep -q "in 1000s of bytes per second" <<<"$speed" || { echo "unexpected openssl units:" >&2; echo "$speed" >&2; exit 1; }
bytes_per_second="$(awk '
  $1 == "type" { for (i = 2; i <= NF; i++) if ($i ~ /^[0-9]+$/) { n++; if ($i == "16384") column = n } }
  tolower($1) == "sha256" && column { value = $(column + 1); if (sub(/k$/, "", value)) printf "%.0f\n", value * 1000 }
' <<<"$speed")"
[[ -n "$bytes_per_second" ]] || { echo "no 16384-byte sha256 figure in openssl output" >&2; exit 1; }

awk -v n="$nonces" -v b="$bytes_per_second" \
  'BEGIN { printf "nonces_per_second_per_core=%d ratio_to_openssl=%.2f\n", n, n / (b / 64) }'
