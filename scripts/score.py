#!/usr/bin/env python3
"""Reference scorer for tidings output (schema v1), plain Python 3, stdlib only.

Written from /work/shared/ANNOTATION.md and the rules stated in the crate docs
of crates/eval, apart from the Rust scorer, so that a test can check that both
give the same counts. The matching algorithm differs on purpose: the Rust code
runs the Hungarian algorithm, this one successive best augmenting paths found
by Bellman-Ford, both maximising the same lexicographic weights.

Usage:
    score.py [--json] [--texts DIR] GOLD PRED

GOLD and PRED are each a directory of *.json files, a .json file (one document
or a list) or a .jsonl file. With --texts, DIR/<id>.txt is the article text of
document <id>, used to apply the `ignore` snippets. --json prints the counts as
{"total": COUNTS, "documents": {id: COUNTS}} with the field names of the Rust
`Counts` type; otherwise a short table is printed.

Known difference: "alphanumeric" is Python's str.isalnum, the Rust code uses
char::is_alphanumeric; they differ on some combining marks, never on text in
Latin, Greek or Cyrillic script.
"""

import argparse
import json
import os
import sys
import unicodedata

PARTS = ["entities", "dates", "relations", "events"]
ROLES = ["participants", "agreement", "location", "name"]
APOSTROPHES = set("'\u2019\u2018\u201b\u02bc`\u00b4\u2032")
ZERO = (0, 0, 0, 0)


# ----------------------------------------------------------------- reading

def is_int(x):
    return isinstance(x, int) and not isinstance(x, bool) and x >= 0


def span_of(obj):
    if not isinstance(obj, dict):
        return None
    s, e = obj.get("start"), obj.get("end")
    if is_int(s) and is_int(e) and s <= e:
        return (s, e)
    return None


def spans_in(v):
    if isinstance(v, dict):
        s = span_of(v)
        return [s] if s else []
    if isinstance(v, list):
        return [s for s in (span_of(x) for x in v) if s]
    return []


def strs(v):
    return [x for x in v if isinstance(x, str)] if isinstance(v, list) else []


def s_or(obj, key, default=""):
    v = obj.get(key)
    return v if isinstance(v, str) else default


def value_of(v):
    """Gold-style value: None, a str, or a tuple of accepted strs."""
    if isinstance(v, str):
        return v
    if isinstance(v, list):
        return tuple(strs(v))
    return None


def predicted_value(v):
    if isinstance(v, tuple):
        return v[0] if v else None
    return v


def accepts(gold, pred):
    if gold is None:
        return pred is None
    if pred is None:
        return False
    if isinstance(gold, tuple):
        return pred in gold
    return gold == pred


def evidence_spans(obj):
    found = spans_in(obj.get("evidence"))
    return found if found else spans_in(obj.get("sentence"))


def records(obj, key):
    v = obj.get(key)
    return [x for x in v if isinstance(x, dict)] if isinstance(v, list) else []


def to_doc(v, where):
    if not isinstance(v, dict):
        raise ValueError("%s: a document must be a json object" % where)
    i = v.get("id")
    if isinstance(i, str):
        pass
    elif isinstance(i, int) and not isinstance(i, bool):
        i = str(i)
    else:
        raise ValueError("%s: the document has no string id" % where)
    scope = v.get("scope")
    args_of = lambda a: [(r, [x] if isinstance(x, str) else strs(x)) for r, x in a.items()] if isinstance(a, dict) else []
    return {
        "id": i,
        "scope": strs(scope) if isinstance(scope, list) else None,
        "ignore": strs(v.get("ignore")),
        "error": v.get("error") if isinstance(v.get("error"), str) else None,
        "entities": [{
            "type": s_or(e, "type"), "name": s_or(e, "name"),
            "aliases": strs(e.get("aliases")), "alt_types": strs(e.get("alt_types")),
            "optional": e.get("optional") is True, "spans": spans_in(e.get("mentions")),
        } for e in records(v, "entities")],
        "dates": [{
            "text": s_or(d, "text"), "value": value_of(d.get("value")),
            "type": d.get("type") if isinstance(d.get("type"), str) else None,
            "optional": d.get("optional") is True,
            "spans": [span_of(d)] if span_of(d) else [],
        } for d in records(v, "dates")],
        "relations": [{
            "type": s_or(r, "type"), "head": s_or(r, "head"), "tail": s_or(r, "tail"),
            "optional": r.get("optional") is True, "spans": evidence_spans(r),
        } for r in records(v, "relations")],
        "events": [{
            "type": s_or(e, "type"), "date": value_of(e.get("date")),
            "args": args_of(e.get("args")),
            "optional": e.get("optional") is True, "spans": evidence_spans(e),
        } for e in records(v, "events")],
    }


