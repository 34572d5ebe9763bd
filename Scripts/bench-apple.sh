#!/usr/bin/env bash
# `make bench-apple`: openapi-gen against Apple's swift-openapi-generator 1.14.3, both built and
# timed in the same run on the same inputs, so that the ratios mean something on any machine (and
# under load: absolute times on a shared 2-core machine swing, ratios taken minutes apart much less).
# Nothing here fails on a slow number: the issue's targets are printed next to the ratios, the exit
# status only says whether the benchmark itself could run.
#
#   1. generation of spec/openfunnel.yaml and ../shared/specs/stripe-spec3.yaml: Apple's generator
#      with `generate: [types, client]` and `accessModifier: public` (a config file in a temp
#      folder) and `openapi-gen generate --access public`, each into an emptied folder every run:
#      wall time (median), cpu time, peak RSS (/usr/bin/time), files, lines and bytes of the output.
#      On Stripe also Benchmarks/yaml-scan.c, a raw libyaml event scan of the same file, as the floor.
#      Targets on Stripe: Apple / ours >= 50x, ours <= 3x the scan, peak memory ours / Apple <= 1/5.
#   2. compile time of each output as a module of its own, in two throwaway packages under
#      .build-apple/compile: Apple's output against swift-openapi-runtime 1.13.4 (+ swift-http-types),
#      ours against a copy of Sources/OpenAPIGenRuntime (+ swift-log). The dependencies are built
#      first; then the module's files are touched and `swift build --target MODULE` is timed, minus a
#      no-op build (SwiftPM's own overhead), as in Scripts/bench.sh section 3. Debug by default.
#      Target on Stripe: ours / Apple <= 1/2.
#
# Usage: Scripts/bench-apple.sh   Environment:
#   APPLE_BENCH_SPECS="openfunnel stripe"  which specs
#   APPLE_BENCH_RUNS=10                    timed generation runs per tool on openfunnel.yaml
#   APPLE_BENCH_STRIPE_RUNS=3              timed generation runs per tool on Stripe (Apple's: ~20 s each)
#   APPLE_BENCH_COMPILE=1                  0 skips section 2 (the Stripe compiles take many minutes each)
#   APPLE_BENCH_COMPILE_RUNS=3             timed compiles of each openfunnel.yaml module (each after touching its files)
#   APPLE_BENCH_STRIPE_COMPILE_RUNS=1      timed compiles of each Stripe module
#   APPLE_BENCH_CONFIG=debug               or release: the configuration the outputs are compiled in
#   APPLE_BENCH_TIMER=hyperfine            or loop (generation timed with a shell loop, not hyperfine)
#   BENCH_LINK=static                      or dynamic: how both generators link the Swift runtime and
#                                          Foundation (static, as a command line tool ships, keeps
#                                          about 7 MB of relocated library pages out of each peak RSS)
# Builds Apple's generator into .build-apple/generator (Benchmarks/AppleGenerator, a package of its
# own so that the main package never depends on it) and openapi-gen into .build-bench, the scratch
# path Scripts/bench.sh uses. `make clean` removes both.
# shellcheck disable=SC2059  # the table formats are kept in variables on purpose
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
specs="$root/../shared/specs"
scratch="$root/.build-apple"
runs=${APPLE_BENCH_RUNS:-10}
stripe_runs=${APPLE_BENCH_STRIPE_RUNS:-3}
compile_runs=${APPLE_BENCH_COMPILE_RUNS:-3}
stripe_compile_runs=${APPLE_BENCH_STRIPE_COMPILE_RUNS:-1}
do_compile=${APPLE_BENCH_COMPILE:-1}
config=${APPLE_BENCH_CONFIG:-debug}
timer=${APPLE_BENCH_TIMER:-hyperfine}
selected=" ${APPLE_BENCH_SPECS:-openfunnel stripe} "
apple_version=1.14.3
apple_gen="$scratch/generator/release/swift-openapi-generator"
ours_gen="$root/.build-bench/release/openapi-gen"

die() { echo "bench-apple: $*" >&2; exit 1; }
note() { echo "bench-apple: $*" >&2; }

case $config in debug|release) ;; *) die "APPLE_BENCH_CONFIG must be debug or release, not $config" ;; esac
for spec_name in $selected; do
  case $spec_name in openfunnel|stripe) ;; *) die "unknown spec '$spec_name' in APPLE_BENCH_SPECS (openfunnel, stripe)" ;; esac
