"""Permission predicates for the review panel (django-rules), named `panel.<verb>_<noun>`.

Object-level: every predicate receives the Review. Who holds a role comes from
`dhr.reviews.access.review_roles`, the one definition of roles.

- Managing the panel, its meetings and the terms of reference: the coordinator and the
  independent chair (they run the review day to day).
- The panel page, the roster, the agencies considered and the meeting dates: anyone with a role
  in the review, agency contributors included (they need to know who sits on the panel).
- Agendas, attendance, minutes, decisions and actions, and the terms of reference: the panel,
  the chairs, the writer, the coordinator and oversight. An agency contributor sees them only
  when they sit on the panel themselves (a review panel member role, or a linked seat).
"""

from __future__ import annotations

from typing import Any

import rules

from dhr.accounts.models import Role
from dhr.reviews.access import review_roles
from dhr.reviews.models import Review

MANAGERS = frozenset({Role.CSP_COORDINATOR, Role.INDEPENDENT_CHAIR})
PANEL_READERS = frozenset(
    {
        Role.CSP_COORDINATOR,
        Role.CSP_CHAIR,
        Role.INDEPENDENT_CHAIR,
        Role.REPORT_WRITER,
        Role.REVIEW_PANEL_MEMBER,
        Role.OVERSIGHT,
    }
)


@rules.predicate
def manages_panel(user: Any, review: Review | None) -> bool:
    return review is not None and bool(review_roles(user, review) & MANAGERS)


@rules.predicate
def has_any_role(user: Any, review: Review | None) -> bool:
    return review is not None and bool(review_roles(user, review))


@rules.predicate
def reads_panel_papers(user: Any, review: Review | None) -> bool:
    return review is not None and bool(review_roles(user, review) & PANEL_READERS)


@rules.predicate
def holds_a_panel_seat(user: Any, review: Review | None) -> bool:
    """A person linked to a seat on this review's panel (and still holding a role in it)."""
    if review is None or not review_roles(user, review):
        return False
    from dhr.panel.models import PanelMember

    return PanelMember.objects.filter(review=review, user=user).exists()


rules.add_perm("panel.view_panel", has_any_role)
rules.add_perm("panel.manage_panel", manages_panel)
rules.add_perm("panel.view_minutes", reads_panel_papers | holds_a_panel_seat)
rules.add_perm("panel.view_terms", reads_panel_papers | holds_a_panel_seat)
rules.add_perm("panel.manage_terms", manages_panel)
