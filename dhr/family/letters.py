"""Letters to the people around the victim, in English or Welsh (R39, R41, G6; issue item 6).

Framework-free like `dhr.documents.rendering`: services copy what a letter needs into
`FamilyLetterData`. The input type holds one recipient and nothing about anybody else, so a
letter cannot carry another family member's name or contact details (R78).

The Welsh bodies are short and formal; a Welsh speaker must review them before live use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dhr.documents.rendering.letters import (
    Block,
    Language,
    Letter,
    Paragraph,
    format_date,
    label,
)

TEMPLATES = ("first", "update", "draft", "publication")

TITLES: dict[str, str] = {"en": "Domestic Homicide Review", "cy": "Adolygiad Dynladdiad Domestig"}

SUBJECTS: dict[str, dict[str, str]] = {
    "en": {
        "first": "The review and how you can take part",
        "update": "An update on the review",
        "draft": "The draft report of the review",
        "publication": "When the report will be published",
    },
    "cy": {
        "first": "Yr adolygiad a sut y gallwch gymryd rhan",
        "update": "Y wybodaeth ddiweddaraf am yr adolygiad",
        "draft": "Drafft adroddiad yr adolygiad",
        "publication": "Pryd y bydd yr adroddiad yn cael ei gyhoeddi",
    },
}

BODIES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "first": (
            "I am writing about the Domestic Homicide Review that {csp} is holding after the "
            "death of someone close to you. We are very sorry for your loss.",
            "The review looks at how agencies were involved and what can be learned, so that "
            "other deaths may be prevented. It does not decide who is to blame.",
            "You are welcome to take part in whatever way suits you. With this letter is the "
            "Home Office leaflet for families, which explains how a review works.",
            "Specialist advocates, such as Advocacy After Fatal Domestic Abuse (AAFDA), can "
            "support you free of charge. We can put you in touch with one. There is no rush "
            "to decide.",
            "Please contact us in whichever way suits you best.",
        ),
        "update": (
            "This letter is to keep you up to date with the review, as we agreed.",
            "The review is continuing. We will write to you again by {next_update}.",
            "If you have any questions at any time, please contact us.",
        ),
        "draft": (
            "With this letter is the draft report of the review. Please read it in your own "
            "time and in private. You may wish to have your advocate, or someone you trust, "
            "with you.",
            "You have until {reading_ends} to tell us your comments. The panel will consider "
            "every comment and tell you how it has responded.",
            "If you need more time, please tell us. Please do not share the draft with anyone "
            "else.",
        ),
        "publication": (
            "We are writing to let you know that the report of the review will be published "
            "on {publication}. We wanted you to hear this from us first.",
            "If you would like to talk about it before then, please contact us.",
        ),
    },
    "cy": {
        "first": (
            "Rwy'n ysgrifennu atoch ynglŷn â'r Adolygiad Dynladdiad Domestig y mae {csp} yn "
            "ei gynnal yn dilyn marwolaeth rhywun agos atoch. Mae'n ddrwg iawn gennym am eich "
            "colled.",
            "Mae'r adolygiad yn edrych ar sut yr oedd asiantaethau'n gysylltiedig a beth y "
            "gellir ei ddysgu, er mwyn atal marwolaethau eraill. Nid yw'n penderfynu pwy sydd "
            "ar fai.",
            "Mae croeso i chi gymryd rhan yn y ffordd sy'n gweddu orau i chi. Amgaeir taflen y "
            "Swyddfa Gartref i deuluoedd, sy'n esbonio sut mae adolygiad yn gweithio.",
            "Gall eiriolwyr arbenigol, fel Advocacy After Fatal Domestic Abuse (AAFDA), eich "
            "cefnogi yn rhad ac am ddim. Gallwn eich rhoi mewn cysylltiad ag un. Nid oes brys "
            "i benderfynu.",
            "Cysylltwch â ni yn y ffordd sydd orau i chi.",
        ),
        "update": (
            "Mae'r llythyr hwn er mwyn rhoi'r wybodaeth ddiweddaraf i chi am yr adolygiad, fel "
            "y cytunwyd.",
            "Mae'r adolygiad yn parhau. Byddwn yn ysgrifennu atoch eto erbyn {next_update}.",
            "Os oes gennych gwestiynau ar unrhyw adeg, cysylltwch â ni.",
        ),
        "draft": (
            "Amgaeir drafft adroddiad yr adolygiad gyda'r llythyr hwn. Darllenwch ef yn eich "
            "amser eich hun ac yn breifat. Efallai yr hoffech gael eich eiriolwr, neu rywun yr "
            "ydych yn ymddiried ynddo, gyda chi.",
            "Mae gennych hyd at {reading_ends} i roi eich sylwadau i ni. Bydd y panel yn "
            "ystyried pob sylw ac yn dweud wrthych sut mae wedi ymateb.",
            "Os oes angen mwy o amser arnoch, rhowch wybod i ni. Peidiwch â rhannu'r drafft ag "
            "unrhyw un arall.",
        ),
        "publication": (
            "Rydym yn ysgrifennu i roi gwybod i chi y bydd adroddiad yr adolygiad yn cael ei "
            "gyhoeddi ar {publication}. Roeddem am i chi glywed hyn gennym ni yn gyntaf.",
            "Os hoffech siarad amdano cyn hynny, cysylltwch â ni.",
        ),
    },
}

GREETING = {"en": "Dear {name},", "cy": "Annwyl {name},"}
CLOSING = {"en": "Yours sincerely,", "cy": "Yn gywir,"}
TEAM = {"en": "Domestic Homicide Review team", "cy": "Tîm yr Adolygiad Dynladdiad Domestig"}


@dataclass(frozen=True, kw_only=True)
class FamilyLetterData:
    """One recipient's letter. There is deliberately no field for anybody else."""

    template: str
    language: Language
    csp_name: str
    review_reference: str
    letter_date: dt.date
    recipient_name: str
    recipient_address: Sequence[str] = ()
    next_update_on: dt.date | None = None
    reading_ends_on: dt.date | None = None
    publication_on: dt.date | None = None

    def __post_init__(self) -> None:
        if self.template not in TEMPLATES:
            raise ValueError(f"Unknown family letter {self.template!r}")
        needed = {
            "update": self.next_update_on,
            "draft": self.reading_ends_on,
            "publication": self.publication_on,
        }
        if self.template in needed and needed[self.template] is None:
            raise ValueError(f"The {self.template} letter needs its date")


