#!/usr/bin/env bash
# Load test of the incidents API on a database with demo data, with `hey` (apt-get install hey).
# Usage: bench/incidents-api.sh [sqlite|postgres] [incidents to seed, default 100000]
#   postgres needs BENCH_PG_ADMIN, a libpq URL of a server where the script may (re)create the database
#   amanat_bench, e.g. BENCH_PG_ADMIN=postgresql://postgres@127.0.0.1:25432/postgres
# Environment: CREATES (default 2000), LISTS (default 1000), CONCURRENCY (default 16), PORT (default 5098).
# Prints hey's summary (requests/s, p50, p99) for: creating incidents; the list unfiltered; the list
# filtered by city, violation and period; a deep page of the list; reading one incident.
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
seed=${2:-100000}
creates=${CREATES:-2000}
lists=${LISTS:-1000}
concurrency=${CONCURRENCY:-16}
port=${PORT:-5098}
base="http://127.0.0.1:$port"
dotnet build tools/Amanat.Demo -c Release -nologo -v quiet >/dev/null   # builds the application too
dll=$PWD/src/Amanat.Web/bin/Release/net10.0/Amanat.Web.dll
demo=$PWD/tools/Amanat.Demo/bin/Release/net10.0/Amanat.Demo.dll
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
export Amanat__DataDirectory="$work/data"
if [ "$provider" = postgres ]; then
  psql "${BENCH_PG_ADMIN:?set BENCH_PG_ADMIN}" -qc 'DROP DATABASE IF EXISTS amanat_bench' -c 'CREATE DATABASE amanat_bench'
  export Amanat__Database__Provider=Postgres
  export Amanat__Database__ConnectionString="$(python3 -c 'import sys, urllib.parse as u; p = u.urlparse(sys.argv[1]); print("Host=%s;Port=%s;Username=%s;Password=%s;Database=amanat_bench" % (p.hostname, p.port or 5432, p.username, p.password or ""))' "$BENCH_PG_ADMIN")"
fi

echo "== seeding $seed demo incidents ($provider)"
start=$(date +%s)
dotnet "$demo" seed --incidents "$seed" | tail -2
echo "seeded in $(( $(date +%s) - start )) s"
echo 'load test pass phrase' | dotnet "$dll" users add bench --roles coordinator >/dev/null
token=$(dotnet "$dll" tokens create bench --name load | tail -1)

ASPNETCORE_URLS="$base" dotnet "$dll" >"$work/server.log" 2>&1 &
server=$!
until curl -fs "$base/health" >/dev/null 2>&1; do sleep 0.1; done

day=$(date -u -d '-10 days' +%F)
cat >"$work/incident.json" <<JSON
{ "occurredOn": "$day", "durationDays": 3, "cityCode": "ALA", "placeCode": "STATION", "unnamedPeople": 2,
  "violations": ["ST-DET", "ST-DOC", "ST-EXT"],
  "perpetrators": [{ "categoryCode": "POL", "involvementCode": "DIR", "count": 2, "badge": "KZ 0417", "phones": "8 (701) 123-45-67" }],
  "people": [{ "workingName": "Load", "consents": { "SERVICES": "Yes", "STATS": "Yes" } }],
  "daysDetained": 3, "documentsTaken": true, "documentsReturned": false, "moneyExtortedMinor": 3000000, "currency": "KZT",
  "complaintCode": "NONE", "status": "Open", "narrative": "Held three days at the station; passport taken." }
JSON
auth=(-H "Authorization: Bearer $token")
summary() { grep -E 'Requests/sec|Total:|50% in|99% in|^ *\[[0-9]+\]' | sed 's/^ */  /'; }

echo "== create: $creates requests, concurrency $concurrency"
hey -n "$creates" -c "$concurrency" -m POST "${auth[@]}" -T application/json -D "$work/incident.json" "$base/api/v1/incidents" | summary
echo "== list, unfiltered (newest 25)"
hey -n "$lists" -c "$concurrency" "${auth[@]}" "$base/api/v1/incidents" | summary
from=$(date -u -d '-6 months' +%F)
echo "== list filtered: city ALA, violation ST-DET, last 6 months"
hey -n "$lists" -c "$concurrency" "${auth[@]}" "$base/api/v1/incidents?city=ALA&violation=ST-DET&from=$from" | summary
echo "== list, page 200 (incidents 4976-5000)"
hey -n "$lists" -c "$concurrency" "${auth[@]}" "$base/api/v1/incidents?page=200" | summary
id=$(curl -fs "${auth[@]}" "$base/api/v1/incidents?city=SHY" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
echo "== read one incident (decrypted, audited)"
hey -n "$lists" -c "$concurrency" "${auth[@]}" "$base/api/v1/incidents/$id" | summary
echo "== database size"
if [ "$provider" = postgres ]; then psql "$BENCH_PG_ADMIN" -tAc "SELECT pg_size_pretty(pg_database_size('amanat_bench'))"; else du -sh "$work/data/amanat.db"*; fi
