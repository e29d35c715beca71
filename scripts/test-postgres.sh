#!/usr/bin/env bash
# Provides a PostgreSQL server for the `on_postgres` tests through TEST_DATABASE_URL.
#
#   scripts/test-postgres.sh CMD [ARGS...]   runs CMD with TEST_DATABASE_URL set, exits with its code
#   source scripts/test-postgres.sh          sets TEST_DATABASE_URL in the current shell
#
# The server, first that applies:
#   1. TEST_DATABASE_URL as already set;
#   2. a server on 127.0.0.1:5432 that lets user `postgres` in without a password;
#   3. a throwaway cluster in a temp dir on a free loopback port, stopped and removed on exit.
# NASTAVNIK_TEST_PG=throwaway skips 1 and 2: to test this script, or to keep tests off a shared server.
# The tests create a database each, so the URL names only the server (database `postgres`).
#
# When sourced, a throwaway cluster lives until the sourcing shell exits: it is stopped by an EXIT
# trap, which replaces any EXIT trap the caller had set before. Sourcing sets no shell options.

_tpg_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/lib.sh
source "$_tpg_here/lib.sh"

_tpg_dir=""   # the throwaway cluster's temp dir, once created
_tpg_bin=""   # its PostgreSQL bin dir
_tpg_as=()    # how to run its binaries: PostgreSQL refuses to run as root

_tpg_log() { echo "test-postgres: $*" >&2; }

# The newest Debian server binaries (sort -V: 9 < 10 < 15), else whatever initdb is on PATH.
_tpg_find_bin() {
  local newest
  newest=$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1 || true)
  if [[ -z $newest ]]; then
    newest=$(command -v initdb) || return 1
  fi
  dirname "$newest"
}

_tpg_local_server_accepts() {
  command -v psql >/dev/null || return 1
  PGCONNECT_TIMEOUT=3 psql -w -h 127.0.0.1 -p 5432 -U postgres -d postgres -Atqc 'select 1' \
    >/dev/null 2>&1
}

_tpg_start_throwaway() {
  local port
  _tpg_bin=$(_tpg_find_bin) || {
    _tpg_log "no PostgreSQL server binaries (initdb) found; install them: apt-get install -y postgresql"
    return 1
  }
  _tpg_dir=$(mktemp -d "${TMPDIR:-/tmp}/nastavnik-pg.XXXXXX") || return 1
  if [[ $(id -u) == 0 ]]; then
    _tpg_as=(runuser -u postgres --)
    chown postgres: "$_tpg_dir" || return 1
  fi
  # Run from the temp dir: the postgres user may not be allowed into the caller's directory.
  (cd "$_tpg_dir" &&
    "${_tpg_as[@]}" mkdir socket &&
    "${_tpg_as[@]}" "$_tpg_bin/initdb" -D data -U postgres -A trust -E UTF8 --no-locale --no-sync \
      >initdb.log 2>&1) || {
    _tpg_log "initdb failed:"
    cat "$_tpg_dir/initdb.log" >&2
    return 1
  }
  port=$(free_port) || return 1
  # Loopback only, its own socket dir (no clash with a system server's /var/run/postgresql), and
  # no fsync: the data is thrown away, durability only costs time. More connections than the
  # default 100, since every parallel test opens its own pool.
  (cd "$_tpg_dir" && "${_tpg_as[@]}" "$_tpg_bin/pg_ctl" -D data -l server.log -w -t 60 -o \
    "-c listen_addresses=127.0.0.1 -p $port -k $_tpg_dir/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null) || {
    _tpg_log "the throwaway cluster did not start; its log:"
    tail -n 30 "$_tpg_dir/server.log" >&2
    return 1
  }
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
  _tpg_log "using a throwaway PostgreSQL cluster ($_tpg_bin) at 127.0.0.1:$port in $_tpg_dir"
}

_tpg_cleanup() {
  [[ -n $_tpg_dir ]] || return 0
  if [[ -f $_tpg_dir/data/postmaster.pid ]]; then
    (cd "$_tpg_dir" && "${_tpg_as[@]}" "$_tpg_bin/pg_ctl" -D data -m immediate -w stop >/dev/null 2>&1)
  fi
  rm -rf "$_tpg_dir"
  _tpg_dir=""
}

_tpg_setup() {
  local mode=${NASTAVNIK_TEST_PG:-auto}
  case $mode in
    auto | throwaway) ;;
    *)
      _tpg_log "NASTAVNIK_TEST_PG must be 'auto' or 'throwaway', not '$mode'"
      return 1
      ;;
  esac
  if [[ $mode == auto && -n ${TEST_DATABASE_URL:-} ]]; then
    _tpg_log "using TEST_DATABASE_URL from the environment"
    return 0
  fi
  if [[ $mode == auto ]] && _tpg_local_server_accepts; then
    export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres"
    _tpg_log "using the PostgreSQL server on 127.0.0.1:5432"
    return 0
  fi
  _tpg_start_throwaway
}

if [[ ${BASH_SOURCE[0]} != "$0" ]]; then
  # Sourced: no INT/TERM traps here, they would change how the caller's shell reacts to Ctrl-C.
  trap _tpg_cleanup EXIT
  _tpg_setup || {
    _tpg_cleanup
    return 1
  }
  return 0
fi

set -euo pipefail
if (($# == 0)); then
  echo "usage: $0 CMD [ARGS...]   (or: source $0)" >&2
  exit 2
fi
trap _tpg_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
_tpg_setup
status=0
"$@" || status=$?
exit "$status"
