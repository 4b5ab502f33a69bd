#!/usr/bin/env bash
# Starts the local PostgreSQL and Redis the full-mode tests use when they are installed and down,
# then waits until both answer. Shared by .ci/run and `npm run test:full` so the two cannot drift.
set -euo pipefail

PG_HOST=127.0.0.1 PG_PORT=5432 REDIS_HOST=127.0.0.1 REDIS_PORT=6379

pg_up() { pg_isready -h "$PG_HOST" -p "$PG_PORT" -q; }
redis_up() { redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping >/dev/null 2>&1; }

for tool in pg_isready psql redis-cli; do
  command -v "$tool" >/dev/null || { echo "services: $tool is not installed" >&2; exit 1; }
done

if ! pg_up; then
  command -v pg_ctlcluster >/dev/null || { echo "services: PostgreSQL is down and pg_ctlcluster is not installed" >&2; exit 1; }
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
fi
if ! redis_up; then
  command -v redis-server >/dev/null || { echo "services: Redis is down and redis-server is not installed" >&2; exit 1; }
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
fi
# Both daemons fork before they accept connections; this waits on their answer, bounded.
for _ in $(seq 1 30); do
  pg_up && redis_up && break
  sleep 1
done
pg_isready -h "$PG_HOST" -p "$PG_PORT"
redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping
