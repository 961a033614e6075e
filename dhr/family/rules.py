"""Permission predicates for family involvement, named `family.<verb>_<noun>`.

R78: contact details of the people around the victim are for the coordinator and the
independent chair only. Others who write the report (the report writer, the CSP chair,
oversight) see the involvement steps, never how to reach anyone. Panel members and agency
contributors see nothing of the family, and cannot learn that a family member's page exists.
"""

from __future__ import annotations

from typing import Any

import rules

from dhr.accounts.models import Role
from dhr.reviews.access import review_roles
from dhr.reviews.rules import is_coordinator, is_csp_chair, is_independent_chair, is_report_writer


@rules.predicate(name="family_holds_oversight")
def is_oversight(user: Any, review: Any) -> bool:
    return review is not None and Role.OVERSIGHT in review_roles(user, review)


can_view_involvement = (
    is_coordinator | is_independent_chair | is_report_writer | is_csp_chair | is_oversight
)
can_handle_contacts = is_coordinator | is_independent_chair

rules.add_perm("family.view_involvement", can_view_involvement)
rules.add_perm("family.view_contact_details", can_handle_contacts)
rules.add_perm("family.manage_contacts", can_handle_contacts)
rules.add_perm("family.record_step", can_handle_contacts)
rules.add_perm("family.send_letter", can_handle_contacts)
rules.add_perm("family.record_perpetrator_contribution", can_handle_contacts)
