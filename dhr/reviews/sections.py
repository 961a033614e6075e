"""The parts of a review a person can open from its page, shown only if their role allows.

Feature apps own their pages; this list is the one place that says which appear on the review
page, in what order, and behind which permission, so nobody is offered a link that answers 403.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from dhr.reviews.models import Review


@dataclass(frozen=True)
class Section:
    url_name: str
    label: Any
    permission: str


SECTIONS: tuple[Section, ...] = (
    Section("clock:clock-detail", _("Statutory clock"), "clock.view_clock"),
    Section("reviews:review-timeline", _("Timeline"), "reviews.view_timeline"),
    Section("reviews:member-list", _("People in this review"), "reviews.view_case_record"),
    Section(
        "reviews:agency-decline-create",
        _("Record an agency that declined to take part"),
        "reviews.record_agency_decline",
    ),
    Section("panel:panel-home", _("Review panel and terms of reference"), "panel.view_panel"),
    Section(
        "contributions:request-list",
        _("Agency requests and IMRs"),
        "contributions.view_contributions",
    ),
    Section("chronology:combined", _("Combined chronology"), "chronology.view_combined"),
    Section(
        "chronology:agency-chronology",
        _("Your agency's chronology"),
        "chronology.submit_chronology",
    ),
    Section("documents:document-list", _("Documents"), "documents.view_documents"),
    Section(
        "family:family-overview", _("Family, friends and colleagues"), "family.view_involvement"
    ),
    Section(
        "proceedings:proceeding-list", _("Parallel proceedings"), "proceedings.view_proceedings"
    ),
)


@dataclass(frozen=True)
class SectionLink:
    href: str
    label: Any


def section_links_for(*, review: Review, user: Any) -> list[SectionLink]:
    links = []
    for section in SECTIONS:
        if not user.has_perm(section.permission, review):
            continue
        try:
            href = reverse(section.url_name, kwargs={"review_id": review.pk})
        except NoReverseMatch:
            # A feature app that is not installed in this deployment simply has no link.
            continue
        links.append(SectionLink(href, section.label))
    return links
