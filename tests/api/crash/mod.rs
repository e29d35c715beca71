//! Crash safety: the service is killed with SIGKILL while it imports, accepts matching proposals
//! and takes survey answers, round after round, and started again on the same database. Nothing
//! it acknowledged may be lost, nothing may be half-written, SQLite's integrity check stays `ok`,
//! and a client's retry after the crash ends with the write done once.
//!
//! The moment of each kill is random: `NASTAVNIK_CRASH_SEED` replays a failing run (the seed is
//! printed), `NASTAVNIK_CRASH_ROUNDS` changes the number of kills (default 25).

mod checks;
mod writes;

use std::time::{Duration, Instant};

use nastavnik_tests::{Backend, TestApp, on_both};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use self::checks::Tally;
use self::writes::{Fixture, fire};
use crate::server_process::Server;

on_both!(acknowledged_writes_survive_sigkill_and_nothing_is_half_written);

/// Survey links answered per round.
const LINKS: usize = 12;

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

async fn acknowledged_writes_survive_sigkill_and_nothing_is_half_written(mut app: TestApp) {
    let seed = env_number("NASTAVNIK_CRASH_SEED").unwrap_or_else(|| std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(1));
    let rounds = env_number("NASTAVNIK_CRASH_ROUNDS").unwrap_or(25) as usize;
    eprintln!("crash test on {:?}: seed {seed}, {rounds} kills", app.backend);
    let mut rng = StdRng::seed_from_u64(seed);
    // The in-process server of the harness stays idle: every request goes to the child process.
    let mut server = Server::start(&app);
    app.base = server.url.clone();
    let fixture = Fixture::new(&app).await;
    let client = reqwest::Client::builder().timeout(Duration::from_secs(30)).build().expect("client");
    let mut tally = Tally::default();

    // A round without a kill says how long the writes take on this machine, so that the kills
    // land anywhere across them; it also proves the checks pass when nothing is cut off.
    let round = fixture.round(&app, 0, LINKS).await;
    let started = Instant::now();
    let acks = fire(&client, &server.url, &fixture, &round, &[0; writes::MENTORS]).settle().await;
    let window = (started.elapsed().as_millis() as u64).max(20);
    assert!(acks.unexpected.is_empty(), "{:?}", acks.unexpected);
    assert!(acks.import_succeeded && acks.accepted.len() == round.groups.len() && acks.saved.len() == 2 * LINKS, "without a kill everything is acknowledged: {acks:?}");
    checks::first_look(&app, &fixture, &round, &acks, &mut Tally::default()).await;
    let mut history = vec![(round, acks)];

    for no in 1..=rounds {
        let round = fixture.round(&app, no, LINKS).await;
        let delays: Vec<u64> = round.groups.iter().map(|_| rng.random_range(0..window)).collect();
        let kill_at = rng.random_range(0..window);
        let shot = fire(&client, &server.url, &fixture, &round, &delays);
        tokio::time::sleep(Duration::from_millis(kill_at)).await;
        server.kill();
        let acks = shot.settle().await;
        assert!(acks.unexpected.is_empty(), "round {no} (seed {seed}): answers no write should get: {:?}", acks.unexpected);
        if app.backend == Backend::Sqlite {
            checks::integrity(&app, no);
        }
        server = Server::start(&app);
        app.base = server.url.clone();
        checks::first_look(&app, &fixture, &round, &acks, &mut tally).await;
        checks::retry_import(&app, &fixture, &round, &mut tally).await;
        history.push((round, acks));
    }

    // One kill more, then every round again: nothing acknowledged went missing since.
    server.kill();
    if app.backend == Backend::Sqlite {
        checks::integrity(&app, rounds + 1);
    }
    server = Server::start(&app);
    app.base = server.url.clone();
    for (round, acks) in &history {
        checks::lasting(&app, &fixture, round, acks).await;
    }
    drop(server);
    eprintln!("crash test on {:?}: kills landed over a {window} ms window: {tally:?}", app.backend);
}
