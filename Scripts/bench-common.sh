# Shared by Scripts/bench.sh and Scripts/bench-apple.sh: the tools they need, how they link the
# release binaries, and how they time and weigh a command. The caller defines die, note, runs
# (default timed runs) and timer (hyperfine or loop), sources this file, then calls bench_tools and
# sets tmp to a scratch folder before measuring.
# shellcheck shell=bash disable=SC2034,SC2154  # sets results for, and reads settings of, the script that sources it

# Release binaries link the Swift runtime and Foundation statically, as a command line tool ships
# (BENCH_LINK=dynamic for the default linking); both scripts build the same way.
case ${BENCH_LINK:-static} in
  static) link_flags=(--static-swift-stdlib) ;;
  dynamic) link_flags=() ;;
  *) die "BENCH_LINK must be static or dynamic" ;;
esac

apt_updated=0
apt_install() {  # apt_install PACKAGE... (quietly; apt-get update once per run)
  command -v apt-get >/dev/null 2>&1 || die "need $*, and apt-get is not available to install it"
  if [ $apt_updated -eq 0 ]; then apt-get update -qq >/dev/null 2>&1 || true; apt_updated=1; fi
  note "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 || return 1
}
bench_tools() {  # libyaml, a C compiler, GNU time and (unless timer=loop) hyperfine
  pkg-config --exists yaml-0.1 2>/dev/null || apt_install libyaml-dev pkg-config || die "could not install libyaml-dev"
  command -v cc >/dev/null 2>&1 || apt_install gcc || die "could not install a C compiler"
  [ -x /usr/bin/time ] || apt_install time || die "could not install GNU time (/usr/bin/time)"
  if [ "$timer" = hyperfine ] && ! command -v hyperfine >/dev/null 2>&1; then
    apt_install hyperfine || { note "hyperfine unavailable; timing with a shell loop"; timer=loop; }
  fi
}

# The generated client's transport is URLSession, and FoundationNetworking links libcurl: linked
# statically (--static-swift-stdlib) the linker needs `-lcurl`, which only libcurl's development
# package provides (Debian's runtime package libcurl4 has no libcurl.so). Without it the drain
# bench fails with "undefined reference to curl_multi_setopt".
bench_networking_tools() {
  [ ${#link_flags[@]} -eq 0 ] && return 0
  pkg-config --exists libcurl 2>/dev/null || apt_install libcurl4-openssl-dev \
    || die "could not install libcurl4-openssl-dev (FoundationNetworking's static link needs libcurl)"
}

# ---------------------------------------------------------------- measuring
now_us() {  # sets now (microseconds; bash 5's EPOCHREALTIME, which needs no process)
  if [ -n "${EPOCHREALTIME:-}" ]; then now=${EPOCHREALTIME/[.,]/}; else now=$(( $(date +%s%N) / 1000 )); fi
}
# children_cpu_us: sets cpu_now, the user + system time of this shell's finished children
# (the second line of the `times` builtin, run in this shell rather than in a subshell).
children_cpu_us() {
  local u s
  times >"$tmp/times.txt"
  { read -r _ _; read -r u s; } <"$tmp/times.txt"
  duration_us "$u"; cpu_now=$duration
  duration_us "$s"; cpu_now=$((cpu_now + duration))
}
duration_us() {  # sets duration: 1m2.345s → 62345000
  local m=${1%%m*} sec=${1#*m} whole frac
  sec=${sec%s}
  whole=${sec%[.,]*} frac=${sec#*[.,]}000000
  duration=$(( m * 60000000 + 10#$whole * 1000000 + 10#${frac:0:6} ))
}

# measure [--prepare 'CMD ARGS'] [--runs N] [--warmup N] -- CMD ARGS...
# Runs CMD (no shell; output discarded; a non-zero exit is tolerated: each command is run once
# and checked before it is timed) and sets med_ms, min_ms, max_ms (wall clock) and cpu_ms (mean
# user + system time of one run). The prepare command runs before every run, untimed.
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
    # command,mean,stddev,median,user,system,min,max (seconds; user and system are means)
    read -r med_ms min_ms max_ms cpu_ms < <(awk -F, 'NR == 2 {
      printf "%.1f %.1f %.1f %.1f\n", $4 * 1000, $7 * 1000, $8 * 1000, ($5 + $6) * 1000 }' "$csv")
  else
    local i t0 t1 c0 c1 cpu_us=0 times=()
    for ((i = 0; i < warmup + n; i++)); do
      [ -n "$prepare" ] && { eval "$prepare" >/dev/null 2>&1 || true; }
      children_cpu_us; c0=$cpu_now
      now_us; t0=$now
      "$@" >/dev/null 2>&1 || true
      now_us; t1=$now
      children_cpu_us; c1=$cpu_now
      if [ "$i" -ge "$warmup" ]; then times+=($((t1 - t0))); cpu_us=$((cpu_us + c1 - c0)); fi
    done
    read -r med_ms min_ms max_ms < <(printf '%s\n' "${times[@]}" | sort -n | awk '
      { t[NR] = $1 }
      END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
            printf "%.1f %.1f %.1f\n", m / 1e3, t[1] / 1e3, t[NR] / 1e3 }')
    cpu_ms=$(awk -v c="$cpu_us" -v n="$n" 'BEGIN { printf "%.1f", c / n / 1e3 }')
  fi
}
# peak_mb CMD ARGS...: runs CMD once under GNU time; sets peak_mb and peak_rc (its exit status);
# its output is in $tmp/peak.out and $tmp/peak.err.
peak_mb() {
  peak_rc=0
  /usr/bin/time -f %M -o "$tmp/time.txt" "$@" >"$tmp/peak.out" 2>"$tmp/peak.err" || peak_rc=$?
  peak_mb=$(awk 'END { printf "%.1f", $1 / 1024 }' "$tmp/time.txt")
  [ -n "$peak_mb" ] || die "could not read the peak memory of $*"
}
