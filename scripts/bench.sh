#!/usr/bin/env bash
# Load figures for the release server on a fresh SQLite database with demo data: requests/s of
# GET /healthz and of an authenticated GET /api/v1/me, each for BENCH_SECONDS over loopback, their
# ratio, and the server's peak RSS. It measures, it asserts nothing. Quote the ratio rather than
# the absolute figures: the machines are shared and noisy, and both runs share the same noise.
#
#   scripts/bench.sh      (make bench builds the release binary first)
#
# BENCH_SECONDS (10), BENCH_CONNECTIONS (32), NASTAVNIK_BIN (target/release/nastavnik).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib.sh
source "$root/scripts/lib.sh"

bin=${NASTAVNIK_BIN:-$root/target/release/nastavnik}
seconds=${BENCH_SECONDS:-10}
connections=${BENCH_CONNECTIONS:-32}
demo_login='{"email":"admin@demo.nastavnik.ru","password":"demo-password-2026"}'

die() {
  echo "bench: $*" >&2
  exit 1
}

[[ -x $bin ]] || die "$bin is missing; build it first: cargo build --release -p nastavnik"

tool=""
for candidate in oha wrk hey; do
  if command -v "$candidate" >/dev/null; then
    tool=$candidate
    break
  fi
done
if [[ -z $tool ]]; then
  if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null; then
    die "no load generator found; install one of oha, wrk, hey (Debian: apt-get install wrk)"
  fi
  echo "bench: installing wrk from Debian"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null; } ||
    die "could not install wrk"
  tool=wrk
fi

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
# service, so logs stay at `warn` unless NASTAVNIK_LOG says otherwise.
env -u DATABASE_URL \
  NASTAVNIK_DATA_DIR="$data" \
  NASTAVNIK_LOG="${NASTAVNIK_LOG:-warn}" \
  "$bin" serve --demo --bind "127.0.0.1:$port" >"$log" 2>&1 &
pid=$!
wait_ready "$url/readyz" "$pid" "$log" 60

response=$(curl -fsS -H 'Content-Type: application/json' -d "$demo_login" "$url/api/v1/auth/login") ||
  die "demo login failed"
token=$(sed -n 's/.*"access_token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' <<<"$response")
[[ -n $token ]] || die "no access_token in the login response: $response"
auth="Authorization: Bearer $token"
curl -fsS -o /dev/null -H "$auth" "$url/api/v1/me" || die "GET /api/v1/me with the demo token failed"

# load URL [HEADER]: drives URL for $seconds, shows the tool's report, prints requests/s last.
load() {
  local target=$1 header=() out
  [[ -n ${2:-} ]] && header=(-H "$2")
  case $tool in
    oha) out=$(oha --no-tui -z "${seconds}s" -c "$connections" "${header[@]}" "$target") ;;
    wrk) out=$(wrk -t 2 -c "$connections" -d "${seconds}s" "${header[@]}" "$target") ;;
    hey) out=$(hey -z "${seconds}s" -c "$connections" "${header[@]}" "$target") ;;
  esac
  echo "$out" >&2
  # A figure that counts errors is no figure: say so next to it.
  if grep -Eq 'Non-2xx|^[[:space:]]*\[[345][0-9][0-9]\]' <<<"$out"; then
    echo "bench: warning: some responses to $target were not 2xx" >&2
  fi
  awk '/Requests\/sec:/ { print $2; exit }' <<<"$out"
}

echo "bench: $tool, $connections connections, ${seconds}s per endpoint, server pid $pid at $url" >&2
echo "--- GET /healthz" >&2
healthz=$(load "$url/healthz")
echo "--- GET /api/v1/me (authenticated)" >&2
me=$(load "$url/api/v1/me" "$auth")
peak_rss_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")

echo
echo "GET /healthz            ${healthz} req/s"
echo "GET /api/v1/me (auth)   ${me} req/s"
awk -v me="$me" -v h="$healthz" 'BEGIN { if (h > 0) printf "ratio me/healthz       %.3f\n", me / h }'
awk -v kb="$peak_rss_kb" 'BEGIN { printf "server peak RSS        %.1f MiB (VmHWM)\n", kb / 1024 }'
