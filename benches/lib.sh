# shellcheck shell=bash
# What the benchmark scripts share; each sources it first thing, after `set -euo pipefail`:
#
#   source "$(dirname "$0")/lib.sh"
#
# Sourcing it moves to the repository's root (the folder above benches/), where the scripts
# and these functions run. The functions report on standard error, so that standard output is
# left to the scripts' tables.

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit

# say WORDS...: a progress line, on standard error.
say() { printf '\n== %s\n' "$*" >&2; }

# apt_install_missing PACKAGE...: installs with apt-get, in one run, the packages given (the ones
# the script found missing); with none, does nothing.
apt_install_missing() {
  (($#)) || return 0
  say "apt-get install $*"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# bench_executable NAME: builds nrm and the bench target NAME (a `[[bench]]` of Cargo.toml) in
# release, and prints the path of NAME's executable. Fails (2) if cargo built no such executable.
bench_executable() {
  local name=$1 executable
  say "cargo build --release --bins --bench $name"
  executable=$(cargo build --release --locked --bins --bench "$name" --message-format=json |
    python3 -c '
import json, sys
for line in sys.stdin:
    message = json.loads(line)
    if message.get("reason") == "compiler-artifact" and message["target"]["name"] == sys.argv[1] \
            and message.get("executable"):
        print(message["executable"])' "$name") || return
  [[ -x $executable ]] || {
    echo "$(basename "$0"): the $name benchmark was not built" >&2
    return 2
  }
  echo "$executable"
}

# corpus_once DIR STAMP_FILE ARGUMENT...: makes a corpus of drafts in DIR with
# `python3 benches/corpus.py --out DIR ARGUMENT...`, unless STAMP_FILE says it was made already
# with the same arguments and the same corpus.py. The stamp is the arguments without their
# leading `--`, then corpus.py's SHA-256: `count 300 seed 7 mistakes 0 today 2026-11-22 <sha>`.
corpus_once() {
  local dir=$1 made=$2 argument words=() stamp
  shift 2
  for argument in "$@"; do words+=("${argument#--}"); done
  stamp="${words[*]} $(sha256sum benches/corpus.py | cut -d' ' -f1)"
  if [[ ! -f $made || $(cat "$made") != "$stamp" ]]; then
    say "python3 benches/corpus.py --out $dir $*"
    rm -rf "$dir" "$made"
    python3 benches/corpus.py --out "$dir" "$@" >&2
    echo "$stamp" >"$made"
  fi
}
