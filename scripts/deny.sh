#!/usr/bin/env bash
# The dependency audit (deny.toml): licences, bans and sources always; the RustSec advisory
# database as well when GitHub, where it lives, can be reached — and it says so when it cannot,
# rather than passing in silence. Installs cargo-deny when missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v cargo-deny >/dev/null; then
  echo "deny: installing cargo-deny"
  cargo install --locked --quiet cargo-deny
fi
checks=(licenses bans sources)
if timeout 15 git ls-remote https://github.com/rustsec/advisory-db HEAD >/dev/null 2>&1; then
  checks+=(advisories)
else
  echo "deny: the advisory database (github.com/rustsec/advisory-db) is out of reach; advisories NOT checked"
fi
cargo deny --log-level error check "${checks[@]}"
echo "deny: ${checks[*]} ok"