def load(path):
    if os.path.isdir(path):
        docs = []
        for name in sorted(os.listdir(path)):
            full = os.path.join(path, name)
            if name.endswith(".json") and os.path.isfile(full):
                docs.extend(load(full))
        return docs
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".jsonl"):
        docs = []
        for n, line in enumerate(text.split("\n")):
            if line.strip():
                where = "%s:%d" % (path, n + 1)
                try:
                    v = json.loads(line)
                except ValueError as e:
                    raise ValueError("%s: invalid json: %s" % (where, e))
                docs.append(to_doc(v, where))
        return docs
    try:
        v = json.loads(text)
    except ValueError as e:
        raise ValueError("%s: invalid json: %s" % (path, e))
    if isinstance(v, list):
        return [to_doc(x, path) for x in v]
    return [to_doc(v, path)]


# ----------------------------------------------------------------- normalising

def norm_text(s):
    s = unicodedata.normalize("NFKC", s).lower()
    words, cur = [], []
    for c in s:
        if c == "." or c in APOSTROPHES:
            continue
        if c.isalnum():
            cur.append(c)
        elif cur:
            words.append("".join(cur))
            cur = []
    if cur:
        words.append("".join(cur))
    return " ".join(words)


def norm(s):
    out = norm_text(s)
    return out[4:] if out.startswith("the ") else out


# ----------------------------------------------------------------- matching

def add(a, b):
    return tuple(x + y for x, y in zip(a, b))


def sub(a, b):
    return tuple(x - y for x, y in zip(a, b))


def max_matching(ng, npred, weight):
    """Maximum-weight matching by successive best augmenting paths."""
    w = {}
    for g in range(ng):
        for p in range(npred):
            x = weight(g, p)
            if x is not None:
                w[(g, p)] = x
    mg, mp = [None] * ng, [None] * npred
    while True:
        best = {g: ZERO for g in range(ng) if mg[g] is None}
        prev = {}
        end = None
        for _ in range(ng + 1):
            changed = False
            for (g, p), x in w.items():
                if g not in best or mg[g] == p:
                    continue
                gain = add(best[g], x)
                if mp[p] is None:
                    if end is None or gain > end[0]:
                        end = (gain, g, p)
                else:
                    g2 = mp[p]
                    back = sub(gain, w[(g2, p)])
                    if g2 not in best or back > best[g2]:
                        best[g2] = back
                        prev[g2] = (g, p)
                        changed = True
            if not changed:
                break
        if end is None or not end[0] > ZERO:
            break
        _, g, p = end
        while True:
            old = mg[g]
            mg[g], mp[p] = p, g
            if g not in prev:
                break
            g, p = prev[g]
            assert p == old
    return sorted((g, mg[g]) for g in range(ng) if mg[g] is not None)


def weight(required, counts, rest):
    if not required:
        rest = (0, 0, 0)
    return (int(required) + int(counts),) + tuple(rest)


def outcome(pairs, required, counts):
    gh = {g for g, _ in pairs}
    ph = {p for _, p in pairs}
    tp = [(g, p) for g, p in pairs if required[g]]
    fn = [g for g in range(len(required)) if required[g] and g not in gh]
    fp = [p for p in range(len(counts)) if counts[p] and p not in ph]
    return tp, fn, fp


