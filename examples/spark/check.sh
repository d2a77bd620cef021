#!/usr/bin/env bash
# CI check for the Spark example: runs tidings over a test corpus with
# pyspark in local mode and asserts that
#   1. every good record comes back once, as a result, and every bad record
#      as an error line (the exact numbers the corpus was made with);
#   2. a crash of the program (a fake tidings that writes a few lines and then
#      kills itself with SIGSEGV) fails the job instead of losing lines;
#   3. a program that silently drops a line (exit 0) is caught by the job's
#      line-count check.
# Needs Java 8/11/17 and Python 3.8+; installs pyspark into a venv outside the
# repository ($TIDINGS_SPARK_VENV, default ~/.cache/tidings/spark-venv) once,
# and builds the release binary (cargo build --release) unless TIDINGS_BIN
# names one. Usage: bash examples/spark/check.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$(pwd)
HERE=$REPO/examples/spark
PYSPARK_VERSION=3.5.6
VENV=${TIDINGS_SPARK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/tidings/spark-venv}
SECONDS=0

say() { echo "== spark [${SECONDS}s]: $*"; }
fail() { echo "FAIL spark: $*" >&2; exit 1; }

# --- Java -------------------------------------------------------------------
if ! command -v java >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing a Java runtime (apt-get)"
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless) >/dev/null
    else
        fail "Spark needs Java (8, 11 or 17) on PATH"
    fi
fi

# --- pyspark ----------------------------------------------------------------
if ! "$VENV/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
    say "installing pyspark==$PYSPARK_VERSION into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check "pyspark==$PYSPARK_VERSION"
fi
PY=$VENV/bin/python

# --- tidings ----------------------------------------------------------------
if [ -n "${TIDINGS_BIN:-}" ]; then
    BIN=$TIDINGS_BIN
else
    say "cargo build --release"
    cargo build --release --quiet
    BIN=${CARGO_TARGET_DIR:-$REPO/target}/release/tidings
fi
[ -x "$BIN" ] || fail "no tidings binary at $BIN"
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

