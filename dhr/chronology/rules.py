"""Permission predicates for chronologies (django-rules), named `chronology.<verb>_<noun>`.

Issue 3 item 8: an agency contributor sees only their own agency's entries (the agency is
checked by the selectors, `contributor_agency_ids`); the independent chair, report writer and
coordinator see the combined chronology; review panel members see it only once the chair has
shared it with the panel.
"""

from __future__ import annotations

from typing import Any

import rules

from dhr.accounts.models import Role
from dhr.reviews.access import review_roles
from dhr.reviews.models import Review


def _has_any(*roles: str) -> Any:
    wanted = frozenset(roles)

    @rules.predicate(name=f"chronology_holds_any_of_{'_'.join(sorted(wanted))}")
    def predicate(user: Any, review: Review | None) -> bool:
        if review is None:
            return False
        return bool(review_roles(user, review) & wanted)

    return predicate


@rules.predicate
def is_shared_with_panel(user: Any, review: Review | None) -> bool:
    from dhr.chronology.models import ChronologySettings

    if review is None:
        return False
    return ChronologySettings.objects.filter(review=review, shared_with_panel=True).exists()


is_coordinator = _has_any(Role.CSP_COORDINATOR)
is_independent_chair = _has_any(Role.INDEPENDENT_CHAIR)
is_report_writer = _has_any(Role.REPORT_WRITER)
is_agency_contributor = _has_any(Role.AGENCY_CONTRIBUTOR)
is_review_panel_member = _has_any(Role.REVIEW_PANEL_MEMBER)

sees_everything = is_coordinator | is_independent_chair | is_report_writer

rules.add_perm("chronology.submit_chronology", is_agency_contributor)
rules.add_perm("chronology.view_submissions", is_agency_contributor | sees_everything)
rules.add_perm(
    "chronology.view_combined", sees_everything | (is_review_panel_member & is_shared_with_panel)
)
rules.add_perm("chronology.export_combined", sees_everything)
rules.add_perm("chronology.mark_entry", is_independent_chair | is_report_writer)
rules.add_perm("chronology.configure_chronology", sees_everything)
rules.add_perm("chronology.share_chronology", is_independent_chair)
