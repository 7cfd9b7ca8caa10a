#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the import fixtures of this folder: five shapes of survey exports with their
mappings, the same data in five encodings, and a file with one bad row of every kind.

The files are committed; this script says how they were made (run it from this folder to
write them again: the output is the same on every run). The workspace they go into is the
"hotel" template in English: `ecart-cli new WS --template hotel --lang en`."""

import codecs
import random

rng = random.Random(20250314)

SEGMENTS = ["Honeymoon couples", "Families", "Business travellers"]


def write(name, text, encoding="utf-8", newline="\n"):
    data = text.replace("\n", newline).encode(encoding)
    with open(name, "wb") as f:
        f.write(data)


def quote(value, delimiter=",", always=False):
    value = str(value)
    if always or any(c in value for c in (delimiter, '"', "\n", "\r")):
        return '"' + value.replace('"', '""') + '"'
    return value


def line(values, delimiter=",", always=False):
    return delimiter.join(quote(v, delimiter, always) for v in values) + "\n"


def score(rng, low, high, centre, spread=1.2, missing=0.08):
    if rng.random() < missing:
        return ""
    return str(max(low, min(high, round(rng.gauss(centre, spread)))))


COMMENTS = [
    "Lovely stay, thanks!",
    'The "welcome drink" was warm, the welcome was not.',
    "Check-in took 40 minutes, with a queue,\nand nobody explained why.",
    "Wifi, wifi, wifi: it never worked in the villa.",
    "Parfait. Merci à toute l'équipe, surtout à Léa !",
    "",
    "Kids' club: great staff; too small for August.",
    "Room was fine.\nSpa was \"fully booked\" every day.\n\nWould not come back in high season.",
    "",
    "",
]


# 1. Qualtrics: wide, three header rows, UTF-8 with BOM, CRLF ------------------------------------

def qualtrics():
    columns = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)",
               "Finished", "RecordedDate", "ResponseId", "DistributionChannel", "UserLanguage",
               "Q1", "Q2_1", "Q2_2", "Q2_3", "Q2_4", "Q3_1", "Q3_2", "Q3_3", "Q4", "Q5"]
    texts = ["Start Date", "End Date", "Response Type", "IP Address", "Progress",
             "Duration (in seconds)", "Finished", "Recorded Date", "Response ID",
             "Distribution Channel", "User Language",
             "Who did you travel with?",
             "How satisfied were you with... - The welcome at reception",
             "How satisfied were you with... - Check-in and check-out",
             "How satisfied were you with... - The wifi in your room",
             "How satisfied were you with... - Your room or villa",
             "Before your stay, what did you expect? - The welcome",
             "Before your stay, what did you expect? - Fast check-in",
             "Before your stay, what did you expect? - Reliable wifi",
             "How likely are you to recommend Lagoon Blue Hotels to a friend or colleague?",
             "Anything else you would like to tell us? (your words, as you like)"]
    imports = ['{"ImportId":"startDate","timeZone":"Europe/Paris"}',
               '{"ImportId":"endDate","timeZone":"Europe/Paris"}', '{"ImportId":"status"}',
               '{"ImportId":"ipAddress"}', '{"ImportId":"progress"}', '{"ImportId":"duration"}',
               '{"ImportId":"finished"}', '{"ImportId":"recordedDate","timeZone":"Europe/Paris"}',
               '{"ImportId":"_recordId"}', '{"ImportId":"distributionChannel"}',
               '{"ImportId":"userLanguage"}'] + \
              ['{"ImportId":"QID%s"}' % c[1:] for c in columns[11:]]
    text = line(columns) + line(texts) + line(imports)
    travel = ["With my partner (honeymoon)", "With my family", "For work"]
    for i in range(36):
        seg = i % 3
        day = 3 + i % 20
        rec = "2025-03-%02d %02d:%02d:%02d" % (day, 8 + i % 12, (i * 7) % 60, (i * 13) % 60)
        lived = [score(rng, 1, 5, [4.3, 3.6, 3.9][seg]), score(rng, 1, 5, 3.0),
                 score(rng, 1, 5, 2.4), score(rng, 1, 5, 4.1)]
        expected = [score(rng, 1, 5, 4.6), score(rng, 1, 5, 4.0), score(rng, 1, 5, 4.4)]
        nps = "" if i % 11 == 5 else str(rng.randint(3, 10))
        row = [rec, rec, "IP Address", "192.0.2.%d" % (i + 1), "100", str(300 + i * 17), "True",
               rec, "R_%s" % "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(15)),
               "anonymous", "EN", travel[seg]] + lived + expected + [nps, COMMENTS[i % len(COMMENTS)]]
        text += line(row)
    write("qualtrics.csv", "\ufeff" + text, "utf-8", "\r\n")
    write("qualtrics.ini", """# Qualtrics export ("Download data", CSV, "Use numeric values"): three header rows.
