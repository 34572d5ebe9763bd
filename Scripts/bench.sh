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
#   5. large document: lint and generate of a ~50 MB OpenAPI 3.1 document made by
#      Scripts/make-large-spec.py (YAML and JSON, and a tenth of it for how they scale), with peak
#      memory per MB of input (bound: peak ≤ 10× the file)
#   6. validation cost: validate() of a decoded 100-row OpenFunnel page as a ratio to decoding it
#      (goal ≤ 0.2), Tools/Sources/openfunnel-validate-bench
#   7. streams: a 1 GiB download streamed through the runtime's HTTPBody from a local
#      server, next to a raw socket read of the same server (targets: throughput ≥ 0.5× raw, peak
#      RSS ≤ 64 MiB), also in process CPU seconds (steadier under load), and next to a plain
#      URLSession delegate that only counts the bytes; the same download through
#      AsyncHTTPClientTransport (Adapters/AsyncHTTPClientTransport, a process of its own, same
#      server code; BENCH_STREAM_AHC=0 skips it: its first release build takes minutes) and through
#      AsyncHTTPClient's own body sequence, bytes only counted (the transport's floor); SSE events
#      decoded per second next to a raw line scan of the same bytes
#   8. serving: requests/s of OpenFunnel's status operation through the generated server on
#      FlyingFox, as a ratio to FlyingFox answering the same route with a fixed response (goal ≥ 0.7),
#      and peak memory with 64 concurrent connections, Adapters/FlyingFoxAdapter/Sources/openapi-gen-server-bench
#
# Usage: Scripts/bench.sh   Environment: BENCH_RUNS=10 (timed runs per command), BENCH_COMPILE_RUNS=5,
#   BENCH_SECTIONS="1 2 3 4 5 6 7 8" (which parts to run), BENCH_TIMER=loop (time with a shell loop, not hyperfine),
#   BENCH_LINK=dynamic (link the release binaries' Swift runtime dynamically; static by default),
#   BENCH_LARGE_MB=50 (section 5's document size), BENCH_STREAM_MIB=1024 and BENCH_STREAM_AHC=1 (section 7)
# Builds openapi-gen into .build-bench (its own scratch path, so it never waits on .build's lock);
# section 3 builds a copy of the package in .build-bench/compile. `make clean` removes both.
# shellcheck disable=SC2059  # the table formats are kept in variables (row1, row2, row3) on purpose
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
specs="$root/../shared/specs"
scratch="$root/.build-bench"
runs=${BENCH_RUNS:-10}
compile_runs=${BENCH_COMPILE_RUNS:-5}
timer=${BENCH_TIMER:-hyperfine}
sections=" ${BENCH_SECTIONS:-1 2 3 4 5 6 7 8} "
declare -A scan_ms=() scan_cpu=()
section() { [[ $sections == *" $1 "* ]]; }
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

source "$root/Scripts/bench-common.sh"
bench_tools

tmp=$(mktemp -d "${TMPDIR:-/tmp}/openapi-gen-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
within() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t ? "yes" : "NO") }'; }
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'; }

# ---------------------------------------------------------------- builds
if section 1 || section 2 || section 5; then
  note "building openapi-gen (release, --scratch-path .build-bench)"
  build_gen() { (cd "$root" && swift build -c release "${link_flags[@]}" --product openapi-gen --scratch-path "$scratch") >"$tmp/build.log" 2>&1; }
  # One retry when a source file changed under the build (someone saving while the bench starts).
  build_gen || { grep -q 'was modified during the build' "$tmp/build.log" && sleep 5 && build_gen; } \
    || { tail -40 "$tmp/build.log" >&2; die "swift build -c release --product openapi-gen failed"; }
  [ -x "$gen" ] || die "$gen not found after the build"
fi

scan="$tmp/yaml-scan"
# shellcheck disable=SC2046
cc -O2 -o "$scan" "$root/Benchmarks/yaml-scan.c" $(pkg-config --cflags --libs yaml-0.1) \
  || die "could not compile Benchmarks/yaml-scan.c"

