"""Schemathesis hooks for scripts/fuzz.sh: steer generated ids towards the demo data, and keep the
fuzzing account able to sign in.

A random int64 id almost always names nothing, so nearly every request to `/pairs/{id}` would end
in a 404 before reaching the code worth testing. The demo database numbers each table's rows
from 1, the demo school's rows first, so positive ids are folded into a small range per resource
that covers the demo school's rows and a few beyond (which other schools own, or nobody: those
must answer 404). Zero and negative ids are sent as generated. These hooks shape the randomly
generated cases only: the coverage phase's boundary values (the largest int64 and the like)
still reach the server unchanged.
"""

from __future__ import annotations

import os
from typing import Any

import schemathesis

# Ids per resource, named by the path segment before `{id}` (or by a `<resource>_id` name). Sized
# from the demo data: the demo school owns e.g. programme 1, pairs 1-10, participants 1-374.
RANGES = {
    "organizations": 4,
    "schools": 4,
    "programs": 2,
    "users": 9,
    "memberships": 8,
    "participants": 400,
    "consents": 80,
    "program-mentees": 45,
    "program-mentors": 30,
    "pairs": 12,
    "meetings": 70,
    "roadmap-activities": 20,
    "media-plan-items": 8,
    "survey-templates": 5,
    "surveys": 6,
    "awards": 6,
    "practices": 3,
    "report-periods": 2,
    "matching-runs": 2,
    "orders": 9,
}
# A resource the demo data has no rows of (api tokens, import jobs, constraints, feeds): the few
# that the run itself creates.
DEFAULT_RANGE = 5
# Body and query members named `<name>_id`: the resource they refer to.
MEMBER_RESOURCES = {
    "organization": "organizations",
    "school": "schools",
    "program": "programs",
    "user": "users",
    "participant": "participants",
    "mentor": "participants",
    "mentee": "participants",
    "pair": "pairs",
    "meeting": "meetings",
    "survey": "surveys",
    "template": "survey-templates",
}
# The demo school's public page: one slug in two names it, the rest exercise the 404.
DEMO_SCHOOL_SLUG = "mbou-sosh-s-kremovo"
# "users:4 memberships:3": the fuzzing account's own records, which fuzz.sh reads from /me. A run
# that deactivated its own account or took away its own role would answer 401/403 to the rest.
OWN = {tuple(item.split(":", 1)) for item in os.environ.get("FUZZ_OWN", "").split()}


def fold(value: Any, resource: str) -> Any:
    """A positive integer id folded into 1..range of its resource; anything else unchanged."""
    size = RANGES.get(resource, DEFAULT_RANGE)
    if isinstance(value, int) and not isinstance(value, bool) and value > size:
        return (value - 1) % size + 1
    return value


def member_resource(key: str) -> str:
    name = key.removesuffix("_ids").removesuffix("_id")
    return MEMBER_RESOURCES.get(name, name)


def fold_ids(value: Any, key: str = "") -> Any:
    """Folds every `*_id` and `*_ids` member of a JSON document, at any depth."""
    if isinstance(value, dict):
        return {k: fold_ids(v, k) for k, v in value.items()}
    if isinstance(value, list):
        if key.endswith("_ids"):
            return [fold(v, member_resource(key)) for v in value]
        return [fold_ids(v) for v in value]
    if key.endswith("_id"):
        return fold(value, member_resource(key))
    return value


def path_resource(path: str, name: str) -> str:
    """`/api/v1/pairs/{id}/meetings`, `id` → `pairs`; `school_id` → `schools`."""
    if name != "id":
        return member_resource(name)
    segments = path.split("/")
    index = segments.index("{id}") if "{id}" in segments else 0
    return segments[index - 1] if index > 0 else ""


@schemathesis.hook
def map_path_parameters(context, path_parameters):
    if not path_parameters or context.operation is None:
        return path_parameters
    path = context.operation.path
    mapped = {name: fold(value, path_resource(path, name)) for name, value in path_parameters.items()}
    slug = mapped.get("slug")
    if isinstance(slug, str) and len(slug) % 2 == 0:
        mapped["slug"] = DEMO_SCHOOL_SLUG
    return mapped


@schemathesis.hook
def map_query(context, query):
    return fold_ids(query) if query else query


@schemathesis.hook
def map_body(context, body):
    return fold_ids(body)


@schemathesis.hook
def filter_case(context, case):
    """Drops changes to the fuzzing account's own user and memberships."""
    if case.method.upper() not in {"PATCH", "PUT", "DELETE"}:
        return True
    resource = case.operation.path.split("/")[3] if case.operation.path.count("/") >= 3 else ""
    own_id = (case.path_parameters or {}).get("id")
    return (resource, str(own_id)) not in OWN
