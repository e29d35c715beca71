//! The access matrix: every operation of the served spec, asked by every role (and the system
//! administrator, and nobody) about a resource of the demo school and about one of a school in
//! another region, answers as the matrix written in `access_matrix/` says: allowed, 401, 403 or
//! 404. An operation without a row fails the test, and so does a row of no operation. No answer
//! to anyone but the administrator may show the foreign school's names, and a body that slips
//! the foreign school's ids into an operation on the own school is refused.

mod ask;
mod expect;
mod fresh;
mod row;
mod rows_people;
mod rows_programme;
mod world;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use nastavnik_tests::{TestApp, on_both};
use reqwest::Method;
use serde_json::Value;

use ask::{Operation, Payload, agrees, refused_across, send};
use expect::{EVERYONE, Expect, Need, Side, Who, expect};
use row::{Ctx, Fresh, Res, Row};
use world::{FOREIGN_MARK, Linked, Tree, World};

on_both!(every_operation_answers_as_the_matrix_says);

/// operationId → how it is called, from the spec the server serves.
fn operations(spec: &Value) -> BTreeMap<String, Operation> {
    let mut out = BTreeMap::new();
    for (path, item) in spec["paths"].as_object().expect("paths in the spec") {
        for (method, op) in item.as_object().into_iter().flatten() {
            let (Ok(method), Some(id)) = (method.to_uppercase().parse::<Method>(), op["operationId"].as_str()) else { continue };
            let previous = out.insert(id.to_owned(), Operation { method, path: path.clone() });
            assert!(previous.is_none(), "operationId {id} is used twice in the spec");
        }
    }
    out
}

fn matrix() -> Vec<Row> {
    let mut rows = rows_people::rows();
    rows.extend(rows_programme::rows());
    rows
}

/// Exactly one row for each operation of the spec.
fn check_coverage(ops: &BTreeMap<String, Operation>, rows: &[Row]) {
    let mut named = BTreeSet::new();
    let twice: Vec<&str> = rows.iter().map(|r| r.op).filter(|op| !named.insert(*op)).collect();
    let missing: Vec<&str> = ops.keys().map(String::as_str).filter(|op| !named.contains(op)).collect();
    let stale: Vec<&str> = named.iter().copied().filter(|op| !ops.contains_key(*op)).collect();
    assert!(
        missing.is_empty() && stale.is_empty() && twice.is_empty(),
        "the access matrix needs exactly one row per operation of the spec\n  operations without a row: {missing:?}\n  rows of no operation: {stale:?}\n  rows given twice: {twice:?}"
    );
}

/// The demo users' access tokens.
async fn sign_in_everyone(app: &TestApp) -> HashMap<Who, String> {
    let mut tokens = HashMap::new();
    for who in EVERYONE {
        if let Some(login) = who.login() {
            tokens.insert(who, app.login(login).await);
        }
    }
    tokens
}

/// What the walk found: every disagreement rather than the first.
#[derive(Default)]
struct Tally {
    failures: Vec<String>,
    cells: usize,
    /// Status → how many allowed cells answered it: what "allowed" meant in this run.
    allowed: BTreeMap<u16, usize>,
}

/// The server, the callers and the two schools the matrix is walked over.
struct Walk<'a> {
    app: &'a TestApp,
    tokens: HashMap<Who, String>,
    own: World,
    foreign: World,
}

