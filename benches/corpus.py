#!/usr/bin/env python3
"""Generate a corpus of NRM referral drafts shaped like the real 2023 referrals.

    python3 benches/corpus.py --out DIR [--count N] [--seed S] [--mistakes FRACTION]

Writes N drafts (default 17,004: everyone referred into the NRM in 2023) as
DIR/<quarter>/<first responder type>/<reference>.json, and DIR/expected.csv, which says for
each draft the rules its planted mistakes must trigger and the notices it carries anyway
(not a *.json file, so `nrm check DIR` never reads it). The same seed gives the same files,
byte for byte. Standard library only; 17k drafts take well under a minute.

Every draft is format version 3 of the draft format: it answers every field of the Home
Office's online service that applies to its case, as the service takes it, in its order, then
the first responder's own record. A child gets the local authority's name (from the service's
list), phone and email, no support and no decision address; an adult on route `nrm` gets
consent, support (with how to reach them when they want it: their phone, an alternative
number, or why there is none) and where the decision goes (their own email or post, each
ticked as safe, or someone they name, with their permission); a Duty to Notify gets its
reason, asks no date of birth, and names the adult only when they will help the investigation
(`cooperation.willing`, a few of them), who then gives their own contact details. Each
conditional answer is there exactly when its condition holds: the journey when they were
taken somewhere, what keeps them there while it is ongoing and how they left once it is not,
the towns and the countries with the location, the reasons not reported when it was not.

Answers as the service takes them: the names apart (the first responder's first and last
name; the person's first and last name, "Unknown" for one not known, and a nickname); the
kinds of exploitation as the service's ticks (`kinds`: one tick for each of the statistics'
types, whose types data/kinds.json gives back; a type not known is `other`, with details);
every list answer an entry exactly as the service spells it (towns, regions, local
authorities, police forces, countries, nationalities: data/online-form/); phone numbers the
service's phone check takes (Ofcom's drama ranges where it takes them, made-up UK mobiles
where it does not, and a mobile from abroad with its country code); free text that its
sanitiser leaves as it is (no `<>[]~|`, no `&&`, no en or em dash, no run of hyphens) and,
in the details of the last contact and of co-operation, no address of any kind.

Where the numbers come from (benches/data/, copied from the Home Office NRM statistics; see
benches/data/README.md):

- referrals-2023-by-first-responder.csv: 13,077 people by quarter, first responder, exploitation
  type, age at exploitation, gender and nationality. Each person is one draft; a dual national
  ("Albanian UK") gets the second as `second_nationality`.
- Police referrals are not in that file. They are the rest of the 2023 totals in
  referrals-longitudinal.csv, by quarter and age group (17,004 = 7,432 children, 8,622 adults,
  950 age unknown); a police draft draws exploitation type, gender and nationality together
  from the non-police people of the same age group.
- The location of exploitation follows referrals-longitudinal.csv for 2023, by age group. The
  service has no answer for a location not known: those drafts say the UK and overseas, with
  Unknown as the town and the country, the entries the service offers for it.
- duty-to-notify-longitudinal.csv: 4,929 Duty to Notify reports in 2023, against 8,622 adult
  referrals. A DtN is filed instead of a referral, so that share of the adults,
  4,929 / (4,929 + 8,622) = 36 %, goes on route `duty_to_notify`, all of them among the adults
  that may file one (England and Wales, a specified public authority).
- For --count below 17,004 the people are a random sample without replacement, so the shares
  hold; above it, whole copies of the year plus a sample.

The service's own lists, read at run time from the project's copies (data/online-form/, the
registry's `online_form` for the recognised domains and the organisations, data/iso-service.json
for the country and nationality entries of each ISO code): organisation names as the service
offers them ("Lincolnshire County Council", "Home Office - UK Border Force UKBF"), police forces
(crime reports, safeguarding), regions and towns (where the person is staying, where they were
exploited), local authorities (the council contacted about a child: in Northern Ireland, where
the HSC Trusts run children's services, the council, with the Trust's gateway team as the
contact), countries and nationalities, and the recognised email domains: every first responder
writes from a domain the service recognises and that belongs to the organisation's type. The
script fails before writing anything if a name it uses is not on its list. The members' order
is the schema's (schemas/referral.schema.json). data/first-responders.json (the registry) says
which designated NGOs have no known email domain.

The account. What the first responder saw and why they refer is `professional.insight`, in
their own voice, and each of the service's text questions (background, when, how it started,
the journey, what they had to do, living conditions, treatment, what keeps them or how they
left, last contact, the interviews, the indicators, who the exploiters are and where, the
future risk, ...) is answered from templates chosen by the case's form of exploitation, then
its type, then its age group (a British child in county lines, a Vietnamese child at a cannabis
grow, an Eritrean man on farms, a Nigerian woman moved between flats, a domestic worker held by
a family). The slots come from the case: names of the exploiters in the person's own language
or street names, the towns and countries of the draft, the debt in the currency of the route,
the years of `began_on` and `ended_on` in `when`. The service requires all four background
answers: what the person has not said yet is written as not known.

Dates. The checker warns (DAT004) about a draft prepared more than 30 days before today, so
every `prepared_on` lies in the 30 days up to --today (default 2026-11-22, the date of the
spec's examples): 2026-10-24 to 2026-11-22, the four quarters of 2023 in order, a week or so
each. The quarter also names the sub-folder, and references read <ORG>-2023-<number>. All
other dates (birth, exploitation, consent, safeguarding referrals, documents) keep their
realistic spread before `prepared_on`. Check the corpus with the same day:

    nrm check --format json --today 2026-11-22 DIR

A clean draft then gets no finding except the notices listed in expected.csv: URG001 (a child
seeking asylum from Albania, Vietnam or Sudan), AGE005 (age disputed) and FR005 (a designated
NGO whose email domain the registry does not know, so the address cannot be verified: TARA,
whose staff write from Glasgow City Council's domain).

Mistakes: --mistakes (default 0.15) of the drafts carry one or two realistic mistakes (nearly
three in ten of them two), each drawn from a weighted list (MISTAKES) that covers 56 of the 64
rules (not URG001 and AGE005, which are notices, FR005, INP006 (a version 1 or 2 draft), SVC002
and SVC008, nor EXP001 and EXP002, which read version 2's `types` and `countries`: their
mistakes are, in version 3 terms, no tick at all, REQ002, and the UK among the countries
overseas, SVC003); expected.csv names the rule each must trigger. In the default year (17,004
drafts, seed 2023), 2,551 drafts (15.0 %) carry 3,279 mistakes; 1,117 of those drafts (6.6 %
of all) carry one of these, which real folders carry and version 3 catches, most of them
answers the service itself would refuse:

- a list answer typed instead of chosen (SVC003), 522 drafts (3.1 %): a town as people write it
  ("Cardiff" for "Cardiff / Caerdydd", "Newcastle", or in lower case) 167, a nationality as
  version 2's ISO code, as the country or in lower case 133, the council contacted about a child
  ("Cardiff Council" for "City of Cardiff Council", "Croydon Council") 63, the region ("London",
  "Lincs") 56, a country ("Viet Nam", "Czech Republic", or an ISO code) 37, the United Kingdom
  among the countries overseas 34, the police force of a crime report 32;
- the organisation named as a team says it ("Lincolnshire County Council Safeguarding Team",
  FR008) 114 (0.7 %), beside 61 typed as people say it ("Kent CC");
- a misspelt member name (INP003), 115 (0.7 %): version 3's own (`surname`, `given_name`,
  `nick_name`) 83, version 2's kept (`name`, `aliases`, `types`) 32;
- a phone number the service's check refuses (SVC001), 29 (0.2 %): a number from abroad without
  its country code 8, a drama-range number (07700 900, 01632 960) 21;
- an email or web address in the last-contact or co-operation details (SVC004), 95 (0.6 %);
- a line break in a one-line answer (an address, a place of birth, a reference, a role pasted
  on two lines; REQ002), 82 (0.5 %);
- a stale draft, prepared more than 30 days ago (DAT004), 121 (0.7 %);
- and fewer: an en or em dash from a word processor (SVC006) 80, a photo as HEIC or a note as
  text (SVC007) 16, a statement over 15,000 characters as the service counts (SVC005) 9, a
  number of children in words (SVC009) 4.

The rest are version 2's mistakes in version 3 terms: a first responder writing from webmail or
a mistyped domain (FR004), an organisation that is not designated (FR001), consent and consent
notes, the child safeguarding steps, ages, routes, dates, decision addresses, a journey told
though they were not taken somewhere (REQ002), values the format does not have (REQ002), an
answer left out (REQ001). A mistake may trigger other rules too (an adult's date of birth that
makes them 16 also makes every child rule apply). Some of these files are deliberately not
JSON (INP001: cut short) or not UTF-8 (INP004: saved as Windows-1252), or of a format version
the tool does not know (INP005); a few clean drafts use CRLF line ends, a UTF-8 byte-order mark
or a 4-space indent, as Windows editors save them.

expected.csv columns: path (relative to DIR), reference, mistakes (rule IDs, space-separated;
empty for a clean draft), notices (a clean draft's expected URG001/AGE005/FR005).

Formatted with black --line-length 100; the data tables keep a hand layout (# fmt: skip).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import functools
import itertools
import json
import random
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

DATA = Path(__file__).resolve().parent / "data"
PROJECT = Path(__file__).resolve().parent.parent
ONLINE_FORM = PROJECT / "data" / "online-form"  # the online service's own lists, as it offers them
REGISTRY = PROJECT / "data" / "first-responders.json"
SCHEMA = PROJECT / "schemas" / "referral.schema.json"  # the members' order, as the format has it
ISO_SERVICE = PROJECT / "data" / "iso-service.json"  # ISO codes to the service's entries
KINDS = PROJECT / "data" / "kinds.json"  # the service's ticks to the NRM's types
DEFAULT_TODAY = dt.date(2026, 11, 22)
DEFAULT_COUNT = 17004
DEFAULT_SEED = 2023
WINDOW_DAYS = 30  # DAT004 fires after 30 days; prepared_on stays within them
QUARTERS = ("2023Q1", "2023Q2", "2023Q3", "2023Q4")
AGE_GROUPS = {
    "Adult (18 or over)": "adult",
    "Child (17 or under)": "child",
    "Not specified or unknown": "unknown",
    "Age not specified or unknown": "unknown",
}
NATION_WEIGHTS = {"england": 85, "wales": 5, "scotland": 6, "northern_ireland": 4}
PUBLIC_AUTHORITIES = ("police", "local_authority", "home_office", "national_crime_agency", "glaa")


def fail(message: str) -> NoReturn:
    sys.exit(f"corpus.py: {message}")


def pick(rng: random.Random, weighted: dict):
    """One key of a {value: weight} dict."""
    return rng.choices(list(weighted), weights=list(weighted.values()))[0]


# ------------------------------------------------------------------------------------------
# Nationalities: the statistics' demonyms to ISO 3166-1 alpha-2 codes
# ------------------------------------------------------------------------------------------

# Every single demonym in the statistics. A cell may name two ("Albanian UK", "Sudanese South
# Sudanese": dual nationals); the draft takes the first known one. Kosovo has no ISO 3166-1
# code; XK, the code in common use, stands for it here (the service lists Kosovan and Kosovo).
DEMONYMS = {
    "Afghan": "AF", "Albanian": "AL", "Algerian": "DZ", "American": "US", "Andorran": "AD",
    "Angolan": "AO", "Argentine": "AR", "Armenian": "AM", "Australian": "AU", "Austrian": "AT",
    "Bangladeshi": "BD", "Belarusian": "BY", "Belgian": "BE", "Beninese": "BJ", "Bermudian": "BM",
    "Bolivian": "BO", "Botswanan": "BW", "Brazilian": "BR", "British Virgin Islander": "VG",
    "Bulgarian": "BG", "Burkinan": "BF", "Burmese": "MM", "Burundian": "BI", "Cambodian": "KH",
    "Cameroonian": "CM", "Canadian": "CA", "Cape Verdean": "CV", "Central African": "CF",
    "Chadian": "TD", "Chilean": "CL", "Chinese": "CN",
    "Citizen of Bosnia and Herzegovina": "BA", "Citizen of Guinea Bissau": "GW",
    "Citizen of Guinea-Bissau": "GW", "Citizen of Seychelles": "SC",
    "Citizen of the Dominican Republic": "DO", "Colombian": "CO", "Congolese (Congo)": "CG",
    "Congolese Congo": "CG", "Congolese (Drc)": "CD", "Congolese Drc": "CD", "Costa Rican": "CR",
    "Cuban": "CU", "Cypriot": "CY", "Czech": "CZ", "Danish": "DK", "Dominican": "DM",
    "Dutch": "NL", "East Timorese": "TL", "Ecuadorean": "EC", "Egyptian": "EG", "Emirati": "AE",
    "Equatorial Guinean": "GQ", "Eritrean": "ER", "Estonian": "EE", "Ethiopian": "ET",
    "Fijian": "FJ", "Filipino": "PH", "Finnish": "FI", "French": "FR", "Gambian": "GM",
    "Georgian": "GE", "German": "DE", "Ghanaian": "GH", "Greek": "GR", "Grenadian": "GD",
    "Guatemalan": "GT", "Guinean": "GN", "Guyanese": "GY", "Haitian": "HT", "Honduran": "HN",
    "Hungarian": "HU", "Indian": "IN", "Indonesian": "ID", "Iranian": "IR", "Iraqi": "IQ",
    "Irish": "IE", "Italian": "IT", "Ivorian": "CI", "Jamaican": "JM", "Jordanian": "JO",
    "Kazakh": "KZ", "Kenyan": "KE", "Kosovan": "XK", "Kuwaiti": "KW", "Kyrgyz": "KG",
    "Lao": "LA", "Latvian": "LV", "Lebanese": "LB", "Liberian": "LR", "Libyan": "LY",
    "Lithuanian": "LT", "Macedonian": "MK", "Malawian": "MW", "Malaysian": "MY", "Malian": "ML",
    "Mauritanian": "MR", "Mauritian": "MU", "Mexican": "MX", "Moldovan": "MD", "Mongolian": "MN",
    "Montenegrin": "ME", "Montserratian": "MS", "Moroccan": "MA", "Mozambican": "MZ",
    "Namibian": "NA", "Nepalese": "NP", "Nicaraguan": "NI", "Nigerian": "NG", "Nigerien": "NE",
    "Norwegian": "NO", "Not specified or unknown": "unknown", "Pakistani": "PK",
    "Palestinian": "PS", "Peruvian": "PE", "Polish": "PL", "Portuguese": "PT", "Qatari": "QA",
    "Romanian": "RO", "Russian": "RU", "Rwandan": "RW", "Salvadorean": "SV",
    "Saudi Arabian": "SA", "Senegalese": "SN", "Sierra Leonean": "SL", "Singaporean": "SG",
    "Slovak": "SK", "Slovenian": "SI", "Somali": "SO", "South African": "ZA",
    "South Sudanese": "SS", "Spanish": "ES", "Sri Lankan": "LK", "St Lucian": "LC",
    "Sudanese": "SD", "Swedish": "SE", "Syrian": "SY", "Taiwanese": "TW", "Tanzanian": "TZ",
    "Thai": "TH", "Togolese": "TG", "Trinidadian": "TT", "Tunisian": "TN", "Turkish": "TR",
    "Turkmen": "TM", "Ugandan": "UG", "UK": "GB", "Ukrainian": "UA", "Unknown": "unknown",
    "Uzbek": "UZ", "Venezuelan": "VE", "Vietnamese": "VN", "Vincentian": "VC", "Yemeni": "YE",
    "Zambian": "ZM", "Zimbabwean": "ZW",
}  # fmt: skip
_DEMONYM_WORDS = {tuple(name.lower().split()): code for name, code in DEMONYMS.items()}
_LONGEST = max(len(words) for words in _DEMONYM_WORDS)


def nationality_codes(cell: str) -> list[str]:
    """Split a nationality cell into its demonyms (longest match first) and map each to a code.

    Fails loudly on a demonym the table lacks, so a new statistics release cannot slip through
    with people silently made `unknown`.
    """
    words = cell.lower().split()  # the source has "UKrainian" and trailing spaces
    codes, i = [], 0
    while i < len(words):
        for n in range(min(_LONGEST, len(words) - i), 0, -1):
            code = _DEMONYM_WORDS.get(tuple(words[i : i + n]))
            if code:
                codes.append(code)
                i += n
                break
        else:
            fail(f"nationality {cell!r}: no ISO 3166-1 code for {' '.join(words[i:])!r}")
    return codes or fail(f"empty nationality cell {cell!r}")


def nationality_code(cell: str) -> str:
    known = [code for code in nationality_codes(cell) if code != "unknown"]
    return known[0] if known else "unknown"


def second_nationality(cell: str) -> str | None:
    """A dual national's second nationality ("Albanian UK" -> GB), if the cell names one."""
    known = list(dict.fromkeys(code for code in nationality_codes(cell) if code != "unknown"))
    return known[1] if len(known) > 1 else None


COUNTRY_NAMES = {
    "AF": "Afghanistan", "AL": "Albania", "BD": "Bangladesh", "BG": "Bulgaria", "BR": "Brazil",
    "CN": "China", "DZ": "Algeria", "EG": "Egypt", "ER": "Eritrea", "ET": "Ethiopia",
    "GH": "Ghana", "IN": "India", "IQ": "Iraq", "IR": "Iran", "KW": "Kuwait", "LK": "Sri Lanka",
    "LT": "Lithuania", "LY": "Libya", "MA": "Morocco", "MY": "Malaysia", "NA": "Namibia",
    "NG": "Nigeria", "PH": "the Philippines", "PK": "Pakistan", "PL": "Poland", "PT": "Portugal",
    "RO": "Romania", "SD": "Sudan", "SL": "Sierra Leone", "SO": "Somalia", "SS": "South Sudan",
    "SY": "Syria", "TD": "Chad", "TH": "Thailand", "TR": "Turkey", "VN": "Vietnam",
    "YE": "Yemen", "ZW": "Zimbabwe", "FR": "France", "IT": "Italy", "GR": "Greece",
    "BE": "Belgium", "RU": "Russia", "DE": "Germany", "ES": "Spain", "NE": "Niger",
    "RS": "Serbia", "BY": "Belarus", "NL": "the Netherlands", "AE": "the United Arab Emirates",
}  # fmt: skip

# Countries people pass through on the way, by region of origin: the usual routes.
TRANSIT = {
    "horn": ["LY", "IT", "FR", "TD", "NE"],  # Eritrea, Sudan, Ethiopia, Somalia, Chad
    "middle_east": ["TR", "GR", "BG", "RS", "IT", "FR"],  # Afghanistan, Iran, Iraq, Syria
    "vietnam": ["CN", "RU", "BY", "PL", "DE", "FR", "BE"],
    "balkans": ["IT", "BE", "FR", "NL", "DE"],  # Albania
    "default": ["FR", "BE", "NL", "ES", "IT", "DE", "AE"],
}
REGION = {
    "ER": "horn", "SD": "horn", "ET": "horn", "SO": "horn", "TD": "horn", "SS": "horn",
    "AF": "middle_east", "IR": "middle_east", "IQ": "middle_east", "SY": "middle_east",
    "VN": "vietnam", "AL": "balkans", "XK": "balkans",
}  # fmt: skip

# The EU and EEA: free movement until 2021, so rarely an asylum claim.
EUROPE = {
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
    "IT", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK", "AD", "CH",
}  # fmt: skip

# ------------------------------------------------------------------------------------------
# Languages: ISO 639-1 by nationality, as {languages: weight}
# ------------------------------------------------------------------------------------------

_L = tuple
LANGUAGES = {
    "AL": {_L(["sq"]): 1}, "XK": {_L(["sq"]): 1}, "VN": {_L(["vi"]): 1}, "SD": {_L(["ar"]): 1},
    "SS": {_L(["ar"]): 6, _L(["en", "ar"]): 4},
    "ER": {_L(["ti"]): 8, _L(["ti", "ar"]): 1, _L(["ar"]): 1},
    "ET": {_L(["am"]): 5, _L(["om"]): 3, _L(["ti"]): 2},
    "AF": {_L(["ps"]): 5, _L(["fa"]): 5}, "IR": {_L(["fa"]): 3, _L(["ku", "fa"]): 1},
    "IQ": {_L(["ku"]): 11, _L(["ar"]): 9}, "SY": {_L(["ar"]): 7, _L(["ku", "ar"]): 3},
    "CN": {_L(["zh"]): 1}, "TW": {_L(["zh"]): 1}, "SO": {_L(["so"]): 1},
    "IN": {_L(["hi"]): 3, _L(["pa"]): 2, _L(["ml", "en"]): 2, _L(["gu"]): 1, _L(["ta"]): 1,
           _L(["en", "hi"]): 1},
    "PK": {_L(["ur"]): 6, _L(["pa", "ur"]): 3, _L(["ps", "ur"]): 1}, "BD": {_L(["bn"]): 1},
    "LK": {_L(["si"]): 1, _L(["ta"]): 1}, "NP": {_L(["ne"]): 1},
    "RO": {_L(["ro"]): 85, _L(["ro", "en"]): 15}, "MD": {_L(["ro", "ru"]): 1},
    "BG": {_L(["bg"]): 8, _L(["tr", "bg"]): 2}, "PL": {_L(["pl"]): 1},
    "LT": {_L(["lt"]): 7, _L(["ru", "lt"]): 3}, "LV": {_L(["lv"]): 6, _L(["ru", "lv"]): 4},
    "SK": {_L(["sk"]): 1}, "CZ": {_L(["cs"]): 1}, "HU": {_L(["hu"]): 1},
    "NG": {_L(["en"]): 5, _L(["yo", "en"]): 2, _L(["ig", "en"]): 2, _L(["ha", "en"]): 1},
    "GH": {_L(["en"]): 6, _L(["ak", "en"]): 4}, "GM": {_L(["en"]): 6, _L(["wo", "en"]): 4},
    "KE": {_L(["sw", "en"]): 1}, "UG": {_L(["en"]): 1, _L(["lg", "en"]): 1},
    "TZ": {_L(["sw"]): 1}, "ZW": {_L(["en"]): 1, _L(["sn", "en"]): 1},
    "BW": {_L(["tn", "en"]): 1}, "MW": {_L(["ny", "en"]): 1}, "RW": {_L(["rw", "en"]): 1},
    "BI": {_L(["rn", "fr"]): 1}, "PH": {_L(["tl", "en"]): 1}, "TH": {_L(["th"]): 1},
    "MY": {_L(["ms"]): 1}, "ID": {_L(["id"]): 1}, "MM": {_L(["my"]): 1}, "KH": {_L(["km"]): 1},
    "LA": {_L(["lo"]): 1}, "MN": {_L(["mn"]): 1}, "SG": {_L(["en", "zh"]): 1},
    "BR": {_L(["pt"]): 1}, "PT": {_L(["pt"]): 1}, "AO": {_L(["pt"]): 1}, "CV": {_L(["pt"]): 1},
    "GW": {_L(["pt"]): 1}, "MZ": {_L(["pt"]): 1}, "TL": {_L(["pt"]): 1},
    "MA": {_L(["ar", "fr"]): 1}, "DZ": {_L(["ar", "fr"]): 1}, "TN": {_L(["ar", "fr"]): 1},
    "TD": {_L(["ar", "fr"]): 1}, "MR": {_L(["ar", "fr"]): 1},
    "TR": {_L(["tr"]): 8, _L(["ku", "tr"]): 2},
    "GN": {_L(["fr"]): 1}, "CI": {_L(["fr"]): 1}, "SN": {_L(["wo", "fr"]): 1},
    "CM": {_L(["fr"]): 7, _L(["en"]): 3}, "BJ": {_L(["fr"]): 1}, "BF": {_L(["fr"]): 1},
    "ML": {_L(["bm", "fr"]): 1}, "NE": {_L(["ha", "fr"]): 1}, "TG": {_L(["fr"]): 1},
    "CD": {_L(["fr", "ln"]): 1}, "CG": {_L(["fr", "ln"]): 1}, "CF": {_L(["fr"]): 1},
    "HT": {_L(["ht", "fr"]): 1}, "IT": {_L(["it"]): 1}, "FR": {_L(["fr"]): 1},
    "DE": {_L(["de"]): 1}, "AT": {_L(["de"]): 1}, "NL": {_L(["nl"]): 1},
    "BE": {_L(["nl"]): 1, _L(["fr"]): 1}, "SE": {_L(["sv"]): 1}, "DK": {_L(["da"]): 1},
    "NO": {_L(["no"]): 1}, "FI": {_L(["fi"]): 1}, "EE": {_L(["et"]): 1}, "SI": {_L(["sl"]): 1},
    "AD": {_L(["ca"]): 1}, "RU": {_L(["ru"]): 1}, "UA": {_L(["uk"]): 7, _L(["uk", "ru"]): 3},
    "BY": {_L(["ru"]): 1, _L(["be", "ru"]): 1}, "KZ": {_L(["kk", "ru"]): 1},
    "KG": {_L(["ky", "ru"]): 1}, "UZ": {_L(["uz", "ru"]): 1}, "TM": {_L(["tk", "ru"]): 1},
    "GE": {_L(["ka"]): 1}, "AM": {_L(["hy"]): 1}, "GR": {_L(["el"]): 1}, "CY": {_L(["el"]): 1},
    "MK": {_L(["mk"]): 1}, "ME": {_L(["sr"]): 1}, "BA": {_L(["bs"]): 1},
    "MU": {_L(["en", "fr"]): 1}, "SC": {_L(["en", "fr"]): 1}, "FJ": {_L(["en", "fj"]): 1},
    "unknown": {_L(["en"]): 4, _L(["ar"]): 3, _L(["fr"]): 2, _L(["fa"]): 1},
}  # fmt: skip
_ARABIC = ("EG", "LY", "YE", "KW", "SA", "JO", "LB", "PS", "AE", "QA")
_SPANISH = ("ES", "CO", "HN", "SV", "BO", "MX", "EC", "CU", "DO", "PE", "AR", "VE", "CR", "NI",
            "GT", "CL", "GQ")  # fmt: skip
for _code in _ARABIC:
    LANGUAGES[_code] = {_L(["ar"]): 1}
for _code in _SPANISH:
    LANGUAGES[_code] = {_L(["es"]): 1}
ENGLISH = {_L(["en"]): 1}  # the UK, the Caribbean, and anyone not listed

LANGUAGE_NAMES = {
    "sq": "Albanian", "vi": "Vietnamese", "ar": "Arabic", "ti": "Tigrinya", "am": "Amharic",
    "om": "Oromo", "ps": "Pashto", "fa": "Dari", "ku": "Kurdish", "zh": "Mandarin",
    "so": "Somali", "hi": "Hindi", "pa": "Punjabi", "ml": "Malayalam", "gu": "Gujarati",
    "ta": "Tamil", "ur": "Urdu", "bn": "Bengali", "si": "Sinhala", "ne": "Nepali",
    "ro": "Romanian", "ru": "Russian", "bg": "Bulgarian", "tr": "Turkish", "pl": "Polish",
    "lt": "Lithuanian", "lv": "Latvian", "sk": "Slovak", "cs": "Czech", "hu": "Hungarian",
    "yo": "Yoruba", "ig": "Igbo", "ha": "Hausa", "ak": "Twi", "wo": "Wolof", "sw": "Swahili",
    "lg": "Luganda", "sn": "Shona", "tn": "Setswana", "ny": "Chichewa", "rw": "Kinyarwanda",
    "rn": "Kirundi", "tl": "Tagalog", "th": "Thai", "ms": "Malay", "id": "Indonesian",
    "my": "Burmese", "km": "Khmer", "lo": "Lao", "mn": "Mongolian", "pt": "Portuguese",
    "fr": "French", "bm": "Bambara", "ln": "Lingala", "ht": "Haitian Creole", "it": "Italian",
    "de": "German", "nl": "Dutch", "sv": "Swedish", "da": "Danish", "no": "Norwegian",
    "fi": "Finnish", "et": "Estonian", "sl": "Slovene", "ca": "Catalan", "uk": "Ukrainian",
    "be": "Belarusian", "kk": "Kazakh", "ky": "Kyrgyz", "uz": "Uzbek", "tk": "Turkmen",
    "ka": "Georgian", "hy": "Armenian", "el": "Greek", "mk": "Macedonian", "sr": "Serbian",
    "bs": "Bosnian", "fj": "Fijian", "es": "Spanish", "en": "English", "cy": "Welsh",
}  # fmt: skip

# ------------------------------------------------------------------------------------------
# Names, in the person's own script: Vietnamese and Romanian diacritics, Cyrillic, Greek;
# Arabic-script and Ge'ez names in the usual Latin transliteration.
# ------------------------------------------------------------------------------------------

