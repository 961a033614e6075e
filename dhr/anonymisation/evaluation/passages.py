"""The labelled evaluation set: synthetic DHR report passages with planted identifiers.

Every person, place, number and date below is invented; telephone numbers are from Ofcom's
ranges reserved for drama, e-mail and web addresses use example domains, NHS numbers were
generated to pass (or, where they are distractors, to fail) the modulus 11 check.

Each passage is written with its labels inline, `{kind|text}`, and parsed into plain text and
exact (start, end, kind) spans by `labelled_text`; `case` lists what the review's own records
hold (its gazetteer). Unlabelled look-alikes (a pronoun "will", section numbers, an NHS number
that fails its check, an NI number with a prefix HMRC never issues) measure precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_LABEL = re.compile(r"\{(\w+)\|(.*?)\}", re.DOTALL)


@dataclass(frozen=True)
class Passage:
    name: str
    marked: str
    case: dict[str, Any] = field(default_factory=dict)


def labelled_text(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Plain text and its labelled spans from `{kind|text}` markup."""
    pieces: list[str] = []
    spans: list[tuple[int, int, str]] = []
    position = 0
    length = 0
    for match in _LABEL.finditer(marked):
        before = marked[position : match.start()]
        pieces.append(before)
        length += len(before)
        kind, text = match.group(1), match.group(2)
        spans.append((length, length + len(text), kind))
        pieces.append(text)
        length += len(text)
        position = match.end()
    pieces.append(marked[position:])
    return "".join(pieces), spans


JANE = {"name": "Jane Mary Smith-Jones", "pseudonym": "Adele Brown", "nicknames": ["Janey"]}
MARK = {"name": "Mark Anthony Doyle", "pseudonym": "Tom"}
MARK_CASE = {"people": [JANE, MARK]}

