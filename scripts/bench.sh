#!/usr/bin/env bash
# Load figures for the release server on a fresh SQLite database with the demo data, driven from
# other processes over loopback and printed in one run, with the goals beside them at the end:
#   1. requests/s of GET /healthz, of an authenticated GET /api/v1/me and of two authenticated
#      lists, each for BENCH_SECONDS with wrk in BENCH_ROUNDS rounds, as the median round's ratio
#      to /healthz (the range of the rounds beside it): the demo programme's pairs
#      (ten tables read, the children's names shown, so every read writes its audit entries) and
#      the demo school's programmes (no child's record, so no audit entry);
#   2. the list's p50 and p99 at a fixed BENCH_RATE, requests evenly spaced (wrk, scripts/paced.lua);
#   3. a write-heavy mix at a fixed BENCH_WRITE_RATE: half meetings logged by the curator, half
#      survey answers saved through a one-time link; p99 of the whole mix and of each half;
#   4. a soak of BENCH_SOAK_SECONDS at a fixed BENCH_SOAK_RATE (90 % list reads, 5 % meetings, 5 %
#      survey answers): the server's RSS every 10 s and the error count;
#   5. the server's peak RSS (VmHWM) over all of it.
# It measures, it asserts nothing. Quote ratios rather than absolute figures: the machines are
# shared and noisy, and runs in one go share the same noise. Errors (connection failures and
# non-2xx answers) are counted next to each figure: a figure with errors is no figure.
#
#   scripts/bench.sh                          (make bench builds the release binary first)
#   BENCH_SOAK_SECONDS=60 scripts/bench.sh    a quick look; 0 skips the soak
#
# BENCH_SECONDS (10), BENCH_ROUNDS (5), BENCH_CONNECTIONS (32, wrk), BENCH_RATE (1000), BENCH_WRITE_RATE (200),
# BENCH_SOAK_SECONDS (600), BENCH_SOAK_RATE (100), NASTAVNIK_BIN (target/release/nastavnik),
# BENCH_ARENAS (default: glibc's own number of malloc arenas instead of the 2 the Dockerfile sets).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib.sh
source "$root/scripts/lib.sh"

bin=${NASTAVNIK_BIN:-$root/target/release/nastavnik}
seconds=${BENCH_SECONDS:-10}
connections=${BENCH_CONNECTIONS:-32}
rate=${BENCH_RATE:-1000}
write_rate=${BENCH_WRITE_RATE:-200}
soak_seconds=${BENCH_SOAK_SECONDS:-600}
soak_rate=${BENCH_SOAK_RATE:-100}

die() {
  echo "bench: $*" >&2
  exit 1
}

[[ -x $bin ]] || die "$bin is missing; build it first: cargo build --release -p nastavnik"
command -v python3 >/dev/null || die "python3 is needed to read the demo data"
# wrk measures throughput, and a fixed rate with scripts/paced.lua; hey holds the write mix's rates.
for tool in wrk hey; do
  command -v "$tool" >/dev/null && continue
  if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null; then
    die "$tool is missing; install it (Debian: apt-get install wrk hey)"
  fi
  echo "bench: installing $tool from Debian" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$tool" >/dev/null ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$tool" >/dev/null; } ||
    die "could not install $tool"
done

