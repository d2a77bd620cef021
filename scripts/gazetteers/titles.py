#!/usr/bin/env python3
"""Generate gazetteers/cues/titles.tsv (label TITLE): honorifics, ranks and
nobility/religious titles from nameparser's constants (PyPI, LGPL-2.1),
filtered to the ones written before names, plus hand-written offices and
military ranks used in defence and diplomacy news (in this script)."""
from common import line, pkg_version_py, py_dir, write

# nameparser titles that are occupations, adjectives or generic words rather than titles before a name
NP_DROP = set("""abolitionist academic acolyte activist actor actress adept advertising air analytics anarchist animator
anthropologist appellate apprentice arbitrator archeologist architect arranger assistant assoc associate asst astronomer
attorney author award-winning ballet bandleader banker banner bard barrister baseball bearer behavioral bench biblical
bibliographer biochemist biographer biologist blogger blues bookseller botanist british broadcaster burlesque business
businessman businesswoman cartographer cartoonist celebrity ceo cfo chair chairs chef chemist chief choreographer civil
classical clergyman clerk co-chair co-chairs co-founder coach collector comedian comedienne comic compositeur computer
conductor consultant controller corporate correspondent counsel counselor courtier credit criminal criminologist critic
curator customs cyclist dancer delegate deputy designated designer developer diplomat dir director discovery dissident district
division docket dramatist drummer ecologist economist editor educator engineer english entertainer entrepreneur essayist
excellent exec executive expert family familie federal film financial first flag flying foreign forester founder goodman goodwife
group guitarist heir heiress her hereditary high his historian historicus historien host illustrator industrialist information
instructor intelligence inventor investigator investor journalist journeyman judicial keyboardist kingdom knowledge law lawyer
leader lecturer legal librarian linguist literary lyricist magnate maid manager marcher marketing mathematician mathematics
member memoirist merchant met military missionary mobster model most mountaineer municipal musician musicologist mystery nanny
narrator national naturalist navy neuroscientist novelist nurse obstetritian officer opera operating ornithologist painter
paleontologist pediatrician personality petty philantropist philosopher photographer physician physicist pianist pilot pioneer
player playwright poet police political politician presiding principal printer printmaker private pro producer psychiatrist
psychologist publisher radio rear researcher resident revenue right risk rock royal sailor satirist scholar schoolmaster
scientist screenwriter security senior servant singer singer-songwriter soccer social sociologist software soldier soprano
special staff state states strategy suffragist superior supreme surgeon tax teacher technical technologist television tenor
theater theatre theologian theorist translator travel treasurer uk united us vc army adviser advocate bailiff chaplain
commissioner comptroller councillor detective doctor judge magistrate mayor minister envoy premier president prime
representative secretary senator sheriff speaker governor treasurer registrar provost prefect intendant chancellor attache
attaché charge chargé d'affaires ambassador solicitor surgeon me mag mag-judge mag/judge magistrate-judge senior-judge
brother sister mother father aunt auntie uncle master mister misses madam grand field count saint sainte st
composer vice voice vocalist writer zoologist woodman warrant wing wp ranger ra pd ab rt administrator almoner headman knight
doyen docent jurist matriarch monk dpty prin hr verderer warden timi burgess swordbearer pursuivant edmi ekegbian elerunwon
edohen owura lamido rangatira saoshyant sysselmann ponia ponas proua preili neiti kalbatoni batoni greifi grafi grafas krahv kreivi
dhr mevr mevrouwe heren herren herrn vrouwe frk fru sres srtas univ.prof priv.-doz fh-prof dipl.-ing gent.le gent.ma gent.mo
ill.ma ill.mo preg.ma preg.mo ch.ma ch.mo sig.na sig.ra prof.ssa dott.ssa mpco-cg""".split())

