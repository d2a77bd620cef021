#!/usr/bin/env python3
"""Generate gazetteers/cues/given_names.tsv (label GIVEN_NAME) from the name
dictionary shipped in gender-guesser (PyPI; data file nam_dict.txt by Jörg
Michael, GNU FDL 1.2). Only names with a reasonable frequency are kept
(frequency >= 3 on the file's 1..13 scale in some country, or >= 2 in the
columns for countries whose names the file covers more thinly; the file's
scale is logarithmic, so 3 is still a common name, e.g. "Jake" in the US). Names that
are also common English words are marked ambiguous=1; function words and
obvious non-names are dropped. Frequencies of common words come from
wordfreq (PyPI, Apache-2.0 code; data CC-BY-SA 4.0, only used for the
ambiguity flag, not copied).
"""
import os

from common import line, pkg_version_py, py_dir, write

COLS = ["GB", "IE", "US", "IT", "MT", "PT", "ES", "FR", "BE", "LU", "NL", "FRISIA", "DE", "AT", "CH",
        "IS", "DK", "NO", "SE", "FI", "EE", "LV", "LT", "PL", "CZ", "SK", "HU", "RO", "BG", "BA", "HR",
        "XK", "MK", "ME", "RS", "SI", "AL", "GR", "RU", "BY", "MD", "UA", "AM", "AZ", "GE", "CENTRAL_ASIA",
        "TR", "ARABIA_PERSIA", "IL", "CN", "IN", "JP", "KR", "VN", "OTHER"]
THIN = {"RU", "UA", "TR", "ARABIA_PERSIA", "IL", "CN", "IN", "JP", "KR", "VN", "CENTRAL_ASIA", "AM", "AZ", "GE", "OTHER"}

# not useful as given-name cues: function words, common words and place names
DROP = set("""The To In You On Be He Are My So Me Can An Do Than Said Go Per Line Oh Else Ago Soon Due Won De Co
Uk Ok Hey Hi Mine Gun German France Deep Beat Anti Ran Fan Lie File Ed Ad Ya Urban Trees Tea Sub Loan Lies Joke
Im Era Un Tiny Novel Mile Ah Yo Tone Mate Marine Hat Harm Gang Constant Tho Sin Odd Slave Pin Mall Jet Edit Dare
Bang Stole Raid Nail Lap Asset Yup Valve Pile Peer Owe Merit Martial Duo Unto Nato Ing Ferry Bent Ave Alter
Theres Romans Rim Lone Boo Ant Que Pier Bum Roar Greet Dime Ants Meta Tri Israel Kashmir Islam Thai Georgia
Virginia Carolina Sydney Kong Hong Santa Francisco Said Song Man Lines Il Se Sa Mi Di Da Na Mo Le Tu Ba Ra Ja
Ia Ri Gi Ge Ky Ab Si Ye Ai Ho Ha Us All It Is At Of Or As By If No Not For And But Has Had Was Job Age Art
Am Ma Pa Bad Big Fat Hot Red Top War Yes Via""".split())

# given names that are also common English words or places: kept, marked ambiguous
AMBIG = set("""Will May Mark Rose Bill Guy Long Young Major June April August Sun San Silver Frank Jack Ray Rain
Moon Max Hero Dick Bay Grace Joy Hope Faith Don Crystal Dean Angel Wolf Robin Ruby Penny Pearl Olive Lily Amber
Holly Heather Violet Iris Daisy Melody Dawn Eve Earl Kitty Sandy Pat Chad Jordan Austin Victoria Florence Chelsea
Madison Lincoln Jackson Washington Hung Sang Bin Ban Kim Lee Tan Tin Ton Pal Jet Chance Sterling Rich Rusty
Brook Brooke Summer Autumn Winter Storm Sky Star River Hunter Carter Cooper Mason Chase Drew Lane Dale Glen
Cash Colt Buck Prince King Duke Baron Bishop Page Reed Rod Nick Sue Chuck Bud Candy Cherry Ginger Honey Sugar
Destiny Harmony Patience Prudence Constance Charity Mercy Trinity Liberty Unity Miles Gay Hazel Jade Sunny
Happy Lucky Rocky Sonny Harley Stone Fox Hill Ash Wood Forest Grant Gene Mercedes Milan Roma Salem Orlando
Santiago Florida Dallas Houston Paris London Berlin Vienna Adelaide Cruz Hardy Sharp Bright Noble Royal Ruth
Pink Rowan Tiger Teddy Sterling Ivy Holly Dash Blaze Flint Rex Early Wells Mint Basil Sage Clay Dusty Saga
Sherry Brandy Whisky Wanda Joe Jean Marine Ranger Walker Rider Shepherd Porter Tanner Baker Taylor Fisher
Archer Ryder Paisley Alba Dior Chanel Armani Ace Kai""".split())