_W = str.split
NAMES = {
    "vi": {
        "m": _W("Văn_Minh Văn_Hùng Đức_Anh Quang_Huy Minh_Tuấn Văn_Long Hoàng_Nam Thành_Đạt"),
        "f": _W("Thị_Hương Thị_Lan Thu_Trang Ngọc_Anh Thị_Mai Thị_Hồng Phương_Linh Thị_Thảo"),
        "fam": _W("Nguyễn Trần Lê Phạm Hoàng Phan Vũ Đặng Bùi Đỗ Hồ Ngô"),
    },
    "sq": {
        "m": _W("Arben Ervin Klodian Eriseld Dritan Besnik Ardit Gëzim Erjon Kristi Mario Arlind"),
        "f": _W("Elira Anjeza Ardita Blerina Dorina Klea Jonida Xhensila Rezarta Enkeleda Sara"),
        "fam": _W("Hoxha Çela Shehu Gashi Krasniqi Dervishi Leka Kola Marku Prifti Lika Berisha "
                  "Dushku Meta Çuni Zeqiri"),
    },
    "ro": {
        "m": _W("Ion Andrei Mihai Ștefan Costel Gheorghe Florin Marius Ionuț Cătălin Vasile"),
        "f": _W("Ștefania Ioana Elena Mădălina Andreea Roxana Geanina Florentina Alina Ramona"),
        "fam": _W("Popescu Ionescu Stan Dumitru Ștefan Constantin Munteanu Mocanu Țurcanu "
                  "Rădulescu Lăcătuș Bălan Stoica"),
    },
    "er": {
        "m": _W("Yonas Dawit Filmon Robel Samuel Tesfalem Biniam Merhawi Henok Kibrom Aron"),
        "f": _W("Selam Helen Luwam Senait Yordanos Saba Feven Rahel Winta Hiwet"),
        "fam": _W("Tesfay Kidane Haile Tekle Berhane Ghebremedhin Woldu Mehari Habte Gebremariam "
                  "Tsegay Andemariam"),
    },
    "et": {
        "m": _W("Abebe Dawit Tewodros Yohannes Girma Bereket Lemma Abdi Solomon"),
        "f": _W("Meron Tigist Hanna Bethlehem Mekdes Hirut Lidya Almaz"),
        "fam": _W("Tesfaye Bekele Girma Alemu Kebede Desta Tadesse Mulugeta Wolde Gemechu"),
    },
    "sd": {
        "m": _W("Mohamed Ahmed Abdallah Mustafa Omer Hamza Osman Elsadig Yousif Abubakar Adam"),
        "f": _W("Fatima Amna Hawa Sara Maryam Khadija Tasneem Rayan Samah"),
        "fam": _W("Mohamed Ahmed Abdelrahman Osman Ibrahim Adam Yousif Elnour Ishag Babiker "
                  "Abdelkarim Hassan"),
    },
    "ss": {
        "m": _W("Deng Garang Majok Kuol Mabior Lual Chol Gatluak"),
        "f": _W("Nyandeng Akech Achol Nyabol Abuk Ayen"),
        "fam": _W("Deng Garang Akol Makuei Chol Kiir Machar Lado Wani"),
    },
    "af": {
        "m": _W("Ahmad Mohammad Sayed Farid Zabihullah Mustafa Ali Rahmatullah Naveed Jawad Bilal"),
        "f": _W("Zahra Marzia Fereshta Parwana Mursal Shabnam Laila Nilofar"),
        "fam": _W("Ahmadi Rahimi Hakimi Karimi Sultani Noori Safi Stanikzai Popal Hotak Wardak "
                  "Sadat"),
    },
    "ir": {
        "m": _W("Reza Amir Mehdi Hamid Saman Arash Dariush Hossein Behnam Kaveh"),
        "f": _W("Maryam Zahra Sara Nazanin Fatemeh Shirin Leila Parisa"),
        "fam": _W("Hosseini Mohammadi Rezaei Karimi Jafari Moradi Ahmadi Rostami Kazemi Sharifi "
                  "Amini"),
    },
    "ku": {
        "m": _W("Karwan Rebin Hawre Shvan Dilan Aram Hemin Baran Zana"),
        "f": _W("Shilan Rojin Avin Dilnaz Hana Zhino"),
        "fam": _W("Ahmed Mahmoud Rashid Aziz Qadir Hama Salih Karim Othman Mustafa"),
    },
    "ar": {
        "m": _W("Omar Khaled Youssef Ahmad Mahmoud Karim Tariq Ibrahim Hassan Bilal Walid"),
        "f": _W("Amal Rania Noor Huda Layla Yasmin Salma Aya Dina"),
        "fam": _W("Al-Hassan Haddad Khalil Saleh Abdullah Mansour Nasser Al-Masri Darwish Haidar "
                  "Saeed Al-Zubaidi"),
    },
    "so": {
        "m": _W("Abdirahman Mahad Abdullahi Mohamed Yusuf Ahmed Abdikarim Liban Hassan"),
        "f": _W("Hodan Ayaan Fadumo Sahra Hibo Ifrah Amina Nasra"),
        "fam": _W("Abdi Ahmed Hassan Mohamed Warsame Farah Osman Jama Ali Nur Egal"),
    },
    "zh": {
        "m": _W("Wei Jun Hao Lei Ming Jian Qiang Yong"),
        "f": _W("Mei Lin Xiu Ying Fang Jing Yan Hui"),
        "fam": _W("Wang Li Zhang Liu Chen Yang Huang Zhao Zhou Wu Lin Zheng"),
    },
    "south_asia": {
        "m": _W("Gurpreet Harjit Rajesh Amit Mohammed Imran Arif Sanjay Rahul Jibin Anwar Tariq"),
        "f": _W("Harpreet Simran Priya Sunita Ayesha Nusrat Rekha Anjali Shabana Jincy"),
        "fam": _W("Singh Kaur Patel Kumar Nair Thomas Khan Hussain Ali Iqbal Rahman Islam Uddin "
                  "Begum Perera Fernando"),
    },
    "west_africa": {
        "m": _W("Chinedu Emeka Tunde Kwame Kofi Ibrahim Samuel Oluwaseun Musa Abdul Femi"),
        "f": _W("Blessing Precious Chiamaka Abena Ama Fatmata Grace Adaeze Joy Mercy"),
        "fam": _W("Okafor Adeyemi Chukwu Bello Mensah Owusu Asante Kamara Sesay Conteh Jallow "
                  "Ogunleye"),
    },
    "east_africa": {
        "m": _W("Brian Kevin Tendai Tinashe Joseph Moses Baraka Emmanuel Tumelo"),
        "f": _W("Faith Wanjiru Rudo Nyasha Esther Grace Achieng Naledi"),
        "fam": _W("Otieno Mwangi Kamau Moyo Ncube Banda Phiri Okello Mugisha Shikongo"),
    },
    "francophone": {
        "m": _W("Mamadou Moussa Ibrahima Amadou Souleymane Jean-Baptiste Cheikh Ousmane"),
        "f": _W("Aminata Fatoumata Mariama Aïssatou Awa Kadiatou Clarisse Marie-Claire"),
        "fam": _W("Diallo Traoré Koné Camara Ndiaye Diop Bah Sylla Kouassi Mbemba Kabila "
                  "Nzeyimana"),
    },
    "ph": {
        "m": _W("Jose Mark Rodel Jerome Noel Ramon"),
        "f": _W("Maricel Jocelyn Rowena Marites Analyn Jennelyn Lorna"),
        "fam": _W("Santos Reyes Dela_Cruz Bautista Garcia Mendoza Villanueva Ramos Aquino"),
    },
    "th": {
        "m": _W("Somchai Anan Somsak Chaiwat Prasert"),
        "f": _W("Siriporn Malee Nong Pranee Kanya Suda"),
        "fam": _W("Srisuk Wongsakul Saetang Chaiyaphum Boonmee Thongdee Kaewkla"),
    },
    "pl": {
        "m": _W("Łukasz Piotr Tomasz Krzysztof Paweł Grzegorz Michał"),
        "f": _W("Katarzyna Agnieszka Małgorzata Joanna Magdalena Ewa"),
        "fam": _W("Wiśniewski Kowalski Wójcik Kamiński Lewandowski Zieliński Dąbrowski"),
        "fam_f": _W("Wiśniewska Kowalska Wójcik Kamińska Lewandowska Zielińska Dąbrowska"),
    },
    "cz_sk": {
        "m": _W("Ondřej Jiří Tomáš Lukáš Marek Ján Peter Štefan"),
        "f": _W("Lucie Petra Tereza Zuzana Mária Jana Veronika"),
        "fam": _W("Dvořák Novák Horváth Kováč Sýkora Černý Baláž"),
        "fam_f": _W("Dvořáková Nováková Horváthová Kováčová Sýkorová Černá Balážová"),
    },
    "baltic": {
        "m": _W("Žydrūnas Mindaugas Tomas Jonas Artūrs Jānis Andris"),
        "f": _W("Rūta Jurgita Ieva Līga Inese Kristīne"),
        "fam": _W("Kazlauskas Petrauskas Jankauskas Bērziņš Kalniņš Ozols"),
        "fam_f": _W("Kazlauskienė Petrauskaitė Jankauskienė Bērziņa Kalniņa Ozola"),
    },
    "hu": {
        "m": _W("György László Zoltán Gábor Attila"),
        "f": _W("Erzsébet Katalin Éva Zsófia Krisztina"),
        "fam": _W("Szűcs Nagy Kovács Tóth Szabó Horváth Lakatos Balogh"),
    },
    "ru_cyrl": {
        "m": _W("Дмитрий Алексей Сергей Иван Андрей Николай"),
        "f": _W("Анна Ольга Екатерина Наталья Татьяна Юлия"),
        "fam": _W("Смирнов Иванов Кузнецов Попов Соколов Волков"),
        "fam_f": _W("Смирнова Иванова Кузнецова Попова Соколова Волкова"),
    },
    "uk_cyrl": {
        "m": _W("Олександр Андрій Дмитро Тарас Богдан Сергій"),
        "f": _W("Оксана Ірина Олена Наталія Юлія Світлана"),
        "fam": _W("Шевченко Коваленко Бондаренко Ткаченко Кравченко Мельник Поліщук"),
    },
    "bg_cyrl": {
        "m": _W("Георги Иван Димитър Николай Христо Стоян"),
        "f": _W("Мария Десислава Елена Цветелина Гергана Йорданка"),
        "fam": _W("Петров Димитров Георгиев Иванов Николов Стоянов"),
        "fam_f": _W("Петрова Димитрова Георгиева Иванова Николова Стоянова"),
    },
    "cyrl_latin": {  # the same peoples, transliterated as on a passport
        "m": _W("Georgi Dimitar Ivan Dmytro Oleksandr Sergei Nursultan Aibek Timur"),
        "f": _W("Desislava Mariya Oksana Iryna Olga Aigerim Dilnoza"),
        "fam": _W("Petrov Dimitrov Shevchenko Kovalenko Ivanov Nurlanov Tashkentov Karimov"),
        "fam_f": _W("Petrova Dimitrova Shevchenko Kovalenko Ivanova Nurlanova Tashkentova "
                    "Karimova"),
    },
    "el": {
        "m": _W("Γιώργος Νίκος Δημήτρης Κώστας Γιάννης Παναγιώτης"),
        "f": _W("Μαρία Ελένη Κατερίνα Σοφία Αναστασία Δέσποινα"),
        "fam": _W("Παπαδόπουλος Οικονόμου Γεωργίου Νικολάου Παππάς Αντωνίου"),
        "fam_f": _W("Παπαδοπούλου Οικονόμου Γεωργίου Νικολάου Παππά Αντωνίου"),
    },
    "tr": {
        "m": _W("Ömer Mehmet Mustafa Emre Burak Yusuf Serkan"),
        "f": _W("Şeyma Ayşe Elif Zeynep Gülşen Büşra"),
        "fam": _W("Yılmaz Kaya Demir Şahin Çelik Öztürk Aydın Doğan"),
    },
    "pt": {
        "m": _W("João José Carlos Paulo Tiago Gonçalo Edson Márcio"),
        "f": _W("Ana Mariana Conceição Luíza Fernanda Adriana Joana"),
        "fam": _W("Gonçalves Silva Santos Oliveira Pereira Costa Rodrigues Conceição Araújo"),
    },
    "es": {
        "m": _W("José Luis Carlos Andrés Jesús Héctor Óscar Miguel"),
        "f": _W("María Lucía Sofía Daniela Yesenia Ángela Camila"),
        "fam": _W("García Rodríguez Martínez López Hernández Gómez Pérez Núñez Muñoz"),
    },
    "it": {
        "m": _W("Marco Luca Giuseppe Alessandro Davide"),
        "f": _W("Giulia Francesca Chiara Martina Sara"),
        "fam": _W("Rossi Russo Ferrari Esposito Romano Colombo"),
    },
    "gb": {
        "m": _W("Jack Tyler Kai Riley Harvey Mason Callum Jayden Liam Reece Ryan Kian"),
        "f": _W("Olivia Chloe Amelia Jade Ellie Holly Megan Paige Kayla Leah Ruby"),
        "fam": _W("Smith Jones Taylor Brown Williams Wilson Evans Thomas Johnson Walker Wright "
                  "Robinson Clarke Hughes O'Brien O'Connor McDonald Campbell Murphy Kelly"),
    },
    "caribbean": {
        "m": _W("Andre Dwayne Jermaine Marlon Shane Tyrese"),
        "f": _W("Shanice Keisha Tanya Latoya Kerry-Ann"),
        "fam": _W("Campbell Brown Williams Clarke Francis Thompson Grant Bailey"),
    },
    "fallback": {
        "m": _W("Daniel David Samuel Ali Joseph Adam Michael Emmanuel"),
        "f": _W("Maria Sarah Anna Grace Fatima Esther Mary"),
        "fam": _W("Ali Ahmed Daniel Joseph Martin Nasser Bakr Emmanuel"),
    },
}  # fmt: skip
for _pool in NAMES.values():  # "Văn_Minh" keeps two-word given names together in the source
    for _key in _pool:
        _pool[_key] = [name.replace("_", " ") for name in _pool[_key]]

NAME_GROUP = {
    "VN": "vi", "AL": "sq", "XK": "sq", "RO": "ro", "MD": "ro", "ER": "er", "ET": "et", "SD": "sd",
    "TD": "sd", "SS": "ss", "AF": "af", "IR": "ir", "SO": "so", "CN": "zh", "TW": "zh",
    "IN": "south_asia", "PK": "south_asia", "BD": "south_asia", "LK": "south_asia",
    "NP": "south_asia", "PH": "ph", "TH": "th", "PL": "pl", "CZ": "cz_sk", "SK": "cz_sk",
    "LT": "baltic", "LV": "baltic", "EE": "baltic", "HU": "hu", "GR": "el", "CY": "el",
    "TR": "tr", "IT": "it", "GB": "gb", "IE": "gb", "US": "gb", "CA": "gb", "AU": "gb",
}  # fmt: skip
for _code in ("NG", "GH", "SL", "GM", "LR"):
    NAME_GROUP[_code] = "west_africa"
for _code in ("KE", "UG", "TZ", "ZW", "ZM", "MW", "NA", "BW", "ZA", "RW"):
    NAME_GROUP[_code] = "east_africa"
for _code in ("GN", "CI", "SN", "ML", "BF", "NE", "BJ", "TG", "CD", "CG", "CF", "BI", "CM", "MR"):
    NAME_GROUP[_code] = "francophone"
for _code in ("BR", "PT", "AO", "CV", "GW", "MZ", "TL"):
    NAME_GROUP[_code] = "pt"
for _code in _SPANISH:
    NAME_GROUP[_code] = "es"
for _code in _ARABIC + ("SY", "IQ", "MA", "DZ", "TN"):
    NAME_GROUP[_code] = "ar"
for _code in ("JM", "TT", "GD", "LC", "VC", "DM", "GY", "MS", "VG", "BM"):
    NAME_GROUP[_code] = "caribbean"
CYRILLIC = {"RU": "ru_cyrl", "BY": "ru_cyrl", "UA": "uk_cyrl", "BG": "bg_cyrl", "KZ": "ru_cyrl",
            "KG": "ru_cyrl", "UZ": "ru_cyrl", "TM": "ru_cyrl", "MN": "ru_cyrl"}  # fmt: skip

ALIASES = _W("Tommy Lily Mo Sasha Kiki Danny Jay Bella Mimi Ali Leo Nina Rocky Sunny Tina Max")


def name_pool(rng: random.Random, nationality: str, languages: tuple) -> dict:
    if nationality in CYRILLIC:  # some in Cyrillic, some transliterated
        return NAMES[CYRILLIC[nationality] if rng.random() < 0.6 else "cyrl_latin"]
    if "ku" in languages:  # Kurdish names for Kurds from Iraq, Iran, Syria, Turkey
        return NAMES["ku"]
    return NAMES[NAME_GROUP.get(nationality, "fallback")]


def person_name(rng: random.Random, pool: dict, gender: str) -> tuple[str, str]:
    sex = gender if gender in ("m", "f") else rng.choice("mf")
    index = rng.randrange(len(pool["fam"]))
    family = pool["fam_f" if sex == "f" and "fam_f" in pool else "fam"][index]
    return rng.choice(pool[sex]), family


# ------------------------------------------------------------------------------------------
# Places: local authorities, police forces, towns and phone numbers, by nation
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Area:
    council: str  # the local authority, as the online form's organisation list names it
    domain: str  # its email domain
    towns: tuple  # as the online form's town list spells them ("Cardiff / Caerdydd")
    force: str  # the police force that covers it, as the form's force list names it
    force_domain: str
    # A number prefix from Ofcom's ranges reserved for drama, never a real line, that the
    # service's phone check takes (it refuses 0115 496 0, so Nottingham's is the 0306 999 0 one).
    phone: str
    children_services: str  # who takes a child safeguarding referral (an HSC Trust in NI)
    weight: float
    region: str  # the form's region list: where the person is staying


def _areas(force: str, force_domain: str, phone: str, rows: list) -> list[Area]:
    return [
        Area(
            council,
            domain,
            tuple(towns.split(",")),
            row_force or force,
            row_force_domain or force_domain,
            row_phone or phone,
            services or council,
            weight,
            REGIONS[council],
        )
        for council, domain, towns, weight, row_force, row_force_domain, row_phone, services in (
            tuple(row) + (None,) * (8 - len(row)) for row in rows
        )
    ]


REGIONS = {  # each council's region, from the online form's region list
    "London Borough of Croydon": "Greater London", "London Borough of Hillingdon": "Greater London",
    "London Borough of Newham": "Greater London",
    "London Borough of Tower Hamlets": "Greater London",
    "London Borough of Southwark": "Greater London", "London Borough of Ealing": "Greater London",
    "London Borough of Brent": "Greater London", "London Borough of Haringey": "Greater London",
    "Manchester City Council": "Greater Manchester", "Salford City Council": "Greater Manchester",
    "Bolton Metropolitan Borough Council": "Greater Manchester",
    "Oldham Metropolitan Borough Council": "Greater Manchester",
    "Birmingham City Council": "West Midlands", "Coventry City Council": "West Midlands",
    "City of Wolverhampton Council": "West Midlands",
    "Sandwell Metropolitan Borough Council": "West Midlands",
    "Leeds City Council": "West Yorkshire",
    "City of Bradford Metropolitan District Council": "West Yorkshire",
    "Kirklees Council": "West Yorkshire", "Liverpool City Council": "Merseyside",
    "Sheffield City Council": "South Yorkshire", "Newcastle City Council": "Tyne and Wear",
    "Kent County Council": "Kent", "Essex County Council": "Essex",
    "Lincolnshire County Council": "Lincolnshire", "Norfolk County Council": "Norfolk",
    "Cambridgeshire County Council": "Cambridgeshire",
    "Peterborough City Council": "Cambridgeshire",
    "Nottingham City Council": "Nottinghamshire", "Leicester City Council": "Leicestershire",
    "Hampshire County Council": "Hampshire", "Southampton City Council": "Hampshire",
    "Portsmouth City Council": "Hampshire", "Bristol City Council": "Bristol",
    "Brighton and Hove City Council": "East Sussex", "West Sussex County Council": "West Sussex",
    "Stoke-on-Trent City Council": "Staffordshire", "Cornwall Council": "Cornwall",
    "Plymouth City Council": "Devon", "Slough Borough Council": "Berkshire",
    "Oxfordshire County Council": "Oxfordshire", "Hertfordshire County Council": "Hertfordshire",
    "Derby City Council": "Derbyshire",
    "City of Cardiff Council": "South Glamorgan",
    "City and County of Swansea Council": "West Glamorgan",
    "Newport City Council": "Gwent", "Wrexham County Borough Council": "Clwyd",
    "Gwynedd Council": "Gwynedd", "Isle of Anglesey County Council": "Gwynedd",
    "Carmarthenshire County Council": "Dyfed",
    "Glasgow City Council": "City of Glasgow", "City of Edinburgh Council": "City of Edinburgh",
    "Aberdeen City Council": "City of Aberdeen", "Aberdeenshire Council": "Aberdeenshire",
    "Dundee City Council": "City of Dundee", "North Lanarkshire Council": "Lanarkshire",
    "Fife Council": "Fife", "Highland Council": "Inverness",
    "Belfast City Council": "County Antrim",
    "Lisburn and Castlereagh City Council": "County Antrim",
    "Armagh City, Banbridge and Craigavon Borough Council": "County Armagh",
    "Causeway Coast and Glens Borough Council": "County Derry / Londonderry",
    "Mid & East Antrim Borough Council": "County Antrim",
}  # fmt: skip

_MET = ("Metropolitan Police Service", "met.police.uk", "020 7946 0")
AREAS = {
    "england": _areas(*_MET, [
        ("London Borough of Croydon", "croydon.gov.uk", "Croydon", 5),
        ("London Borough of Hillingdon", "hillingdon.gov.uk", "Hayes,Uxbridge", 4),
        ("London Borough of Newham", "newham.gov.uk", "Stratford,East Ham", 3),
        ("London Borough of Tower Hamlets", "towerhamlets.gov.uk", "Bethnal Green,Poplar", 2),
        ("London Borough of Southwark", "southwark.gov.uk", "Bermondsey,Camberwell", 2),
        ("London Borough of Ealing", "ealing.gov.uk", "Southall,Acton", 2),
        ("London Borough of Brent", "brent.gov.uk", "Wembley", 2),
        ("London Borough of Haringey", "haringey.gov.uk", "Tottenham,Wood Green", 2),
        ("Manchester City Council", "manchester.gov.uk", "Manchester", 4,
         "Greater Manchester Police", "gmp.police.uk", "0161 496 0"),
        ("Salford City Council", "salford.gov.uk", "Salford,Eccles", 1.5,
         "Greater Manchester Police", "gmp.police.uk", "0161 496 0"),
        ("Bolton Metropolitan Borough Council", "bolton.gov.uk", "Bolton", 1.2,
         "Greater Manchester Police", "gmp.police.uk", "0161 496 0"),
        ("Oldham Metropolitan Borough Council", "oldham.gov.uk", "Oldham", 1.2,
         "Greater Manchester Police", "gmp.police.uk", "0161 496 0"),
        ("Birmingham City Council", "birmingham.gov.uk", "Birmingham,Sutton Coldfield", 4,
         "West Midlands Police", "westmidlands.police.uk", "0121 496 0"),
        ("Coventry City Council", "coventry.gov.uk", "Coventry", 1.5,
         "West Midlands Police", "westmidlands.police.uk", "024 7696 0"),
        ("City of Wolverhampton Council", "wolverhampton.gov.uk", "Wolverhampton", 1.2,
         "West Midlands Police", "westmidlands.police.uk", "01902 496 0"),
        ("Sandwell Metropolitan Borough Council", "sandwell.gov.uk", "West Bromwich,Oldbury",
         1.2, "West Midlands Police", "westmidlands.police.uk", "0121 496 0"),
        ("Leeds City Council", "leeds.gov.uk", "Leeds", 3,
         "West Yorkshire Police", "westyorkshire.police.uk", "0113 496 0"),
        ("City of Bradford Metropolitan District Council", "bradford.gov.uk",
         "Bradford,Keighley", 2, "West Yorkshire Police", "westyorkshire.police.uk",
         "01274 496 0"),
        ("Kirklees Council", "kirklees.gov.uk", "Huddersfield,Dewsbury", 1.5,
         "West Yorkshire Police", "westyorkshire.police.uk", "01484 496 0"),
        ("Liverpool City Council", "liverpool.gov.uk", "Liverpool", 3,
         "Merseyside Police", "merseyside.police.uk", "0151 496 0"),
        ("Sheffield City Council", "sheffield.gov.uk", "Sheffield", 2,
         "South Yorkshire Police", "southyorkshire.police.uk", "0114 496 0"),
        ("Newcastle City Council", "newcastle.gov.uk", "Newcastle upon Tyne", 2,
         "Northumbria Police", "northumbria.police.uk", "0191 498 0"),
        ("Kent County Council", "kent.gov.uk", "Dover,Folkestone,Maidstone,Margate", 5,
         "Kent Police", "kent.police.uk", "01622 496 0"),
        ("Essex County Council", "essex.gov.uk", "Chelmsford,Basildon,Colchester", 3,
         "Essex Police", "essex.police.uk", "01245 496 0"),
        ("Lincolnshire County Council", "lincolnshire.gov.uk", "Boston,Lincoln,Spalding", 2,
         "Lincolnshire Police", "lincs.police.uk", "01522 496 0"),
        ("Norfolk County Council", "norfolk.gov.uk", "Norwich,King's Lynn,Great Yarmouth", 2,
         "Norfolk Constabulary", "norfolk.police.uk", "01603 496 0"),
        ("Cambridgeshire County Council", "cambridgeshire.gov.uk", "Wisbech,Cambridge,March",
         1, "Cambridgeshire Constabulary", "cambs.police.uk", "01223 496 0"),
        ("Peterborough City Council", "peterborough.gov.uk", "Peterborough", 1.2,
         "Cambridgeshire Constabulary", "cambs.police.uk", "01733 496 0"),
        ("Nottingham City Council", "nottinghamcity.gov.uk", "Nottingham", 2,
         "Nottinghamshire Police", "nottinghamshire.police.uk", "0306 999 0"),
        ("Leicester City Council", "leicester.gov.uk", "Leicester", 2,
         "Leicestershire Police", "leics.police.uk", "0116 496 0"),
        ("Hampshire County Council", "hants.gov.uk", "Basingstoke,Winchester,Andover", 1.5,
         "Hampshire Constabulary", "hampshire.police.uk", "01962 496 0"),
        ("Southampton City Council", "southampton.gov.uk", "Southampton", 1.2,
         "Hampshire Constabulary", "hampshire.police.uk", "023 8049 6"),
        ("Portsmouth City Council", "portsmouthcc.gov.uk", "Portsmouth", 1,
         "Hampshire Constabulary", "hampshire.police.uk", "023 9249 6"),
        ("Bristol City Council", "bristol.gov.uk", "Bristol", 2,
         "Avon and Somerset Constabulary", "avonandsomerset.police.uk", "0117 496 0"),
        ("Brighton and Hove City Council", "brighton-hove.gov.uk", "Brighton and Hove", 1,
         "Sussex Police", "sussex.police.uk", "01273 496 0"),
        ("West Sussex County Council", "westsussex.gov.uk", "Crawley,Worthing", 1.2,
         "Sussex Police", "sussex.police.uk", "01293 496 0"),
        ("Stoke-on-Trent City Council", "stoke.gov.uk", "Stoke-on-Trent", 1,
         "Staffordshire Police", "staffordshire.police.uk", "01782 496 0"),
        ("Cornwall Council", "cornwall.gov.uk", "Truro,Newquay", 0.8,
         "Devon & Cornwall Police", "devonandcornwall.police.uk", "01872 496 0"),
        ("Plymouth City Council", "plymouth.gov.uk", "Plymouth", 0.8,
         "Devon & Cornwall Police", "devonandcornwall.police.uk", "01752 496 0"),
        ("Slough Borough Council", "slough.gov.uk", "Slough", 1,
         "Thames Valley Police", "thamesvalley.police.uk", "01753 496 0"),
        ("Oxfordshire County Council", "oxfordshire.gov.uk", "Oxford,Banbury", 1,
         "Thames Valley Police", "thamesvalley.police.uk", "01865 496 0"),
        ("Hertfordshire County Council", "hertfordshire.gov.uk", "Watford,Stevenage", 1.5,
         "Hertfordshire Constabulary", "herts.police.uk", "01923 496 0"),
        ("Derby City Council", "derby.gov.uk", "Derby", 1,
         "Derbyshire Constabulary", "derbyshire.police.uk", "01332 496 0"),
    ]),
    # Welsh councils: gov.wales, and the Welsh-medium llyw.cymru for Gwynedd.
    "wales": _areas("South Wales Police", "south-wales.police.uk", "029 2018 0", [
        ("City of Cardiff Council", "cardiff.gov.wales", "Cardiff", 4),
        ("City and County of Swansea Council", "swansea.gov.wales", "Swansea", 2.5, None,
         None, "01792 496 0"),
        ("Newport City Council", "newport.gov.wales", "Newport", 2, "Gwent Police",
         "gwent.police.uk", "01633 496 0"),
        ("Wrexham County Borough Council", "wrexham.gov.wales", "Wrexham", 1.5,
         "North Wales Police", "north-wales.police.uk", "01978 496 0"),
        ("Gwynedd Council", "gwynedd.llyw.cymru", "Caernarfon,Bangor", 1, "North Wales Police",
         "north-wales.police.uk", "01286 496 0"),
        ("Isle of Anglesey County Council", "anglesey.gov.wales", "Holyhead,Llangefni", 0.8,
         "North Wales Police", "north-wales.police.uk", "01248 496 0"),
        ("Carmarthenshire County Council", "carmarthenshire.gov.wales", "Llanelli,Carmarthen",
         1.2, "Dyfed-Powys Police", "dyfed-powys.police.uk", "01267 496 0"),
    ]),
    "scotland": _areas("Police Scotland", "scotland.police.uk", "0141 496 0", [
        ("Glasgow City Council", "glasgow.gov.uk", "Glasgow", 5),
        ("City of Edinburgh Council", "edinburgh.gov.uk", "Edinburgh,Musselburgh", 3, None,
         None, "0131 496 0"),
        ("Aberdeen City Council", "aberdeencity.gov.uk", "Aberdeen", 1.5, None, None,
         "01224 496 0"),
        ("Aberdeenshire Council", "aberdeenshire.gov.uk", "Peterhead,Fraserburgh", 1, None,
         None, "01224 496 0"),
        ("Dundee City Council", "dundeecity.gov.uk", "Dundee", 1.2, None, None, "01382 496 0"),
        ("North Lanarkshire Council", "northlan.gov.uk", "Motherwell,Airdrie", 1.2),
        ("Fife Council", "fife.gov.uk", "Kirkcaldy,Dunfermline", 1, None, None, "01592 496 0"),
        ("Highland Council", "highland.gov.uk", "Inverness", 0.6, None, None,
         "01463 496 0"),
    ]),
    # In Northern Ireland children's social services are run by the HSC Trusts.
    "northern_ireland": _areas("Police Service of Northern Ireland",
                               "psni.police.uk", "028 9649 6", [
        ("Belfast City Council", "belfastcity.gov.uk", "Belfast", 5, None, None, None,
         "Belfast Health and Social Care Trust"),
        ("Lisburn and Castlereagh City Council", "lisburncastlereagh.gov.uk",
         "Lisburn,Dundonald", 1.5, None, None, None,
         "South Eastern Health and Social Care Trust"),
        ("Armagh City, Banbridge and Craigavon Borough Council",
         "armaghbanbridgecraigavon.gov.uk", "Craigavon,Portadown,Armagh", 1.5, None, None,
         None, "Southern Health and Social Care Trust"),
        ("Causeway Coast and Glens Borough Council", "causewaycoastandglens.gov.uk",
         "Coleraine,Ballymoney", 1, None, None, None,
         "Northern Health and Social Care Trust"),
        ("Mid & East Antrim Borough Council", "midandeastantrim.gov.uk",
         "Ballymena,Larne,Carrickfergus", 1, None, None, None,
         "Northern Health and Social Care Trust"),
    ]),
}  # fmt: skip
_AREA_WEIGHTS = {nation: [a.weight for a in areas] for nation, areas in AREAS.items()}
TRUST_DOMAINS = {  # the HSC Trusts' own addresses, for the child's safeguarding referral
    "Belfast Health and Social Care Trust": "belfasttrust.hscni.net",
    "South Eastern Health and Social Care Trust": "setrust.hscni.net",
    "Southern Health and Social Care Trust": "southerntrust.hscni.net",
    "Northern Health and Social Care Trust": "northerntrust.hscni.net",
}  # fmt: skip
POSTCODES = {  # postcode districts by town, for an address the decision letter may go to
    "Croydon": "CR0", "Hayes": "UB3", "Uxbridge": "UB8", "Stratford": "E15", "East Ham": "E6",
    "Bethnal Green": "E2", "Poplar": "E14", "Bermondsey": "SE16", "Camberwell": "SE5",
    "Southall": "UB1", "Acton": "W3", "Wembley": "HA9", "Tottenham": "N17", "Wood Green": "N22",
    "Manchester": "M14", "Salford": "M6", "Eccles": "M30", "Bolton": "BL1", "Oldham": "OL8",
    "Birmingham": "B10", "Sutton Coldfield": "B73", "Coventry": "CV1", "Wolverhampton": "WV2",
    "West Bromwich": "B70", "Oldbury": "B69", "Leeds": "LS8", "Bradford": "BD3",
    "Keighley": "BD21", "Huddersfield": "HD1", "Dewsbury": "WF13", "Liverpool": "L8",
    "Sheffield": "S2", "Newcastle upon Tyne": "NE4", "Dover": "CT16", "Folkestone": "CT20",
    "Maidstone": "ME14", "Margate": "CT9", "Chelmsford": "CM1", "Basildon": "SS14",
    "Colchester": "CO1", "Boston": "PE21", "Lincoln": "LN1", "Spalding": "PE11",
    "Norwich": "NR2", "King's Lynn": "PE30", "Great Yarmouth": "NR30", "Wisbech": "PE13",
    "Cambridge": "CB1", "March": "PE15", "Peterborough": "PE1", "Nottingham": "NG7",
    "Leicester": "LE2", "Basingstoke": "RG21", "Winchester": "SO23", "Andover": "SP10",
    "Southampton": "SO14", "Portsmouth": "PO1", "Bristol": "BS5", "Brighton and Hove": "BN3",
    "Crawley": "RH10", "Worthing": "BN11", "Stoke-on-Trent": "ST4", "Truro": "TR1",
    "Newquay": "TR7", "Plymouth": "PL4", "Slough": "SL1", "Oxford": "OX4", "Banbury": "OX16",
    "Watford": "WD17", "Stevenage": "SG1", "Derby": "DE23", "Cardiff": "CF24", "Swansea": "SA1",
    "Newport": "NP20", "Wrexham": "LL11", "Caernarfon": "LL55", "Bangor": "LL57",
    "Holyhead": "LL65", "Llangefni": "LL77", "Llanelli": "SA15", "Carmarthen": "SA31",
    "Glasgow": "G21", "Edinburgh": "EH7", "Musselburgh": "EH21", "Aberdeen": "AB24",
    "Peterhead": "AB42", "Fraserburgh": "AB43", "Dundee": "DD3", "Motherwell": "ML1",
    "Airdrie": "ML6", "Kirkcaldy": "KY1", "Dunfermline": "KY12", "Inverness": "IV2",
    "Belfast": "BT12", "Lisburn": "BT28", "Dundonald": "BT16", "Craigavon": "BT65",
    "Portadown": "BT62", "Armagh": "BT61", "Coleraine": "BT52", "Ballymoney": "BT53",
    "Ballymena": "BT43", "Larne": "BT40", "Carrickfergus": "BT38",
}  # fmt: skip
# Where people are moved to and exploited, by nation: county lines destinations, farming
# towns, the cities where flats are rented by the night. Names as the form's town list has them.
DESTINATIONS = {
    "lines": {
        "england": _W("Margate Hastings Swindon Bournemouth Ipswich Exeter Lowestoft Blackpool "
                      "Barrow-in-Furness Scarborough Southend-on-Sea Grimsby Carlisle Torquay "
                      "Bath Worcester Chesterfield Mansfield Crewe Shrewsbury Kettering Bedford "
                      "Luton Canterbury Chatham Taunton Yeovil Barnstaple Skegness Bognor_Regis "
                      "Corby"),
        "wales": _W("Aberystwyth Rhyl Llandudno Bridgend Pontypridd Swansea Newport"),
        "scotland": _W("Perth Stirling Dumfries Ayr Kilmarnock Inverness Aberdeen Dundee"),
        "northern_ireland": _W("Newry Ballymena Omagh Enniskillen Dungannon Derry Coleraine"),
    },
    "farms": {
        "england": _W("Wisbech Spalding Boston King's_Lynn Evesham Pershore Hereford Thetford "
                      "Skegness March Lincoln Taunton"),
        "wales": _W("Carmarthen Llanelli Hereford Evesham"),
        "scotland": _W("Peterhead Fraserburgh Perth Dundee"),
        "northern_ireland": _W("Craigavon Newry Dungannon Armagh"),
    },
    "cities": {
        "england": _W("Manchester Birmingham Leeds Liverpool Sheffield Bristol "
                      "Newcastle_upon_Tyne Nottingham Leicester Southampton Reading Luton "
                      "Coventry Oxford Cambridge Brighton_and_Hove Peterborough Derby"),
        "wales": _W("Cardiff Swansea Newport Wrexham Bristol Birmingham"),
        "scotland": _W("Glasgow Edinburgh Aberdeen Dundee Newcastle_upon_Tyne Manchester"),
        "northern_ireland": _W("Belfast Derry Newry Lisburn Glasgow Liverpool"),
    },
}  # fmt: skip
for _kinds in DESTINATIONS.values():
    for _nation in _kinds:
        _kinds[_nation] = [name.replace("_", " ") for name in _kinds[_nation]]


@dataclass(frozen=True)
class FormLists:
    """The online service's pick lists (data/online-form/) and, from the registry, its
    recognised email domains and organisations; the project's table of ISO codes to the
    service's country and nationality entries (data/iso-service.json)."""

    organisations: frozenset
    forces: frozenset
    regions: frozenset
    towns: tuple  # in the list's order; the same name may recur (two Ashfords)
    local_authorities: tuple
    countries: frozenset
    nationalities: frozenset
    country_entries: dict  # ISO code -> the countries list's entry
    nationality_entries: dict  # ISO code -> the nationalities list's entry
    exact_domains: frozenset
    suffixes: tuple
    unknown_domain_ngos: tuple  # the registry's NGOs with no known email domain


def _read_json(path: Path):
    if not path.exists():
        fail(f"{path} is missing; it ships with the repository (data/online-form/)")
    with path.open(encoding="utf-8") as file:
        return json.load(file)


@functools.cache
def form_lists() -> FormLists:
    registry = _read_json(REGISTRY)
    # The recognised domains and the organisations are the registry's, which FR004 and FR008
    # check against; the other pick lists sit in data/online-form/.
    domains = registry["online_form"]["email_domains"]
    iso = _read_json(ISO_SERVICE)
    return FormLists(
        frozenset(registry["online_form"]["organisations"]),
        frozenset(_read_json(ONLINE_FORM / "uk-police-forces.json")),
        frozenset(_read_json(ONLINE_FORM / "uk-regions.json")),
        tuple(_read_json(ONLINE_FORM / "uk-cities-and-towns.json")),
        tuple(_read_json(ONLINE_FORM / "uk-local-authorities.json")),
        frozenset(_read_json(ONLINE_FORM / "countries.json")),
        frozenset(_read_json(ONLINE_FORM / "nationalities.json")),
        iso["countries"] | {"XK": "Kosovo"},  # Kosovo has no ISO code of its own
        iso["nationalities"] | {"XK": "Kosovan"},
        frozenset(d.lower() for d in domains["exact"]),
        tuple(s.lower().lstrip(".") for s in domains["suffixes"]),
        tuple(sorted(i for i, ngo in registry["ngos"].items() if not ngo.get("domains"))),
    )