data=$(mktemp -d "${TMPDIR:-/tmp}/nastavnik-bench.XXXXXX")
log=$data/server.log
pid=""
# shellcheck disable=SC2317 # called by the trap
cleanup() {
  if [[ -n $pid ]]; then stop_process "$pid"; fi
  rm -rf "$data"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port=$(free_port)
url=http://127.0.0.1:$port
# Request logging at `info` would put a log write in every request; the figures should measure the
# service, so logs stay at `warn` unless NASTAVNIK_LOG says otherwise. The token lives through the soak.
# The survey answers of the write mix come from one address: the public pages' per-address quota is off.
# glibc's arenas as the Dockerfile and `make run` set them; BENCH_ARENAS=default measures glibc's own.
arenas=(MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}")
[[ ${BENCH_ARENAS:-} == default ]] && arenas=(-u MALLOC_ARENA_MAX)
env -u DATABASE_URL "${arenas[@]}" \
  NASTAVNIK_DATA_DIR="$data" \
  NASTAVNIK_LOG="${NASTAVNIK_LOG:-warn}" \
  NASTAVNIK_ACCESS_TOKEN_TTL_SECONDS=86400 \
  NASTAVNIK_PUBLIC_REQUESTS_PER_MINUTE=0 \
  "$bin" serve --demo --bind "127.0.0.1:$port" >"$log" 2>&1 &
pid=$!
wait_ready "$url/readyz" "$pid" "$log" 60

token=$(demo_token "$url") || die "no demo token"
auth="Authorization: Bearer $token"
fixtures=$(python3 "$root/scripts/bench-fixtures.py" "$url" "$token") || die "could not find the demo programme, pair and survey"
eval "$fixtures"
# shellcheck disable=SC2154 # school, programme, pair, survey_token, soak_survey_token, meeting_body, answer_body come from the eval
list_url="$url/api/v1/programs/$programme/pairs?limit=50"
programmes_url="$url/api/v1/schools/$school/programs"
meeting_url="$url/api/v1/pairs/$pair/meetings"
answer_url="$url/api/v1/public/survey-links/$survey_token/response"
soak_answer_url="$url/api/v1/public/survey-links/$soak_survey_token/response"
curl -fsS -o /dev/null -H "$auth" "$list_url" || die "GET $list_url with the demo token failed"

# throughput SECONDS URL [HEADER]: wrk drives URL; shows its report, prints requests/s last.
throughput() {
  local duration=$1 target=$2 header=() out
  [[ -n ${3:-} ]] && header=(-H "$3")
  out=$(wrk -t 2 -c "$connections" -d "${duration}s" "${header[@]}" "$target")
  echo "$out" >&2
  if grep -Eq 'Non-2xx|Socket errors' <<<"$out"; then
    echo "bench: warning: some requests to $target failed or were not 2xx" >&2
  fi
  awk '/Requests\/sec:/ { print $2; exit }' <<<"$out"
}

# wrk_quantile P WRK_REPORT: the P-th percentile of a `wrk --latency` report, in ms.
wrk_quantile() {
  awk -v p="$1%" '$1 == p {
    v = $2; unit = v; sub(/^[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
    printf "%.1f", (unit == "us" ? v / 1000 : unit == "s" ? v * 1000 : unit == "m" ? v * 60000 : v); exit
  }' <<<"$2"
}

# wrk_errors WRK_REPORT: non-2xx/3xx answers plus socket errors (connect, read, write, timeout).
wrk_errors() {
  awk '/Non-2xx or 3xx responses:/ { n += $NF }
       /Socket errors:/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) n += $i }
       END { print n + 0 }' <<<"$1"
}

# quantile Q CSV...: the Q-th quantile (0–1) of hey's response times in CSV files, in ms.
quantile() {
  local q=$1
  shift
  tail -q -n +2 "$@" | cut -d, -f1 | sort -g |
    awk -v q="$q" '{ t[NR] = $1 } END { if (NR == 0) { print "n/a"; exit } i = int(NR * q + 0.999999); if (i < 1) i = 1; printf "%.1f", t[i] * 1000 }'
}

# csv_errors EXPECTED CSV...: requests hey sent without an answer (absent from its CSV) plus non-2xx.
csv_errors() {
  local expected=$1
  shift
  tail -q -n +2 "$@" | awk -F, -v n="$expected" '{ rows++ } $7 !~ /^2/ { bad++ } END { print n - rows + bad }'
}

# paced OUT TOTAL_RATE SECONDS WORKERS [hey args...] URL: hey at a fixed rate in the background,
# CSV to OUT; prints the number of requests it will send. Sets $! to hey.
paced_count() {
  awk -v r="$1" -v s="$2" -v w="$3" 'BEGIN { per = int(r * s / w + 0.5); if (per < 1) per = 1; print per * w }'
}
paced() {
  local out=$1 total_rate=$2 secs=$3 workers=$4
  shift 4
  local n
  n=$(paced_count "$total_rate" "$secs" "$workers")
  hey -n "$n" -c "$workers" -q "$(awk -v r="$total_rate" -v w="$workers" 'BEGIN { print r / w }')" -o csv "$@" >"$out" 2>/dev/null &
}

rss_mib() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status"; }
now() { date +%s.%N; }

