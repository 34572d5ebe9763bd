#!/usr/bin/env bash
# `make bench`: how fast the generator is, each number next to a reference measured in the same
# run, so that the ratios mean something on any machine (and under load). Nothing here fails on
# a slow number: targets are printed next to the results, the exit status only says whether the
# benchmark itself could run.
#
#   1. loader vs raw libyaml: `openapi-gen lint` of stripe-spec3.yaml and box-openapi.json next to
#      Benchmarks/yaml-scan.c, a C program that only pulls libyaml events (target: lint ≤ 3× scan)
#   2. generation: `openapi-gen generate` of spec/openfunnel.yaml (target ≤ 30 ms) and of Stripe
#      (also as a ratio to the Stripe scan)
#   3. compile time of the generated OpenFunnel module alone, debug and release (target ≤ 2 s),
#      next to the runtime module compiled the same way, in a throwaway package
#
# Usage: Scripts/bench.sh          BENCH_RUNS=10 (timed runs per command), BENCH_COMPILE_RUNS=3,
#                                  BENCH_TIMER=loop (skip hyperfine, time with date +%s%N)
# Builds into .build-bench (its own scratch path, so it never waits on .build's lock).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
specs="$root/../shared/specs"
scratch="$root/.build-bench"
runs=${BENCH_RUNS:-10}
compile_runs=${BENCH_COMPILE_RUNS:-3}
timer=${BENCH_TIMER:-hyperfine}
gen="$scratch/release/openapi-gen"

die() { echo "bench: $*" >&2; exit 1; }
note() { echo "bench: $*" >&2; }

# ---------------------------------------------------------------- inputs and tools
[ -d "$specs" ] || die "$specs not found: the real-world specs live in ../shared/specs beside the repository"
stripe="$specs/stripe-spec3.yaml"
box="$specs/box-openapi.json"
openfunnel="$root/spec/openfunnel.yaml"
for f in "$stripe" "$box" "$openfunnel"; do [ -f "$f" ] || die "$f not found"; done
[ -d "$root/Generated/OpenFunnel" ] || die "$root/Generated/OpenFunnel not found (make generate)"

apt_updated=0
apt_install() {  # apt_install PACKAGE... (quietly; apt-get update once per run)
  command -v apt-get >/dev/null 2>&1 || die "need $*, and apt-get is not available to install it"
  if [ $apt_updated -eq 0 ]; then apt-get update -qq >/dev/null 2>&1 || true; apt_updated=1; fi
  note "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 || return 1
}
pkg-config --exists yaml-0.1 2>/dev/null || apt_install libyaml-dev pkg-config || die "could not install libyaml-dev"
command -v cc >/dev/null 2>&1 || apt_install gcc || die "could not install a C compiler"
[ -x /usr/bin/time ] || apt_install time || die "could not install GNU time (/usr/bin/time)"
if [ "$timer" = hyperfine ] && ! command -v hyperfine >/dev/null 2>&1; then
  apt_install hyperfine || { note "hyperfine unavailable; timing with a date +%s%N loop"; timer=loop; }
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/openapi-gen-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# ---------------------------------------------------------------- measuring
# measure [--prepare 'CMD ARGS'] [--runs N] [--warmup N] -- CMD ARGS...
# Runs CMD (no shell; output discarded; a non-zero exit is tolerated) and sets
# med_ms, min_ms, max_ms. The prepare command runs before every run and is not timed.
measure() {
  local prepare="" n=$runs warmup=1
  while [ "$1" != -- ]; do
    case $1 in
      --prepare) prepare=$2; shift 2 ;;
      --runs) n=$2; shift 2 ;;
      --warmup) warmup=$2; shift 2 ;;
      *) die "measure: unknown option $1" ;;
    esac
  done
  shift
  if [ "$timer" = hyperfine ]; then
    local command args=() csv="$tmp/hyperfine.csv"
    command=$(printf '%q ' "$@")
    [ -n "$prepare" ] && args+=(--prepare "$prepare")
    hyperfine -N -i --style none --warmup "$warmup" --runs "$n" "${args[@]}" \
      --export-csv "$csv" "$command" >/dev/null 2>"$tmp/hyperfine.err" \
      || { cat "$tmp/hyperfine.err" >&2; die "hyperfine failed on: $command"; }
    # command,mean,stddev,median,user,system,min,max (seconds)
    read -r med_ms min_ms max_ms < <(awk -F, 'NR == 2 { printf "%.1f %.1f %.1f\n", $4 * 1000, $7 * 1000, $8 * 1000 }' "$csv")
  else
    local i start times=()
    for ((i = 0; i < warmup + n; i++)); do
      [ -n "$prepare" ] && { eval "$prepare" >/dev/null 2>&1 || true; }
      start=$(date +%s%N)
      "$@" >/dev/null 2>&1 || true
      [ "$i" -ge "$warmup" ] && times+=($(( $(date +%s%N) - start )))
    done
    read -r med_ms min_ms max_ms < <(printf '%s\n' "${times[@]}" | sort -n | awk '
      { t[NR] = $1 }
      END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
            printf "%.1f %.1f %.1f\n", m / 1e6, t[1] / 1e6, t[NR] / 1e6 }')
  fi
}

