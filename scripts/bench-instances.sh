#!/usr/bin/env bash
# How many service instances one PostgreSQL serves. Starts the release server on a fresh
# PostgreSQL database with the demo data, drives it at full speed with hey for BENCH_SECONDS
# (the demo programme's pairs list, which reads eight tables and writes an audit entry, and
# /api/v1/me), and reads from /proc the CPU time spent meanwhile by the service and by the
# PostgreSQL backends serving its connections. When CPU is what runs out, a PostgreSQL machine
# the size of an instance's machine serves about service CPU / PostgreSQL CPU instances; the
# connections give the other bound, max_connections / NASTAVNIK_DB_POOL_SIZE. It measures and
# prints; it asserts nothing.
#
#   scripts/test-postgres.sh scripts/bench-instances.sh     (make bench runs it so)
#
# BENCH_SECONDS (15), BENCH_CONNECTIONS (32), NASTAVNIK_BIN (target/release/nastavnik).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib.sh
source "$root/scripts/lib.sh"

bin=${NASTAVNIK_BIN:-$root/target/release/nastavnik}
seconds=${BENCH_SECONDS:-15}
connections=${BENCH_CONNECTIONS:-32}
server=${TEST_DATABASE_URL:?run under scripts/test-postgres.sh, which provides a PostgreSQL server}
database=nastavnik_instances_bench
url_db="${server%/*}/$database"

die() {
  echo "bench-instances: $*" >&2
  exit 1
}
[[ -x $bin ]] || die "$bin is missing; build it first: cargo build --release -p nastavnik"
for tool in hey psql python3; do command -v "$tool" >/dev/null || die "$tool is missing"; done

data=$(mktemp -d "${TMPDIR:-/tmp}/nastavnik-instances.XXXXXX")
log=$data/server.log
pid=""
# shellcheck disable=SC2317 # called by the trap
cleanup() {
  if [[ -n $pid ]]; then stop_process "$pid"; fi
  psql -q "$server" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap cleanup EXIT

export PGOPTIONS="-c client_min_messages=warning" # no NOTICE when there is nothing to drop
psql -q "$server" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null
psql -q "$server" -c "CREATE DATABASE $database" >/dev/null
port=$(free_port)
url=http://127.0.0.1:$port
pool=${NASTAVNIK_DB_POOL_SIZE:-8} # the service's default on PostgreSQL
DATABASE_URL=$url_db NASTAVNIK_DB_POOL_SIZE=$pool NASTAVNIK_DATA_DIR="$data" NASTAVNIK_LOG=warn \
  NASTAVNIK_PUBLIC_REQUESTS_PER_MINUTE=0 "$bin" serve --demo --bind "127.0.0.1:$port" >"$log" 2>&1 &
pid=$!
wait_ready "$url/readyz" "$pid" "$log" 120

token=$(demo_token "$url") || die "no demo token"
fixtures=$(python3 "$root/scripts/bench-fixtures.py" "$url" "$token") || die "could not find the demo programme"
eval "$fixtures"
# shellcheck disable=SC2154 # programme comes from the eval
list_url="$url/api/v1/programs/$programme/pairs?limit=50"

# cpu_ticks PID...: user + system CPU time of these processes, in clock ticks.
cpu_ticks() {
  local total=0 p fields
  for p in "$@"; do
    [[ -r /proc/$p/stat ]] || continue
    # The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    fields=$(sed 's/^.*) //' "/proc/$p/stat")
    read -r -a f <<<"$fields"
    total=$((total + f[11] + f[12]))
  done
  echo "$total"
}

# Warm up so the pool has opened its connections, then find the backends that serve them.
hey -z 3s -c "$connections" -H "Authorization: Bearer $token" "$list_url" >/dev/null
mapfile -t backends < <(psql -Atq "$server" -c "SELECT pid FROM pg_stat_activity WHERE datname = '$database' AND pid <> pg_backend_pid()")
((${#backends[@]})) || die "no PostgreSQL backends found for $database"

service_before=$(cpu_ticks "$pid")
pg_before=$(cpu_ticks "${backends[@]}")
list=$(hey -z "${seconds}s" -c "$connections" -H "Authorization: Bearer $token" "$list_url" &
  hey -z "${seconds}s" -c 4 -H "Authorization: Bearer $token" "$url/api/v1/me" >/dev/null
  wait)
service_ticks=$(($(cpu_ticks "$pid") - service_before))
pg_ticks=$(($(cpu_ticks "${backends[@]}") - pg_before))
rps=$(awk '/Requests\/sec:/ { print $2; exit }' <<<"$list")
max_connections=$(psql -Atq "$server" -c 'SHOW max_connections')

echo "one instance on PostgreSQL, ${seconds} s at full speed, $connections connections on the pairs list:"
echo "  pairs list: $rps req/s"
echo "  CPU: service $service_ticks ticks, its $((${#backends[@]})) PostgreSQL backends $pg_ticks ticks"
python3 - "$service_ticks" "$pg_ticks" "$max_connections" "$pool" <<'EOF'
import sys
service, pg, max_conn, pool = (int(a) for a in sys.argv[1:])
by_cpu = service / pg if pg else float("inf")
print(f"  instances one PostgreSQL of the same size serves before its CPU runs out: {by_cpu:.1f}")
print(f"  instances its connections allow: {max_conn} max_connections / {pool} per pool = {max_conn // pool}")
EOF
