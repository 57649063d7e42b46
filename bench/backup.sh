#!/usr/bin/env bash
# Backup and restore at scale: seeds demo incidents into a fresh data directory, adds evidence files
# (random bytes, as the stored files are ciphertext anyway), then times `backup`, `backup verify` and
# `restore` onto another fresh directory (and, for PostgreSQL, another database), with sizes.
# Usage: bench/backup.sh [sqlite|postgres] [incidents, default 100000] [files, default 2000] [KB per file, default 300]
#   postgres needs BENCH_PG_ADMIN, e.g. postgresql://postgres@127.0.0.1:25432/postgres
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
seed=${2:-100000}
files=${3:-2000}
kb=${4:-300}
dotnet build tools/Amanat.Demo -c Release -nologo -v quiet >/dev/null   # builds the application too
dll=$PWD/src/Amanat.Web/bin/Release/net10.0/Amanat.Web.dll
demo=$PWD/tools/Amanat.Demo/bin/Release/net10.0/Amanat.Demo.dll
work=$(mktemp -d /tmp/amanat-backup-bench.XXXX)
trap 'rm -rf "$work"' EXIT
export Amanat__DataDirectory="$work/data"
pg_for() { python3 -c 'import sys, urllib.parse as u; p = u.urlparse(sys.argv[1]); print("Host=%s;Port=%s;Username=%s;Password=%s;Database=%s" % (p.hostname, p.port or 5432, p.username, p.password or "", sys.argv[2]))' "$BENCH_PG_ADMIN" "$1"; }
if [ "$provider" = postgres ]; then
  psql "${BENCH_PG_ADMIN:?set BENCH_PG_ADMIN}" -qc 'DROP DATABASE IF EXISTS amanat_backup_src' -c 'CREATE DATABASE amanat_backup_src' -c 'DROP DATABASE IF EXISTS amanat_backup_dst' -c 'CREATE DATABASE amanat_backup_dst'
  export Amanat__Database__Provider=Postgres Amanat__Database__ConnectionString="$(pg_for amanat_backup_src)"
fi
echo "== seeding $seed demo incidents ($provider) and $files evidence files of $kb KB"
start=$(date +%s)
dotnet "$demo" seed --incidents "$seed" | tail -1
mkdir -p "$work/data/attachments"
for i in $(seq 1 "$files"); do head -c $((kb * 1024)) /dev/urandom > "$work/data/attachments/$(cat /proc/sys/kernel/random/uuid | tr -d -).bin"; done
echo "seeded in $(( $(date +%s) - start )) s"
if [ "$provider" = postgres ]; then psql "$BENCH_PG_ADMIN" -tAc "SELECT 'database ' || pg_size_pretty(pg_database_size('amanat_backup_src'))"; else du -sh "$work/data/amanat.db"; fi
du -sh "$work/data/attachments"
t() { local s=$(date +%s.%N); "$@"; echo "  took $(python3 -c "print(round($(date +%s.%N) - $s, 1))") s"; }
echo "== backup"
t dotnet "$dll" backup --out "$work/backups" 2>/dev/null
backup=$(ls "$work"/backups/*.amb)
ls -l "$backup" | awk '{printf "  file %.1f MB\n", $5/1048576}'
echo "== backup verify"
t dotnet "$dll" backup verify "$backup" --key-file "$work/data/keys/amanat.key" 2>/dev/null
echo "== restore onto a fresh directory"
export Amanat__DataDirectory="$work/restored"
if [ "$provider" = postgres ]; then export Amanat__Database__ConnectionString="$(pg_for amanat_backup_dst)"; fi
t dotnet "$dll" restore "$backup" --key-file "$work/data/keys/amanat.key" 2>/dev/null
if [ "$provider" = postgres ]; then psql "$BENCH_PG_ADMIN" -qc 'DROP DATABASE amanat_backup_src' -c 'DROP DATABASE amanat_backup_dst'; fi
