#!/usr/bin/env python3
"""Runs tidings over a JSON Lines corpus with Apache Spark (RDD.pipe).

    python3 examples/spark/tidings_spark.py CORPUS.jsonl OUTDIR [--master local[2]]

Each partition of the corpus is piped through one `tidings extract --jsonl`
process, which writes exactly one line per record, in order: the extraction
result or an error line {"id", "line", "error"}. The job then checks that
nothing was lost:

  * every partition gave back as many lines as it was sent;
  * line by line, the output carries the id of the record it answers (an
    error line may carry id null when the record could not be read at all,
    e.g. invalid JSON); a numeric id comes back as a string, a record without
    an id as "line-N" (N counted within its partition: give records ids);
  * the multiset of ids that came back equals the multiset of input ids,
    so every input id comes back exactly once when the input ids are unique.

It writes OUTDIR/results (the result lines), OUTDIR/errors (the error lines,
each with an "input" field holding the start of the offending record) and
OUTDIR/summary (one JSON line), prints the summary as the last line of
standard output, and exits

  0  the check passed (bad records are counted, they are not a failure),
  1  the check failed (lines lost, ids changed, output that is not JSON),
  2  usage error (no binary, output exists, ...),
  3  the Spark job failed, e.g. because tidings crashed in some partition.

RDD.pipe pitfalls handled here: the program is started with only the
environment passed as env= (so absolute paths, and PATH/locale given
explicitly), and its exit code is ignored unless checkCode=True. tidings
exits 1 when some record failed, which is not a crash, so the program is run
through run_tidings.sh, which maps 1 to 0 and passes every other non-zero
code (a fatal error, a panic, a signal) through: with checkCode=True a crash
fails the task, and the job, instead of silently losing the rest of its
partition.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import sys
import time
from operator import add
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]

# Lines made only of these bytes are not records: the job drops them before
# piping (tidings would answer each with an "empty line" error line) and
# counts them in the summary.
BLANK = " \t\n\r\x0c"

# input_id() of a record without an id (False survives pickling, unlike a sentinel object)
MISSING = False


def default_tidings() -> str:
    candidates = []
    if os.environ.get("CARGO_TARGET_DIR"):
        candidates.append(Path(os.environ["CARGO_TARGET_DIR"]) / "release" / "tidings")
    candidates.append(REPO / "target" / "release" / "tidings")
    for c in candidates:
        if c.is_file():
            return str(c)
    return str(candidates[-1])


def resolve_program(path: str, what: str) -> str:
    """An absolute path for a program that exists here (local mode), or the
    path as given when it does not: then it names a file shipped to the
    executors (spark-submit --files), resolved in their working directory."""
    p = Path(path)
    if p.exists():
        p = p.resolve()
        if not p.is_file():
            raise SystemExit(f"tidings_spark: {what} {p} is not a file")
        return str(p)
    if p.is_absolute():
        raise SystemExit(f"tidings_spark: {what} {p} does not exist (build it with cargo build --release)")
    print(f"tidings_spark: {what} {path} is not here; taking it as shipped to the executors", file=sys.stderr)
    return path


def is_blank(line: str) -> bool:
    return all(c in BLANK for c in line)


def input_id(line: str):
    """The id tidings reports for this record, MISSING when it has none, or
    None when the record is not a JSON object."""
    try:
        rec = json.loads(line)
    except ValueError:
        return None
    if not isinstance(rec, dict):
        return None
    rid = rec.get("id")
    if rid is None:
        return MISSING
    if isinstance(rid, str):
        return rid
    if isinstance(rid, (int, float)) and not isinstance(rid, bool):
        return json.dumps(rid)
    return None  # an id of another type: tidings cannot read the record


def output_id(line: str):
    """[(id, 1)] for an output line that carries an id, else []."""
    try:
        out = json.loads(line)
    except ValueError:
        return []
    rid = out.get("id") if isinstance(out, dict) else None
    return [(rid, 1)] if isinstance(rid, str) else []


def classify(pair):
    """(kind, problem, in_id, out_id, out_line, in_line) for one input line
    and the output line that answers it. kind: result | error | garbled."""
    in_line, out_line = pair
    in_id = input_id(in_line)
    try:
        out = json.loads(out_line)
    except ValueError:
        out = None
    if not isinstance(out, dict) or not ("error" in out or "entities" in out):
        return ("garbled", "output line is not a result or an error line", in_id, None, out_line, in_line)
    kind = "error" if "error" in out else "result"
    out_id = out.get("id")
    problem = None
    if in_id is MISSING:
        if kind == "result" and not (isinstance(out_id, str) and out_id.startswith("line-")):
            problem = f"record without id came back as {out_id!r}"
    elif in_id is None:
        if out_id is not None and kind == "error":
            problem = f"unreadable record came back with id {out_id!r}"
        elif kind == "result":
            problem = "unreadable record came back as a result"
    elif out_id != in_id and not (kind == "error" and out_id is None):
        problem = f"record {in_id!r} came back as {out_id!r}"
    return (kind, problem, in_id, out_id, out_line, in_line)


def count_lines(i, it):
    """(partition, (records, blank lines)) of a partition of lines."""
    n = blank = 0
    for line in it:
        if is_blank(line):
            blank += 1
        else:
            n += 1
    yield (i, (n, blank))


def tally(it):
    """Counts of one partition of classify() tuples, with up to 10 problems."""
    t = {"results": 0, "errors": 0, "errors_without_id": 0, "garbled": 0,
         "records_without_id": 0, "id_mismatches": 0, "problems": []}
    for kind, problem, in_id, out_id, _, _ in it:
        t[kind + "s" if kind != "garbled" else "garbled"] += 1
        if kind == "error" and out_id is None:
            t["errors_without_id"] += 1
        if in_id is MISSING:
            t["records_without_id"] += 1
        if problem is not None:
            if kind != "garbled":
                t["id_mismatches"] += 1
            if len(t["problems"]) < 10:
                t["problems"].append(problem)
    return [t]


def merge_tallies(a, b):
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0 if not isinstance(v, list) else []) + v
    out["problems"] = out["problems"][:10]
    return out


def id_counts(c):
    """(id, (1 if sent, 1 if back)) pairs for one classify() tuple."""
    _, _, in_id, out_id, _, _ = c
    pairs = []
    if isinstance(in_id, str):
        pairs.append((in_id, (1, 0)))
    if isinstance(out_id, str):
        pairs.append((out_id, (0, 1)))
    elif isinstance(in_id, str):  # an error line without id answers this record
        pairs.append((in_id, (0, 1)))
    return pairs


def id_tally(it, any_without_id):
    t = {"distinct_ids": 0, "duplicate_input_ids": 0, "id_multiset_differences": 0, "problems": []}
    for rid, (n_sent, n_back) in it:
        t["distinct_ids"] += 1
        if n_sent > 1:
            t["duplicate_input_ids"] += 1
        # a record without id comes back as "line-N", which was never sent
        if n_sent != n_back and not (n_sent == 0 and any_without_id and rid.startswith("line-")):
            t["id_multiset_differences"] += 1
            if len(t["problems"]) < 10:
                t["problems"].append(f"id {rid!r}: sent {n_sent} times, came back {n_back} times")
    return t


def error_line(c):
    """The error line, with the start of the record it answers."""
    d = json.loads(c[4])
    d["input"] = c[5][:300]
    return json.dumps(d, ensure_ascii=False)


def failure_reason(text: str) -> str | None:
    """The line of a Spark failure that says why: a pipe's exit code, else
    the last exception line."""
    lines = [l.strip() for l in text.splitlines()]
    for l in lines:
        if "exited with error code" in l:
            return l
    exc = [l for l in lines if re.match(r"^[\w.]+(Error|Exception)\b.*:", l)]
    return exc[-1] if exc else (lines[0] if lines else None)


def main() -> int:
    ap = argparse.ArgumentParser(description="Run tidings over a JSON Lines corpus with Spark (RDD.pipe).")
    ap.add_argument("input", help="JSON Lines corpus: a path or URI Spark can read (file, directory, glob, hdfs://, s3a://)")
    ap.add_argument("output", help="output directory (must not exist unless --overwrite)")
    ap.add_argument("--master", default=None,
                    help="Spark master (default local[2]; under spark-submit its --master is used)")
    ap.add_argument("--tidings", default=default_tidings(),
                    help="the tidings binary (default: target/release/tidings of this repository, "
                         "or $CARGO_TARGET_DIR/release/tidings); a relative path that does not exist "
                         "here names a file shipped with spark-submit --files")
    ap.add_argument("--wrapper", default=str(HERE / "run_tidings.sh"),
                    help="the exit-code wrapper (default: run_tidings.sh beside this script)")
    ap.add_argument("--partitions", type=int, default=None,
                    help="minimum number of input partitions (default: Spark's)")
    ap.add_argument("--threads", type=int, default=1,
                    help="tidings worker threads per partition (default 1: Spark runs one task per core)")
    ap.add_argument("--overwrite", action="store_true", help="replace an existing local output directory")
    args = ap.parse_args()

    tidings = resolve_program(args.tidings, "tidings binary")
    wrapper = resolve_program(args.wrapper, "wrapper")
    command = ["/bin/sh", wrapper, tidings, "extract", "--jsonl", "-q", "-j", str(args.threads), "-"]
    # RDD.pipe starts the command with exactly this environment and nothing else.
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "RUST_BACKTRACE": "1"}

    out_dir = args.output
    if "://" not in out_dir and os.path.exists(out_dir):
        if not args.overwrite:
            print(f"tidings_spark: {out_dir} exists (use --overwrite)", file=sys.stderr)
            return 2
        import shutil

        shutil.rmtree(out_dir)

    from pyspark import SparkConf, SparkContext, StorageLevel

    conf = SparkConf().setAppName("tidings")
    if args.master:
        conf.setMaster(args.master)
    elif "PYSPARK_GATEWAY_PORT" not in os.environ:  # not under spark-submit, which sets the master
        conf.setMaster("local[2]")
    if (args.master or "local").startswith("local"):
        conf.set("spark.ui.enabled", "false")
    conf.set("spark.ui.showConsoleProgress", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    started = time.time()
    try:
        raw = sc.textFile(args.input, args.partitions) if args.partitions else sc.textFile(args.input)
        lines = raw.filter(lambda l: not is_blank(l)).persist(StorageLevel.MEMORY_AND_DISK)
        # PySpark's pipe takes one command string and splits it with shlex.
        piped = lines.pipe(shlex.join(command), env=env, checkCode=True).persist(StorageLevel.MEMORY_AND_DISK)

        # 1. Every partition gives back as many lines as it was sent.
        sent = dict(raw.mapPartitionsWithIndex(count_lines).collect())
        got = dict(piped.mapPartitionsWithIndex(count_lines).collect())  # runs tidings
        summary = {
            "input": args.input,
            "output": out_dir,
            "partitions": lines.getNumPartitions(),
            "blank_lines": sum(b for _, b in sent.values()),
            "records": sum(n for n, _ in sent.values()),
            "lines_back": sum(n for n, _ in got.values()),
        }
        lost = [
            f"partition {i}: sent {sent.get(i, (0, 0))[0]} records, got {got.get(i, (0, 0))[0]} lines back"
            for i in sorted(set(sent) | set(got))
            if sent.get(i, (0, 0))[0] != got.get(i, (0, 0))[0]
        ]
        if lost:
            summary.update(ok=False, problems=lost)
            print(json.dumps(summary))
            return 1

        # 2. Line by line, the answer carries the id of its record.
        checked = lines.zip(piped).map(classify).persist(StorageLevel.MEMORY_AND_DISK)
        stats = checked.mapPartitions(tally).reduce(merge_tallies)

        # 3. The multiset of ids that came back is the multiset sent: per id,
        # (times sent, times back); an error line without id counts for the
        # id of the record it answers, when that record has one.
        per_id = checked.flatMap(id_counts).reduceByKey(lambda a, b: (a[0] + b[0], a[1] + b[1]))
        ids = per_id.mapPartitions(lambda it: [id_tally(it, stats["records_without_id"] > 0)]).reduce(merge_tallies)

        # Outputs.
        checked.filter(lambda c: c[0] == "result").map(lambda c: c[4]).saveAsTextFile(f"{out_dir}/results")
        checked.filter(lambda c: c[0] == "error").map(error_line).saveAsTextFile(f"{out_dir}/errors")

        ok = stats["id_mismatches"] == 0 and stats["garbled"] == 0 and ids["id_multiset_differences"] == 0
        problems = (stats.pop("problems") + ids.pop("problems"))[:20]
        summary.update(stats)
        summary.update(ids)
        summary.update(ok=ok, seconds=round(time.time() - started, 1))
        if not ok:
            summary["problems"] = problems
        sc.parallelize([json.dumps(summary)], 1).saveAsTextFile(f"{out_dir}/summary")
    except Exception as e:  # the job failed: a crash of tidings, a lost executor, ...
        reason = failure_reason(str(e)) or repr(e)
        print(f"tidings_spark: the Spark job failed: {reason.strip()[:500]}", file=sys.stderr)
        print(json.dumps({"input": args.input, "ok": False, "job_failed": True, "reason": reason.strip()[:500]}))
        return 3
    finally:
        sc.stop()

    print(
        f"tidings_spark: {summary['records']} records in {summary['partitions']} partitions: "
        f"{summary['results']} results, {summary['errors']} error lines "
        f"({summary['errors_without_id']} without id), {summary['blank_lines']} blank lines skipped; "
        f"ids {('all back exactly once' if not summary['duplicate_input_ids'] else 'all back as often as sent') if ok else 'NOT all back as sent'}; "
        f"{summary['seconds']} s",
        file=sys.stderr,
    )
    print(json.dumps(summary))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
