#!/usr/bin/env bash
# make demo: start the fake OpenFunnel server on an ephemeral port, run a lookalike search through
# the openfunnel CLI against it, then stop the server.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# Both live in the nested package Tools/ (they need FlyingFox and swift-argument-parser).
swift build --package-path Tools --product openfunnel-fake-server >/dev/null
swift build --package-path Tools --product openfunnel >/dev/null
bin=$(swift build --package-path Tools --show-bin-path)
log=$(mktemp)
"$bin/openfunnel-fake-server" --page-interval-ms 40 >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q "listening on" "$log" && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$log" | head -1)
[ -n "$url" ] || { echo "demo: the fake server did not start:" >&2; cat "$log" >&2; exit 1; }
echo "fake OpenFunnel listening on $url"
echo
export OPENFUNNEL_API_KEY=demo-key
set -x
"$bin/openfunnel" lookalikes --query "Healthcare companies building with voice AI" --limit 12 \
  --funding-stage "Series A" --funding-stage "Series B" --location USA --format table --base-url "$url"
"$bin/openfunnel" lookalikes --seed-domain a.com --limit 20000 --base-url "$url" || true