done
chosen() { [[ $selected == *" $1 "* ]]; }

# ---------------------------------------------------------------- inputs and tools
declare -A spec_file=([openfunnel]="$root/spec/openfunnel.yaml" [stripe]="$specs/stripe-spec3.yaml")
declare -A spec_module=([openfunnel]=OpenFunnel [stripe]=StripeSpec3)
declare -A spec_runs=([openfunnel]=$runs [stripe]=$stripe_runs)
declare -A spec_compile_runs=([openfunnel]=$compile_runs [stripe]=$stripe_compile_runs)
spec_list=()
for spec_name in openfunnel stripe; do
  chosen $spec_name || continue
  [ -f "${spec_file[$spec_name]}" ] || die "${spec_file[$spec_name]} not found (the real-world specs live in ../shared/specs beside the repository)"
  spec_list+=("$spec_name")
done

source "$root/Scripts/bench-common.sh"
bench_tools

tmp=$(mktemp -d "${TMPDIR:-/tmp}/openapi-gen-bench-apple.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }
atleast() { awk -v v="$1" -v t="$2" 'BEGIN { print (v == "-" ? "-" : v >= t ? "yes" : "NO") }'; }
atmost() { awk -v v="$1" -v t="$2" 'BEGIN { print (v == "-" ? "-" : v <= t ? "yes" : "NO") }'; }
seconds() { awk -v a="$1" 'BEGIN { printf "%.2f", a / 1000 }'; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?; }

# ---------------------------------------------------------------- builds
# Both generators in release. Apple's: SwiftPM builds a dependency's executable product when it is
# named with --product, so Benchmarks/AppleGenerator needs no target of its own.
build_logged() {  # build_logged LOG CMD ARGS...: one retry when a source changed under the build
  local log=$1; shift
  "$@" >"$log" 2>&1 || { grep -q 'was modified during the build' "$log" && sleep 5 && "$@" >"$log" 2>&1; }
}
note "building Apple's swift-openapi-generator $apple_version (release, Benchmarks/AppleGenerator, --scratch-path .build-apple/generator; the first time takes a few minutes)"
build_logged "$tmp/apple-build.log" swift build -c release "${link_flags[@]}" --product swift-openapi-generator \
    --package-path "$root/Benchmarks/AppleGenerator" --scratch-path "$scratch/generator" \
  || { tail -40 "$tmp/apple-build.log" >&2; die "could not build Apple's swift-openapi-generator"; }
[ -x "$apple_gen" ] || die "$apple_gen not found after the build"
note "building openapi-gen (release, --scratch-path .build-bench)"
build_logged "$tmp/ours-build.log" swift build -c release "${link_flags[@]}" --product openapi-gen \
    --package-path "$root" --scratch-path "$root/.build-bench" \
  || { tail -40 "$tmp/ours-build.log" >&2; die "swift build -c release --product openapi-gen failed"; }
[ -x "$ours_gen" ] || die "$ours_gen not found after the build"

scan="$tmp/yaml-scan"
# shellcheck disable=SC2046
cc -O2 -o "$scan" "$root/Benchmarks/yaml-scan.c" $(pkg-config --cflags --libs yaml-0.1) \
  || die "could not compile Benchmarks/yaml-scan.c"

printf 'generate:\n  - types\n  - client\naccessModifier: public\n' >"$tmp/openapi-generator-config.yaml"

# ---------------------------------------------------------------- header
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
commit=$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
(cd "$root" && [ -z "$(git status --porcelain -- Sources Generated spec Package.swift 2>/dev/null)" ]) \
  || commit="$commit + uncommitted changes"
echo
echo "openapi-gen vs Apple's swift-openapi-generator $apple_version  $(date '+%Y-%m-%d %H:%M:%S %z')"
echo "machine: $(nproc) cores, ${cpu:-unknown CPU}; load average at start $(loadavg)"
echo "swift:   $(swift --version 2>/dev/null | head -1)"
echo "commit:  $commit"
if [ "$timer" = hyperfine ]; then how="$(hyperfine --version) -N"; else how="a shell loop (EPOCHREALTIME)"; fi
echo "timing:  generation with $how, wall = median of the runs (openfunnel.yaml: $runs after 1 warm-up;"
echo "         Stripe: $stripe_runs after the untimed peak-memory run); cpu = mean user+system per run;"
echo "         peak RSS from /usr/bin/time; compiles: $config, timed builds per module: openfunnel.yaml $compile_runs, Stripe $stripe_compile_runs"
echo "apple:   swift-openapi-generator generate SPEC --config CFG --output-directory DIR  (CFG: generate: [types, client], accessModifier: public)"
echo "ours:    openapi-gen generate SPEC --output DIR --module MODULE --access public"

# ---------------------------------------------------------------- 1. generation
# libyaml rejects JSON's surrogate-pair escapes (\ud83d\udc4d); the scan reads a copy in which
# each pair is the equivalent \U0001F44D, so that it still covers the whole file (as in bench.sh).
scan_input() {  # scan_input FILE: sets scan_file
  local file=$1 pairs
  pairs=$( (grep -oE '\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}' "$file" || true) | wc -l)
  scan_file=$file
  if [ "$pairs" -gt 0 ]; then
    scan_file="$tmp/scan-$(basename "$file")"
    perl -pe 's/(?<!\\)((?:\\\\)*)\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})/$1 . sprintf("\\U%08X", 0x10000 + ((hex($2) - 0xD800) << 10) + (hex($3) - 0xDC00))/ge' \
      "$file" >"$scan_file"
    notes+=("$(basename "$file"): $pairs JSON surrogate-pair escapes rewritten as \\U0001F44D in a temp copy for the scan only")
  fi
}

declare -A r_ms=() r_range=() r_cpu=() r_mb=() r_files=() r_lines=() r_bytes=() r_warn=() r_dir=()
declare -A c_s=() c_cpu=() c_mb=() c_noop=() c_status=()
notes=()

# gen_case TOOL SPEC: generates into $tmp/out-TOOL-SPEC (kept for section 2), then times it.
gen_case() {
  local tool=$1 spec_name=$2 spec module out cmd warmup=1 n
  spec=${spec_file[$spec_name]} module=${spec_module[$spec_name]} n=${spec_runs[$spec_name]}
  out="$tmp/out-$tool-$spec_name"
  if [ "$tool" = apple ]; then
    cmd=("$apple_gen" generate "$spec" --config "$tmp/openapi-generator-config.yaml" --output-directory "$out")
  else
    cmd=("$ours_gen" generate "$spec" --output "$out" --module "$module" --access public)
  fi
  rm -rf "$out"
  peak_mb "${cmd[@]}"
  [ $peak_rc -eq 0 ] || { tail -20 "$tmp/peak.err" >&2; die "$tool's generator failed on $(basename "$spec") (exit $peak_rc)"; }
  r_mb[$tool-$spec_name]=$peak_mb
  r_warn[$tool-$spec_name]=$(cat "$tmp/peak.err" "$tmp/peak.out" | grep -c -i '^warning' || true)
  if [ "$tool" = apple ]; then
    # What Apple's generator said it skipped, one line per kind of warning, with a count.
    sed -n 's/^warning: \(.*\) \[context:.*/\1/p' "$tmp/peak.err" | sort | uniq -c | sort -rn \
      | while read -r count what; do echo "$spec_name: Apple's generator: ${count}x warning: $what"; done >>"$tmp/apple-warnings.txt"
  fi
  r_files[$tool-$spec_name]=$(find "$out" -name '*.swift' | wc -l)
  r_lines[$tool-$spec_name]=$(find "$out" -name '*.swift' -exec cat {} + | wc -l)
  r_bytes[$tool-$spec_name]=$(find "$out" -name '*.swift' -exec cat {} + | wc -c)
  r_dir[$tool-$spec_name]=$out
  # Into a folder emptied before every run (all files written), as in bench.sh section 2. On
  # Stripe the peak-memory run above is the warm-up.
  [ "$spec_name" = stripe ] && warmup=0
  local timed="$tmp/timed-$tool-$spec_name"
  cmd=("${cmd[@]/#"$out"/"$timed"}")
  measure --prepare "rm -rf $(printf '%q' "$timed")" --runs "$n" --warmup $warmup -- "${cmd[@]}"
  rm -rf "$timed"
  r_ms[$tool-$spec_name]=$med_ms r_range[$tool-$spec_name]="$min_ms-$max_ms" r_cpu[$tool-$spec_name]=$cpu_ms
  note "$tool $spec_name: generate $med_ms ms (median of $n; $min_ms-$max_ms), cpu $cpu_ms ms, peak $peak_mb MiB," \
    "${r_files[$tool-$spec_name]} files, ${r_lines[$tool-$spec_name]} lines, ${r_bytes[$tool-$spec_name]} bytes, ${r_warn[$tool-$spec_name]} warnings"
}

scan_ms="" scan_cpu="" scan_events=""
# From an empty folder, so that the repository's openapi-gen.yaml plays no part.
cd "$tmp"
for spec_name in "${spec_list[@]}"; do
  note "generating $(basename "${spec_file[$spec_name]}") with each tool"
  if [ "$spec_name" = stripe ]; then
    scan_input "${spec_file[stripe]}"
    scan_events=$("$scan" "$scan_file") || die "yaml-scan could not scan $scan_file"
    measure --runs "$runs" -- "$scan" "$scan_file"
    scan_ms=$med_ms scan_cpu=$cpu_ms scan_range="$min_ms-$max_ms"
    note "raw libyaml scan of stripe-spec3.yaml: $scan_ms ms (median of $runs), $scan_events events"
  fi
  gen_case apple "$spec_name"
  gen_case ours "$spec_name"
done
cd "$root"

# ---------------------------------------------------------------- 2. compile time
# One throwaway package per tool, one target per spec (named like the module, so both tools'
# modules have the same name), under .build-apple/compile/TOOL/{pkg,build}. Dependencies built
# first, then each module timed on its own: touch its files, `swift build --target MODULE`.
# The first timed build is the module's first compile in that build folder (its dependencies
# already built), which a touch makes the same as any later one.
write_package() {  # write_package TOOL: Package.swift and Sources/ for the chosen specs
  local tool=$1 pkg="$scratch/compile/$1/pkg" targets="" spec_name module
  rm -rf "$pkg/Sources"
  mkdir -p "$pkg/Sources"
  for spec_name in "${spec_list[@]}"; do
    module=${spec_module[$spec_name]}
    mkdir -p "$pkg/Sources/$module"
    cp "${r_dir[$tool-$spec_name]}"/*.swift "$pkg/Sources/$module/"
    if [ "$tool" = apple ]; then
      targets+="        .target(name: \"$module\", dependencies: [
            .product(name: \"OpenAPIRuntime\", package: \"swift-openapi-runtime\"),
            .product(name: \"HTTPTypes\", package: \"swift-http-types\"),
        ]),
"
    else
      targets+="        .target(name: \"$module\", dependencies: [\"OpenAPIGenRuntime\"]),
"
    fi
  done
  if [ "$tool" = apple ]; then
    cat >"$pkg/Package.swift" <<EOF
// swift-tools-version: 6.0
// Written by Scripts/bench-apple.sh: Apple's generated code, one module per spec.
import PackageDescription
let package = Package(
    name: "apple-generated",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-runtime", exact: "1.13.4"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
$targets    ],
    swiftLanguageModes: [.v6]
)
EOF
  else
    # Only the runtime target is copied (with its swift-log dependency), not the whole package.
    cp -R "$root/Sources/OpenAPIGenRuntime" "$pkg/Sources/OpenAPIGenRuntime"
    cat >"$pkg/Package.swift" <<EOF
// swift-tools-version: 6.0
// Written by Scripts/bench-apple.sh: openapi-gen's generated code, one module per spec, on a
// copy of Sources/OpenAPIGenRuntime.
import PackageDescription
let package = Package(
    name: "ours-generated",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(name: "OpenAPIGenRuntime", dependencies: [.product(name: "Logging", package: "swift-log")]),
$targets    ],
    swiftLanguageModes: [.v6]
)
EOF
  fi
  return 0
}

# timed_build LOG CMD ARGS...: runs a build under GNU time; sets tb_ms, tb_cpu_ms, tb_mb, tb_rc.
timed_build() {
  local log=$1; shift
  tb_rc=0
  /usr/bin/time -f '%e %U %S %M' -o "$tmp/build-time.txt" "$@" >"$log" 2>&1 || tb_rc=$?
  read -r tb_ms tb_cpu_ms tb_mb < <(awk 'END { printf "%.0f %.0f %.1f\n", $1 * 1000, ($2 + $3) * 1000, $4 / 1024 }' "$tmp/build-time.txt")
}

compile_tool() {  # compile_tool TOOL
  local tool=$1 pkg="$scratch/compile/$1/pkg" spec_name module i n walls cpus mbs touch_cmd key dep
  local build=(swift build --package-path "$pkg" --scratch-path "$scratch/compile/$tool/build" -c "$config")
  write_package "$tool"
  if [ "$tool" = apple ]; then dep=OpenAPIRuntime; else dep=OpenAPIGenRuntime; fi
  note "$tool: building the dependencies ($dep, $config)"
  build_logged "$tmp/deps.log" "${build[@]}" --target "$dep" \
    || { tail -40 "$tmp/deps.log" >&2; die "$tool: could not build $dep ($config)"; }
  for spec_name in "${spec_list[@]}"; do
    module=${spec_module[$spec_name]} key=$tool-$spec_name walls=() cpus=() mbs=()
    touch_cmd=(touch "$pkg/Sources/$module"/*.swift)
    c_status[$key]=ok n=${spec_compile_runs[$spec_name]}
    for ((i = 1; i <= n; i++)); do
      note "$tool $spec_name: compiling $module ($config, ${r_lines[$key]} lines), run $i of $n, started $(date +%H:%M:%S), load $(loadavg)"
      "${touch_cmd[@]}"
      timed_build "$tmp/compile-$key.log" "${build[@]}" --target "$module"
      if [ "$tb_rc" -ne 0 ]; then
        c_status[$key]="failed (exit $tb_rc after $(seconds "$tb_ms") s)"
        cp "$tmp/compile-$key.log" "$scratch/compile/$key.log"
        notes+=("$tool $spec_name: the generated module did not compile ($config, exit $tb_rc); log: .build-apple/compile/$key.log")
        note "$tool $spec_name: compile FAILED (exit $tb_rc); last lines:"
        grep -E 'error:|Killed|signal' "$tmp/compile-$key.log" | head -20 >&2 || true
        tail -5 "$tmp/compile-$key.log" >&2
        break
      fi
      grep -q "Compiling $module" "$tmp/compile-$key.log" || die "$tool $spec_name: touching $module's files did not recompile it"
      walls+=("$tb_ms") cpus+=("$tb_cpu_ms") mbs+=("$tb_mb")
      note "$tool $spec_name: build $(seconds "$tb_ms") s wall, $(seconds "$tb_cpu_ms") s cpu, largest process $tb_mb MiB"
    done
    [ "${c_status[$key]}" = ok ] || continue
    # SwiftPM's own overhead: a build with nothing to compile.
    measure --runs 3 --warmup 1 -- "${build[@]}" --target "$module"
    c_noop[$key]=$(seconds "$med_ms")
    local s cpu mb
    read -r s cpu mb < <(
      { printf '%s\n' "${walls[@]}" | sort -n | awk '{ t[NR] = $1 } END { print (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2) }'
        printf '%s\n' "${cpus[@]}" | awk '{ s += $1 } END { print s / NR }'
        printf '%s\n' "${mbs[@]}" | sort -n | tail -1
      } | paste -sd' ' | awk -v noop="$med_ms" -v noop_cpu="$cpu_ms" '{ printf "%.2f %.2f %s\n", ($1 - noop) / 1000, ($2 - noop_cpu) / 1000, $3 }')
    c_s[$key]=$s c_cpu[$key]=$cpu c_mb[$key]=$mb
    note "$tool $spec_name: compile ${c_s[$key]} s (median build minus no-op ${c_noop[$key]} s), cpu ${c_cpu[$key]} s, largest process ${c_mb[$key]} MiB"
  done
}

if [ "$do_compile" != 0 ]; then
  # ours first: the shorter builds, so that their numbers are known early.
  compile_tool ours
  compile_tool apple
fi

# ---------------------------------------------------------------- results
row='%-6s %10s %21s %10s %9s %6s %9s %11s %10s %8s %8s\n'
rrow='%-6s %10s %21s %10s %9s %6s %9s %11s %10s %8s %8s\n'
for spec_name in "${spec_list[@]}"; do
  a=apple-$spec_name o=ours-$spec_name
  echo
  echo "$(basename "${spec_file[$spec_name]}"): generation (types + client, public) and compile ($config) of the output as one module"
  printf "$row" tool gen_ms "(min-max)" gen_cpu_ms peak_MiB files lines bytes compile_s cpu_s comp_MiB
  for tool in apple ours; do
    k=$tool-$spec_name
    if [ "$do_compile" = 0 ]; then cs=- cc=- cm=-
    elif [ "${c_status[$k]}" = ok ]; then cs=${c_s[$k]} cc=${c_cpu[$k]} cm=${c_mb[$k]}
    else cs=failed cc=- cm=-; fi
    printf "$row" "$tool" "${r_ms[$k]}" "(${r_range[$k]})" "${r_cpu[$k]}" "${r_mb[$k]}" "${r_files[$k]}" "${r_lines[$k]}" "${r_bytes[$k]}" "$cs" "$cc" "$cm"
  done
  ratio_c=- ratio_cc=- ratio_cm=-
  if [ "$do_compile" != 0 ] && [ "${c_status[$a]}" = ok ] && [ "${c_status[$o]}" = ok ]; then
    ratio_c="$(ratio "${c_s[$a]}" "${c_s[$o]}")x" ratio_cc="$(ratio "${c_cpu[$a]}" "${c_cpu[$o]}")x" ratio_cm="$(ratio "${c_mb[$a]}" "${c_mb[$o]}")x"
  fi
  printf "$rrow" "A/ours" "$(ratio "${r_ms[$a]}" "${r_ms[$o]}")x" "" "$(ratio "${r_cpu[$a]}" "${r_cpu[$o]}")x" \
    "$(ratio "${r_mb[$a]}" "${r_mb[$o]}")x" "" "$(ratio "${r_lines[$a]}" "${r_lines[$o]}")x" \
    "$(ratio "${r_bytes[$a]}" "${r_bytes[$o]}")x" "$ratio_c" "$ratio_cc" "$ratio_cm"
  if [ "$spec_name" = stripe ]; then
    gen_ratio=$(ratio "${r_ms[$a]}" "${r_ms[$o]}")
    mem_ratio=$(ratio "${r_mb[$o]}" "${r_mb[$a]}")
    scan_ratio=$(ratio "${r_ms[$o]}" "$scan_ms")
    echo "   raw libyaml scan of the same file (Benchmarks/yaml-scan.c): $scan_ms ms ($scan_range), cpu $scan_cpu ms, $scan_events events"
    echo "   issue's targets on Stripe:"
    printf '     %-44s %9s   target %-8s %s\n' "generation, Apple / ours (wall)" "${gen_ratio}x" ">= 50x" "$(atleast "$gen_ratio" 50)"
    printf '     %-44s %9s   target %-8s %s\n' "generation, ours / raw scan (wall)" "${scan_ratio}x" "<= 3x" "$(atmost "$scan_ratio" 3)"
    printf '     %-44s %9s   (cpu: %sx)\n' "" "" "$(ratio "${r_cpu[$o]}" "$scan_cpu")"
    printf '     %-44s %9s   target %-8s %s\n' "peak memory, ours / Apple" "${mem_ratio}x" "<= 0.20x" "$(atmost "$mem_ratio" 0.2)"
    if [ "$ratio_c" != - ]; then
      comp_ratio=$(ratio "${c_s[$o]}" "${c_s[$a]}")
      printf '     %-44s %9s   target %-8s %s\n' "compile ($config), ours / Apple" "${comp_ratio}x" "<= 0.50x" "$(atmost "$comp_ratio" 0.5)"
    else
      printf '     %-44s %9s   target %-8s\n' "compile ($config), ours / Apple" "-" "<= 0.50x"
    fi
    echo "   the issue's measurement of Apple's generator on this machine kind: 22.6 s, 217 MiB"
  else
    echo "   the issue's measurement of Apple's generator on this machine kind: 0.29 s (the targets are for Stripe)"
  fi
done
echo
echo "   note: A/ours = Apple's figure / ours (above 1: ours is faster, smaller or lighter)."
echo "   note: gen: into an emptied temp folder each run; peak_MiB: max RSS of the generator (/usr/bin/time)."
if [ "$do_compile" != 0 ]; then
  echo "   note: compile_s = median wall of the timed builds of the module - a no-op build (median of 3);"
  echo "         cpu_s the same difference in user+system time (all compiler processes); comp_MiB: the largest"
  echo "         process of the build (swift-frontend). Apple's output: swift-openapi-runtime 1.13.4 + swift-http-types;"
  echo "         ours: a copy of Sources/OpenAPIGenRuntime + swift-log. Packages in .build-apple/compile/{apple,ours}."
fi
[ -s "$tmp/apple-warnings.txt" ] && while read -r line; do echo "   note: $line"; done <"$tmp/apple-warnings.txt"
for n in "${notes[@]}"; do echo "   note: $n"; done
echo
echo "load average at end $(loadavg). Ratios are the numbers to compare across machines;"
echo "targets are informative and never change the exit status."
