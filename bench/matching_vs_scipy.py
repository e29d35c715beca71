#!/usr/bin/env python3
"""The matching engine's `optimal` against SciPy's linear_sum_assignment on the same instance.

Generates a dense student-student instance (every pair feasible), writes it in the format that
the `solve_dense` example reads, runs the example (release build), then scores every pair here
with the engine's documented formulas, expands each mentor's capacity into places and solves that
with scipy.optimize.linear_sum_assignment(maximize=True). Prints both times and their ratio, and
fails if the optima differ or if the engine is not the faster.

    python3 bench/matching_vs_scipy.py [--mentees 2000] [--mentors 1000] [--capacity 2] [--seed 7]

From the repository that holds the crate: in the service that is `cargo run --release -p
nastavnik --example solve_dense`. MATCHING_BIN=path skips cargo and runs a built binary.
Installs scipy and numpy with pip when they are missing.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    import numpy as np
    from scipy.optimize import linear_sum_assignment
except ImportError:
    print("bench: installing scipy and numpy with pip", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "scipy", "numpy"], check=True)
    import numpy as np
    from scipy.optimize import linear_sum_assignment

ROOT = Path(__file__).resolve().parent.parent
TAGS = ["academic_results", "exam_preparation", "olympiads", "adaptation", "communication", "leadership",
        "projects", "career_guidance", "digital_skills", "creativity", "sport", "emotional_support",
        "school_life", "teaching_methods"]
ROLES = ["achiever_underachiever", "leader_passive", "peer_peer", "adapted_unadapted"]
# The engine's default weights: request_tags 5, role_model 3, grade_distance 2, mentee_preference 4,
# mentor_preference 2.
W_TAGS, W_ROLE, W_GRADE, W_MENTEE, W_MENTOR = 5, 3, 2, 4, 2


def generate(n_mentees, n_mentors, capacity, seed):
    """Mentees in grades 5-8 and mentors in 9-11 (the grade rule holds for every pair), 1-3 request
    tags against 2-5 competencies, a role model each, and some people ranking five of the others."""
    rng = np.random.default_rng(seed)

    def ranks(n_other):
        chosen = rng.choice(n_other, size=5, replace=False)
        return [(int(c), r + 1) for r, c in enumerate(chosen)]

    mentors = []
    for _ in range(n_mentors):
        mentors.append({
            "capacity": capacity,
            "grade": int(rng.integers(9, 12)),
            "tags": sorted(rng.choice(len(TAGS), size=int(rng.integers(2, 6)), replace=False).tolist()),
            "roles": sorted(rng.choice(len(ROLES), size=int(rng.integers(1, 3)), replace=False).tolist()),
            "prefs": ranks(n_mentees) if rng.random() < 0.3 else [],
        })
    mentees = []
    for _ in range(n_mentees):
        mentees.append({
            "grade": int(rng.integers(5, 9)),
            "tags": sorted(rng.choice(len(TAGS), size=int(rng.integers(1, 4)), replace=False).tolist()),
            "role": int(rng.integers(0, len(ROLES))),
            "prefs": ranks(n_mentors) if rng.random() < 0.4 else [],
        })
    return mentors, mentees


def write(path, mentors, mentees):
    def joined(items):
        return ",".join(items) if items else "-"

    lines = ["nastavnik-matching v1", "higher_grade_required 1", f"mentors {len(mentors)}"]
    for m in mentors:
        lines.append(" ".join([str(m["capacity"]), str(m["grade"]), joined([TAGS[t] for t in m["tags"]]),
                               joined([ROLES[r] for r in m["roles"]]), joined([f"{e}:{r}" for e, r in m["prefs"]])]))
    lines.append(f"mentees {len(mentees)}")
    for e in mentees:
        lines.append(" ".join([str(e["grade"]), joined([TAGS[t] for t in e["tags"]]), ROLES[e["role"]],
                               joined([f"{m}:{r}" for m, r in e["prefs"]])]))
    Path(path).write_text("\n".join(lines) + "\n")


def rank_raw(rank):
    """ceil(200 / (rank + 1)): 100, 67, 50, 40, 34, ..."""
    return (200 + rank) // (rank + 1)


def score_matrix(mentors, mentees):
    """Scores (mentees x mentors) from the formulas documented in the engine's score.rs."""
    n_e, n_m = len(mentees), len(mentors)
    mentor_tags = np.zeros((n_m, len(TAGS)), dtype=np.int64)
    for i, m in enumerate(mentors):
        mentor_tags[i, m["tags"]] = 1
    mentee_tags = np.zeros((n_e, len(TAGS)), dtype=np.int64)
    for j, e in enumerate(mentees):
        mentee_tags[j, e["tags"]] = 1
    covered = mentee_tags @ mentor_tags.T
    asked = mentee_tags.sum(axis=1, keepdims=True)
    tags = np.where(asked == 0, 50, (100 * covered) // np.maximum(asked, 1))
    carries = np.zeros((n_m, len(ROLES)), dtype=bool)
    for i, m in enumerate(mentors):
        carries[i, m["roles"]] = True
    role = np.where(carries[:, [e["role"] for e in mentees]].T, 100, 0)
    d = np.array([m["grade"] for m in mentors])[None, :] - np.array([e["grade"] for e in mentees])[:, None]
    grade = np.where(d <= 0, 0, np.where(d <= 2, 100, np.maximum(10, 100 - 20 * (d - 2))))
    scores = W_TAGS * tags + W_ROLE * role + W_GRADE * grade
    for j, e in enumerate(mentees):
        for m, r in e["prefs"]:
            scores[j, m] += W_MENTEE * rank_raw(r)
    for i, m in enumerate(mentors):
        for e, r in m["prefs"]:
            scores[e, i] += W_MENTOR * rank_raw(r)
    return scores


def run_engine(path):
    binary = os.environ.get("MATCHING_BIN")
    if binary:
        command = [binary, str(path)]
    else:
        package = ["-p", "nastavnik"] if (ROOT / "api" / "Cargo.toml").exists() else []
        command = ["cargo", "run", "--release", "--quiet", *package, "--example", "solve_dense", "--", str(path)]
    done = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentees", type=int, default=2000)
    parser.add_argument("--mentors", type=int, default=1000)
    parser.add_argument("--capacity", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    mentors, mentees = generate(args.mentees, args.mentors, args.capacity, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "instance.txt"
        write(path, mentors, mentees)
        engine = run_engine(path)

    scores = score_matrix(mentors, mentees)
    places = np.repeat(np.arange(len(mentors)), [m["capacity"] for m in mentors])
    slots = scores[:, places]  # mentees x places
    start = time.perf_counter()
    rows, cols = linear_sum_assignment(slots, maximize=True)
    scipy_seconds = time.perf_counter() - start
    scipy_total = int(slots[rows, cols].sum())

    print(f"instance: {args.mentees} mentees x {args.mentors} mentors, capacity {args.capacity}, "
          f"{len(places)} places, dense (all pairs feasible), seed {args.seed}")
    print(f"engine  optimal:  {engine['seconds']:.4f} s  (best of 3, whole solve)  optimum {engine['total_score']}  "
          f"matched {engine['matched']}")
    print(f"scipy   lsa:      {scipy_seconds:.4f} s  (assignment only, scores given)  optimum {scipy_total}")
    print(f"ratio scipy/engine: {scipy_seconds / engine['seconds']:.1f}x")
    assert engine["total_score"] == scipy_total, f"optima differ: engine {engine['total_score']} vs scipy {scipy_total}"
    assert engine["seconds"] < scipy_seconds, "the engine is slower than scipy on this instance"
    print("ok: same optimum, engine faster")


if __name__ == "__main__":
    main()