# peak_mb CMD ARGS...: runs CMD once under GNU time; sets peak_mb and peak_rc (its exit status).
peak_mb() {
  peak_rc=0
  /usr/bin/time -v -o "$tmp/time.txt" "$@" >"$tmp/peak.out" 2>"$tmp/peak.err" || peak_rc=$?
  peak_mb=$(awk -F: '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$tmp/time.txt")
  [ -n "$peak_mb" ] || die "could not read the peak memory of $*"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
within() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t ? "yes" : "NO") }'; }
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f MB", b / 1048576 }'; }

# ---------------------------------------------------------------- builds
note "building openapi-gen (release, --scratch-path .build-bench)"
(cd "$root" && swift build -c release --product openapi-gen --scratch-path "$scratch") >"$tmp/build.log" 2>&1 \
  || { tail -40 "$tmp/build.log" >&2; die "swift build -c release --product openapi-gen failed"; }
[ -x "$gen" ] || die "$gen not found after the build"

scan="$tmp/yaml-scan"
# shellcheck disable=SC2046
cc -O2 -o "$scan" "$root/Benchmarks/yaml-scan.c" $(pkg-config --cflags --libs yaml-0.1) \
  || die "could not compile Benchmarks/yaml-scan.c"

# ---------------------------------------------------------------- header
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
commit=$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
(cd "$root" && [ -z "$(git status --porcelain -- Sources Generated spec 2>/dev/null)" ]) || commit="$commit (+ uncommitted changes)"
echo
echo "openapi-gen bench  $(date '+%Y-%m-%d %H:%M:%S %z')"
echo "machine: $(nproc) cores, ${cpu:-unknown CPU}, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
echo "swift:   $(swift --version 2>/dev/null | head -1)"
echo "commit:  $commit"
if [ "$timer" = hyperfine ]; then
  echo "timing:  $(hyperfine --version), median of $runs runs after 1 warm-up (compiles: $compile_runs runs); peak RSS from /usr/bin/time -v"
else
  echo "timing:  date +%s%N loop, median of $runs runs after 1 warm-up (compiles: $compile_runs runs); peak RSS from /usr/bin/time -v"
fi

# ---------------------------------------------------------------- 1. loader vs raw scan
# libyaml rejects JSON's surrogate-pair escapes (\ud83d\udc4d); the scan reads a copy in which
# each pair is the equivalent \U0001F44D, so that it still covers the whole file.
scan_input() {  # scan_input FILE: sets scan_file and scan_note
  local file=$1 pairs
  pairs=$( (grep -oE '\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}' "$file" || true) | wc -l)
  scan_file=$file
  scan_note="$(basename "$file"): no JSON surrogate-pair escapes; the scan reads the file as is"
  if [ "$pairs" -gt 0 ]; then
    scan_file="$tmp/scan-$(basename "$file")"
    perl -pe 's/(?<!\\)((?:\\\\)*)\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})/$1 . sprintf("\\U%08X", 0x10000 + ((hex($2) - 0xD800) << 10) + (hex($3) - 0xDC00))/ge' \
      "$file" >"$scan_file"
    scan_note="$(basename "$file"): $pairs JSON surrogate-pair escapes (\\uD83D\\uDC4D) rewritten as \\U0001F44D in a copy for the scan (libyaml rejects them); lint reads the original"
  fi
}