PASSAGES: list[Passage] = [
    Passage(
        "victim introduced",
        "{person|Jane Mary Smith-Jones} (known to friends as {person|Janey}) was born on "
        "{date_of_birth|3rd March 1990}. {person|Jane}'s mother said she will always "
        "remember her as kind.",
        {"people": [JANE], "dates": [("1990-03-03", "date_of_birth")]},
    ),
    Passage(
        "possessives and capitals",
        "{person|MARK DOYLE} was arrested. {person|Doyle}'s account differed from "
        "{person|Smith-Jones}' sister's statement. {person|Mark} may dispute this.",
        MARK_CASE,
    ),
    Passage(
        "line-broken and hyphenated names",
        "The IMR author records that {person|Jane Smith-\nJones} attended A&E. Later\n"
        "{person|Jane\nSmith-Jones} told the nurse that {person|Mark\nDoyle} had hit her.",
        MARK_CASE,
    ),
    Passage(
        "initials",
        "Minutes: {person|J. S.} did not attend; {person|M.A.D.} was present with {person|MD}.",
        MARK_CASE,
    ),
    Passage(
        "home address",
        "{person|Jane} lived at {address|14 Heol y Felin, Pontypridd, "
        "CF37 2AB} with her two children.",
        {"people": [JANE], "addresses": ["14 Heol y Felin, Pontypridd, CF37 2AB"]},
    ),
    Passage(
        "welsh mutations",
        "Symudodd {person|Jane} o {town|Bontypridd} i {town|Gaerdydd} yn 2019. Roedd hi'n "
        "gweithio yng {town|Nghaerdydd} ac yn ymweld â {town|Phontypridd} bob wythnos.",
        {"people": [JANE], "places": ["Pontypridd", "Caerdydd"]},
    ),
    Passage(
        "welsh mutations of Bangor",
        "Cafodd ei geni ym {town|Mangor} a symudodd i {town|Fangor} eto yn 2015; "
        "mae {town|Bangor} yn agos.",
        {"places": ["Bangor"]},
    ),
    Passage(
        "date of death",
        "{person|Jane} died on {date_of_death|14/02/2024} at {address|27 Station Road}. "
        "Police were called at 02:10 on {date_of_death|14 February 2024}.",
        {
            "people": [JANE],
            "dates": [("2024-02-14", "date_of_death")],
            "addresses": ["27 Station Road, Treforest"],
        },
    ),
    Passage(
        "school and GP practice",
        "Both children attended {school|St Mary's Primary School}; the GP at "
        "{gp_practice|Riverside Medical Centre} saw {person|Jane} eleven times in 2022.",
        {
            "people": [JANE],
            "organisations": [
                ("St Mary's Primary School", "school"),
                ("Riverside Medical Centre", "gp_practice"),
            ],
        },
    ),
    Passage(
        "employer",
        "{person|Mark} worked night shifts at {employer|Valleyside Logistics Ltd} and "
        "{person|Jane} at {employer|The Copper Kettle}.",
        {
            "people": [JANE, MARK],
            "organisations": [
                ("Valleyside Logistics Ltd", "employer"),
                ("The Copper Kettle", "employer"),
            ],
        },
    ),
    Passage(
        "named professionals",
        "The health visitor, {professional|Priya Raman}, referred to MARAC. "
        "Ms {professional|Raman} recorded the referral on {date|3 May 2023}.",
        {"professionals": ["Priya Raman"]},
    ),
    Passage(
        "NHS numbers",
        "Hospital records for NHS number {nhs_number|642 621 2997} and {nhs_number|4061358952} "
        "were reviewed; the number 690 702 9313 in one letter is a typing error.",
    ),
    Passage(
        "NI numbers",
        "DWP held National Insurance number {ni_number|AB 12 34 56 C}; a second form quoted "
        "{ni_number|JK123456D}. The form's example, BG 12 34 56 A, is not a real number.",
    ),
    Passage(
        "phone numbers",
        "She called {phone|07700 900123} and later {phone|+44 20 7946 0958}; the refuge line "
        "is {phone|(0161) 496 0123}. Paragraph 4.12 sets out the timeline.",
    ),
    Passage(
        "e-mail and web addresses",
        "Messages were sent from {email|jane.sj90@example.org} to {email|m.doyle@example.com}; "
        "the profile was at {url|https://social.example.net/janey90}. See also "
        "{url|www.example.org/support}.",
    ),
    Passage(
        "full dates in prose",
        "On {date|4 April 2021} police attended; on {date|April 12th, 2021} a DASH was "
        "completed; on {date|21/06/2021} a MARAC was held. Section 2.3.12 refers.",
    ),
    Passage(
        "numeric and ISO dates",
        "The injunction dated {date|2022-01-05} was served on {date|07.01.2022}; it expired on "
        "{date|5/1/23}. Version 1.2.3 of the policy applied.",
    ),
    Passage(
        "ages",
        "{person|Jane}, {age|34}, and her son, {age|aged 9}, lived with {person|Mark}. "
        "{person|Mark} was {age|aged 41} and a {age|41-year-old} man with previous convictions.",
        MARK_CASE,
    ),
    Passage(
        "vehicle registrations",
        "ANPR recorded {vehicle_registration|AB12 CDE} near the house and "
        "{vehicle_registration|K123 BFT} at the services; his old car was "
        "{vehicle_registration|GHR 123K}.",
    ),
    Passage(
        "police references",
        "Crime reference {police_reference|12/34567/23} and incident log "
        "CAD {police_reference|1234-15092023} relate; the file went to the CPS under "
        "{police_reference|44WP0123423} and the force crime number "
        "{police_reference|CR/0123456/23}.",
    ),
    Passage(
        "court references",
        "{person|Doyle} was sentenced at the Crown Court (case {court_reference|T20237001}); "
        "the family court case {court_reference|ZW23C50012} concerned the children. "
        "The judgment is {court_reference|[2024] EWCA Crim 123}.",
        MARK_CASE,
    ),
    Passage(
        "pronoun and month distractors",
        "In May, agencies will review whether the MARAC in March should have been escalated. "
        "{person|Will} said his brother would mark the anniversary.",
        {"people": [{"name": "Will Evans", "pseudonym": "Sam"}]},
    ),
    Passage(
        "maiden name",
        "Before her marriage, {person|Ceri Wynne Hughes} was known as {person|Ceri Pritchard}; "
        "school records still list '{person|Pritchard}'.",
        {
            "people": [
                {
                    "name": "Ceri Wynne Hughes",
                    "pseudonym": "Lowri Bevan",
                    "maiden_names": ["Pritchard"],
                }
            ]
        },
    ),
    Passage(
        "alias",
        "Intelligence showed {person|Darren Kyle Price} also used the name "
        "{person|Daz Kyle}; {person|Price} denied this.",
        {"people": [{"name": "Darren Kyle Price", "pseudonym": "Owen", "aliases": ["Daz Kyle"]}]},
    ),
    Passage(
        "children named",
        "The children, {person|Ffion} ({age|aged 7}) and {person|Rhys} ({age|aged 4}), were at "
        "{school|Ysgol Gynradd Glan Taf} on the day.",
        {
            "people": [
                {"name": "Ffion Jones", "pseudonym": "Child A"},
                {"name": "Rhys Jones", "pseudonym": "Child B"},
            ],
            "organisations": [("Ysgol Gynradd Glan Taf", "school")],
        },
    ),
    Passage(
        "address in a list",
        "Addresses known to agencies:\n- {address|Flat 3, 22 Bute Street}\n- "
        "{address|5 Clos y Wern, Llanelli SA15 3QT}\n",
        {"addresses": ["Flat 3, 22 Bute Street, Cardiff", "5 Clos y Wern, Llanelli, SA15 3QT"]},
    ),
    Passage(
        "street and town mentioned alone",
        "Neighbours on {street|Acacia Avenue} heard shouting; officers from {town|Treorchy} "
        "attended.",
        {"addresses": ["9 Acacia Avenue, Treorchy, CF42 6AB"]},
    ),
    Passage(
        "postcode without space",
        "The refuge referral gave the postcode as {postcode|CF426AB}; an earlier form gave "
        "{postcode|cf42 6ab}.",
        {"addresses": ["9 Acacia Avenue, Treorchy, CF42 6AB"]},
    ),
    Passage(
        "chronology row",
        "{date|12/09/2022} | GP | {person|Jane} reported low mood; "
        "Dr {professional|Okafor} prescribed sertraline and noted {person|Mark} was present.",
        {"people": [JANE, MARK], "professionals": ["Dr Emeka Okafor"]},
    ),
    Passage(
        "birthday without year",
        "Family described {person|Jane}'s birthday, {date_of_birth|3rd March}, as the last "
        "happy day; on {date_of_birth|March 3rd} {person|Mark} was calm.",
        {"people": [JANE, MARK], "dates": [("1990-03-03", "date_of_birth")]},
    ),
    Passage(
        "unicode and curly apostrophes",
        "{person|Siân O’Brien}’s friend {person|Siân} said {person|O'Brien} feared him. "
        "{person|SIÂN} had told no one.",
        {"people": [{"name": "Siân O'Brien", "pseudonym": "Nia"}]},
    ),
    Passage(
        "numbers that are not identifiers",
        "The review made 12 recommendations; 3 of 14 agencies responded by week 6. Costs were "
        "£12,500. The rate was 1 in 4 and 0.5% of cases; see paragraphs 10.1-10.4.",
    ),
    Passage(
        "mixed identifiers",
        "{person|Mark Doyle} ({age|aged 41}) of {address|27 Station Road, Treforest, "
        "CF37 1XY} phoned {phone|01632 960 001} on {date|1 January 2024}; "
        "NHS {nhs_number|670 113 9124}.",
        {"people": [MARK], "addresses": ["27 Station Road, Treforest, CF37 1XY"]},
    ),
    Passage(
        "welsh date",
        "Bu farw {person|Jane} ar {date_of_death|14 Chwefror 2024}; ganwyd hi ar "
        "{date_of_birth|3 Mawrth 1990}.",
        {
            "people": [JANE],
            "dates": [("1990-03-03", "date_of_birth"), ("2024-02-14", "date_of_death")],
        },
    ),
]