echo "bench: server pid $pid at $url; programme $programme, pair $pair" >&2
# The ratios come from rounds: in each, /healthz and then each authenticated read for a share of
# BENCH_SECONDS. These machines drift by a fifth within a minute, so a list measured ten seconds
# after /healthz was measured on another machine, in effect; a round's two figures share its
# moment. The median round is reported, with the range beside it.
rounds=${BENCH_ROUNDS:-5}
round_seconds=$(awk -v s="$seconds" -v r="$rounds" 'BEGIN { t = int(s / r + 0.5); print (t < 1 ? 1 : t) }')
echo "--- throughput: wrk, $connections connections, $rounds rounds of ${round_seconds}s per request" >&2
declare -A rps ratios
for ((r = 1; r <= rounds; r++)); do
  echo "--- round $r: GET /healthz" >&2
  h=$(throughput "$round_seconds" "$url/healthz")
  rps[healthz]+="$h "
  for name in me list programmes; do
    case $name in
      me) target=$url/api/v1/me ;;
      list) target=$list_url ;;
      programmes) target=$programmes_url ;;
    esac
    echo "--- round $r: GET ${target#"$url"} (authenticated)" >&2
    x=$(throughput "$round_seconds" "$target" "$auth")
    rps[$name]+="$x "
    ratios[$name]+="$(awk -v a="$x" -v h="$h" 'BEGIN { printf "%.3f", (h > 0 ? a / h : 0) }') "
  done
