"""Permission predicates for the redaction review, named `anonymisation.<verb>_<noun>`.

The people who write and own the report decide what is redacted: the CSP coordinator, the
independent chair and the report writer (domain.md R65).
"""

from __future__ import annotations

import rules

from dhr.reviews.rules import is_coordinator, is_independent_chair, is_report_writer

can_review_redactions = is_coordinator | is_independent_chair | is_report_writer

rules.add_perm("anonymisation.review_redactions", can_review_redactions)