# ---------------------------------------------------------------- header
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
commit=$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
(cd "$root" && [ -z "$(git status --porcelain -- Sources Generated spec Package.swift 2>/dev/null)" ]) \
  || commit="$commit + uncommitted changes"
loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?; }
echo
echo "openapi-gen bench  $(date '+%Y-%m-%d %H:%M:%S %z')"
echo "machine: $(nproc) cores, ${cpu:-unknown CPU}; load average at start $(loadavg)"
echo "swift:   $(swift --version 2>/dev/null | head -1)"
echo "commit:  $commit"
if [ "$timer" = hyperfine ]; then how="$(hyperfine --version) -N"; else how="a shell loop (EPOCHREALTIME)"; fi
echo "timing:  $how; wall = median of $runs runs after 1 warm-up (compiles: $compile_runs runs after an untimed one);"
echo "         cpu = mean user+system per run (steadier than wall on a busy machine); peak RSS from /usr/bin/time -v"

# ---------------------------------------------------------------- 1. loader vs raw scan
# libyaml rejects JSON's surrogate-pair escapes (\ud83d\udc4d); the scan reads a copy in which
# each pair is the equivalent \U0001F44D, so that it still covers the whole file.
scan_input() {  # scan_input FILE: sets scan_file and scan_note
  local file=$1 pairs
  pairs=$( (grep -oE '\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}' "$file" || true) | wc -l)
  scan_file=$file
  scan_note="$(basename "$file"): no JSON surrogate-pair escapes (\\uD83D\\uDC4D) in this copy; the scan reads the file as is"
  if [ "$pairs" -gt 0 ]; then
    scan_file="$tmp/scan-$(basename "$file")"
    perl -pe 's/(?<!\\)((?:\\\\)*)\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})/$1 . sprintf("\\U%08X", 0x10000 + ((hex($2) - 0xD800) << 10) + (hex($3) - 0xDC00))/ge' \
      "$file" >"$scan_file"
    scan_note="$(basename "$file"): $pairs JSON surrogate-pair escapes (\\uD83D\\uDC4D) rewritten as \\U0001F44D in a temp copy for the scan only (libyaml rejects them); lint reads the original"
  fi
}

if section 1; then
row1='%-18s %7s %7s %8s %13s %8s %15s %7s %7s %7s %7s\n'
echo
echo "1. Loader vs raw libyaml scan: openapi-gen lint (load + resolve) vs Benchmarks/yaml-scan.c (only pulls events). Target: ratio <= 3.00x"
printf "$row1" file MB events scan_ms "(min-max)" lint_ms "(min-max)" ratio cpu_rat lint_MB "<= 3x"
notes=()

for file in "$stripe" "$box"; do
  name=$(basename "$file")
  scan_input "$file"
  notes+=("$scan_note")
  events=$("$scan" "$scan_file") || die "yaml-scan could not scan $scan_file"
  measure -- "$scan" "$scan_file"
  s_med=$med_ms s_range="$min_ms-$max_ms"
  scan_ms[$name]=$med_ms scan_cpu[$name]=$cpu_ms
  peak_mb "$gen" lint --load-only "$file"
  [ $peak_rc -le 1 ] || { cat "$tmp/peak.err" >&2; die "openapi-gen lint $name crashed (exit $peak_rc)"; }
  [ $peak_rc -eq 0 ] || notes+=("$name: lint exits $peak_rc (it reported errors); timed all the same")
  notes+=("lint: $(tail -1 "$tmp/peak.out")")
  measure -- "$gen" lint --load-only "$file"
  r=$(ratio "$med_ms" "$s_med")
  printf "$row1" "$name" "$(mb "$file")" "$events" "$s_med" "($s_range)" "$med_ms" "($min_ms-$max_ms)" \
    "${r}x" "$(ratio "$cpu_ms" "${scan_cpu[$name]}")x" "$peak_mb" "$(within "$r" 3)"
done
for n in "${notes[@]}"; do echo "   note: $n"; done
fi

