#!/usr/bin/env bash
# Median answer time of POST /auth/login for a known e-mail with a wrong password and for an unknown e-mail, against an
# Api started with a throw-away database, the rate limits and the lock-out threshold raised (so 429s and a lock-out do
# not cut the run short). The two kinds alternate, so that load from elsewhere on the machine falls on both alike.
# Usage: tests/CrmAlliance.Benchmarks/SignIn/sign-in-timing.sh [tries per kind, default 50]
set -euo pipefail
tries=${1:-50}
db=$(mktemp -u /tmp/crm-signin-XXXXXX.db)
port=5097
ASPNETCORE_ENVIRONMENT=Production Urls=http://127.0.0.1:$port ConnectionStrings__Crm="Data Source=$db" \
  Bootstrap__AdminEmail=owner@crmalliance.local Bootstrap__AdminPassword='Stopwatch-Passw0rd-1' \
  Identity__RateLimits__PerAddress__PermitLimit=100000 Identity__RateLimits__PerAccount__PermitLimit=100000 Identity__MaxFailedAccessAttempts=100000 \
  dotnet run -c Release --no-launch-profile --project "$(dirname "$0")/../../../src/CrmAlliance.Api" >/tmp/crm-signin-api.log 2>&1 &
api=$!
trap 'kill $api 2>/dev/null; wait $api 2>/dev/null; rm -f "$db" "$db"-*' EXIT
until curl -sf http://127.0.0.1:$port/health/live >/dev/null; do
  kill -0 $api 2>/dev/null || { tail -5 /tmp/crm-signin-api.log; exit 1; }
  sleep 1
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
login_ms() {
  curl -s -o /dev/null -w '%{time_total}\n' http://127.0.0.1:$port/auth/login -H 'content-type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"Wrong-Passw0rd-123\"}" | awk '{print $1*1000}'
}
known=$(mktemp); unknown=$(mktemp)
for i in $(seq $((tries + 5))); do
  k=$(login_ms owner@crmalliance.local); u=$(login_ms "nobody-$i@crmalliance.local")
  if [ "$i" -gt 5 ]; then echo "$k" >>"$known"; echo "$u" >>"$unknown"; fi   # the first five warm up
done
echo "median ms over $tries tries each: known e-mail, wrong password $(median <"$known"); unknown e-mail $(median <"$unknown")"
