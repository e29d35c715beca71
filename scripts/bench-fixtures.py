#!/usr/bin/env python3
"""What scripts/bench.sh drives, found in (or added to) the demo data of a running server: the
demo school and its programme, a working pair whose curator logs meetings, and one-time links of
the open exit survey. Prints shell assignments for `eval`.

    scripts/bench-fixtures.py URL ACCESS_TOKEN
"""

import datetime
import json
import shlex
import sys
import urllib.request

DEMO_SCHOOL = "mbou-sosh-s-kremovo"


def call(base, token, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(f"{base}/api/v1/{path}", data=data, method=method)
    req.add_header("Authorization", f"Bearer {token}")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)


def main():
    base, token = sys.argv[1], sys.argv[2]
    orgs = call(base, token, "GET", "organizations?limit=500")["items"]
    school = next(o["id"] for o in orgs if o["slug"] == DEMO_SCHOOL)
    programmes = call(base, token, "GET", f"schools/{school}/programs")["items"]
    programme = next((p for p in programmes if p["status"] == "active"), programmes[0])["id"]
    # A working pair past its planning meeting and without a final one takes regular meetings.
    pair = None
    for p in call(base, token, "GET", f"programs/{programme}/pairs?limit=100")["items"]:
        if p["status"] != "active":
            continue
        kinds = {m["kind"] for m in call(base, token, "GET", f"pairs/{p['id']}/meetings")["items"]}
        if "planning" in kinds and "final" not in kinds:
            pair = p["id"]
            break
    if pair is None:
        sys.exit("bench-fixtures: no active pair of the demo programme takes regular meetings")
    surveys = call(base, token, "GET", f"programs/{programme}/surveys")["items"]
    survey = next(s["id"] for s in surveys if s["open"] and s["phase"] == "exit")
    links = call(base, token, "POST", f"surveys/{survey}/invitations", {"count": 2})["items"]
    tokens = [link["url"].rsplit("/", 1)[1] for link in links]
    day = datetime.date.today() + datetime.timedelta(days=5)
    meeting = {
        "kind": "regular",
        "starts_at": f"{day}T06:00:00Z",
        "ends_at": f"{day}T06:45:00Z",
        "format": "in_person",
        "place": "Кабинет 12",
        "status": "scheduled",
    }
    answer = {"answers": {"engagement": 7, "activity": 6}, "submit": False}
    values = {
        "school": school,
        "programme": programme,
        "pair": pair,
        "survey_token": tokens[0],
        "soak_survey_token": tokens[1],
        "meeting_body": json.dumps(meeting, ensure_ascii=False),
        "answer_body": json.dumps(answer),
    }
    for name, value in values.items():
        print(f"{name}={shlex.quote(str(value))}")


if __name__ == "__main__":
    main()