MILITARY = set("""1lt 1sgt 1stlt 1stsgt 2lt 2ndlt a1c adm admiral adjutant amn bg bgen brigadier briggen capt captain ccmsgt cdr cmsaf
cmsgt col colonel commander commander-in-chief commodore corporal cpl cpo cpt csm cwo-2 cwo-3 cwo-4 cwo-5 cwo2 cwo3 cwo4 cwo5 ens
fadm gaf gen general generalissimo gysgt lcdr lcpl lieutenant lt ltc ltcol ltg ltgen ltjg maj majgen mcpo mcpoc mcpon mg mgysgt msg
msgt pfc po1 po2 po3 pslc pv2 pvt radm rdml scpo sergeant sfc sgm sgt sgtmaj sgtmajmc sma smsgt sn spc ssg ssgt subaltern subedar
tsgt vadm wo1""".split())
RELIGIOUS = set("""abbess abbot akhoond archbishop archdeacon archdruid arhat ayatollah bishop blessed bodhisattva bp buddha canon
cardinal catholicos dcn deacon druid eminence evangelist fr friar guru hajji imam lama mahdi metropolitan monk monsignor monseigneur
mufti mullah murshid pastor patriarch pir pope prelate presbyter priest priestess primate prior rabbi rebbe rev reverend saoshyant
siddha swami tirthankar vardapet venerable holiness giani gyani""".split())
ABBREV_DOT = {"dr", "mr", "mrs", "ms", "gen", "lt", "col", "capt", "maj", "sgt", "adm", "rep", "sen", "gov", "prof", "rev", "hon",
              "cdr", "cpl", "pvt", "brig", "fr", "st", "mx", "jr", "sr", "cllr", "pres", "supt", "insp", "cmdr", "comdr", "ltgen", "majgen"}
UPPER = {"bg", "cpo", "csm", "mcpo", "mcpon", "mg", "pfc", "sfc", "sgm", "sma", "ssg", "sn", "spc", "ltc", "ltg", "radm", "vadm", "fadm",
         "rdml", "cmsaf", "gaf", "a1c", "pslc", "scpo", "mcpoc", "pv2", "po1", "po2", "po3", "1lt", "2lt", "cwo2", "cwo3", "cwo4", "cwo5"}

