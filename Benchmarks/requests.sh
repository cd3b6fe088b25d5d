#!/usr/bin/env bash
# Requests benchmark: how many requests per second the server raises and lists, with latency percentiles,
# on SQLite and on PostgreSQL, against a route with no database work (the stylesheet) in the same run.
#   bash Benchmarks/requests.sh            # release build, 10 s per measure, 16 connections
# Needs wrk and PostgreSQL 15 (apt-get install wrk postgresql-15). Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-18181}
PG_BIN=/usr/lib/postgresql/15/bin
WORK=$(mktemp -d /tmp/gongzhi-bench.XXXXXX); chmod 755 "$WORK"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -d "$WORK/pg/data" ] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

swift build -c release --product gongzhi >/dev/null
BIN=$(swift build -c release --show-bin-path)/gongzhi

cat > "$WORK/raise.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, '{"kind":"help","category":"environment","text":"压测诉求 ' .. n .. '"}')
end
LUA
cat > "$WORK/list.lua" <<'LUA'
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
LUA

run() { # name url [script]
  local out
  if [ -n "${3:-}" ]; then out=$(TOKEN=$TOKEN wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$3" "$2")
  else out=$(TOKEN=$TOKEN wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$2"); fi
  local rps p50 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $4}')
  printf '| %-9s | %-34s | %9s | %8s | %8s | %s |\n' "$DB" "$1" "$rps" "$p50" "$p99" "${errors:-0}"
}

start() {
  (cd "$WORK" && DATABASE_URL="$1" GONGZHI_BCRYPT_COST=10 LOG_LEVEL=warning exec "$BIN" serve --port "$PORT" >"$WORK/server.log" 2>&1) &
  SERVER_PID=$!
  for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
  TOKEN=$(curl -fsS -H 'Content-Type: application/json' -d '{"login":"resident","password":"Gongzhi-demo-2026"}' \
    "http://127.0.0.1:$PORT/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  STAFF=$(curl -fsS -H 'Content-Type: application/json' -d '{"login":"secretary","password":"Gongzhi-demo-2026"}' \
    "http://127.0.0.1:$PORT/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
}

echo "| database  | what                               |  req/s    | p50      | p99      | non-2xx |"
echo "|-----------|------------------------------------|-----------|----------|----------|---------|"
for DB in sqlite postgres; do
  if [ "$DB" = sqlite ]; then
    start "sqlite://$WORK/bench.sqlite"
  else
    mkdir -p "$WORK/pg"; chown postgres "$WORK/pg"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -o "-p 55499 -k $WORK/pg -c listen_addresses=127.0.0.1" -w start >/dev/null
    start "postgres://postgres@127.0.0.1:55499/postgres"
  fi
  run "bare route (no database)" "http://127.0.0.1:$PORT/static/app.css"
  run "raise a request (resident)" "http://127.0.0.1:$PORT/api/v1/requests" "$WORK/raise.lua"
  run "list own requests (resident)" "http://127.0.0.1:$PORT/api/v1/requests" "$WORK/list.lua"
  TOKEN=$STAFF run "list the community's (secretary)" "http://127.0.0.1:$PORT/api/v1/requests" "$WORK/list.lua"
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
done
