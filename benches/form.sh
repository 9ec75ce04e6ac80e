#!/usr/bin/env bash
# The guided form: `nrm form` (release) on a copy of the child example, driven over HTTP by
# benches/form.py (Python's standard library only). Times 200 Continues of one question page
# (/section/exploitation/0 with its answers as they stand: the POST reads them, saves the draft
# atomically and checks the whole draft; the GET of the page its 303 names renders the next
# page), after 10 to warm up, and prints min, median, p95 and max in ms; then GETs every page of
# the form (each section the task list links, all of its pages, check your answers, finish) and
# prints the largest page's size. Writes the numbers to target/bench/form.json.
#
#   bash benches/form.sh            # CONTINUES=N for another number of Continues
#
# Targets: a Continue, POST and the next page's GET, at most 20 ms at the 95th percentile on the
# project's 2-core machine; every page of the form at most 100 KB (1 KB = 1,000 bytes).
set -euo pipefail
source "$(dirname "$0")/lib.sh" # which also moves to the repository's root
say "cargo build --release"
cargo build --release --locked --quiet
mkdir -p target/bench/form
cp fixtures/examples/child-england-pass.json target/bench/form/draft.json
python3 benches/form.py target/release/nrm target/bench/form/draft.json \
  --continues "${CONTINUES:-200}" --json target/bench/form.json
