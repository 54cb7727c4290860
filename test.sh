#!/usr/bin/env bash
# Runs every test: the whole suite on SQLite and on PostgreSQL, then the browser suite in Chromium.
# On a fresh Debian 12 machine it first installs what the tests need (as root, or through sudo).
# Ends with the line "N passed, N failed" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/artifacts/test-results"
export EXCELLENCE_ARTEFACTS="$root/artifacts/screenshots"
rm -rf "$results" && mkdir -p "$results" "$EXCELLENCE_ARTEFACTS"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DEBIAN_FRONTEND=noninteractive

say() { printf '\n== %s\n' "$*"; }

# 1. What the tests need, installed when missing.
sudo_cmd=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo_cmd="sudo -n"
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v npm >/dev/null || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]}"
  $sudo_cmd apt-get update -q >/dev/null && $sudo_cmd apt-get install -y -q "${need[@]}" >/dev/null \
    || { echo "could not install ${need[*]}: install them with apt-get and run again"; echo "0 passed, 1 failed"; exit 1; }
fi

# 2. A throw-away PostgreSQL cluster on a free port, run as the postgres user when we are root.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_dir=$(mktemp -d /tmp/excellence-pg.XXXXXX)
pg_user=$(id -un)
as_pg() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  pg_user=postgres
  chown postgres:postgres "$pg_dir"
  as_pg() { runuser -u postgres -- "$@"; }
fi
port=55432
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
cleanup() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$pg_dir"
}
trap cleanup EXIT
say "starting PostgreSQL on port $port"
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U "$pg_user" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
  && as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w -o \
     "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" start >/dev/null \
  || { cat "$pg_dir/log" 2>/dev/null; echo "0 passed, 1 failed"; exit 1; }
export EXCELLENCE_TEST_PG="Host=127.0.0.1;Port=$port;Username=$pg_user;Database=postgres"

# 3. Build once, then run.
say "building"
dotnet build Excellence.slnx -nologo -v q -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

status=0
run() { # name, project, extra env
  local name=$1 project=$2
  say "$name"
  env "${@:3}" dotnet test "$project" --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=1
}
run sqlite tests/Excellence.Tests EXCELLENCE_TEST_DB=sqlite
run postgres tests/Excellence.Tests EXCELLENCE_TEST_DB=postgres
run browser tests/Excellence.BrowserTests EXCELLENCE_TEST_DB=sqlite

# 4. The closing line, summed from the result files.
passed=0; failed=0; found=0
for f in "$results"/*.trx; do
  [ -f "$f" ] || continue
  found=$((found + 1))
  counters=$(grep -o '<Counters [^>]*>' "$f")
  p=$(echo "$counters" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*')
  x=$(echo "$counters" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
  e=$(echo "$counters" | grep -o ' error="[0-9]*"' | grep -o '[0-9]*')
  passed=$((passed + ${p:-0})); failed=$((failed + ${x:-0} + ${e:-0}))
done
[ "$found" -lt 3 ] && { [ "$failed" -eq 0 ] && failed=1; status=1; }
[ "$failed" -gt 0 ] && status=1
echo "screenshots: $EXCELLENCE_ARTEFACTS"
echo "$passed passed, $failed failed"
exit $status
