#!/usr/bin/env bash
# Matching benchmark: ranked suggestions for a need among 100,000 resources, over HTTP, on SQLite and on
# PostgreSQL, against a route with no database work (the stylesheet) in the same run.
#   bash Benchmarks/matching.sh              # release build, 100,000 resources, 10 s per measure, 8 connections
#   RESOURCES=200000 DURATION=30s bash Benchmarks/matching.sh
# Needs wrk and PostgreSQL 15 (apt-get install wrk postgresql-15). Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-8}
RESOURCES=${RESOURCES:-100000}
PORT=${PORT:-18191}
PG_PORT=${PG_PORT:-56491}
PG_BIN=/usr/lib/postgresql/15/bin
WORK=$(mktemp -d /tmp/gongzhi-match.XXXXXX); chmod 755 "$WORK"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -d "$WORK/pg/data" ] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m immediate stop \
    >/dev/null 2>&1 || true
  [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

swift build -c release --product gongzhi >/dev/null
BIN=$(swift build -c release --show-bin-path)/gongzhi

# wrk prints p50/p90/p99 with --latency; p95 comes from this script's summary.
cat > "$WORK/get.lua" <<'LUA'
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or "")
done = function(summary, latency, requests)
  io.write(string.format("P95 %.2f\n", latency:percentile(95) / 1000))
end
LUA

run() { # name url
  local out rps p50 p95 p99 errors
  out=$(TOKEN=$TOKEN wrk -t"$(( CONNECTIONS < 2 ? 1 : 2 ))" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/get.lua" "$2")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p95=$(echo "$out" | awk '$1=="P95" {print $2 "ms"}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  [ -n "$errors" ] && curl -s -H "Authorization: Bearer $TOKEN" "$2" | head -c 300 >&2
  printf '| %-13s | %-38s | %9s | %8s | %9s | %8s | %s |\n' "$DB" "$1" "$rps" "$p50" "$p95" "$p99" "${errors:-0}"
}

start() {
  (cd "$WORK" && DATABASE_URL="$1" GONGZHI_BCRYPT_COST=10 LOG_LEVEL=warning exec "$BIN" serve --port "$PORT" \
    >"$WORK/server.log" 2>&1) &
  SERVER_PID=$!
  for _ in $(seq 1 240); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
  TOKEN=$(curl -fsS -H 'Content-Type: application/json' -d '{"login":"secretary","password":"Gongzhi-demo-2026"}' \
    "http://127.0.0.1:$PORT/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
}

stop() { kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }

# The resources: spread over the demo district's communities and grids, every category, capacities 1-20, a
# tenth with a window that has ended; the need is the first open one of the secretary's community.
seed_sql() { # prints SQL for both engines
  python3 - "$RESOURCES" "$1" <<'PY'
import json, random, sys
n, meta = int(sys.argv[1]), json.loads(open(sys.argv[2]).read())
cats = ["elderlyCare", "children", "disability", "health", "legal", "employment", "repairs", "environment",
        "cultureSports", "counselling", "safety", "venue", "goods", "other"]
rng = random.Random(2026)
rows = []
for i in range(n):
    g = meta["grids"][i % len(meta["grids"])]
    until = "'2000-01-01'" if i % 10 == 0 else "NULL"
    rows.append(f"('压测资源{i}','', '{rng.choice(cats)}','unit',{g['community']},{g['id']},'{g['path']}',"
                f"{g['lat'] + rng.uniform(-0.01, 0.01):.6f},{g['lng'] + rng.uniform(-0.01, 0.01):.6f},'',"
                f"{rng.randint(1, 20)},NULL,{until},'','','x','',{meta['user']})")
cols = ("title,text,category,offerer,community_node_id,grid_id,path,lat,lng,address,capacity,available_from,"
        "available_until,hours,conditions,contact_name,contact_phone,recorded_by")
print("BEGIN;")
for k in range(0, n, 1000):
    print(f"INSERT INTO list_resources ({cols}) VALUES " + ",".join(rows[k:k + 1000]) + ";")
print("COMMIT;")
PY
}

meta() { # the grids (id, community, path, centre), an account and the need, as JSON, from the SQLite file
  python3 - "$1" <<'PY'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
grids = [{"id": i, "community": c, "path": p, "lat": (a + b) / 2, "lng": (x + y) / 2}
         for i, c, p, a, b, x, y in db.execute(
             "SELECT id, community_node_id, path, min_lat, max_lat, min_lng, max_lng FROM grids WHERE archived = 0")]
user = db.execute("SELECT id FROM users WHERE username = 'secretary'").fetchone()[0]
community = db.execute("SELECT org_node_id FROM users WHERE username = 'secretary'").fetchone()[0]
item = db.execute("SELECT i.id FROM list_items i WHERE i.community_node_id = ? AND i.closed_on IS NULL AND NOT EXISTS "
                  "(SELECT 1 FROM list_claims c WHERE c.item_id = i.id) ORDER BY i.id LIMIT 1", (community,)).fetchone()[0]
print(json.dumps({"grids": grids, "user": user, "item": item}))
PY
}

echo "| database      | what                                   |  req/s    | p50      | p95       | p99      | non-2xx |"
echo "|---|---|---|---|---|---|---|"

DB=SQLite
start "sqlite://$WORK/bench.sqlite"
stop
meta "$WORK/bench.sqlite" > "$WORK/meta.json"
ITEM=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["item"])' "$WORK/meta.json")
seed_sql "$WORK/meta.json" > "$WORK/seed.sql"
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(open(sys.argv[2]).read()); c.close()' \
  "$WORK/bench.sqlite" "$WORK/seed.sql"
start "sqlite://$WORK/bench.sqlite"
run "bare route (stylesheet)" "http://127.0.0.1:$PORT/static/app.css"
run "suggestions among $RESOURCES resources" "http://127.0.0.1:$PORT/api/v1/lists/items/$ITEM/suggestions"
stop

[ -n "${SQLITE_ONLY:-}" ] && exit 0
DB="PostgreSQL 15"
mkdir -p "$WORK/pg" && chown postgres "$WORK/pg"
runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg/data" -A trust -U postgres >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -o "-p $PG_PORT -k $WORK/pg" -w start >/dev/null
URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
start "$URL"
stop
psql -q "$URL" -f "$WORK/seed.sql" >/dev/null
psql -q "$URL" -c "ANALYZE list_resources" >/dev/null
start "$URL"
run "bare route (stylesheet)" "http://127.0.0.1:$PORT/static/app.css"
run "suggestions among $RESOURCES resources" "http://127.0.0.1:$PORT/api/v1/lists/items/$ITEM/suggestions"
stop