def _date(value: dt.date | None, language: str) -> str:
    return format_date(value, language) if value else ""


def family_letter(data: FamilyLetterData) -> Letter:
    language = data.language
    values = {
        "csp": data.csp_name,
        "next_update": _date(data.next_update_on, language),
        "reading_ends": _date(data.reading_ends_on, language),
        "publication": _date(data.publication_on, language),
    }
    blocks: list[Block] = [
        Paragraph(text.format(**values)) for text in BODIES[language][data.template]
    ]
    return Letter(
        title=TITLES[language],
        subject=SUBJECTS[language][data.template],
        reference=data.review_reference,
        date=data.letter_date,
        author_organisation=data.csp_name,
        sender_lines=(data.csp_name,),
        recipient_lines=(data.recipient_name, *data.recipient_address),
        salutation=GREETING[language].format(name=data.recipient_name),
        blocks=tuple(blocks),
        closing=CLOSING[language],
        signatory_lines=(TEAM[language], data.csp_name),
        protective_marking=label("marking", language),
        language=language,
    )


def letter_filename(*, reference: str, template: str, language: str, sent_on: dt.date) -> str:
    """Reference-based, so the file name never carries a name."""
    return f"{reference}-family-{template}-{language}-{sent_on:%Y%m%d}.docx"
