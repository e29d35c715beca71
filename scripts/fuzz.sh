#!/usr/bin/env bash
# Fuzzes the API from its own spec: schemathesis generates requests for every operation of
# openapi.yaml (valid and invalid ones) and checks each answer against the spec: no 5xx, a
# documented status code, and the documented content type, body schema and headers.
# Runs once per demo role, each on a fresh server with a fresh SQLite database of demo data,
# authenticated as that role, so both the school's and the region's operations get past their
# access checks. Destructive operations run too: the database is thrown away afterwards.
#
#   scripts/fuzz.sh       (make fuzz builds the debug binary first)
#
# Prints the requests the server counted and the failures per role, then a closing
# "fuzz: N requests, M failures in S s"; exits non-zero on any failure or server error.
#
# FUZZ_MAX_EXAMPLES (30)   generated cases per operation in the fuzzing and stateful phases; 30
#                          gives over 20 000 requests in all; `make test` runs 5
# FUZZ_ROLES ("director iro")  demo accounts to fuzz as: the school's administrator and the
#                          regional institute; any of region iro director coordinator curator
#                          psychologist mentor mentee admin; `role:phases` gives one role its own
#                          phases (`make test`: "director iro:examples,fuzzing,stateful")
# FUZZ_PHASES (examples,coverage,fuzzing,stateful): the coverage phase walks each schema's
#                          boundaries and wrong types, about 7 000 requests whatever the examples;
# FUZZ_WORKERS (1): schemathesis' generation is Python under one lock, so more workers gain
#                          little, and CPython 3.11 can crash parsing in two threads at once;
# FUZZ_SEED (random), FUZZ_CHECKS (see below),
# FUZZ_REPORT_DIR (target/fuzz-report): JUnit and JSON reports and the server logs;
# FUZZ_POSTGRES_URL: fuzz on PostgreSQL instead of SQLite, in a fresh database per role on the
# server of this URL (e.g. postgres://postgres@127.0.0.1:5432/postgres; needs psql), dropped after;
# NASTAVNIK_BIN (target/debug/nastavnik): the debug build, because its overflow checks and debug
# assertions turn silent arithmetic mistakes into the 5xx this run looks for.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib.sh
source "$root/scripts/lib.sh"

bin=${NASTAVNIK_BIN:-$root/target/debug/nastavnik}
venv=$root/target/fuzz-venv
requirements=$root/scripts/fuzz-requirements.txt
max_examples=${FUZZ_MAX_EXAMPLES:-30}
read -r -a roles <<<"${FUZZ_ROLES:-director iro}"
phases=${FUZZ_PHASES:-examples,coverage,fuzzing,stateful}
workers=${FUZZ_WORKERS:-1}
seed=${FUZZ_SEED:-$RANDOM$RANDOM}
# The checks that say "the answer is what the spec promises": no 5xx, a documented status, the
# documented media type and body schema, the documented headers. schemathesis has others that
# judge its own guesses about meaning (e.g. that a case it built as invalid must be refused).
checks=${FUZZ_CHECKS:-not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance}
reports=${FUZZ_REPORT_DIR:-$root/target/fuzz-report}
password=demo-password-2026

die() {
  echo "fuzz: $*" >&2
  exit 1
}

[[ -x $bin ]] || die "$bin is missing; build it first: cargo build -p nastavnik"

# The venv is reused while it was installed from the current requirements file and still runs:
# a venv copied or moved with its target folder points at a python that is no longer there.
if ! cmp -s "$requirements" "$venv/requirements.txt" 2>/dev/null || ! "$venv/bin/st" --version >/dev/null 2>&1; then
  echo "fuzz: installing schemathesis into $venv"
  rm -rf "$venv"
  python3 -m venv "$venv" || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements" || die "pip install failed"
  cp "$requirements" "$venv/requirements.txt"
fi

