#!/usr/bin/env bash
# The batch report benchmark: `nrm check --format html` of a year of referral drafts (17,004,
# benches/corpus.py with year.sh's seed) against `--format json` of the same drafts, which makes
# the same findings. Times both with hyperfine, measures each one's peak memory with GNU time,
# on the year and on a tenth of it (memory that stays flat does not grow with the drafts), and
# the page's size. Prints Markdown tables with the targets met or NOT MET; writes everything
# under target/bench/, the year's page as target/bench/report.html.
#
#   bash benches/report.sh     # about 2 minutes on the project's 2-core machine, once built
#
# Targets (issue 13): the page in well under a second more than the JSON report (here: 0.5 s);
# flat memory (what the page needs over the streamed JSON report grows by at most 4 MiB from a
# tenth of the year to the year); a page under 2 MB.
set -euo pipefail
source "$(dirname "$0")/lib.sh" # which also moves to the repository's root

TODAY=2026-11-22 # the day the corpus's drafts are written for, and checked with
BENCH=target/bench
YEAR=$BENCH/corpus # shared with year.sh: the same arguments make the same corpus
TENTH=$BENCH/corpus-tenth
OUT=$BENCH/out
mkdir -p "$OUT"

apt_needed=()
command -v hyperfine >/dev/null || apt_needed+=(hyperfine)
[[ -x /usr/bin/time ]] || apt_needed+=(time)
apt_install_missing "${apt_needed[@]}"

say "cargo build --release --bins"
cargo build --release --locked --bins >&2
NRM=target/release/nrm
corpus_once "$YEAR" "$BENCH/corpus.made" --count 17004 --seed 2023 --today "$TODAY"
corpus_once "$TENTH" "$BENCH/corpus-tenth.made" --count 1700 --seed 2023 --today "$TODAY"

names=(json html json-tenth html-tenth)
declare -A cmd=(
  [json]="$NRM check --format json --today $TODAY $YEAR"
  [html]="$NRM check --format html --today $TODAY $YEAR"
  [json-tenth]="$NRM check --format json --today $TODAY $TENTH"
  [html-tenth]="$NRM check --format html --today $TODAY $TENTH"
)
for name in "${names[@]}"; do
  say "$name, once: ${cmd[$name]}"
  status=0
  /usr/bin/time -f %M -o "$OUT/report-$name.kib" sh -c "${cmd[$name]}" >"$OUT/report-$name.out" || status=$?
  # Exit 1: some drafts fail their checks, as a year's drafts do.
  [[ $status == 1 ]] || { echo "report.sh: $name exited $status" >&2; exit 2; }
done
cp "$OUT/report-html.out" "$BENCH/report.html"
for name in json html; do
  say "hyperfine: $name"
  hyperfine --warmup 1 --runs 10 -i --style basic --export-json "$BENCH/report-$name.json" \
    --command-name "$name" "${cmd[$name]}" >&2
done

python3 - "$BENCH" <<'PY'
import json, os, re, sys
bench = sys.argv[1]
def median(name):
    return json.load(open(f"{bench}/report-{name}.json"))["results"][0]["median"]
def mib(name):
    return int(open(f"{bench}/out/report-{name}.kib").read().split()[-1]) / 1024
page = open(f"{bench}/out/report-html.out", encoding="utf-8").read()
files = json.load(open(f"{bench}/out/report-json.out"))["summary"]["files"]
urgent = int(re.search(r'<span class="number">([\d,]+)</span> child', page)[1].replace(",", ""))
size = os.path.getsize(f"{bench}/out/report-html.out")
print(f"\n{files:,} drafts, {urgent} children to refer today:\n")
print("| format | median s | peak MiB (17,004) | peak MiB (1,700) | output |")
print("| --- | ---: | ---: | ---: | ---: |")
for name in ("json", "html"):
    out = os.path.getsize(f"{bench}/out/report-{name}.out") / 1e6
    print(f"| {name} | {median(name):.3f} | {mib(name):.1f} | {mib(name + '-tenth'):.1f} | {out:.2f} MB |")
extra = median("html") - median("json")
# The page's own memory, over the JSON report's (which streams): what it grows by from a tenth
# of the year to the year.
growth = (mib("html") - mib("json")) - (mib("html-tenth") - mib("json-tenth"))
print("\n| target | measured | |")
print("| --- | --- | --- |")
for what, value, ok in [
    ("the page in well under a second more than JSON (0.5 s)", f"{extra:+.3f} s", extra < 0.5),
    ("flat memory: the page's own, over JSON's, grows at most 4 MiB from a tenth to the year",
     f"{growth:+.1f} MiB", growth <= 4),
    ("a page under 2 MB", f"{size / 1e6:.2f} MB", size < 2e6),
]:
    print(f"| {what} | {value} | {'met' if ok else 'NOT MET'} |")
PY