done
# median WORDS...: the middle value (the lower of the two middle ones for an even count).
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# spread WORDS...: "MIN to MAX".
spread() { printf '%s\n' "$@" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s to %s", lo, hi }'; }
# shellcheck disable=SC2086 # word lists, split on purpose
{
  healthz=$(median ${rps[healthz]})
  me=$(median ${rps[me]}) ratio_me=$(median ${ratios[me]}) spread_me=$(spread ${ratios[me]})
  list=$(median ${rps[list]}) ratio_list=$(median ${ratios[list]}) spread_list=$(spread ${ratios[list]})
  programmes=$(median ${rps[programmes]}) ratio_programmes=$(median ${ratios[programmes]}) spread_programmes=$(spread ${ratios[programmes]})
}

echo "--- the list at a fixed ${rate} req/s, evenly spaced (wrk with scripts/paced.lua), gzip accepted as browsers do, ${seconds}s" >&2
fixed=$(PACED_RATE_PER_THREAD=$(awk -v r="$rate" 'BEGIN { print r / 2 }') \
  wrk -t 2 -c 20 -d "${seconds}s" --latency -s "$root/scripts/paced.lua" -H "$auth" -H "Accept-Encoding: gzip" "$list_url")
echo "$fixed" >&2
fixed_p50=$(wrk_quantile 50 "$fixed")
fixed_p99=$(wrk_quantile 99 "$fixed")
fixed_rps=$(awk '/Requests\/sec:/ { printf "%.0f", $2 }' <<<"$fixed")
fixed_errors=$(wrk_errors "$fixed")

echo "--- write mix at a fixed ${write_rate} req/s for ${seconds}s: meetings and survey answers" >&2
half=$(awk -v r="$write_rate" 'BEGIN { print r / 2 }')
started=$(now)
paced "$data/meetings.csv" "$half" "$seconds" 4 -m POST -T application/json -H "$auth" -d "$meeting_body" "$meeting_url"
meetings_pid=$!
paced "$data/answers.csv" "$half" "$seconds" 4 -m POST -T application/json -d "$answer_body" "$answer_url"
answers_pid=$!
wait "$meetings_pid" "$answers_pid"
elapsed=$(awk -v a="$started" -v b="$(now)" 'BEGIN { print b - a }')
mix_sent=$((2 * $(paced_count "$half" "$seconds" 4)))
mix_rps=$(awk -v n="$mix_sent" -v t="$elapsed" 'BEGIN { printf "%.0f", n / t }')
mix_p50=$(quantile 0.50 "$data/meetings.csv" "$data/answers.csv")
mix_p99=$(quantile 0.99 "$data/meetings.csv" "$data/answers.csv")
meetings_p99=$(quantile 0.99 "$data/meetings.csv")
answers_p99=$(quantile 0.99 "$data/answers.csv")
mix_errors=$(csv_errors "$mix_sent" "$data/meetings.csv" "$data/answers.csv")
echo "sent $mix_sent in ${elapsed}s; p50 $mix_p50 ms, p99 $mix_p99 ms (meetings $meetings_p99, answers $answers_p99); errors $mix_errors" >&2

soak_line="skipped (BENCH_SOAK_SECONDS=0)"
soak_errors=0
if ((soak_seconds > 0)); then
  echo "--- soak: ${soak_rate} req/s for ${soak_seconds}s (90 % list, 5 % meetings, 5 % answers); RSS every 10 s" >&2
  reads=$(awk -v r="$soak_rate" 'BEGIN { print r * 0.9 }')
  writes=$(awk -v r="$soak_rate" 'BEGIN { print r * 0.05 }')
  paced "$data/soak-reads.csv" "$reads" "$soak_seconds" 5 -H "$auth" "$list_url"
  soak_pids=($!)
  paced "$data/soak-meetings.csv" "$writes" "$soak_seconds" 1 -m POST -T application/json -H "$auth" -d "$meeting_body" "$meeting_url"
  soak_pids+=($!)
  paced "$data/soak-answers.csv" "$writes" "$soak_seconds" 1 -m POST -T application/json -d "$answer_body" "$soak_answer_url"
  soak_pids+=($!)
  series=("$(rss_mib)")
  while kill -0 "${soak_pids[@]}" 2>/dev/null; do
    sleep 10
    series+=("$(rss_mib)")
    echo "soak: ${#series[@]} samples, RSS ${series[-1]} MiB" >&2
  done
  wait "${soak_pids[@]}"
  soak_sent=$(($(paced_count "$reads" "$soak_seconds" 5) + 2 * $(paced_count "$writes" "$soak_seconds" 1)))
  soak_errors=$(csv_errors "$soak_sent" "$data"/soak-*.csv)
  soak_p99=$(quantile 0.99 "$data"/soak-*.csv)
  echo "soak RSS series (MiB, every 10 s): ${series[*]}"
  soak_line=$(printf '%s requests, %s errors, p99 %s ms; RSS %s → %s MiB (min %s, max %s)' "$soak_sent" "$soak_errors" "$soak_p99" "${series[0]}" "${series[-1]}" \
    "$(printf '%s\n' "${series[@]}" | sort -g | head -n 1)" "$(printf '%s\n' "${series[@]}" | sort -g | tail -n 1)")
fi
peak_rss_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")

verdict() { if awk "BEGIN { exit !($1) }"; then echo "met"; else echo "MISSED"; fi; }
peak_mib=$(awk -v kb="$peak_rss_kb" 'BEGIN { printf "%.1f", kb / 1024 }')

echo
echo "=== load figures: release server, SQLite, loopback (wrk for throughput and the list's fixed rate, hey for the write mix) ==="
printf '%-44s %-46s %s\n' "figure" "measured" "goal"
printf '%-44s %-46s %s\n' "GET /healthz (median of $rounds rounds)" "$healthz req/s" ""
printf '%-44s %-46s %s\n' "GET /api/v1/me (auth)" "$me req/s, ratio $ratio_me ($spread_me)" ""
printf '%-44s %-46s %s\n' "GET programme's pairs list (auth, audited)" "$list req/s, ratio $ratio_list ($spread_list)" "ratio ≥ 0.3: $(verdict "$ratio_list >= 0.3")"
printf '%-44s %-46s %s\n' "GET school's programmes list (auth)" "$programmes req/s, ratio $ratio_programmes ($spread_programmes)" "ratio ≥ 0.3: $(verdict "$ratio_programmes >= 0.3")"
printf '%-44s %-46s %s\n' "pairs list at ${rate} req/s (got $fixed_rps)" "p50 $fixed_p50 ms, p99 $fixed_p99 ms, $fixed_errors errors" \
  "p99 ≤ 10 ms: $(verdict "$fixed_p99 <= 10 && $fixed_errors == 0")"
printf '%-44s %-46s %s\n' "write mix at ${write_rate} req/s (got $mix_rps)" "p50 $mix_p50 ms, p99 $mix_p99 ms, $mix_errors errors" "(meetings p99 $meetings_p99 ms, answers p99 $answers_p99 ms)"
printf '%-44s %-46s %s\n' "soak ${soak_seconds}s at ${soak_rate} req/s" "$soak_line" "flat memory, 0 errors"
printf '%-44s %-46s %s\n' "server peak RSS (VmHWM)" "$peak_mib MiB" "≤ 100 MB: $(verdict "$peak_rss_kb * 1024 <= 100000000")"
