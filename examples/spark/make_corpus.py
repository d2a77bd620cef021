#!/usr/bin/env python3
"""Builds a JSON Lines test corpus for the Spark example.

    python3 examples/spark/make_corpus.py OUT.jsonl [--lines 3000]

Each good record is {"id", "text", "dct"?} made from the repository's
fixtures/articles/*.txt and, when present, ../shared/timebank/articles/*.txt
(a first line " date YYYY-MM-DD" becomes "dct" and is not text), repeated
until --lines records; every id is unique ("<file stem>#<copy>").

A few deliberately bad records are spread through the corpus, two of each
kind: invalid JSON, a record without "text", a non-string "text", a text
that is binary data (NUL bytes), and an impossible "dct". tidings answers
each of them with an error line. Two blank lines are added too: they are not
records (tidings skips them, and so does the Spark job).

Beside OUT it writes OUT.manifest.json: the number of lines, records, good
and bad records, blank lines, and the ids of the good and the bad records,
which check.sh compares with the job's summary. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATE_LINE = re.compile(r"^ date (\d{4}-\d{2}-\d{2})\s*$")


def article_dirs(shared: Path | None) -> list[Path]:
    dirs = [REPO / "fixtures" / "articles"]
    shared = shared or REPO.parent / "shared"
    tb = shared / "timebank" / "articles"
    if tb.is_dir():
        dirs.append(tb)
    return dirs


def read_articles(dirs: list[Path]) -> list[tuple[str, str | None, str]]:
    """(stem, dct or None, text) for every non-empty *.txt, sorted by path."""
    out = []
    for path in sorted(p for d in dirs for p in d.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        dct = None
        first, sep, rest = text.partition("\n")
        m = DATE_LINE.match(first)
        if m:
            dct, text = m.group(1), rest
        if text.strip():
            out.append((path.stem, dct, text))
    return out


def bad_records() -> list[tuple[str | None, str]]:
    """(id as tidings reports it in its error line, raw line) for each bad record.

    A record that is not valid JSON is reported with id null (tidings cannot
    read its id); the others, a field of the wrong type included, keep it.
    """
    bad: list[tuple[str | None, str]] = []
    for n in (1, 2):
        bad += [
            # not JSON at all: an unterminated string
            (None, '{"id": "bad-json-%d", "text": "unterminated' % n),
            # no text field
            (f"bad-notext-{n}", json.dumps({"id": f"bad-notext-{n}", "dct": "2024-01-01"})),
            # text is a number, not a string
            (f"bad-type-{n}", json.dumps({"id": f"bad-type-{n}", "text": 12345 + n})),
            # binary data: NUL and other control bytes (JSON-escaped, so the line is valid JSON)
            (f"bad-nul-{n}", json.dumps({"id": f"bad-nul-{n}", "text": "\x00\x01\x02binary\x00" * 20})),
            # a date that does not exist
            (f"bad-dct-{n}", json.dumps({"id": f"bad-dct-{n}", "text": "Talks resumed on Monday.", "dct": "2023-02-30"})),
        ]
    return bad


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="the corpus to write (JSON Lines)")
    ap.add_argument("--lines", type=int, default=3000, help="number of records, bad ones included (default 3000)")
    ap.add_argument("--shared", type=Path, help="the folder holding timebank/ (default ../shared beside the repo)")
    args = ap.parse_args()

    articles = read_articles(article_dirs(args.shared))
    if not articles:
        print("make_corpus: no articles found", file=sys.stderr)
        return 2
    bad = bad_records()
    n_good = max(args.lines - len(bad), 1)

    good: list[tuple[str, str]] = []
    for i in range(n_good):
        stem, dct, text = articles[i % len(articles)]
        rid = f"{stem}#{i // len(articles):04d}"
        rec = {"id": rid, "text": text}
        if dct:
            rec["dct"] = dct
        good.append((rid, json.dumps(rec, ensure_ascii=False)))

    # Spread the bad records (and two blank lines) evenly, so that they land
    # in different partitions.
    lines = [line for _, line in good]
    extras = [line for _, line in bad] + ["", "   "]
    step = max(len(lines) // (len(extras) + 1), 1)
    for k, extra in enumerate(extras):
        lines.insert(min((k + 1) * step + k, len(lines)), extra)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line + "\n")
    manifest = {
        "corpus": str(args.out),
        "lines": len(lines),
        "records": len(lines) - 2,
        "good": len(good),
        "bad": len(bad),
        "blank": 2,
        "bytes": args.out.stat().st_size,
        "bad_ids": [i for i, _ in bad],
        "good_ids": [i for i, _ in good],
    }
    mpath = args.out.with_name(args.out.name + ".manifest.json")
    mpath.write_text(json.dumps(manifest) + "\n", encoding="utf-8")
    print(
        f"make_corpus: {args.out}: {manifest['lines']} lines, {manifest['good']} good records, "
        f"{manifest['bad']} bad, {manifest['blank']} blank, {manifest['bytes'] / 1e6:.1f} MB; manifest {mpath}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
