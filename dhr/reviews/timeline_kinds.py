"""How timeline events group for filtering: the part of `kind` before the first dot.

"clock.pause" groups as "clock", so each app's events fall under one filter; the demo's older
"pause" events group with the clock.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

GROUP_LABELS = {
    "notification": _("Notification"),
    "eligibility": _("Eligibility"),
    "decision": _("Decision"),
    "home_office": _("Home Office"),
    "appointment": _("Appointments"),
    "membership": _("People on the review"),
    "csp": _("Partnership"),
    "agency_decline": _("Agency declines"),
    "lifecycle": _("Lifecycle"),
    "clock": _("Clock and pauses"),
    "proceedings": _("Parallel proceedings"),
    "family": _("Family involvement"),
    "contributions": _("Agency requests"),
    "requests": _("Agency requests"),
    "panel": _("Panel"),
    "documents": _("Documents"),
}
ALIASES = {"pause": "clock"}


def group_of(kind: str) -> str:
    head = kind.split(".", 1)[0]
    return ALIASES.get(head, head)


def group_kinds(kinds: Iterable[str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for kind in sorted(set(kinds)):
        groups.setdefault(group_of(kind), []).append(kind)
    return groups


def group_choices(groups: Iterable[str]) -> list[tuple[str, str]]:
    labelled = [
        (group, str(GROUP_LABELS.get(group, group.replace("_", " ").capitalize())))
        for group in groups
    ]
    return sorted(labelled, key=lambda choice: choice[1])
