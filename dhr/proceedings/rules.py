"""Permission predicates for parallel proceedings, named `proceedings.<verb>_<noun>`.

Proceedings, disclosure decisions and pause proposals are case record: the CSP's staff, the
chair and the writer see them; agency contributors and panel members do not (a criminal
case's disclosure position is not shared with every agency). Deciding a pause proposal is the
clock's own permission, `clock.approve_pause` (independent chair, CSP chair).
"""

from __future__ import annotations

import rules

from dhr.reviews.rules import (
    can_view_case_record,
    is_coordinator,
    is_csp_chair,
    is_independent_chair,
)

rules.add_perm("proceedings.view_proceedings", can_view_case_record)
rules.add_perm(
    "proceedings.record_proceedings", is_coordinator | is_csp_chair | is_independent_chair
)