def parse(path):
    names = {}
    with open(path, encoding="utf-8") as f:
        for l in f:
            if l.startswith("#") or l.startswith("="):
                continue
            l = l.rstrip("\r\n")
            if len(l) > 29 and l[29] == "+":
                continue  # duplicate written with expanded umlauts
            g = l[:2].strip()
            n = l[3:29].strip()
            if not n:
                continue
            freqs = {}
            for i, ch in enumerate(l[30:30 + len(COLS)]):
                if ch.strip():
                    freqs[COLS[i]] = int(ch, 16)
            gender = {"M": "m", "1M": "m", "?M": "m", "F": "f", "1F": "f", "?F": "f"}.get(g, "u")
            prev = names.get(n)
            if prev:
                for k, v in freqs.items():
                    prev["freqs"][k] = max(prev["freqs"].get(k, 0), v)
                if prev["gender"] != gender:
                    prev["gender"] = "u"
            else:
                names[n] = {"gender": gender, "freqs": freqs}
    return names


def keep(info):
    for k, v in info["freqs"].items():
        if v >= 3 or (v >= 2 and k in THIN):
            return True
    return False


def given_names():
    """name -> (aliases, attrs) of the kept given names (used by cities.py too)."""
    d = py_dir()
    path = os.path.join(d, "gender_guesser", "data", "nam_dict.txt")
    from wordfreq import zipf_frequency
    out = {}
    for n, info in sorted(parse(path).items()):
        if not keep(info):
            continue
        if n in DROP or len(n.replace("+", "")) < 2:
            continue
        aliases = []
        canon = n
        if "+" in n:
            parts = n.split("+")
            canon = "-".join(parts)
            aliases = [" ".join(parts), parts[0] + "".join(p.lower() for p in parts[1:])]
        top = sorted(info["freqs"].items(), key=lambda kv: -kv[1])
        regions = [k for k, v in top if v >= max(3, top[0][1] - 2)][:6]
        attrs = {"gender": info["gender"], "freq": max(info["freqs"].values()), "regions": regions}
        low = canon.lower()
        if canon in AMBIG or (len(canon) <= 3 and zipf_frequency(low, "en") >= 4.5):
            attrs["ambiguous"] = "1"
        out[canon] = (aliases, attrs)
    return out


def main():
    gn = given_names()
    lines = [line("GIVEN_NAME", n, al, at) for n, (al, at) in gn.items()]
    hdr = [
        "Given names (label GIVEN_NAME), a cue list for the person rules.",
        f"generated by scripts/gazetteers/givennames.py from nam_dict.txt in gender-guesser {pkg_version_py('gender-guesser')} (PyPI, GPL-3.0 package;",
        "data file (c) Jörg Michael, GNU Free Documentation License 1.2); ambiguity flags use wordfreq " + pkg_version_py('wordfreq') + " frequencies; do not edit by hand",
        "attrs: gender=m|f|u (from the file), freq=highest frequency class 1..13 in any country column, regions=the columns where it is most frequent",
    ]
    write("cues/given_names.tsv", hdr, lines)


if __name__ == "__main__":
    main()
