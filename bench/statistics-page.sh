#!/usr/bin/env bash
# Load test of the statistics page (/staff/statistics, HTML with every chart and table) on a database
# already filled by the demo tool (tools/Amanat.Demo), with `hey` (apt-get install hey).
# Usage: bench/statistics-page.sh <data directory> [postgres connection string]
#   e.g. Amanat__DataDirectory=/tmp/seed/data dotnet run -c Release --project tools/Amanat.Demo -- seed --incidents 1000000
#        bench/statistics-page.sh /tmp/seed/data
# Environment: REQUESTS (default 300 per filter), CONCURRENCY (default 4), PORT (default 5099).
# Prints the first view's time (it loads every fact into memory once) and hey's summary for five filters.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:?data directory}
requests=${REQUESTS:-300}
concurrency=${CONCURRENCY:-4}
port=${PORT:-5099}
base="http://127.0.0.1:$port"
dotnet build src/Amanat.Web -c Release -nologo -v quiet >/dev/null
dll=$PWD/src/Amanat.Web/bin/Release/net10.0/Amanat.Web.dll
export Amanat__DataDirectory="$data"
if [ -n "${2:-}" ]; then
  export Amanat__Database__Provider=Postgres Amanat__Database__ConnectionString="$2"
fi
log=$(mktemp)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -f "$log"' EXIT
user="stats$RANDOM"
echo 'load test pass phrase' | dotnet "$dll" users add "$user" --roles coordinator >/dev/null
token=$(dotnet "$dll" tokens create "$user" --name load | tail -1)
ASPNETCORE_URLS="$base" dotnet "$dll" >"$log" 2>&1 &
server=$!
until curl -fs "$base/health" >/dev/null 2>&1; do sleep 0.2; done
auth=(-H "Authorization: Bearer $token")
echo "== first view (loads the facts)"
curl -fs -o /dev/null -w '%{http_code} in %{time_total} s, %{size_download} bytes\n' "${auth[@]}" "$base/staff/statistics?lang=ru"
summary() { grep -E 'Requests/sec|50% in|95% in|99% in|^ *\[[0-9]+\]' | sed 's/^ */  /'; }
to=$(date -u +%Y-%m)
from12=$(date -u -d "$(date -u +%Y-%m-01) -11 months" +%Y-%m)
from24=$(date -u -d "$(date -u +%Y-%m-01) -23 months" +%Y-%m)
for query in "From=$from12&To=$to" "From=$from24&To=$to" "City=ALA" "Violation=ST-DET&Perpetrator=POL" "City=AST&Nationality=UZ"; do
  echo "== $query"
  curl -fs -o /dev/null -w '  one view: %{size_download} bytes\n' "${auth[@]}" "$base/staff/statistics?lang=ru&$query"
  hey -n "$requests" -c "$concurrency" "${auth[@]}" "$base/staff/statistics?lang=ru&$query" | summary
done
