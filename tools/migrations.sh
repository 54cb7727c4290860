#!/usr/bin/env bash
# Adds a migration for both providers (SQLite and PostgreSQL), or with --reset regenerates the
# initial migration from the current model (only while nothing is deployed).
#   tools/migrations.sh AddDiagnosis
#   tools/migrations.sh --reset
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
project=src/Excellence.Web
name=${1:?usage: tools/migrations.sh NAME | --reset}
if [ "$name" = "--reset" ]; then
  rm -rf "$project/Data/Migrations/Sqlite" "$project/Data/Migrations/Postgres"
  name=Initial
fi
dotnet build "$project" -v q -nologo >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build --project "$project" --context "${provider}AppDb" \
    --output-dir "Data/Migrations/$provider" >/dev/null
  echo "added $name for $provider"
done
rm -f "$project/design-time.db"