rm -rf "${reports:?}"
mkdir -p "$reports"
data=""
pid=""
database_url=""
# shellcheck disable=SC2317 # called by the trap
cleanup() {
  if [[ -n $pid ]]; then stop_process "$pid"; fi
  if [[ -n $data ]]; then rm -rf "$data"; fi
  drop_database
}

# A fresh PostgreSQL database for one role when FUZZ_POSTGRES_URL is set; sets database_url.
create_database() {
  [[ -n ${FUZZ_POSTGRES_URL:-} ]] || return 0
  local name
  name=nastavnik_fuzz_$(date +%s)_$RANDOM
  psql -qAt "$FUZZ_POSTGRES_URL" -c "CREATE DATABASE $name" || die "cannot create database $name"
  database_url=${FUZZ_POSTGRES_URL%/*}/$name
}

drop_database() {
  [[ -n $database_url ]] || return 0
  psql -qAt "$FUZZ_POSTGRES_URL" -c "DROP DATABASE IF EXISTS ${database_url##*/} WITH (FORCE)" >/dev/null || true
  database_url=""
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# requests_counted URL: the requests the server has answered so far, by its own Prometheus
# counter, less the scrapes of /metrics; then how many of them were 5xx. Prints "TOTAL SERVER_ERRORS".
requests_counted() {
  curl -fsS "$1/metrics" | awk '
    /^nastavnik_http_requests_total\{/ && !/endpoint="\/metrics"/ {
      total += $NF
      if ($0 ~ /status="5[0-9][0-9]"/) errors += $NF
    }
    END { printf "%d %d\n", total, errors }'
}

# start_server LOG: a fresh server on a free port, demo data loaded; sets pid and url.
start_server() {
  local log=$1 port
  port=$(free_port)
  url=http://127.0.0.1:$port
  # The access token must outlive the run; the default 15 minutes would turn the end of a long
  # run into 401s. The log keeps errors only: every 5xx is logged as one, every 4xx as a warning.
  # The public pages' per-address quota is off, or most of their cases would meet a 429.
  env -u DATABASE_URL ${database_url:+DATABASE_URL="$database_url"} \
    NASTAVNIK_PUBLIC_REQUESTS_PER_MINUTE=0 \
    NASTAVNIK_DATA_DIR="$data" \
    NASTAVNIK_STATIC_DIR="$data/no-spa" \
    NASTAVNIK_ACCESS_TOKEN_TTL_SECONDS=86400 \
    NASTAVNIK_LOG="${NASTAVNIK_LOG:-error}" \
    "$bin" serve --demo --bind "127.0.0.1:$port" >"$log" 2>&1 &
  pid=$!
  wait_ready "$url/readyz" "$pid" "$log" 120
}

# login ROLE: prints an access token of ROLE's demo account.
login() {
  local body response token
  body=$(printf '{"email":"%s@demo.nastavnik.ru","password":"%s"}' "$1" "$password")
  response=$(curl -fsS -H 'Content-Type: application/json' -d "$body" "$url/api/v1/auth/login") ||
    die "login as $1 failed"
  token=$(sed -n 's/.*"access_token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' <<<"$response")
  [[ -n $token ]] || die "no access_token in the login response for $1"
  echo "$token"
}

started=$SECONDS
backend=SQLite
if [[ -n ${FUZZ_POSTGRES_URL:-} ]]; then backend=PostgreSQL; fi
total_requests=0
total_failures=0
echo "fuzz: schemathesis $("$venv/bin/st" --version | awk '{ print $NF }') on $backend, roles: ${roles[*]}, phases $phases, $max_examples examples, seed $seed"
for spec in "${roles[@]}"; do
  role=${spec%%:*}
  role_phases=$phases
  if [[ $spec == *:* ]]; then role_phases=${spec#*:}; fi
  data=$(mktemp -d "${TMPDIR:-/tmp}/nastavnik-fuzz.XXXXXX")
  log=$reports/server-$role.log
  create_database
  start_server "$log"
  token=$(login "$role")
  # The account's own user and memberships, which the hooks keep the run from changing.
  own=$(curl -fsS -H "Authorization: Bearer $token" "$url/api/v1/me" | "$venv/bin/python" -c '
import json, sys
me = json.load(sys.stdin)
print(" ".join(["users:%d" % me["id"]] + ["memberships:%d" % m["id"] for m in me["memberships"]]))') ||
    die "GET /api/v1/me as $role failed"
  read -r before _ < <(requests_counted "$url")
  echo "--- fuzzing as $role@demo.nastavnik.ru ($role_phases): server pid $pid at $url"

  status=0
  # From the reports folder, where schemathesis keeps its store of failures (`st replay ID` there).
  (cd "$reports" && FUZZ_OWN=$own PYTHONPATH="$root/scripts${PYTHONPATH:+:$PYTHONPATH}" SCHEMATHESIS_HOOKS=fuzz_hooks \
    "$venv/bin/st" run "$root/openapi.yaml" \
    --url "$url" \
    --header "Authorization: Bearer $token" \
    --checks "$checks" \
    --phases "$role_phases" \
    --max-examples "$max_examples" \
    --workers "$workers" \
    --seed "$seed" \
    --request-timeout 30 \
    --generation-database none \
    --no-color \
    --report junit,json \
    --report-junit-path "$reports/$role.junit.xml" \
    --report-json-path "$reports/$role.json") ||
    status=$?

  if ! kill -0 "$pid" 2>/dev/null; then
    echo "fuzz: $role: the server died during the run; last lines of $log:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  read -r after server_errors < <(requests_counted "$url")
  requests=$((after - before))
  # How deep the run got: the operations that answered 2xx at least once got past their access
  # checks, lookups and validation into the work itself.
  curl -fsS "$url/metrics" >"$reports/metrics-$role.txt"
  reached=$("$venv/bin/python" - "$root/openapi.yaml" "$reports/metrics-$role.txt" <<'EOF'
import re, sys, yaml
spec = yaml.safe_load(open(sys.argv[1]))
operations = {(m.upper(), p) for p, item in spec["paths"].items() for m in item if m in ("get", "put", "post", "delete", "patch")}
line = re.compile(r'^nastavnik_http_requests_total\{endpoint="([^"]*)",method="([A-Z]+)",status="2\d\d"\}')
ok = {(m.group(2), m.group(1)) for m in map(line.match, open(sys.argv[2])) if m}
print(f"{len(operations & ok)} of {len(operations)}")
EOF
)
  # Failures as schemathesis counts them: unique failures plus errors (a crash of the generator or
  # a connection the server dropped), from its JSON report.
  failures=$("$venv/bin/python" - "$reports/$role.json" <<'EOF'
import json, sys
try:
    report = json.load(open(sys.argv[1]))
except (OSError, ValueError):
    print(1)  # no report: schemathesis itself failed
    sys.exit()
cases = report["test_cases"]
print(cases["unique_failures"] + sum(e["count"] for e in report["errors"]))
EOF
)
  stop_process "$pid"
  pid=""
  rm -rf "$data"
  data=""
  drop_database

  if ((server_errors > 0)); then
    echo "fuzz: $role: the server answered $server_errors requests with 5xx; from its log:" >&2
    grep -m 20 'ERROR' "$log" >&2 || true
  fi
  if ((status != 0 && failures == 0)); then failures=1; fi
  echo "fuzz: $role: $requests requests, $failures failures, $server_errors server errors (exit $status); 2xx from $reached operations"
  total_requests=$((total_requests + requests))
  total_failures=$((total_failures + failures + server_errors))
done

echo "fuzz: reports in $reports"
echo "fuzz: $total_requests requests, $total_failures failures in $((SECONDS - started)) s"
((total_failures == 0))
