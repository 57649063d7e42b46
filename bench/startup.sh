#!/usr/bin/env bash
# Measures start-up to first response and idle memory of Amanat on SQLite.
# Usage: bench/startup.sh [runs]   (default 5). Builds Release once; each run uses a fresh data directory
# (first start: creates the database and applies migrations) and then a second start on the same data.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
port=${PORT:-5099}
dotnet build src/Amanat.Web -c Release -nologo -v quiet >/dev/null
dll=src/Amanat.Web/bin/Release/net10.0/Amanat.Web.dll

measure() {  # $1 = data directory; prints "ms rss_kib"
  local start end pid
  start=$(date +%s%N)
  Amanat__DataDirectory="$1" ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$dll" >/dev/null 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1; do sleep 0.02; done
  end=$(date +%s%N)
  for _ in 1 2 3 4 5; do curl -fs "http://127.0.0.1:$port/?lang=kk" >/dev/null; done
  sleep 10
  local rss
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (end - start) / 1000000 )) $rss"
}

printf 'run\tfirst start ms\tfirst RSS MiB\trestart ms\trestart RSS MiB\n'
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  read -r ms1 rss1 < <(measure "$dir/data")
  read -r ms2 rss2 < <(measure "$dir/data")
  printf '%s\t%s\t%s\t%s\t%s\n' "$i" "$ms1" "$((rss1 / 1024))" "$ms2" "$((rss2 / 1024))"
  rm -rf "$dir"
done
