"""Permission predicates for reviews (django-rules), named `reviews.<verb>_<noun>`.

Object-level: every predicate receives the Review. Views call `has_perm` after a scoped
selector has already found the review (outsiders never get this far: they get 404).
"""

from __future__ import annotations

from typing import Any

import rules

from dhr.accounts.models import Role
from dhr.reviews.access import review_roles
from dhr.reviews.models import Review


def _has_any(*roles: str) -> Any:
    wanted = frozenset(roles)

    @rules.predicate(name=f"holds_any_of_{'_'.join(sorted(wanted))}")
    def predicate(user: Any, review: Review | None) -> bool:
        if review is None:
            return False
        return bool(review_roles(user, review) & wanted)

    return predicate


is_coordinator = _has_any(Role.CSP_COORDINATOR)
is_csp_chair = _has_any(Role.CSP_CHAIR)
is_decision_panel = _has_any(Role.DECISION_PANEL_MEMBER)
is_independent_chair = _has_any(Role.INDEPENDENT_CHAIR)
is_report_writer = _has_any(Role.REPORT_WRITER)
is_any_member = _has_any(*Role.values)

# Reading the case record in full (people, notification, decision): the CSP's own staff and the
# chair and writer. Agency contributors and panel members see only what is shared with them.
can_view_case_record = (
    is_coordinator
    | is_csp_chair
    | is_decision_panel
    | is_independent_chair
    | is_report_writer
    | _has_any(Role.OVERSIGHT)
)

rules.add_perm("reviews.view_review", is_any_member)
rules.add_perm("reviews.view_case_record", can_view_case_record)
rules.add_perm("reviews.change_notification", is_coordinator)
rules.add_perm("reviews.assess_eligibility", is_coordinator | is_csp_chair)
rules.add_perm("reviews.record_decision", is_csp_chair | is_decision_panel)
rules.add_perm("reviews.send_home_office_letter", is_coordinator | is_csp_chair)
rules.add_perm("reviews.record_home_office_response", is_coordinator | is_csp_chair)
rules.add_perm("reviews.record_agency_decline", is_coordinator | is_independent_chair)
rules.add_perm("reviews.appoint_chair", is_coordinator | is_csp_chair)
rules.add_perm("reviews.manage_members", is_coordinator)
rules.add_perm("reviews.advance_lifecycle", is_coordinator | is_independent_chair)
rules.add_perm("reviews.view_timeline", can_view_case_record)
rules.add_perm("clock.view_clock", is_any_member)
rules.add_perm("clock.manage_pauses", is_independent_chair | is_csp_chair | is_coordinator)
rules.add_perm("clock.approve_pause", is_independent_chair | is_csp_chair)