impl Walk<'_> {
    fn token(&self, who: Who) -> Option<&str> {
        self.tokens.get(&who).map(String::as_str)
    }

    fn world(&self, side: Side) -> &World {
        if side == Side::Own { &self.own } else { &self.foreign }
    }

    fn leaks(&self, row: &Row, who: Who, body: &str) -> bool {
        who != Who::Admin && !matches!(row.need, Need::Public) && body.contains(FOREIGN_MARK)
    }

    /// The row's cells on one side: the callers refused first, so that nothing has changed yet
    /// when each of them is asked; a resource made for the row is used until a call succeeds.
    async fn side(&self, t: &mut Tally, op: &Operation, row: &Row, side: Side) {
        let mut cells: Vec<(Who, Expect)> = EVERYONE.iter().map(|&who| (who, expect(row.need, who, side))).collect();
        cells.sort_by_key(|(_, e)| *e == Expect::Allow);
        let mut unused: Option<String> = None;
        for (who, expected) in cells {
            t.cells += 1;
            let (n, token, w) = (t.cells, self.token(who), self.world(side));
            let admin = self.tokens[&Who::Admin].as_str();
            let res = match (row.res, unused.take()) {
                (Res::Fresh(Fresh::MyFeed), _) => fresh::make(self.app, admin, token, side, w, Fresh::MyFeed, n).await,
                (Res::Fresh(_), Some(res)) => res,
                (Res::Fresh(kind), None) => fresh::make(self.app, admin, token, side, w, kind, n).await,
                (res, _) => res.of(w),
            };
            let ctx = Ctx { w, res, n };
            let (path, answer) = send(self.app, op, row, &ctx, Payload::of(row, &ctx), token).await;
            let (status, body) = (answer.status.as_u16(), answer.body.to_string());
            let cell = format!("{} {} {path} as {who:?} on the {} school", row.op, op.method, side.name());
            if !agrees(expected, status) {
                let excerpt: String = body.chars().take(300).collect();
                t.failures.push(format!("{cell}: expected {expected}, got {status} {excerpt}"));
            } else if self.leaks(row, who, &body) {
                t.failures.push(format!("{cell}: the answer shows the foreign school: {body}"));
            } else if matches!(row.need, Need::Public) && [self.own.surname, self.foreign.surname].iter().any(|child| body.contains(child)) {
                t.failures.push(format!("{cell}: a public answer names a child: {body}"));
            } else if who == Who::Region && body.contains(self.own.surname) {
                t.failures.push(format!("{cell}: the region sees figures, yet this answer names a child: {body}"));
            }
            if expected == Expect::Allow {
                *t.allowed.entry(status).or_default() += 1;
            }
            if !answer.status.is_success() {
                unused = Some(ctx.res);
            }
        }
    }

    /// Everyone allowed the operation on the own school, handing it the foreign school's ids.
    async fn across(&self, t: &mut Tally, op: &Operation, row: &Row, body: fn(&World, &World) -> Value) {
        assert!(!matches!(row.res, Res::Fresh(_)), "{}: a row checked across schools keeps its resource", row.op);
        for who in EVERYONE.into_iter().filter(|&who| expect(row.need, who, Side::Own) == Expect::Allow) {
            t.cells += 1;
            let ctx = Ctx { w: &self.own, res: row.res.of(&self.own), n: t.cells };
            let payload = Payload::like(row, body(&self.own, &self.foreign));
            let (path, answer) = send(self.app, op, row, &ctx, payload, self.token(who)).await;
            let (status, body) = (answer.status.as_u16(), answer.body.to_string());
            let cell = format!("{} {} {path} as {who:?} with the foreign school's ids in the body", row.op, op.method);
            if !refused_across(status) {
                t.failures.push(format!("{cell}: expected 422 or 404, got {status} {}", body.chars().take(300).collect::<String>()));
            } else if self.leaks(row, who, &body) {
                t.failures.push(format!("{cell}: the answer shows the foreign school: {body}"));
            }
        }
    }
}

async fn every_operation_answers_as_the_matrix_says(app: TestApp) {
    let spec = app.send(Method::GET, "/api/openapi.json", None, None, &[]).await;
    assert_eq!(spec.status, 200, "the spec is served");
    let ops = operations(&spec.body);
    let rows = matrix();
    check_coverage(&ops, &rows);

    let tokens = sign_in_everyone(&app).await;
    let admin = tokens[&Who::Admin].clone();
    let mentor = world::id(&app.get("me", &tokens[&Who::Mentor]).await.body);
    let mentee = world::id(&app.get("me", &tokens[&Who::Mentee]).await.body);
    let (_, institute, school) = app.demo_tree(&admin).await;
    let own = world::build(&app, &admin, Tree { institute, school }, ("Матрицын", "Кремовская"), Linked { mentor: Some(mentor), mentee: Some(mentee) }).await;
    let foreign_tree = world::foreign_tree(&app, &admin).await;
    let foreign = world::build(&app, &admin, foreign_tree, ("Чужедальнев", "Чужедальняя"), Linked { mentor: None, mentee: None }).await;
    assert!(foreign.surname.contains(FOREIGN_MARK) && foreign.place.contains(FOREIGN_MARK), "the foreign school's names carry the mark the leak check looks for");

    let walk = Walk { app: &app, tokens, own, foreign };
    let mut t = Tally::default();
    // Rows that end their resource for good (closing, revoking) go last.
    for row in rows.iter().filter(|r| !r.last).chain(rows.iter().filter(|r| r.last)) {
        let op = &ops[row.op];
        if let Some(body) = row.across {
            walk.across(&mut t, op, row, body).await;
        }
        walk.side(&mut t, op, row, Side::Own).await;
        walk.side(&mut t, op, row, Side::Foreign).await;
    }
    println!("access matrix on {:?}: {} operations, {} cells; allowed cells answered {:?}", app.backend, ops.len(), t.cells, t.allowed);
    assert!(t.failures.is_empty(), "{} of {} cells disagree with the access matrix:\n{}", t.failures.len(), t.cells, t.failures.join("\n"));
}
