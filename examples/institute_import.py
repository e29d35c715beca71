#!/usr/bin/env python3
"""How a regional institute's script loads a school's participants into Nastavnik.

Standard library only. Issue an API token for the institute first (in the app: Организации →
the institute → API-токены, scopes participants:read and participants:write), then:

    NASTAVNIK_URL=http://127.0.0.1:8080 NASTAVNIK_TOKEN=nst_... \\
        python3 examples/institute_import.py SCHOOL_ID participants.csv

The file is checked first (dry run: every bad row is listed and nothing is written); only a clean
file is imported. The import runs as a job whose progress is polled until it ends. The same
Idempotency-Key makes a retried upload safe: it answers with the job already started.
"""

import json
import os
import sys
import time
import urllib.error
import urllib.request
import uuid

CONTENT_TYPES = {
    ".csv": "text/csv",
    ".ndjson": "application/x-ndjson",
    ".jsonl": "application/x-ndjson",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def call(method, url, token, body=None, content_type=None, key=None):
    request = urllib.request.Request(url, data=body, method=method)
    request.add_header("Authorization", f"Bearer {token}")
    if content_type:
        request.add_header("Content-Type", content_type)
    if key:
        request.add_header("Idempotency-Key", key)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.loads(response.read() or b"null"), response.headers
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null"), error.headers


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    base = os.environ.get("NASTAVNIK_URL", "http://127.0.0.1:8080").rstrip("/")
    token = os.environ["NASTAVNIK_TOKEN"]
    school_id, path = sys.argv[1], sys.argv[2]
    content_type = CONTENT_TYPES.get(os.path.splitext(path)[1].lower())
    if not content_type:
        sys.exit(f"{path}: expected .csv, .ndjson or .xlsx")
    with open(path, "rb") as f:
        data = f.read()
    endpoint = f"{base}/api/v1/schools/{school_id}/imports/participants"

    status, report, _ = call("POST", endpoint + "?dry_run=true", token, data, content_type)
    if status != 200:
        sys.exit(f"dry run refused ({status}): {report}")
    if not report["valid"]:
        for e in report["errors"]:
            print(f"row {e['row']}, {e['column'] or 'row'}: {e['message']}", file=sys.stderr)
        sys.exit(f"{report['error_count']} errors; nothing was imported")
    print(f"{report['total']} rows are valid; importing")

    status, job, headers = call("POST", endpoint, token, data, content_type, key=str(uuid.uuid4()))
    if status != 202:
        sys.exit(f"import refused ({status}): {job}")
    location = base + headers["Location"]
    while job["status"] == "running":
        print(f"\r{job['processed']}/{job['total']}", end="", flush=True)
        time.sleep(0.5)
        _, job, _ = call("GET", location, token)
    print()
    if job["status"] != "succeeded":
        sys.exit(f"the import failed: {job.get('failure')}")
    r = job["report"]
    print(f"created {r['created']}, updated {r['updated']}, unchanged {r['unchanged']}")


if __name__ == "__main__":
    main()
