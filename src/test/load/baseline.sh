#!/usr/bin/env bash
# Baseline load run of POST /cds-services/ketamine-order-sign with the realistic sample request, on loopback.
# Usage: src/test/load/baseline.sh [runs]   (env: DURATION=30s CONNECTIONS=8 THREADS=2 PORT=18080)
# Needs wrk (apt-get install wrk). Starts the packaged jar (demo profile, embedded H2 in a temp folder),
# warms it up, then runs wrk RUNS times and prints one RESULT line per run.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$root"
runs=${1:-3}
port=${PORT:-18080}
[ -f target/ketamine-cds.jar ] || mvn -B -q package -DskipTests
work=$(mktemp -d)
cp -r rules "$work/"
(cd "$work" && exec java -Xmx1g -XX:+ExitOnOutOfMemoryError -jar "$root/target/ketamine-cds.jar" --spring.profiles.active=demo \
  --server.port="$port" > app.log 2>&1) &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/cds-services" >/dev/null && break; sleep 1; done
url="http://127.0.0.1:$port/cds-services/ketamine-order-sign"
export BODY="$root/fhir-samples/order-sign-ketamine-realistic-load.request.json"
wrk -t"${THREADS:-2}" -c"${CONNECTIONS:-8}" -d10s -s src/test/load/post.lua "$url" > /dev/null  # warm-up
for run in $(seq 1 "$runs"); do
  wrk -t"${THREADS:-2}" -c"${CONNECTIONS:-8}" -d"${DURATION:-30s}" -s src/test/load/post.lua "$url" | grep RESULT
done
echo "resident memory after the runs: $(ps -o rss= -p "$(pgrep -f "server.port=$port" | head -1)" | awk '{printf "%.0f MiB", $1/1024}')"
