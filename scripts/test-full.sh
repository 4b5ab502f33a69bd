#!/usr/bin/env bash
# `npm run test:full`: `npm test` in both modes against local PostgreSQL and Redis (started by
# scripts/services.sh when down), on a fresh database that is dropped afterwards. Arguments go to
# `npm test` (e.g. `npm run test:full -- test/users`).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/services.sh

DB="nexus_test_$$"
psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
trap 'psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true' EXIT

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB"
export TEST_REDIS_URL="redis://127.0.0.1:6379"
export NEXUS_REQUIRE_FULL=true

npm test -- "$@"
