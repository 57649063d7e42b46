#!/usr/bin/env bash
# Key rotation at scale: on a copy of a data directory (or a fresh one seeded with demo incidents), times
# `keys rotate` twice — with the server stopped (the CLI re-wraps every record key itself) and with the server
# running (the CLI asks it over the control socket and follows its background progress) — and counts the
# record keys. Usage: bench/key-rotation.sh [incidents, default 100000] [existing data directory to copy]
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:-100000}
source_dir=${2:-}
dotnet build tools/Amanat.Demo -c Release -nologo -v quiet >/dev/null   # builds the application too
dll=$PWD/src/Amanat.Web/bin/Release/net10.0/Amanat.Web.dll
demo=$PWD/tools/Amanat.Demo/bin/Release/net10.0/Amanat.Demo.dll
work=$(mktemp -d /tmp/amanat-rotation-bench.XXXX)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
export Amanat__DataDirectory="$work/data"
if [ -n "$source_dir" ]; then
  cp -r "$source_dir" "$work/data"
else
  echo "== seeding $seed demo incidents"
  dotnet "$demo" seed --incidents "$seed" | tail -1
fi
keys() { sqlite3 "$work/data/amanat.db" "SELECT count(*) || ' record keys (' || group_concat(DISTINCT Version) || ')' FROM RecordKeys"; }
t() { local s=$(date +%s.%N); "$@"; echo "  took $(python3 -c "print(round($(date +%s.%N) - $s, 1))") s"; }
du -sh "$work/data/amanat.db"
echo "== keys rotate, server stopped: $(keys)"
t dotnet "$dll" keys rotate 2>"$work/stopped.log" | tail -1
tail -1 "$work/stopped.log"
echo "   after: $(keys)"
echo "== keys rotate, server running"
port=$(( 20000 + RANDOM % 20000 ))
ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$dll" >"$work/server.log" 2>&1 &
server=$!
until curl -fs "http://127.0.0.1:$port/health" >/dev/null; do sleep 0.5; done
t dotnet "$dll" keys rotate 2>"$work/running.log" | tail -1
echo "   progress lines: $(wc -l < "$work/running.log"); last: $(tail -1 "$work/running.log")"
kill "$server"; wait "$server" 2>/dev/null || true; server=""
echo "   after: $(keys)"