@functools.cache
def town(name: str) -> str:
    """A town as the service's list spells it: Cardiff -> "Cardiff / Caerdydd"."""
    for listed in form_lists().towns:
        if listed == name or listed.startswith(name + " / "):
            return listed
    fail(f"town {name!r} is not in {ONLINE_FORM / 'uk-cities-and-towns.json'}")


def nationality_entry(code: str) -> str:
    """A nationality as the service's list spells it: VN -> Vietnamese, unknown -> Unknown."""
    if code == "unknown":
        return "Unknown"
    return form_lists().nationality_entries.get(code) or fail(f"no nationality entry for {code}")


def country_entry(code: str) -> str | None:
    """A country as the service's list spells it (VN -> Vietnam); None for a code the list has
    no entry for (Taiwan, Bermuda) and for the UK, which it never offers as a place overseas."""
    return form_lists().country_entries.get(code) if code != "GB" else None


@functools.cache
def kind_types() -> dict:
    """Each of the service's ticks (`kinds`) to the NRM's type it counts as (data/kinds.json)."""
    return _read_json(KINDS)["types"]


@functools.cache
def member_orders() -> dict:
    """The members of each object of the format, in the schema's order (the service's, then the
    first responder's record), keyed by the object's path: "", "potential_victim",
    "support/contact", "evidence/*"."""
    schema = _read_json(SCHEMA)

    def resolve(node: dict) -> dict:
        while "$ref" in node:
            named = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
            node = {**named, **{k: v for k, v in node.items() if k != "$ref"}}
        return node

    orders: dict = {}

    def walk(node: dict, path: str) -> None:
        node = resolve(node)
        if "properties" in node:
            orders[path] = list(node["properties"])
            for name, member in node["properties"].items():
                walk(member, f"{path}/{name}".lstrip("/"))
        if isinstance(node.get("items"), dict):
            walk(node["items"], f"{path}/*")

    walk(schema, "")
    return orders


@functools.cache
def places() -> tuple:
    """The town list's entries that name a place and that the service can take: not Unknown,
    nor an entry ending in a space (which it trims, then cannot find)."""
    return tuple(t for t in form_lists().towns if t != "Unknown" and t == t.strip())


def plain(listed_town: str) -> str:
    """A listed town as it reads in a sentence: "Cardiff / Caerdydd" -> Cardiff."""
    return listed_town.split(" / ")[0]


@functools.cache
def local_authority(council: str) -> str:
    """A council as the form's local authority list spells it: the list writes some with
    "The" ("The Glasgow City Council") or "&" ("Lisburn & Castlereagh City Council")."""
    listed = form_lists().local_authorities
    for name in (council, "The " + council, council.replace(" and ", " & ")):
        if name in listed:
            return name
    fail(f"local authority {council!r} is not in {ONLINE_FORM / 'uk-local-authorities.json'}")


def recognised(domain: str) -> bool:
    """The online form's test: an exact domain, or one ending with a suffix (whole labels)."""
    lists, domain = form_lists(), domain.lower()
    return domain in lists.exact_domains or any(
        domain == s or domain.endswith("." + s) for s in lists.suffixes
    )


PORTS = {
    "england": ["the Port of Dover", "Heathrow Airport", "Gatwick Airport", "Stansted Airport",
                "Manchester Airport", "Harwich International Port", "Birmingham Airport"],
    "wales": ["Holyhead port", "Cardiff Airport", "Fishguard Harbour", "Pembroke Dock"],
    "scotland": ["Glasgow Airport", "Edinburgh Airport", "Aberdeen Harbour", "Cairnryan"],
    "northern_ireland": ["Belfast Harbour", "Belfast International Airport", "Larne Harbour"],
}  # fmt: skip
SCREENING = {
    "england": ["Lunar House in Croydon", "the Manston processing centre",
                "the Western Jet Foil in Dover", "the asylum intake unit in Croydon"],
    "wales": ["the Cardiff reporting centre"],
    "scotland": ["the Glasgow reporting centre"],
    "northern_ireland": ["the Belfast reporting centre"],
}  # fmt: skip
GUARDIAN = {"england": "ictg", "wales": "ictg", "scotland": "scottish_guardianship",
            "northern_ireland": "ni_independent_guardian"}  # fmt: skip

# ------------------------------------------------------------------------------------------
# First responders: the statistics' names to the format's organisation types
# ------------------------------------------------------------------------------------------

# The designated NGOs of the statistics: registry id, the name the online form's list gives
# them, the email domain the form recognises for them, and their only nation where they have
# one. TARA is a Glasgow City Council service, so its staff write from the council's domain;
# the registry knows no domain of TARA's own, so FR005 warns that the address is unverified.
NGOS = {
    "The Salvation Army": ("salvation_army", "The Salvation Army", "salvationarmy.org.uk", None),
    "Migrant Help": ("migrant_help", "Migrant Help", "migranthelpuk.org", None),
    "Medaille Trust": ("medaille_trust", "Medaille Trust", "medaille-trust.org.uk", None),
    "Kalayaan": ("kalayaan", "Kalayaan", "kalayaan.org.uk", None),
    "Barnardo's": ("barnardos", "Barnardo's", "barnardos.org.uk", None),
    "Unseen": ("unseen", "Unseen", "unseenuk.org", None),
    "BAWSO": ("bawso", "BAWSO", "bawso.org.uk", None),
    "Refugee Council": ("refugee_council", "Refugee Council", "refugeecouncil.org.uk", None),
    "Trafficking Awareness Raising Alliance TARA": (
        "tara", "Trafficking Awareness Raising Alliance TARA", "glasgow.gov.uk", "scotland"),
    "Belfast and Lisburn Women's Aid": (
        "belfast_lisburn_womens_aid", "Belfast and Lisburn Women's Aid",
        "belfastwomensaid.org.uk", "northern_ireland"),
    "Youth Work Alliance": ("youth_work_alliance", "Youth Work Alliance", "youthworkalliance.com",
                            None),
}  # fmt: skip
NGO_NAMES = {ngo: name for ngo, name, _, _ in NGOS.values()}
NGO_DOMAINS = {ngo: domain for ngo, _, domain, _ in NGOS.values()}
NGO_PREFIXES = {"salvation_army": "TSA", "migrant_help": "MH", "medaille_trust": "MT",
                "kalayaan": "KAL", "barnardos": "BAR", "unseen": "UNS", "bawso": "BAWSO",
                "refugee_council": "RC", "tara": "TARA", "belfast_lisburn_womens_aid": "BLWA",
                "youth_work_alliance": "YWA"}  # fmt: skip
# The Home Office teams the online form lists, by the statistics' three commands, weighted by
# how often each meets potential victims.
HOME_OFFICE = {
    "Home Office - UK Visas and Immigration UKVI": ("ukvi", "UKVI", {
        "Home Office - Asylum Group - Illegal Migration Intake Unit": 4,
        "Home Office - Asylum Group - Asylum and HR Casework": 5,
        "Home Office - Asylum Group - Asylum Support Safeguarding Hub": 1}),
    "Home Office - Immigration Enforcement IE": ("ie", "HOIE", {
        "Home Office - Immigration Enforcement IE - ICE North": 4,
        "Home Office - Immigration Enforcement IE - ICE South": 4,
        "Home Office - Immigration Enforcement IE - Investigation Teams": 2,
        "Home Office - Immigration Enforcement IE - Reporting and Offender Management (ROM)": 1,
        "Home Office - Immigration Enforcement IE - Immigration Prison Teams (IPTs)": 0.5,
        "Home Office - Immigration Enforcement IE - DET Heathrow": 0.5,
        "Home Office - Immigration Enforcement IE - DET Derwentside": 0.5}),
    "Home Office - UK Border Force UKBF": ("ukbf", "UKBF", {
        "Home Office - UK Border Force UKBF": 1}),
}  # fmt: skip
NCA_NAME = "National Crime Agency NCA"
GLAA_NAME = "Gangmasters and Labour Abuse Authority GLAA"
HSC_TRUSTS_NAME = "Health and Social Care Trusts - HSC Trusts"


def check_names() -> None:
    """Every organisation, force, region, town, local authority and email domain the drafts
    use is one the online form offers or recognises: fail loudly when a list moves on."""
    lists = form_lists()
    names = [NCA_NAME, GLAA_NAME, HSC_TRUSTS_NAME, "British Transport Police", *NGO_NAMES.values()]
    names += [team for _, _, teams in HOME_OFFICE.values() for team in teams]
    domains = ["homeoffice.gov.uk", "nca.gov.uk", "gla.gov.uk", "btp.police.uk"]
    domains += NGO_DOMAINS.values()
    for areas in AREAS.values():
        for area in areas:
            names += [area.council, area.force]
            domains += [area.domain, area.force_domain]
            local_authority(area.council)
            if area.region not in lists.regions:
                fail(f"region {area.region!r} is not in the online form's region list")
            if area.force not in lists.forces:
                fail(f"police force {area.force!r} is not in the online form's force list")
            for name in area.towns:
                town(name)
                if name not in POSTCODES:
                    fail(f"no postcode district for {name!r}")
    for name in (t for kinds in DESTINATIONS.values() for ts in kinds.values() for t in ts):
        town(name)
    for name in names:
        if name not in lists.organisations:
            fail(f"organisation {name!r} is not in the online form's organisation list")
    for code in set(DEMONYMS.values()):
        if nationality_entry(code) not in lists.nationalities:
            fail(f"nationality {nationality_entry(code)!r} is not in the service's list")
    for entry in lists.country_entries.values():
        if entry not in lists.countries:
            fail(f"country {entry!r} is not in the service's list")
    for domain in domains:
        if not recognised(domain):
            fail(f"email domain {domain!r} is not one the online form recognises")


def responder_kind(name: str) -> str:
    """The statistics' first responder name to this script's kind (fails on an unknown one)."""
    if name in HOME_OFFICE:
        return HOME_OFFICE[name][0]
    if name in NGOS:
        return "ngo:" + NGOS[name][0]
    kinds = {
        "Local Authority": "local_authority",
        "Gangmasters and Labour Abuse Authority GLAA": "glaa",
        "National Crime Agency NCA": "national_crime_agency",
        "Police": "police",
    }
    return kinds.get(name) or fail(f"first responder {name!r} has no organisation type")


def org_type(kind: str) -> str:
    return (
        "ngo"
        if kind.startswith("ngo:")
        else {"ukvi": "home_office", "ie": "home_office", "ukbf": "home_office"}.get(kind, kind)
    )


ROLES = {
    "police": {"child": ["Detective Constable, Child Exploitation Team",
                         "Police Constable, Missing Persons Unit",
                         "Detective Sergeant, Public Protection Unit"],
               "adult": ["Detective Constable, Modern Slavery and Human Trafficking Unit",
                         "Detective Sergeant, Organised Crime Unit",
                         "Police Constable, Neighbourhood Policing Team"]},
    "local_authority": {"child": ["Social worker, Children's Services",
                                  "Senior social worker, Unaccompanied Children's Team",
                                  "Exploitation lead, Children's Services",
                                  "Youth Justice Officer"],
                        "adult": ["Social worker, Adult Social Care",
                                  "Housing Options Officer",
                                  "Modern Slavery Coordinator, Community Safety"]},
    "ukvi": {"any": ["Asylum Caseworker, UK Visas and Immigration",
                     "Senior Caseworker, Asylum Intake", "Safeguarding Lead, Asylum Screening"]},
    "ie": {"any": ["Immigration Officer, Immigration Enforcement",
                   "Chief Immigration Officer, Immigration Enforcement"]},
    "ukbf": {"any": ["Border Force Officer", "Border Force Safeguarding and Trafficking Officer"]},
    "national_crime_agency": {"any": ["Investigator, Modern Slavery and Human Trafficking Unit",
                                      "Senior Investigating Officer"]},
    "glaa": {"any": ["Labour Abuse Investigator", "Senior Investigating Officer, GLAA"]},
    "ngo": {"child": ["Independent Child Trafficking Guardian", "Children's Services Practitioner",
                      "Outreach Worker"],
            "adult": ["Modern Slavery Adviser", "First Responder, Anti-Trafficking Team",
                      "Outreach Worker", "Casework Manager"]},
}  # fmt: skip

STAFF = {  # names of the referring officers, by nation
    "england": {
        "m": _W("James Daniel Mohammed Tom Olumide Adebayo Liam Mark Stephen Kwame Amrit Paul"),
        "f": _W("Sarah Priya Emma Aisha Rachel Grace Hannah Zainab Chloe Joanne Helen Lucy"),
        "fam": _W("Smith Jones Patel Khan Clarke Walker Begum Hughes Okafor Taylor Brown Wilson "
                  "Robinson Wright Ahmed Thompson Green Hall Mensah Shah Nowak Baker Sharma"),
    },
    "wales": {
        "m": _W("Rhys Gareth Dafydd Owain Aled Huw Ieuan"),
        "f": _W("Siân Ffion Cerys Bethan Nia Carys Eleri"),
        "fam": _W("Jones Williams Davies Evans Thomas Roberts Lewis Hughes Morgan Griffiths "
                  "Price Powell"),
    },
    "scotland": {
        "m": _W("Alasdair Callum Euan Iain Ross Graeme Lachlan"),
        "f": _W("Fiona Kirsty Morag Catriona Eilidh Shona Mhairi"),
        "fam": _W("MacKay Campbell Stewart MacLeod Robertson Fraser MacDonald Murray Reid "
                  "Paterson McLean Sinclair"),
    },
    "northern_ireland": {
        "m": _W("Ciarán Seán Conor Ryan Declan Mark Pádraig"),
        "f": _W("Niamh Aoife Siobhán Gráinne Claire Orla Róisín"),
        "fam": _W("O'Neill Murphy Kelly McCann Quinn Doherty Campbell Wilson McLaughlin O'Hare "
                  "Boyle Gallagher"),
    },
}  # fmt: skip


def ascii_fold(text: str) -> str:
    """For email addresses: Siân O'Neill -> sian.oneill."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z-]", "", plain.lower())


def initials(name: str) -> str:
    """A reference prefix from an organisation's name: Lincolnshire County Council -> LCC."""
    words = [w for w in re.split(r"[\s\-,]+", name) if w and w[0].isupper()]
    return "".join(w[0] for w in words)[:5] or "ORG"


def staff_member(rng: random.Random, nation: str) -> tuple[str, str]:
    pool = STAFF[nation if rng.random() < 0.7 else "england"]
    given, family = person_name(rng, pool, rng.choice("mf"))
    return given, family


def staff_email(rng: random.Random, given: str, family: str, domain: str) -> str:
    local = f"{ascii_fold(given)}.{ascii_fold(family)}"
    if rng.random() < 0.15:  # a second J. Smith in the same organisation
        local += str(rng.randint(2, 9))
    return f"{local}@{domain}"


# UK mobile numbers as the service's phone check takes them. Ofcom's one range kept for drama
# mobiles (07700 900) is refused by it, so these blocks are in use: the numbers are made up and
# never dialled, as the drafts are never sent.
MOBILE_BLOCKS = ["07412", "07438", "07523", "07564", "07709", "07723", "07747", "07789", "07812",
                 "07856", "07903", "07942", "07971"]  # fmt: skip


def mobile(rng: random.Random) -> str:
    return f"{rng.choice(MOBILE_BLOCKS)} {rng.randint(0, 999_999):06d}"


def phone_number(rng: random.Random, prefix: str) -> str:
    """A first responder's number: their office's line, or one in five a work mobile."""
    if rng.random() < 0.2:
        return mobile(rng)
    digits_left = 11 - sum(ch.isdigit() for ch in prefix)
    return prefix + "".join(str(rng.randrange(10)) for _ in range(digits_left))


@dataclass
class Responder:
    organisation: dict
    email_domain: str
    reference_prefix: str
    phone_prefix: str
    area: Area  # where the person is now: the organisation's own area where it has one
    force: str  # the police force the referral goes to


def make_responder(rng: random.Random, kind: str, nation: str) -> Responder:
    area = rng.choices(AREAS[nation], weights=_AREA_WEIGHTS[nation])[0]
    otype = org_type(kind)
    if otype == "police":
        if nation != "northern_ireland" and rng.random() < 0.06:  # BTP covers Great Britain
            organisation = {"type": "police", "name": "British Transport Police"}
            return Responder(organisation, "btp.police.uk", "BTP", area.phone, area, area.force)
        organisation = {"type": "police", "name": area.force}
        return Responder(
            organisation, area.force_domain, initials(area.force), area.phone, area, area.force
        )
    if otype == "local_authority":
        organisation = {"type": "local_authority", "name": area.council}
        return Responder(
            organisation, area.domain, initials(area.council), area.phone, area, area.force
        )
    if kind in ("ukvi", "ie", "ukbf"):
        _, prefix, teams = next(v for v in HOME_OFFICE.values() if v[0] == kind)
        organisation = {"type": "home_office", "name": pick(rng, teams)}
        return Responder(organisation, "homeoffice.gov.uk", prefix, area.phone, area, area.force)
    if otype == "national_crime_agency":
        organisation = {"type": "national_crime_agency", "name": NCA_NAME}
        return Responder(organisation, "nca.gov.uk", "NCA", "020 7946 0", area, area.force)
    if otype == "glaa":
        organisation = {"type": "glaa", "name": GLAA_NAME}
        return Responder(organisation, "gla.gov.uk", "GLAA", "0306 999 0", area, area.force)
    ngo = kind.split(":", 1)[1]
    organisation = {"type": "ngo", "name": NGO_NAMES[ngo], "ngo": ngo}
    return Responder(
        organisation, NGO_DOMAINS[ngo], NGO_PREFIXES[ngo], area.phone, area, area.force
    )


# The shared mailbox a manager or colleague reads: "who to contact in your absence".
TEAM_INBOXES = {
    "police": ["modernslavery", "mshtunit", "childexploitation", "publicprotection", "mash"],
    "local_authority": ["mash", "childrensservices", "adultsafeguarding", "modernslavery",
                        "exploitation.team", "uasc.team"],
    "home_office": ["nrm.referrals", "safeguarding.hub", "asylum.intake.safeguarding"],
    "national_crime_agency": ["mshtu.referrals"],
    "glaa": ["intelligence", "nrm.referrals"],
    "ngo": ["nrm", "referrals", "firstresponders", "antitrafficking"],
}  # fmt: skip


def first_responder(
    rng: random.Random, kind: str, nation: str, responder: Responder, group: str
) -> dict:
    given, family = staff_member(rng, nation)
    roles = ROLES.get(kind) or ROLES[org_type(kind)]
    role = rng.choice(roles.get("any") or roles["adult" if group == "adult" else "child"])
    if rng.random() < 0.55:  # a manager or colleague by name, else the team's inbox
        other = staff_member(rng, nation)
        absence = staff_email(rng, *other, responder.email_domain)
    else:
        inbox = rng.choice(TEAM_INBOXES[responder.organisation["type"]])
        absence = f"{inbox}@{responder.email_domain}"
    return {
        "email": staff_email(rng, given, family, responder.email_domain),
        "organisation": dict(responder.organisation),
        "first_name": given,
        "last_name": family,
        "role": role,
        "phone": phone_number(rng, responder.phone_prefix),
        "contact_in_absence": absence,  # asked on route nrm only: build_draft drops it for a DtN
    }


# ------------------------------------------------------------------------------------------
# The statistics: who was referred in 2023
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    quarter: str
    responder: str  # the statistics' first responder name, or "Police"
    exploitation: str  # "Labour & Criminal", "Not specified or unknown", …
    age_group: str  # adult | child | unknown
    gender: str  # Male | Female | Other
    nationality: str  # the statistics' cell, "Albanian UK"