[mapping]
layout=wide
header-rows=3
respondent=ResponseId
date=RecordedDate
segment=Q1
scale=1..5
nps=Q4
verbatim=Q5
wave=Spring 2025 survey

[segment-values]
With my partner (honeymoon)=Honeymoon couples
With my family=Families
For work=Business travellers

[columns]
Q2_1=lived:Warm welcome@Reception
Q2_2=lived:Fast check-in and check-out@Reception
Q2_3=lived:Reliable wifi@Room or villa
Q2_4=lived:Room comfort@Room or villa
Q3_1=expected:Warm welcome@Reception
Q3_2=expected:Fast check-in and check-out@Reception
Q3_3=expected:Reliable wifi@Room or villa
""")


# 2. LimeSurvey: wide, every field quoted, codes as column names, empty cells -------------------

def limesurvey():
    columns = ["id", "submitdate", "lastpage", "startlanguage", "seed", "G01Q01",
               "G02Q02[SQ001]", "G02Q02[SQ002]", "G02Q02[SQ003]", "G03Q03[SQ001]",
               "G03Q03[SQ002]", "G04Q04", "G05Q05"]
    text = line(columns, always=True)
    for i in range(30):
        seg = rng.choice(["A1", "A2", "A3"])
        submitted = "" if i == 17 else "2025-04-%02d %02d:%02d:00" % (1 + i % 28, 9 + i % 10, i % 60)
        row = [str(i + 1), submitted, "4", "en", str(rng.randint(10 ** 8, 10 ** 9)), seg,
               score(rng, 1, 7, 5.5, 1.3, 0.15), score(rng, 1, 7, 4.2, 1.5, 0.15),
               score(rng, 1, 7, 6.0, 1.0, 0.15), score(rng, 1, 7, 6.2, 0.8, 0.15),
               score(rng, 1, 7, 5.0, 1.2, 0.15),
               "" if i % 7 == 3 else str(rng.randint(0, 10)),
               ["", "Great spa", "The concierge chat answered in two minutes, impressive",
                "", "Too expensive for what it is"][i % 5]]
        text += line(row, always=True)
    write("limesurvey.csv", text)
    write("limesurvey.ini", """# LimeSurvey export ("Export results", CSV, answer codes, question codes as headings).
[mapping]
layout=wide
header-rows=1
respondent=id
date=submitdate
segment=G01Q01
scale=1..7
nps=G04Q04
verbatim=G05Q05

[segment-values]
A1=Honeymoon couples
A2=Families
A3=Business travellers

