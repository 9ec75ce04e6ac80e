#!/usr/bin/env bash
# The year benchmark: a year of referral drafts (17,004, from benches/corpus.py with a fixed
# seed) checked by `nrm check`, against the parse-only floor (benches/floor.rs) and two
# schema-only validators, ajv-cli and check-jsonschema. Installs what it needs if missing
# (hyperfine and GNU time from apt; check-jsonschema into a venv and ajv-cli into node_modules,
# both under target/bench/), times each tool with hyperfine, measures each tool's peak memory
# once with GNU time, runs benches/check-one.sh for one draft, and prints Markdown tables with
# the targets met or NOT MET. Everything it writes goes under target/bench/.
#
#   bash benches/year.sh     # about 3 minutes on the project's 2-core machine, once built
#
# The same files for every tool: ajv-cli stops at the first file that is not JSON (the corpus
# has truncated drafts, for INP001) and check-jsonschema crashes on one that is not UTF-8
# (INP004), so the four tools are compared on the drafts that all of them can read,
# target/bench/common/ (hard links into the corpus). The floor and nrm are also timed on the
# whole corpus, in a second table.
#
# Targets: nrm at most 2x the floor; at least 3x faster than ajv-cli and 20x faster than
# check-jsonschema; nrm's peak memory at most 64 MiB; one draft under 10 ms (check-one.sh).
set -euo pipefail
source "$(dirname "$0")/lib.sh" # which also moves to the repository's root

COUNT=17004
SEED=2023
TODAY=2026-11-22 # the day the corpus's drafts are written for, and checked with
BENCH=target/bench
CORPUS=$BENCH/corpus
COMMON=$BENCH/common
VENV=$BENCH/venv
NODE=$BENCH/node
OUT=$BENCH/out
mkdir -p "$OUT"

# --- What the run needs, installed only when missing ---------------------------------------
apt_needed=()
command -v hyperfine >/dev/null || apt_needed+=(hyperfine)
[[ -x /usr/bin/time ]] || apt_needed+=(time)
command -v npm >/dev/null || apt_needed+=(npm)
python3 -c 'import ensurepip, venv' 2>/dev/null || apt_needed+=(python3-venv)
apt_install_missing "${apt_needed[@]}"
if [[ ! -x $VENV/bin/check-jsonschema ]]; then
  say "pip install check-jsonschema (into $VENV)"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check check-jsonschema
fi
if [[ ! -x $NODE/node_modules/.bin/ajv || ! -d $NODE/node_modules/ajv-formats ]]; then
  say "npm install ajv-cli ajv-formats (into $NODE)"
  npm install --prefix "$NODE" --no-audit --no-fund --loglevel=error ajv-cli ajv-formats >/dev/null
fi
CJ=$VENV/bin/check-jsonschema
AJV=$NODE/node_modules/.bin/ajv

# --- nrm and the floor, in release ---------------------------------------------------------
FLOOR=$(bench_executable floor)
NRM=target/release/nrm

# --- The corpus, made once, and the drafts every tool can read ------------------------------
corpus_once "$CORPUS" "$BENCH/corpus.made" --count "$COUNT" --seed "$SEED" --today "$TODAY"
common=$(python3 - "$CORPUS" "$COMMON" <<'PY'
import json, os, shutil, sys
corpus, common = sys.argv[1:]
shutil.rmtree(common, ignore_errors=True)
for folder, _, names in os.walk(corpus):
    for name in names:
        path = os.path.join(folder, name)
        try:  # strict UTF-8 (a byte-order mark allowed) and JSON
            json.loads(open(path, "rb").read().decode("utf-8-sig"))
        except ValueError:
            continue
        link = os.path.join(common, os.path.relpath(path, corpus))
        os.makedirs(os.path.dirname(link), exist_ok=True)
        os.link(path, link)
PY
  find "$COMMON" -type f -name '*.json' | wc -l)
all=$(find "$CORPUS" -type f -name '*.json' | wc -l)
((all == COUNT)) || { echo "year.sh: $CORPUS holds $all drafts, not $COUNT" >&2; exit 2; }
find "$COMMON" -type f -name '*.json' -print0 | LC_ALL=C sort -z >"$BENCH/common.files"
# Runs a command with every file of the common set appended, in one process (xargs would split).
cat >"$BENCH/with-common-files" <<EOF
#!/usr/bin/env bash
mapfile -d '' files <"$BENCH/common.files"
exec "\$@" "\${files[@]}"
EOF
chmod +x "$BENCH/with-common-files"

nrm="$NRM check --format json --today $TODAY"
nrm_common="$nrm $COMMON"
nrm_all="$nrm $CORPUS"

names=(floor nrm ajv-cli check-jsonschema floor-all nrm-all)
declare -A cmd=(
  [floor]="$FLOOR $COMMON"
  [nrm]=$nrm_common
  [ajv-cli]="$AJV validate --spec=draft2020 --strict=false -c ajv-formats --errors=no -s schemas/referral.schema.json -d '$COMMON/**/*.json'"
  [check-jsonschema]="$BENCH/with-common-files $CJ --schemafile schemas/referral.schema.json"
  [floor-all]="$FLOOR $CORPUS"
  [nrm-all]=$nrm_all
)
declare -A runs=([floor]=10 [nrm]=10 [ajv-cli]=10 [check-jsonschema]=3 [floor-all]=10 [nrm-all]=10)

