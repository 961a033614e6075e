"""National-scale data for benchmarks: `python bench/generate.py --scale 1`.

Scale 1 is roughly a year-and-a-bit of England and Wales: 300 CSPs and about 1,500 reviews, each
with a notification, a victim and a suspect, about ten timeline events, its clocks, some pauses,
decisions, appointments and review memberships. Scale 10 has ten times the reviews (15,000) in
the same 300 CSPs.

Two accounts are fixed whatever the scale, so per-page numbers compare like with like:

- ``bench-coordinator@bench.dhr.test`` coordinates one CSP (code BSM) holding exactly the same
  five reviews at every scale. Pages showing "my reviews" therefore show the same rows at 1x
  and 10x, and their query counts must be equal: a count that grows means a query whose number
  depends on the size of the database (an N+1 over all reviews, a missing scope).
- ``bench-big-coordinator@bench.dhr.test`` coordinates a CSP (code BBG) with 50 reviews, the
  busiest real partnerships' case load, for page-time measurements with a full dashboard.

Writes into the database the settings point at (SQLITE_PATH / DATABASE_URL); run it on a fresh,
migrated database. Deterministic: the same scale gives the same rows (apart from UUIDs).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

CSP_COUNT = 300
REVIEWS_PER_SCALE = 1_500
SMALL_CSP_CODE = "BSM"
BIG_CSP_CODE = "BBG"
BIG_CSP_REVIEWS = 50
COORDINATOR_EMAIL = "bench-coordinator@bench.dhr.test"
BIG_COORDINATOR_EMAIL = "bench-big-coordinator@bench.dhr.test"
# The review the benchmark opens: one of the coordinator's five, mid-lifecycle with a pause.
SAMPLE_REVIEW_REFERENCE = f"DHR-{SMALL_CSP_CODE}-2024-0003"
BATCH = 2_000

SMALL_CSP_STATES = (
    "notified",
    "decided_review",
    "information_gathering",
    "analysis_drafting",
    "closed",
)
FIRST_NAMES = ("Alex", "Sam", "Jo", "Chris", "Pat", "Robin", "Kim", "Lee", "Max", "Ash")
LAST_NAMES = ("Benchmark", "Loadtest", "Sample", "Synthetic", "Generated", "Example")


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings_bench")
    import django

    django.setup()


def generate(*, scale: int, seed: int = 20240601, out: Any = sys.stdout) -> dict[str, Any]:
    """Fill the configured database; returns the ids the benchmark needs."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction
    from django.utils import timezone

    from dhr.accounts.models import Membership, Organisation, OrganisationKind, Role, User
    from dhr.clock.models import Deadline, Pause
    from dhr.clock.statutory import rule_for
    from dhr.core import crypto
    from dhr.reviews.choices import POLICE_FORCE_AREAS, ReviewState
    from dhr.reviews.lifecycle import stage_index
    from dhr.reviews.models import (
        Appointment,
        Decision,
        HomeOfficeNotification,
        Notification,
        Review,
        ReviewMembership,
        ReviewPerson,
        TimelineEvent,
    )

    started = time.perf_counter()
    rng = random.Random(seed)
    today = timezone.localdate()
    tz = timezone.get_current_timezone()
    states = list(ReviewState.values)
    rules = {code: rule_for(code) for code in ("decision", "home_office_notified", "completion")}
    # A hash computed once: nobody signs in to generated accounts with a password, and hashing
    # per row would take minutes (PBKDF2 is slow on purpose).
    unusable = make_password(None)
    name_indexes = [blind_index_of(crypto, f, s) for f in FIRST_NAMES for s in LAST_NAMES]

    with transaction.atomic():
        csps = [
            Organisation(
                name=f"Bench Community Safety Partnership {i:03d}",
                kind=OrganisationKind.CSP,
                code=f"B{i:03d}",
                jurisdiction="wales" if i % 14 == 0 else "england",
            )
            for i in range(CSP_COUNT - 2)
        ]
        small = Organisation(name="Bench Small Partnership", kind="csp", code=SMALL_CSP_CODE)
        big = Organisation(name="Bench Busy Partnership", kind="csp", code=BIG_CSP_CODE)
        csps += [small, big]
        agency_kinds = ("police", "local_authority", "nhs_trust", "probation", "housing")
        agencies = [
            Organisation(name=f"Bench {kind.replace('_', ' ').title()} {i:03d}", kind=kind)
            for i in range(60)
            for kind in agency_kinds
        ]
        Organisation.objects.bulk_create(csps + agencies, batch_size=BATCH)

        def user(email: str, name: str) -> User:
            return User(email=email, full_name=name, password=unusable)

        coordinator = user(COORDINATOR_EMAIL, "Bench Coordinator")
        big_coordinator = user(BIG_COORDINATOR_EMAIL, "Bench Big Coordinator")
        staff = [
            user(f"csp{i:03d}-staff{j}@bench.dhr.test", f"CSP {i} Staff {j}")
            for i in range(CSP_COUNT)
            for j in range(2)
        ]
        pool = [
            user(f"pro{i:05d}@bench.dhr.test", f"Professional {i}") for i in range(1_000 * scale)
        ]
        User.objects.bulk_create([coordinator, big_coordinator, *staff, *pool], batch_size=BATCH)

        memberships = [
            Membership(user=coordinator, organisation=small, role=Role.CSP_COORDINATOR),
            Membership(user=big_coordinator, organisation=big, role=Role.CSP_COORDINATOR),
        ]
        for i, csp in enumerate(csps):
            memberships.append(
                Membership(user=staff[2 * i], organisation=csp, role=Role.CSP_COORDINATOR)
            )
            memberships.append(
                Membership(user=staff[2 * i + 1], organisation=csp, role=Role.CSP_CHAIR)
            )
        contributors = pool[: len(pool) // 2]
        contributor_agency = {u.pk: agencies[n % len(agencies)] for n, u in enumerate(contributors)}
        memberships += [
            Membership(user=u, organisation=contributor_agency[u.pk], role=Role.AGENCY_CONTRIBUTOR)
            for u in contributors
        ]
        Membership.objects.bulk_create(memberships, batch_size=BATCH)

        # Which CSP leads each review: the small and big CSPs have fixed counts; the rest
        # share the national total. The small CSP's five reviews use their own random stream,
        # so they are identical at every scale.
        plan: list[tuple[Organisation, str, random.Random]] = []
        small_rng = random.Random(seed + 1)
        for n in range(1, len(SMALL_CSP_STATES) + 1):
            plan.append((small, f"DHR-{SMALL_CSP_CODE}-2024-{n:04d}", small_rng))
        for n in range(1, BIG_CSP_REVIEWS + 1):
            plan.append((big, f"DHR-{BIG_CSP_CODE}-2024-{n:04d}", rng))
        others = csps[:-2]
        for n in range(REVIEWS_PER_SCALE * scale - len(plan)):
            csp = others[n % len(others)]
            plan.append((csp, f"DHR-{csp.code}-{2022 + n % 4}-{n:05d}", rng))

        recorder_for = {id(csp): staff[2 * i] for i, csp in enumerate(csps)}
        recorder_for[id(small)], recorder_for[id(big)] = coordinator, big_coordinator
        reviews: list[Review] = []
        children: dict[Any, list[Any]] = {
            model: []
            for model in (
                Notification,
                ReviewPerson,
                TimelineEvent,
                Deadline,
                Pause,
                Decision,
                HomeOfficeNotification,
                Appointment,
                ReviewMembership,
            )
        }
        for index, (csp, reference, r) in enumerate(plan):
            state = SMALL_CSP_STATES[index] if csp is small else r.choice(states)
            stage = stage_index(state)
            came = today - dt.timedelta(days=_age_days(stage, r))
            review = Review(
                reference=reference,
                lead_csp=csp,
                state=state,
                came_to_attention_on=came,
                pseudonym=r.choice(FIRST_NAMES),
            )
            reviews.append(review)
            recorder = recorder_for[id(csp)]
            children[Notification].append(
                Notification(
                    review=review,
                    notifying_agency_name="Bench Police",
                    notified_at=_aware(came, tz),
                    date_of_death=came - dt.timedelta(days=2),
                    place_of_death_type="residential",
                    police_force_area=POLICE_FORCE_AREAS[index % 43][0],
                    recorded_by=recorder,
                )
            )
            for role in ("victim", "suspect"):
                children[ReviewPerson].append(
                    ReviewPerson(
                        review=review,
                        role=role,
                        name_index=r.choice(name_indexes),
                        age_at_death=r.randint(18, 90) if role == "victim" else None,
                        sex="female" if role == "victim" else "male",
                    )
                )
            decided = None
            if stage >= stage_index("decided_review"):
                decided = came + dt.timedelta(days=r.randint(10, 40))
                decision = Decision(
                    review=review,
                    decided_on=decided,
                    decided_by=recorder,
                    outcome="no_review" if state == "decided_no_review" else "review",
                    forum="csp_chair",
                    rationale="Generated for benchmarking.",
                )
                children[Decision].append(decision)
                children[HomeOfficeNotification].append(
                    HomeOfficeNotification(
                        review=review,
                        decision=decision,
                        sent_on=decided + dt.timedelta(days=3),
                        sent_by=recorder,
                        response="accepted" if stage >= 3 else "awaiting",
                    )
                )
            children[Deadline].append(_deadline(Deadline, review, rules["decision"], came, decided))
            if decided is not None:
                children[Deadline].append(
                    _deadline(
                        Deadline,
                        review,
                        rules["home_office_notified"],
                        decided,
                        decided + dt.timedelta(days=3),
                    )
                )
                if state != "decided_no_review":
                    met = decided + dt.timedelta(days=200) if stage >= 7 else None
                    children[Deadline].append(
                        _deadline(Deadline, review, rules["completion"], decided, met)
                    )
                    if r.random() < 0.25:
                        start = decided + dt.timedelta(days=r.randint(5, 60))
                        end = (
                            None
                            if r.random() < 0.5
                            else start + dt.timedelta(days=r.randint(10, 90))
                        )
                        if start < today:
                            children[Pause].append(
                                Pause(
                                    review=review,
                                    reason="criminal_proceedings",
                                    started_on=start,
                                    ended_on=end if end is None or end < today else None,
                                    explanation="Generated for benchmarking.",
                                    approved_by=recorder,
                                )
                            )
            if stage >= stage_index("set_up"):
                chair, writer = r.choice(pool), r.choice(pool)
                appointed = (decided or came) + dt.timedelta(days=14)
                for role, person in (("independent_chair", chair), ("report_writer", writer)):
                    children[Appointment].append(
                        Appointment(
                            review=review,
                            role=role,
                            user=person,
                            name=person.full_name,
                            appointed_on=appointed,
                            career_history="-",
                            relevant_experience="-",
                            independence_statement="-",
                        )
                    )
                    children[ReviewMembership].append(
                        ReviewMembership(review=review, user=person, role=role)
                    )
                for person in {id(p): p for p in r.sample(contributors, 3)}.values():
                    if person.pk in (chair.pk, writer.pk):
                        continue
                    children[ReviewMembership].append(
                        ReviewMembership(
                            review=review,
                            user=person,
                            role="agency_contributor",
                            agency=contributor_agency[person.pk],
                        )
                    )
            span = max((today - came).days, 1)
            for _ in range(r.randint(8, 12)):
                at = came + dt.timedelta(days=r.randrange(span))
                children[TimelineEvent].append(
                    TimelineEvent(
                        review=review,
                        occurred_at=_aware(at, tz),
                        kind="bench",
                        summary="Generated event for benchmarking",
                        actor=recorder,
                    )
                )

        Review.objects.bulk_create(reviews, batch_size=BATCH)
        for model, rows in children.items():
            model.objects.bulk_create(rows, batch_size=BATCH)
        # Encrypting every name costs a Fernet call (random IV, AES, HMAC) per field per row;
        # at scale 10 that is ~100,000 calls. The benchmark needs realistic ciphertext to
        # decrypt on read, not distinct secrets, so one token, encrypted once with the real key,
        # is written to every row with a single UPDATE that bypasses the field's encryption.
        token = crypto.encrypt("Bench Generated Person")
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {ReviewPerson._meta.db_table} SET full_name = %s", [token])  # noqa: S608
            cursor.execute(
                f"UPDATE {Notification._meta.db_table} SET notifying_officer = %s",  # noqa: S608
                [token],
            )

    sample = Review.objects.get(reference=SAMPLE_REVIEW_REFERENCE)
    info = {
        "scale": scale,
        "reviews": Review.objects.count(),
        "timeline_events": TimelineEvent.objects.count(),
        "review_memberships": ReviewMembership.objects.count(),
        "coordinator_email": COORDINATOR_EMAIL,
        "big_coordinator_email": BIG_COORDINATOR_EMAIL,
        "sample_review_id": str(sample.pk),
        "sample_review_reference": SAMPLE_REVIEW_REFERENCE,
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(json.dumps(info), file=out)
    return info


def blind_index_of(crypto: Any, first: str, last: str) -> str:
    return str(crypto.blind_index(f"{first} {last}"))


def _age_days(stage: int, r: random.Random) -> int:
    """How long ago a review at lifecycle stage `stage` came to attention (later = older)."""
    return 5 + stage * 55 + r.randint(0, 50)


def _aware(day: dt.date, tz: Any) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(10), tzinfo=tz)


def _deadline(model: Any, review: Any, rule: Any, starts: dt.date, met: dt.date | None) -> Any:
    return model(
        review=review,
        rule_code=rule.code,
        starts_on=starts,
        period_value=rule.period.amount,
        period_unit=str(rule.period.unit),
        pausable=rule.pausable,
        met_on=met,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="1 = ~1,500 reviews; 10 = ~15,000")
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale must be at least 1")
    setup_django()
    generate(scale=args.scale, seed=args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