def read_csv(name: str) -> list[dict]:
    path = DATA / name
    if not path.exists():
        fail(f"{path} is missing; it ships with the repository (see benches/data/README.md)")
    with path.open(newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def load_year() -> tuple[list[Person], dict]:
    """Everyone referred in 2023: the table by first responder, and the police fill.

    Also returns the 2023 location-of-exploitation counts by age group, and the share of the
    adults (referred or notified) on whom a Duty to Notify was filed.
    """
    rng = random.Random(0)  # the police fill is the same whatever --seed is
    people: list[Person] = []
    joint: dict[str, list] = {"adult": [], "child": [], "unknown": []}  # (type, gender, nat)
    weights: dict[str, list] = {"adult": [], "child": [], "unknown": []}
    non_police: dict[tuple, int] = {}
    for row in read_csv("referrals-2023-by-first-responder.csv"):
        group = AGE_GROUPS[row["age_at_exploitation"]]
        count = int(row["people"])
        responder_kind(row["first_responder"])  # fail now on an unknown first responder
        nationality_code(row["nationality"])  # and on an unknown demonym
        person = Person(
            row["quarter"],
            row["first_responder"],
            row["exploitation_type"],
            group,
            row["gender"],
            row["nationality"],
        )
        people.extend([person] * count)
        joint[group].append((row["exploitation_type"], row["gender"], row["nationality"]))
        weights[group].append(count)
        key = (row["quarter"], group)
        non_police[key] = non_police.get(key, 0) + count

    totals: dict[tuple, int] = {}
    locations: dict[str, dict[str, int]] = {"adult": {}, "child": {}, "unknown": {}}
    for row in read_csv("referrals-longitudinal.csv"):
        if row["Year"] != "2023":
            continue
        group = AGE_GROUPS[row["Age at exploitation"]]
        where, count = row["Location of exploitation"], int(row["NRM referrals"])
        if where == "Total":
            totals[(f"2023{row['Quarter']}", group)] = count
        else:
            locations[group][where] = locations[group].get(where, 0) + count

    for quarter in QUARTERS:
        for group in ("adult", "child", "unknown"):
            police = totals[(quarter, group)] - non_police.get((quarter, group), 0)
            if police < 0:
                fail(f"{quarter} {group}: more non-police referrals than the quarter's total")
            cumulative = list(itertools.accumulate(weights[group]))
            for kind, gender, nationality in rng.choices(
                joint[group], cum_weights=cumulative, k=police
            ):
                people.append(Person(quarter, "Police", kind, group, gender, nationality))

    dtn = {
        row["Year"]: int(row["Total"])
        for row in read_csv("duty-to-notify-longitudinal.csv")
        if row["Quarter"] == "Total"
    }
    adults = sum(totals[(q, "adult")] for q in QUARTERS)
    stats = {"locations": locations, "dtn_share": dtn["2023"] / (dtn["2023"] + adults)}
    return people, stats


def sample(rng: random.Random, people: list[Person], count: int) -> list[Person]:
    """`count` people in the year's proportions: without replacement, whole years first."""
    chosen = people * (count // len(people))
    rest = rng.sample(people, count % len(people))
    order = {q: i for i, q in enumerate(QUARTERS)}
    return sorted(chosen + rest, key=lambda p: order[p.quarter])  # stable: references by quarter


# ------------------------------------------------------------------------------------------
# The plan: nation, organisation, route and location for each person, before any draft
# ------------------------------------------------------------------------------------------


@dataclass
class Plan:
    person: Person
    kind: str  # ukvi, ie, ukbf, police, local_authority, glaa, national_crime_agency, ngo:<id>
    nation: str
    nationality: str
    second_nationality: str | None
    route: str = "nrm"
    location: str = "uk"


def plan_all(rng: random.Random, people: list[Person], stats: dict) -> list[Plan]:
    plans = []
    for person in people:
        kind = responder_kind(person.responder)
        forced = NGOS.get(person.responder, (None,) * 4)[3]
        nation = forced or pick(rng, NATION_WEIGHTS)
        cell = person.nationality
        plans.append(Plan(person, kind, nation, nationality_code(cell), second_nationality(cell)))
    assign_locations(rng, plans, stats["locations"])
    assign_duty_to_notify(rng, plans, stats["dtn_share"])
    return plans


def assign_locations(rng: random.Random, plans: list[Plan], locations: dict) -> None:
    """Location of exploitation in the year's proportions by age group. British nationals are
    exploited in the UK; the others take what is left of each share."""
    labels = {
        "UK": "uk",
        "Overseas": "overseas",
        "UK and Overseas": "uk_and_overseas",
        "Not specified or unknown": "unknown",
    }
    for group, counts in locations.items():
        members = [p for p in plans if p.person.age_group == group]
        total = sum(counts.values()) or 1
        target = {labels[k]: round(len(members) * v / total) for k, v in counts.items()}
        british = [p for p in members if p.nationality == "GB"]
        others = [p for p in members if p.nationality != "GB"]
        for plan in british:
            plan.location = "uk"
        target["uk"] = max(0, target.get("uk", 0) - len(british))
        pool = [label for label, n in target.items() for _ in range(n)]
        while len(pool) < len(others):  # rounding: top up with the largest share
            pool.append(max(target, key=target.get))
        rng.shuffle(pool)
        for plan, label in zip(others, pool):
            plan.location = label


def assign_duty_to_notify(rng: random.Random, plans: list[Plan], share: float) -> None:
    """A Duty to Notify for that share of the adults, from those who may file one."""
    adults = [p for p in plans if p.person.age_group == "adult"]
    eligible = [
        p
        for p in adults
        if p.nation in ("england", "wales") and org_type(p.kind) in PUBLIC_AUTHORITIES
    ]
    for plan in rng.sample(eligible, min(len(eligible), round(len(adults) * share))):
        plan.route = "duty_to_notify"


# ------------------------------------------------------------------------------------------
# Dates
# ------------------------------------------------------------------------------------------


def iso(day: dt.date) -> str:
    return day.isoformat()


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def age_on(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def prepared_on(rng: random.Random, quarter: str, today: dt.date) -> dt.date:
    """The quarters of 2023, in order, over the 30 days up to today (see the docstring)."""
    start = today - dt.timedelta(days=WINDOW_DAYS - 1)
    q = QUARTERS.index(quarter)
    first, last = round(q * WINDOW_DAYS / 4), round((q + 1) * WINDOW_DAYS / 4) - 1
    return start + dt.timedelta(days=rng.randint(first, last))


def birth_date(rng: random.Random, age: int, on: dt.date, estimated: bool) -> dt.date:
    """A date of birth giving exactly `age` on `on`, never within 3 days of a birthday (so a
    shift of every date by the same number of days keeps the age)."""
    if estimated:  # estimated dates of birth are usually 1 January
        return dt.date(on.year - age, 1, 1)
    while True:
        born = on - dt.timedelta(days=rng.randint(age * 365 + 4, age * 365 + 360))
        birthday = dt.date(on.year, born.month, min(born.day, 28))
        if abs((birthday - on).days) > 3 and age_on(born, on) == age:
            return born


# ------------------------------------------------------------------------------------------
# Exploitation: types, forms, countries, indicators and the account
# ------------------------------------------------------------------------------------------

TYPE_WORDS = {"Sexual": "sexual", "Labour": "labour", "Criminal": "criminal",
              "Domestic": "domestic_servitude", "Organ Harvesting": "organ_harvesting"}  # fmt: skip


def exploitation_types(cell: str) -> list[str]:
    """ "Sexual, Labour & Domestic" -> ["sexual", "labour", "domestic_servitude"]."""
    if cell == "Not specified or unknown":
        return ["unknown"]
    parts = [p.strip() for p in re.split(r",|&", cell) if p.strip()]
    unknown = [p for p in parts if p not in TYPE_WORDS]
    if unknown:
        fail(f"exploitation type {cell!r}: unknown part {unknown[0]!r}")
    return [TYPE_WORDS[p] for p in parts]


def forms_for(rng: random.Random, types: list[str], nationality: str, group: str) -> list[str]:
    """Forms that fit the types and the person: county lines for British children, cannabis
    farms for Vietnamese and Albanians, begging for Romanians, nail bars for Vietnamese."""
    forms = []
    if "criminal" in types:
        if nationality == "GB":
            options = {"county_lines": 7, "drug_distribution": 2, "pickpocketing_theft": 0.5}
        elif nationality in ("VN", "AL"):
            options = {"cannabis_cultivation": 6, "drug_distribution": 3}
        elif nationality in ("RO", "BG", "SK", "CZ"):
            options = {"begging": 4, "pickpocketing_theft": 4, "benefit_fraud": 3}
        else:
            options = {
                "drug_distribution": 4,
                "financial_fraud": 2,
                "cannabis_cultivation": 1,
                "pickpocketing_theft": 1,
            }
        forms.append(pick(rng, options))
    if "labour" in types:
        if nationality == "VN":
            options = {"nail_bar": 6, "catering": 1, "car_wash": 1}
        elif nationality in ("RO", "BG", "LT", "LV", "PL", "SK"):
            options = {"agriculture": 4, "construction": 3, "car_wash": 2, "sweatshop": 1}
        elif nationality in ("AL", "GB"):
            options = {"construction": 4, "car_wash": 3, "agriculture": 1}
        elif nationality in ("IN", "PK", "BD"):
            options = {"catering": 4, "construction": 2, "sweatshop": 2}
        else:
            options = {
                "construction": 3,
                "agriculture": 3,
                "catering": 3,
                "car_wash": 2,
                "sweatshop": 1,
            }
        forms.append(pick(rng, options))
    if "sexual" in types and group != "adult" and rng.random() < 0.25:
        forms.append("sexual_exploitation_online")
    if ("domestic_servitude" in types or "sexual" in types) and rng.random() < 0.06:
        forms.append("forced_marriage")
    if rng.random() < 0.2:  # forms are optional: some drafts leave them out
        return []
    return forms


def countries_for(rng: random.Random, location: str, nationality: str) -> list[str] | None:
    """Where the exploitation took place, agreeing with `location` (EXP002): required for
    `overseas` and `uk_and_overseas`, optional for `uk`, left out for `unknown`."""
    if location == "unknown":
        return None
    if location == "uk":
        return ["GB"] if rng.random() < 0.5 else None
    home = [nationality] if nationality not in ("GB", "unknown") else []
    transit = TRANSIT[REGION.get(nationality, "default")]
    route = home + rng.sample(transit, rng.randint(0 if home else 1, 2))
    route = list(dict.fromkeys(c for c in route if c != "GB"))
    return route + ["GB"] if location == "uk_and_overseas" else route


INDICATORS = {
    "any": {"withdrawn_or_afraid_of_authority": 4, "reluctant_to_give_personal_details": 3,
            "no_control_of_documents": 3, "threats_to_family": 3, "prepared_story": 2,
            "restricted_movement": 3, "debt_bondage": 2, "other": 0.5},
    "journey": {"journey_arranged_by_others": 5, "entered_illegally_or_false_documents": 4,
                "cannot_confirm_who_meets_them": 2, "debt_bondage": 3},
    "criminal": {"phone_but_no_money": 3, "unexplained_calls": 3, "required_to_earn_daily": 2,
                 "unexplained_money_or_goods": 3, "missing_links_or_unexplained_moves": 2},
    "labour": {"debt_bondage": 4, "required_to_earn_daily": 2, "restricted_movement": 2,
               "no_control_of_documents": 3},
    "sexual": {"signs_of_physical_or_sexual_assault": 3, "contact_from_unknown_adults": 2,
               "low_self_esteem_or_self_harm": 2, "restricted_movement": 2},
    "domestic_servitude": {"restricted_movement": 4, "no_control_of_documents": 3,
                           "not_registered_with_gp_or_school": 2},
    "child": {"persistently_missing": 4, "cared_for_by_unrelated_adults": 2,
              "one_of_several_unrelated_children_at_address": 1,
              "not_registered_with_gp_or_school": 2, "sexualised_behaviour": 0.5,
              "accompanying_adult_insists_on_staying": 1},
}  # fmt: skip


def indicators_for(rng: random.Random, types: list[str], child: bool, journey: bool) -> list:
    weights = dict(INDICATORS["any"])
    for key in types + (["child"] if child else []) + (["journey"] if journey else []):
        for code, w in INDICATORS.get(key, {}).items():
            weights[code] = weights.get(code, 0) + w
    if "sexual" not in types or not child:
        weights.pop("sexualised_behaviour", None)
    chosen: list[str] = []
    for _ in range(rng.randint(2, 5)):
        code = pick(rng, weights)
        chosen.append(code)
        del weights[code]
    return chosen


# The account, question by question. Each question has templates by the case's form, type,
# family of forms, age group or "any", tried in that order (see story_keys); [a|b|c] picks one
# of its words each time, {he} and friends come from case_words(). The templates are written for
# "he" and "she"; agree() gives "they" its plural verbs.
WORK_FORMS = ("agriculture", "car_wash", "construction", "catering", "nail_bar", "sweatshop")
FAMILY = {
    "county_lines": "lines", "drug_distribution": "lines", "cannabis_cultivation": "grow",
    "begging": "street", "pickpocketing_theft": "street", "benefit_fraud": "fraud",
    "financial_fraud": "fraud", "agriculture": "work", "car_wash": "work", "construction": "work",
    "catering": "work", "nail_bar": "work", "sweatshop": "work", "labour": "work",
    "sexual_exploitation_online": "cse", "forced_marriage": "home", "domestic_servitude": "home",
    "criminal": "crime", "organ_harvesting": "organ", "unknown": "unknown",
}  # fmt: skip
FORM_TYPES = (
    {
        form: "criminal"
        for form in (
            "county_lines",
            "drug_distribution",
            "cannabis_cultivation",
            "begging",
            "pickpocketing_theft",
            "benefit_fraud",
            "financial_fraud",
        )
    }
    | {form: "labour" for form in WORK_FORMS}
    | {"sexual_exploitation_online": "sexual", "forced_marriage": "domestic_servitude"}
)
TYPE_LABELS = {"sexual": "sexual exploitation", "criminal": "criminal exploitation",
               "labour": "labour exploitation", "domestic_servitude": "domestic servitude",
               "organ_harvesting": "an attempt at organ harvesting",
               "unknown": "exploitation of a kind not yet known"}  # fmt: skip
# What the work was, by form: the workplace, the task, where they slept, the hours a day, the
# workplaces in the plural.
WORK = {
    "agriculture": ("a farm", "pick and pack [broccoli|leeks|daffodils|strawberries|potatoes] in "
                    "the fields, then load the lorries", "a static caravan on the farm shared "
                    "with [five|six|seven] other workers", "[ten|twelve|fourteen]", "farms"),
    "car_wash": ("a hand car wash", "wash and valet cars by hand, standing in cold water all day "
                 "[without gloves|without proper boots|in the same wet clothes]", "a [storeroom|"
                 "portable cabin|shipping container] behind the car wash", "[eleven|twelve|"
                 "thirteen]", "car washes"),
    "construction": ("a building site", "carry materials, dig footings and clear rubble, with no "
                     "safety equipment", "an unheated house the boss was renovating, on a "
                     "mattress among the tools", "[ten|eleven|twelve]", "building sites"),
    "catering": ("a takeaway", "prepare food, wash up and clean the kitchen, and deliver orders "
                 "on a bicycle late at night", "a room above the shop with [two|three] other "
                 "kitchen workers", "[thirteen|fourteen|fifteen]", "takeaways"),
    "nail_bar": ("a nail bar", "do manicures and pedicures and clean the salon, breathing the "
                 "fumes without a mask", "the owner's house, on the floor of the living room",
                 "[eleven|twelve]", "nail bars"),
    "sweatshop": ("a garment factory", "sew and pack clothes on piece rates, paid a few pence an "
                  "item", "a shared house with other machinists, four to a room",
                  "[twelve|thirteen|fourteen]", "factory units"),
    "labour": ("[a warehouse|a food factory|a recycling plant]", "[pack boxes|work on a "
               "production line|sort waste on a conveyor belt]", "a house shared with [eight|ten|"
               "twelve] other workers", "[ten|twelve]", "[warehouses|factories|sites]"),
}  # fmt: skip
NICKNAMES = _W(
    "Tizzy Snowy Ace Rico Deano Kaz Spider Zee Bugsy Kane Reds Dolla Kenzo Tiny "
    "Skinny Blaze Jokes Moony Ghost Rizla Smudge Tank Peanut Shadow Dice Jersey Nitro"
)
LINE_NAMES = _W(
    "Bando Gucci Nando Kilo Zulu Rolex Tesla Sonic Dexter Marley Viper Gecko Mango "
    "Rambo Tango Bravo Chico Ricky Bobby Jackpot"
)
OPERATIONS = _W(
    "Kestrel Larch Beacon Tundra Willow Granite Halyard Orchid Sparrow Juniper "
    "Cobalt Falcon Heron Quarry Lantern Meridian Thistle Harrier Basalt Compass"
)
BIRTHPLACES = {
    "VN": ["a village outside Vinh, Nghệ An province", "Hà Tĩnh province", "Quảng Bình "
           "province", "Hải Phòng", "a fishing village in Nghệ An province"],
    "AL": ["Kukës", "Shkodër", "Durrës", "Elbasan", "a village near Tirana", "Fier", "Lezhë"],
    "XK": ["Prizren", "Pristina", "Ferizaj", "a village near Gjakova"],
    "ER": ["Asmara", "Keren", "Mendefera", "a village in the Gash-Barka region", "Dekemhare"],
    "SD": ["Khartoum", "Nyala, South Darfur", "El Geneina, West Darfur", "Omdurman", "Kassala"],
    "AF": ["Kabul", "Jalalabad", "Kunduz", "a village in Nangarhar province", "Herat", "Ghazni"],
    "IR": ["Tehran", "Sanandaj", "Mahabad", "Kermanshah", "Piranshahr"],
    "IQ": ["Sulaymaniyah", "Erbil", "Ranya", "Kirkuk", "a village near Halabja"],
    "SY": ["Aleppo", "Qamishli", "Idlib", "Afrin", "Deir ez-Zor"],
    "RO": ["Botoșani", "Iași", "Constanța", "Craiova", "a village near Bacău", "Tulcea"],
    "NG": ["Benin City, Edo State", "Lagos", "Ibadan", "a village in Delta State", "Enugu"],
    "ET": ["Addis Ababa", "Adama", "a village in Oromia", "Gondar"],
    "SO": ["Mogadishu", "Kismayo", "Baidoa", "Hargeisa"],
    "PK": ["Lahore", "Mirpur", "Gujrat", "Faisalabad", "Peshawar"],
    "IN": ["a village in Punjab", "Kochi, Kerala", "Ahmedabad, Gujarat", "Chennai", "Hyderabad"],
    "BD": ["Sylhet", "Dhaka", "a village near Sylhet"], "CN": ["Fujian province", "Wenzhou"],
    "PL": ["Łódź", "Lublin", "a village near Białystok"], "BG": ["Sliven", "Plovdiv", "Pazardzhik"],
    "LT": ["Kaunas", "Šiauliai", "Panevėžys"], "SK": ["Košice", "Michalovce"],
    "CZ": ["Ostrava", "Most"], "HU": ["Miskolc", "Nyíregyháza"],
    "PH": ["Cebu", "Quezon City", "Iloilo", "a province north of Manila"],
    "GH": ["Kumasi", "Accra", "Tamale"], "SL": ["Freetown", "Bo", "Kenema"],
    "SS": ["Juba", "Malakal", "Bor"], "UA": ["Kharkiv", "Zaporizhzhia", "Odesa"],
    "EG": ["Alexandria", "Faiyum", "a village in the Nile Delta"], "KW": ["Jahra"],
    "TR": ["Van", "Diyarbakır", "Istanbul"], "LK": ["Jaffna", "Colombo"],
    "GM": ["Serekunda", "Brikama"], "KE": ["Nairobi", "Kisumu"], "UG": ["Kampala", "Jinja"],
    "ZW": ["Harare", "Bulawayo"], "CM": ["Douala", "Bamenda"], "GN": ["Conakry", "Kankan"],
    "CD": ["Kinshasa", "Goma"], "LY": ["Tripoli", "Benghazi"], "MA": ["Tangier", "Casablanca"],
    "YE": ["Aden", "Taiz"], "JM": ["Kingston", "Spanish Town", "Montego Bay"],
    "BR": ["São Paulo", "Goiânia", "Belo Horizonte"], "MD": ["Chișinău", "Bălți"],
}  # fmt: skip
MONTHS = _W("January February March April May June July August September October November December")
# The potential victim's own address, for the decision letter.
WEBMAIL_OWN = ["gmail.com", "gmail.com", "outlook.com", "yahoo.com", "hotmail.co.uk", "icloud.com"]
STREETS = _W(
    "Station_Road Victoria_Street Church_Lane Queen's_Road Albert_Road Mill_Lane "
    "Park_Avenue Green_Lane Manor_Road Grange_Road Windsor_Road King's_Road New_Street "
    "Chapel_Street North_Road Cross_Street Alma_Road Milton_Avenue Elm_Grove "
    "Beech_Road Hawthorn_Close Clarence_Street Wellington_Road Springfield_Road"
)
STREETS = [name.replace("_", " ") for name in STREETS]
HOSTELS = _W("Brunswick Carlton Fairview Riverside Oakwood Ashdown Belmont Highfield Lyndhurst")

HOW_IT_STARTED = {
    "lines": [
        "{He} met {boss} through [friends at school|an older cousin|Snapchat|a boy from {his} "
        "estate], who [bought {him} food and trainers|gave {him} cannabis and lifts in his car|"
        "let {him} hang around at his flat]. After a few weeks {boss} said {he} owed him for all "
        "of it and could pay it back by doing 'a few runs'. {He} was promised £[300|500|800] a "
        "week.",
        "{He} was [robbed of a package|stopped by the police with drugs {he} was holding for "
        "someone|told that a parcel {he} was minding had gone missing], and {boss} said {he} "
        "now owed {debt}. {He} was told {he} would work it off by going 'country' for a few "
        "weeks.",
        "An older boy at {his} [pupil referral unit|football club|youth club] offered {him} "
        "[easy money|a job] carrying packages to another town. {He} thought it would be a "
        "one-off and that {he} would be paid £[100|150|200] a trip.",
    ],
    "lines:adult": [
        "{boss} and his friends started staying at {his} flat in {home}, bringing the drugs {he} "
        "was already using; soon the flat was used to deal from, and {he} was sent out to "
        "deliver to pay for what {he} used.",
        "{He} owed {boss} {debt} for drugs, and was told to work it off by holding and "
        "delivering for the line in {dest}.",
    ],
    "grow": [
        "{His} family borrowed {debt} from a [money lender|man in the village|relative abroad] "
        "to pay for {his} journey, on the promise of a job in a [nail bar|restaurant|factory] "
        "{there} that would pay it back within a year.",
        "An agent in {country} told {his} [parents|mother|uncle] that {he} would study and work "
        "{there}, and that the cost of the journey, {debt}, could be paid from {his} wages.",
        "The men who brought {him} to the UK said {he} had to 'look after a house' for a few "
        "months to pay off the {debt} for the journey, and that {he} would then be free to go.",
    ],
    "street": [
        "{boss}, a man from {his} home town, offered {him} [work in a car wash|a job on a "
        "building site|cleaning work] {there} and paid for the coach. On arrival {he} was "
        "told there was no job and that {he} owed {debt} for the journey and the room.",
        "{He} travelled with {boss} and his family, who said they would help {him} find work "
        "and send money home. The 'work' turned out to be begging and stealing for them.",
    ],
    "fraud": [
        "{boss} offered {him} a room and help finding work, and asked for {his} passport 'to "
        "register {him}' at the job centre and the bank. {He} did not know that accounts and "
        "claims were being opened in {his} name.",
        "{He} answered an advert for factory work {there} with accommodation included. The "
        "agent took {his} documents on arrival, saying he needed them for the paperwork.",
    ],
    "work": [
        "{He} [saw an advert on Facebook|saw a post in a Telegram group|heard from a friend in "
        "{country}|was told by a man outside a job centre] about work at {workplace}, with "
        "accommodation provided and pay of £[70|80|100|120] a day.",
        "A man from {his} [town|village|church] offered {him} work at {workplace} {there}, "
        "with the travel paid and a room included. {He} was told the cost of the journey would "
        "come out of {his} wages in small amounts.",
        "{He} was approached [outside a homeless hostel|at a soup kitchen|at a bus station] "
        "{local} and offered cash-in-hand work at {workplace}, with somewhere to stay and three "
        "meals a day.",
    ],
    "sex": [
        "{He} met a man online who said he loved {him} and would help {him} find work {there} "
        "as a [waitress|cleaner|nanny|care worker]; when {he} arrived {he} was told {he} owed "
        "{debt} and would have to sell sex to pay it.",
        "A woman {he} knew from home offered {him} a job in a bar {there} with good tips. {He} "
        "expected to earn enough to send money to {his} family every month.",
        "{He} was introduced to {boss} by a friend when {he} was homeless. He offered {him} a "
        "room and drugs, then said {he} had to pay the rent by seeing men.",
    ],
    "cse": [
        "{boss} contacted {him} on [Snapchat|Instagram|TikTok], said he was 19 and sent {him} "
        "compliments and money for phone credit. After a few weeks he asked to meet, and "
        "picked {him} up in his car.",
        "{He} was introduced to older men at a [party|park|takeaway] by a friend. They gave "
        "{him} alcohol, vapes and lifts, and one of them, {boss}, said he was {his} boyfriend.",
        "{He} met {boss} when {he} was missing from {his} placement; he let {him} stay at his "
        "flat and gave {him} a phone, then said {he} had to 'be nice' to his friends in return.",
    ],
    "sexual_exploitation_online": [
        "{He} was contacted on [Instagram|Discord|a gaming app] by someone who said they were "
        "{his} age. They asked for photos, and then threatened to send them to {his} family "
        "unless {he} sent more and met an adult in person.",
    ],
    "home:adult": [
        "A family friend arranged for {him} to go {to_there} to look after a family's children, "
        "with a wage of £[150|200|300] a month and the promise that {he} could go to college.",
        "{He} came {to_there} as a domestic worker with the family {he} had worked for in "
        "[Kuwait|the United Arab Emirates|Saudi Arabia|Qatar], who promised a proper contract "
        "and a day off each week.",
    ],
    "home": [
        "A relative arranged for {him} to go {to_there} to live with a family who would send "
        "{him} to school in return for some help in the house.",
        "After {his} parents died, {his} [aunt|uncle|cousin] {there} offered to take {him} in "
        "and help {him} [study|find work|settle].",
    ],
    "forced_marriage": [
        "{His} family arranged for {him} to marry a man {there} {he} had never met. {He} was "
        "told the marriage would give {him} a good life and that {he} could study.",
    ],
    "organ": [
        "The people who arranged {his} journey said {he} could pay the rest of the {debt} 'with "
        "{his} body', and later made clear that this meant selling a kidney.",
    ],
    "crime": [
        "{He} was given a place to stay by men {he} met through friends, who then said {he} "
        "owed them {debt} for food and rent and would have to work for them.",
        "{boss} offered {him} a job [driving|delivering parcels|working in a shop] and paid the "
        "first week in cash. After that {he} was told the job was to [carry drugs|store stolen "
        "goods|collect money] and that {he} could not refuse.",
    ],
    "unknown": [
        "{He} has not said how it started, only that {he} trusted the people who offered to help "
        "{him}, and that the help came with a debt.",
        "It is not yet clear how it started; {he} has said that someone {he} knew from home "
        "offered {him} work, and that {he} expected to be paid.",
    ],
}  # fmt: skip
JOURNEY_ABROAD = {
    "vietnam": [
        "{He} was flown to Moscow with a group of others, then driven for days through "
        "[Belarus and Poland|Ukraine and Germany], hidden in lorries, to a camp near Calais. "
        "From there {he} was put in the back of a lorry to the UK.",
        "{He} travelled by plane to Russia on a visa the agent arranged, then overland through "
        "{transit} in vans and lorries, and crossed the Channel in a small boat from near "
        "Dunkirk.",
    ],
    "horn": [
        "{He} crossed into Sudan on foot and was taken across the Sahara to Libya in a pick-up, "
        "where {he} was held in a warehouse until {his} family paid. {He} then crossed the sea "
        "to Italy and travelled through {transit} by train and on foot before a small boat "
        "brought {him} to the UK.",
        "The smugglers drove {him} through Chad and Niger to Libya, where {he} worked unpaid "
        "for months before the boat to Italy. From France {he} crossed to the UK in a small "
        "boat.",
    ],
    "middle_east": [
        "{He} walked across the mountains into Turkey with a group, was driven to the coast and "
        "taken by boat to Greece, then travelled through {transit} in lorries and on foot. A "
        "small boat brought {him} from France to the UK.",
        "The agents moved {him} through Iran and Turkey and then {transit}, in the back of "
        "lorries, over several months. {He} crossed the Channel in a small boat.",
    ],
    "balkans": [
        "{He} was driven through {transit} in a van arranged by {boss}, and crossed from "
        "[Belgium|France] to the UK hidden in a lorry.",
        "{He} crossed the Channel in a small boat from near Calais after travelling overland "
        "through {transit}; {boss}'s people met {him} on the beach in Kent.",
    ],
    "default": [
        "{He} flew to the UK on a visa the agent arranged, via {transit}; a man was waiting for "
        "{him} at the airport and took {his} passport in the car.",
        "The journey from {country} through {transit} was arranged and paid for by others; {he} "
        "was passed from one driver to another and never told where {he} was.",
    ],
}  # fmt: skip
JOURNEY_UK = {
    "lines": [
        "{boss} sent {him} by train from {home} to {dest} with drugs hidden on {him}, and later "
        "drove {him} there himself at night. {He} was moved between addresses in {dest} every "
        "few days.",
        "{He} was picked up in {home} in a [grey|black|white] car and driven [two|three|four] "
        "hours to {dest}; {he} did not know where {he} was going until {he} arrived.",
    ],
    "grow": [
        "{He} was driven at night from a house in London to the property in {where}, lying down "
        "in the back of a van so that {he} could not see the way.",
    ],
    "work": [
        "{He} was collected each morning at [four|five] o'clock in a minibus and driven to "
        "different {sites} around {where}, an hour or more each way.",
        "The gangmaster moved {him} between {sites} in {where} and {dest}, in a van with no "
        "windows in the back.",
    ],
    "sex": [
        "{He} was moved between rented flats in {where} and {dest}, usually every few days, in "
        "a car driven by {boss} or by taxi booked for {him}.",
    ],
    "cse": [
        "{boss} and his friends drove {him} to hotels and flats in {where} and {dest}, "
        "sometimes at night after picking {him} up near {his} placement.",
    ],
    "any": [
        "{He} was taken by car from {home} to {where}, and moved between addresses there.",
    ],
}  # fmt: skip
WHAT_THEY_HAD_TO_DO = {
    "lines": [
        "{He} had to hold the drugs and the line phone, answer it day and night and serve the "
        "users who called, then hand the cash to a runner. {He} worked whenever the phone rang, "
        "often until [three|four] in the morning, and was not allowed to sleep until the drugs "
        "were sold.",
        "{He} had to cut and bag crack cocaine and heroin, deliver it to users around {dest} on "
        "foot or by bike, and carry the money back to the flat. {He} could take no days off; "
        "{he} was fined £[50|100] for any missing money.",
    ],
    "grow": [
        "{He} had to water and feed the plants, change the lights and cut the crop, and keep "
        "the windows covered. {He} worked [every day|all day and often at night] and was told "
        "never to open the door or go outside.",
        "{He} looked after [three|four|five] rooms of cannabis plants alone, following "
        "instructions sent by phone; {he} had no fixed hours and no days off.",
    ],
    "street": [
        "{He} had to beg outside [supermarkets|the station|a cash machine] from early morning "
        "until evening, and steal [from shops|phones and purses] when told to. {He} had to "
        "hand over at least £[40|50|80] a day.",
        "{He} had to sell the Big Issue without a badge and beg in the town centre, seven days "
        "a week, and give all the money to {boss} every night.",
    ],
    "fraud": [
        "{He} was made to sign papers {he} could not read and to go to the bank and the job "
        "centre with {boss}, who did the talking. The money paid into the accounts was taken "
        "by him; {he} also worked [in a warehouse|cleaning offices] for no pay.",
    ],
    "work": [
        "{He} had to {task}, for {hours} hours a day, [six|seven] days a week, with [one short "
        "break|no proper break|a break only to eat]. {He} was paid [£20 a day|£30 a day|£40 a "
        "day|nothing] after deductions.",
        "{He} worked at {workplace} from early morning until late at night, {hours} hours a "
        "day, to {task}. The boss kept {his} wages 'for the debt' and gave {him} £[10|20] now "
        "and then for food.",
    ],
    "sex": [
        "{He} had to see [five|eight|ten] or more men a day, advertised on adult websites, and "
        "was not allowed to refuse any of them. All the money went to {boss}; {he} kept "
        "nothing.",
        "{He} was made to sell sex in flats, hotels and cars, at any hour, and to hand over "
        "everything {he} was paid. {He} was given a target each night.",
    ],
    "cse": [
        "{He} was made to have sex with {boss} and with other men he brought to the flat, "
        "sometimes after being given alcohol or drugs. {He} was also made to carry packages "
        "for them.",
        "{He} was sexually abused by {boss} and his friends in cars, flats and hotels, and "
        "made to send sexual images of {himself}.",
    ],
    "home": [
        "{He} had to cook, clean and look after the children from about six in the morning "
        "until after midnight, every day. {He} had no days off and was not paid.",
        "{He} did all the housework for a family of [five|six|seven], cared for an elderly "
        "relative at night, and was not allowed to rest during the day.",
    ],
    "forced_marriage": [
        "After the marriage {he} had to do all the work in the house for {his} husband's "
        "family, was not allowed out alone, and was forced to have sex with {his} husband.",
    ],
    "organ": [
        "Before {he} escaped {he} was made to work unpaid for the smugglers, and was taken for "
        "blood tests at a clinic so that a buyer could be found for {his} kidney.",
    ],
    "crime": [
        "{He} had to [carry and deliver drugs|store stolen goods|drive cars to different "
        "addresses|collect money from people] whenever {boss} called, day or night.",
    ],
    "unknown": [
        "{He} has not yet said what {he} had to do; {he} has described long days and being told "
        "where to go each morning.",
    ],
}  # fmt: skip
LIVING_CONDITIONS = {
    "lines": [
        "{He} stayed in {place}, sleeping on a mattress on the floor, sometimes for only a few "
        "hours. There was little food apart from takeaways the runners brought, and the flat "
        "was dirty and cold.",
        "{He} lived in {place} with a man who uses drugs; the bathroom did not work and {he} "
        "slept on the sofa with {his} shoes on in case {he} had to run.",
    ],
    "grow": [
        "{He} slept on a mattress in the one room without plants. The windows were boarded, "
        "the heat and the smell were constant, and food was left at the door every few days.",
        "{He} lived in the house where the plants grew, with no heating, a bucket for a toilet "
        "when the bathroom was full of equipment, and only rice and noodles to eat.",
    ],
    "street": [
        "{He} shared a room with [six|seven|eight] others in a house in {where}, sleeping on "
        "the floor. Food was bought with the money {he} brought back, if there was enough.",
    ],
    "fraud": [
        "{He} lived in an overcrowded house with other people whose documents {boss} held, "
        "[three|four] to a room, with one bathroom for everyone.",
    ],
    "work": [
        "{He} slept in {sleep}. There was [no heating|one shower for everyone|no proper "
        "kitchen], and the rent was taken from {his} pay.",
        "{He} lived in {sleep}, with a mattress on the floor and [a kettle and a microwave|a "
        "camping stove] to cook on. The boss came in whenever he wanted.",
    ],
    "sex": [
        "{He} stayed in the flats where {he} saw the men, sleeping in the same bed, and was "
        "not allowed out except with {boss}. {He} was given little food and no money.",
    ],
    "cse": [
        "{He} was living with {his} [carers|mother|family] but spending nights at {boss}'s "
        "flat and in hotels. Professionals describe {him} as tired, hungry and unkempt when "
        "{he} returned.",
    ],
    "home": [
        "{He} slept in the [kitchen|box room|children's bedroom|utility room] on a thin "
        "mattress and ate what the family left. {He} was allowed to wash only when the family "
        "were out.",
    ],
    "organ": [
        "{He} was held with other migrants in a warehouse with no beds, little water and one "
        "meal a day.",
    ],
    "crime": [
        "{He} stayed in a flat {boss} controlled, sharing a room with others who worked for "
        "him; there was often no food and the electricity was cut off.",
    ],
    "unknown": [
        "{He} has described a crowded house with little food, but has not yet given details.",
    ],
}  # fmt: skip
TREATMENT = {
    "lines": [
        "{boss} [beat {him}|threatened {him} with a knife|burnt {his} arm] when money went "
        "missing, and said he would hurt {his} [mother|little brother] if {he} ran. {He} was "
        "told {he} still owed {debt} and that the debt grew every time {he} made a mistake.",
        "{He} was [stabbed in the leg|hit with a bat|held down and robbed] in a set-up "
        "robbery that {he} believes {boss} arranged to increase the debt. {He} was threatened "
        "constantly.",
    ],
    "grow": [
        "{He} was locked in and told the police would put {him} in prison if {he} was found. "
        "{boss} said {his} family in {country} would be hurt if {he} ran away, and took "
        "{his} phone.",
        "{He} was not allowed to leave the house and was told {he} still owed {debt}. {He} "
        "was shouted at and slapped when plants died.",
    ],
    "street": [
        "{boss} hit {him} when {he} did not bring back enough money and kept {his} identity "
        "card. {He} was told the police in the UK would arrest {him} if {he} went to them.",
    ],
    "fraud": [
        "{boss} kept {his} passport and bank card, and told {him} that {he} would go to prison "
        "for the fraud if {he} went to the police.",
    ],
    "work": [
        "The boss shouted at {him}, [kicked {him}|hit {him} with a hose|threw things at {him}] "
        "when {he} was slow, and kept {his} passport 'for safety'. {He} was told {he} would be "
        "reported to the Home Office if {he} complained.",
        "{His} passport was taken on the first day. {He} was fined for mistakes and threatened "
        "with violence if {he} talked to anyone about the work.",
    ],
    "sex": [
        "{He} was beaten, raped and threatened by {boss}, who kept {his} passport and said {he} "
        "would be killed if {he} went to the police. {He} was given drugs to keep working.",
        "{boss} controlled {him} with threats against {his} [child|mother|sister] at home and "
        "with a juju oath {he} was made to swear before leaving.",
    ],
    "cse": [
        "{boss} threatened to share images of {him} and to hurt {his} family if {he} told "
        "anyone. {He} was given drugs and alcohol, and was assaulted when {he} tried to refuse.",
    ],
    "home": [
        "The family kept {his} passport, shouted at and slapped {him}, and locked the door when "
        "they went out. {He} was told {he} would be arrested if {he} left the house.",
        "{He} was not allowed to phone {his} family, was called names and hit, and was told "
        "{he} had no right to be in the UK without the family.",
    ],
    "organ": [
        "{He} was held against {his} will, beaten, and told {he} would be sold if {his} family "
        "did not pay.",
    ],
    "crime": [
        "{He} was threatened with violence, and {boss} kept {his} phone and documents. {He} was "
        "told the police would treat {him} as the criminal.",
    ],
    "unknown": [
        "{He} is frightened of the people involved and says {he} was threatened, but has not "
        "yet been able to say more.",
    ],
}  # fmt: skip
WHAT_KEEPS_THEM = {
    "lines": [
        "The debt, which {boss} says is now {debt}, and fear for {his} family: {boss} knows "
        "where they live. {He} also feels loyal to the group and does not see {himself} as a "
        "victim.",
        "Fear: {he} has been told {he} will be 'dealt with' if {he} stops, and {boss} still "
        "messages {him} every day.",
    ],
    "grow": [
        "{He} believes {he} still owes {debt}, and that {his} family will be harmed if {he} "
        "does not pay it. {He} has nowhere else to go.",
    ],
    "work": [
        "The debt for the journey and the room, which never goes down, and {his} passport, "
        "which the boss still has. {He} is afraid of being deported if {he} leaves.",
        "{He} has no money, no documents and nowhere else to live; the accommodation comes "
        "with the job.",
    ],
    "sex": [
        "Fear of {boss}, threats to {his} family, and the debt. {He} also depends on the drugs "
        "{he} is given.",
    ],
    "cse": [
        "{He} believes {boss} is {his} boyfriend and goes back to him when {he} goes missing; "
        "{he} is also afraid of the images being shared.",
    ],
    "home": [
        "{He} has no passport, no money and no one else in the UK, and has been told {he} will "
        "be arrested if {he} leaves the family.",
    ],
    "any": [
        "Fear of the exploiters and of what will happen to {his} family, and the debt {he} has "
        "been told {he} owes.",
        "{He} has no documents, no money and nowhere else to go.",
    ],
}  # fmt: skip
HOW_THEY_LEFT = {
    "lines:adult": [
        "{He} was arrested at the flat in {dest} during a warrant; {he} did not choose to leave, "
        "but says {he} is glad it happened.",
        "{He} asked {his} drug worker for help and was moved to a hostel away from {home}; {he} "
        "left then because {boss} had threatened {him} with a knife.",
    ],
    "lines": [
        "{He} was found by police during a warrant at the flat in {dest}; it was not {his} "
        "decision. {He} has not been back since because {he} is now placed away from {home}.",
        "{He} ran from the flat after a fight and called {his} mother, who called the police. "
        "{He} decided to leave because {he} was afraid {he} would be killed.",
    ],
    "grow": [
        "{He} escaped through a window when the house was quiet and walked until {he} found a "
        "shop, where staff called the police. {He} left because {he} thought {he} would never "
        "be allowed to go.",
        "The police raided the house and found {him} there; {he} did not choose to leave, and "
        "was at first arrested.",
    ],
    "work": [
        "{He} walked away from {workplace} while the boss was out, with help from a customer who "
        "gave {him} the number of [a charity|the Modern Slavery Helpline].",
        "The site was closed by an inspection and {he} was found there. {He} says {he} would "
        "have left before if {he} had had {his} passport.",
    ],
    "sex": [
        "A client helped {him} leave and took {him} to a police station. {He} left then "
        "because {boss} had been arrested for something else and the flat was unguarded.",
        "{He} ran when {he} was taken to hospital with an injury, and told a nurse what was "
        "happening.",
    ],
    "cse": [
        "Children's services and the police disrupted the contact and placed {him} out of the "
        "area; it was not {his} choice, and {he} was angry about it at first.",
    ],
    "home": [
        "{He} left when the family were at a wedding, with help from a neighbour who had "
        "noticed {him} never went out. {He} went to a church, which contacted us.",
        "{He} was taken to hospital when {he} fell ill, and told a nurse; {he} did not go back.",
    ],
    "any": [
        "{He} left when {he} saw a chance and asked a stranger for help; the decision was "
        "{his}.",
        "{He} was found during a police operation; {he} did not choose to leave but is relieved "
        "that {he} did.",
        "A friend helped {him} leave and brought {him} to us; {he} left then because the "
        "threats were getting worse.",
    ],
}  # fmt: skip
LAST_CONTACT_DETAILS = {
    "ongoing": [
        "{boss} [calls|messages] {him} [every day|several times a day] on [WhatsApp|Snapchat|the "
        "phone he gave {him}] to tell {him} where to go. {He} has not blocked the number because "
        "{he} is afraid of what would happen.",
        "{He} still sees {boss} most days; the last contact was [yesterday|two days ago|at the "
        "weekend], in person, when {he} was given more to do.",
        "{boss} sent voice notes [telling {him} to come back|saying he knows where {his} family "
        "live]. {He} has not taken any steps to stop the contact.",
    ],
    "recent": [
        "{boss} [sent messages|called from a withheld number] after {he} left, [threatening to "
        "hurt {his} family|saying {he} still owes {debt}|asking where {he} is staying]. {He} has "
        "[changed {his} number|blocked the accounts|given the phone to the police].",
        "Someone from the group came to [{his} old address|the shop near {his} {placement}] "
        "asking for {him}. {He} has stopped using social media.",
    ],
    "old": [
        "There has been no contact since {he} left. {He} [changed {his} number|deleted {his} "
        "social media|moved away], and the exploiters do not know where {he} is now.",
        "Someone from the group contacted {his} [mother|cousin|brother] in {country} some "
        "months ago to ask where {he} was. {He} has had no direct contact since.",
    ],
    "not_sure": [
        "{He} is not sure: {he} has had calls from unknown numbers that {he} did not answer, "
        "and thinks they may be from {boss}.",
    ],
}  # fmt: skip
NOT_REPORTED_REASONS = {
    "child": [
        "{He} did not see {himself} as a victim: {he} thought {boss} was a friend and that {he} "
        "had chosen to do it.",
        "{He} was afraid of being arrested for the drugs {he} was carrying, and of what the "
        "group would do to {his} family.",
        "{He} was told {his} family would be hurt if {he} told anyone, and did not trust adults "
        "after what had happened.",
    ],
    "adult": [
        "Fear of the exploiters, who know where {his} family live in {country}.",
        "{He} was afraid of being detained and removed because {he} has no immigration "
        "status, as the exploiters told {him} would happen.",
        "{He} did not know that what happened to {him} was a crime in the UK, or that help was "
        "available.",
        "Shame and trauma: {he} has found it very hard to talk about what happened, and only "
        "did so after several meetings.",
        "{He} does not speak English and did not know where to go for help.",
    ],
}  # fmt: skip
WHO = {
    "lines": [
        "[Two|Three] men in their [late teens|early twenties|twenties] who run the '{line}' "
        "line from {home}: {boss}, who gives the orders, and {boss2}, who drives. They speak "
        "English; {boss} has [a tattoo on his neck|a gold tooth|a scar through one eyebrow] "
        "and drives a [grey Audi|black Mercedes|white van].",
        "A group known as the '{line}' line. {He} knows them only by nicknames: {boss}, the "
        "older one, and {boss2}, who collected the money.",
    ],
    "grow": [
        "A man in his [thirties|forties] whom {he} knew only as {boss}, and a younger man who "
        "brought food and fertiliser [every few days|once a week]. They spoke {lang_ex}; {boss} "
        "had [a dragon tattoo on his forearm|a limp|several gold rings].",
    ],
    "street": [
        "{boss}, a man in his [forties|fifties] from {his} home town, and his [wife|brother], "
        "who collected the money each evening. They spoke {lang_ex}.",
    ],
    "fraud": [
        "{boss}, who rented the rooms and 'helped' the tenants with paperwork, and [his son|a "
        "woman who worked for him]. They spoke {lang_ex}.",
    ],
    "work": [
        "{boss}, [the gangmaster|the owner of {workplace}|the man who ran the work], and "
        "[his brother|a supervisor called {boss2}]. They spoke {lang_ex}. {boss} [drives a "
        "silver BMW|has a tattoo of a lion on his arm|is in his fifties and bald].",
    ],
    "sex": [
        "{boss}, a man in his [thirties|forties] who placed the adverts and collected the "
        "money, and a woman called {woman} who [drove {him} between flats|took the bookings]. "
        "They spoke {lang_ex}.",
    ],
    "cse": [
        "{boss}, who said he was 19 but is thought to be in his late twenties, and his friends, "
        "whom {he} knew only by nicknames ({boss2} and others). {boss} drives a [black Golf|white "
        "BMW|red Corsa].",
    ],
    "home": [
        "The {employer} family, with whom {he} lived: the [husband|wife] gave {him} orders and "
        "kept {his} passport. They speak {lang_ex} and English.",
    ],
    "organ": [
        "The smugglers who ran the route through {transit}, led by a man called {boss}; {he} "
        "does not know their full names.",
    ],
    "any": [
        "{boss} and [two|three] other men; {he} does not know their full names. They spoke "
        "{lang_ex}.",
        "{He} has not been able to say who they are, beyond a man called {boss} who [arranged "
        "the journey|met {him} on arrival].",
    ],
}  # fmt: skip
WHEREABOUTS = {
    True: [
        "{boss} is believed to be living in {where}; {force} [have his address|know the "
        "registration of his car|have his phone number].",
        "The group still works from [the same address|a flat near the station] in {where}; "
        "the address is known to {force}.",
        "{boss} was arrested [on the day {he} was found|on a later warrant] and is on bail.",
    ],
    False: [
        "The men are thought to be in {country}; {his} family say they [still live in the "
        "village|visit {his} parents to ask about the debt].",
        "The people who ran the route are in [Libya|France|Belgium], as far as {he} knows.",
    ],
}  # fmt: skip
FUTURE_RISK = {
    "lines": ["{He} has gone missing [twice|three times] since and was found near {dest} each "
              "time; {boss} is still in contact and says the debt is not paid."],
    "cse": ["{He} keeps in contact with {boss} and goes missing to meet him; {he} does not see "
            "the risk."],
    "child": ["{He} is 'known' to the group, which recruits from {his} [school|estate|care "
              "home], and {he} has no trusted adult outside services."],
    "any": [
        "{He} still believes {he} owes {debt}, and the exploiters know where {his} family live.",
        "{He} has no money, no status and no support network in the UK, which makes {him} easy "
        "to recruit again.",
        "The exploiters have not been arrested and live in the same area as {him}.",
        "{He} has been contacted since by people offering work, and says {he} would consider "
        "it because {he} needs to send money home.",
    ],
}  # fmt: skip
INTERVIEW_PLACES = {
    "police": ["in an interview suite at {town} police station", "at {his} {placement} in {town}",
               "in the family room at the police station"],
    "local_authority": ["at the council's offices in {town}", "at {his} {placement}, in a room on "
                        "{his} own", "at a family centre in {town}"],
    "ukvi": ["at {office}", "in a private interview room at {office}"],
    "ie": ["at a police station in {town}", "at the immigration reporting centre near {town}"],
    "ukbf": ["in an interview room at {port}", "in the Border Force office at {port}"],
    "national_crime_agency": ["at a police station near {town}, in a suite away from the "
                              "others found at the address"],
    "glaa": ["at the site, away from the supervisors, and later at a police station"],
    "ngo": ["in a private room at our office in {town}", "at a café {he} chose in {town}",
            "at {his} accommodation in {town}"],
}  # fmt: skip
INTERVIEW_APPEARANCE = [
    "{He} looked tired and underweight, and kept {his} coat on throughout.",
    "{He} was polite but guarded, and answered in short sentences.",
    "{He} avoided eye contact and spoke very quietly.",
    "{He} was anxious and checked {his} phone often.",
    "{He} had an injury to {his} hand and said it was from work.",
    "{He} cried when describing {his} family, then asked to carry on.",
    "{He} seemed much younger than {his} stated age.",
]
INTERVIEW_HEALTH = [
    "{He} said {he} had not slept properly for weeks; a GP appointment has been made.",
    "{He} has a toothache that has not been treated; a dentist appointment was made.",
    "There were no immediate health concerns, but {he} described nightmares.",
    "{He} has scars on {his} arms that {he} did not want to talk about.",
    "{He} said {he} had thought about harming {himself}; a mental health referral was made.",
]
CREDIBILITY = [
    "{He} has given [two|three] different accounts of how {he} reached the UK. I believe this "
    "is because {he} was told what to say by the agent and is afraid of telling the truth.",
    "The date of birth {he} gives differs from the one on the document {he} travelled with; "
    "an age assessment is [planned|under way].",
    "Some details do not match what was found at the address; {he} may be minimising what "
    "happened because of shame and fear.",
]
OTHER_VICTIMS = [
    "[Two|Three] other [young people|people] were found at the same address; separate "
    "referrals are being made.",
    "Operation {operation} ({force}) is investigating the same group.",
    "{His} [brother|cousin|friend] was brought over by the same people and is thought to be in "
    "{where}.",
    "{He} believes others are working for the same people but does not know their names.",
]
COOPERATION = [
    "[Willing|Has agreed] to give a video-recorded interview to {force}.",
    "Has given a first account to {force} and will consider a full statement once {he} feels "
    "safe.",
    "Will help the investigation but does not want to give evidence in court.",
    "Has already identified {boss} from photographs shown by the officer in the case.",
]
DTN_REASONS = [
    "{He} does not trust the authorities and fears being removed to {country}.",
    "{He} wants to go home as soon as possible and does not want support.",
    "{He} is afraid the exploiters would find out, and does not want anything on record.",
    "{He} does not see {himself} as a victim and wants to keep working.",
    "{He} has a job and a room now and does not want to lose them by entering support.",
]
COMMUNICATION = [
    "Cannot read or write; documents need to be read aloud to {him} in {language}.",
    "Has a learning disability; needs an advocate present and short, simple questions.",
    "Has a stammer and needs extra time to answer.",
    "Hearing loss in one ear; needs a quiet room and to sit facing the speaker.",
]
NO_PHONE = [
    "{He} has no phone of {his} own at the moment; the one {he} had was taken by the exploiters.",
    "{He} does not want to give a number yet, because the exploiters know {his} old one; "
    "contact through the first responder.",
    "{He} is in a hostel with no phone; the hostel staff pass on messages.",
]
RELATIONSHIPS = ["solicitor", "support worker", "key worker at the hostel", "friend",
                 "caseworker at the asylum accommodation", "church pastor"]  # fmt: skip
EVIDENCE = [  # (file stem, description, who writes it: None for any first responder)
    ("risk-assessment", "The local authority's risk assessment, written after the strategy "
     "meeting", None),
    ("gp-letter", "A letter from {his} GP about {his} injuries and mental health", None),
    ("screening-interview", "The record of {his} asylum screening interview", "asylum"),
    ("witness-statement", "{His} first account to the police, in a witness statement",
     "police"),
    ("photos-of-accommodation", "Photographs of the room where {he} slept, taken during the "
     "visit", None),
    ("medico-legal-report", "A medico-legal report on {his} scars and injuries", None),
    ("age-assessment", "The age assessment by children's services", "age_disputed"),
    ("school-attendance", "{His} school's attendance record for this year", "child"),
]  # fmt: skip


# The first responder's account of why they refer (professional.insight): how the person came
# to them, what happened, what they saw, where the person is now and their judgement. Each
# opening is (sentence, what it needs: an age group, a type or a form; None for any).
OPENINGS = {
    "ukvi": [("I met {him} at {his} asylum screening interview at {office}, where {he} "
              "disclosed exploitation.", None),
             ("The concerns arose in {his} substantive asylum interview with me, in which {he} "
              "described what happened on the journey and after {he} reached the UK.", None),
             ("{He} asked to speak to me alone at {office} and described being made to work "
              "for the people who brought {him} to the UK.", "labour")],
    "ie": [("We met {him} during an immigration enforcement visit to {workplace} in {town}, "
            "where {he} was found working.", "labour"),
           ("We met {him} during a targeted visit to an address in {town}, where several "
            "people were living in two rooms.", None),
           ("{He} was detained after our visit to {workplace} in {town} and disclosed "
            "exploitation to me in interview.", "labour"),
           ("We met {him} during an enforcement operation in {town}; {he} had no documents and "
            "disclosed exploitation when I spoke to {him} alone.", None)],
    "ukbf": [("We stopped {him} at {port}; {he} could not say who was meeting {him} or where "
              "{he} would stay.", None),
             ("We found {him} in the back of a lorry at {port} with several other people.",
              None),
             ("{He} arrived at {port} on a document that did not belong to {him}, travelling "
              "with an adult who left when we approached.", None)],
    "police": [("We found {him} during a warrant at an address in {town}.", None),
               ("We arrested {him} in {town} with drugs and cash, far from home, after {he} had "
                "been reported missing.", "criminal"),
               ("We found {him} in a flat in {town} used to sell drugs, after {he} was reported "
                "missing from home.", "county_lines"),
               ("{He} came to our attention after being seen begging in the centre of {town} "
                "with an adult watching from nearby.", "begging"),
               ("{He} called us from a shop in {town} and asked for help.", None),
               ("We attended a reported disturbance at a flat in {town} and found {him} living "
                "there with several adults.", None)],
    "local_authority": [("{He} has been known to us since {he} arrived in {town}, and disclosed "
                         "exploitation to me as {his} social worker.", None),
                        ("{He} went missing twice in the first month after we placed {him} in "
                         "{town} and was found each time in another city.", "child"),
                        ("{His} school raised concerns with us about {his} absences and new "
                         "possessions.", "child"),
                        ("{He} came to our housing team in {town} after losing the room {his} "
                         "employer provided.", "adult"),
                        ("A hospital discharge team referred {him} to us in adult social care, "
                         "concerned about how {he} {was} living.", "adult")],
    "national_crime_agency": [("We identified {him} during a National Crime Agency "
                               "investigation into an organised crime group operating in "
                               "{town}.", None)],
    "glaa": [("We identified {him} during our inspection of a labour provider supplying "
              "workers to {workplace} near {town}.", None)],
    "ngo": [("{He} came to our drop-in service in {town} and asked for advice about work and "
             "housing.", None),
            ("{He} was referred to our outreach team by a GP practice in {town}.", None),
            ("{He} called our helpline from {town} and later met me in person.", None)],
}  # fmt: skip
ACCOUNTS = {
    "county_lines": ["{He} said older young people gave {him} a phone and sent {him} by train to "
                     "another town to sell drugs from a flat, and that {he} owed them for drugs "
                     "that went missing."],
    "cannabis_cultivation": ["{He} said {he} {was} locked in a house watering cannabis plants "
                             "for several months and {was} told {his} family would be hurt if "
                             "{he} left."],
    "drug_distribution": ["{He} was made to carry and deliver drugs for [older men|a group {he} "
                          "met through friends|the people {he} lived with] to pay off a debt "
                          "{he} was told {he} owed."],
    "begging": ["An adult drove {him} each day to beg in the town centre and took all the money "
                "at night."],
    "pickpocketing_theft": ["{He} was made to steal from shops and travellers and hand "
                            "everything over to the adults {he} lived with."],
    "benefit_fraud": ["Bank accounts and benefit claims were opened in {his} name by the people "
                      "who housed {him}, and {he} never received the money."],
    "financial_fraud": ["{His} identity documents were used to open bank accounts through "
                        "which others moved money."],
    "agriculture": ["{He} worked on farms picking vegetables for up to fourteen hours a day, and "
                    "deductions for transport and housing left {him} with almost nothing."],
    "car_wash": ["{He} worked seven days a week at a hand car wash, slept in a room behind it and "
                 "{was} paid a few pounds a day."],
    "construction": ["{He} worked on building sites for a man who kept {his} wages to pay for "
                     "{his} journey and lodging."],
    "catering": ["{He} worked in the kitchen of a takeaway from morning until after midnight and "
                 "slept above the shop."],
    "nail_bar": ["{He} worked in a nail bar six days a week for no wage, living with the "
                 "owner's family."],
    "sweatshop": ["{He} sewed garments in a small factory unit for long hours, paid far below "
                  "the minimum wage."],
    "sexual_exploitation_online": ["{He} was groomed online by adults who then arranged to meet "
                                   "{him} and sexually exploited {him}."],
    "forced_marriage": ["{He} was married against {his} will to a man {he} had not met, and was "
                        "then kept in his family's house."],
    "criminal": ["{He} was made to commit crimes for the people who controlled {him}, and was "
                 "told {he} would be reported to the police if {he} refused."],
    "labour": ["{He} was made to work long hours for little or no pay and could not leave "
               "because of a debt {he} was told {he} owed."],
    "sexual": ["{He} was made to sell sex in flats in several cities, moved every few days, and "
               "the money was taken by the men who controlled {him}."],
    "sexual:child": ["An older man gave {him} gifts and a phone, then made {him} have sex with "
                     "his friends.",
                     "{He} was groomed by older men who gave {him} alcohol and lifts, then "
                     "sexually abused {him} and passed {him} to their friends."],
    "domestic_servitude": ["{He} lived with a family who made {him} cook, clean and look after "
                           "their children from early morning until late at night, without pay "
                           "and without being allowed out alone."],
    "organ_harvesting": ["{He} said men on the journey tried to make {him} sell a kidney to pay "
                         "for the crossing, and took {him} to a clinic before {he} escaped."],
    "unknown": ["{He} has not yet been able to say what {he} was made to do, but the way {he} "
                "arrived and {his} fear of the people who brought {him} suggest exploitation."],
}  # fmt: skip
OBSERVED = {
    "debt_bondage": "{He} believes {he} still owes several thousand pounds for the journey.",
    "no_control_of_documents": "{His} passport and identity documents were kept by others.",
    "restricted_movement": "{He} was not allowed to go out alone.",
    "threats_to_family": "{He} was told {his} family would be harmed if {he} spoke to anyone.",
    "withdrawn_or_afraid_of_authority": "{He} appeared frightened of officials and would not "
                                        "make eye contact.",
    "prepared_story": "At first {he} gave an account that seemed rehearsed.",
    "reluctant_to_give_personal_details": "{He} was reluctant to give personal details.",
    "phone_but_no_money": "{He} had a mobile phone but no money of {his} own.",
    "unexplained_calls": "{His} phone rang constantly with calls {he} would not explain.",
    "missing_links_or_unexplained_moves": "There are unexplained moves between addresses.",
    "required_to_earn_daily": "{He} had to bring in a set amount of money every day.",
    "cared_for_by_unrelated_adults": "{He} was living with adults who are not related to {him}.",
    "one_of_several_unrelated_children_at_address": "Several unrelated children were found at "
                                                    "the same address.",
    "not_registered_with_gp_or_school": "{He} is not registered with a GP or a school.",
    "signs_of_physical_or_sexual_assault": "{He} had injuries consistent with assault.",
    "sexualised_behaviour": "Professionals have noted sexualised behaviour.",
    "contact_from_unknown_adults": "Unknown adults keep contacting {him} through social media.",
    "persistently_missing": "{He} has been reported missing several times this year.",
    "unexplained_money_or_goods": "{He} had cash and new clothes {he} could not account for.",
    "low_self_esteem_or_self_harm": "{He} has self-harmed and has very low self-esteem.",
    "entered_illegally_or_false_documents": "{He} entered the UK on false documents.",
    "cannot_confirm_who_meets_them": "{He} could not say who was to meet {him} in the UK.",
    "journey_arranged_by_others": "Others arranged and paid for the journey.",
    "accompanying_adult_insists_on_staying": "An adult who came with {him} insisted on staying "
                                             "in the room and was asked to wait outside.",
    "other": "Other concerns are recorded in the case file.",
}  # fmt: skip
SEEN_WHERE = [
    "I saw these [when we found {him}|during the interview|at the address|over several "
    "meetings].",
    "These were noted [at the address in {where}|in the interviews|by the staff at {his} "
    "{placement} and by me].",
]
NOW = {
    "child": ["{He} is now placed with foster carers in {town}.",
              "{He} is now in supported accommodation in {town}, with a key worker.",
              "{He} is now in a children's home in {town}.",
              "{He} is now living with a relative in {town} whom children's services have "
              "assessed."],
    "adult": ["{He} is now in asylum accommodation in {town}.",
              "{He} is now in a safe house and wants support to recover.",
              "{He} is staying with a friend in {town} and is afraid of being found.",
              "{He} is now in temporary accommodation arranged by the council in {town}."],
    "duty_to_notify": ["{He} did not consent to a referral into the NRM, so this notification is "
                       "made anonymously under section 52 of the Modern Slavery Act 2015.",
                       "{He} declined a referral, fearing for {his} family, so this is an "
                       "anonymous Duty to Notify."],
    "duty_to_notify_named": ["{He} did not consent to a referral into the NRM, so this is a Duty "
                             "to Notify; {he} has agreed to help the police, so {his} details "
                             "are given."],
}  # fmt: skip
JUDGEMENTS = {
    "lines": ["In my professional judgement {he} is a victim of criminal exploitation through "
              "county lines: {he} was recruited with gifts, controlled through a debt and "
              "violence, and moved away from home to sell drugs."],
    "grow": ["I believe {he} was trafficked to the UK and held to work in cannabis cultivation "
             "under a debt {he} could never repay; {he} should be treated as a victim, not an "
             "offender."],
    "work": ["The deception about the work, the debt, the withheld passport and the threats are, "
             "in my professional judgement, indicators of forced labour."],
    "sex": ["In my professional judgement {he} was trafficked for sexual exploitation: recruited "
            "by deception, moved between places and controlled through debt and threats."],
    "cse": ["I am referring because this is child sexual exploitation, with grooming, gifts and "
            "control by older men, and {he} may also be moved to other towns."],
    "home": ["The control over {his} movement, the long hours without pay and the withheld "
             "documents are, in my professional judgement, signs of domestic servitude."],
    "any": ["I am making this referral because the account, how {he} presented and what we found "
            "are consistent with modern slavery, and {he} needs protection and support.",
            "In my professional judgement {he} is a potential victim of modern slavery, and a "
            "referral is needed so that {his} situation can be properly assessed."],
}  # fmt: skip
WORKPLACES = ["a restaurant", "a factory", "a car wash", "a farm", "a warehouse"]
COUNTRY_NAMES |= {
    "GB": "the UK", "JM": "Jamaica", "IE": "Ireland", "UA": "Ukraine", "SK": "Slovakia",
    "CZ": "the Czech Republic", "HU": "Hungary", "LV": "Latvia", "MD": "Moldova", "KE": "Kenya",
    "UG": "Uganda", "CM": "Cameroon", "GN": "Guinea", "CI": "Côte d'Ivoire", "GM": "the Gambia",
    "SN": "Senegal", "CD": "the Democratic Republic of the Congo", "CG": "the Republic of the "
    "Congo", "AO": "Angola", "TW": "Taiwan", "ZA": "South Africa", "MW": "Malawi", "NP": "Nepal",
    "MM": "Myanmar", "ID": "Indonesia", "CF": "the Central African Republic", "BI": "Burundi",
    "RW": "Rwanda", "TZ": "Tanzania", "ZM": "Zambia", "BJ": "Benin", "TG": "Togo", "ML": "Mali",
    "BF": "Burkina Faso", "LR": "Liberia", "JO": "Jordan", "LB": "Lebanon", "PS": "Palestine",
    "KZ": "Kazakhstan", "UZ": "Uzbekistan", "GE": "Georgia", "AM": "Armenia", "MX": "Mexico",
    "CO": "Colombia", "HN": "Honduras", "SV": "El Salvador", "VE": "Venezuela", "GY": "Guyana",
    "TT": "Trinidad and Tobago", "KH": "Cambodia", "MN": "Mongolia", "TN": "Tunisia",
    "MK": "North Macedonia", "BA": "Bosnia and Herzegovina", "ME": "Montenegro",
    "CV": "Cape Verde", "MZ": "Mozambique", "US": "the United States", "SA": "Saudi Arabia",
    "QA": "Qatar", "EE": "Estonia", "HR": "Croatia", "KG": "Kyrgyzstan", "LA": "Laos",
    "XK": "Kosovo",
}  # fmt: skip


def pronouns(gender: str) -> dict:
    if gender == "male":
        return {"he": "he", "He": "He", "his": "his", "His": "His", "him": "him",
                "himself": "himself", "was": "was"}  # fmt: skip
    if gender == "female":
        return {"he": "she", "He": "She", "his": "her", "His": "Her", "him": "her",
                "himself": "herself", "was": "was"}  # fmt: skip
    return {"he": "they", "He": "They", "his": "their", "His": "Their", "him": "them",
            "himself": "themselves", "was": "were"}  # fmt: skip


_CHOICE = re.compile(r"\[([^\[\]]*)\]")


def vary(rng: random.Random, template: str) -> str:
    """One of the words of each [a|b|c], so that a template reads many ways."""
    return _CHOICE.sub(lambda m: rng.choice(m[1].split("|")), template)


_THEY = re.compile(
    r"\b([Tt]hey)((?: still| also| now| often| only)?) (was|has|is|does|goes|believes|sees|"
    r"keeps|lives|knows|feels|says|thinks|wants|needs|owes|works|seems|depends|describes|"
    r"remains|uses|speaks)\b"
)
_PLURAL = {"was": "were", "has": "have", "is": "are", "does": "do", "goes": "go"}


def agree(text: str) -> str:
    """The templates are written for he and she; "they" takes the plural verb."""
    return _THEY.sub(lambda m: f"{m[1]}{m[2]} {_PLURAL.get(m[3], m[3][:-1])}", text)


def fill(rng: random.Random, template: str, words: dict) -> str:
    text = vary(rng, template).format_map(words)
    return agree(text) if words["he"] == "they" else text


def say(rng: random.Random, table: dict, keys: list, words: dict) -> str:
    """A sentence from the first of the case's keys that the table has."""
    for key in keys:
        if key in table:
            return fill(rng, rng.choice(table[key]), words)
    fail(f"no template for {keys}")


def story_keys(ex: dict, child: bool) -> list[str]:
    """What the account is told by, most specific first: its first form (else its first type)
    and that form's family (county lines and drug running are "lines"), each for the age group
    ("lines:adult") and for any age, then the age group, then "any". One story throughout: a
    second form or type shows in `when` and in the first responder's insight."""
    group = "child" if child else "adult"
    first = (ex.get("forms") or ex["types"])[0]
    family = story_family(ex, child)
    keys = [f"{first}:{group}", first, f"{family}:{group}", family, group, "any"]
    return list(dict.fromkeys(keys))


def debt_words(rng: random.Random, nationality: str) -> str:
    region = REGION.get(nationality)
    if nationality == "VN":
        return vary(rng, "£[18,000|22,000|25,000|30,000]")
    if nationality == "AL":
        return vary(rng, "£[8,000|12,000|15,000|20,000]")
    if region in ("horn", "middle_east"):
        return vary(rng, "$[3,000|4,500|6,000|8,000]")
    if nationality in EUROPE:
        return vary(rng, "£[300|500|800|1,500]")
    if nationality == "GB":
        return vary(rng, "£[500|800|1,200|2,000|3,000]")
    return vary(rng, "£[2,000|4,000|6,000|9,000]")


def exploiter_names(rng: random.Random, pv: dict, family: str) -> tuple[str, str, str]:
    """What the potential victim called the two exploiters they name, and their language:
    street names for British gangs; otherwise first names of the person's own country."""
    nationality = pv["nationality"]
    if family in ("lines", "cse", "crime") and nationality in ("GB", "IE", "JM", "unknown"):
        first, second = rng.sample(NICKNAMES, 2)
        return first, second, "English"
    pool = name_pool(rng, nationality, tuple(pv["languages"]))
    own = pv.get("given_names")
    first, second = rng.sample([name for name in pool["m"] if name != own], 2)
    if nationality == "VN":  # "Anh Tuấn": older brother, as Vietnamese workers address a boss
        first, second = "Anh " + first.split()[-1], "Chú " + second.split()[-1]
    return first, second, LANGUAGE_NAMES.get(pv["languages"][0], "English")


def case_words(rng, d: dict, plan: Plan, responder: Responder, ex: dict, family: str) -> dict:
    """The words the account's templates are filled with: pronouns, places, names, amounts."""
    pv = d["potential_victim"]
    nationality = pv["nationality"]
    words = pronouns(pv["gender"])
    current = known_town(pv)
    towns = [plain(t) for t in ex.get("uk_towns", []) if t != "Unknown"]
    home = plain(current) if current else "{his} home town".format(**words)
    abroad = [COUNTRY_NAMES.get(c, "") for c in ex.get("countries", []) if c != "GB"]
    if not towns and "Unknown" in ex.get("uk_towns", []):
        towns = ["a town {he} could not name".format(**words)]
    elif not towns and ex["location"] == "overseas" and abroad and abroad[-1]:
        towns = [abroad[-1]]  # where the journey ended
    there = "in " + towns[0] if ex["location"] == "overseas" and towns else "in the UK"
    transit = [c for c in ex.get("countries", []) if c not in ("GB", nationality)][:2]
    transit = transit or TRANSIT[REGION.get(nationality, "default")][:2]
    boss, boss2, language = exploiter_names(rng, pv, family)
    pool = name_pool(rng, nationality, tuple(pv["languages"]))
    woman = (
        rng.choice(NICKNAMES)
        if language == "English" and nationality == "GB"
        else rng.choice([name for name in pool["f"] if name != pv.get("given_names")])
    )
    forms = [f for f in ex.get("forms", []) if f in WORK] or ["labour"]
    workplace, task, sleep, hours, sites = (vary(rng, part) for part in WORK[forms[0]])
    if family != "work" and not set(ex.get("forms", [])) & set(WORK):
        workplace = rng.choice(WORKPLACES)
    employer_pool = (
        NAMES["ar"]
        if nationality in ("PH", "IN", "ID", "LK", "NP", "ET", "KE", "UG", "NG", "GH", "MA", "BD")
        else None
    )
    employer = rng.choice((employer_pool or name_pool(rng, nationality, ()))["fam"])
    if family == "home":  # the head of the household they served
        boss = rng.choice(["Mr", "Mrs"]) + " " + employer
        language = "Arabic" if employer_pool else language
    police = d["first_responder"]["organisation"]
    words |= {
        "town": plain(current) if current else "the area",
        "there": there,
        "local": there if ex["location"] == "overseas" and towns else "in " + home,
        "placement": "placement" if pv["age_status"] != "adult" else "accommodation",
        "to_there": "to " + there[3:] if there != "in the UK" else "to the UK",
        "home": home,
        # Where it happened: a town other than the one they stay in now, when there is one.
        "where": next((t for t in towns if t != home), towns[0]) if towns else home,
        "dest": towns[-1] if len(towns) > 1 else "other towns nearby" if towns else "another town",
        "office": rng.choice(SCREENING[plan.nation]),
        "port": rng.choice(PORTS[plan.nation]),
        "country": COUNTRY_NAMES.get(nationality, "{his} home country".format(**words)),
        "transit": " and ".join(COUNTRY_NAMES.get(c, "other countries") for c in transit),
        "boss": boss,
        "boss2": boss2,
        "woman": woman,
        "lang_ex": language,
        "line": rng.choice(LINE_NAMES),
        "place": vary(
            rng,
            "[a flat on an estate in {dest}|the flat of a man who uses drugs, "
            "taken over by the group|a house on the edge of {dest} used to deal "
            "from|short-let flats booked in other people's names]",
        ),
        "debt": debt_words(rng, nationality),
        "workplace": workplace,
        "task": task,
        "sleep": sleep,
        "hours": hours,
        "sites": sites,
        "employer": employer,
        "force": police["name"] if police["type"] == "police" else responder.force,
        "operation": rng.choice(OPERATIONS),
        "language": LANGUAGE_NAMES.get(pv["languages"][0], "their language"),
    }
    words["place"] = words["place"].format_map(words)
    return words


def month_year(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def when_text(rng: random.Random, ex: dict, dob: dt.date | None, words: dict, types: list) -> str:
    """When it happened, in words that name the year of `began_on` or `ended_on` when either
    is given (EXP005); a loose time frame when neither is. `types` are the NRM's types."""
    began = dt.date.fromisoformat(ex["began_on"]) if "began_on" in ex else None
    ended = dt.date.fromisoformat(ex["ended_on"]) if "ended_on" in ex else None
    words = dict(words)
    if began:
        words["began"] = month_year(began)
    if ended:
        words["ended"] = month_year(ended)
    if ex["ongoing"]:
        templates = (
            ["It began in {began} and is still going on.",
             "From {began} until now: it has not stopped.",
             "It started around {began}; {he} is still in the situation."]
            if began else
            ["It started about [three|five|eight] months ago and is still going on.",
             "{He} cannot give dates; it started [last summer|after {he} arrived in the UK|"
             "around the start of the school year] and has not stopped."]
        )  # fmt: skip
    elif began and ended:
        templates = ["From {began} to {ended}.",
                     "It began in {began} and ended in {ended}, when {he} [left|was found].",
                     "Between {began} and {ended}, as far as {he} can remember."]  # fmt: skip
    elif began:
        templates = [
            "It began in {began}; {he} cannot say exactly when it ended, but it "
            "was [a few weeks|about two months|some months] before this referral."
        ]
    else:
        templates = ["{He} is not sure of dates. It lasted about [three|six|nine] months and "
                     "ended [recently|a few weeks ago|some months ago].",
                     "{He} thinks it lasted [a few weeks|most of a year|several months]; {he} "
                     "cannot give dates."]  # fmt: skip
    text = fill(rng, rng.choice(templates), words)
    if began and dob and rng.random() < 0.5:
        text += fill(rng, " {He} was " + str(age_on(dob, began)) + " when it started.", words)
    if ex["more_than_one"] == "yes" and len(types) > 1:
        first = (ex.get("forms") or types)[0]
        main = FORM_TYPES.get(first, first)
        types = sorted(types, key=lambda t: t != main)
        first, second = (TYPE_LABELS[t] for t in types[:2])
        text = fill(
            rng,
            first[0].upper() + first[1:] + ": " + text[0].lower() + text[1:] + " {He} was also "
            "subjected to " + second + ", [at the same time|before that|in the same period]; "
            "{he} cannot give separate dates for it.",
            words,
        )
    elif ex["more_than_one"] == "yes":
        text += fill(rng, " {He} was also exploited [earlier|by other people] in the same way; "
                          "{he} cannot give dates for that.", words)  # fmt: skip
    return text


LOCATION_DETAILS = {
    "lines": ["A flat [two streets from|close to|behind] the station in {dest}, with [a betting "
              "shop|a launderette|a chicken shop] below it.",
              "Several flats in {dest}; {he} remembers one above a [betting shop|launderette|"
              "chicken shop]."],
    "grow": ["A [semi-detached|terraced|detached] house on a quiet residential street; the "
             "upstairs windows were covered with black plastic.",
             "{He} did not know the address; from the window {he} could see [a church spire|a "
             "motorway bridge|a petrol station]."],
    "work": ["{workplace} on [an industrial estate|a retail park|the main road] in {where}.",
             "Several {sites} around {where}; {he} was collected from a lay-by [near a "
             "garage|by the roundabout]."],
    "sex": ["Short-let flats in {where} and {dest}, booked online under other names; one was "
            "near [a large hospital|the football ground|the bus station]."],
    "cse": ["{boss}'s flat in {where}, and hotels near the motorway."],
    "home": ["The family's house in a suburb of {where}; the front door was always locked."],
    "any": ["An address in {where}; {he} could describe the street but not its name.",
            "{He} remembers [a house with a red door|a yard with lorries|a flat above a shop] in "
            "{where}."],
}  # fmt: skip
OVERSEAS_DETAILS = [
    "Held for [a few days|about two weeks|several weeks] in [a house|a warehouse|a flat] in "
    "{transit}, on the way to the UK; {he} does not know the address.",
    "Recruited near {his} home in {country}, then kept in [a camp|a rented room|a house with "
    "other people] in {transit} until the crossing.",
]
# The kind of exploitation when it is not yet known: the service has no tick for it, so it is
# "other", with what is known.
OTHER_KIND = [
    "Not yet known: {he} has not said what {he} was made to do, only that {he} was not free "
    "to leave; I will add it after the next interview.",
    "Not clear yet. {He} describes being controlled by {boss} and kept without money, but not "
    "what the exploitation was.",
]
REPORTED_BEFORE = [
    "Reported to {force} in {last_year}; the case was closed without charge.",
    "A previous NRM referral was made by [a council in another area|the Home Office|a support "
    "charity] in {last_year}; the reference is not known.",
    "{He} thinks {he} told the police after an arrest in {last_year}, but no referral followed.",
]
BACKGROUND = {
    "family": {
        "child_gb": ["{He} lives with {his} [mother|grandmother|mother and stepfather] and "
                     "[two|three] [younger|older] [brothers|sisters]; {his} father is [in "
                     "prison|not in contact|living in another city].",
                     "{He} has been in care since the age of [eight|ten|twelve]; {his} mother "
                     "has contact [once a month|rarely] and {he} has [a half-brother|two "
                     "half-sisters]."],
        "child": ["{His} [father died|parents are still] in {country}; {he} has [no contact|"
                  "occasional contact by phone] with {his} [mother|uncle] and [one|two|three] "
                  "siblings.",
                  "{His} family are in {country}; they borrowed money for {his} journey and are "
                  "being pressed to repay it.",
                  "{He} does not know where {his} parents are; {he} was living with an aunt "
                  "before {he} left {country}."],
        "adult_gb": ["{He} grew up in {home} and has [little|no] contact with {his} family; {he} "
                     "has been homeless on and off for [two|five] years.",
                     "{His} mother lives in {home}; {he} lost contact with the rest of {his} "
                     "family after [a bereavement|leaving care at 18]."],
        "adult": ["[Married|Single|Separated]. {His} [parents live|mother lives] in {country}, "
                  "with [a younger sibling|two younger siblings|three younger siblings] {he} "
                  "used to support.",
                  "{He} grew up with {his} grandparents in {country}; {his} parents [died when "
                  "{he} was young|separated]."],
    },
    "education": {
        "child_gb": ["Year [9|10|11] at a secondary school in {home}; excluded in Year [8|9] and "
                     "now at a pupil referral unit.",
                     "On a reduced timetable at a secondary school in {home}; attendance below "
                     "[40|50|60] per cent this year.",
                     "In Year [8|9|10], but has hardly attended since [the spring|September]."],
        "child": ["Went to school in {country} until [eleven|twelve|thirteen|fourteen], then "
                  "left to work.",
                  "Not in education in the UK yet; went to school in {country} for [four|six|"
                  "eight] years.",
                  "Enrolled at a college in {town} [this term|last month]."],
        "adult_gb": ["Left school at [fifteen|sixteen] with no qualifications.",
                     "GCSEs at a school in {home}; started a college course but left."],
        "adult": ["Primary school only; left at [eleven|twelve|thirteen] to work.",
                  "Finished secondary school in {country}.",
                  "Studied [accounting|engineering|nursing|IT] at a college in {country} but did "
                  "not finish.",
                  "Never went to school; cannot read or write."],
    },
    "previous_employment": {
        "child_gb": ["None; {he} is of school age.",
                     "A Saturday job at a [car wash|barber's|café] in {home} for a few months."],
        "child": ["None; {he} is of school age.", "Helped on the family farm in {country}.",
                  "Worked in a [shop|café|market] after school in {country}."],
        "adult_gb": ["Short periods of warehouse and kitchen work through agencies in {home}.",
                     "Worked as a [labourer|cleaner|kitchen porter] until [an injury|losing {his} "
                     "tenancy]."],
        "adult": ["[Farm labourer|Construction labourer|Waiter|Cleaner|Factory worker|"
                  "Hairdresser|Shop assistant|Market trader|Driver|Tailor|Fisherman] in "
                  "{country} for [two|three|five|several] years.",
                  "Worked in {his} family's [shop|workshop|café] in {country}.",
                  "Worked on the family farm in {country} from a young age.",
                  "No paid work before; {he} looked after the home and {his} younger siblings."],
    },
}  # fmt: skip
# A background answer the person has not given yet: the service needs all four.
NOT_KNOWN = {
    "place_of_birth": {
        "any": ["Not known: {he} has not said where {he} was born.",
                "Not known yet; {he} has only said that {he} grew up in {country}."],
    },
    "family": {
        "any": ["Not known: {he} has not wanted to talk about {his} family yet.",
                "{He} has said nothing about {his} family so far; not known."],
    },
    "education": {
        "any": ["Not known: we have not yet talked about {his} schooling.",
                "Not known; {he} has not said whether {he} went to school."],
    },
    "previous_employment": {
        "child": ["None; {he} is of school age.", "None known; {he} is of school age."],
        "any": ["Not known: {he} has not talked about work before the exploitation.",
                "None that {he} has mentioned."],
    },
}  # fmt: skip
COUNT_WORDS = ["one", "two", "three", "four", "five"]
INWARD = "ABDEFGHJLNPQRSTUWXYZ"  # the letters a postcode's inward code uses
CHILDREN_SERVICES_INBOXES = ["mash", "childrensservices", "frontdoor", "cfss",
                             "childrensreferrals"]  # fmt: skip


# ------------------------------------------------------------------------------------------
# One draft
# ------------------------------------------------------------------------------------------

ADULT_AGES = {range(18, 25): 30, range(25, 35): 35, range(35, 45): 20, range(45, 61): 15}
CHILD_AGES = {12: 5, 13: 8, 14: 14, 15: 22, 16: 27, 17: 24}
GENDERS = {"Male": "male", "Female": "female", "Other": "other"}
PLACEMENTS_LOOKED_AFTER = {"ukvi": 0.85, "ukbf": 0.85, "ie": 0.7}  # separated children


def ordered(obj: dict, where: str = "") -> dict:
    """The object's members in the format's order (the schema's), in place; members the format
    does not have (a misspelt one) go last. Returns it."""
    order = member_orders().get(where, [])
    items = sorted(obj.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 999)
    obj.clear()
    obj.update(items)
    return obj


def ordered_all(value, where: str = ""):
    """`ordered` for the object and every object in it."""
    if isinstance(value, dict):
        for key, member in value.items():
            ordered_all(member, f"{where}/{key}".lstrip("/"))
        ordered(value, where)
    elif isinstance(value, list):
        for item in value:
            ordered_all(item, f"{where}/*")
    return value


def put(obj: dict, key: str, value, where: str = "") -> None:
    """Adds (or replaces) a member in its place in the format's order."""
    obj[key] = value
    ordered(obj, where)


@dataclass
class Built:
    draft: dict
    plan: Plan
    responder: Responder
    today: dt.date
    dob: dt.date | None = None
    words: dict | None = None  # what the account's templates were filled with
    types: list = field(default_factory=list)  # the NRM's types the ticks were chosen for


def build_draft(rng: random.Random, plan: Plan, number: int, today: dt.date) -> Built:
    nation, kind = plan.nation, plan.kind
    child = plan.person.age_group != "adult"
    on = prepared_on(rng, plan.person.quarter, today)
    responder = make_responder(rng, kind, nation)
    # Willing to help investigations: on a Duty to Notify this is what lets the name be given.
    willing = rng.random() < (0.15 if plan.route == "duty_to_notify" else 0.45 if child else 0.55)
    pv, dob = potential_victim(rng, plan, on, responder.area, willing)

    d: dict = {}
    if rng.random() < 0.05:  # an editor hint some drafts carry
        d["$schema"] = "https://nrm.invalid/schemas/referral.schema.json"
    d["format_version"] = 3
    d["reference"] = f"{responder.reference_prefix}-2023-{number:06d}"
    d["nation"] = nation
    d["route"] = plan.route
    d["prepared_on"] = iso(on)
    d["first_responder"] = first_responder(
        rng, kind, nation, responder, "child" if child else "adult"
    )
    if plan.route == "duty_to_notify":  # the service asks who to contact on a referral only
        del d["first_responder"]["contact_in_absence"]
    d["potential_victim"] = pv

    def days(lo: int, hi: int) -> dt.date:  # a day shortly before the referral
        return on - dt.timedelta(days=rng.randint(lo, hi))

    ex, codes = exploitation(rng, plan, on, dob, child, pv)
    keys = story_keys(ex, child)
    family = story_family(ex, child)
    d["exploitation"] = ex
    words = case_words(rng, d, plan, responder, ex, family)
    words["last_year"] = str(on.year - 1)
    if plan.route == "nrm":
        pv["home_office_references"] = home_office_references(rng, pv, ex)
    tell(rng, ex, keys, words, dob, on, plan, family)
    # Children always; adults where an interpreter is needed (SAF008 wants it recorded), or
    # where the first responder recorded the interview anyway.
    sg = None
    if child or pv["interpreter_needed"] or rng.random() < 0.1:
        sg = safeguarding(rng, d, responder, nation, days, child)

    d["background"] = background(rng, pv, words, child)
    identified = rng.random() < 0.93
    if identified and rng.random() < 0.85:  # the coded list is an aid; the form asks in words
        ex["indicators"] = codes
    d["professional"] = professional(rng, d, sg, kind, words, keys, codes, identified)
    d["exploiters"] = exploiters(rng, keys, words, ex)
    d["other_victims"] = pick(rng, {"no": 5, "yes": 2.5, "not_sure": 2.5})
    if d["other_victims"] != "no" and rng.random() < 0.7:
        d["other_victims_details"] = fill(rng, rng.choice(OTHER_VICTIMS), words)
    d["future_risk"] = rng.random() < (0.95 if child else 0.8)
    if d["future_risk"]:
        d["future_risk_reasons"] = say(rng, FUTURE_RISK, keys, words)
    d["crime_report"] = crime_report(rng, sg, words)
    d["cooperation"] = {"willing": willing}
    if willing and rng.random() < 0.6:
        d["cooperation"]["details"] = fill(rng, rng.choice(COOPERATION), words)
    if child:
        d["consent_note"] = consent_note(rng, days, pv)
    elif plan.route == "nrm":
        d["consent"] = {
            "given": True,
            "date": iso(days(0, 7)),
            "explained": dict.fromkeys(("nrm", "support", "outcomes", "information_sharing"), True),
            "interpreter_used": pv["interpreter_needed"],
        }
    elif rng.random() < 0.5:  # a Duty to Notify: the adult did not consent
        d["consent"] = {"given": False}
    if not child and plan.route == "nrm":
        d["support"] = support_request(rng, pv, words)
    if plan.route == "duty_to_notify":
        d["duty_to_notify"] = {}
        if rng.random() < 0.8:
            d["duty_to_notify"]["reason_not_referred"] = fill(rng, rng.choice(DTN_REASONS), words)
    # Where the decision goes: asked of an adult referred, and of an adult who co-operates
    # although not referred (a Duty to Notify then gives their own contact details).
    if not child and (plan.route == "nrm" or willing):
        d["decision"] = decision(rng, pv, responder.area, plan.route)
    if plan.route == "nrm" and rng.random() < 0.4:  # the service uploads on a referral only
        d["evidence"] = evidence(rng, d, on, words)
    if sg:
        d["safeguarding"] = sg
    built = Built(d, plan, responder, today, dob, words)
    version3(rng, built)
    ordered_all(d)
    return built


TICKS = {"criminal": "forced_to_commit_crime", "organ_harvesting": "organs_removed",
         "domestic_servitude": "unpaid_household_work", "unknown": "other"}  # fmt: skip


def kinds_for(rng: random.Random, types: list[str], child: bool) -> list[str]:
    """The service's ticks for the NRM's types of the statistics, one tick a type, so that the
    types counted from the ticks (data/kinds.json) are the published ones: sexual exploitation
    of a child is child sexual exploitation; a type not known is `other`. A labour case now
    and then ticks wages taken or fraud too, which count as labour."""
    kinds = []
    for kind in types:
        if kind == "labour":
            kinds.append("forced_to_work")
            extra = pick(rng, {None: 80, "wages_taken": 15, "forced_to_commit_fraud": 5})
            kinds += [extra] if extra else []
        elif kind == "sexual" and child:
            kinds.append("child_sexual_exploitation")
        elif kind == "sexual":
            kinds.append(pick(rng, {"prostitution": 8, "taken_and_sexually_assaulted": 2}))
        else:
            kinds.append(TICKS[kind])
    counted = {kind_types()[kind] for kind in kinds}
    if counted != {("other" if t == "unknown" else t) for t in types}:
        fail(f"the ticks {kinds} count as {sorted(counted)}, not as the types {types}")
    return kinds


def version3(rng: random.Random, b: Built) -> None:
    """The case is drawn in codes, which the account's templates read (ISO nationalities and
    countries, the NRM's types); the draft takes the service's answers: its nationality and
    country entries, and its ticks for the types."""
    d = b.draft
    pv, ex = d["potential_victim"], d["exploitation"]
    pv["nationality"] = nationality_entry(pv["nationality"])
    if "second_nationality" in pv:
        pv["second_nationality"] = nationality_entry(pv["second_nationality"])
    b.types = ex.pop("types")
    ex["kinds"] = kinds_for(rng, b.types, is_child(d))
    if "other" in ex["kinds"]:
        ex["other_kind"] = fill(rng, rng.choice(OTHER_KIND), b.words)
    codes = ex.pop("countries", [])
    if ex["location"] == "unknown":
        # The service has no answer for a place not known: Unknown in both of its lists.
        ex["location"], ex["uk_towns"], ex["countries"] = (
            "uk_and_overseas",
            ["Unknown"],
            ["Unknown"],
        )
    elif ex["location"] != "uk":  # the UK is never a country overseas
        abroad = [code for code in codes if code != "GB"]
        # A country the list lacks (Taiwan) is Unknown there, as the service asks, and named in
        # the details.
        ex["countries"] = list(dict.fromkeys(country_entry(c) or "Unknown" for c in abroad))
        missing = [COUNTRY_NAMES[c] for c in abroad if not country_entry(c) and c in COUNTRY_NAMES]
        if missing and "overseas_location_details" not in ex:
            ex["overseas_location_details"] = f"In {missing[0]}, which the list does not offer."


def potential_victim(
    rng: random.Random, plan: Plan, on: dt.date, area: Area, willing: bool
) -> tuple[dict, dt.date | None]:
    """The person: name in their own script, age, languages, where they are now. A Duty to
    Notify names them only if they will help the investigation (`willing`), and never asks
    their date of birth; the other personal details are asked on route `nrm` only. The
    nationality is its ISO code here, which the account's templates read; `version3` writes
    the service's entry."""
    person, group, nationality = plan.person, plan.person.age_group, plan.nationality
    second = plan.second_nationality if plan.second_nationality != nationality else None
    named = plan.route == "nrm" or willing
    languages = list(pick(rng, LANGUAGES.get(nationality, ENGLISH)))
    if nationality == "GB" and plan.nation == "wales" and rng.random() < 0.15:
        languages = ["cy", "en"]
    if nationality == "GB":
        interpreter = False
    elif "en" not in languages:
        interpreter = rng.random() < 0.92  # most; some manage in English
    else:
        interpreter = languages[0] != "en" and rng.random() < 0.15
    if nationality == "GB" or second == "GB":
        asylum = False
    elif nationality in EUROPE:
        asylum = rng.random() < 0.03
    else:
        asylum = rng.random() < (0.9 if plan.kind == "ukvi" else 0.6)

    pv: dict = {}
    if named and rng.random() < 0.03:  # the service requires both names: "Unknown" is written
        pv["given_names"] = pv["family_name"] = "Unknown"
        if rng.random() < 0.5:
            pv["nickname"] = rng.choice(ALIASES)
    elif named:
        gender_key = {"Male": "m", "Female": "f"}.get(person.gender, "x")
        given, family = person_name(rng, name_pool(rng, nationality, tuple(languages)), gender_key)
        pv["given_names"], pv["family_name"] = given, family
        if rng.random() < 0.1:
            nicknames = rng.sample(ALIASES + [given.split()[0] + "y"], rng.choice([1, 1, 1, 2]))
            pv["nickname"] = ", ".join(nicknames)

    dob, age = None, None
    if group == "child":
        age = pick(rng, CHILD_AGES)
        estimated = rng.random() < (0.35 if nationality != "GB" else 0.03)
        dob = birth_date(rng, age, on, estimated)
        pv["date_of_birth"] = iso(dob)
        if estimated:
            pv["date_of_birth_estimated"] = True
        if rng.random() < 0.4:
            pv["claimed_age"] = age
        pv["age_status"] = "child"
    elif group == "unknown":  # age not known: disputed, so handled as a child (s.51)
        age = pv["claimed_age"] = rng.randint(14, 19)
        if rng.random() < 0.2:
            pv["date_of_birth"] = None
        pv["age_status"] = "age_disputed"
    else:
        age = rng.choice(rng.choices(list(ADULT_AGES), weights=list(ADULT_AGES.values()))[0])
        if plan.route == "nrm" and rng.random() < 0.88:
            dob = birth_date(rng, age, on, nationality != "GB" and rng.random() < 0.1)
            pv["date_of_birth"] = iso(dob)
            if dob.month == 1 and dob.day == 1:
                pv["date_of_birth_estimated"] = True
        elif named and rng.random() < 0.5:
            pv["claimed_age"] = age
        pv["age_status"] = "adult"
    pv["gender"] = GENDERS[person.gender]
    pv["nationality"] = nationality
    if second:
        pv["second_nationality"] = second
    pv["languages"] = languages
    pv["interpreter_needed"] = interpreter
    if interpreter:  # the language by name, as the service asks it
        code = next((code for code in languages if code != "en"), "en")
        pv["interpreter_language"] = LANGUAGE_NAMES[code]
    pv["asylum_seeking"] = asylum
    if group != "adult":
        pv["looked_after"] = rng.random() < PLACEMENTS_LOOKED_AFTER.get(
            plan.kind, 0.25 if nationality == "GB" else 0.6
        )
    if plan.route == "nrm":  # the service's personal details, asked on a referral
        chance = 0.02 if age < 18 else 0.15 if age < 25 else 0.4 if age < 35 else 0.55
        pv["children"] = {"has": rng.random() < chance}
        if pv["children"]["has"]:
            pv["children"]["count"] = pick(rng, {1: 5, 2: 4, 3: 2, 4: 1})
        help_needed = rng.random() < 0.05
        pv["communication_help"] = {"needed": help_needed}
        if help_needed:
            words = pronouns(pv["gender"]) | {
                "language": LANGUAGE_NAMES.get(languages[0], "their language")
            }
            pv["communication_help"]["details"] = fill(rng, rng.choice(COMMUNICATION), words)
    pv["current_location"] = current_location(rng, area)
    return pv, dob


def known_town(pv: dict):
    """Where the person is staying, unless they do not know ("Unknown")."""
    town_name = pv["current_location"].get("town")
    return None if town_name == "Unknown" else town_name


def current_location(rng: random.Random, area: Area) -> dict:
    location = {"local_authority": local_authority(area.council)}
    # The online form asks the town too; a person who does not know it gives "Unknown".
    location["town"] = town(rng.choice(area.towns)) if rng.random() < 0.9 else "Unknown"
    location["region"] = area.region if rng.random() < 0.97 else "Unknown"
    return location


def digits(rng: random.Random, count: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(count))


def home_office_references(rng: random.Random, pv: dict, ex: dict) -> dict:
    """Asylum, visa or settlement references, as the Home Office writes them."""
    nationality = pv["nationality"]
    if pv["asylum_seeking"]:
        has = rng.random() < 0.95
    else:
        has = nationality != "GB" and pv.get("second_nationality") != "GB" and rng.random() < 0.35
    refs: dict = {"has": has}
    if not has:
        return refs
    if pv["asylum_seeking"]:
        refs["details"] = rng.choice(
            [
                f"Home Office reference {rng.choice('BHKMSV')}{digits(rng, 7)}",
                f"Person ID {digits(rng, 8)}; asylum claim UAN {digits(rng, 4)}-{digits(rng, 4)}-"
                f"{digits(rng, 4)}-{digits(rng, 4)}",
                f"Port reference {rng.choice(['DVR', 'LHR', 'LGW', 'MAN', 'WJF'])}/"
                f"{digits(rng, 5)}/{digits(rng, 2)}",
            ]
        )
    elif nationality in EUROPE:
        refs["details"] = (
            f"EU Settlement Scheme application number 4000-{digits(rng, 4)}-{digits(rng, 4)}-"
            f"{digits(rng, 4)}"
        )
    else:
        forms = ex.get("forms", [])
        visa = (
            "Seasonal Worker visa" if "agriculture" in forms
            else "Overseas Domestic Worker visa" if "domestic_servitude" in ex["types"]
            else rng.choice(["Visit visa", "Skilled Worker visa", "Student visa"])
        )  # fmt: skip
        refs["details"] = f"{visa}, GWF{digits(rng, 9)}"
    return refs


def exploitation(
    rng, plan: Plan, on: dt.date, dob: dt.date | None, child: bool, pv: dict
) -> tuple[dict, list]:
    """The structure of what happened: types, forms, dates, location; the text comes later
    (tell). Also returns the indicators the first responder saw."""
    person = plan.person
    types = exploitation_types(person.exploitation)
    ex: dict = {"types": types}
    forms = forms_for(rng, types, plan.nationality, person.age_group)
    if forms:
        ex["forms"] = forms
    ex["more_than_one"] = (
        pick(rng, {"yes": 8.5, "not_sure": 1.5})
        if len(types) > 1
        else pick(rng, {"no": 8, "not_sure": 1.5, "yes": 0.5})
    )
    # When it began: after the 18th birthday for adults (the statistics count them as exploited
    # as adults), after the 10th for children; at least two weeks before the referral.
    earliest = on - dt.timedelta(days=1500 if not child else 900)
    if dob:
        floor = add_years(dob, 18 if not child else 10) + dt.timedelta(days=7)
        earliest = max(earliest, floor)
    latest = on - dt.timedelta(days=14)
    began = None
    if earliest <= latest and rng.random() < 0.85:
        began = earliest + dt.timedelta(days=rng.randint(0, (latest - earliest).days))
        ex["began_on"] = iso(began)
    ongoing = rng.random() < (0.35 if child else 0.2)
    if not ongoing and began and rng.random() < 0.8:
        ended = began + dt.timedelta(days=rng.randint(7, max(7, (on - began).days - 1)))
        ex["ended_on"] = iso(min(ended, on - dt.timedelta(days=1)))
    ex["ongoing"] = ongoing
    if person.age_group == "adult":  # the form asks every adult; unsure without the dates
        ex["while_child"] = "not_sure" if not (dob and began) and rng.random() < 0.15 else False
    elif person.age_group == "child" and rng.random() < 0.75:  # unknown age: left out
        ex["while_child"] = True
    ex["location"] = plan.location
    family = story_family(ex, child)
    towns = exploitation_towns(rng, family, forms, pv, plan)
    if towns:
        ex["uk_towns"] = towns
    countries = countries_for(rng, plan.location, plan.nationality)
    if countries:
        ex["countries"] = countries
    journey = plan.location != "uk" and plan.nationality != "GB"
    return ex, indicators_for(rng, types, child, journey)


def exploitation_towns(rng, family: str, forms: list, pv: dict, plan: Plan) -> list | None:
    """Where in the UK, as the form's town list names them (or "Unknown"): county lines from
    home to a seaside or county town, flats in several cities, farming towns, a cannabis grow
    in any town of the list."""
    if plan.location not in ("uk", "uk_and_overseas"):
        return None
    if rng.random() < 0.05 or (family == "grow" and rng.random() < 0.3):
        return ["Unknown"]  # "a house somewhere": the person never knew where
    area_towns = [t for a in AREAS[plan.nation] for t in a.towns]
    home = known_town(pv) or rng.choice(area_towns)
    nation = plan.nation
    if family == "lines":
        picks = [home] + rng.sample(DESTINATIONS["lines"][nation], rng.randint(1, 2))
    elif family in ("sex", "cse"):
        picks = ([home] if family == "cse" else []) + rng.sample(
            DESTINATIONS["cities"][nation], rng.randint(1 if family == "cse" else 2, 4)
        )
    elif "agriculture" in forms:
        picks = rng.sample(DESTINATIONS["farms"][nation], rng.randint(1, 3))
    elif family == "grow":
        picks = rng.sample(places(), rng.randint(1, 2))
    else:
        picks = [home] + ([rng.choice(area_towns)] if rng.random() < 0.25 else [])
    return list(dict.fromkeys(town(p) for p in picks))[:10]


def last_contact(rng: random.Random, ex: dict, on: dt.date) -> str:
    steps = ["within_week", "within_month", "within_3_months", "within_6_months",
             "within_6_to_12_months", "over_a_year"]  # fmt: skip
    if ex["ongoing"]:
        return pick(rng, {"within_week": 7, "within_month": 2.5, "not_sure": 0.5})
    if "ended_on" not in ex:
        return pick(
            rng,
            {
                "within_month": 2,
                "within_3_months": 3,
                "within_6_months": 2,
                "within_6_to_12_months": 1.5,
                "over_a_year": 1,
                "not_sure": 1,
            },
        )
    since = (on - dt.date.fromisoformat(ex["ended_on"])).days
    step = next(i for i, limit in enumerate((7, 31, 92, 183, 365, 10**6)) if since <= limit)
    if step and rng.random() < 0.25:  # threats sent after they left
        step -= 1
    return steps[step]


def tell(rng, ex: dict, keys: list, words: dict, dob, on: dt.date, plan: Plan, family: str):
    """The form's questions about what happened, answered in the case's own terms."""
    ex["when"] = when_text(rng, ex, dob, words, ex["types"])
    ex["how_it_started"] = say(rng, HOW_IT_STARTED, keys, words)
    abroad = plan.location in ("overseas", "uk_and_overseas") and plan.nationality != "GB"
    chance = {"lines": 0.9, "sex": 0.6, "cse": 0.4, "work": 0.5, "grow": 0.5}.get(family, 0.2)
    taken = rng.random() < (0.85 if abroad else chance if plan.location != "overseas" else 0.1)
    ex["taken_somewhere"] = taken
    if taken:
        if abroad:
            route = JOURNEY_ABROAD[REGION.get(plan.nationality, "default")]
            journey = fill(rng, rng.choice(route), words)
            if plan.location == "uk_and_overseas" and rng.random() < 0.5:
                journey += " " + say(rng, JOURNEY_UK, keys, words)
        else:
            journey = say(rng, JOURNEY_UK, keys, words)
        ex["journey"] = journey
    ex["what_they_had_to_do"] = say(rng, WHAT_THEY_HAD_TO_DO, keys, words)
    ex["living_conditions"] = say(rng, LIVING_CONDITIONS, keys, words)
    ex["treatment"] = say(rng, TREATMENT, keys, words)
    if ex["ongoing"]:
        ex["what_keeps_them"] = say(rng, WHAT_KEEPS_THEM, keys, words)
    else:
        ex["how_they_left"] = say(rng, HOW_THEY_LEFT, keys, words)
    ex["last_contact"] = last_contact(rng, ex, on)
    period = (
        "ongoing" if ex["ongoing"] else "not_sure" if ex["last_contact"] == "not_sure"
        else "recent" if ex["last_contact"] in ("within_week", "within_month", "within_3_months")
        else "old"
    )  # fmt: skip
    ex["last_contact_details"] = fill(rng, rng.choice(LAST_CONTACT_DETAILS[period]), words)
    ex["reported_before"] = pick(rng, {"no": 7, "yes": 1.5, "not_sure": 1.5})
    if ex["reported_before"] == "no":
        ex["not_reported_reasons"] = say(rng, NOT_REPORTED_REASONS, keys, words)
    elif rng.random() < 0.7:
        ex["reported_before_details"] = fill(rng, rng.choice(REPORTED_BEFORE), words)
    # The address or location of each part: the templates tell of the place the story is set
    # in (in the UK, or abroad for exploitation overseas only); abroad on the way, of the route.
    if plan.location in ("uk", "uk_and_overseas") and rng.random() < 0.45:
        ex["uk_location_details"] = say(rng, LOCATION_DETAILS, keys, words)
    if plan.location == "overseas" and rng.random() < 0.45:
        ex["overseas_location_details"] = say(rng, LOCATION_DETAILS, keys, words)
    elif plan.location == "uk_and_overseas" and rng.random() < 0.35:
        ex["overseas_location_details"] = fill(rng, rng.choice(OVERSEAS_DETAILS), words)


def story_family(ex: dict, child: bool) -> str:
    """The family of templates the account is told from: its first form's, else its first
    type's."""
    first = (ex.get("forms") or ex["types"])[0]
    return FAMILY.get(first) or ("cse" if child else "sex")  # `sexual`


def background(rng: random.Random, pv: dict, words: dict, child: bool) -> dict:
    """Place of birth, family, education and work before: the service requires all four, and
    most are answered; what the person has not said yet is written as not known."""
    nationality = pv["nationality"]
    group = "child" if child else "adult"
    keys = [f"{group}_gb", group] if nationality == "GB" else [group]
    bg: dict = {}
    if rng.random() < 0.85:
        if nationality == "GB":
            born = plain(rng.choice(places())) if rng.random() < 0.5 else words["home"]
            bg["place_of_birth"] = vary(rng, f"[Born in {born}.|{born}, UK.|{born}.]")
        elif nationality in BIRTHPLACES:
            place = rng.choice(BIRTHPLACES[nationality]) + ", " + words["country"]
            bg["place_of_birth"] = fill(rng, rng.choice([
                place + ".", "{He} was born in " + place + ".",
                "Born in " + place + "; {he} grew up there.",
            ]), words)  # fmt: skip
        else:
            bg["place_of_birth"] = fill(rng, "{He} was born in {country}; {he} has not said "
                                             "where.", words)  # fmt: skip
    if rng.random() < 0.85:
        text = say(rng, BACKGROUND["family"], keys, words)
        children = pv.get("children", {})
        if children.get("has"):
            count = children["count"]
            text += fill(rng, " {He} has " + COUNT_WORDS[count - 1] + (
                " child, who " if count == 1 else " children, who "
            ) + ("[live with {his} former partner in {home}|live with {him}]." if nationality ==
                 "GB" else "[live with {his} mother in {country}|are in {country} with "
                 "relatives|live with {him} in the UK]."), words)  # fmt: skip
        bg["family"] = text
    if rng.random() < 0.75:
        bg["education"] = say(rng, BACKGROUND["education"], keys, words)
    if rng.random() < (0.3 if child else 0.8):
        bg["previous_employment"] = say(rng, BACKGROUND["previous_employment"], keys, words)
    for member in ("place_of_birth", "family", "education", "previous_employment"):
        if member not in bg:
            bg[member] = say(rng, NOT_KNOWN[member], keys + ["any"], words)
    return bg


def interviews(rng: random.Random, d: dict, kind: str, words: dict) -> str:
    """Where and how the first responder spoke to the person, who was there, how they were."""
    pv = d["potential_victim"]
    otype = d["first_responder"]["organisation"]["type"]
    child = pv["age_status"] != "adult"
    place = rng.choice(INTERVIEW_PLACES[kind if otype == "home_office" else otype])
    parts = [
        "[I spoke to {him}|We interviewed {him}|I met {him}] "
        + place
        + "[|, over two meetings|, on two occasions a week apart]."
    ]
    if pv["interpreter_needed"]:
        language = pv.get("interpreter_language", "the person's language")
        parts.append(
            "A professional " + language + " interpreter [joined by telephone|was in "
            "the room|joined by video]."
        )
    if child:
        parts.append(
            "[{His} social worker|An appropriate adult|{His} key worker] was present; "
            "no one who came with {him} was in the room."
        )
    parts.append(
        rng.choice(
            [
                "We took [two breaks|a break] when {he} became upset.",
                "{He} asked for a break after about an hour.",
                "No breaks were needed.",
                "We stopped after forty minutes because {he} was exhausted, and "
                "finished the next day.",
            ]
        )
    )
    parts.append(rng.choice(INTERVIEW_APPEARANCE))
    if rng.random() < 0.6:
        parts.append(rng.choice(INTERVIEW_HEALTH))
    return fill(rng, " ".join(parts), words)


def insight(rng: random.Random, d: dict, kind: str, words: dict, keys: list, codes: list) -> str:
    """Why the first responder refers: how the person came to them, what happened, what they
    saw, their judgement and where the person is now."""
    pv, ex = d["potential_victim"], d["exploitation"]
    group = "child" if pv["age_status"] != "adult" else "adult"
    otype = org_type(kind)
    tags = {group, *ex["types"], *ex.get("forms", [])}
    openings = OPENINGS[otype if otype != "home_office" else kind]
    sentences = [rng.choice([text for text, need in openings if need is None or need in tags])]
    accounts = [f for f in ex.get("forms", []) if f in ACCOUNTS] or [
        f"{t}:{group}" if f"{t}:{group}" in ACCOUNTS else t for t in ex["types"] if t in ACCOUNTS
    ]
    for key in accounts[:2]:
        sentences.append(rng.choice(ACCOUNTS[key]))
    for code in codes[:2]:
        sentences.append(OBSERVED[code])
    sentences.append(rng.choice(next(JUDGEMENTS[k] for k in keys + ["any"] if k in JUDGEMENTS)))
    if d["route"] == "duty_to_notify":
        now = NOW["duty_to_notify_named" if "given_names" in pv else "duty_to_notify"]
    else:
        now = [s for s in NOW[group] if pv["asylum_seeking"] or "asylum" not in s]
    sentences.append(rng.choice(now))
    while len(" ".join(sentences)) > 1000 and len(sentences) > 4:  # drop what they saw
        sentences.pop(-3)
    return fill(rng, " ".join(sentences), words)


def professional(rng, d: dict, sg, kind: str, words: dict, keys: list, codes: list,
                 identified: bool) -> dict:  # fmt: skip
    """The first responder's view: indicators, the interviews, why they refer, credibility,
    the other professionals involved."""
    pv = d["potential_victim"]
    child = pv["age_status"] != "adult"
    pro: dict = {"indicators_identified": identified}
    if identified:
        seen = [OBSERVED[code] for code in codes[:4]]
        pro["indicators_details"] = fill(rng, " ".join(seen + [rng.choice(SEEN_WHERE)]), words)
    pro["interviews"] = interviews(rng, d, kind, words)
    pro["insight"] = insight(rng, d, kind, words, keys, codes if identified else [])
    concerns = rng.random() < 0.07
    pro["credibility_concerns"] = concerns
    if concerns:
        pro["credibility_evidence"] = fill(rng, rng.choice(CREDIBILITY), words)
    involved = rng.random() < (0.95 if child else 0.6)
    pro["other_professionals"] = involved
    if involved:
        pro["other_professionals_details"] = other_professionals(rng, d, sg, words, child)
    return pro


def other_professionals(rng: random.Random, d: dict, sg, words: dict, child: bool) -> str:
    items = []
    services = (sg or {}).get("children_services")
    if services:
        item = f"Children's services, {services['local_authority']}: social worker allocated"
        items.append(item + (f", reference {services['reference']}" if "reference" in services
                             else ""))  # fmt: skip
    if (sg or {}).get("guardian"):
        items.append(
            "Independent guardian service: referral made on " + sg["guardian"]["referred_on"]
        )
    police = (sg or {}).get("police", {})
    if police.get("crime_reference"):
        items.append(f"{police['force']}: crime reference {police['crime_reference']}")
    generic = (
        ["[The school's|The college's|The pupil referral unit's] safeguarding lead",
         "CAMHS, for {his} mental health", "The youth justice service", "{His} foster carer "
         "and supervising social worker"]
        if child else
        ["{His} GP in {town}", "A solicitor instructed for the asylum claim", "The support "
         "worker at {his} accommodation", "The community mental health team", "{force}'s "
         "modern slavery unit", "The probation service"]
    )  # fmt: skip
    if police.get("notified") is False:  # the police are not involved
        generic = [item for item in generic if "{force}" not in item]
    items += rng.sample(generic, rng.randint(1, 2))
    return fill(rng, ". ".join(items) + ".", words)


def exploiters(rng: random.Random, keys: list, words: dict, ex: dict) -> dict:
    """Who exploited them and, if known, where they are now."""
    known = rng.random() < 0.5
    found: dict = {"who": say(rng, WHO, keys, words), "location_known": known}
    if known:
        in_uk = rng.random() < (0.15 if ex["location"] == "overseas" else 0.85)
        found["in_uk"] = in_uk
        found["whereabouts"] = fill(rng, rng.choice(WHEREABOUTS[in_uk]), words)
    return found


def crime_report(rng: random.Random, sg, words: dict) -> dict:
    """A crime reference for a modern slavery crime against them: the one the safeguarding
    record gives, or now and then one of its own."""
    police = (sg or {}).get("police", {})
    if police.get("crime_reference"):
        return {"exists": True, "police_force": police["force"],
                "reference": police["crime_reference"]}  # fmt: skip
    if rng.random() < 0.15:
        force = words["force"]
        return {"exists": True, "police_force": force,
                "reference": f"{initials(force)}-{rng.randint(100000, 999999)}"}  # fmt: skip
    return {"exists": False}


def support_request(rng: random.Random, pv: dict, words: dict) -> dict:
    support = {"requested": rng.random() < 0.85}
    if support["requested"]:
        support["safe_accommodation_needed"] = rng.random() < 0.5
        if rng.random() < 0.3:
            language = LANGUAGE_NAMES.get(pv["languages"][0], "their language")
            support["needs"] = rng.choice(
                [
                    (
                        "Asks for a female caseworker."
                        if pv["gender"] == "female"
                        else "Asks not to be housed with people from the same country."
                    ),
                    "Has a medical condition that needs follow-up.",
                    f"Needs support in {language}.",
                ]
            )
        roll = rng.random()
        if roll < 0.6:
            support["contact"] = {"by": "own_phone", "phone": own_phone(rng, pv["nationality"])}
        elif roll < 0.85:
            relationship = rng.choice(RELATIONSHIPS)
            support["contact"] = {
                "by": "alternative_phone",
                "alternative": {"phone": mobile(rng), "relationship": relationship},
            }
        else:
            support["contact"] = {
                "by": "none",
                "none_reason": fill(rng, rng.choice(NO_PHONE), words),
            }
    return support


# Mobile numbers from abroad, for people who kept their home SIM: the calling code, the trunk
# prefix dialled at home, the first digits of mobile ranges, and the number's length without
# the trunk prefix.
FOREIGN_MOBILES = {
    "RO": ("+40", "0", ["721", "744", "752"], 9), "AL": ("+355", "0", ["672", "682", "692"], 9),
    "VN": ("+84", "0", ["903", "912", "936"], 9), "PL": ("+48", "", ["501", "512", "533"], 9),
    "NG": ("+234", "0", ["803", "806", "813"], 10),
}  # fmt: skip


def foreign_mobile(rng: random.Random, nationality: str, home: bool = False) -> str:
    """A mobile number of the person's country: with its calling code, as the service takes a
    number from abroad, or (`home`) as it is dialled at home, which the service reads as a UK
    number and refuses."""
    code, trunk, starts, length = FOREIGN_MOBILES[nationality]
    start = rng.choice(starts)
    number = start + digits(rng, length - len(start))
    grouped = " ".join(number[i : i + 3] for i in range(0, len(number), 3))
    return f"{trunk}{grouped}" if home else f"{code} {grouped}"


def own_phone(rng: random.Random, nationality: str) -> str:
    """The person's own number: a UK mobile, or one in ten from a country whose numbers the
    corpus knows, their home SIM, with its country code."""
    if nationality in FOREIGN_MOBILES and rng.random() < 0.1:
        return foreign_mobile(rng, nationality)
    return mobile(rng)


def own_email(rng: random.Random, pv: dict) -> str:
    """The potential victim's own address: names folded to ASCII, a number, a webmail host."""
    known = pv.get("given_names") != "Unknown"
    given = ascii_fold(pv.get("given_names", "").split(" ")[0]) if known else ""
    family = ascii_fold(pv.get("family_name", "")) if known else ""
    nickname = pv.get("nickname", "").split(", ")[0]
    given = given or ascii_fold(nickname or rng.choice(ALIASES))
    local = given + rng.choice([".", "", "_"]) + family if family else given
    return f"{local}{rng.randint(1, 99)}@{rng.choice(WEBMAIL_OWN)}"


def post_address(rng: random.Random, area: Area) -> dict:
    bare = rng.choice(area.towns)
    n, street = rng.randint(1, 180), rng.choice(STREETS)
    building = rng.choice(
        [
            f"{n} {street}",
            f"Flat {rng.randint(1, 12)}, {n} {street}",
            f"Room {rng.randint(1, 30)}, {rng.choice(HOSTELS)} House, {n} {street}",
        ]
    )
    post = {"building_and_street": building, "town": plain(town(bare))}
    if rng.random() < 0.3:
        post["county"] = area.region
    post["postcode"] = (
        f"{POSTCODES[bare]} {rng.randint(1, 9)}{rng.choice(INWARD)}{rng.choice(INWARD)}"
    )
    return post


def decision(rng: random.Random, pv: dict, area: Area, route: str) -> dict:
    """Where the Home Office sends its decision: the person's own email or address, each
    ticked as safe to write to, or, on a referral, someone they name (a support worker) with
    their permission. A Duty to Notify asks no recipient: the details are the adult's own."""
    if route == "duty_to_notify" or rng.random() < 0.82:
        found: dict = {} if route == "duty_to_notify" else {"recipient": "potential_victim"}
        roll = rng.random()
        found["methods"] = (
            ["email"] if roll < 0.55 else ["email", "post"] if roll < 0.75 else ["post"]
        )
        if "email" in found["methods"]:
            found["email"], found["email_safe"] = own_email(rng, pv), True
        if "post" in found["methods"]:
            found["post"], found["post_safe"] = post_address(rng, area), True
        return found
    given, family = staff_member(rng, "england")
    ngo = rng.choice(["salvation_army", "migrant_help", "medaille_trust", "unseen", "bawso"])
    found = {"recipient": "someone_else"}
    if rng.random() < 0.9:
        found["given_name"] = given
        if rng.random() < 0.9:
            found["family_name"] = family
    found["methods"] = list(pick(rng, {("email",): 8, ("post",): 1, ("email", "post"): 1}))
    if "email" in found["methods"]:
        found["email"] = staff_email(rng, given, family, NGO_DOMAINS[ngo])
    if "post" in found["methods"]:  # their office
        found["post"] = post_address(rng, area)
    found["permission"] = True
    return found


def evidence(rng: random.Random, d: dict, on: dt.date, words: dict) -> list:
    """Documents to upload with the online form, and what each is."""
    pv = d["potential_victim"]
    holds = {None, "police" if d["first_responder"]["organisation"]["type"] == "police" else None}
    holds |= {"asylum" if pv["asylum_seeking"] else None, pv["age_status"]}
    if pv["age_status"] != "adult":
        holds.add("child")
    options = [e for e in EVIDENCE if e[2] in holds]
    files = []
    for stem, description, _ in rng.sample(options, rng.randint(1, min(3, len(options)))):
        made = on - dt.timedelta(days=rng.randint(0, 40))
        extension = "jpg" if stem.startswith("photos") else rng.choice(["pdf", "pdf", "docx"])
        item = {"file": f"{stem}.{extension}", "description": fill(rng, description, words)}
        if rng.random() < 0.5:  # the size, which the upload page limits
            sizes = {"jpg": (900_000, 6_000_000), "pdf": (60_000, 4_000_000)}
            low, high = sizes.get(extension, (18_000, 300_000))
            item["bytes"] = rng.randint(low, high)
        if rng.random() < 0.7:
            item["created_on"] = iso(made)
        files.append(item)
    return files


def consent_note(rng: random.Random, days, pv: dict) -> dict:
    """How the child was told about the referral; now and then why they were not."""
    if rng.random() < 0.92:
        words = pronouns(pv["gender"])
        who = rng.choice(
            [
                f"{words['his']} social worker",
                f"{words['his']} key worker",
                "the allocated social worker",
                "a police officer from the child exploitation team",
                f"the caseworker who interviewed {words['him']}",
            ]
        )
        language = LANGUAGE_NAMES.get(pv["languages"][0], "their first language")
        how = rng.choice(
            [
                f"Told in person by {who}, in {language}",
                f"Explained face to face by {who} in {language}, with time for questions",
            ]
        )
        how += (
            ", through a professional telephone interpreter."
            if pv["interpreter_needed"]
            else f", with {words['his']} carer out of the room."
        )
        return {
            "child_informed": True,
            "informed_on": iso(days(0, 6)),
            "how_informed": how,
            "data_use_explained": True,
        }
    return {
        "child_informed": False,
        "reason_not_informed": rng.choice(
            [
                "Telling the child now would put them at greater risk from the exploiters.",
                "The child is in hospital and not well enough to be told yet; they will be told "
                "when the doctors agree.",
                "The child went missing before the referral could be explained.",
            ]
        ),
    }


def safeguarding(rng, d, responder: Responder, nation, days, child) -> dict:
    """The statutory steps taken alongside the referral, all done right in a clean draft."""
    pv = d["potential_victim"]
    police_org = d["first_responder"]["organisation"]["type"] == "police"
    force = d["first_responder"]["organisation"]["name"] if police_org else responder.force
    sg: dict = {}
    if child:
        area = responder.area
        trust = area.children_services if area.children_services in TRUST_DOMAINS else None
        # The service asks for the local authority from its list, which has the councils only:
        # in Northern Ireland the council, with the HSC Trust's gateway team as the contact.
        services = {
            "local_authority": local_authority(area.council),
            "referred_on": iso(days(0, 14)),
        }
        if rng.random() < 0.6:
            services["reference"] = f"CS-{rng.randint(10000, 99999)}"
        digits_left = 11 - sum(ch.isdigit() for ch in area.phone)
        services["phone"] = area.phone + digits(rng, digits_left)
        inbox = "gateway" if trust else rng.choice(CHILDREN_SERVICES_INBOXES)
        services["email"] = f"{inbox}@{TRUST_DOMAINS[trust] if trust else area.domain}"
        if rng.random() < 0.5:
            given, family = staff_member(rng, nation)
            services["contact"] = {"given_name": given, "family_name": family}
        sg["children_services"] = services
    if child or police_org or rng.random() < 0.5:
        police = {"notified": True, "force": force}
        if rng.random() < 0.5:
            police["crime_reference"] = f"{initials(force)}-{rng.randint(100000, 999999)}"
        sg["police"] = police
    else:
        sg["police"] = {"notified": False}
    if child:
        sg["guardian"] = {"service": GUARDIAN[nation], "referred_on": iso(days(0, 10))}
    interview = {"accompanying_adult_present": False}
    if rng.random() < 0.8:
        interview["separate_from_carers"] = True
    sg["interview"] = interview
    if pv["interpreter_needed"]:
        sg["interpreter"] = {
            "used": True,
            "professional": True,
            "relationship": "none",
            "same_nationality": False if child else rng.random() < 0.5,
        }
    if pv.get("looked_after"):
        sg["missing_plan"] = True
    return sg


def notices(d: dict) -> list[str]:
    """The notices a clean draft carries: URG001, AGE005, FR005 (see the docstring)."""
    pv, found = d["potential_victim"], []
    if pv["age_status"] == "age_disputed":
        found.append("AGE005")
    if (
        pv["age_status"] != "adult"
        and pv["asylum_seeking"]
        and pv["nationality"] in ("Albanian", "Vietnamese", "Sudanese")
    ):
        found.append("URG001")
    if d["first_responder"]["organisation"].get("ngo") in form_lists().unknown_domain_ngos:
        found.append("FR005")
    return sorted(found)


# ------------------------------------------------------------------------------------------
# Mistakes: each changes a clean draft the way a first responder might, and names the rule
# that must catch it. `apply` returns False when the mistake does not fit this draft.
# ------------------------------------------------------------------------------------------

WEBMAIL = ["gmail.com", "hotmail.co.uk", "outlook.com", "yahoo.co.uk", "icloud.com",
           "btinternet.com", "live.co.uk"]  # fmt: skip
NEAR_MISSES = {  # an NGO's domain as staff mistype it: not one the online form recognises
    "salvationarmy.org.uk": "salvationarmy.org", "migranthelpuk.org": "migranthelp.org",
    "barnardos.org.uk": "barnardos.org", "medaille-trust.org.uk": "medailletrust.org.uk",
    "unseenuk.org": "unseen.org.uk", "bawso.org.uk": "bawso.org", "kalayaan.org.uk": "kalayaan.org",
    "refugeecouncil.org.uk": "refugeecouncil.org",
    "youthworkalliance.com": "youthworkalliance.org.uk",
    "belfastwomensaid.org.uk": "belfastwomensaid.org",
}  # fmt: skip
NOT_DESIGNATED = [  # (name, email domain): type `other`
    ("Manchester University NHS Foundation Trust", "mft.nhs.uk"),
    ("Guy's and St Thomas' NHS Foundation Trust", "gstt.nhs.uk"),
    ("Oakfield Academy", "oakfield.sch.uk"),
    ("St Mungo's", "mungos.org"),
    ("Hope for Justice", "hopeforjustice.org"),
    ("Kent Refugee Action Network", "kran.org.uk"),
    ("Riverside Medical Practice", "nhs.net"),
]  # fmt: skip
NAME_SLIPS = {  # an organisation's name as people write it, not as the online form lists it
    "Metropolitan Police Service": "Metropolitan Police", "Police Scotland": "Scottish Police",
    "Police Service of Northern Ireland": "PSNI", "British Transport Police": "BTP",
    NCA_NAME: "National Crime Agency", GLAA_NAME: "Gangmasters and Labour Abuse Authority",
    "Home Office - UK Border Force UKBF": "UK Border Force", "The Salvation Army": "Salvation Army",
    "Migrant Help": "Migrant Help UK", "Barnardo's": "Barnardos", "Medaille Trust": "The Medaille "
    "Trust", "Unseen": "Unseen UK", "BAWSO": "Bawso Ltd", "Refugee Council": "The Refugee Council",
    "Kalayaan": "Kalayaan Charity", "Trafficking Awareness Raising Alliance TARA": "TARA Glasgow",
    "Belfast and Lisburn Women's Aid": "Belfast Women's Aid", "Youth Work Alliance": "YWA",
}  # fmt: skip
DATE_POINTERS = [("consent", "date"), ("consent_note", "informed_on"),
                 ("exploitation", "began_on"), ("exploitation", "ended_on"),
                 ("safeguarding", "children_services", "referred_on"),
                 ("safeguarding", "guardian", "referred_on"),
                 ("potential_victim", "date_of_birth"), ("prepared_on",)]  # fmt: skip


def get(d: dict, *path):
    for key in path:
        if not isinstance(d, dict) or key not in d:
            return None
        d = d[key]
    return d


def is_child(d: dict) -> bool:
    pv = d["potential_victim"]
    return pv["age_status"] != "adult"


def adult_nrm(d: dict) -> bool:
    return not is_child(d) and d["route"] == "nrm"


def shift_dates(d: dict, days: int) -> None:
    def moved(value: str) -> str:
        return iso(dt.date.fromisoformat(value) + dt.timedelta(days=days))

    for path in DATE_POINTERS:
        value = get(d, *path)
        if isinstance(value, str):
            parent = get(d, *path[:-1]) if len(path) > 1 else d
            parent[path[-1]] = moved(value)
    for item in d.get("evidence", []):
        if "created_on" in item:
            item["created_on"] = moved(item["created_on"])


def rename_key(obj: dict, old: str, new: str) -> None:
    """Rename a member in place, keeping its position (a misspelling, not a move)."""
    items = [(new if k == old else k, v) for k, v in obj.items()]
    obj.clear()
    obj.update(items)


def rewrite_when(b: Built) -> None:
    """The account of when it happened, written again for dates that moved together (the same
    words each time for the same draft)."""
    ex = b.draft["exploitation"]
    if "when" in ex and b.words:
        try:
            ex["when"] = when_text(random.Random(b.draft["reference"]), ex, b.dob, b.words, b.types)
        except (KeyError, TypeError, ValueError):  # another mistake broke what it reads
            pass


def set_email(fr: dict, domain: str) -> None:
    """The first responder's address, and the one for their absence, on another domain."""
    for member in ("email", "contact_in_absence"):
        if member in fr:
            fr[member] = fr[member].split("@")[0] + "@" + domain


def m_webmail(rng, b: Built) -> bool:
    """FR004: the officer wrote from a personal webmail account, or mistyped the work domain
    into one the online form does not recognise."""
    fr = b.draft["first_responder"]
    if fr["organisation"]["type"] == "other":
        return False
    domain = fr["email"].split("@")[1]
    parts = domain.split(".")
    if rng.random() < 0.35 and (domain in NEAR_MISSES or len(parts) >= 3):
        # kent.police.uk typed as kentpolice.uk, salvationarmy.org.uk as salvationarmy.org
        typo = NEAR_MISSES.get(domain) or ".".join(parts[:-3] + [parts[-3] + parts[-2], parts[-1]])
        if not recognised(typo):
            fr["email"] = fr["email"].split("@")[0] + "@" + typo
            return True
    fr["email"] = fr["email"].split("@")[0] + "@" + rng.choice(WEBMAIL)
    return True


def m_not_designated(rng, b: Built) -> bool:
    """FR001: an NHS trust, a school or a charity not on the list refers itself."""
    fr = b.draft["first_responder"]
    name, domain = rng.choice(NOT_DESIGNATED)
    fr["organisation"] = {"type": "other", "name": name}
    set_email(fr, domain)
    fr["role"] = rng.choice(
        [
            "Named nurse for safeguarding children",
            "Designated safeguarding lead",
            "Support worker",
            "Emergency department nurse",
        ]
    )
    return True


def m_unknown_ngo(rng, b: Built) -> bool:
    """FR002: the NGO id misspelt, or an NGO that is not designated."""
    org = b.draft["first_responder"]["organisation"]
    if org["type"] != "ngo":
        return False
    org["ngo"] = rng.choice(
        ["salvationarmy", "the_salvation_army", "migranthelp", "hope_for_justice", "barnardos_uk"]
    )
    return True


def m_wrong_nation_org(rng, b: Built) -> bool:
    """FR003: a Northern Ireland HSC Trust refers someone met elsewhere."""
    d = b.draft
    if d["nation"] == "northern_ireland":
        return False
    fr = d["first_responder"]
    trust = rng.choice(["belfasttrust", "setrust", "westerntrust", "northerntrust"])
    fr["organisation"] = {"type": "hsc_trust", "name": HSC_TRUSTS_NAME}
    set_email(fr, f"{trust}.hscni.net")
    return True


def m_dtn_by_ngo(rng, b: Built) -> bool:
    """FR006: an NGO files a Duty to Notify, which only public authorities may."""
    d = b.draft
    if d["route"] != "duty_to_notify":
        return False
    ngo = rng.choice(["salvation_army", "migrant_help", "medaille_trust"])
    fr = d["first_responder"]
    fr["organisation"] = {"type": "ngo", "name": NGO_NAMES[ngo], "ngo": ngo}
    set_email(fr, NGO_DOMAINS[ngo])
    return True


def m_other_organisations_domain(rng, b: Built) -> bool:
    """FR007: a recognised address of another organisation: a police officer seconded to the
    council's safeguarding hub, a council worker on the police's system, a worker who picked
    the wrong charity from the list."""
    fr = b.draft["first_responder"]
    otype, area = fr["organisation"]["type"], b.responder.area
    ngo = fr["organisation"].get("ngo")
    if otype in ("police", "home_office", "national_crime_agency", "glaa"):
        domain = area.domain
    elif otype == "local_authority":
        domain = area.force_domain
    elif otype == "ngo" and ngo in NGO_DOMAINS and ngo not in form_lists().unknown_domain_ngos:
        # FR007 needs a domain the registry knows to be the NGO's own: TARA has none.
        domain = NGO_DOMAINS[rng.choice([n for n in NGO_DOMAINS if n != ngo])]
    else:
        return False
    set_email(fr, domain)
    return True


def typed_name(rng, name: str) -> str | None:
    """An organisation, council or police force as people type it, not as the service's lists
    spell it: "Croydon Council", "Cardiff Council", "Kent CC", "Lincs Police"."""
    slip = NAME_SLIPS.get(name)
    if not slip and name.startswith("Home Office - "):
        slip = rng.choice(["Home Office", "Immigration Enforcement", "UK Visas and Immigration"])
    elif not slip and name.endswith(" Police"):
        slip = name[: -len(" Police")] + " Constabulary"
    elif not slip and name.endswith(" Constabulary"):
        slip = name[: -len(" Constabulary")] + " Police"
    elif not slip and name.startswith("London Borough of "):
        slip = name[len("London Borough of ") :] + " Council"
    elif not slip and name.startswith(("City of ", "City and County of ", "The ")):
        slip = name.split(" of ", 1)[-1].removeprefix("The ")
        slip = slip if slip.endswith(" Council") else slip.removesuffix(" Council") + " Council"
    elif not slip and " & " in name:
        slip = name.replace(" & ", " and ")
    elif not slip and name.endswith(" Council"):
        slip = name.replace(" County Council", " CC").replace(" City Council", " Council")
        slip = slip.replace(" Metropolitan Borough Council", " MBC")
        if slip == name:
            slip = name + " Children's Services"
    return slip


def m_unlisted_name(rng, b: Built) -> bool:
    """FR008: the organisation's name typed as people say it, not picked from the list."""
    org = b.draft["first_responder"]["organisation"]
    slip = typed_name(rng, org["name"])
    if not slip or slip in form_lists().organisations:
        return False
    org["name"] = slip
    return True


TEAMS = {  # the team a first responder works in, which they add to the organisation's name
    "police": ["Modern Slavery Unit", "Child Exploitation Team", "Public Protection Unit"],
    "local_authority": ["Safeguarding Team", "Children's Services", "MASH", "Adult Social Care"],
    "home_office": ["Safeguarding Team", "NRM Team"],
    "national_crime_agency": ["Modern Slavery and Human Trafficking Unit"],
    "glaa": ["Intelligence Team"],
    "ngo": ["Anti-Trafficking Team", "Modern Slavery Service", "Outreach Team"],
}  # fmt: skip


def m_team_name(rng, b: Built) -> bool:
    """FR008: the organisation named as its team says it: "Lincolnshire County Council
    Safeguarding Team"."""
    org = b.draft["first_responder"]["organisation"]
    if org["type"] not in TEAMS:
        return False
    named = f"{org['name']} {rng.choice(TEAMS[org['type']])}"
    if named in form_lists().organisations:
        return False
    org["name"] = named
    return True


def m_no_consent_note(rng, b: Built) -> bool:
    """CON003: the child's consent note left out, or half filled in."""
    d = b.draft
    if not is_child(d) or "consent_note" not in d:
        return False
    if rng.random() < 0.7:
        del d["consent_note"]
    elif d["consent_note"]["child_informed"]:
        del d["consent_note"]["informed_on"]
    else:
        del d["consent_note"]["reason_not_informed"]
    return True


def m_no_consent(rng, b: Built) -> bool:
    """CON001: an adult referred without their consent."""
    d = b.draft
    if not adult_nrm(d) or "consent" not in d:
        return False
    if rng.random() < 0.5:
        del d["consent"]
    else:
        d["consent"] = {"given": False}
    return True


def m_not_explained(rng, b: Built) -> bool:
    """CON002: consent taken without explaining all four points."""
    explained = get(b.draft, "consent", "explained")
    if not adult_nrm(b.draft) or not explained:
        return False
    explained[rng.choice(["nrm", "support", "outcomes", "information_sharing"])] = False
    return True


def m_data_use(rng, b: Built) -> bool:
    """CON004: the child was told of the referral but not how their data is used."""
    note = b.draft.get("consent_note")
    if not is_child(b.draft) or not note or not note["child_informed"]:
        return False
    note["data_use_explained"] = False
    return True


def m_child_consent(rng, b: Built) -> bool:
    """CON005: a child's draft asks for consent, copied from an adult's."""
    d = b.draft
    if not is_child(d) or "consent" in d:
        return False
    consent = {
        "given": True,
        "date": d["prepared_on"],
        "explained": {"nrm": True, "support": True, "outcomes": True, "information_sharing": True},
    }
    put(d, "consent", consent)
    return True


def m_adult_consent_note(rng, b: Built) -> bool:
    """CON006: an adult's draft carries a child's consent note."""
    d = b.draft
    if not adult_nrm(d) or "consent_note" in d:
        return False
    note = {
        "child_informed": True,
        "informed_on": d["prepared_on"],
        "how_informed": "Explained in person with the referral form.",
        "data_use_explained": True,
    }
    put(d, "consent_note", note)
    return True


def child_safeguarding(b: Built) -> dict | None:
    return b.draft.get("safeguarding") if is_child(b.draft) else None


def drop_child_safeguarding(b: Built, member: str) -> bool:
    """Removes a member of a child's safeguarding record, if it is there."""
    sg = child_safeguarding(b)
    if not sg or member not in sg:
        return False
    del sg[member]
    return True


def m_no_children_services(rng, b: Built) -> bool:
    """SAF001: no safeguarding referral to children's services."""
    return drop_child_safeguarding(b, "children_services")


def m_police_not_told(rng, b: Built) -> bool:
    """SAF002: the police were not told about the child."""
    sg = child_safeguarding(b)
    if not sg or not get(sg, "police", "notified"):
        return False
    sg["police"] = {"notified": False}
    return True


def m_no_guardian(rng, b: Built) -> bool:
    """SAF003: no independent guardian referral."""
    return drop_child_safeguarding(b, "guardian")


def m_wrong_guardian(rng, b: Built) -> bool:
    """SAF004: another nation's guardian service."""
    sg = child_safeguarding(b)
    if not sg or "guardian" not in sg:
        return False
    wrong = [s for s in dict.fromkeys(GUARDIAN.values()) if s != GUARDIAN[b.draft["nation"]]]
    sg["guardian"]["service"] = rng.choice(wrong)
    return True


def m_adult_present(rng, b: Built) -> bool:
    """SAF005: the accompanying adult sat in on the interview."""
    interview = get(b.draft, "safeguarding", "interview")
    if not interview:
        return False
    interview["accompanying_adult_present"] = True
    if "separate_from_carers" in interview:
        interview["separate_from_carers"] = False
    return True


def m_family_interpreter(rng, b: Built) -> bool:
    """SAF006: a relative, friend or the accompanying adult interpreted."""
    interpreter = get(b.draft, "safeguarding", "interpreter")
    if not interpreter or not interpreter["used"]:
        return False
    interpreter["professional"] = False
    interpreter["relationship"] = rng.choice(
        ["family", "friend", "community_member", "accompanying_adult"]
    )
    return True


def m_same_nationality(rng, b: Built) -> bool:
    """SAF007: the child's interpreter is from the child's own country."""
    sg = child_safeguarding(b)
    if not sg or not get(sg, "interpreter", "used"):
        return False
    sg["interpreter"]["same_nationality"] = True
    return True


def m_interpreter_unrecorded(rng, b: Built) -> bool:
    """SAF008: an interpreter is needed but none is recorded."""
    sg = b.draft.get("safeguarding")
    if not sg or "interpreter" not in sg:
        return False
    del sg["interpreter"]
    return True


def m_interpreter_unused(rng, b: Built) -> bool:
    """SAF009: an interpreter is needed but none was used."""
    sg = b.draft.get("safeguarding")
    if not sg or "interpreter" not in sg:
        return False
    sg["interpreter"] = {"used": False}
    return True


def m_no_missing_plan(rng, b: Built) -> bool:
    """SAF010: a looked-after child with no plan for going missing."""
    sg = child_safeguarding(b)
    if not sg or not b.draft["potential_victim"].get("looked_after"):
        return False
    if rng.random() < 0.5:
        sg.pop("missing_plan", None)
    else:
        sg["missing_plan"] = False
    return True


def set_dob(b: Built, born: dt.date) -> None:
    pv = b.draft["potential_victim"]
    pv["date_of_birth"] = iso(born)
    pv.pop("date_of_birth_estimated", None)
    pv.pop("claimed_age", None)
    b.dob = born


def m_ni_young_adult(rng, b: Built) -> bool:
    """SAF011: Northern Ireland, 19 or 20, exploited from 16, no guardian."""
    d = b.draft
    if d["nation"] != "northern_ireland" or not adult_nrm(d) or b.dob is None:
        return False
    on = dt.date.fromisoformat(d["prepared_on"])
    set_dob(b, birth_date(rng, rng.choice([19, 20]), on, False))
    ex = d["exploitation"]
    began = add_years(b.dob, 16) + dt.timedelta(days=rng.randint(10, 300))
    ex["began_on"], ex["while_child"] = iso(began), True
    ex.pop("ended_on", None)  # it may have ended before the new began_on
    ordered(ex, "exploitation")
    rewrite_when(b)
    if "safeguarding" in d:
        d["safeguarding"].pop("guardian", None)
    return True


def m_adult_is_16(rng, b: Built) -> bool:
    """AGE001: `adult`, but the date of birth makes them 16 or 17."""
    d = b.draft
    if not adult_nrm(d) or b.dob is None:
        return False
    on = dt.date.fromisoformat(d["prepared_on"])
    set_dob(b, birth_date(rng, rng.choice([16, 17]), on, False))
    return True


def m_child_is_19(rng, b: Built) -> bool:
    """AGE002: `child`, but the date of birth makes them 18 or 19."""
    d = b.draft
    if d["potential_victim"]["age_status"] != "child" or b.dob is None:
        return False
    on = dt.date.fromisoformat(d["prepared_on"])
    set_dob(b, birth_date(rng, rng.choice([18, 19]), on, False))
    return True


def m_claims_16(rng, b: Built) -> bool:
    """AGE003: `adult`, though they say they are under 18."""
    d = b.draft
    if not adult_nrm(d):
        return False
    pv = d["potential_victim"]
    pv.pop("date_of_birth", None)
    pv.pop("date_of_birth_estimated", None)
    put(pv, "claimed_age", rng.choice([15, 16, 17]), "potential_victim")
    b.dob = None
    return True


def m_born_later(rng, b: Built) -> bool:
    """AGE004: the year of birth mistyped, after the referral date."""
    pv = b.draft["potential_victim"]
    if not pv.get("date_of_birth"):
        return False
    born = dt.date.fromisoformat(pv["date_of_birth"])
    pv["date_of_birth"] = iso(add_years(born, rng.choice([20, 36, 40, 100])))  # year typed wrong
    if dt.date.fromisoformat(pv["date_of_birth"]) <= dt.date.fromisoformat(b.draft["prepared_on"]):
        pv["date_of_birth"] = iso(add_years(born, 100))
    return True


def m_child_dtn(rng, b: Built) -> bool:
    """RTE001: a child notified anonymously instead of referred."""
    d = b.draft
    if (
        not is_child(d)
        or d["nation"] not in ("england", "wales")
        or d["first_responder"]["organisation"]["type"] not in PUBLIC_AUTHORITIES
    ):
        return False
    d["route"] = "duty_to_notify"
    anonymise(d["potential_victim"])
    put(d, "duty_to_notify", {})
    return True


def anonymise(pv: dict) -> None:
    for key in (
        "given_names",
        "family_name",
        "nickname",
        "date_of_birth",
        "date_of_birth_estimated",
    ):
        pv.pop(key, None)


def m_dtn_scotland(rng, b: Built) -> bool:
    """RTE002: a Duty to Notify in Scotland or Northern Ireland."""
    d = b.draft
    if d["route"] != "duty_to_notify" or is_child(d):
        return False
    nation = rng.choice(["scotland", "scotland", "northern_ireland"])
    responder = make_responder(rng, b.plan.kind, nation)
    d["nation"] = nation
    d["first_responder"] = first_responder(rng, b.plan.kind, nation, responder, "adult")
    del d["first_responder"]["contact_in_absence"]  # not asked on a Duty to Notify
    d["potential_victim"]["current_location"] = current_location(rng, responder.area)
    police = get(d, "safeguarding", "police")
    if police and police.get("notified"):
        police["force"] = responder.force
    return True


def m_dtn_consent(rng, b: Built) -> bool:
    """RTE003: a Duty to Notify for an adult who did consent."""
    d = b.draft
    if d["route"] != "duty_to_notify" or is_child(d):
        return False
    consent = {
        "given": True,
        "date": d["prepared_on"],
        "explained": {"nrm": True, "support": True, "outcomes": True, "information_sharing": True},
    }
    put(d, "consent", consent)
    return True


def m_dtn_named(rng, b: Built) -> bool:
    """RTE004: a Duty to Notify that names an adult who will not help the investigation, or
    gives an address for the decision."""
    d = b.draft
    if d["route"] != "duty_to_notify" or get(d, "cooperation", "willing") or is_child(d):
        return False
    pv = d["potential_victim"]
    if rng.random() < 0.25:
        put(d, "decision", decision(rng, pv, b.responder.area, "duty_to_notify"))
        return True
    pool = name_pool(rng, b.plan.nationality, tuple(pv["languages"]))
    given, family = person_name(rng, pool, pv["gender"][0])
    pv["given_names"], pv["family_name"] = given, family
    ordered(pv, "potential_victim")
    return True


def m_no_kind(rng, b: Built) -> bool:
    """REQ002: no kind of exploitation ticked, because it is not known yet (the service has no
    tick for that: `other`, with what is known)."""
    b.draft["exploitation"]["kinds"] = []
    b.draft["exploitation"].pop("other_kind", None)
    return True


def m_united_kingdom(rng, b: Built) -> bool:
    """SVC003: the UK among the countries where the exploitation happened overseas, which the
    service's list leaves out."""
    ex = b.draft["exploitation"]
    if "countries" not in ex or len(ex["countries"]) >= 10:
        return False
    uk = rng.choice(["United Kingdom", "United Kingdom", "UK", "England"])
    ex["countries"].insert(rng.randrange(len(ex["countries"]) + 1), uk)
    return True


def m_form_mismatch(rng, b: Built) -> bool:
    """EXP003: a form whose type none of the ticks is."""
    ex = b.draft["exploitation"]
    types = {kind_types()[kind] for kind in ex["kinds"]}
    needs = {
        "county_lines": "criminal",
        "cannabis_cultivation": "criminal",
        "car_wash": "labour",
        "agriculture": "labour",
        "nail_bar": "labour",
        "sexual_exploitation_online": "sexual",
    }
    options = [f for f, t in needs.items() if t not in types and f not in ex.get("forms", [])]
    if not options:
        return False
    put(ex, "forms", ex.get("forms", []) + [rng.choice(options)], "exploitation")
    return True


def m_while_child_wrong(rng, b: Built) -> bool:
    """EXP004: `while_child` contradicts the dates."""
    ex = b.draft["exploitation"]
    if b.dob is None or "began_on" not in ex or "while_child" not in ex:
        return False
    began = dt.date.fromisoformat(ex["began_on"])
    ex["while_child"] = not (age_on(b.dob, began) < 18)
    return True


def m_when_without_year(rng, b: Built) -> bool:
    """EXP005: the dates are given, but the account of when names neither year."""
    ex = b.draft["exploitation"]
    if "began_on" not in ex and "ended_on" not in ex:
        return False
    ex["when"] = fill(rng, rng.choice([
        "For about [six|eight|ten] months, until {he} [left|was found].",
        "It went on for [a few weeks|several months|most of the summer]; {he} cannot be exact.",
        "It started [last spring|in the autumn|after Christmas] and lasted [a few weeks|some "
        "months].",
    ]), b.words)  # fmt: skip
    return True


def m_future_date(rng, b: Built) -> bool:
    """DAT001: a date after the referral date."""
    d = b.draft
    candidates = [p for p in DATE_POINTERS[:6] if isinstance(get(d, *p), str)]
    if not candidates:
        return False
    path = rng.choice(candidates)
    if path[-1] == "began_on" and "ended_on" in d["exploitation"]:
        path = ("exploitation", "ended_on")  # a late began_on would also break DAT002
    on = dt.date.fromisoformat(d["prepared_on"])
    later = on + dt.timedelta(days=rng.randint(1, 40)) if rng.random() < 0.7 else add_years(on, 1)
    get(d, *path[:-1])[path[-1]] = iso(later)
    return True


def m_ends_before(rng, b: Built) -> bool:
    """DAT002: the exploitation ends before it began, or ended while ongoing."""
    ex = b.draft["exploitation"]
    if "ended_on" not in ex:
        return False
    if "began_on" in ex and rng.random() < 0.6:
        ex["began_on"], ex["ended_on"] = ex["ended_on"], ex["began_on"]
        if b.dob and isinstance(ex.get("while_child"), bool):  # keep EXP004 out of it
            ex["while_child"] = age_on(b.dob, dt.date.fromisoformat(ex["began_on"])) < 18
    else:
        ex["ongoing"] = True
        if "how_they_left" in ex:  # the answer to the question the form now asks
            del ex["how_they_left"]
            put(ex, "what_keeps_them", say(rng, WHAT_KEEPS_THEM, ["any"], b.words), "exploitation")
    return True


def shift_all(b: Built, days: int) -> None:
    """Every date moves together, so ages and the order of events stay as they were."""
    shift_dates(b.draft, days)
    if b.dob:
        b.dob += dt.timedelta(days=days)
    rewrite_when(b)


def m_prepared_later(rng, b: Built) -> bool:
    """DAT003: the referral dated after today."""
    age = (b.today - dt.date.fromisoformat(b.draft["prepared_on"])).days
    shift_all(b, age + rng.randint(1, 40))  # a typo, or a draft dated ahead
    return True


def m_stale(rng, b: Built) -> bool:
    """DAT004: a draft written weeks ago and never sent."""
    age = (b.today - dt.date.fromisoformat(b.draft["prepared_on"])).days
    shift_all(b, -(31 - age + rng.randint(0, 120)))  # written weeks ago, never sent
    return True


def m_missing_required(rng, b: Built) -> bool:
    """REQ001: a required member left out: a question skipped, or the answer the service asks
    after a yes (the journey when they were taken somewhere)."""
    d = b.draft
    ex = d["exploitation"]
    options = [
        ("professional", "insight"),
        ("professional", "insight"),
        ("exploitation", "when"),
        ("exploitation", "how_it_started"),
        ("exploitation", "treatment"),
        ("exploitation", "ongoing"),
        ("exploitation", "kinds"),
        ("exploiters", "who"),
        ("first_responder", "phone"),
        ("first_responder", "last_name"),
        ("potential_victim", "current_location"),
        ("cooperation",),
        ("background", "education"),
        ("background", "previous_employment"),
        ("background",),
    ]
    if d["route"] == "nrm":
        options += [("first_responder", "contact_in_absence"), ("potential_victim", "family_name")]
    for member in ("journey", "what_keeps_them", "not_reported_reasons", "uk_towns", "countries"):
        if member in ex:
            options.append(("exploitation", member))
    path = rng.choice(options)
    del (get(d, *path[:-1]) if len(path) > 1 else d)[path[-1]]
    return True


def m_bad_value(rng, b: Built) -> bool:
    """REQ002: 2026-02-30, England for england, M, a phone extension, a blank answer, "No"
    where the service's yes or no is true or false, a code the format does not have, a
    document with its folder, eleven towns where the service takes ten."""
    d = b.draft
    pv, ex = d["potential_victim"], d["exploitation"]
    choice = rng.choice(
        ["february", "february", "nation", "gender", "phone", "language", "blank", "blank", "tri",
         "last_contact", "towns", "file"]
    )  # fmt: skip
    if choice == "february":
        dates = [p for p in DATE_POINTERS[:6] if isinstance(get(d, *p), str)]
        if not dates:
            return False
        path = rng.choice(dates)
        get(d, *path[:-1])[path[-1]] = "2026-02-30"
    elif choice == "nation":
        d["nation"] = d["nation"].replace("_", " ").title()
    elif choice == "gender":
        pv["gender"] = {"male": "M", "female": "F"}.get(pv["gender"], "X")
    elif choice == "phone":
        d["first_responder"]["phone"] += " ext 12"
    elif choice == "blank":
        member = rng.choice(["how_it_started", "what_they_had_to_do", "living_conditions"])
        ex[member] = rng.choice([" ", ""])
    elif choice == "tri":
        ex["taken_somewhere"] = "yes" if ex["taken_somewhere"] else "no"
    elif choice == "last_contact":
        ex["last_contact"] = rng.choice(["last week", "within_a_week", "1 month"])
    elif choice == "towns":
        if "uk_towns" not in ex:
            return False
        ex["uk_towns"] = [] if rng.random() < 0.5 else [town(t) for t in DESTINATIONS["lines"][
            "england"][:11]]  # fmt: skip
    elif choice == "file":
        if not d.get("evidence"):
            return False
        item = d["evidence"][0]
        item["file"] = "C:\\Users\\Documents\\Referrals\\" + item["file"]
    else:
        pv["languages"] = [
            {"vi": "vn", "sq": "al", "ar": "arabic", "en": "EN"}.get(pv["languages"][0], "xx")
        ] + pv["languages"][1:]
    return True


def m_count_in_words(rng, b: Built) -> bool:
    """SVC009: the number of children in words ("two"), where the service takes digits."""
    children = b.draft["potential_victim"].get("children", {})
    if not children.get("has"):
        return False
    children["count"] = COUNT_WORDS[children["count"] - 1]
    return True


def m_too_long(rng, b: Built) -> bool:
    """SVC005: a statement pasted in over the service's 15,000 characters (as it counts them:
    each line break two)."""
    ex = b.draft["exploitation"]
    account = ex["what_they_had_to_do"]
    ex["what_they_had_to_do"] = "\n".join([account] * (15_100 // (len(account) + 2) + 1))
    return True


def m_journey_not_taken(rng, b: Built) -> bool:
    """REQ002: a journey told, though the answer to "taken somewhere by the exploiters" is no:
    the person travelled on their own, or the answer was changed and the journey left in."""
    d = b.draft
    ex = d["exploitation"]
    if ex["taken_somewhere"]:
        ex["taken_somewhere"] = False
        return True
    if b.plan.nationality in ("GB", "unknown"):
        return False
    journey = fill(
        rng,
        "{He} travelled on {his} own [by coach|by plane|by car with friends] "
        "from {country}, and was met by the exploiters in the UK.",
        b.words,
    )
    put(ex, "journey", journey, "exploitation")
    return True


def m_child_decision(rng, b: Built) -> bool:
    """DEC002: a child's draft asks where to send the decision, or for support, as an adult's
    would: the online form asks neither for a child."""
    d = b.draft
    if not is_child(d) or "decision" in d or "support" in d:
        return False
    if rng.random() < 0.6:
        put(d, "decision", decision(rng, d["potential_victim"], b.responder.area, "nrm"))
    else:
        put(d, "support", support_request(rng, d["potential_victim"], b.words))
    return True


def m_unsafe_address(rng, b: Built) -> bool:
    """DEC001: the decision is to go where it is not safe to write (the box left unticked, or
    false), or to someone the person has not given permission to receive it."""
    found = b.draft.get("decision")
    if not found:
        return False
    tick = rng.choice([t for t in ("email_safe", "post_safe", "permission") if t in found])
    if tick != "permission" and rng.random() < 0.5:  # the box left unticked
        del found[tick]
    else:
        found[tick] = False
    return True


def m_indicators_not_identified(rng, b: Built) -> bool:
    """PRO001: "no indicators identified" answered, yet the coded indicators are listed."""
    d = b.draft
    pro, ex = d["professional"], d["exploitation"]
    if not pro["indicators_identified"]:
        return False
    pro["indicators_identified"] = False
    del pro["indicators_details"]
    if "indicators" not in ex:
        child = is_child(d)
        codes = indicators_for(rng, b.types, child, ex["location"] != "uk")
        put(ex, "indicators", codes, "exploitation")
    return True


def m_misspelt(rng, b: Built) -> bool:
    """INP003: a misspelt member name (`familyname`, `surname`)."""
    d = b.draft
    pv = d["potential_victim"]
    options = [("first_responder", "email", "e-mail"),
               ("first_responder", "first_name", "firstname"),
               ("first_responder", "last_name", "surname"),
               ("exploitation", "how_it_started", "how_it_start"),
               ("exploitation", "living_conditions", "living_condition"),
               ("professional", "insight", "insights")]  # fmt: skip
    if "contact_in_absence" in d["first_responder"]:
        options += [("first_responder", "contact_in_absence", "contact_in_absense")]
    if "family_name" in pv:
        options += [("potential_victim", "family_name", "familyname")] * 2
        options += [("potential_victim", "given_names", "given_name")] * 2
    if "nickname" in pv:
        options += [("potential_victim", "nickname", "nick_name")]
    if "date_of_birth" in pv:
        options += [("potential_victim", "date_of_birth", "date_of_brith")]
    if "town" in pv.get("current_location", {}):
        options += [("current_location", "town", "twon")]
    if "crime_reference" in (get(d, "safeguarding", "police") or {}):
        options += [("police", "crime_reference", "crime_ref")]
    if "ended_on" in d["exploitation"]:
        options += [("exploitation", "ended_on", "end_date")]
    if "uk_location_details" in d["exploitation"]:
        options += [("exploitation", "uk_location_details", "uk_location_detail")]
    if "whereabouts" in d["exploiters"]:
        options += [("exploiters", "whereabouts", "where_abouts")]
    if "previous_employment" in d["background"]:
        options += [("background", "previous_employment", "previous_employement")]
    where, old, new = rng.choice(options)
    parents = {
        "current_location": ("potential_victim", "current_location"),
        "police": ("safeguarding", "police"),
    }
    rename_key(get(d, *parents.get(where, (where,))), old, new)
    return True


def m_version2_member(rng, b: Built) -> bool:
    """INP003: a member of format version 2 kept in a version 3 draft, copied from an old one
    (`aliases` for `nickname`, the first responder's one `name`, `types` for the ticks)."""
    d = b.draft
    pv, fr, ex = d["potential_victim"], d["first_responder"], d["exploitation"]
    choice = rng.choice(["name", "name", "types", "aliases", "location_details"])
    if choice == "name":  # in the first name's place
        fr["first_name"] = f"{fr['first_name']} {fr.pop('last_name')}"
        rename_key(fr, "first_name", "name")
    elif choice == "types":
        ex["types"] = [t if t != "unknown" else "other" for t in b.types]
        del ex["kinds"]
        ex.pop("other_kind", None)
        ordered(ex, "exploitation")
    elif choice == "aliases" and "nickname" in pv:
        rename_key(pv, "nickname", "aliases")
        pv["aliases"] = pv["aliases"].split(", ")
    elif choice == "location_details" and "uk_location_details" in ex:
        rename_key(ex, "uk_location_details", "location_details")
    else:
        return False
    return True


def m_other_version(rng, b: Built) -> bool:
    """INP005: a draft of a format version this tool does not know."""
    b.draft["format_version"] = 4
    return True


# Answers typed instead of chosen from the service's lists: the name people use, the
# abbreviation, the code of format version 2, the lower case of a quick note.
TOWN_SLIPS = {
    "Newcastle upon Tyne": "Newcastle", "Stoke-on-Trent": "Stoke", "Brighton and Hove": "Brighton",
    "King's Lynn": "Kings Lynn", "Southend-on-Sea": "Southend", "Barrow-in-Furness": "Barrow",
    "Kingston upon Hull": "Hull", "Derry / Londonderry": "Londonderry", "Sutton Coldfield":
    "Sutton Coldfield, Birmingham", "Weston-Super-Mare": "Weston-super-Mare",
}  # fmt: skip
REGION_SLIPS = {
    "Greater London": "London", "Greater Manchester": "Manchester", "West Midlands": "Birmingham",
    "West Yorkshire": "Yorkshire", "South Yorkshire": "Yorkshire", "South Glamorgan":
    "Glamorgan", "West Glamorgan": "Swansea", "City of Glasgow": "Glasgow", "City of Edinburgh":
    "Edinburgh", "County Antrim": "Co. Antrim", "County Armagh": "Co. Armagh", "Tyne and Wear":
    "Tyneside", "Merseyside": "Liverpool", "Lincolnshire": "Lincs", "Hampshire": "Hants",
}  # fmt: skip
COUNTRY_SLIPS = {
    "Vietnam": "Viet Nam", "Czechia": "Czech Republic", "Ivory Coast": "Côte d'Ivoire",
    "Congo (Democratic Republic)": "DRC", "The Gambia": "Gambia", "Burma": "Myanmar",
    "Turkey": "Türkiye", "United Arab Emirates": "UAE", "Netherlands": "Holland",
    "Iraq": "Kurdistan", "Eritrea": "Eritria", "Albania": "Albanian",
}  # fmt: skip
NATIONS = {"england": "England", "wales": "Wales", "scotland": "Scotland",
           "northern_ireland": "Northern Ireland"}  # fmt: skip


def typed_town(listed: str) -> str:
    """A town as typed: "Cardiff" for "Cardiff / Caerdydd", "Newcastle", else in lower case."""
    slip = TOWN_SLIPS.get(listed) or listed.split(" / ")[0]
    return slip if slip not in form_lists().towns else listed.lower()


def m_typed_town(rng, b: Built) -> bool:
    """SVC003: a town typed, not chosen from the service's list: where they are staying, or
    where they were exploited."""
    d = b.draft
    towns = d["exploitation"].get("uk_towns", [])
    places = [(d["potential_victim"]["current_location"], "town")]
    places += [(towns, i) for i in range(len(towns))]
    places = [(parent, key) for parent, key in places if parent[key] != "Unknown"]
    if not places:
        return False
    parent, key = rng.choice(places)
    parent[key] = typed_town(parent[key])
    return True


def m_typed_region(rng, b: Built) -> bool:
    """SVC003: the region typed as people say it ("London", "Lincs"), or the nation."""
    location = b.draft["potential_victim"]["current_location"]
    if location["region"] == "Unknown":
        return False
    location["region"] = REGION_SLIPS.get(location["region"]) or NATIONS[b.draft["nation"]]
    return True


def m_typed_local_authority(rng, b: Built) -> bool:
    """SVC003: the council contacted about a child typed as people say it: "Cardiff Council"
    for "City of Cardiff Council", "Croydon Council", "Kent CC"."""
    services = get(b.draft, "safeguarding", "children_services")
    if not services or "local_authority" not in services:
        return False
    slip = typed_name(rng, services["local_authority"])
    if not slip or slip in form_lists().local_authorities:
        return False
    services["local_authority"] = slip
    return True


def m_nationality_code(rng, b: Built) -> bool:
    """SVC003: the nationality as format version 2 wrote it, an ISO code ("VN"), or as the
    country ("Albania", "UK"), or in lower case."""
    pv = b.draft["potential_victim"]
    code = b.plan.nationality
    if code == "unknown":
        return False
    roll = rng.random()
    if roll < 0.5:
        pv["nationality"] = code if code != "GB" else rng.choice(["GB", "UK"])
    elif roll < 0.75 and country_entry(code):
        pv["nationality"] = country_entry(code)
    else:
        pv["nationality"] = pv["nationality"].lower()
    return True


def m_typed_force(rng, b: Built) -> bool:
    """SVC003: the police force of the crime reference typed ("Metropolitan Police", "Kent
    Constabulary"), not chosen from the list."""
    report = b.draft["crime_report"]
    if not report["exists"]:
        return False
    slip = typed_name(rng, report["police_force"])
    if not slip or slip in form_lists().forces:
        return False
    report["police_force"] = slip
    return True


def m_typed_country(rng, b: Built) -> bool:
    """SVC003: a country where it happened typed as people say it ("Viet Nam", "Kurdistan"), or
    as format version 2 wrote it, an ISO code."""
    countries = b.draft["exploitation"].get("countries")
    if not countries or countries == ["Unknown"]:
        return False
    index = rng.choice([i for i, c in enumerate(countries) if c != "Unknown"])
    codes = {entry: code for code, entry in form_lists().country_entries.items()}
    countries[index] = COUNTRY_SLIPS.get(countries[index]) or codes[countries[index]]
    return True


def m_phone_abroad(rng, b: Built) -> bool:
    """SVC001: the person's own number from abroad written as it is dialled at home, without
    the country code: the service reads it as a UK number, and refuses it."""
    contact = get(b.draft, "support", "contact")
    if not contact or contact["by"] != "own_phone" or b.plan.nationality not in FOREIGN_MOBILES:
        return False
    contact["phone"] = foreign_mobile(rng, b.plan.nationality, home=True)
    return True


def m_drama_number(rng, b: Built) -> bool:
    """SVC001: a number from Ofcom's ranges for drama, copied from a training example or a
    template, which the service refuses."""
    contact = get(b.draft, "support", "contact")
    if not contact or contact["by"] == "none":
        return False
    parent = contact if contact["by"] == "own_phone" else contact["alternative"]
    parent["phone"] = f"{rng.choice(['07700 900', '01632 960'])}{rng.randint(0, 999):03d}"
    return True


def m_address_in_details(rng, b: Built) -> bool:
    """SVC004: an email or web address in the details of the last contact or of co-operation,
    which the service refuses (it guards those two against addresses)."""
    d = b.draft
    words = b.words or {}
    boss = ascii_fold(str(words.get("boss", "")).split(" ")[-1]) or "boss"
    if "details" in d["cooperation"] and rng.random() < 0.4:
        given, family = staff_member(rng, d["nation"])
        domain = d["first_responder"]["email"].split("@")[1]
        officer = f"{given} {family}, {staff_email(rng, given, family, domain)}"
        d["cooperation"]["details"] += f" The officer in the case is {officer}."
        return True
    number = rng.randint(1, 99)
    address = rng.choice([f"{boss}{number}@{rng.choice(WEBMAIL)}", f"facebook.com/{boss}.{number}"])
    said = " [Messages came|{He} was contacted] from " + address + "."
    d["exploitation"]["last_contact_details"] += fill(rng, said, words)
    return True


LINES = {  # one-line answers that people paste on two lines, by how often
    ("decision", "post", "building_and_street"): 4, ("background", "place_of_birth"): 2,
    ("potential_victim", "home_office_references", "details"): 2, ("first_responder", "role"): 1,
    ("support", "contact", "alternative", "relationship"): 1,
}  # fmt: skip


def m_line_break(rng, b: Built) -> bool:
    """REQ002: a line break in a one-line answer: an address or a reference pasted from a
    letter, on two lines after its first comma; a role on two."""
    answers = {
        path: weight for path, weight in LINES.items() if isinstance(get(b.draft, *path), str)
    }
    answers = {path: w for path, w in answers.items() if re.search(r"[,;] ", get(b.draft, *path))}
    if not answers:
        return False
    path = pick(rng, answers)
    text = get(b.draft, *path)
    get(b.draft, *path[:-1])[path[-1]] = re.sub(r"([,;]) ", r"\1\n", text, count=1)
    return True


def m_word_dash(rng, b: Built) -> bool:
    """SVC006: an answer pasted from a word processor, which made a dash of " - ": the service
    stores an en or em dash as a hyphen."""
    ex = b.draft["exploitation"]
    member = rng.choice(["when", "how_it_started", "treatment", "what_they_had_to_do"])
    if not isinstance(ex.get(member), str) or not re.search(r"[,;] ", ex[member]):
        return False
    ex[member] = re.sub(r"[,;] ", rng.choice([" \u2013 ", " \u2014 "]), ex[member], count=1)
    return True


def m_photo_type(rng, b: Built) -> bool:
    """SVC007: a document the upload page refuses: a phone's photo as HEIC, a note as text, an
    email saved from Outlook."""
    items = b.draft.get("evidence")
    if not items:
        return False
    item = rng.choice(items)
    stem = item["file"].rsplit(".", 1)[0]
    item["file"] = stem + ("." + rng.choice(["heic", "heic", "txt", "msg"]))
    return True


# Text-level mistakes act on the JSON text after it is written out.
def t_repeated(rng, text: str) -> str | None:
    """INP002: a line pasted twice (same member, same value)."""
    lines = text.split("\n")
    keys = ("phone", "gender", "nationality", "ongoing", "role", "route", "when", "insight")
    candidates = [
        i for i, line in enumerate(lines) if any(line.lstrip().startswith(f'"{k}": ') for k in keys)
    ]
    if not candidates:
        return None
    i = rng.choice(candidates)
    copy = lines[i] if lines[i].endswith(",") else lines[i] + ","
    return "\n".join(lines[:i] + [copy] + lines[i:])


def t_truncated(rng, text: str) -> str | None:
    """INP001: the file cut short (a full disk, an interrupted copy)."""
    return text[: rng.randint(len(text) // 4, len(text) * 9 // 10)]


def t_not_utf8(rng, text: str) -> bytes | None:
    """INP004: saved as Windows-1252 by an old editor: an accented letter is not UTF-8."""
    data = text.encode("cp1252", errors="replace")
    try:
        data.decode("utf-8")
        return None  # nothing outside ASCII: this draft cannot show the mistake
    except UnicodeDecodeError:
        return data


@dataclass(frozen=True)
class Mistake:
    rule: str
    weight: float
    group: str  # two mistakes of one group could undo each other: at most one per draft
    apply: object
    text: bool = False  # acts on the JSON text
    alone: bool = False  # hides every other finding (the file cannot be read, or not as v2)


MISTAKES = [
    Mistake("FR004", 8, "org", m_webmail),
    Mistake("FR001", 7, "org", m_not_designated),
    Mistake("FR002", 6, "org", m_unknown_ngo),  # high weights: fits few drafts
    Mistake("FR003", 1, "org", m_wrong_nation_org),
    Mistake("FR006", 3, "org", m_dtn_by_ngo),
    Mistake("FR007", 2, "org", m_other_organisations_domain),
    Mistake("FR008", 3, "org", m_unlisted_name),
    Mistake("CON003", 8, "note", m_no_consent_note),
    Mistake("CON001", 4, "consent", m_no_consent),
    Mistake("CON002", 6, "consent", m_not_explained),
    Mistake("CON004", 1.5, "note", m_data_use),
    Mistake("CON005", 2, "consent", m_child_consent),
    Mistake("CON006", 1.5, "note", m_adult_consent_note),
    Mistake("SAF001", 3, "services", m_no_children_services),
    Mistake("SAF002", 5, "police", m_police_not_told),
    Mistake("SAF003", 6, "guardian", m_no_guardian),
    Mistake("SAF004", 1.5, "guardian", m_wrong_guardian),
    Mistake("SAF005", 5, "interview", m_adult_present),
    Mistake("SAF006", 5, "interpreter", m_family_interpreter),
    Mistake("SAF007", 3, "interpreter", m_same_nationality),
    Mistake("SAF008", 3, "interpreter", m_interpreter_unrecorded),
    Mistake("SAF009", 2, "interpreter", m_interpreter_unused),
    Mistake("SAF010", 3, "services", m_no_missing_plan),
    Mistake("SAF011", 20, "age", m_ni_young_adult),
    Mistake("AGE001", 4, "age", m_adult_is_16),
    Mistake("AGE002", 3, "age", m_child_is_19),
    Mistake("AGE003", 3, "age", m_claims_16),
    Mistake("AGE004", 1.5, "age", m_born_later),
    Mistake("RTE001", 1.5, "route", m_child_dtn),
    Mistake("RTE002", 2, "org", m_dtn_scotland),
    Mistake("RTE003", 1.5, "consent", m_dtn_consent),
    Mistake("RTE004", 4, "route", m_dtn_named),
    Mistake("REQ002", 1.5, "types", m_no_kind),  # version 2's `unknown` beside a type
    Mistake("SVC003", 3, "countries", m_united_kingdom),  # version 2's countries and location
    Mistake("EXP003", 3, "types", m_form_mismatch),
    Mistake("EXP004", 2, "age", m_while_child_wrong),
    Mistake("EXP005", 2, "when", m_when_without_year),
    Mistake("DAT001", 5, "dates", m_future_date),
    Mistake("DAT002", 2, "dates", m_ends_before),
    Mistake("DAT003", 1.5, "dates", m_prepared_later),
    Mistake("DAT004", 6, "dates", m_stale),
    Mistake("DEC001", 3, "decision", m_unsafe_address),
    Mistake("DEC002", 3, "decision", m_child_decision),
    Mistake("PRO001", 2, "indicators", m_indicators_not_identified),
    Mistake("REQ001", 4, "required", m_missing_required),
    Mistake("REQ002", 4.5, "value", m_bad_value),
    Mistake("SVC005", 0.5, "value", m_too_long),
    Mistake("SVC009", 2, "value", m_count_in_words),  # fits few drafts
    Mistake("REQ002", 3, "journey", m_journey_not_taken),
    Mistake("INP001", 2, "file", t_truncated, text=True, alone=True),
    Mistake("INP002", 2, "file", t_repeated, text=True),
    Mistake("INP003", 4, "spelling", m_misspelt),
    Mistake("INP004", 2, "file", t_not_utf8, text=True, alone=True),
    Mistake("INP005", 0.5, "file", m_other_version, alone=True),
    # What version 3 catches that version 2 did not: answers the service would refuse.
    Mistake("SVC003", 8, "lists", m_typed_town),
    Mistake("SVC003", 3, "lists", m_typed_region),
    Mistake("SVC003", 6, "lists", m_typed_local_authority),
    Mistake("SVC003", 6, "lists", m_nationality_code),
    Mistake("SVC003", 3, "lists", m_typed_force),
    Mistake("SVC003", 3, "lists", m_typed_country),
    Mistake("FR008", 5, "org", m_team_name),
    Mistake("INP003", 3, "spelling", m_version2_member),
    Mistake("SVC001", 6, "phone", m_phone_abroad),  # fits few drafts
    Mistake("SVC001", 3, "phone", m_drama_number),
    Mistake("SVC004", 4, "details", m_address_in_details),
    Mistake("REQ002", 4, "line", m_line_break),
    Mistake("SVC006", 3, "dash", m_word_dash),
    Mistake("SVC007", 2, "upload", m_photo_type),
]
# Pairs of groups where the second mistake could undo or hide the first: the date shifts and
# the age rules both read dates; removing an object (a consent note, a guardian) loses a date
# made wrong inside it; an adult made a child by the age mistakes escapes the adult consent
# rules, and a child made an adult may have a decision; a misspelt member can remove what
# another mistake changed; an invalid value (a nation "England", a date 2026-02-30) defeats the
# rules that read it; moving or retyping the dates rewrites the account of when; a new first
# responder or place (RTE002) replaces a typed answer; a child made an adult has no local
# authority to type.
CONFLICTS = {
    frozenset(pair)
    for pair in [("dates", "age"), ("dates", "spelling"), ("dates", "value"),
                 ("dates", "required"), ("dates", "note"), ("dates", "consent"),
                 ("dates", "services"), ("dates", "guardian"), ("age", "consent"),
                 ("age", "note"), ("age", "spelling"), ("age", "value"), ("age", "route"),
                 ("spelling", "police"), ("spelling", "required"), ("spelling", "value"),
                 ("org", "spelling"), ("org", "value"), ("org", "route"), ("org", "required"),
                 ("value", "countries"), ("value", "guardian"), ("value", "route"), ("route", "required"),
                 ("value", "required"), ("value", "consent"), ("value", "note"),
                 ("value", "services"), ("decision", "age"), ("decision", "route"),
                 ("decision", "value"), ("decision", "consent"), ("when", "dates"),
                 ("when", "age"), ("when", "required"), ("when", "value"),
                 ("when", "spelling"), ("indicators", "required"), ("indicators", "value"),
                 ("journey", "required"), ("journey", "value"), ("journey", "spelling"),
                 ("lists", "spelling"), ("lists", "services"), ("lists", "required"),
                 ("lists", "value"), ("lists", "org"), ("lists", "countries"), ("lists", "age"),
                 ("types", "spelling"), ("types", "required"), ("types", "value"),
                 ("phone", "age"), ("phone", "decision"), ("details", "spelling"),
                 ("details", "required"), ("details", "value"), ("line", "spelling"),
                 ("line", "required"), ("line", "decision"), ("line", "value"),
                 ("line", "age"), ("line", "org"), ("dash", "value"), ("dash", "required"), ("dash", "spelling"),
                 ("dash", "when"), ("dash", "dates"), ("dash", "journey"), ("upload", "value"),
                 ("upload", "route"), ("upload", "age")]
}  # fmt: skip


def fits_text(mistake: Mistake, built: Built) -> bool:
    """Whether a text-level mistake can show in this draft (a draft without an accented
    letter stays valid UTF-8 in Windows-1252)."""
    text = render(built.draft)
    return mistake.apply(random.Random(0), text) is not None


def add_mistakes(rng: random.Random, built: Built) -> tuple[list[Mistake], list]:
    """One or two mistakes that fit the draft; returns them and the text-level ones to apply."""
    wanted = 2 if rng.random() < 0.3 else 1
    chosen: list[Mistake] = []
    candidates = list(MISTAKES)
    while candidates and len(chosen) < wanted:
        mistake = rng.choices(candidates, weights=[m.weight for m in candidates])[0]
        candidates.remove(mistake)
        if chosen and (
            mistake.alone
            or mistake.group == chosen[0].group
            or mistake.rule == chosen[0].rule
            or frozenset((chosen[0].group, mistake.group)) in CONFLICTS
        ):
            continue
        if mistake.text:
            if fits_text(mistake, built):
                chosen.append(mistake)  # applied once the draft is written out
        elif mistake.apply(rng, built):
            chosen.append(mistake)
        if chosen and chosen[-1].alone:
            break
    return chosen, [m for m in chosen if m.text]


# ------------------------------------------------------------------------------------------
# Output
# ------------------------------------------------------------------------------------------


_INLINE = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))  # the C encoder


def render(value, indent: str = "  ", depth: int = 0) -> str:
    """JSON in the style of the spec's examples: the top two levels one member a line, deeper
    objects and arrays inline. Also far faster than json.dumps(indent=...), which runs the
    pure-Python encoder."""
    if isinstance(value, dict) and value and depth < 2:
        pad = indent * (depth + 1)
        members = [
            f"{pad}{_INLINE.encode(k)}: {render(v, indent, depth + 1)}" for k, v in value.items()
        ]
        return "{\n" + ",\n".join(members) + "\n" + indent * depth + "}"
    return _INLINE.encode(value)


def layout(rng: random.Random, draft: dict) -> tuple[str, str]:
    """Most drafts as an editor saves them on Linux; some with a 4-space indent, or from
    Windows: CRLF line ends, or a byte-order mark (which the format tolerates). Returns the
    text and the Windows variant, applied by `finish` after any text-level mistake."""
    roll = rng.random()
    text = render(draft, "    " if roll < 0.04 else "  ") + "\n"
    return text, "crlf" if 0.04 <= roll < 0.07 else "bom" if 0.07 <= roll < 0.10 else ""


def finish(text: str, variant: str) -> bytes:
    if variant == "crlf":
        text = text.replace("\n", "\r\n")
    elif variant == "bom":
        text = "\ufeff" + text
    return text.encode("utf-8")


def write_corpus(out: Path, count: int, seed: int, fraction: float, today: dt.date) -> None:
    people, stats = load_year()
    rng = random.Random(seed)
    chosen = sample(rng, people, count)
    plans = plan_all(rng, chosen, stats)
    flawed = set(rng.sample(range(len(plans)), round(len(plans) * fraction)))

    folders: set[Path] = set()
    rows = []
    with_mistakes = 0
    for index, plan in enumerate(plans):
        built = build_draft(rng, plan, index + 1, today)
        mistakes: list[Mistake] = []
        text_mistakes: list[Mistake] = []
        if index in flawed:
            mistakes, text_mistakes = add_mistakes(rng, built)
        draft = built.draft
        data, variant = layout(rng, draft)
        for mistake in text_mistakes:
            changed = mistake.apply(rng, data)
            if changed is None:
                mistakes.remove(mistake)
            else:
                data = changed
        if isinstance(data, str):  # t_not_utf8 gives bytes already
            data = finish(data, variant)
        if mistakes:
            with_mistakes += 1
        folder = out / plan.person.quarter / org_type(plan.kind)
        if folder not in folders:
            folder.mkdir(parents=True, exist_ok=True)
            folders.add(folder)
        path = folder / f"{draft['reference']}.json"
        path.write_bytes(data)
        expected = " ".join(m.rule for m in mistakes)
        rows.append(
            (
                str(path.relative_to(out)),
                draft["reference"],
                expected,
                " ".join(notices(draft)) if not mistakes else "",
            )
        )

    with (out / "expected.csv").open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["path", "reference", "mistakes", "notices"])
        writer.writerows(rows)
    print(
        f"{len(plans)} drafts written to {out} (prepared up to {today}), "
        f"{with_mistakes} with mistakes"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, type=Path, help="folder to write the drafts to")
    parser.add_argument(
        "--count",
        type=int,
        default=DEFAULT_COUNT,
        help=f"how many drafts (default {DEFAULT_COUNT}, the 2023 referrals)",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument(
        "--mistakes",
        type=float,
        default=0.15,
        metavar="FRACTION",
        help="share of drafts with one or two mistakes (default 0.15)",
    )
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=DEFAULT_TODAY,
        help="the day `nrm check --today` will be given (default %(default)s)",
    )
    parser.add_argument("--force", action="store_true", help="replace the corpus already in --out")
    args = parser.parse_args()
    if args.count < 1:
        parser.error("--count must be at least 1")
    if not 0 <= args.mistakes <= 1:
        parser.error("--mistakes must be between 0 and 1")
    check_names()  # before anything is written or replaced
    if args.out.exists() and any(args.out.iterdir()):
        if not args.force:
            parser.error(f"{args.out} is not empty (use --force to replace the corpus in it)")
        for quarter in QUARTERS:  # only what this script writes
            shutil.rmtree(args.out / quarter, ignore_errors=True)
        (args.out / "expected.csv").unlink(missing_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    write_corpus(args.out, args.count, args.seed, args.mistakes, args.today)


if __name__ == "__main__":
    main()