echo
echo "1. Loader vs raw libyaml scan: openapi-gen lint (load + resolve) / yaml-scan (events only). Target: ≤ 3.00×"
printf '%-20s %8s %8s %10s %16s %10s %16s %7s %8s %7s\n' \
  file size events scan_ms "(min-max)" lint_ms "(min-max)" ratio lint_MB "≤ 3×"
notes=()
declare -A scan_ms
for file in "$stripe" "$box"; do
  name=$(basename "$file")
  scan_input "$file"
  notes+=("$scan_note")
  events=$("$scan" "$scan_file") || die "yaml-scan could not scan $scan_file"
  measure -- "$scan" "$scan_file"
  s_med=$med_ms; s_range="$min_ms-$max_ms"
  scan_ms[$name]=$s_med
  peak_mb "$gen" lint "$file"
  [ $peak_rc -le 1 ] || { cat "$tmp/peak.err" >&2; die "openapi-gen lint $name crashed (exit $peak_rc)"; }
  [ $peak_rc -eq 0 ] || notes+=("$name: lint exits $peak_rc (it reported errors); timed all the same")
  notes+=("lint: $(tail -1 "$tmp/peak.out")")
  lint_mb=$peak_mb
  measure -- "$gen" lint "$file"
  r=$(ratio "$med_ms" "$s_med")
  printf '%-20s %8s %8s %10s %16s %10s %16s %6s× %8s %7s\n' \
    "$name" "$(mb "$file")" "$events" "$s_med" "($s_range)" "$med_ms" "($min_ms-$max_ms)" "$r" "$lint_mb" "$(within "$r" 3)"
done
for n in "${notes[@]}"; do echo "   note: $n"; done

# ---------------------------------------------------------------- 2. generation
echo
echo "2. Generation: openapi-gen generate into an empty temp folder each run (files written). Target: openfunnel.yaml ≤ 30 ms"
printf '%-20s %10s %16s %8s %9s %12s %7s\n' spec gen_ms "(min-max)" peak_MB vs_scan "" target
gen_case() {  # gen_case SPEC MODULE TARGET_MS|-
  local spec=$1 module=$2 target=$3 name out summary vs="" ok=""
  name=$(basename "$spec")
  out="$tmp/gen-$module"
  rm -rf "$out"
  peak_mb "$gen" generate "$spec" --output "$out" --module "$module"
  [ $peak_rc -eq 0 ] || { tail -20 "$tmp/peak.err" >&2; die "openapi-gen generate $name failed (exit $peak_rc)"; }
  summary=$(tail -1 "$tmp/peak.out")
  measure --prepare "rm -rf $(printf '%q' "$out")" -- "$gen" generate "$spec" --output "$out" --module "$module"
  [ -n "${scan_ms[$name]:-}" ] && vs="$(ratio "$med_ms" "${scan_ms[$name]}")× scan"
  [ "$target" != - ] && ok="$(within "$med_ms" "$target") (≤ $target ms)"
  printf '%-20s %10s %16s %8s %9s %12s %s\n' "$name" "$med_ms" "($min_ms-$max_ms)" "$peak_mb" "$vs" "" "$ok"
  gen_notes+=("$name → ${summary#"$out": }")
}
gen_notes=()
(
  # Run from an empty folder so that openapi-gen.yaml in the repository plays no part.
  cd "$tmp"
  gen_case "$openfunnel" OpenFunnel 30
  gen_case "$stripe" StripeSpec3 -
  for n in "${gen_notes[@]}"; do echo "   note: $n"; done
)