# ----------------------------------------------------------------- ignore

class Context:
    def __init__(self, text, ignore):
        self.text = text
        self.ignored = []
        self.body = self.snippets = ""
        if text is None:
            return
        raw = text.encode("utf-8")
        self.raw = raw
        for snip in ignore:
            b = snip.encode("utf-8")
            if not b:
                continue
            i = raw.find(b)
            while i >= 0:
                self.ignored.append((i, i + len(b)))
                i = raw.find(b, i + len(b))
        covered = bytearray(len(raw))
        for s, e in self.ignored:
            for k in range(s, e):
                covered[k] = 1
        pieces, cur = [], bytearray()
        for k, byte in enumerate(raw):
            if covered[k]:
                if cur:
                    pieces.append(bytes(cur))
                    cur = bytearray()
            else:
                cur.append(byte)
        pieces.append(bytes(cur))
        body = "\n".join(p.decode("utf-8") for p in pieces)
        self.body = " " + norm_text(body) + " "
        self.snippets = " " + norm_text("\n".join(ignore)) + " "

    def inside(self, span):
        return any(s <= span[0] and span[1] <= e for s, e in self.ignored)

    def droppable(self, spans, literal):
        if self.text is None or not self.ignored:
            return False
        if spans:
            return all(self.inside(s) for s in spans)
        if not literal:
            return False
        b = literal.encode("utf-8")
        found = []
        i = self.raw.find(b)
        while i >= 0:
            found.append((i, i + len(b)))
            i = self.raw.find(b, i + len(b))
        return bool(found) and all(self.inside(s) for s in found)

    def only_in_ignore(self, forms):
        if self.text is None or not self.ignored:
            return False
        forms = [" %s " % f for f in map(norm, forms) if f]
        return not any(f in self.body for f in forms) and any(f in self.snippets for f in forms)


# ----------------------------------------------------------------- parts

def prf():
    return {"tp": 0, "fp": 0, "fn": 0}


def empty_counts():
    return {
        "entities": prf(), "entities_by_type": {}, "dates": prf(),
        "date_values": {"correct": 0, "total": 0}, "relations": prf(), "events": prf(),
        "event_dates": {"correct": 0, "total": 0}, "event_args": prf(),
    }


def score_entities(gold, pred, cx, c):
    ge, pe = gold["entities"], pred["entities"]
    forms = [{f for f in map(norm, [e["name"]] + e["aliases"]) if f} for e in ge]
    required = [not e["optional"] and not cx.only_in_ignore([e["name"]] + e["aliases"]) for e in ge]
    names = [norm(e["name"]) for e in pe]
    counts = [not cx.droppable(e["spans"], e["name"]) for e in pe]

    def wt(g, p):
        ok = pe[p]["type"] == ge[g]["type"] or pe[p]["type"] in ge[g]["alt_types"]
        if ok and names[p] in forms[g]:
            return weight(required[g], counts[p], (int(pe[p]["type"] == ge[g]["type"]), 0, 0))
        return None

    tp, fn, fp = outcome(max_matching(len(ge), len(pe), wt), required, counts)
    bt = c["entities_by_type"]
    for g, _ in tp:
        c["entities"]["tp"] += 1
        bt.setdefault(ge[g]["type"], prf())["tp"] += 1
    for g in fn:
        c["entities"]["fn"] += 1
        bt.setdefault(ge[g]["type"], prf())["fn"] += 1
    for p in fp:
        c["entities"]["fp"] += 1
        bt.setdefault(pe[p]["type"], prf())["fp"] += 1


def merged(items):
    """[(text, value, flag)] -> unique by (norm text, value), flags or-ed."""
    out, seen = [], {}
    for text, value, flag in items:
        key = (norm(text), value)
        if key in seen:
            out[seen[key]]["flag"] = out[seen[key]]["flag"] or flag
        else:
            seen[key] = len(out)
            n = key[0]
            out.append({"norm": n, "tokens": set(t for t in n.split(" ") if t), "value": value, "flag": flag})
    return out