# ---------------------------------------------------------------- 2. generation
if section 2; then
row2='%-18s %8s %17s %7s %7s %9s %9s %s\n'
echo
echo "2. Generation: openapi-gen generate --access public into an emptied temp folder each run (all files written)."
echo "   Target: openfunnel.yaml <= 30 ms"
printf "$row2" spec gen_ms "(min-max)" cpu_ms gen_MB "vs_scan" "cpu_rat" "target"
gen_case() {  # gen_case SPEC MODULE TARGET_MS|-
  local spec=$1 module=$2 target=$3 name out summary vs=- vc=- ok=-
  name=$(basename "$spec")
  out="$tmp/gen-$module"
  rm -rf "$out"
  peak_mb "$gen" generate "$spec" --output "$out" --module "$module" --access public
  [ $peak_rc -eq 0 ] || { tail -20 "$tmp/peak.err" >&2; die "openapi-gen generate $name failed (exit $peak_rc)"; }
  summary=$(tail -1 "$tmp/peak.out")
  measure --prepare "rm -rf $(printf '%q' "$out")" -- "$gen" generate "$spec" --output "$out" --module "$module" --access public
  if [ -n "${scan_ms[$name]:-}" ]; then
    vs="$(ratio "$med_ms" "${scan_ms[$name]}")x" vc="$(ratio "$cpu_ms" "${scan_cpu[$name]}")x"
  fi
  [ "$target" != - ] && ok="$(within "$med_ms" "$target") (<= $target ms)"
  printf "$row2" "$name" "$med_ms" "($min_ms-$max_ms)" "$cpu_ms" "$peak_mb" "$vs" "$vc" "$ok"
  gen_notes+=("$name -> ${summary#"$out": }")
}
gen_notes=()
(
  # From an empty folder, so that the repository's openapi-gen.yaml plays no part.
  cd "$tmp"
  gen_case "$openfunnel" OpenFunnel 30
  gen_case "$stripe" StripeSpec3 -
  echo "   note: vs_scan = generation / the raw scan of the same file in section 1 (wall; cpu_rat: cpu time)"
  for n in "${gen_notes[@]}"; do echo "   note: $n"; done
)
fi

