#!/usr/bin/env bash
# Runs every test project of Amanat: unit, integration (SQLite and PostgreSQL) and browser tests.
# Installs what is missing (Debian: PostgreSQL, Chromium), starts a throwaway PostgreSQL cluster on a
# loopback port, and always stops what it started. Ends with one line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD
results=$root/.test-run
rm -rf "$results"
mkdir -p "$results"

log() { printf '==> %s\n' "$*"; }

# 1. What the tests need from Debian.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null || { echo "The .NET 10 SDK (dotnet) is required." >&2; exit 1; }

# 2. A throwaway PostgreSQL cluster on loopback, stopped on exit whatever happens.
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgroot=$(mktemp -d /tmp/amanat-pg.XXXXXX)
pgport=${AMANAT_TEST_PG_PORT:-$(( 20000 + RANDOM % 20000 ))}
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" -ne 0 ] || chown postgres "$pgroot"
stop_postgres() {
  as_pg "$pgbin/pg_ctl" -D "$pgroot/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgroot"
}
trap stop_postgres EXIT
log "starting PostgreSQL on 127.0.0.1:$pgport"
as_pg "$pgbin/initdb" -D "$pgroot/data" -U postgres --auth=trust -E UTF8 >/dev/null
as_pg "$pgbin/pg_ctl" -D "$pgroot/data" -l "$pgroot/server.log" -w start \
  -o "-p $pgport -k $pgroot -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
export AMANAT_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres"
# The security tests append their measured numbers (crash rounds, hostile corpus) to a file here.
export AMANAT_TEST_RESULTS="$results"

# 3. Build once, then run each test project.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "building"
dotnet build Amanat.slnx -nologo -v quiet

passed=0; failed=0; skipped=0; status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  log "testing $name"
  if ! dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results"; then
    status=1
  fi
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "$name: no results (the test host crashed?)" >&2
    failed=$((failed + 1)); status=1; continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
  skipped=$((skipped + $(count notExecuted)))
done

[ "$failed" -eq 0 ] || status=1
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit $status