def is_date(d):
    return d["type"] not in ("DURATION", "SET")


def score_dates(gold, pred, cx, c):
    gi = merged((d["text"], d["value"], not d["optional"] and is_date(d) and not cx.only_in_ignore([d["text"]]))
                for d in gold["dates"])
    pi = merged((d["text"], predicted_value(d["value"]), not cx.droppable(d["spans"], d["text"]))
                for d in pred["dates"] if is_date(d))
    required = [x["flag"] for x in gi]
    counts = [x["flag"] for x in pi]

    def wt(g, p):
        a, b = gi[g], pi[p]
        if a["norm"] and b["norm"] and (a["norm"] in b["norm"] or b["norm"] in a["norm"]) \
                and a["tokens"] & b["tokens"]:
            return weight(required[g], counts[p], (int(accepts(a["value"], b["value"])), 0, 0))
        return None

    tp, fn, fp = outcome(max_matching(len(gi), len(pi), wt), required, counts)
    c["dates"]["tp"] += len(tp)
    c["dates"]["fn"] += len(fn)
    c["dates"]["fp"] += len(fp)
    for g, p in tp:
        c["date_values"]["total"] += 1
        c["date_values"]["correct"] += int(accepts(gi[g]["value"], pi[p]["value"]))


REL_TYPES = {
    "represents": (["PERSON"], ["PLACE"]),
    "works_for": (["PERSON"], ["ORG"]),
    "part_of": (["ORG"], ["ORG", "PLACE"]),
    "party_to": (["PLACE", "ORG"], ["AGREEMENT"]),
    "signatory": (["PERSON"], ["AGREEMENT"]),
}
ROLE_TYPES = {"participants": ["PERSON", "ORG", "PLACE"], "agreement": ["AGREEMENT"], "location": ["PLACE"]}


def resolve(entities, name, preferred):
    n = norm(name)
    if not n:
        return None
    best = None
    for i, e in enumerate(entities):
        by_name = norm(e["name"]) == n
        by_alias = any(norm(a) == n for a in e["aliases"])
        if not (by_name or by_alias):
            continue
        typed = any(e["type"] == t or t in e["alt_types"] for t in preferred)
        key = (not typed, not by_name, i)
        if best is None or key < best:
            best = key
    return ("g", best[2]) if best else ("t", n)


def score_relations(gold, pred, cx, c):
    ents = gold["entities"]

    def key(r):
        h, t = REL_TYPES.get(r["type"], ([], []))
        hh, tt = resolve(ents, r["head"], h), resolve(ents, r["tail"], t)
        return None if hh is None or tt is None else (r["type"], hh, tt)

    gk = {}
    for r in gold["relations"]:
        k = key(r)
        if k is not None:
            gk[k] = gk.get(k, False) or not r["optional"]
    pk, unnamed = {}, 0
    for r in pred["relations"]:
        counts = not cx.droppable(r["spans"], "")
        k = key(r)
        if k is None:
            unnamed += int(counts)
        else:
            pk[k] = pk.get(k, False) or counts
    # Identical keys after merging: the one-to-one matching is key equality.
    for k, req in gk.items():
        if req:
            if k in pk:
                c["relations"]["tp"] += 1
            else:
                c["relations"]["fn"] += 1
    c["relations"]["fp"] += sum(1 for k, cnt in pk.items() if cnt and k not in gk) + unnamed


