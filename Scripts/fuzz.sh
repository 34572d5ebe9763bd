#!/usr/bin/env bash
# `make fuzz`: libFuzzer over load → generate (Sources/openapi-gen-fuzz), built with
# -sanitize=fuzzer,address, for FUZZ_SECONDS, then a summary: executions, time, exec/s, findings.
#
# A timeout (FUZZ_TIMEOUT seconds for one input) and a memory limit (FUZZ_RSS_MB) count as
# findings like crashes. The working corpus and the findings (crash-*, timeout-*, oom-*) stay in
# .build-fuzz (git-ignored; `make clean` removes it), so that each run goes on from the last one.
# The corpus is seeded on every run from spec/openfunnel.yaml, Tests/Fixtures (the fixtures and
# the saved regressions, each also as JSON) and the documents of ../shared/specs up to
# FUZZ_MAX_LEN bytes.
#
# Usage: Scripts/fuzz.sh [libFuzzer option...]
#   Environment: FUZZ_SECONDS=60, FUZZ_CONFIG=release|debug (debug also checks unsafe buffer
#   bounds), FUZZ_TIMEOUT=10, FUZZ_RSS_MB=2048, FUZZ_MAX_LEN=65536, FUZZ_SPECS=../shared/specs
# A finding, minimized and replayed without sanitizers:
#   .build-fuzz/release/openapi-gen-fuzz -minimize_crash=1 -runs=20000 -exact_artifact_path=min.yaml .build-fuzz/crashes/crash-…
#   swift build --product openapi-gen-fuzz --scratch-path .build-fuzz-replay && .build-fuzz-replay/debug/openapi-gen-fuzz min.yaml
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" # the target resolves references against Tests/Fixtures/FuzzRegressions, relative to here
seconds=${FUZZ_SECONDS:-60}
config=${FUZZ_CONFIG:-release}
timeout=${FUZZ_TIMEOUT:-10}
rss_mb=${FUZZ_RSS_MB:-2048}
max_len=${FUZZ_MAX_LEN:-65536}
specs=${FUZZ_SPECS:-$root/../shared/specs}
scratch="$root/.build-fuzz"
corpus="$scratch/corpus"
seeds="$scratch/seeds"
findings="$scratch/crashes"
fuzzer="$scratch/$config/openapi-gen-fuzz"

echo "fuzz: building openapi-gen-fuzz ($config, -sanitize=fuzzer,address)"
# `Extern` declares libFuzzer's driver for the target's entry; lld links the sanitizer runtimes
# without gold's warnings about them.
swift build -c "$config" --product openapi-gen-fuzz --scratch-path "$scratch" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
  -Xswiftc -enable-experimental-feature -Xswiftc Extern -Xswiftc -use-ld=lld

rm -rf "$seeds"
mkdir -p "$corpus" "$seeds" "$findings"
cp spec/openfunnel.yaml Tests/Fixtures/*.yaml "$seeds"/
if [ -d Tests/Fixtures/FuzzRegressions ]; then
  for f in Tests/Fixtures/FuzzRegressions/*; do [ -f "$f" ] && cp "$f" "$seeds/regression-$(basename "$f")"; done
fi
# JSON twins of the YAML seeds, for the loader's own JSON reader (when PyYAML is at hand).
if python3 -c 'import yaml' 2>/dev/null; then
  for f in "$seeds"/*.yaml; do
    python3 -c 'import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout, indent=1, default=str)' \
      "$f" > "${f%.yaml}.json" 2>/dev/null || rm -f "${f%.yaml}.json"
  done
fi
if [ -d "$specs" ]; then
  find "$specs" -maxdepth 1 -type f \( -name '*.yaml' -o -name '*.json' \) -size -"$max_len"c -exec cp {} "$seeds"/ \;
else
  echo "fuzz: $specs not found; seeding from this repository only"
fi

log="$scratch/last-run.log"
echo "fuzz: ${seconds}s, corpus $corpus ($(find "$corpus" -type f | wc -l) inputs), seeds $(find "$seeds" -type f | wc -l), log $log"
start=$(date +%s)
status=0
# Swift's own crash backtracer would read the crashed process's memory under ASan's eyes.
SWIFT_BACKTRACE=enable=no "$fuzzer" \
  -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb="$rss_mb" -max_len="$max_len" \
  -dict=Scripts/fuzz.dict -artifact_prefix="$findings/" -print_final_stats=1 \
  "$@" "$corpus" "$seeds" > "$log" 2>&1 || status=$?
elapsed=$(( $(date +%s) - start ))

execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
coverage=$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$log" | tail -1 || true)
echo "fuzz: ${execs:-?} executions in ${elapsed}s (${rate:-?} exec/s); ${coverage:-no coverage line}"
if [ "$status" -ne 0 ]; then
  grep -E '^(==[0-9]+==ERROR|SUMMARY|Fatal error|.*Fatal error:|artifact_prefix|Test unit written|ALARM|==[0-9]+== ERROR)' "$log" | head -20 || true
  echo "fuzz: libFuzzer exited with $status; findings in $findings, full log $log" >&2
  exit 1
fi
echo "fuzz: no crash, timeout or memory blowup found"