# --- Once each: peak memory, and proof that every tool read every file ---------------------
for name in "${names[@]}"; do
  say "$name, once: ${cmd[$name]}"
  status=0
  /usr/bin/time -f %M -o "$OUT/$name.kib" sh -c "${cmd[$name]}" \
    >"$OUT/$name.stdout" 2>"$OUT/$name.stderr" || status=$?
  echo "$status" >"$OUT/$name.status"
done
python3 - "$OUT" "$common" "$COUNT" <<'PY'
import json, re, sys
out, common, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def read(name, kind):
    return open(f"{out}/{name}.{kind}", encoding="utf-8", errors="replace").read().strip()
problems = []
def expect(ok, what):
    print(("ok   " if ok else "FAIL ") + what, file=sys.stderr)
    ok or problems.append(what)
for name, files in (("floor", common), ("floor-all", count)):
    floor = re.search(r"(\d+) files, (\d+) parse failures", read(name, "stdout"))
    expect(floor and int(floor[1]) == files,
           f"{name} read {floor and floor[1]} files of {files}: {floor and floor[2]} parse failures")
for name, files in (("nrm", common), ("nrm-all", count)):
    try:
        summary = json.loads(read(name, "stdout"))["summary"]
    except ValueError:
        summary = {}
    expect(summary.get("files") == files and read(name, "status") in ("0", "1"),
           f"{name} checked {summary.get('files')} drafts of {files}: {summary.get('passed')} "
           f"passed, {summary.get('failed')} failed (exit {read(name, 'status')})")
ajv = read("ajv-cli", "stdout") + "\n" + read("ajv-cli", "stderr")
valid, invalid = (len(re.findall(rf"\.json {word}$", ajv, re.M)) for word in ("valid", "invalid"))
expect(valid + invalid == common and read("ajv-cli", "status") in ("0", "1"),
       f"ajv-cli validated {valid + invalid} files of {common}: {valid} valid, {invalid} invalid "
       f"(exit {read('ajv-cli', 'status')})")
cj = read("check-jsonschema", "stdout") + "\n" + read("check-jsonschema", "stderr")
cj_invalid = len(set(re.findall(r"^  (\S+\.json)::", cj, re.M)))
expect("Traceback" not in cj and read("check-jsonschema", "status") in ("0", "1"),
       f"check-jsonschema ran to the end: {cj_invalid} invalid files "
       f"(exit {read('check-jsonschema', 'status')})")
if cj_invalid != invalid:
    print(f"note: check-jsonschema and ajv-cli disagree: {cj_invalid} and {invalid} invalid files",
          file=sys.stderr)
if problems:
    sys.exit(f"year.sh: a tool did not read every file; its output is in {out}")
PY

# --- The timings ----------------------------------------------------------------------------
for name in "${names[@]}"; do
  say "hyperfine: $name (${runs[$name]} runs)"
  hyperfine --warmup 1 --runs "${runs[$name]}" -i --style basic \
    --export-json "$BENCH/year-$name.json" --command-name "$name" "${cmd[$name]}" >&2
done

say "one draft: benches/check-one.sh"
bash benches/check-one.sh >&2

# --- The tables -----------------------------------------------------------------------------
python3 - "$BENCH" "$common" "$COUNT" <<'PY'
import json, sys
bench, common, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def median(name):
    return json.load(open(f"{bench}/year-{name}.json"))["results"][0]["median"]
def mib(name):
    return int(open(f"{bench}/out/{name}.kib").read().split()[-1]) / 1024
def table(names, floor, nrm):
    print("| tool | median s | x floor | nrm speed-up | peak MiB |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name in names:
        speedup = "" if name == nrm else f"{median(name) / median(nrm):.2f}x"
        print(f"| {name} | {median(name):.3f} | {median(name) / median(floor):.2f} | {speedup} "
              f"| {mib(name):.1f} |")
print(f"\nThe {common:,} drafts every tool can read, of the {count:,}:\n")
table(["floor", "nrm", "ajv-cli", "check-jsonschema"], "floor", "nrm")
print(f"\nThe whole corpus, {count:,} drafts:\n")
table(["floor-all", "nrm-all"], "floor-all", "nrm-all")
nrm, one = median("nrm"), json.load(open(f"{bench}/check-one.json"))["results"][0]["median"] * 1000
print("\n| target | measured | |")
print("| --- | --- | --- |")
for what, value, ok in [
    ("nrm at most 2x the floor", f"{nrm / median('floor'):.2f}x", nrm <= 2 * median("floor")),
    ("the same, whole corpus", f"{median('nrm-all') / median('floor-all'):.2f}x",
     median("nrm-all") <= 2 * median("floor-all")),
    ("at least 3x faster than ajv-cli", f"{median('ajv-cli') / nrm:.1f}x",
     median("ajv-cli") >= 3 * nrm),
    ("at least 20x faster than check-jsonschema", f"{median('check-jsonschema') / nrm:.1f}x",
     median("check-jsonschema") >= 20 * nrm),
    ("nrm peak memory at most 64 MiB", f"{max(mib('nrm'), mib('nrm-all')):.1f} MiB",
     max(mib("nrm"), mib("nrm-all")) <= 64),
    ("one draft under 10 ms (check-one.sh)", f"{one:.2f} ms", one < 10),
]:
    print(f"| {what} | {value} | {'met' if ok else 'NOT MET'} |")
PY
