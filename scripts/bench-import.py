#!/usr/bin/env python3
"""Import speed: BENCH_ROWS participants (100 000) through POST /schools/{id}/imports/participants,
end to end (upload, check, job), on SQLite and on PostgreSQL, beside the raw database load of the
same rows (SQLite executemany, PostgreSQL COPY) measured in the same run, and the server's peak
memory. It measures; it asserts nothing.

    scripts/bench-import.py            (make bench runs it; PostgreSQL from TEST_DATABASE_URL)
"""

import csv
import io
import json
import os
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("NASTAVNIK_BIN", os.path.join(ROOT, "target", "release", "nastavnik"))
ROWS = int(os.environ.get("BENCH_ROWS", "100000"))
LOGIN = {"email": "curator@demo.nastavnik.ru", "password": "demo-password-2026"}
HEADER = ["Внешний ID", "Фамилия", "Имя", "Категория", "Класс", "Литера", "Дата рождения"]


def rows():
    rnd = random.Random(7)
    for i in range(ROWS):
        grade = rnd.randint(1, 11)
        yield [f"B-{i:06d}", f"Фамилия{i}", f"Имя{i % 97}", "ученик", str(grade), "АБВ"[i % 3], f"{rnd.randint(1, 28):02d}.{rnd.randint(1, 12):02d}.{2019 - grade}"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(method, url, token=None, body=None, headers=None):
    req = urllib.request.Request(url, data=body, method=method)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.loads(r.read() or b"null"), r.headers


def peak_rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def through_http(database_url, data_dir, body):
    port = free_port()
    env = dict(os.environ, NASTAVNIK_DATA_DIR=data_dir, NASTAVNIK_LOG="warn")
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    server = subprocess.Popen([BIN, "serve", "--demo", "--bind", f"127.0.0.1:{port}"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        for _ in range(240):
            try:
                call("GET", f"http://127.0.0.1:{port}/readyz")
                break
            except OSError:
                time.sleep(0.5)
        token = call("POST", f"{base}/auth/login", body=json.dumps(LOGIN).encode(), headers={"Content-Type": "application/json"})[0]["access_token"]
        school = next(o["id"] for o in call("GET", f"{base}/organizations?kind=school", token)[0]["items"])
        started = time.monotonic()
        job, headers = call("POST", f"{base}/schools/{school}/imports/participants", token, body, {"Content-Type": "text/csv", "Idempotency-Key": str(uuid.uuid4())})
        location = f"http://127.0.0.1:{port}{headers['Location']}"
        while job["status"] == "running":
            time.sleep(0.1)
            job = call("GET", location, token)[0]
        elapsed = time.monotonic() - started
        if job["status"] != "succeeded":
            raise SystemExit(f"the import failed: {job}")
        return ROWS / elapsed, peak_rss_mib(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)


def raw_sqlite(path):
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE p (external_id TEXT, last_name TEXT, first_name TEXT, kind TEXT, grade INTEGER, class_letter TEXT, birth_date TEXT)")
    started = time.monotonic()
    with db:
        db.executemany("INSERT INTO p VALUES (?, ?, ?, ?, ?, ?, ?)", rows())
    return ROWS / (time.monotonic() - started)


def raw_postgres(url, body):
    subprocess.run(["psql", url, "-qc", "DROP TABLE IF EXISTS bench_raw; CREATE TABLE bench_raw (external_id TEXT, last_name TEXT, first_name TEXT, kind TEXT, grade INT, class_letter TEXT, birth_date TEXT)"], check=True)
    started = time.monotonic()
    subprocess.run(["psql", url, "-qc", "\\copy bench_raw FROM STDIN WITH (FORMAT csv, DELIMITER ';', HEADER true)"], input=body, check=True)
    return ROWS / (time.monotonic() - started)


def fresh_postgres_database():
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        return None
    name = f"nastavnik_bench_{uuid.uuid4().hex[:12]}"
    subprocess.run(["psql", base, "-qc", f"CREATE DATABASE {name}"], check=True)
    head, _, _ = base.rpartition("/")
    return f"{head}/{name}"


def main():
    if not os.access(BIN, os.X_OK):
        raise SystemExit(f"{BIN} is missing: cargo build --release -p nastavnik")
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(HEADER)
    writer.writerows(rows())
    body = buffer.getvalue().encode()
    print(f"bench-import: {ROWS} rows, {len(body) / 2**20:.1f} MiB of CSV", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        sqlite_rate, sqlite_rss = through_http(None, os.path.join(tmp, "sqlite"), body)
        raw = raw_sqlite(os.path.join(tmp, "raw.db"))
        print(f"SQLite      import {sqlite_rate:9.0f} rows/s   raw executemany {raw:9.0f} rows/s   ratio {sqlite_rate / raw:.2f}   server peak RSS {sqlite_rss:.0f} MiB")
        pg = fresh_postgres_database()
        if pg:
            pg_rate, pg_rss = through_http(pg, os.path.join(tmp, "pg"), body)
            raw = raw_postgres(pg, body)
            print(f"PostgreSQL  import {pg_rate:9.0f} rows/s   raw COPY        {raw:9.0f} rows/s   ratio {pg_rate / raw:.2f}   server peak RSS {pg_rss:.0f} MiB")
        else:
            print("PostgreSQL  skipped: set TEST_DATABASE_URL (make bench provides one)")


if __name__ == "__main__":
    main()
