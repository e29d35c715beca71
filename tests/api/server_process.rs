//! The service as a process of its own, so that it can be killed with SIGKILL and started again on
//! the same database: nothing of the test process survives a kill, as nothing would in production.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use nastavnik_tests::TestApp;

pub struct Server {
    child: Child,
    pub url: String,
}

impl Server {
    /// Starts `nastavnik serve` on the app's database and waits until it says where it listens.
    /// The signing secret is the test's, so tokens stay valid across restarts.
    pub fn start(app: &TestApp) -> Self {
        let errors = app.database.dir.join("server-stderr.log");
        let stderr = File::options().create(true).append(true).open(&errors).expect("server stderr file");
        let secret = app.config.jwt_secret.clone().expect("the test config names a secret");
        let mut child = Command::new(crate::cli::binary())
            .args(["serve", "--bind", "127.0.0.1:0"])
            .env_clear()
            .env("DATABASE_URL", app.database.url_string())
            .env("NASTAVNIK_DATA_DIR", &app.database.dir)
            .env("NASTAVNIK_STATIC_DIR", &app.config.static_dir)
            .env("NASTAVNIK_JWT_SECRET", secret)
            .env("NASTAVNIK_LOG_FORMAT", "json")
            .env("NASTAVNIK_LOG", "warn,nastavnik=info")
            // Every survey answer comes from this one address; the public quota would refuse some.
            .env("NASTAVNIK_PUBLIC_REQUESTS_PER_MINUTE", "0")
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("start the server");
        let lines = follow(child.stdout.take().expect("stdout"));
        let deadline = Instant::now() + Duration::from_secs(60);
        let url = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match lines.recv_timeout(left.min(Duration::from_millis(200))) {
                Ok(line) => {
                    let parsed: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
                    if parsed["message"] == "listening" {
                        break parsed["url"].as_str().expect("url").to_owned();
                    }
                }
                Err(_) => {
                    if let Ok(Some(status)) = child.try_wait() {
                        panic!("the server exited ({status}) before listening: {}", std::fs::read_to_string(&errors).unwrap_or_default());
                    }
                    assert!(Instant::now() < deadline, "the server did not start within 60 s");
                }
            }
        };
        Self { child, url }
    }

    /// SIGKILL: no shutdown hook, no flush, no rollback by the service itself.
    pub fn kill(&mut self) {
        // Child::kill sends SIGKILL on Unix.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Reads the server's log lines on a thread of their own, so that a full pipe never blocks it.
fn follow(stdout: std::process::ChildStdout) -> Receiver<String> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            // After start-up nobody listens; keep draining so the server never blocks on the pipe.
            let _ = tx.send(line);
        }
    });
    rx
}
