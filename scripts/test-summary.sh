#!/usr/bin/env bash
# Sums the suites' logs that `make test` tees into LOG_DIR and prints the closing summary.
# The last line, "N passed, M failed", is what CI reads. Fails when a database ran no black-box
# tests: a silent zero would mean the suite never ran there, not that it passed.
#
#   scripts/test-summary.sh LOG_DIR    (reads unit.log sqlite.log postgres.log e2e.log, and fuzz.log
#                                       when the spec fuzzing ran)
set -euo pipefail
dir=${1:?usage: $0 LOG_DIR}

# Sums cargo's libtest lines, one per test binary:
#   test result: ok. 42 passed; 0 failed; 0 ignored; 0 measured; 3 filtered out; finished in 1.2s
# Prints "PASSED FAILED".
cargo_counts() {
  awk '/^test result: / {
         for (i = 1; i <= NF; i++) {
           if ($(i + 1) ~ /^passed;?$/) p += $i
           if ($(i + 1) ~ /^failed;?$/) f += $i
         }
       }
       END { printf "%d %d\n", p, f }' "$dir/$1"
}

# The journeys' runner ends with "e2e: N passed, M failed". Prints "PASSED FAILED", or nothing.
e2e_counts() {
  sed -n 's/^e2e: \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\1 \2/p' "$dir/e2e.log" | tail -n 1
}

read -r unit_p unit_f < <(cargo_counts unit.log)
read -r sqlite_p sqlite_f < <(cargo_counts sqlite.log)
read -r pg_p pg_f < <(cargo_counts postgres.log)
e2e=$(e2e_counts)
if [[ -z $e2e ]]; then
  echo "error: no 'e2e: N passed, M failed' line in $dir/e2e.log" >&2
  exit 1
fi
read -r e2e_p e2e_f <<<"$e2e"
# The spec fuzzing ends with "fuzz: N requests, M failures in S s". Its requests are no tests, so
# they stay out of the passed count; its failures count as failed.
fuzz_requests="" fuzz_f=0
if [[ -f $dir/fuzz.log ]]; then
  read -r fuzz_requests fuzz_f < <(sed -n 's/^fuzz: \([0-9][0-9]*\) requests, \([0-9][0-9]*\) failures.*/\1 \2/p' "$dir/fuzz.log" | tail -n 1) || true
  if [[ -z $fuzz_requests ]]; then
    echo "error: no 'fuzz: N requests, M failures' line in $dir/fuzz.log" >&2
    exit 1
  fi
fi

echo
echo "==================== test summary ===================="
echo "Unit:       $unit_p passed"
echo "SQLite:     $sqlite_p passed"
echo "PostgreSQL: $pg_p passed"
echo "E2E:        $e2e_p passed"
if [[ -n $fuzz_requests ]]; then echo "Fuzz:       $fuzz_requests requests, $fuzz_f failures"; fi
echo "======================================================"

if ((sqlite_p == 0 || pg_p == 0)); then
  echo "error: a database ran no black-box tests (SQLite: $sqlite_p, PostgreSQL: $pg_p)" >&2
  exit 1
fi
if ((sqlite_p != pg_p)); then
  # Every black-box test exists once per database, so the counts should agree.
  echo "warning: SQLite and PostgreSQL passed different numbers of tests ($sqlite_p vs $pg_p)" >&2
fi
failed=$((unit_f + sqlite_f + pg_f + e2e_f + fuzz_f))
echo "$((unit_p + sqlite_p + pg_p + e2e_p)) passed, $failed failed"
((failed == 0))
