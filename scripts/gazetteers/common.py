"""Shared helpers for the gazetteer generators."""
import json
import os
import sys
import unicodedata

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GAZ = os.path.join(ROOT, "gazetteers")


def py_dir():
    """Where the pinned PyPI packages were installed (pip install --target)."""
    d = os.environ.get("GZ_PY", "/tmp/gz-py")
    if d not in sys.path:
        sys.path.insert(0, d)
    return d


def npm_dir():
    """Where the pinned npm packages were installed (npm install --prefix)."""
    return os.path.join(os.environ.get("GZ_NPM", "/tmp/gz-npm"), "node_modules")


def pkg_version_py(dist):
    py_dir()
    from importlib import metadata
    return metadata.version(dist)


def pkg_version_npm(name):
    with open(os.path.join(npm_dir(), name, "package.json")) as f:
        return json.load(f)["version"]


def fold(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.lower().replace("\u2019", "'").split())


def clean(s):
    return " ".join(str(s).replace("\t", " ").replace("|", "/").split())


def line(label, name, aliases=(), attrs=None):
    name = clean(name)
    seen = {name}
    al = []
    for a in aliases:
        a = clean(a)
        if a and a not in seen:
            seen.add(a)
            al.append(a)
    at = []
    for k, v in (attrs or {}).items():
        if v is None or v == "" or v == []:
            continue
        if isinstance(v, (list, tuple)):
            vs = []
            for x in v:
                x = clean(x).replace(";", ",").replace("=", "-")
                if x and x not in vs:
                    vs.append(x)
            v = "|".join(vs)
        else:
            v = clean(v).replace(";", ",").replace("=", "-")
        at.append(f"{k}={v}")
    return "\t".join([label, name, "|".join(al), ";".join(at)])


def write(path, header_lines, lines):
    full = os.path.join(GAZ, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        for h in header_lines:
            f.write("# " + h + "\n")
        for l in lines:
            f.write(l + "\n")
    print(f"wrote {full}: {len(lines)} entries")