# ---------------------------------------------------------------- 3. compile time
# A throwaway package: the runtime's sources and Generated/OpenFunnel as two targets. Each timed
# build follows a touch of the module's files (the other module stays built); the no-op build
# (nothing touched) is SwiftPM's own overhead, subtracted to give the module's compile.
echo
echo "3. Compile time of one module: touch its files, then swift build --target MODULE (the other module already built). Target: OpenFunnel ≤ 2 s"
pkg="$scratch/compile"
rm -rf "$pkg/Sources"
mkdir -p "$pkg/Sources"
cp -R "$root/Sources/OpenAPIGenRuntime" "$pkg/Sources/OpenAPIGenRuntime"
cp -R "$root/Generated/OpenFunnel" "$pkg/Sources/OpenFunnel"
cat >"$pkg/Package.swift" <<'SWIFT'
// swift-tools-version: 6.0
// Written by Scripts/bench.sh: the generated OpenFunnel module and the runtime, nothing else.
import PackageDescription
let package = Package(
    name: "bench-compile",
    platforms: [.macOS(.v13)],
    targets: [
        .target(name: "OpenAPIGenRuntime"),
        .target(name: "OpenFunnel", dependencies: ["OpenAPIGenRuntime"]),
    ],
    swiftLanguageModes: [.v6]
)
SWIFT
of_lines=$(cat "$pkg"/Sources/OpenFunnel/*.swift | wc -l)
rt_lines=$(cat "$pkg"/Sources/OpenAPIGenRuntime/*.swift | wc -l)
touch_of=$(printf '%q ' touch "$pkg"/Sources/OpenFunnel/*.swift)
touch_rt=$(printf '%q ' touch "$pkg"/Sources/OpenAPIGenRuntime/*.swift)

printf '%-28s %7s %12s %12s %12s %16s %7s\n' module lines config wall_s "no-op_s" "module_s" "(min-max wall)" "≤ 2 s"
compile_case() {  # compile_case debug|release
  local config=$1 noop module lines touch_cmd ok
  local build=(swift build --package-path "$pkg" -c "$config")
  "${build[@]}" --target OpenFunnel >"$tmp/compile.log" 2>&1 \
    || { tail -40 "$tmp/compile.log" >&2; die "the generated OpenFunnel module does not compile ($config)"; }
  measure --runs "$compile_runs" -- "${build[@]}" --target OpenFunnel
  noop=$med_ms
  for module in OpenFunnel OpenAPIGenRuntime; do
    if [ $module = OpenFunnel ]; then touch_cmd=$touch_of; lines=$of_lines; else touch_cmd=$touch_rt; lines=$rt_lines; fi
    # Warm-up, and proof that a touch does recompile the module.
    eval "$touch_cmd"
    "${build[@]}" --target $module >"$tmp/compile.log" 2>&1 || { tail -40 "$tmp/compile.log" >&2; die "$module failed to build ($config)"; }
    grep -q "Compiling $module" "$tmp/compile.log" || die "touching $module's files did not recompile it ($config)"
    measure --prepare "$touch_cmd" --runs "$compile_runs" --warmup 0 -- "${build[@]}" --target $module
    local label=$module
    ok=""
    [ $module = OpenFunnel ] && ok=$(within "$(awk -v a="$med_ms" -v b="$noop" 'BEGIN { print (a - b) / 1000 }')" 2)
    [ $module = OpenAPIGenRuntime ] && label="$module (reference)"
    printf '%-28s %7s %12s %12s %12s %16s %7s\n' "$label" "$lines" "$config" \
      "$(awk -v a="$med_ms" 'BEGIN { printf "%.2f", a / 1000 }')" \
      "$(awk -v a="$noop" 'BEGIN { printf "%.2f", a / 1000 }')" \
      "$(awk -v a="$med_ms" -v b="$noop" 'BEGIN { printf "%.2f", (a - b) / 1000 }')" \
      "($(awk -v a="$min_ms" -v b="$max_ms" 'BEGIN { printf "%.2f-%.2f", a / 1000, b / 1000 }'))" "$ok"
  done
}
compile_case debug
compile_case release
echo "   note: module_s = wall_s - no-op_s (SwiftPM's planning and checks with nothing to compile); package in .build-bench/compile"
echo
echo "Ratios are the numbers to compare across machines; targets are informative and never change the exit status."
