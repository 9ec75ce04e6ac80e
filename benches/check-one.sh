#!/usr/bin/env bash
# One draft, start-up included: `nrm check` of the child example, timed by hyperfine.
# Target: under 10 ms wall on the project's 2-core machine. Prints hyperfine's summary and
# writes the full numbers to target/bench/check-one.json.
set -euo pipefail
source "$(dirname "$0")/lib.sh" # which also moves to the repository's root
command -v hyperfine >/dev/null || apt_install_missing hyperfine
cargo build --release --locked --quiet
mkdir -p target/bench
hyperfine --warmup 20 --runs 300 -N --export-json target/bench/check-one.json \
  "target/release/nrm check --today 2026-11-22 fixtures/examples/child-england-pass.json"
python3 - <<'PY'
import json
result = json.load(open("target/bench/check-one.json"))["results"][0]
median_ms = result["median"] * 1000
print(f"median {median_ms:.2f} ms, mean {result['mean']*1000:.2f} ms, max {result['max']*1000:.2f} ms")
print("target under 10 ms:", "met" if median_ms < 10 else "NOT MET")
PY
