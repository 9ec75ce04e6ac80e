#!/usr/bin/env python3
"""Generate a corpus of NRM referral drafts shaped like the real 2023 referrals.

    python3 benches/corpus.py --out DIR [--count N] [--seed S] [--mistakes FRACTION]

Writes N drafts (default 17,004: everyone referred into the NRM in 2023) as
DIR/<quarter>/<first responder type>/<reference>.json, and DIR/expected.csv, which says for
each draft the rules its planted mistakes must trigger and the notices it carries anyway
(not a *.json file, so `nrm check DIR` never reads it). The same seed gives the same files,
byte for byte. Standard library only; 17k drafts take a few seconds.

Where the numbers come from (benches/data/, copied from the Home Office NRM statistics; see
benches/data/README.md):

- referrals-2023-by-first-responder.csv: 13,077 people by quarter, first responder, exploitation
  type, age at exploitation, gender and nationality. Each person is one draft.
- Police referrals are not in that file. They are the rest of the 2023 totals in
  referrals-longitudinal.csv, by quarter and age group (17,004 = 7,432 children, 8,622 adults,
  950 age unknown); a police draft draws exploitation type, gender and nationality together
  from the non-police people of the same age group.
- The location of exploitation follows referrals-longitudinal.csv for 2023, by age group.
- duty-to-notify-longitudinal.csv: 4,929 Duty to Notify reports in 2023, against 8,622 adult
  referrals. A DtN is filed instead of a referral, so that share of the adults,
  4,929 / (4,929 + 8,622) = 36 %, goes on route `duty_to_notify`, all of them among the adults
  that may file one (England and Wales, a specified public authority).
- For --count below 17,004 the people are a random sample without replacement, so the shares
  hold; above it, whole copies of the year plus a sample.

Dates. The checker warns (DAT004) about a draft prepared more than 30 days before today, so
every `prepared_on` lies in the 30 days up to --today (default 2026-11-22, the date of the
spec's examples): 2026-10-24 to 2026-11-22, the four quarters of 2023 in order, a week or so
each. The quarter also names the sub-folder, and references read <ORG>-2023-<number>. All
other dates (birth, exploitation, consent, safeguarding referrals) keep their realistic spread
before `prepared_on`. Check the corpus with the same day:

    nrm check --format json --today 2026-11-22 DIR

A clean draft then gets no finding except the notices listed in expected.csv: URG001 (a child
seeking asylum from Albania, Vietnam or Sudan), AGE005 (age disputed) and FR005 (the three
designated NGOs whose email domain the registry does not know: TARA, Belfast and Lisburn
Women's Aid and the Youth Work Alliance, so their work address cannot be verified).

Mistakes: --mistakes (default 0.15) of the drafts carry one or two realistic mistakes, each
drawn from a weighted list that covers 45 of the 48 rules (see MISTAKES; not URG001 and
AGE005, which are notices, nor FR005); expected.csv names the rule each must trigger. A
mistake may trigger other rules too (an adult's date of birth that makes them 16 also makes
every child rule apply). Some of these files are deliberately not JSON (INP001: cut short)
or not UTF-8 (INP004: saved as Windows-1252); a few clean drafts use CRLF line ends, a UTF-8
byte-order mark or a 4-space indent, as Windows editors save them.

expected.csv columns: path (relative to DIR), reference, mistakes (rule IDs, space-separated;
empty for a clean draft), notices (a clean draft's expected URG001/AGE005/FR005).

Formatted with black --line-length 100; the data tables keep a hand layout (# fmt: skip).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import random
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

DATA = Path(__file__).resolve().parent / "data"
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
# code (XK is user-assigned and the format refuses it), so Kosovan maps to `unknown`.
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
    "Kazakh": "KZ", "Kenyan": "KE", "Kosovan": "unknown", "Kuwaiti": "KW", "Kyrgyz": "KG",
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
    "VN": "vietnam", "AL": "balkans",
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
    "AL": {_L(["sq"]): 1}, "VN": {_L(["vi"]): 1}, "SD": {_L(["ar"]): 1},
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
    "VN": "vi", "AL": "sq", "RO": "ro", "MD": "ro", "ER": "er", "ET": "et", "SD": "sd",
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
    council: str  # the local authority
    domain: str  # its email domain
    towns: tuple
    force: str  # the police force that covers it
    force_domain: str
    phone: str  # a number prefix from Ofcom's ranges reserved for drama: never a real line
    children_services: str  # who takes a child safeguarding referral (an HSC Trust in NI)
    weight: float


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
        )
        for council, domain, towns, weight, row_force, row_force_domain, row_phone, services in (
            tuple(row) + (None,) * (8 - len(row)) for row in rows
        )
    ]


_MET = ("Metropolitan Police Service", "met.police.uk", "020 7946 0")
AREAS = {
    "england": _areas(*_MET, [
        ("Croydon London Borough Council", "croydon.gov.uk", "Croydon", 5),
        ("London Borough of Hillingdon", "hillingdon.gov.uk", "Hayes,Uxbridge", 4),
        ("London Borough of Newham", "newham.gov.uk", "Stratford,East Ham", 3),
        ("London Borough of Tower Hamlets", "towerhamlets.gov.uk", "Whitechapel,Poplar", 2),
        ("London Borough of Southwark", "southwark.gov.uk", "Peckham,Camberwell", 2),
        ("London Borough of Ealing", "ealing.gov.uk", "Southall,Acton", 2),
        ("London Borough of Brent", "brent.gov.uk", "Wembley,Harlesden", 2),
        ("London Borough of Haringey", "haringey.gov.uk", "Tottenham,Wood Green", 2),
        ("Manchester City Council", "manchester.gov.uk", "Manchester", 4,
         "Greater Manchester Police", "gmp.police.uk", "0161 496 0"),
        ("Salford City Council", "salford.gov.uk", "Salford,Eccles", 1.5,
         "Greater Manchester Police", "gmp.police.uk", "0161 496 0"),
        ("Bolton Council", "bolton.gov.uk", "Bolton", 1.2,
         "Greater Manchester Police", "gmp.police.uk", "0161 496 0"),
        ("Oldham Council", "oldham.gov.uk", "Oldham", 1.2,
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
         "Nottinghamshire Police", "nottinghamshire.police.uk", "0115 496 0"),
        ("Leicester City Council", "leicester.gov.uk", "Leicester", 2,
         "Leicestershire Police", "leics.police.uk", "0116 496 0"),
        ("Hampshire County Council", "hants.gov.uk", "Basingstoke,Winchester,Andover", 1.5,
         "Hampshire and Isle of Wight Constabulary", "hampshire.police.uk", "01962 496 0"),
        ("Southampton City Council", "southampton.gov.uk", "Southampton", 1.2,
         "Hampshire and Isle of Wight Constabulary", "hampshire.police.uk", "023 8049 6"),
        ("Portsmouth City Council", "portsmouthcc.gov.uk", "Portsmouth", 1,
         "Hampshire and Isle of Wight Constabulary", "hampshire.police.uk", "023 9249 6"),
        ("Bristol City Council", "bristol.gov.uk", "Bristol", 2,
         "Avon and Somerset Police", "avonandsomerset.police.uk", "0117 496 0"),
        ("Brighton and Hove City Council", "brighton-hove.gov.uk", "Brighton,Hove", 1,
         "Sussex Police", "sussex.police.uk", "01273 496 0"),
        ("West Sussex County Council", "westsussex.gov.uk", "Crawley,Worthing", 1.2,
         "Sussex Police", "sussex.police.uk", "01293 496 0"),
        ("Stoke-on-Trent City Council", "stoke.gov.uk", "Stoke-on-Trent,Hanley", 1,
         "Staffordshire Police", "staffordshire.police.uk", "01782 496 0"),
        ("Cornwall Council", "cornwall.gov.uk", "Truro,Newquay", 0.8,
         "Devon and Cornwall Police", "devonandcornwall.police.uk", "01872 496 0"),
        ("Plymouth City Council", "plymouth.gov.uk", "Plymouth", 0.8,
         "Devon and Cornwall Police", "devonandcornwall.police.uk", "01752 496 0"),
        ("Slough Borough Council", "slough.gov.uk", "Slough", 1,
         "Thames Valley Police", "thamesvalley.police.uk", "01753 496 0"),
        ("Oxfordshire County Council", "oxfordshire.gov.uk", "Oxford,Banbury", 1,
         "Thames Valley Police", "thamesvalley.police.uk", "01865 496 0"),
        ("Hertfordshire County Council", "hertfordshire.gov.uk", "Watford,Stevenage", 1.5,
         "Hertfordshire Constabulary", "herts.police.uk", "01923 496 0"),
        ("Derby City Council", "derby.gov.uk", "Derby", 1,
         "Derbyshire Constabulary", "derbyshire.police.uk", "01332 496 0"),
    ]),
    # Welsh councils: gov.wales, and the Welsh-medium llyw.cymru for Gwynedd and Anglesey.
    "wales": _areas("South Wales Police", "south-wales.police.uk", "029 2018 0", [
        ("Cardiff Council", "cardiff.gov.wales", "Cardiff", 4),
        ("City and County of Swansea", "swansea.gov.wales", "Swansea", 2.5, None, None,
         "01792 496 0"),
        ("Newport City Council", "newport.gov.wales", "Newport", 2, "Gwent Police",
         "gwent.police.uk", "01633 496 0"),
        ("Wrexham County Borough Council", "wrexham.gov.wales", "Wrexham", 1.5,
         "North Wales Police", "north-wales.police.uk", "01978 496 0"),
        ("Cyngor Gwynedd", "gwynedd.llyw.cymru", "Caernarfon,Bangor", 1, "North Wales Police",
         "north-wales.police.uk", "01286 496 0"),
        ("Isle of Anglesey County Council", "ynysmon.llyw.cymru", "Holyhead,Llangefni", 0.8,
         "North Wales Police", "north-wales.police.uk", "01248 496 0"),
        ("Carmarthenshire County Council", "carmarthenshire.gov.wales", "Llanelli,Carmarthen",
         1.2, "Dyfed-Powys Police", "dyfed-powys.police.uk", "01267 496 0"),
    ]),
    "scotland": _areas("Police Scotland", "scotland.police.uk", "0141 496 0", [
        ("Glasgow City Council", "glasgow.gov.uk", "Glasgow", 5),
        ("The City of Edinburgh Council", "edinburgh.gov.uk", "Edinburgh,Leith", 3, None, None,
         "0131 496 0"),
        ("Aberdeen City Council", "aberdeencity.gov.uk", "Aberdeen", 1.5, None, None,
         "01224 496 0"),
        ("Aberdeenshire Council", "aberdeenshire.gov.uk", "Peterhead,Fraserburgh", 1, None,
         None, "01224 496 0"),
        ("Dundee City Council", "dundeecity.gov.uk", "Dundee", 1.2, None, None, "01382 496 0"),
        ("North Lanarkshire Council", "northlan.gov.uk", "Motherwell,Airdrie", 1.2),
        ("Fife Council", "fife.gov.uk", "Kirkcaldy,Dunfermline", 1, None, None, "01592 496 0"),
        ("The Highland Council", "highland.gov.uk", "Inverness", 0.6, None, None,
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
        ("Antrim and Newtownabbey Borough Council", "antrimandnewtownabbey.gov.uk",
         "Antrim,Newtownabbey", 1, None, None, None, "Northern Health and Social Care Trust"),
    ]),
}  # fmt: skip
_AREA_WEIGHTS = {nation: [a.weight for a in areas] for nation, areas in AREAS.items()}

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

# The designated NGOs of the statistics, with their registry id and domain. TARA, Belfast and
# Lisburn Women's Aid and the Youth Work Alliance have no domain in the registry: they get a
# plausible one of their own (so FR005 warns), and TARA and BLWA their only nation.
NGOS = {
    "The Salvation Army": ("salvation_army", "salvationarmy.org.uk", None),
    "Migrant Help": ("migrant_help", "migranthelpuk.org", None),
    "Medaille Trust": ("medaille_trust", "medaille-trust.org.uk", None),
    "Kalayaan": ("kalayaan", "kalayaan.org.uk", None),
    "Barnardo's": ("barnardos", "barnardos.org.uk", None),
    "Unseen": ("unseen", "unseenuk.org", None),
    "BAWSO": ("bawso", "bawso.org.uk", None),
    "Refugee Council": ("refugee_council", "refugeecouncil.org.uk", None),
    "Trafficking Awareness Raising Alliance TARA": (
        "tara", "tara-scotland.org.uk", "scotland"),
    "Belfast and Lisburn Women's Aid": (
        "belfast_lisburn_womens_aid", "belfastwomensaid.org.uk", "northern_ireland"),
    "Youth Work Alliance": ("youth_work_alliance", "youthworkalliance.org.uk", None),
}  # fmt: skip
NGO_NAMES = {
    "salvation_army": "The Salvation Army", "migrant_help": "Migrant Help",
    "medaille_trust": "Medaille Trust", "kalayaan": "Kalayaan", "barnardos": "Barnardo's",
    "unseen": "Unseen", "bawso": "BAWSO", "refugee_council": "Refugee Council",
    "tara": "Trafficking Awareness Raising Alliance (TARA)",
    "belfast_lisburn_womens_aid": "Belfast and Lisburn Women's Aid",
    "youth_work_alliance": "Youth Work Alliance",
}  # fmt: skip
UNKNOWN_DOMAIN_NGOS = ("tara", "belfast_lisburn_womens_aid", "youth_work_alliance")
HOME_OFFICE = {
    "Home Office - UK Visas and Immigration UKVI": (
        "ukvi", "Home Office - UK Visas and Immigration", "UKVI"),
    "Home Office - Immigration Enforcement IE": (
        "ie", "Home Office Immigration Enforcement", "HOIE"),
    "Home Office - UK Border Force UKBF": ("ukbf", "Border Force", "UKBF"),
}  # fmt: skip


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


def phone_number(rng: random.Random, prefix: str) -> str:
    if rng.random() < 0.2:
        return f"07700 900{rng.randint(0, 999):03d}"  # Ofcom's drama range for mobiles
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
        _, name, prefix = next(v for v in HOME_OFFICE.values() if v[0] == kind)
        organisation = {"type": "home_office", "name": name}
        return Responder(organisation, "homeoffice.gov.uk", prefix, area.phone, area, area.force)
    if otype == "national_crime_agency":
        organisation = {"type": "national_crime_agency", "name": "National Crime Agency"}
        return Responder(organisation, "nca.gov.uk", "NCA", "020 7946 0", area, area.force)
    if otype == "glaa":
        organisation = {"type": "glaa", "name": "Gangmasters and Labour Abuse Authority"}
        return Responder(organisation, "gla.gov.uk", "GLAA", "0115 496 0", area, area.force)
    ngo = kind.split(":", 1)[1]
    domain = next(d for i, d, _ in NGOS.values() if i == ngo)
    organisation = {"type": "ngo", "name": NGO_NAMES[ngo], "ngo": ngo}
    return Responder(organisation, domain, initials(NGO_NAMES[ngo]), area.phone, area, area.force)


def first_responder(
    rng: random.Random, kind: str, nation: str, responder: Responder, group: str
) -> dict:
    given, family = staff_member(rng, nation)
    roles = ROLES.get(kind) or ROLES[org_type(kind)]
    role = rng.choice(roles.get("any") or roles["adult" if group == "adult" else "child"])
    return {
        "name": f"{given} {family}",
        "role": role,
        "email": staff_email(rng, given, family, responder.email_domain),
        "phone": phone_number(rng, responder.phone_prefix),
        "organisation": dict(responder.organisation),
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
    route: str = "nrm"
    location: str = "uk"


def plan_all(rng: random.Random, people: list[Person], stats: dict) -> list[Plan]:
    plans = []
    for person in people:
        kind = responder_kind(person.responder)
        forced = NGOS.get(person.responder, (None, None, None))[2]
        nation = forced or pick(rng, NATION_WEIGHTS)
        plans.append(Plan(person, kind, nation, nationality_code(person.nationality)))
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
    """Where the exploitation took place, agreeing with `location` (EXP002)."""
    if location == "unknown" or rng.random() < 0.12:
        return None  # optional
    if location == "uk":
        return ["GB"]
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


# The account: an opening saying how the person came to the first responder, the journey, what
# was done to them, what the officer saw (one sentence per indicator), and where they are now.
# {He} and friends are filled in by pronouns(); every sentence stands alone so any mix reads.
OPENINGS = {  # (sentence, what it needs: an age group, a type or a form; None for any)
    "ukvi": [("{He} disclosed exploitation during {his} asylum screening interview at {office}.",
              None),
             ("The concerns arose in {his} substantive asylum interview, in which {he} described "
              "what happened on the journey and after {he} reached the UK.", None),
             ("{He} asked to speak to a caseworker alone at {office} and described being made "
              "to work for the people who brought {him} to the UK.", "labour")],
    "ie": [("{He} was encountered during an immigration enforcement visit to a {workplace} in "
            "{town}, where {he} {was} found working.", "labour"),
           ("Officers met {him} during a targeted visit to an address in {town}, where several "
            "people were living in two rooms.", None),
           ("{He} was detained after a visit to a {workplace} in {town} and disclosed "
            "exploitation to the interviewing officer.", "labour"),
           ("Officers met {him} during an immigration enforcement operation in {town}; {he} had "
            "no documents and disclosed exploitation when spoken to alone.", None)],
    "ukbf": [("Border Force officers stopped {him} at {port}; {he} could not say who was meeting "
              "{him} or where {he} would stay.", None),
             ("{He} was found in the back of a lorry at {port} with several other people.", None),
             ("{He} arrived at {port} on a document that did not belong to {him}, travelling "
              "with an adult who left when officers approached.", None)],
    "police": [("Officers found {him} during a warrant at an address in {town}.", None),
               ("{He} was arrested in {town} with drugs and cash, far from home, after being "
                "reported missing.", "criminal"),
               ("{He} was found by officers in a flat in {town} used to sell drugs, after being "
                "reported missing from home.", "county_lines"),
               ("{He} came to police attention after being seen begging in the centre of {town} "
                "with an adult watching from nearby.", "begging"),
               ("{He} called the police from a shop in {town} and asked for help.", None),
               ("Officers attended a reported disturbance at a flat in {town} and found {him} "
                "living there with several adults.", None)],
    "local_authority": [("{He} has been known to the council since {he} arrived in {town}, and "
                         "disclosed exploitation to {his} social worker.", None),
                        ("{He} went missing twice in the first month after being placed in "
                         "{town} and was found each time in another city.", "child"),
                        ("{His} school raised concerns with children's services in {town} about "
                         "{his} absences and new possessions.", "child"),
                        ("{He} presented to the council's housing team in {town} after losing "
                         "the room {his} employer provided.", "adult"),
                        ("A hospital discharge team referred {him} to adult social care in "
                         "{town}, concerned about how {he} {was} living.", "adult")],
    "national_crime_agency": [("{He} was identified during a National Crime Agency "
                               "investigation into an organised crime group operating in "
                               "{town}.", None)],
    "glaa": [("{He} was identified during a GLAA inspection of a labour provider supplying "
              "workers to a {workplace} near {town}.", None)],
    "ngo": [("{He} came to our drop-in service in {town} and asked for advice about work and "
             "housing.", None),
            ("{He} was referred to our outreach team by a GP practice in {town}.", None),
            ("{He} called our helpline from {town} and later met a caseworker in person.", None)],
}  # fmt: skip
JOURNEYS = ["The journey from {country} was arranged and paid for by others, through {transit}.",
            "{He} travelled from {country} overland through {transit}, moved on by agents at "
            "each stage.",
            "{He} left {country} after an agent promised work in Europe, and crossed {transit} "
            "before reaching the UK."]  # fmt: skip
ACCOUNTS = {
    "county_lines": ["{He} said older young people gave {him} a phone and sent {him} by train to "
                     "another town to sell drugs from a flat, and that {he} owed them for drugs "
                     "that went missing."],
    "cannabis_cultivation": ["{He} said {he} {was} locked in a house watering cannabis plants "
                             "for several months and {was} told {his} family would be hurt if "
                             "{he} left."],
    "drug_distribution": ["{He} was made to carry and deliver drugs to pay off a debt to the "
                          "men who arranged {his} journey."],
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
               "the money was taken by the men who controlled {him}.",
               "An older man gave {him} gifts and a phone, then made {him} have sex with his "
               "friends."],
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
}  # fmt: skip
FILLER = [
    "Checks with partner agencies are ongoing.",
    "A strategy discussion has been held with the agencies involved.",
    "Further information will be shared with the Single Competent Authority when known.",
]
WORKPLACES = {"car_wash": "hand car wash", "nail_bar": "nail bar", "catering": "takeaway",
              "agriculture": "farm", "construction": "building site", "sweatshop": "garment "
              "factory"}  # fmt: skip


def pronouns(gender: str) -> dict:
    if gender == "male":
        return {"he": "he", "He": "He", "his": "his", "His": "His", "him": "him", "was": "was"}
    if gender == "female":
        return {"he": "she", "He": "She", "his": "her", "His": "Her", "him": "her", "was": "was"}
    return {
        "he": "they",
        "He": "They",
        "his": "their",
        "His": "Their",
        "him": "them",
        "was": "were",
    }


def narrative(rng: random.Random, d: dict, kind: str, nation: str, route: str) -> str:
    pv, ex = d["potential_victim"], d["exploitation"]
    group = "child" if pv["age_status"] != "adult" else "adult"
    labour_forms = [f for f in ex.get("forms", []) if f in WORKPLACES]
    # the countries the draft lists on the way, else the usual route from the home country
    transit = [c for c in ex.get("countries", []) if c not in ("GB", pv["nationality"])][:2]
    transit = transit or TRANSIT[REGION.get(pv["nationality"], "default")][:2]
    words = pronouns(pv["gender"]) | {
        "town": pv["current_location"].get("town", "the area"),
        "office": rng.choice(SCREENING[nation]),
        "port": rng.choice(PORTS[nation]),
        "workplace": (
            WORKPLACES[labour_forms[0]]
            if labour_forms
            else rng.choice(["restaurant", "factory", "car wash", "farm", "warehouse"])
        ),
        "country": COUNTRY_NAMES.get(pv["nationality"], "home"),
        "transit": " and ".join(COUNTRY_NAMES.get(c, "other countries") for c in transit),
    }
    if words["country"] == "home":
        words["country"] = "{his} home country".format(**words)
    tags = {group, *ex["types"], *ex.get("forms", [])}
    openings = OPENINGS[org_type(kind) if org_type(kind) != "home_office" else kind]
    sentences = [rng.choice([text for text, need in openings if need is None or need in tags])]
    if ex["location"] != "uk" and pv["nationality"] != "GB" and rng.random() < 0.7:
        sentences.append(rng.choice(JOURNEYS))
    accounts = [f for f in ex.get("forms", []) if f in ACCOUNTS] or [
        t for t in ex["types"] if t in ACCOUNTS
    ]
    for key in accounts[:2]:
        sentences.append(rng.choice(ACCOUNTS[key]))
    for code in ex["indicators"][:3]:
        sentences.append(OBSERVED[code])
    sentences.append(rng.choice(NOW["duty_to_notify" if route == "duty_to_notify" else group]))
    text = " ".join(sentences).format(**words)
    while len(text) > 900 and len(sentences) > 3:  # drop observations until it fits
        sentences.pop(-2)
        text = " ".join(sentences).format(**words)
    fillers = rng.sample(FILLER, len(FILLER))
    while len(text) < 250:
        text += " " + fillers.pop()
    return agree(text) if words["he"] == "they" else text


_THEY = re.compile(r"\b([Tt]hey) (was|has|is|believes)\b")
_PLURAL = {"was": "were", "has": "have", "is": "are", "believes": "believe"}


def agree(text: str) -> str:
    """The templates are written for he and she; "they" takes the plural verb."""
    return _THEY.sub(lambda m: f"{m[1]} {_PLURAL[m[2]]}", text)


# ------------------------------------------------------------------------------------------
# One draft
# ------------------------------------------------------------------------------------------

ADULT_AGES = {range(18, 25): 30, range(25, 35): 35, range(35, 45): 20, range(45, 61): 15}
CHILD_AGES = {12: 5, 13: 8, 14: 14, 15: 22, 16: 27, 17: 24}
GENDERS = {"Male": "male", "Female": "female", "Other": "other"}
PLACEMENTS_LOOKED_AFTER = {"ukvi": 0.85, "ukbf": 0.85, "ie": 0.7}  # separated children


@dataclass
class Built:
    draft: dict
    plan: Plan
    responder: Responder
    today: dt.date
    dob: dt.date | None = None


def build_draft(rng: random.Random, plan: Plan, number: int, today: dt.date) -> Built:
    nation, kind = plan.nation, plan.kind
    child = plan.person.age_group != "adult"
    on = prepared_on(rng, plan.person.quarter, today)
    responder = make_responder(rng, kind, nation)
    pv, dob = potential_victim(rng, plan, on, responder.area)

    d: dict = {}
    if rng.random() < 0.05:  # an editor hint some drafts carry
        d["$schema"] = "https://nrm.invalid/schemas/referral.schema.json"
    d["format_version"] = 1
    d["reference"] = f"{responder.reference_prefix}-2023-{number:06d}"
    d["nation"] = nation
    d["route"] = plan.route
    d["prepared_on"] = iso(on)
    d["first_responder"] = first_responder(
        rng, kind, nation, responder, "child" if child else "adult"
    )
    d["potential_victim"] = pv

    def days(lo: int, hi: int) -> dt.date:  # a day shortly before the referral
        return on - dt.timedelta(days=rng.randint(lo, hi))

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

    d["exploitation"] = exploitation(rng, plan, on, dob, child)
    d["exploitation"]["narrative"] = narrative(rng, d, kind, nation, plan.route)
    # Children always; adults where an interpreter is needed (SAF008 wants it recorded), or
    # where the first responder recorded the interview anyway.
    if child or pv["interpreter_needed"] or rng.random() < 0.1:
        d["safeguarding"] = safeguarding(rng, d, responder, nation, days, child)
    if not child and plan.route == "nrm" and rng.random() < 0.8:
        d["support"] = support_request(rng, pv)
    return Built(d, plan, responder, today, dob)


def potential_victim(
    rng: random.Random, plan: Plan, on: dt.date, area: Area
) -> tuple[dict, dt.date | None]:
    """The person: name in their own script, age, languages, where they are now."""
    person, group, nationality = plan.person, plan.person.age_group, plan.nationality
    languages = list(pick(rng, LANGUAGES.get(nationality, ENGLISH)))
    if nationality == "GB" and plan.nation == "wales" and rng.random() < 0.15:
        languages = ["cy", "en"]
    if nationality == "GB":
        interpreter = False
    elif "en" not in languages:
        interpreter = rng.random() < 0.92  # most; some manage in English
    else:
        interpreter = languages[0] != "en" and rng.random() < 0.15
    if nationality == "GB":
        asylum = False
    elif nationality in EUROPE:
        asylum = rng.random() < 0.03
    else:
        asylum = rng.random() < (0.9 if plan.kind == "ukvi" else 0.6)

    pv: dict = {}
    if plan.route == "duty_to_notify":  # anonymous: no name, alias or date of birth
        pv["name_unknown"] = True
    elif rng.random() < 0.03:
        pv["name_unknown"] = True
        if rng.random() < 0.5:
            pv["aliases"] = [rng.choice(ALIASES)]
    else:
        gender_key = {"Male": "m", "Female": "f"}.get(person.gender, "x")
        given, family = person_name(rng, name_pool(rng, nationality, tuple(languages)), gender_key)
        pv["given_names"], pv["family_name"] = given, family
        if rng.random() < 0.1:
            pv["aliases"] = [rng.choice(ALIASES + [given.split()[0] + "y"])]

    dob = None
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
        pv["claimed_age"] = rng.randint(14, 19)
        if rng.random() < 0.2:
            pv["date_of_birth"] = None
        pv["age_status"] = "age_disputed"
    else:
        age = rng.choice(rng.choices(list(ADULT_AGES), weights=list(ADULT_AGES.values()))[0])
        if plan.route != "duty_to_notify" and rng.random() < 0.88:
            dob = birth_date(rng, age, on, nationality != "GB" and rng.random() < 0.1)
            pv["date_of_birth"] = iso(dob)
            if dob.month == 1 and dob.day == 1:
                pv["date_of_birth_estimated"] = True
        elif plan.route != "duty_to_notify" and rng.random() < 0.5:
            pv["claimed_age"] = age
        pv["age_status"] = "adult"
    pv["gender"] = GENDERS[person.gender]
    pv["nationality"] = nationality
    pv["languages"] = languages
    pv["interpreter_needed"] = interpreter
    pv["asylum_seeking"] = asylum
    if group != "adult":
        pv["looked_after"] = rng.random() < PLACEMENTS_LOOKED_AFTER.get(
            plan.kind, 0.25 if nationality == "GB" else 0.6
        )
    location = {"local_authority": area.council}
    if rng.random() < 0.85:
        location["town"] = rng.choice(area.towns)
    pv["current_location"] = location
    return pv, dob


def support_request(rng: random.Random, pv: dict) -> dict:
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
    return support


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


def exploitation(rng, plan: Plan, on: dt.date, dob: dt.date | None, child: bool) -> dict:
    person = plan.person
    types = exploitation_types(person.exploitation)
    ex: dict = {"types": types}
    forms = forms_for(rng, types, plan.nationality, person.age_group)
    if forms:
        ex["forms"] = forms
    ex["location"] = plan.location
    countries = countries_for(rng, plan.location, plan.nationality)
    if countries:
        ex["countries"] = countries
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
    ex["ongoing"] = ongoing
    if not ongoing and began and rng.random() < 0.8:
        ended = began + dt.timedelta(days=rng.randint(7, max(7, (on - began).days - 1)))
        ex["ended_on"] = iso(min(ended, on - dt.timedelta(days=1)))
    if person.age_group != "unknown" and rng.random() < 0.75:  # unknown age: unknown
        ex["while_child"] = child
    journey = plan.location != "uk" and plan.nationality != "GB"
    ex["indicators"] = indicators_for(rng, types, child, journey)
    ex["narrative"] = ""  # written once the rest of the draft is known
    return ex


def safeguarding(rng, d, responder: Responder, nation, days, child) -> dict:
    """The statutory steps taken alongside the referral, all done right in a clean draft."""
    pv = d["potential_victim"]
    police_org = d["first_responder"]["organisation"]["type"] == "police"
    force = d["first_responder"]["organisation"]["name"] if police_org else responder.force
    sg: dict = {}
    if child:
        services = {
            "local_authority": responder.area.children_services,
            "referred_on": iso(days(0, 14)),
        }
        if rng.random() < 0.6:
            services["reference"] = f"CS-{rng.randint(10000, 99999)}"
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
        and pv["nationality"] in ("AL", "VN", "SD")
    ):
        found.append("URG001")
    if d["first_responder"]["organisation"].get("ngo") in UNKNOWN_DOMAIN_NGOS:
        found.append("FR005")
    return sorted(found)


# ------------------------------------------------------------------------------------------
# Mistakes: each changes a clean draft the way a first responder might, and names the rule
# that must catch it. `apply` returns False when the mistake does not fit this draft.
# ------------------------------------------------------------------------------------------

WEBMAIL = ["gmail.com", "hotmail.co.uk", "outlook.com", "yahoo.co.uk", "icloud.com",
           "btinternet.com", "live.co.uk"]  # fmt: skip
NOT_DESIGNATED = [  # (name, email domain): type `other`
    ("Manchester University NHS Foundation Trust", "mft.nhs.uk"),
    ("Guy's and St Thomas' NHS Foundation Trust", "gstt.nhs.uk"),
    ("Oakfield Academy", "oakfield.sch.uk"),
    ("St Mungo's", "mungos.org"),
    ("Hope for Justice", "hopeforjustice.org"),
    ("Kent Refugee Action Network", "kran.org.uk"),
    ("Riverside Medical Practice", "nhs.net"),
]  # fmt: skip
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
    for path in DATE_POINTERS:
        value = get(d, *path)
        if isinstance(value, str):
            parent = get(d, *path[:-1]) if len(path) > 1 else d
            parent[path[-1]] = iso(dt.date.fromisoformat(value) + dt.timedelta(days=days))


def rename_key(obj: dict, old: str, new: str) -> None:
    """Rename a member in place, keeping its position (a misspelling, not a move)."""
    items = [(new if k == old else k, v) for k, v in obj.items()]
    obj.clear()
    obj.update(items)


def m_webmail(rng, b: Built) -> bool:
    """FR004: the officer wrote from a personal webmail account."""
    fr = b.draft["first_responder"]
    if fr["organisation"]["type"] == "other":
        return False
    fr["email"] = fr["email"].split("@")[0] + "@" + rng.choice(WEBMAIL)
    return True


def m_not_designated(rng, b: Built) -> bool:
    """FR001: an NHS trust, a school or a charity not on the list refers itself."""
    fr = b.draft["first_responder"]
    name, domain = rng.choice(NOT_DESIGNATED)
    fr["organisation"] = {"type": "other", "name": name}
    fr["email"] = fr["email"].split("@")[0] + "@" + domain
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
    trust = rng.choice(["Belfast", "South Eastern", "Western"])
    fr["organisation"] = {"type": "hsc_trust", "name": f"{trust} Health and Social Care Trust"}
    fr["email"] = fr["email"].split("@")[0] + f"@{trust.lower().replace(' ', '')}trust.hscni.net"
    return True


def m_dtn_by_ngo(rng, b: Built) -> bool:
    """FR006: an NGO files a Duty to Notify, which only public authorities may."""
    d = b.draft
    if d["route"] != "duty_to_notify":
        return False
    ngo = rng.choice(["salvation_army", "migrant_help", "medaille_trust"])
    fr = d["first_responder"]
    fr["organisation"] = {"type": "ngo", "name": NGO_NAMES[ngo], "ngo": ngo}
    domain = next(dom for i, dom, _ in NGOS.values() if i == ngo)
    fr["email"] = fr["email"].split("@")[0] + "@" + domain
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
    items = insert_after(list(d.items()), "potential_victim", "consent", consent)
    d.clear()
    d.update(items)
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
    items = insert_after(
        list(d.items()), "consent" if "consent" in d else "potential_victim", "consent_note", note
    )
    d.clear()
    d.update(items)
    return True


def insert_after(items: list, after: str, key: str, value) -> list:
    index = next(i for i, (k, _) in enumerate(items) if k == after) + 1
    return items[:index] + [(key, value)] + items[index:]


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
    d["potential_victim"]["claimed_age"] = rng.choice([15, 16, 17])
    d["potential_victim"].pop("date_of_birth", None)
    d["potential_victim"].pop("date_of_birth_estimated", None)
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
    return True


def anonymise(pv: dict) -> None:
    for key in (
        "given_names",
        "family_name",
        "aliases",
        "date_of_birth",
        "date_of_birth_estimated",
    ):
        pv.pop(key, None)
    items = [("name_unknown", True)] + [(k, v) for k, v in pv.items() if k != "name_unknown"]
    pv.clear()
    pv.update(items)


def m_dtn_scotland(rng, b: Built) -> bool:
    """RTE002: a Duty to Notify in Scotland or Northern Ireland."""
    d = b.draft
    if d["route"] != "duty_to_notify" or is_child(d):
        return False
    nation = rng.choice(["scotland", "scotland", "northern_ireland"])
    responder = make_responder(rng, b.plan.kind, nation)
    d["nation"] = nation
    d["first_responder"] = first_responder(rng, b.plan.kind, nation, responder, "adult")
    d["potential_victim"]["current_location"] = {"local_authority": responder.area.council}
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
    if "consent" in d:
        d["consent"] = consent
    else:
        items = insert_after(list(d.items()), "potential_victim", "consent", consent)
        d.clear()
        d.update(items)
    return True


def m_dtn_named(rng, b: Built) -> bool:
    """RTE004: a Duty to Notify that names the person."""
    d = b.draft
    if d["route"] != "duty_to_notify":
        return False
    pv = d["potential_victim"]
    pool = name_pool(rng, pv["nationality"], tuple(pv["languages"]))
    given, family = person_name(rng, pool, pv["gender"][0])
    items = [("given_names", given), ("family_name", family)]
    items += [(k, v) for k, v in pv.items() if k != "name_unknown"]
    pv.clear()
    pv.update(items)
    return True


def m_unknown_and_type(rng, b: Built) -> bool:
    """EXP001: `unknown` beside a known type."""
    ex = b.draft["exploitation"]
    if ex["types"] == ["unknown"]:
        ex["types"] = ["unknown", rng.choice(["labour", "criminal", "sexual"])]
    else:
        ex["types"] = ex["types"] + ["unknown"]
    return True


def m_countries_disagree(rng, b: Built) -> bool:
    """EXP002: the countries contradict the location."""
    ex = b.draft["exploitation"]
    nationality = b.draft["potential_victim"]["nationality"]
    home = nationality if nationality not in ("GB", "unknown") else "FR"
    if ex["location"] == "uk":
        countries = [home]
    elif ex["location"] == "overseas":
        countries = ["GB"]
    elif ex["location"] == "uk_and_overseas":
        countries = ["GB"] if rng.random() < 0.5 else [home]
    else:
        return False
    items = [(k, v) for k, v in ex.items() if k != "countries"]
    items = insert_after(items, "location", "countries", countries)
    ex.clear()
    ex.update(items)
    return True


def m_form_mismatch(rng, b: Built) -> bool:
    """EXP003: a form whose type is not listed."""
    ex = b.draft["exploitation"]
    needs = {
        "county_lines": "criminal",
        "cannabis_cultivation": "criminal",
        "car_wash": "labour",
        "agriculture": "labour",
        "nail_bar": "labour",
        "sexual_exploitation_online": "sexual",
    }
    options = [f for f, t in needs.items() if t not in ex["types"] and f not in ex.get("forms", [])]
    if not options:
        return False
    forms = ex.get("forms", []) + [rng.choice(options)]
    items = [(k, v) for k, v in ex.items() if k != "forms"]
    ex.clear()
    ex.update(insert_after(items, "types", "forms", forms))
    return True


def m_while_child_wrong(rng, b: Built) -> bool:
    """EXP004: `while_child` contradicts the dates."""
    ex = b.draft["exploitation"]
    if b.dob is None or "began_on" not in ex or "while_child" not in ex:
        return False
    began = dt.date.fromisoformat(ex["began_on"])
    ex["while_child"] = not (age_on(b.dob, began) < 18)
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
        if b.dob and "while_child" in ex:  # keep EXP004 out of it
            ex["while_child"] = age_on(b.dob, dt.date.fromisoformat(ex["began_on"])) < 18
    else:
        ex["ongoing"] = True
    return True


def shift_all(b: Built, days: int) -> None:
    """Every date moves together, so ages and the order of events stay as they were."""
    shift_dates(b.draft, days)
    if b.dob:
        b.dob += dt.timedelta(days=days)


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
    """REQ001: a required member left out."""
    d = b.draft
    choice = rng.choice(
        ["narrative", "narrative", "indicators", "current_location", "phone", "ongoing"]
    )
    if choice in ("narrative", "indicators", "ongoing"):
        del d["exploitation"][choice]
    elif choice == "current_location":
        del d["potential_victim"]["current_location"]
    else:
        del d["first_responder"]["phone"]
    return True


def m_bad_value(rng, b: Built) -> bool:
    """REQ002: 2026-02-30, UK for GB, England for england, M, a phone extension."""
    d = b.draft
    pv = d["potential_victim"]
    choice = rng.choice(
        ["february", "february", "nationality", "nation", "gender", "phone", "short", "language"]
    )
    if choice == "february":
        dates = [p for p in DATE_POINTERS[:6] if isinstance(get(d, *p), str)]
        if not dates:
            return False
        path = rng.choice(dates)
        get(d, *path[:-1])[path[-1]] = "2026-02-30"
    elif choice == "nationality":
        pv["nationality"] = {"GB": "UK", "AL": "Albania", "VN": "vn"}.get(pv["nationality"], "XK")
    elif choice == "nation":
        d["nation"] = d["nation"].replace("_", " ").title()
    elif choice == "gender":
        pv["gender"] = {"male": "M", "female": "F"}.get(pv["gender"], "X")
    elif choice == "phone":
        d["first_responder"]["phone"] += " ext 12"
    elif choice == "short":
        d["exploitation"]["narrative"] = d["exploitation"]["narrative"][: rng.randint(60, 190)]
    else:
        pv["languages"] = [
            {"vi": "vn", "sq": "al", "ar": "arabic", "en": "EN"}.get(pv["languages"][0], "xx")
        ] + pv["languages"][1:]
    return True


def m_misspelt(rng, b: Built) -> bool:
    """INP003: a misspelt member name (`familyname`)."""
    d = b.draft
    pv = d["potential_victim"]
    options = [("first_responder", "email", "e-mail")]
    if "family_name" in pv:
        options += [("potential_victim", "family_name", "familyname")] * 3
    if "date_of_birth" in pv:
        options += [("potential_victim", "date_of_birth", "date_of_brith")]
    if "town" in pv.get("current_location", {}):
        options += [("current_location", "town", "twon")]
    if "crime_reference" in (get(d, "safeguarding", "police") or {}):
        options += [("police", "crime_reference", "crime_ref")]
    if "ended_on" in d["exploitation"]:
        options += [("exploitation", "ended_on", "end_date")]
    where, old, new = rng.choice(options)
    parents = {
        "current_location": ("potential_victim", "current_location"),
        "police": ("safeguarding", "police"),
    }
    rename_key(get(d, *parents.get(where, (where,))), old, new)
    return True


def m_other_version(rng, b: Built) -> bool:
    """INP005: a draft of another format version."""
    b.draft["format_version"] = 2
    return True


# Text-level mistakes act on the JSON text after it is written out.
def t_repeated(rng, text: str) -> str | None:
    """INP002: a line pasted twice (same member, same value)."""
    lines = text.split("\n")
    keys = ("phone", "gender", "nationality", "ongoing", "role", "route")
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
    alone: bool = False  # hides every other finding (the file cannot be read, or not as v1)


MISTAKES = [
    Mistake("FR004", 8, "org", m_webmail),
    Mistake("FR001", 7, "org", m_not_designated),
    Mistake("FR002", 6, "org", m_unknown_ngo),  # high weights: fits few drafts
    Mistake("FR003", 1, "org", m_wrong_nation_org),
    Mistake("FR006", 3, "org", m_dtn_by_ngo),
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
    Mistake("RTE004", 3, "route", m_dtn_named),
    Mistake("EXP001", 1.5, "types", m_unknown_and_type),
    Mistake("EXP002", 3, "countries", m_countries_disagree),
    Mistake("EXP003", 3, "types", m_form_mismatch),
    Mistake("EXP004", 2, "age", m_while_child_wrong),
    Mistake("DAT001", 5, "dates", m_future_date),
    Mistake("DAT002", 2, "dates", m_ends_before),
    Mistake("DAT003", 1.5, "dates", m_prepared_later),
    Mistake("DAT004", 4, "dates", m_stale),
    Mistake("REQ001", 4, "required", m_missing_required),
    Mistake("REQ002", 5, "value", m_bad_value),
    Mistake("INP001", 2, "file", t_truncated, text=True, alone=True),
    Mistake("INP002", 2, "file", t_repeated, text=True),
    Mistake("INP003", 4, "spelling", m_misspelt),
    Mistake("INP004", 2, "file", t_not_utf8, text=True, alone=True),
    Mistake("INP005", 0.5, "file", m_other_version, alone=True),
]
# Pairs of groups where the second mistake could undo or hide the first: the date shifts and
# the age rules both read dates; removing an object (a consent note, a guardian) loses a date
# made wrong inside it; an adult made a child by the age mistakes escapes the adult consent
# rules; a misspelt member can remove what another mistake changed; an invalid value (a
# nation "England", a date 2026-02-30) defeats the rules that read it.
CONFLICTS = {
    frozenset(pair)
    for pair in [("dates", "age"), ("dates", "spelling"), ("dates", "value"),
                 ("dates", "required"), ("dates", "note"), ("dates", "consent"),
                 ("dates", "services"), ("dates", "guardian"), ("age", "consent"),
                 ("age", "note"), ("age", "spelling"), ("age", "value"), ("age", "route"),
                 ("spelling", "police"), ("spelling", "required"), ("spelling", "value"),
                 ("org", "spelling"), ("org", "value"), ("org", "route"), ("org", "required"),
                 ("value", "countries"), ("value", "guardian"), ("value", "route"),
                 ("value", "required"), ("value", "consent"), ("value", "note"),
                 ("value", "services")]
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