def score_events(gold, pred, cx, c):
    ents = gold["entities"]
    ge, pe = gold["events"], pred["events"]

    def args(e):
        out = []
        for role in ROLES:
            vals = set()
            for r, values in e["args"]:
                if r == role:
                    for v in values:
                        x = resolve(ents, v, ROLE_TYPES.get(role, []))
                        if x is not None:
                            vals.add(x)
            out.append(vals)
        return out

    ga, pa = [args(e) for e in ge], [args(e) for e in pe]
    required = [not e["optional"] for e in ge]
    counts = [not cx.droppable(e["spans"], "") for e in pe]

    def overlap(g, p):
        shared = sum(len(a & b) for a, b in zip(ga[g], pa[p]))
        extra = sum(len(b - a) for a, b in zip(ga[g], pa[p]))
        lacking = sum(len(a - b) for a, b in zip(ga[g], pa[p]))
        return shared, extra, lacking

    def date_ok(g, p):
        return accepts(ge[g]["date"], predicted_value(pe[p]["date"]))

    def wt(g, p):
        s, x, l = overlap(g, p)
        if ge[g]["type"] == pe[p]["type"] and s > 0:
            return weight(required[g], counts[p], (s, -(x + l), int(date_ok(g, p))))
        return None

    tp, fn, fp = outcome(max_matching(len(ge), len(pe), wt), required, counts)
    c["events"]["tp"] += len(tp)
    c["events"]["fn"] += len(fn)
    c["events"]["fp"] += len(fp)
    for g, p in tp:
        c["event_dates"]["total"] += 1
        c["event_dates"]["correct"] += int(date_ok(g, p))
        s, x, l = overlap(g, p)
        c["event_args"]["tp"] += s
        c["event_args"]["fp"] += x
        c["event_args"]["fn"] += l


def score(gold_docs, pred_docs, texts):
    by_id = {}
    for p in pred_docs:
        by_id.setdefault(p["id"], p)
    empty = to_doc({"id": ""}, "")
    total, docs = empty_counts(), {}
    for g in gold_docs:
        p = by_id.get(g["id"], empty)
        if p["error"] is not None:
            p = empty
        c = empty_counts()
        cx = Context(texts.get(g["id"]), g["ignore"])
        scope = PARTS if g["scope"] is None else [x for x in PARTS if x in g["scope"]]
        for part in scope:
            {"entities": score_entities, "dates": score_dates,
             "relations": score_relations, "events": score_events}[part](g, p, cx, c)
        docs[g["id"]] = c
        for k, v in c.items():
            if k == "entities_by_type":
                for t, x in v.items():
                    slot = total[k].setdefault(t, prf())
                    for f in x:
                        slot[f] += x[f]
            else:
                for f in v:
                    total[k][f] += v[f]
    return {"total": total, "documents": docs}


def f1(x):
    p = x["tp"] / (x["tp"] + x["fp"]) if x["tp"] + x["fp"] else 1.0
    r = x["tp"] / (x["tp"] + x["fn"]) if x["tp"] + x["fn"] else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser(description="Reference scorer for tidings output.")
    ap.add_argument("--json", action="store_true", help="print the counts as json")
    ap.add_argument("--texts", help="directory of <id>.txt article texts")
    ap.add_argument("gold")
    ap.add_argument("pred")
    a = ap.parse_args()
    try:
        gold, pred = load(a.gold), load(a.pred)
    except (OSError, ValueError) as e:
        print("score.py: %s" % e, file=sys.stderr)
        return 2
    texts = {}
    if a.texts:
        for g in gold:
            path = os.path.join(a.texts, g["id"] + ".txt")
            if os.path.isfile(path):
                with open(path, encoding="utf-8", newline="") as f:
                    texts[g["id"]] = f.read()
    result = score(gold, pred, texts)
    if a.json:
        print(json.dumps(result, indent=1, sort_keys=True))
        return 0
    t = result["total"]
    for name in ["entities", "dates", "relations", "events", "event_args"]:
        p, r, f = f1(t[name])
        print("%-12s tp %5d fp %5d fn %5d  P %.3f R %.3f F1 %.3f" % (name, t[name]["tp"], t[name]["fp"], t[name]["fn"], p, r, f))
    for name in ["date_values", "event_dates"]:
        x = t[name]
        print("%-12s %d/%d" % (name, x["correct"], x["total"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