# hand-written: offices, ranks and honorifics used in news (name, aliases, kind)
HAND = """
office|Prime Minister|PM|Premier
office|Deputy Prime Minister|Deputy PM|DPM
office|President|Pres.
office|Vice President|Vice-President|VP|Veep
office|Vice Chancellor|Vice-Chancellor
office|Chancellor
office|Federal Chancellor
office|Defence Minister|Defense Minister|Minister of Defence|Minister of Defense|Minister for Defence|Defence Minister of State
office|Minister of State for Defence|Minister of State for Defense|MoS Defence|Raksha Rajya Mantri
office|Raksha Mantri
office|Foreign Minister|Minister of Foreign Affairs|Minister for Foreign Affairs|FM
office|External Affairs Minister|EAM|Minister of External Affairs
office|Minister of State for External Affairs|MoS External Affairs
office|Home Minister|Interior Minister|Minister of Home Affairs|Minister of the Interior|Minister of Interior
office|Finance Minister|Minister of Finance|Minister for Finance
office|Commerce Minister|Trade Minister|Minister of Commerce and Industry|Commerce and Industry Minister
office|Foreign Secretary
office|Home Secretary
office|Defence Secretary|Defense Secretary|Secretary of Defence
office|Secretary of Defense|SecDef|Secretary of War
office|Secretary of State for Defence
office|Secretary for Defence
office|Deputy Secretary of Defense|Deputy Defense Secretary
office|Under Secretary of Defense|Undersecretary of Defense
office|Assistant Secretary of Defense
office|Deputy Secretary
office|Under Secretary|Undersecretary|Under-Secretary
office|Assistant Secretary
office|Secretary of State
office|Deputy Secretary of State
office|Secretary of the Army
office|Secretary of the Navy|Navy Secretary
office|Secretary of the Air Force|Air Force Secretary
office|Secretary of Homeland Security|Homeland Security Secretary
office|Secretary-General|Secretary General
office|Deputy Secretary-General|Deputy Secretary General
office|National Security Advisor|National Security Adviser|NSA|Deputy National Security Advisor|Deputy National Security Adviser
office|Chief of Defence Staff|CDS|Chief of the Defence Staff|Chief of Defense Staff
office|Chairman of the Joint Chiefs of Staff|Chairman of the Joint Chiefs|CJCS|Joint Chiefs Chairman|Vice Chairman of the Joint Chiefs of Staff
office|Chief of Army Staff|COAS|Army Chief|Chief of the Army Staff
office|Chief
office|Chief of Naval Staff|CNS|Navy Chief|Chief of Naval Operations|CNO|Chief of the Naval Staff
office|Chief of Navy|Chief of Army|Chief of Air Force|Chief of the Navy|Chief of the Army|Chief of the Air Force
office|Chief of Air Staff|CAS|Air Chief|Air Force Chief|Chief of the Air Staff
office|Chief of Staff|Chief of the General Staff|Chief of General Staff
office|Army Chief of Staff|Air Force Chief of Staff
office|Commandant
office|Commander
office|Commander-in-Chief|Commander in Chief|C-in-C
office|Cabinet Secretary
office|Chief Secretary
office|Principal Secretary
office|Ambassador|Amb.|Ambassador-at-Large|Ambassador at Large
office|High Commissioner
office|Deputy High Commissioner
office|Envoy|Special Envoy|Special Representative
office|Consul General|Consul-General|Consul
office|Chargé d'Affaires|Charge d'Affaires
office|Permanent Representative
office|Defence Attaché|Defense Attaché|Military Attaché|Naval Attaché|Air Attaché
office|Chancellor of the Exchequer
office|Attorney General|Attorney-General
office|Solicitor General
office|Governor|Gov.
office|Lieutenant Governor|Lt Governor|Lt. Governor|Lieutenant-Governor
office|Governor-General|Governor General
office|Chief Minister|CM
office|Deputy Chief Minister
office|Senator|Sen.
office|Representative|Rep.|Congressman|Congresswoman|Congressmember
office|Speaker|Speaker of the House
office|Majority Leader|Minority Leader|Senate Majority Leader|Senate Minority Leader|House Majority Leader|House Minority Leader
office|Leader of the Opposition|Opposition Leader|LoP
office|Member of Parliament|MP|MPs
office|Member of the European Parliament|MEP
office|Minister
office|Minister of State|MoS
office|Union Minister|Cabinet Minister
office|Junior Minister
office|Mayor|Lord Mayor
office|Chief Justice|Justice
office|Judge
office|King
office|Queen
office|Crown Prince|Crown Princess
office|Prince
office|Princess
office|Emir|Amir
office|Sultan
office|Sheikh|Shaikh|Sheik|Shaykh
office|Supreme Leader
office|Ayatollah|Grand Ayatollah
office|Pope
office|Dalai Lama
office|Emperor
office|Empress
office|Grand Duke
office|Monarch
office|Head of State
office|Chairman|Chairwoman|Chairperson|Chair
office|Vice Chairman|Vice-Chairman|Vice Chair
office|Chief Executive|Chief Executive Officer|CEO
office|Chief Operating Officer|COO
office|Chief Technology Officer|CTO
office|Managing Director|MD
office|Director General|Director-General|DG
office|Director|Deputy Director
office|Secretary
office|Spokesperson|Spokesman|Spokeswoman
office|Aide|Adviser|Advisor
office|Leader|Party Leader|Rebel Leader|Militia Leader
office|Superintendent|Police Superintendent|Chief Superintendent|Deputy Superintendent
office|Commissioner|High Representative|High Representative for Foreign Affairs and Security Policy
office|President of the European Commission|Commission President
office|President of the European Council
office|General Secretary
office|Premier of the State Council
office|Chief of the Defence Force|Chief of Defence|Chief of Defense|CDF|Chief of Defence Force|Chief of Defence Forces|Chief of the Defence Forces|Chief of Defense Forces|Chief of the Defense Forces
office|Director of National Intelligence|DNI
office|Inspector General|Inspector-General|IG
office|Press Secretary
office|Deputy Chief of Army Staff|Vice Chief of Army Staff|VCOAS|Vice Chief of Naval Staff|Vice Chief of Air Staff|Vice Chief of the Defence Staff
office|Defence Procurement Minister|Minister for Defence Procurement|Minister for Defence Industry|Minister for the Armed Forces|Armed Forces Minister
office|Minister of National Defense|Minister of National Defence|National Defense Minister|National Defence Minister
office|Minister for Foreign and European Affairs|Minister for Europe and Foreign Affairs
office|Secretary of Foreign Affairs|Foreign Affairs Secretary
office|Secretary of National Defense|Secretary of National Defence|National Defense Secretary
office|Shadow Defence Secretary|Shadow Defense Secretary|Shadow Foreign Secretary|Shadow Home Secretary|Shadow Chancellor
military_rank|General|Gen.|Gen
military_rank|Lieutenant General|Lt Gen|Lt. Gen.|Lt-Gen|Lt.Gen.|Lieutenant-General|LtGen|Lt Gen.
military_rank|Major General|Maj Gen|Maj. Gen.|Maj-Gen|MajGen|Major-General|Maj.Gen.
military_rank|Brigadier General|Brig Gen|Brig. Gen.|Brig.Gen.|BGen
military_rank|Brigadier|Brig|Brig.
military_rank|Colonel|Col|Col.
military_rank|Lieutenant Colonel|Lt Col|Lt. Col.|Lt-Col|LtCol|Lieutenant-Colonel
military_rank|Major|Maj|Maj.
military_rank|Captain|Capt|Capt.|Cpt.
military_rank|Lieutenant|Lt|Lt.|Lieut.
military_rank|Second Lieutenant|2nd Lt|2nd Lt.|First Lieutenant|1st Lt|1st Lt.
military_rank|Sergeant|Sgt|Sgt.|Staff Sergeant|Staff Sgt.|Master Sergeant|Sergeant Major|Sgt. Maj.|Command Sergeant Major|Sergeant First Class|Sgt. 1st Class
military_rank|Corporal|Cpl|Cpl.|Lance Corporal|Lance Cpl.
military_rank|Private|Pvt|Pvt.|Private First Class|Pfc.
military_rank|Field Marshal|Field Marshall
military_rank|Marshal|Marshal of the Air Force
military_rank|Admiral|Adm|Adm.
military_rank|Vice Admiral|Vice Adm.|Vice Adm|VAdm|Vice-Admiral
military_rank|Rear Admiral|Rear Adm.|Rear Adm|RAdm|Rear-Admiral
military_rank|Commodore|Cmde|Cdre|Commo.
military_rank|Commander|Cmdr|Cmdr.|Cdr|Cdr.|Comdr.
military_rank|Lieutenant Commander|Lt Cdr|Lt. Cmdr.|Lt Cmdr|Lt. Cdr.|Lieutenant-Commander
military_rank|Ensign|Ens.
military_rank|Petty Officer|Chief Petty Officer|Master Chief Petty Officer
military_rank|Air Chief Marshal|ACM|Air Chief Mshl
military_rank|Air Marshal|Air Mshl
military_rank|Air Vice Marshal|AVM|Air Vice-Marshal
military_rank|Air Commodore|Air Cdre
military_rank|Group Captain|Gp Capt|Gp. Capt.
military_rank|Wing Commander|Wg Cdr|Wg. Cdr.|Wing Cdr
military_rank|Squadron Leader|Sqn Ldr|Sqn. Ldr.
military_rank|Flight Lieutenant|Flt Lt|Flt. Lt.
military_rank|Flying Officer|Fg Offr
military_rank|Pilot Officer
military_rank|Warrant Officer|WO|Chief Warrant Officer|CWO
military_rank|Subedar|Subedar Major|Naib Subedar|Havildar|Naik|Sepoy|Lance Naik|Risaldar
military_rank|Senior Airman|Airman|Airman First Class|Technical Sergeant|Tech. Sgt.|Senior Master Sergeant|Chief Master Sergeant
military_rank|Seaman|Able Seaman|Leading Seaman
military_rank|Gunnery Sergeant|Gunnery Sgt.|Gunny
military_rank|Specialist|Spc.
military_rank|Lance Bombardier|Bombardier|Gunner|Trooper|Sapper|Rifleman
military_rank|Colonel General|Col Gen|Col. Gen.|Army General
military_rank|Generalleutnant|Generalmajor
military_rank|Sub-Lieutenant|Sub Lieutenant|Sub Lt
honorific|Doctor|Dr|Dr.
honorific|Professor|Prof|Prof.|Assoc. Prof.|Associate Professor|Assistant Professor
honorific|Mr|Mr.|Mister
honorific|Mrs|Mrs.
honorific|Ms|Ms.
honorific|Miss
honorific|Mx|Mx.
honorific|Sir
honorific|Dame
honorific|Lord
honorific|Lady
honorific|Baron|Baroness
honorific|Earl|Countess|Viscount|Marquess|Duke|Duchess
honorific|Shri|Sri|Shree|Shri.
honorific|Smt|Smt.|Shrimati|Srimati
honorific|Kumari
honorific|Sushri
honorific|Pandit
honorific|Mahatma
honorific|Ustad
honorific|Janab
honorific|Begum
honorific|Sahib|Saheb
honorific|Hazrat
honorific|Haji|Hajji|Hajj|Al-Haj|Alhaji|Alhaja
honorific|Datuk|Dato'|Dato|Datuk Seri|Dato' Sri|Dato' Seri|Dato Seri|Datuk Sri|Datin|Datin Seri|Tan Sri|Tun|Tunku|Tengku|Puan Sri|Toh Puan
honorific|Pehin
honorific|Bapak
honorific|Excellency|His Excellency|Her Excellency|H.E.
honorific|His Majesty|Her Majesty|Their Majesties
honorific|His Royal Highness|Her Royal Highness|HRH|His Highness|Her Highness
honorific|His Holiness|Her Holiness
honorific|Honourable|Honorable|Hon|Hon.|The Honourable|The Honorable|Right Honourable|Rt Hon|Rt. Hon.|The Rt Hon
honorific|Esquire|Esq|Esq.
honorific|Monsieur|M.|Madame|Mme|Mme.|Mademoiselle|Mlle
honorific|Herr|Frau
honorific|Señor|Sr.|Señora|Sra.|Senhor|Senhora
honorific|Signor|Signora
honorific|Comrade|Tovarishch
honorific|Reverend|Rev|Rev.|The Reverend|Very Reverend|Most Reverend|Right Reverend
honorific|Father|Fr.|Brother|Sister|Mother Superior
honorific|Rabbi
honorific|Imam
honorific|Cardinal
honorific|Archbishop
honorific|Bishop
honorific|Mullah|Maulana|Maulvi|Mufti
honorific|Swami|Sadhguru|Acharya|Guru|Baba
honorific|Syed|Sayyid|Sayed
honorific|Jr|Jr.|Sr|Sr.|II|III|IV
honorific|Chief
honorific|Oba
honorific|Khun
honorific|Ajahn
honorific|Daw
honorific|Ven.
"""