[columns]
G02Q02[SQ001]=lived:Spa and lagoon activities@Spa and leisure area
G02Q02[SQ002]=lived:Value for money
G02Q02[SQ003]=lived:Listening and problem solving@Concierge chat
G03Q03[SQ001]=expected:Spa and lagoon activities@Spa and leisure area
G03Q03[SQ002]=expected:Value for money
""")


# 3. Google Forms: wide, a Timestamp column, whole questions as column names -------------------

def google_forms():
    columns = ["Timestamp", "Who did you travel with?",
               "How easy was it to book your stay? (1 = very hard, 10 = very easy)",
               "How warm was the welcome when you arrived?",
               "How personal was the attention of the staff?",
               "How likely are you to recommend us to a friend?",
               "What should we improve?"]
    text = line(columns)
    who = ["My partner, on our honeymoon", "My children", "Colleagues (business trip)"]
    for i in range(25):
        seg = i % 3
        hour = 1 + (i * 5) % 12
        ts = "2025/05/%02d %d:%02d:%02d %s GMT+2" % (2 + i, hour, (i * 11) % 60, (i * 29) % 60,
                                                     "AM" if i % 2 else "PM")
        row = [ts, who[seg], score(rng, 1, 10, 8.0, 1.5, 0.05), score(rng, 1, 10, 7.5, 2.0, 0.05),
               score(rng, 1, 10, 6.5, 2.0, 0.1), str(rng.randint(5, 10)),
               ["", "Faster booking page, please", "More, more, more sun loungers",
                "Nothing: it was \"perfect\""][i % 4]]
        text += line(row)
    write("google-forms.csv", text)
    write("google-forms.ini", """# Google Forms ("Download responses (.csv)"): whole questions as column names.
# A question with "=" in it is written in quotes; any column may also be named by its number.
[mapping]
layout=wide
date=Timestamp
segment=Who did you travel with?
scale=1..10
nps=#6
verbatim=What should we improve?

[segment-values]
My partner, on our honeymoon=Honeymoon couples
My children=Families
Colleagues (business trip)=Business travellers

[columns]
"How easy was it to book your stay? (1 = very hard, 10 = very easy)"=lived:Easy booking@Online booking
How warm was the welcome when you arrived?=vécue:Warm welcome@Reception
How personal was the attention of the staff?=Lived:Personal attention
""")


# 4. French Excel: ";", Windows-1252, decimal comma, dd/mm/yyyy, CRLF ---------------------------

def excel_fr():
    columns = ["Date", "N° client", "Profil", "Accueil chaleureux (vécu)",
               "Authenticité locale (vécu)", "Éco-responsabilité (attendu)",
               "Éco-responsabilité (vécu)", "Recommandation (0-10)", "Remarques"]
    text = line(columns, ";")
    profils = ["Lune de miel", "Famille", "Affaires"]
    remarks = ["Très bon séjour", "", "Le café était froid ; le personnel adorable",
               "Déçu par l'éco-responsabilité : trop de plastique", ""]
    for i in range(24):
        seg = profils[i % 3]

        def dec(centre):
            if rng.random() < 0.06:
                return ""
            v = max(0, min(10, round(rng.gauss(centre, 1.5) * 2) / 2))
            return ("%g" % v).replace(".", ",")

        row = ["%02d/06/2025" % (1 + i), "C%04d" % (1000 + i * 3), seg, dec(8.0), dec(6.5),
               dec(8.5), dec(5.5), str(rng.randint(4, 10)), remarks[i % 5]]
        text += line(row, ";")
    text += ";;;;;;;;\n"   # Excel's blank line at the end
    write("excel-fr.csv", text, "cp1252", "\r\n")
    write("excel-fr.ini", """# Excel, "CSV (séparateur : point-virgule)", French: ; Windows-1252, decimal comma.
[mapping]
layout=wide
delimiter=;
encoding=windows-1252
decimal=,
respondent=N° client
date=Date
segment=Profil
scale=0..10
nps=Recommandation (0-10)
verbatim=Remarques

[segment-values]
Lune de miel=Honeymoon couples
Famille=Families
Affaires=Business travellers

