"""Reads docs/authorisation-matrix.md and walks config.urls: shared by the matrix and CSRF tests."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

MATRIX_PATH = Path(__file__).resolve().parent.parent / "docs" / "authorisation-matrix.md"
# Each feature app documents its routes in a file of its own here, in the same table format.
MATRIX_DIR = MATRIX_PATH.with_suffix("")

# Column heading in the document -> persona fixture in the root conftest.py (None: anonymous).
PERSONAS: dict[str, str | None] = {
    "anonymous": None,
    "outsider": "outsider",
    "other CSP": "other_csp_coordinator",
    "coordinator": "coordinator",
    "CSP chair": "csp_chair",
    "independent chair": "independent_chair",
    "agency contributor": "contributor_a",
    "panel member": "panel_member",
    "oversight": "oversight",
}
# Personas who hold no role in the fixture review: the only ones checked on routes whose
# path names a second object (it is a random id, so members would get 404 too).
NON_MEMBERS = ("anonymous", "outsider", "other CSP")
TRANSITION_SLUG = "complete-set-up"


@dataclass(frozen=True)
class Cell:
    status: int
    to_sign_in: bool
    may_post: bool


@dataclass(frozen=True)
class Row:
    name: str
    path: str
    methods: frozenset[str]
    cells: dict[str, Cell]

    @property
    def has_other_object(self) -> bool:
        return any(
            name.endswith("_id") and name != "review_id"
            for name in re.findall(r"<(?:\w+:)?(\w+)>", self.path)
        )


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _parse_cell(text: str, methods: frozenset[str]) -> Cell:
    match = re.match(r"(\d{3})", text)
    if not match:
        raise ValueError(f"matrix cell {text!r} does not start with a status code")
    status = int(match.group(1))
    return Cell(
        status=status,
        to_sign_in="sign-in" in text,
        may_post="POST ok" in text or (status == 200 and "POST" in methods),
    )


def documented_routes() -> tuple[dict[str, Row], set[str]]:
    """(rows of the persona matrix by route name, names listed in any table)."""
    rows: dict[str, Row] = {}
    names: set[str] = set()
    header: list[str] | None = None
    files = [MATRIX_PATH, *sorted(MATRIX_DIR.glob("*.md"))]
    lines = [line for path in files for line in path.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        if not line.startswith("|"):
            header = None
            continue
        cells = _cells(line)
        if cells[0] == "route name":
            header = cells
            continue
        if header is None or set(cells[0]) <= {"-", ":"}:
            continue
        name = cells[0].strip("`")
        names.add(name)
        if header[3:] == list(PERSONAS):
            methods = frozenset(m.strip() for m in cells[2].split(","))
            rows[name] = Row(
                name=name,
                path=cells[1].strip("`"),
                methods=methods,
                cells={
                    persona: _parse_cell(text, methods)
                    for persona, text in zip(header[3:], cells[3:], strict=True)
                },
            )
    return rows, names


def _walk(patterns: list[Any], prefix: str, namespace: str | None) -> Iterator[tuple[str, str]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = pattern.name or ""
            if name and namespace:
                name = f"{namespace}:{name}"
            yield name, prefix + str(pattern.pattern)


def url_routes() -> list[tuple[str, str]]:
    """Every (name, route) that config.urls resolves, walked recursively."""
    return list(_walk(get_resolver().url_patterns, "", None))


def kwargs_for(route: str, review_id: Any) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    for converter, name in re.findall(r"<(?:(\w+):)?(\w+)>", route):
        if name == "review_id":
            kwargs[name] = review_id
        elif converter == "uuid":
            kwargs[name] = uuid.uuid4()
        elif name == "transition":
            kwargs[name] = TRANSITION_SLUG
        elif name == "language":
            kwargs[name] = "cy"
        elif name == "fmt":
            kwargs[name] = "docx"
        else:
            kwargs[name] = "x"
    return kwargs
