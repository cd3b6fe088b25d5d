#!/usr/bin/env bash
# The server stops within 10 s of SIGTERM while clients keep it busy, including with the requests that once spun a
# core for ever (the nearest grid at the poles) and CPU-heavy pages (maps). Usage: stop_under_load.sh BIN WORKDIR PORT
set -euo pipefail
BIN=$1 WORK=$2 PORT=$3
mkdir -p "$WORK"
cd "$WORK"
DATABASE_URL="sqlite://$WORK/stop.sqlite" GONGZHI_BCRYPT_COST=8 "$BIN" serve --hostname 127.0.0.1 --port "$PORT" >"$WORK/stop.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 240); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
TOKEN=$(curl -fsS -H 'Content-Type: application/json' -d '{"login":"admin","password":"Gongzhi-demo-2026"}' \
  "http://127.0.0.1:$PORT/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
LOAD=()
for i in $(seq 1 16); do
  (
    while true; do
      curl -s -o /dev/null -m 5 -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/places/locate?lat=-90&lng=179" || true
      curl -s -o /dev/null -m 5 -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/places/locate?lat=89.99999&lng=-180" || true
      curl -s -o /dev/null -m 5 "http://127.0.0.1:$PORT/healthz" || true
    done
  ) &
  LOAD+=($!)
done
sleep 3
# Under that load the server still answers its health check quickly.
curl -fsS -m 5 "http://127.0.0.1:$PORT/healthz" >/dev/null || { echo "healthz did not answer under load"; kill -9 $SERVER; exit 1; }
START=$(date +%s.%N)
kill -TERM $SERVER
STOPPED=0
for _ in $(seq 1 100); do
  if ! kill -0 $SERVER 2>/dev/null; then STOPPED=1; break; fi
  sleep 0.1
done
for p in "${LOAD[@]}"; do kill "$p" 2>/dev/null || true; done
wait "${LOAD[@]}" 2>/dev/null || true
ELAPSED=$(python3 -c "import time; print(round(time.time() - $START, 2))")
if [ "$STOPPED" != 1 ]; then
  echo "server still running 10 s after SIGTERM under load"; kill -9 $SERVER; tail -20 "$WORK/stop.log"; exit 1
fi
if grep -q "Fatal error" "$WORK/stop.log"; then echo "server crashed while stopping:"; grep -A3 "Fatal error" "$WORK/stop.log"; exit 1; fi
echo "stopped cleanly ${ELAPSED}s after SIGTERM under load"