[columns]
Accueil chaleureux (vécu)=vécue:Warm welcome
Authenticité locale (vécu)=vécue:Local authenticity
Éco-responsabilité (attendu)=attendue:Eco-responsibility
Éco-responsabilité (vécu)=vécue:Eco-responsibility
""")


# 5. Long: one row per measurement, written by an analyst ---------------------------------------

def long_file():
    text = "respondent,segment,attribute,touchpoint,dimension,score,date\n"
    dims = ["lived", "expected", "Vécue", "attendue", "LIVED"]
    attributes = [("Warm welcome", "Reception"), ("Room comfort", "Room or villa"),
                  ("Value for money", ""), ("Kids’ club", "Spa and leisure area")]
    rows = []
    for r in range(20):
        seg = SEGMENTS[r % 3]
        for a, (attribute, touchpoint) in enumerate(attributes):
            for dim in (0, 1):
                if rng.random() < 0.1:
                    continue
                d = dims[(r + a + dim) % 5] if dim == 0 else ["expected", "attendue"][r % 2]
                if d.lower() in ("lived", "vécue"):
                    pass
                rows.append(["P%03d" % r, seg, attribute, touchpoint, d,
                             str(rng.randint(0, 10)), "2025-02-%02d" % (1 + r)])
    # One respondent comes back at the end (rows of a respondent need not be together).
    rows.append(["P004", SEGMENTS[4 % 3], "Reliable wifi", "Room or villa", "lived", "2",
                 "2025-02-05"])
    for row in rows:
        text += line(row)
    write("long.csv", text)
    write("long.ini", """# One row per measurement, as an analyst writes it.
[mapping]
layout=long
respondent=respondent
segment=segment
attribute=attribute
touchpoint=touchpoint
dimension=dimension
score=score
date=date
scale=0..10
""")


# The same data in every encoding (RELIABILITY.md R12) -------------------------------------------

def encodings():
    text = ("Client,Segment,Accueil,Écoute,Commentaire\n"
            "é-01,Familles,4,5,\"Très bien, l’accueil « chaleureux » 👍\"\n"
            "é-02,Couples,3,,Ça va\n"
            "é-03,Familles,5,4,\"Œuvre d’art ; déjà vu\n— deuxième ligne\"\n"
            "é-04,Affaires,2,1,€ 120 la nuit\n")
    write("encoding-utf8.csv", text, "utf-8")
    write("encoding-utf8-bom.csv", "\ufeff" + text, "utf-8")
    write("encoding-utf16le.csv", "\ufeff" + text, "utf-16-le", "\r\n")
    write("encoding-utf16be.csv", "\ufeff" + text, "utf-16-be")
    # Windows-1252 has no emoji: that one is the only difference, so it is left out there
    # and in the others the test compares it apart.
    write("encoding-windows-1252.csv", text.replace(" 👍", ""), "cp1252", "\r\n")
    write("encoding.ini", """[mapping]
layout=wide
respondent=Client
segment=Segment
scale=1..5
verbatim=Commentaire

[segment-values]
Familles=Families
Couples=Honeymoon couples
Affaires=Business travellers

[columns]
Accueil=lived:Warm welcome
Écoute=lived:Listening and problem solving
""")


# One bad row of every kind ---------------------------------------------------------------------

def bad_rows():
    text = ("id,segment,date,welcome,wifi,nps\n"          # line 1
            "1,Families,2025-03-01,4,3,9\n"                # 2 ok
            "2,Families,2025-03-02,7,3,9\n"                # 3 score out of scale (col 4)
            "3,Families,2025-03-03,abc,3,9\n"              # 4 not a number (col 4)
            "4,Families,2025-03-04,4,3,11\n"               # 5 NPS out of range (col 6)
            "5,Families,2025-03-05,4,3,7.5\n"              # 6 NPS not whole (col 6)
            "6,Astronauts,2025-03-06,4,3,9\n"              # 7 unknown segment value (col 2)
            "7,Families,31/02/2025,4,3,9\n"                # 8 bad date (col 3)
            "8,Families,2025-03-08,4,3\n"                  # 9 wrong field count
            "\"9\",\"Families\",\"2025-03-09\",\"2\",\"1\",\"6\"\n")  # 10 ok
    write("bad-rows.csv", text)
    # An unterminated quote swallows the rest of the file: the file is refused, with the
    # line and column of the quote.
    write("unterminated-quote.csv", text + "10,Families,2025-03-10,\"3,1,8\n11,Families,2025-03-11,4,4,9\n")
    write("bad-rows.ini", """[mapping]
layout=wide
respondent=id
segment=segment
date=date
scale=1..5
nps=nps

[segment-values]
Families=Families

[columns]
welcome=lived:Warm welcome
wifi=lived:Reliable wifi
""")


qualtrics()
limesurvey()
google_forms()
excel_fr()
long_file()
encodings()
bad_rows()
