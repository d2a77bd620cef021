#!/usr/bin/env python3
"""Generate gazetteers/places/countries.tsv: every UN member and observer, Taiwan,
Kosovo and dependent territories, with common English names, ISO codes and demonyms.

Sources: world-countries (npm, ODbL-1.0) for names, alternative spellings and
demonyms; pycountry (PyPI, LGPL-2.1) for ISO 3166-1 names; countries-list
(npm, MIT) for capitals (used by cities.py). Hand-written overrides below
(canonical names as used in English-language news, extra aliases, demonyms,
ambiguity flags).
"""
import json
import os
import re

from common import line, npm_dir, pkg_version_npm, pkg_version_py, py_dir, write, fold

# ISO alpha-2 codes skipped (uninhabited or not a place news treats as a country)
SKIP = {"AQ", "BV", "HM", "UM"}

# canonical name = common English short name used in news
CANON = {
    "TR": "Turkey", "CD": "Democratic Republic of the Congo", "VA": "Vatican City",
    "CV": "Cape Verde", "MO": "Macau", "CI": "Ivory Coast", "TL": "Timor-Leste",
    "VI": "US Virgin Islands", "SH": "Saint Helena", "GS": "South Georgia and the South Sandwich Islands",
}

# extra aliases (well-known forms used in news as names)
EXTRA = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
    # "Korea" alone is the South in news ("the foreign ministers of Korea,
    # the U.S. and Japan"); "North Korea" is longer and wins where written.
    "KR": ["ROK", "Republic of Korea", "S. Korea", "S Korea", "Korea"],
    "KP": ["DPRK", "D.P.R.K.", "N. Korea", "N Korea", "Democratic People's Republic of Korea"],
    "RU": ["Russian Federation"],
    "TR": ["Türkiye", "Turkiye", "Republic of Türkiye", "Republic of Turkey"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire", "Republic of Côte d'Ivoire"],
    "CZ": ["Czech Republic"],
    "AE": ["UAE", "U.A.E.", "Emirates", "United Arab Emirates"],
    "VA": ["Vatican", "Holy See", "Vatican City State"],
    "CN": ["PRC", "People's Republic of China", "Mainland China"],
    "TW": ["Republic of China", "Chinese Taipei", "ROC"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa", "D.R. Congo"],
    "CG": ["Congo-Brazzaville", "Congo Republic", "Republic of Congo"],
    "SA": ["KSA", "Kingdom of Saudi Arabia"],
    "ZA": ["RSA", "Republic of South Africa"],
    "MM": ["Burma"], "SZ": ["Swaziland"], "MK": ["Macedonia", "Republic of North Macedonia"],
    "CV": ["Cabo Verde", "Republic of Cabo Verde"], "TL": ["East Timor"],
    "NL": ["the Netherlands", "Holland"], "GM": ["The Gambia"], "BS": ["The Bahamas"],
    "PS": ["State of Palestine", "Palestinian territories", "Palestinian Territories", "occupied Palestinian territories"],
    "IR": ["Islamic Republic of Iran", "Persia"], "SY": ["Syrian Arab Republic"],
    "LA": ["Lao PDR", "Lao People's Democratic Republic"], "VN": ["Viet Nam", "Socialist Republic of Vietnam"],
    "BO": ["Plurinational State of Bolivia"], "VE": ["Bolivarian Republic of Venezuela"],
    "TZ": ["United Republic of Tanzania"], "MD": ["Republic of Moldova"],
    "BN": ["Brunei Darussalam"], "FM": ["Federated States of Micronesia"],
    "MO": ["Macao"], "HK": ["Hong Kong SAR", "HKSAR"], "XK": ["Republic of Kosovo"],
    "IE": ["Republic of Ireland", "Eire"], "BA": ["Bosnia", "Bosnia-Herzegovina", "BiH"],
    "TT": ["Trinidad"], "KN": ["St Kitts and Nevis", "St. Kitts and Nevis"],
    "LC": ["St Lucia", "St. Lucia"], "VC": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "ST": ["Sao Tome and Principe"], "PG": ["PNG"], "NZ": ["Aotearoa"], "IN": ["Bharat"],
    "FK": ["Falklands", "Malvinas", "Islas Malvinas", "Malvinas Islands", "Falklands/Malvinas"], "IS": ["Republic of Iceland"],
    "SB": ["Solomons"], "GL": ["Kalaallit Nunaat"], "KY": ["Caymans"], "RE": ["Reunion"],
    "CW": ["Curacao"], "AX": ["Aland Islands", "Aland"], "BL": ["St. Barthelemy", "St Barts", "St. Barts"],
    "KG": ["Kyrgyz Republic", "Kirghizia"], "BY": ["Belorussia", "Byelorussia"],
    "MV": ["Maldive Islands"], "EH": ["Sahrawi Arab Democratic Republic"],
}

DEMONYM_EXTRA = {
    "US": ["American", "Americans"], "GB": ["British", "Briton", "Britons", "Brit", "Brits"],
    "PH": ["Filipino", "Filipinos", "Philippine", "Filipina", "Filipinas"],
    "AE": ["Emirati", "Emiratis"], "SA": ["Saudi", "Saudis", "Saudi Arabian", "Saudi Arabians"],
    "NL": ["Dutch", "Dutchman", "Dutchmen"], "FR": ["French", "Frenchman", "Frenchmen"],
    "ES": ["Spanish", "Spaniard", "Spaniards"], "PL": ["Polish", "Pole", "Poles"],
    "DK": ["Danish", "Dane", "Danes"], "SE": ["Swedish", "Swede", "Swedes"],
    "FI": ["Finnish", "Finn", "Finns"], "TR": ["Turkish", "Turk", "Turks"],
    "CZ": ["Czech", "Czechs"], "SK": ["Slovak", "Slovaks", "Slovakian"], "SI": ["Slovene", "Slovenes", "Slovenian", "Slovenians"],
    "IE": ["Irish", "Irishman"], "CH": ["Swiss"], "CN": ["Chinese"], "JP": ["Japanese"],
    "VN": ["Vietnamese"], "TW": ["Taiwanese"], "LA": ["Laotian", "Laotians", "Lao"],
    "KG": ["Kyrgyz", "Kyrgyzstani", "Kyrgyzstanis"], "KZ": ["Kazakh", "Kazakhs", "Kazakhstani", "Kazakhstanis"],
    "UZ": ["Uzbek", "Uzbeks", "Uzbekistani"], "TJ": ["Tajik", "Tajiks", "Tajikistani"],
    "TM": ["Turkmen", "Turkmens"], "AF": ["Afghan", "Afghans", "Afghani"], "BD": ["Bangladeshi", "Bangladeshis"],
    "MM": ["Burmese", "Myanmar"], "TH": ["Thai", "Thais"], "NZ": ["New Zealander", "New Zealanders", "Kiwi", "Kiwis"],
    "IS": ["Icelandic", "Icelander", "Icelanders"], "GR": ["Greek", "Greeks"],
    "BA": ["Bosnian", "Bosnians"], "KP": ["North Korean", "North Koreans"], "KR": ["South Korean", "South Koreans"],
    "CD": ["Congolese"], "CG": ["Congolese"], "SO": ["Somali", "Somalis", "Somalian"],
    "KW": ["Kuwaiti", "Kuwaitis"], "BH": ["Bahraini", "Bahrainis"], "QA": ["Qatari", "Qataris"],
    "OM": ["Omani", "Omanis"], "YE": ["Yemeni", "Yemenis"], "IQ": ["Iraqi", "Iraqis"],
    "IL": ["Israeli", "Israelis"], "PK": ["Pakistani", "Pakistanis"], "NP": ["Nepalese", "Nepali", "Nepalis"],
    "LK": ["Sri Lankan", "Sri Lankans"], "CY": ["Cypriot", "Cypriots"], "NE": ["Nigerien", "Nigeriens"],
    "PS": ["Palestinian", "Palestinians"], "XK": ["Kosovar", "Kosovars", "Kosovan"],
    "UA": ["Ukrainian", "Ukrainians"], "RU": ["Russian", "Russians"], "IN": ["Indian", "Indians"],
    "HK": ["Hong Konger", "Hong Kongers"], "CV": ["Cape Verdean", "Cape Verdeans"],
    "LU": ["Luxembourgish", "Luxembourger"], "BE": ["Belgian", "Belgians"], "PT": ["Portuguese"],
    "DE": ["German", "Germans"], "IT": ["Italian", "Italians"], "SZ": ["Swazi", "Swazis", "Eswatini"],
    "MK": ["Macedonian", "North Macedonian"], "EC": ["Ecuadorian", "Ecuadorians"], "SR": ["Surinamese"],
    "TL": ["Timorese", "East Timorese"], "GB_": [],
}
# demonyms that are not unique to one country or too ambiguous are dropped
DEMONYM_DROP = {"Channel Islander", "Channel Islanders", "Virgin Islander", "Virgin Islanders", "Dutch",
                "French", "Norwegian", "American", "Indian", "Congolese", "Dominican", "Dominicans", "Vatican",
                "Gibraltar", "Djibouti", "Vaticans", "Kittitian or Nevisian"}
DEMONYM_KEEP_FOR = {"Dutch": "NL", "French": "FR", "Norwegian": "NO", "American": "US", "Indian": "IN"}

AMBIGUOUS = {"TD", "JO", "GE", "TR", "ML", "JE", "RE"}
CONSTITUENT = [
    ("England", [], ["English", "Englishman", "Englishmen"]),
    ("Scotland", [], ["Scottish", "Scot", "Scots"]),
    ("Wales", [], ["Welsh", "Welshman"]),
    ("Northern Ireland", [], ["Northern Irish"]),
]
TERRITORY_EXTRA = [
    # (name, aliases, country of sovereignty, demonyms)
]

ENGLISH_ALT = re.compile(r"\b(Republic|Kingdom|State|States|Federation|Commonwealth|Islands|Island|Principality|Union|Sultanate|Emirates|Confederation|Democratic|Territory|Bailiwick|Collectivity|Duchy|Federated)\b")


def plural(d):
    if d.endswith(("ese", "ish", "ch", "sh", "ss", "i", "x")) or " " in d and d.split()[-1].endswith(("ese", "ish")):
        return None
    if d.endswith("s"):
        return None
    return d + "s"


def load():
    with open(os.path.join(npm_dir(), "world-countries", "countries.json")) as f:
        return json.load(f)


def canonical_map():
    """iso2 -> canonical country name (used by the other generators)."""
    out = {}
    for c in load():
        out[c["cca2"]] = CANON.get(c["cca2"], c["name"]["common"])
    return out


def main():
    py_dir()
    import pycountry
    data = load()
    lines = []
    for c in sorted(data, key=lambda c: CANON.get(c["cca2"], c["name"]["common"])):
        iso2 = c["cca2"]
        if iso2 in SKIP:
            continue
        name = CANON.get(iso2, c["name"]["common"])
        is_country = c.get("unMember") or iso2 in {"VA", "PS", "TW", "XK"}
        aliases = [c["name"]["common"], c["name"]["official"]]
        for a in c.get("altSpellings", []):
            if a.isascii() and ", " not in a and "(" not in a and (ENGLISH_ALT.search(a) or a in ("UAE", "DPRK", "DRC", "Burma", "Swaziland", "East Timor", "Holland", "Macao", "Viet Nam", "Bosnia-Herzegovina", "Kirghizia")):
                aliases.append(a)
        pc = pycountry.countries.get(alpha_2=iso2)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(pc, attr, None)
                if v and ", " not in v and "(" not in v:
                    aliases.append(v)
        # drop the generic "Congo", "Korea" (the package gives it to both),
        # ... of the package's aliases, and any alias equal (folded) to the
        # canonical name; EXTRA may give one back to one country
        aliases = [a for a in aliases if a not in ("Congo", "Korea", "Virgin Islands", "Guiana")]
        aliases += EXTRA.get(iso2, [])
        aliases = [a for a in aliases if fold(a) != fold(name) and not a.startswith("the ") and "(" not in a]
        dem = []
        for g in ("m", "f"):
            d = c.get("demonyms", {}).get("eng", {}).get(g)
            if d:
                for part in re.split(r",\s*| or ", d):
                    part = part.strip()
                    if part and part not in dem:
                        dem.append(part)
                        p = plural(part)
                        if p:
                            dem.append(p)
        dem += DEMONYM_EXTRA.get(iso2, [])
        dem = [d for d in dem if (d not in DEMONYM_DROP and d[:-1] not in DEMONYM_DROP) or DEMONYM_KEEP_FOR.get(d.rstrip("s")) == iso2]
        if DEMONYM_KEEP_FOR and iso2 in DEMONYM_KEEP_FOR.values():
            dem += [d for d, k in DEMONYM_KEEP_FOR.items() if k == iso2]
            if iso2 in ("US", "IN", "NO"):
                dem.append(DEMONYM_KEEP_FOR_PL[iso2])
        dem = list(dict.fromkeys(dem))
        attrs = {
            "kind": "country" if is_country else "territory",
            "iso2": iso2,
            "iso3": c["cca3"] if c["cca3"] != "UNK" else "XKX",
            "demonym": dem,
        }
        if not is_country:
            sov = SOVEREIGN.get(iso2)
            if sov:
                attrs["country"] = sov
        if iso2 in AMBIGUOUS:
            attrs["ambiguous"] = "1"
        if iso2 in ("VA", "PS"):
            attrs["un_status"] = "observer"
        lines.append(line("PLACE", name, aliases, attrs))
    for name, al, dem in CONSTITUENT:
        lines.append(line("PLACE", name, al, {"kind": "constituent_country", "country": "United Kingdom", "demonym": dem}))
    hdr = [
        "Countries and territories (label PLACE, kind=country|territory|constituent_country).",
        f"generated by scripts/gazetteers/countries.py from world-countries {pkg_version_npm('world-countries')} (npm, ODbL-1.0: names, alt spellings, demonyms)",
        f"and pycountry {pkg_version_py('pycountry')} (PyPI, LGPL-2.1: ISO 3166-1 names), plus hand-written overrides in the script (canonical news names, aliases, demonyms); do not edit by hand",
        "Contains information from world-countries, which is made available under the Open Database License (ODbL) 1.0.",
    ]
    write("places/countries.tsv", hdr, lines)


DEMONYM_KEEP_FOR_PL = {"US": "Americans", "IN": "Indians", "NO": "Norwegians"}
SOVEREIGN = {
    "HK": "China", "MO": "China", "PR": "United States", "GU": "United States", "AS": "United States",
    "VI": "United States", "MP": "United States", "GL": "Denmark", "FO": "Denmark", "AW": "Netherlands",
    "CW": "Netherlands", "SX": "Netherlands", "BQ": "Netherlands", "NC": "France", "PF": "France",
    "GP": "France", "MQ": "France", "GF": "France", "RE": "France", "YT": "France", "PM": "France",
    "WF": "France", "BL": "France", "MF": "France", "TF": "France", "GI": "United Kingdom",
    "FK": "United Kingdom", "BM": "United Kingdom", "KY": "United Kingdom", "VG": "United Kingdom",
    "AI": "United Kingdom", "MS": "United Kingdom", "TC": "United Kingdom", "SH": "United Kingdom",
    "PN": "United Kingdom", "IO": "United Kingdom", "GS": "United Kingdom", "JE": "United Kingdom",
    "GG": "United Kingdom", "IM": "United Kingdom", "AX": "Finland", "SJ": "Norway", "CX": "Australia",
    "CC": "Australia", "NF": "Australia", "CK": "New Zealand", "NU": "New Zealand", "TK": "New Zealand",
}

if __name__ == "__main__":
    main()
