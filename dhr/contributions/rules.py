"""Permission predicates for information requests and IMRs, named `contributions.<verb>_<noun>`.

Object-level on the Review, as in dhr/reviews/rules.py. Which agency's material a contributor
may touch is a second check made by the selectors and services (`contributor_agency_ids`), so
a contributor who changes an id in the URL gets 404, never another agency's record.
"""

from __future__ import annotations

from typing import Any

import rules

from dhr.accounts.models import Role
from dhr.reviews.access import review_roles
from dhr.reviews.models import Review
from dhr.reviews.rules import (
    is_any_member,
    is_coordinator,
    is_csp_chair,
    is_independent_chair,
    is_report_writer,
)


def _holds(role: str) -> Any:
    @rules.predicate(name=f"contributions_holds_{role}")
    def predicate(user: Any, review: Review | None) -> bool:
        return review is not None and role in review_roles(user, review)

    return predicate


is_contributor = _holds(Role.AGENCY_CONTRIBUTOR)
is_panel_member = _holds(Role.REVIEW_PANEL_MEMBER)
is_oversight = _holds(Role.OVERSIGHT)

# The chair, writer and coordinator see every agency's material (issue 3 item 8).
oversees_contributions = is_coordinator | is_independent_chair | is_report_writer

rules.add_perm("contributions.view_contributions", is_any_member)
# Request statuses (not IMR text): also the CSP chair and read-only oversight.
rules.add_perm(
    "contributions.view_requests",
    oversees_contributions | is_csp_chair | is_oversight | is_contributor,
)
rules.add_perm("contributions.send_requests", is_coordinator | is_independent_chair)
rules.add_perm("contributions.manage_requests", is_coordinator | is_independent_chair)
rules.add_perm("contributions.answer_requests", is_contributor)
# IMR text: panel members only once the chair shares an IMR (the selector enforces it).
rules.add_perm("contributions.view_imrs", oversees_contributions | is_contributor | is_panel_member)
rules.add_perm("contributions.write_imrs", is_contributor)
rules.add_perm("contributions.assess_imrs", is_independent_chair)
