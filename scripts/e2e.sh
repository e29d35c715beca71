#!/usr/bin/env bash
# Runs the SPA's browser journeys against the real server: the debug binary and the built SPA,
# on a fresh SQLite database with demo data. Builds nothing: `make test` builds both before.
#
#   scripts/e2e.sh        exits with the journeys' exit code
#
# NASTAVNIK_BIN overrides the binary (default target/debug/nastavnik).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib.sh
source "$root/scripts/lib.sh"

bin=${NASTAVNIK_BIN:-$root/target/debug/nastavnik}
dist=$root/frontend/dist
[[ -x $bin ]] || { echo "e2e: $bin is missing; build it first: cargo build -p nastavnik" >&2; exit 1; }
[[ -f $dist/index.html ]] || { echo "e2e: $dist is not built; build it first: make frontend" >&2; exit 1; }

data=$(mktemp -d "${TMPDIR:-/tmp}/nastavnik-e2e.XXXXXX")
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
# The embedded SQLite default: DATABASE_URL unset, the database file inside the fresh data dir.
env -u DATABASE_URL \
  NASTAVNIK_DATA_DIR="$data" \
  NASTAVNIK_STATIC_DIR="$dist" \
  "$bin" serve --demo --bind "127.0.0.1:$port" >"$log" 2>&1 &
pid=$!
echo "e2e: server pid $pid at $url, data in $data"
wait_ready "$url/readyz" "$pid" "$log" 60

status=0
NASTAVNIK_E2E_URL=$url npm --prefix "$root/frontend" run e2e || status=$?
if ((status != 0)); then
  echo "e2e: journeys failed (exit $status); last lines of the server log:" >&2
  tail -n 40 "$log" >&2
fi
exit "$status"
