#!/usr/bin/env bash
# Generates every document in ../shared/specs into one throwaway package (a module per spec),
# compiles it, and prints a table: spec, operations, types, warnings, generation ms, compile s.
# Then each spec's own examples (Scripts/corpus-examples.py: component and media-type examples, and
# objects assembled from property examples, kept when python-jsonschema accepts them) are decoded
# with the generated types and re-encoded: examples found / schema-valid / decoded / round-tripped.
# Usage: Scripts/corpus.sh [WORKDIR]   (default .build-corpus)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
specs=${CORPUS_SPECS:-$root/../shared/specs}
work=${1:-$root/.build-corpus}
gen="$root/.build/release/openapi-gen"
[ -d "$specs" ] || { echo "corpus: $specs not found" >&2; exit 1; }
# Always built: a release binary left from an older checkout would generate the old code.
(cd "$root" && swift build -c release --product openapi-gen >/dev/null)

rm -rf "$work/pkg/Sources"
mkdir -p "$work/pkg/Sources"
targets=""
table=()
failed=0
while IFS= read -r spec; do
  name=$(basename "$spec"); name=${name%.*}
  module=Corpus_$(echo "$name" | tr -c 'A-Za-z0-9\n' '_')
  out="$work/pkg/Sources/$module"
  start=$(date +%s%N)
  if "$gen" generate "$spec" --output "$out" --module "$module" > "$work/$module.gen.log" 2> "$work/$module.warnings.log"; then
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    summary=$(tail -1 "$work/$module.gen.log")
    ops=$(echo "$summary" | sed -E 's/.* ([0-9]+) operations.*/\1/')
    types=$(echo "$summary" | sed -E 's/.* ([0-9]+) types.*/\1/')
    warnings=$(grep -c ': warning:' "$work/$module.warnings.log" || true)
    table+=("$name|$ops|$types|$warnings|$ms|$module")
    targets="$targets .target(name: \"$module\", dependencies: [.product(name: \"OpenAPIGenRuntime\", package: \"main\")]),"
    runner="$work/pkg/Sources/RoundTrip_$module"
    rm -rf "$runner"
    python3 "$root/Scripts/corpus-examples.py" extract "$spec" "$out" "$module" "$work/examples/$module" > /dev/null
    if [ "$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['cases']))" "$work/examples/$module/examples.json")" != 0 ]; then
      mkdir -p "$runner" && cp "$work/examples/$module/main.swift" "$runner/"
      targets="$targets .executableTarget(name: \"RoundTrip_$module\", dependencies: [\"$module\", .product(name: \"OpenAPIGenRuntime\", package: \"main\")]),"
    fi
  else
    echo "corpus: generation failed for $spec:" >&2
    head -20 "$work/$module.warnings.log" >&2
    failed=1
  fi
done < <(ls "$specs"/*.yaml "$specs"/*.json "$specs"/digitalocean/DigitalOcean-public.v2.yaml 2>/dev/null)

cat > "$work/pkg/Package.swift" <<SWIFT
// swift-tools-version: 6.0
import PackageDescription
let package = Package(name: "corpus", platforms: [.macOS(.v13)],
  dependencies: [.package(name: "main", path: "$root")],
  targets: [$targets], swiftLanguageModes: [.v6])
SWIFT

printf '%-44s %6s %6s %8s %9s %10s\n' spec ops types warnings gen_ms compile_s
for row in "${table[@]}"; do
  IFS='|' read -r name ops types warnings ms module <<< "$row"
  start=$(date +%s%N)
  if (cd "$work/pkg" && swift build --target "$module" > "$work/$module.build.log" 2>&1); then
    secs=$(awk "BEGIN { printf \"%.1f\", ($(date +%s%N) - $start) / 1e9 }")
  else
    secs=FAILED; failed=1
  fi
  printf '%-44s %6s %6s %8s %9s %10s\n' "$name" "$ops" "$types" "$warnings" "$ms" "$secs"
done

echo
printf '%-44s %8s %12s %8s %13s\n' spec examples schema-valid decoded round-tripped
totals=(0 0 0 0)
for row in "${table[@]}"; do
  IFS='|' read -r name ops types warnings ms module <<< "$row"
  dir="$work/examples/$module"
  if [ -d "$work/pkg/Sources/RoundTrip_$module" ]; then
    if (cd "$work/pkg" && swift run -q "RoundTrip_$module" "$dir/examples.json" > "$dir/results.jsonl" 2> "$dir/run.log"); then
      counts=$(python3 "$root/Scripts/corpus-examples.py" compare "$dir" "$dir/results.jsonl" | tail -1)
    else
      counts="0|0|0|0"; failed=1; echo "corpus: round trip of $name failed; see $dir/run.log" >&2
    fi
  else
    counts=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print('%d|%d|0|0' % (d['found'], d['valid']))" "$dir/examples.json")
  fi
  IFS='|' read -r found valid decoded same <<< "$counts"
  printf '%-44s %8s %12s %8s %13s\n' "$name" "$found" "$valid" "$decoded" "$same"
  totals=($((totals[0] + found)) $((totals[1] + valid)) $((totals[2] + decoded)) $((totals[3] + same)))
done
printf '%-44s %8s %12s %8s %13s\n' total "${totals[@]}"
[ $failed -eq 0 ] || { echo "corpus: some specs failed; logs in $work" >&2; exit 1; }