# ---------------------------------------------------------------- 3. compile time
# The generated module compiled on its own: in a throwaway copy of the package (so that touching
# files never disturbs the work tree or anyone's .build), build everything OpenFunnel needs, then
# touch OpenFunnel's files and time `swift build --target OpenFunnel`; the runtime is timed the
# same way as the reference. A no-op build (nothing touched) is SwiftPM's own overhead, which is
# subtracted to give the module's compile. (A copy, not a package depending on /work/main: the
# copied target would clash with the package's own OpenFunnel target, and the runtime's package
# dependencies come along this way.)
if section 3; then
echo
echo "3. Compile time of one module: touch its files, then swift build --target MODULE (its dependencies already built). Target: OpenFunnel <= 2 s"
pkg="$scratch/compile/pkg"
rm -rf "$pkg"
mkdir -p "$pkg"
# tar keeps modification times, so the build cache in .build-bench/compile/build stays valid.
tar -C "$root" --exclude='.build*' --exclude='.git' --exclude='.swiftpm' --exclude='bench-results' -cf - . | tar -C "$pkg" -xf -
of_dir="$pkg/Generated/OpenFunnel"
rt_dir="$pkg/Sources/OpenAPIGenRuntime"
of_lines=$(cat "$of_dir"/*.swift | wc -l)
rt_lines=$(cat "$rt_dir"/*.swift | wc -l)
touch_of=$(printf '%q ' touch "$of_dir"/*.swift)
touch_rt=$(printf '%q ' touch "$rt_dir"/*.swift)

row3='%-30s %6s %8s %7s %8s %9s %13s %6s %s\n'
printf "$row3" module lines config wall_s "no-op_s" "module_s" "(min-max)" "cpu_s" "<= 2 s"
seconds() { awk -v a="$1" 'BEGIN { printf "%.2f", a / 1000 }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (a - b) / 1000 }'; }
declare -A compile_s=() compile_cpu=()
compile_case() {  # compile_case debug|release
  local config=$1 noop noop_cpu module lines touch_cmd ok label
  local build=(swift build --package-path "$pkg" --scratch-path "$scratch/compile/build" -c "$config")
  "${build[@]}" --target OpenFunnel >"$tmp/compile.log" 2>&1 \
    || { tail -40 "$tmp/compile.log" >&2; die "the generated OpenFunnel module does not compile ($config)"; }
  measure --runs 5 -- "${build[@]}" --target OpenFunnel
  noop=$med_ms noop_cpu=$cpu_ms
  for module in OpenFunnel OpenAPIGenRuntime; do
    if [ $module = OpenFunnel ]; then touch_cmd=$touch_of lines=$of_lines; else touch_cmd=$touch_rt lines=$rt_lines; fi
    # A first touched build, untimed: proof that touching does recompile the module.
    eval "$touch_cmd"
    "${build[@]}" --target $module >"$tmp/compile.log" 2>&1 || { tail -40 "$tmp/compile.log" >&2; die "$module failed to build ($config)"; }
    grep -q "Compiling $module" "$tmp/compile.log" || die "touching $module's files did not recompile it ($config)"
    measure --prepare "$touch_cmd" --runs "$compile_runs" --warmup 0 -- "${build[@]}" --target $module
    compile_s[$module-$config]=$(minus "$med_ms" "$noop")
    compile_cpu[$module-$config]=$(minus "$cpu_ms" "$noop_cpu")
    label=$module ok=""
    if [ $module = OpenFunnel ]; then ok=$(within "${compile_s[$module-$config]}" 2); else label="$module (reference)"; fi
    printf "$row3" "$label" "$lines" "$config" "$(seconds "$med_ms")" "$(seconds "$noop")" "${compile_s[$module-$config]}" \
      "($(seconds "$min_ms")-$(seconds "$max_ms"))" "${compile_cpu[$module-$config]}" "$ok"
  done
}
compile_case debug
compile_case release
echo "   OpenFunnel / runtime: $(ratio "${compile_s[OpenFunnel-debug]}" "${compile_s[OpenAPIGenRuntime-debug]}")x debug," \
  "$(ratio "${compile_s[OpenFunnel-release]}" "${compile_s[OpenAPIGenRuntime-release]}")x release (module_s);" \
  "$(ratio "${compile_cpu[OpenFunnel-debug]}" "${compile_cpu[OpenAPIGenRuntime-debug]}")x debug," \
  "$(ratio "${compile_cpu[OpenFunnel-release]}" "${compile_cpu[OpenAPIGenRuntime-release]}")x release (cpu_s)"
echo "   note: module_s = wall_s - no-op_s (SwiftPM's planning and checks: median of 5 builds with nothing to compile);"
echo "         cpu_s = the same difference in user+system time, all compiler processes included"
echo "   note: built in a copy of the package, .build-bench/compile/pkg (build cache: .build-bench/compile/build)"
fi

if section 4; then
  echo
  # The job layer against the fake server over real HTTP: one page at a time is the reference.
  bench_networking_tools
  # It lives in the nested package Tools/, built in a scratch folder of its own.
  (cd "$root/Tools" && swift build -c release "${link_flags[@]}" --product openfunnel-drain-bench --scratch-path "$scratch/tools") \
    >"$tmp/drain-build.log" 2>&1 || { cat "$tmp/drain-build.log" >&2; exit 1; }
  "$scratch/tools/release/openfunnel-drain-bench"
fi
# ---------------------------------------------------------------- 5. large document
# One run per command (each takes seconds, so its wall time is steady enough); the documents are
# kept in .build-bench/large and made again only when the script changes.
if section 5; then
  command -v python3 >/dev/null 2>&1 || apt_install python3 || die "could not install python3"
  large_mb=${BENCH_LARGE_MB:-50}
  small_mb=$(awk -v m="$large_mb" 'BEGIN { printf "%g", m / 10 }')
  large_dir="$scratch/large"
  mkdir -p "$large_dir"
  large_doc() {  # large_doc MB EXT: sets doc, made by the script if missing or older than it
    doc="$large_dir/large-$1.$2"
    if [ ! -s "$doc" ] || [ "$root/Scripts/make-large-spec.py" -nt "$doc" ]; then
      python3 "$root/Scripts/make-large-spec.py" "$1" "$doc" || die "Scripts/make-large-spec.py $1 $doc failed"
    fi
  }
  # timed CMD ARGS...: one run under GNU time; sets wall_s, cpu_s, rss_mb; dies if CMD fails.
  timed() {
    /usr/bin/time -o "$tmp/large-time.txt" -f '%e %U %S %M' "$@" >"$tmp/large.out" 2>"$tmp/large.err" \
      || { tail -5 "$tmp/large.err" >&2; die "$* failed"; }
    read -r wall_s u_s s_s rss_kb <"$tmp/large-time.txt"
    cpu_s=$(awk -v u="$u_s" -v s="$s_s" 'BEGIN { printf "%.2f", u + s }')
    rss_mb=$(awk -v k="$rss_kb" 'BEGIN { printf "%.0f", k / 1024 }')
  }
  per_mb() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
  row5='%-16s %6s %7s %7s %7s %6s %7s %7s %7s %6s  %s\n'
  echo
  echo "5. Large document: Scripts/make-large-spec.py (paths, component schemas, refs, enums, nested objects, descriptions),"
  echo "   one run of each command; memory per MB of input should stay flat as the document grows."
  echo "   Bound: loading (lint) peaks at <= 10x the file, for the ${large_mb} MB documents (the small one is the scaling reference)"
  printf "$row5" document MB lint_s cpu_s lint_MB "x file" gen_s cpu_s gen_MB "x file" "lint <= 10x"
  declare -A large_lint=() large_gen=() large_lint_mb=() large_gen_mb=() large_file_mb=()
  for case in "$small_mb yaml" "$large_mb yaml" "$large_mb json"; do
    read -r size ext <<<"$case"
    large_doc "$size" "$ext"
    file_mb=$(mb "$doc")
    timed "$gen" lint --load-only "$doc"
    lint_row=("$wall_s" "$cpu_s" "$rss_mb" "$(per_mb "$rss_mb" "$file_mb")")
    large_lint[$size-$ext]=$cpu_s large_lint_mb[$size-$ext]=$rss_mb large_file_mb[$size-$ext]=$file_mb
    rm -rf "$tmp/large-out"
    timed "$gen" generate "$doc" --output "$tmp/large-out" --module Large
    rm -rf "$tmp/large-out"
    large_gen[$size-$ext]=$cpu_s large_gen_mb[$size-$ext]=$rss_mb
    bound="-"
    [ "$size" = "$large_mb" ] && bound="$(within "${lint_row[3]}" 10)"
    printf "$row5" "$(basename "$doc")" "$file_mb" "${lint_row[@]}" "$wall_s" "$cpu_s" "$rss_mb" "$(per_mb "$rss_mb" "$file_mb")" "$bound"
  done
  slope() {  # slope SMALL_PEAK LARGE_PEAK: MB of peak memory per MB of input between the two YAML documents
    awk -v a="$1" -v b="$2" -v x="${large_file_mb[$small_mb-yaml]}" -v y="${large_file_mb[$large_mb-yaml]}" \
      'BEGIN { printf "%.1f", (b - a) / (y - x) }'
  }
  echo "   scaling ${small_mb} -> ${large_mb} MB (YAML): cpu time lint $(ratio "${large_lint[$large_mb-yaml]}" "${large_lint[$small_mb-yaml]}")x," \
    "generate $(ratio "${large_gen[$large_mb-yaml]}" "${large_gen[$small_mb-yaml]}")x (10.00x is linear);" \
    "peak memory per added MB: lint $(slope "${large_lint_mb[$small_mb-yaml]}" "${large_lint_mb[$large_mb-yaml]}")," \
    "generate $(slope "${large_gen_mb[$small_mb-yaml]}" "${large_gen_mb[$large_mb-yaml]}")"
  echo "   note: x file = peak RSS / file size, which includes ~20 MB of runtime and so reads high on small files;"
  echo "         generate also holds its translation state and writes the module (about 4x the input) to a temp folder"
fi
# ---------------------------------------------------------------- 6. validation cost
if section 6; then
  echo
  echo "6. Validation: validate() of a decoded 100-row tech-intent page next to decoding it (release, same run)"
  bench_networking_tools
  (cd "$root/Tools" && swift build -c release "${link_flags[@]}" --product openfunnel-validate-bench --scratch-path "$scratch/tools") \
    >"$tmp/validate-build.log" 2>&1 || { tail -40 "$tmp/validate-build.log" >&2; die "building openfunnel-validate-bench failed"; }
  "$scratch/tools/release/openfunnel-validate-bench"
fi

# ---------------------------------------------------------------- 7. streams
# One process: a FlyingFox server writing BENCH_STREAM_MIB (1024) MiB, read first with a plain
# socket, then through ClientCore.stream / URLSessionTransport / HTTPBody; then BENCH_SSE_EVENTS
# (1,000,000) events through ServerSentEvents and through a bare LF count. Then the same download
# through AsyncHTTPClientTransport, in a process of its own with its own raw read as reference.
if section 7; then
  note "building openapi-gen-stream-bench (release)"
  bench_networking_tools
  (cd "$root/Tools" && swift build -c release "${link_flags[@]}" --product openapi-gen-stream-bench --scratch-path "$scratch/tools") >"$tmp/stream-build.log" 2>&1 \
    || { tail -40 "$tmp/stream-build.log" >&2; die "swift build --product openapi-gen-stream-bench failed"; }
  stream_bin=$(cd "$root/Tools" && swift build -c release "${link_flags[@]}" --product openapi-gen-stream-bench --scratch-path "$scratch/tools" --show-bin-path)/openapi-gen-stream-bench
  # libcurl alone (Benchmarks/curl-download.c), when its headers are there (a static link installs them).
  curl_probe=""
  # shellcheck disable=SC2046  # pkg-config's flags are separate words
  if pkg-config --exists libcurl 2>/dev/null \
    && cc -O2 -o "$tmp/curl-download" "$root/Benchmarks/curl-download.c" $(pkg-config --cflags --libs libcurl) 2>"$tmp/curl-build.log"; then
    curl_probe="$tmp/curl-download"
  else
    note "libcurl's headers are missing (apt-get install libcurl4-openssl-dev): no libcurl-alone line"
  fi
  BENCH_CURL_PROBE="$curl_probe" "$stream_bin" "${BENCH_STREAM_MIB:-1024}" "${BENCH_SSE_EVENTS:-1000000}" >"$tmp/stream.txt" || die "openapi-gen-stream-bench failed"
  sv() { awk -v k="$1" '$1 == k { print $2 }' "$tmp/stream.txt"; }
  echo
  echo "7. streams: ${BENCH_STREAM_MIB:-1024} MiB download from a local server, SSE decoding"
  printf "   %-34s %12s %12s %8s %8s\n" "" "client" "raw" "ratio" "target"
  printf "   %-34s %9s MiB/s %9s MiB/s %8s %8s\n" "download (HTTPBody vs socket)" "$(sv download_client_mib_s)" "$(sv download_raw_mib_s)" \
    "$(sv download_ratio)" "$(awk -v r="$(sv download_ratio)" 'BEGIN { print (r >= 0.5 ? ">=0.5 yes" : ">=0.5 NO") }')"
  printf "   %-34s %9s s    %9s s    %8s %8s\n" "  same, in process CPU seconds" "$(sv download_client_cpu_s)" "$(sv download_raw_cpu_s)" \
    "$(sv download_cpu_ratio)" "(steadier)"
  printf "   %-34s %9s MiB/s %9s x (client speed / its, CPU)\n" "plain URLSession counting delegate" "$(sv download_floor_mib_s)" "$(sv download_client_vs_floor_cpu)"
  printf "   %-34s %9s MiB/s %9s x (client speed / its, CPU); its own CPU ratio to raw %s\n" "  same, inline (URLSession floor)" \
    "$(sv download_inline_mib_s)" "$(sv download_client_vs_inline_cpu)" "$(sv download_inline_vs_raw_cpu)"
  if [ -n "$curl_probe" ]; then
    printf "   %-34s %9s MiB/s %9s x raw, CPU\n" "libcurl alone, 16 KiB reads" "$(sv download_curl16k_mib_s)" "$(sv download_curl16k_vs_raw_cpu)"
    printf "   %-34s %9s MiB/s %9s x raw, CPU\n" "libcurl alone, 512 KiB reads" "$(sv download_curl512k_mib_s)" "$(sv download_curl512k_vs_raw_cpu)"
  fi
  printf "   %-34s %12s\n" "peak RSS of the process (MiB)" "$(sv download_peak_rss_mib)   (target <= 64: $(within "$(sv download_peak_rss_mib)" 64); $(sv download_peak_rss_before_client_mib) before the client read)"
  if [ "${BENCH_STREAM_AHC:-1}" != 0 ]; then
    # AsyncHTTPClient brings swift-nio: built in the adapter's own package, so Tools never builds it.
    note "building openapi-gen-ahc-stream-bench (release; swift-nio's first build takes minutes)"
    (cd "$root/Adapters/AsyncHTTPClientTransport" && swift build -c release "${link_flags[@]}" --product openapi-gen-ahc-stream-bench --scratch-path "$scratch/ahc") \
      >"$tmp/ahc-build.log" 2>&1 || { tail -40 "$tmp/ahc-build.log" >&2; die "swift build --product openapi-gen-ahc-stream-bench failed"; }
    "$scratch/ahc/release/openapi-gen-ahc-stream-bench" "${BENCH_STREAM_MIB:-1024}" >>"$tmp/stream.txt" || die "openapi-gen-ahc-stream-bench failed"
    printf "   %-34s %9s MiB/s %9s MiB/s %8s %8s\n" "AsyncHTTPClientTransport vs socket" "$(sv ahc_download_client_mib_s)" "$(sv ahc_download_raw_mib_s)" \
      "$(sv ahc_download_ratio)" "$(awk -v r="$(sv ahc_download_ratio)" 'BEGIN { print (r >= 0.5 ? ">=0.5 yes" : ">=0.5 NO") }')"
    printf "   %-34s %9s s    %9s s    %8s %8s\n" "  same, in process CPU seconds" "$(sv ahc_download_client_cpu_s)" "$(sv ahc_download_raw_cpu_s)" \
      "$(sv ahc_download_cpu_ratio)" "(steadier)"
    printf "   %-34s %9s MiB/s %9s x (client speed / its, CPU); its own CPU ratio to raw %s\n" "  AsyncHTTPClient alone (its floor)" \
      "$(sv ahc_floor_mib_s)" "$(sv ahc_client_vs_floor_cpu)" "$(sv ahc_floor_vs_raw_cpu)"
    printf "   %-34s %12s\n" "  peak RSS of its process (MiB)" "$(sv ahc_download_peak_rss_mib)   (target <= 64: $(within "$(sv ahc_download_peak_rss_mib)" 64); $(sv ahc_download_peak_rss_before_client_mib) before the client read)"
  fi
  printf "   %-34s %9s ev/s %9s ev/s %8s\n" "SSE (parser vs LF scan / 3)" "$(sv sse_events_per_s)" "$(sv sse_scan_events_per_s)" "$(sv sse_ratio)"
  [ "$(sv download_client_bytes)" = "$(sv download_raw_bytes)" ] || note "the client read $(sv download_client_bytes) bytes, the socket $(sv download_raw_bytes) (the socket count includes the response head)"
fi

if section 8; then
  echo
  echo "8. Serving: OpenFunnel's status operation, generated server vs a fixed FlyingFox response (release, same run)"
  (cd "$root/Adapters/FlyingFoxAdapter" && swift build -c release "${link_flags[@]}" --product openapi-gen-server-bench --scratch-path "$scratch/adapter") \
    >"$tmp/server-build.log" 2>&1 || { tail -40 "$tmp/server-build.log" >&2; die "building openapi-gen-server-bench failed"; }
  "$scratch/adapter/release/openapi-gen-server-bench" | sed 's/^/   /' || die "openapi-gen-server-bench failed"
fi

echo
echo "load average at end $(loadavg). Ratios are the numbers to compare across machines;"
echo "targets are informative and never change the exit status."
