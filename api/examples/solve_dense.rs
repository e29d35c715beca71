//! Solves a dense matching instance read from a file with `Algorithm::Optimal` and prints the time
//! and the optimum as one line of JSON, for bench/matching_vs_scipy.py to set beside SciPy's.
//!
//!   cargo run --release --example solve_dense -- INSTANCE [RUNS]
//!
//! The file is plain text, one person per line, fields separated by spaces, `-` for none:
//!
//! ```text
//! nastavnik-matching v1
//! higher_grade_required 1
//! mentors 2
//! <capacity> <grade> <tags,…> <role_models,…> <mentee:rank,…>
//! mentees 3
//! <grade> <tags,…> <role_model> <mentor:rank,…>
//! ```
//!
//! Weights are the defaults. The time is the best of RUNS (default 3) runs of `solve`, which is
//! everything: scoring, the algorithm, contributions and reasons.

use std::process::ExitCode;
use std::time::Instant;

// In the service: `use nastavnik::pairing::matching as m;`
use nastavnik::pairing::matching as m;

fn list(field: &str) -> Vec<&str> {
    if field == "-" { Vec::new() } else { field.split(',').collect() }
}

fn number<T: std::str::FromStr>(field: &str, what: &str) -> Result<T, String> {
    field.parse().map_err(|_| format!("{what}: not a number: {field:?}"))
}

fn grade(field: &str) -> Result<Option<i32>, String> {
    if field == "-" { Ok(None) } else { number(field, "grade").map(Some) }
}

fn role(code: &str) -> Result<m::RoleModel, String> {
    match code {
        "achiever_underachiever" => Ok(m::RoleModel::AchieverUnderachiever),
        "leader_passive" => Ok(m::RoleModel::LeaderPassive),
        "peer_peer" => Ok(m::RoleModel::PeerPeer),
        "adapted_unadapted" => Ok(m::RoleModel::AdaptedUnadapted),
        other => Err(format!("unknown role model {other:?}")),
    }
}

fn ranks(field: &str) -> Result<Vec<(usize, u8)>, String> {
    list(field)
        .into_iter()
        .map(|pair| {
            let (who, rank) = pair.split_once(':').ok_or_else(|| format!("rank: expected who:rank, got {pair:?}"))?;
            Ok((number(who, "rank")?, number(rank, "rank")?))
        })
        .collect()
}

fn parse(text: &str) -> Result<m::Instance, String> {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let mut next = |what: &str| lines.next().ok_or_else(|| format!("missing {what}"));
    if next("header")?.trim() != "nastavnik-matching v1" {
        return Err("not a nastavnik-matching v1 file".into());
    }
    let count = |line: &str, key: &str| -> Result<usize, String> {
        let (k, n) = line.split_once(' ').ok_or_else(|| format!("expected `{key} N`"))?;
        if k != key { Err(format!("expected `{key} N`, got {line:?}")) } else { number(n.trim(), key) }
    };
    let higher_grade_required = count(next("higher_grade_required")?, "higher_grade_required")? == 1;
    let n_mentors = count(next("mentors")?, "mentors")?;
    let mut mentors = Vec::with_capacity(n_mentors);
    for _ in 0..n_mentors {
        let f: Vec<&str> = next("a mentor")?.split_whitespace().collect();
        let [capacity, grade_field, tags, roles, prefs] = f[..] else { return Err("a mentor line needs 5 fields".into()) };
        mentors.push(m::Mentor {
            tags: list(tags).into_iter().map(str::to_owned).collect(),
            grade: grade(grade_field)?,
            capacity: number(capacity, "capacity")?,
            role_models: list(roles).into_iter().map(role).collect::<Result<_, _>>()?,
            barrier: None,
            preferences: ranks(prefs)?,
        });
    }
    let n_mentees = count(next("mentees")?, "mentees")?;
    let mut mentees = Vec::with_capacity(n_mentees);
    for _ in 0..n_mentees {
        let f: Vec<&str> = next("a mentee")?.split_whitespace().collect();
        let [grade_field, tags, role_field, prefs] = f[..] else { return Err("a mentee line needs 4 fields".into()) };
        mentees.push(m::Mentee {
            tags: list(tags).into_iter().map(str::to_owned).collect(),
            grade: grade(grade_field)?,
            role_model: if role_field == "-" { None } else { Some(role(role_field)?) },
            preferences: ranks(prefs)?,
        });
    }
    Ok(m::Instance {
        mentors,
        mentees,
        weights: m::Weights::default(),
        locked: Vec::new(),
        excluded: Vec::new(),
        higher_grade_required,
        algorithm: m::Algorithm::Optimal,
        objective: m::Objective::Score,
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: solve_dense INSTANCE [RUNS]");
        return ExitCode::from(2);
    };
    let runs: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(3).max(1);
    let instance = match std::fs::read_to_string(path).map_err(|e| e.to_string()).and_then(|text| parse(&text)) {
        Ok(instance) => instance,
        Err(error) => {
            eprintln!("solve_dense: {path}: {error}");
            return ExitCode::from(2);
        }
    };
    let mut best = f64::INFINITY;
    let mut outcome = None;
    for _ in 0..runs {
        let start = Instant::now();
        let result = m::solve(&instance);
        best = best.min(start.elapsed().as_secs_f64());
        outcome = Some(result);
    }
    match outcome {
        Some(Ok(outcome)) => {
            let total: i64 = outcome.proposals.iter().map(|p| p.score).sum();
            println!(
                "{{\"mentees\": {}, \"mentors\": {}, \"seconds\": {best:.6}, \"total_score\": {total}, \"matched\": {}}}",
                instance.mentees.len(),
                instance.mentors.len(),
                outcome.stats.matched
            );
            ExitCode::SUCCESS
        }
        Some(Err(error)) => {
            eprintln!("solve_dense: {error}");
            ExitCode::FAILURE
        }
        None => ExitCode::FAILURE,
    }
}