WORK=$(mktemp -d "${TMPDIR:-/tmp}/tidings-spark.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# --- the wrapper's exit codes ------------------------------------------------
say "run_tidings.sh maps exit 1 to 0 and passes crashes through"
for pair in 0:0 1:0 2:2 101:101; do
    code=${pair%%:*} want=${pair##*:}
    set +e; env -i /bin/sh "$HERE/run_tidings.sh" /bin/sh -c "exit $code"; got=$?; set -e
    [ "$got" = "$want" ] || fail "run_tidings.sh: exit $code gave $got, want $want"
done
set +e; env -i /bin/sh "$HERE/run_tidings.sh" /bin/sh -c 'kill -SEGV $$' 2>/dev/null; got=$?; set -e
[ "$got" = 139 ] || fail "run_tidings.sh: a SIGSEGV gave $got, want 139"

# --- the corpus ---------------------------------------------------------------
CORPUS=$WORK/corpus.jsonl
"$PY" "$HERE/make_corpus.py" "$CORPUS" --lines 3000

export PYSPARK_PYTHON=$PY PYSPARK_DRIVER_PYTHON=$PY

# --- 1. the real job ---------------------------------------------------------------
say "the job over $(wc -l <"$CORPUS") lines with local[2]"
set +e
"$PY" "$HERE/tidings_spark.py" "$CORPUS" "$WORK/out" --master 'local[2]' --tidings "$BIN" --partitions 4 \
    >"$WORK/job.out" 2>"$WORK/job.err"
rc=$?
set -e
if [ "$rc" != 0 ]; then
    cat "$WORK/job.err" "$WORK/job.out" >&2
    fail "the job exited $rc"
fi
tail -n 1 "$WORK/job.err"
"$PY" - "$CORPUS.manifest.json" "$WORK/job.out" "$WORK/out" <<'EOF'
import collections, glob, json, sys
manifest = json.load(open(sys.argv[1]))
summary = json.loads(open(sys.argv[2]).read().strip().splitlines()[-1])
out = sys.argv[3]
problems = []
def want(name, got, expected):
    if got != expected:
        problems.append(f"{name}: got {got}, want {expected}")
want("ok", summary.get("ok"), True)
want("records", summary.get("records"), manifest["records"])
want("blank lines", summary.get("blank_lines"), manifest["blank"])
want("results", summary.get("results"), manifest["good"])
want("error lines", summary.get("errors"), manifest["bad"])
want("error lines without id", summary.get("errors_without_id"), sum(i is None for i in manifest["bad_ids"]))
want("garbled", summary.get("garbled"), 0)
# Independently of the job's own check: read what it wrote.
def ids(kind):
    c = collections.Counter()
    for part in sorted(glob.glob(f"{out}/{kind}/part-*")):
        for line in open(part, encoding="utf-8"):
            c[json.loads(line).get("id")] += 1
    return c
results, errors = ids("results"), ids("errors")
want("result ids (multiset)", results, collections.Counter(manifest["good_ids"]))
want("error ids (multiset)", errors, collections.Counter(manifest["bad_ids"]))
if problems:
    print("FAIL spark:", *problems, sep="\n  ", file=sys.stderr)
    sys.exit(1)
print(f"ok: {sum(results.values())} good ids back exactly once, {sum(errors.values())} bad records counted as error lines")
EOF

# --- 2. a crash fails the job ------------------------------------------------------
say "a crashing program fails the job"
FAKE=$WORK/fake-tidings
cat >"$FAKE" <<'EOF'
#!/bin/sh
# A "tidings" that answers three records and then dies of SIGSEGV (exit 139).
n=0
while IFS= read -r line; do
    n=$((n + 1))
    printf '{"id":"line-%d","dct":null,"entities":[],"dates":[],"relations":[],"events":[]}\n' "$n"
    [ "$n" -ge 3 ] && kill -SEGV $$
done
EOF
chmod +x "$FAKE"
set +e
"$PY" "$HERE/tidings_spark.py" "$CORPUS" "$WORK/crash" --master 'local[2]' --tidings "$FAKE" --partitions 4 \
    >"$WORK/crash.out" 2>"$WORK/crash.err"
rc=$?
set -e
grep -h "tidings_spark:" "$WORK/crash.err" | tail -n 1 || true
[ "$rc" != 0 ] || fail "the job succeeded although the program crashed"
grep -q "exited with error code 139" "$WORK/crash.err" "$WORK/crash.out" ||
    fail "the job failed (exit $rc) but not because of the crash (exit 139); see above"
[ ! -e "$WORK/crash/summary" ] || fail "a crashed job wrote a summary"
echo "ok: the job failed with exit $rc on the crash"

# --- 3. a silently lost line is caught ----------------------------------------------
say "a program that silently drops a line is caught"
cat >"$FAKE" <<'EOF'
#!/bin/sh
# A "tidings" that answers every record but the last, and exits 0.
prev=
while IFS= read -r line; do
    [ -n "$prev" ] && printf '%s\n' "$prev"
    prev='{"id":null,"line":0,"error":"fake"}'
done
exit 0
EOF
set +e
"$PY" "$HERE/tidings_spark.py" "$CORPUS" "$WORK/drop" --master 'local[2]' --tidings "$FAKE" --partitions 4 \
    >"$WORK/drop.out" 2>"$WORK/drop.err"
rc=$?
set -e
[ "$rc" = 1 ] || { cat "$WORK/drop.err" "$WORK/drop.out" >&2; fail "the job exited $rc on lost lines, want 1"; }
grep -q "got .* back" "$WORK/drop.out" || fail "the job did not name the lost lines"
echo "ok: the job exited 1 on lost lines"

say "all checks passed in ${SECONDS}s"