# Offices that exist in one country only: a person given one of these titles
# represents that country, which the text then implies without naming it.
COUNTRY_OF = {
    "Secretary of Defense": "United States",
    "Deputy Secretary of Defense": "United States",
    "Under Secretary of Defense": "United States",
    "Assistant Secretary of Defense": "United States",
    "Secretary of State": "United States",
    "Deputy Secretary of State": "United States",
    "Secretary of the Army": "United States",
    "Secretary of the Navy": "United States",
    "Secretary of the Air Force": "United States",
    "Secretary of Homeland Security": "United States",
    "Chairman of the Joint Chiefs of Staff": "United States",
    "Director of National Intelligence": "United States",
    "Raksha Mantri": "India",
    "External Affairs Minister": "India",
    "Minister of State for External Affairs": "India",
    "Secretary of State for Defence": "United Kingdom",
    "Chancellor of the Exchequer": "United Kingdom",
}


def main():
    py_dir()
    from nameparser.config import titles as T
    entries = {}
    order = []

    def add(name, aliases, kind, src):
        key = name
        if key in entries:
            entries[key][0].extend(a for a in aliases if a not in entries[key][0])
            return
        entries[key] = [list(aliases), kind, src]
        order.append(key)

    for raw in HAND.strip().splitlines():
        parts = raw.split("|")
        kind, name, aliases = parts[0], parts[1], parts[2:]
        add(name, aliases, kind, "hand")
    # collect every surface already covered, so nameparser entries do not duplicate them
    covered = set()
    for k, (al, _, _) in entries.items():
        covered.add(k.lower().rstrip("."))
        covered.update(a.lower().rstrip(".") for a in al)
    for t in sorted(T.TITLES):
        if not t.isascii() or t in NP_DROP or any(c.isdigit() for c in t) and t not in MILITARY:
            continue
        if t.lower().rstrip(".") in covered:
            continue
        if t in UPPER:
            name = t.upper()
        elif "." in t or "'" in t:
            name = t.capitalize()
        else:
            name = "-".join(p.capitalize() for p in t.split("-"))
        aliases = []
        if t in ABBREV_DOT:
            aliases.append(name + ".")
        kind = "military_rank" if t in MILITARY else "religious" if t in RELIGIOUS else "honorific"
        add(name, aliases, kind, "nameparser")
        covered.add(t)
    def attrs(n):
        a = {"kind": entries[n][1]}
        if n in COUNTRY_OF:
            a["country"] = COUNTRY_OF[n]
        if entries[n][1] == "office":
            # News copy writes offices in lower case too ("Dassault chief
            # executive Eric Trappier", "defence minister Rajnath Singh").
            a["case"] = "any"
        return a

    lines = [line("TITLE", n, entries[n][0], attrs(n)) for n in order]
    hdr = [
        "Titles, honorifics, offices and military ranks (label TITLE), a cue list for the person rules.",
        f"generated by scripts/gazetteers/titles.py: hand-written offices and ranks (in the script) plus titles from nameparser {pkg_version_py('nameparser')} (PyPI, LGPL-2.1)",
        "filtered to titles written before names (occupations dropped); do not edit by hand",
        "kind=office|military_rank|honorific|religious; country= for offices that exist in one country only; offices match in any case (case=any)",
    ]
    write("cues/titles.tsv", hdr, lines)


if __name__ == "__main__":
    main()
