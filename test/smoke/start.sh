#!/usr/bin/env bash
# Starts Larder as a new user would (`npm start`, fresh data folder) and checks that /health turns
# ok with the demo data in place, / serves the page, and the demo manager, signed in, finds an
# overview with forecasts and next week's draft plans with orders. It prints how long each took;
# the 60 s target is a speed figure kept in docs/BENCHMARKS.md, so this check allows up to 300 s
# (each request is bounded too, so a stalled server fails the check instead of hanging it).
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${SMOKE_PORT:-3917}
data_dir=$(mktemp -d)
# mktemp makes it 0700; run as root, Larder runs PostgreSQL as the postgres user, who must pass through it
chmod 711 "$data_dir"
log=$(mktemp)
# setsid gives npm and the node server it starts a process group of their own, so both stop together.
password=smoke-test-password-42
PORT=$port LARDER_DATA_DIR=$data_dir LARDER_DEMO_PASSWORD=$password setsid npm start >"$log" 2>&1 &
server=$!
cleanup() {
  kill -- -"$server" 2>/dev/null || true
  # The server may still be writing its last pages after npm itself has gone: wait for the group.
  for _ in $(seq 1 50); do kill -0 -- -"$server" 2>/dev/null || break; sleep 0.2; done
  rm -rf "$data_dir"
}
trap cleanup EXIT
started=$(date +%s)
status=""
while [ $(( $(date +%s) - started )) -lt 300 ]; do
  status=$(curl -s -m 20 "http://127.0.0.1:$port/health" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).status)}catch{console.log("")}})' || true)
  [ "$status" = "ok" ] && break
  if ! kill -0 "$server" 2>/dev/null; then echo "npm start exited early:"; cat "$log"; exit 1; fi
  sleep 1
done
elapsed=$(( $(date +%s) - started ))
if [ "$status" != "ok" ]; then echo "/health was not ok after ${elapsed}s (last: '$status')"; tail -30 "$log"; exit 1; fi
curl -sf "http://127.0.0.1:$port/" | grep -q "<title>" || { echo "/ did not serve the page"; exit 1; }
cookies=$(mktemp)
curl -sf -c "$cookies" -H 'content-type: application/json' -d "{\"username\":\"manager\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/auth/login" >/dev/null || { echo "the demo user manager could not sign in"; exit 1; }
summary=$(curl -s -m 20 -b "$cookies" "http://127.0.0.1:$port/api/summary")
echo "$summary" | grep -q '"transactions":[1-9]' || { echo "no demo data after start: $summary"; exit 1; }
# The overview's week against its stored forecast: the forecast history's newest week follows /health ok within seconds.
forecast=""
while [ $(( $(date +%s) - started )) -lt 300 ]; do
  forecast=$(curl -s -m 20 -b "$cookies" "http://127.0.0.1:$port/api/dashboard/overview" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{const f=JSON.parse(s).coversWeek.forecast;console.log(f===null||f===undefined?"":f)}catch{console.log("")}})' || true)
  [ -n "$forecast" ] && break
  sleep 1
done
overview=$(( $(date +%s) - started ))
[ -n "$forecast" ] || { echo "the overview had no forecast after ${overview}s"; exit 1; }
next_week=$(node -e 'const d=new Date(Date.now()+8*3600e3+7*864e5);d.setUTCDate(d.getUTCDate()+4-(d.getUTCDay()||7));const y=d.getUTCFullYear();console.log(y+"-W"+String(Math.ceil(((d-Date.UTC(y,0,1))/864e5+1)/7)).padStart(2,"0"))')
plans=$(curl -s -m 20 -b "$cookies" "http://127.0.0.1:$port/api/plans?week=$next_week")
echo "$plans" | grep -q '"status":"draft"' || { echo "no draft plan for $next_week after start: $plans"; exit 1; }
orders=$(curl -s -m 20 -b "$cookies" "http://127.0.0.1:$port/api/purchase-orders?status=draft" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).length)}catch{console.log(0)}})')
[ "$orders" -gt 0 ] || { echo "no draft purchase orders after start"; exit 1; }
rm -f "$cookies"
echo "smoke: npm start answered /health ok and served / in ${elapsed}s; the signed-in manager's overview had its forecast at ${overview}s (target 60 s), with $next_week drafted ($orders draft orders) and demo data: $summary"
