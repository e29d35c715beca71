//! Every operation the service answers, registered once: the server and the spec are built from
//! this same registration, so the spec cannot leave one out.

use actix_web::App;
use actix_web::dev::HttpServiceFactory;
use actix_web::guard::{Guard, GuardContext};
use utoipa::OpenApi;
use utoipa_actix_web::{AppExt, OpenApiFactory, service_config::ServiceConfig};

use crate::openapi::ApiDoc;
use crate::reporting::website;
use crate::{auth, meetings, monitoring, ops, orgs, pairing, participants, programs, recognition, reporting};

/// Where every operation but the operations' own (`/healthz`, `/readyz`) lives.
pub(crate) const API_V1: &str = "/api/v1";

/// Every operation under `/api/v1`.
pub(crate) fn api_v1(cfg: &mut ServiceConfig) {
    // The website's feed first: it has a scope of its own (open CORS) inside `/public`, which the
    // scope of the rest of `/public` would otherwise answer with a 404.
    website::routes::configure(cfg);
    let mut ops = Operations::default();
    ops.service(auth::routes::login)
        .service(auth::routes::refresh)
        .service(auth::routes::logout)
        .service(auth::routes::me)
        .service(orgs::routes::list_organizations)
        .service(orgs::routes::create_organization)
        .service(orgs::routes::get_organization)
        .service(orgs::routes::update_organization)
        .service(orgs::contingent::get_contingent)
        .service(orgs::contingent::put_contingent)
        .service(orgs::import_schools::import_schools)
        .service(auth::api_tokens::list_api_tokens)
        .service(auth::api_tokens::create_api_token)
        .service(auth::api_tokens::revoke_api_token)
        .service(orgs::users::list_users)
        .service(orgs::users::create_user)
        .service(orgs::users::get_user)
        .service(orgs::users::update_user)
        .service(orgs::users::add_membership)
        .service(orgs::users::remove_membership)
        .service(programs::routes::list_programs)
        .service(programs::routes::create_program)
        .service(programs::routes::get_program)
        .service(programs::routes::update_program)
        .service(programs::roadmap::get_roadmap)
        .service(programs::roadmap::add_activity)
        .service(programs::roadmap::update_activity)
        .service(programs::roadmap::delete_activity)
        .service(programs::media_plan::get_media_plan)
        .service(programs::media_plan::add_media_item)
        .service(programs::media_plan::update_media_item)
        .service(programs::media_plan::delete_media_item)
        .service(programs::calendar::program_calendar)
        .service(programs::regional::get_roadmap_template)
        .service(programs::regional::put_roadmap_template)
        .service(participants::routes::list_participants)
        .service(participants::routes::create_participant)
        .service(participants::routes::get_participant)
        .service(participants::routes::update_participant)
        .service(participants::routes::delete_participant)
        .service(participants::consents::list_consents)
        .service(participants::consents::add_consent)
        .service(participants::consents::withdraw_consent)
        .service(participants::audit::list_audit)
        .service(participants::import::routes::import_participants)
        .service(participants::import::routes::get_import_job)
        .service(participants::import::routes::import_sample)
        .service(participants::export::export_participants)
        .service(pairing::tags::list_request_tags)
        .service(pairing::tags::add_request_tag)
        .service(pairing::mentees::list_mentees)
        .service(pairing::mentees::enrol_mentee)
        .service(pairing::mentees::update_mentee)
        .service(pairing::mentors::list_mentors)
        .service(pairing::mentors::enrol_mentor)
        .service(pairing::mentors::update_mentor)
        .service(pairing::request_map::request_map);
    pairing_v1(&mut ops);
    ops.register(cfg);
}

/// Stage 5 beyond the bases: settings, preferences, constraints, matching runs, pairs, orders.
fn pairing_v1(ops: &mut Operations) {
    use pairing::{constraints, orders, pairs, preferences, runs, settings, unmatched};
    ops.service(settings::get_settings)
        .service(settings::put_settings)
        .service(preferences::get_preferences)
        .service(preferences::put_preferences)
        .service(constraints::list_constraints)
        .service(constraints::create_constraint)
        .service(constraints::delete_constraint)
        .service(runs::routes::create_run)
        .service(runs::routes::list_runs)
        .service(runs::routes::get_run)
        .service(runs::routes::accept_run)
        .service(pairs::routes::list_pairs)
        .service(pairs::routes::create_pair)
        .service(pairs::routes::get_pair)
        .service(pairs::routes::update_pair)
        .service(pairs::routes::complete_pair)
        .service(pairs::routes::my_pairs)
        .service(pairs::plan::get_plan)
        .service(pairs::plan::put_plan)
        .service(orders::create_order)
        .service(orders::get_order)
        .service(orders::list_orders)
        .service(unmatched::list_unmatched)
        .service(unmatched::put_support);
    meetings_v1(ops);
}

/// Stage 6: meetings, alerts, calendars.
fn meetings_v1(ops: &mut Operations) {
    use meetings::{alerts, calendar, routes, settings};
    ops.service(routes::list_meetings)
        .service(routes::create_meeting)
        .service(routes::get_meeting)
        .service(routes::update_meeting)
        .service(routes::delete_meeting)
        .service(routes::program_meetings)
        .service(routes::my_meetings)
        .service(alerts::program_alerts)
        .service(settings::get_meeting_settings)
        .service(settings::put_meeting_settings)
        .service(calendar::my_calendar)
        .service(calendar::create_feed)
        .service(calendar::list_feeds)
        .service(calendar::revoke_feed)
        .service(calendar::read_feed);
    monitoring_v1(ops);
}

/// Monitoring: templates, surveys, invitations, answers through a link.
fn monitoring_v1(ops: &mut Operations) {
    use monitoring::{impact, measurements, mine, public, quality, surveys, templates};
    ops.service(templates::list_templates)
        .service(templates::create_template)
        .service(templates::get_template)
        .service(templates::update_template)
        .service(templates::new_version)
        .service(surveys::list_surveys)
        .service(surveys::create_survey)
        .service(surveys::get_survey)
        .service(surveys::close_survey)
        .service(surveys::issue_invitations)
        .service(surveys::list_invitations)
        .service(public::get_public_survey)
        .service(public::answer_public_survey)
        .service(mine::my_surveys)
        .service(mine::get_my_survey)
        .service(mine::answer_my_survey)
        .service(measurements::list_measurements)
        .service(measurements::record_measurements)
        .service(measurements::import_measurements)
        .service(impact::impact)
        .service(quality::quality);
    recognition_v1(ops);
    reporting_v1(ops);
}

/// Stage 7: awards, certificates and their public verification, best practices.
fn recognition_v1(ops: &mut Operations) {
    use recognition::{awards, certificate, nominees, practices};
    ops.service(nominees::award_nominees)
        .service(awards::list_awards)
        .service(awards::create_award)
        .service(awards::get_award)
        .service(awards::revoke_award)
        .service(certificate::get_certificate)
        .service(certificate::verify_certificate)
        .service(practices::routes::list_practices)
        .service(practices::routes::create_practice)
        .service(practices::routes::get_practice)
        .service(practices::routes::update_practice)
        .service(practices::routes::submit_practice)
        .service(practices::routes::publish_practice)
        .service(practices::routes::return_practice);
}

/// Reporting: the programme report, the institute's dashboard and report periods, and the school website's public feed (its own scope: open CORS).
fn reporting_v1(ops: &mut Operations) {
    use reporting::{dashboard, periods::routes as periods, program_report};
    ops.service(program_report::routes::program_report)
        .service(dashboard::get_dashboard)
        .service(periods::list_periods)
        .service(periods::create_period)
        .service(periods::get_period)
        .service(periods::refresh_snapshot)
        .service(periods::close_period)
        .service(periods::export_period);
}

/// Operations kept in one scope per first segment of their path (`programs`, `schools`, ..),
/// each guarded by that segment. A request is matched against the routes of its own segment
/// only: actix tries routes in order, a regular expression for each with a parameter, and
/// walking all of them before the programmes list was a fifteenth of its work.
#[derive(Default)]
struct Operations {
    /// Each segment with its operations, in the order of first registration.
    segments: Vec<(String, Vec<Register>)>,
}

/// Registers one operation in its segment's scope.
type Register = Box<dyn FnOnce(&mut ServiceConfig)>;

impl Operations {
    fn service<F>(&mut self, operation: F) -> &mut Self
    where
        F: HttpServiceFactory + OpenApiFactory + utoipa::Path + 'static,
    {
        let path = F::path();
        let segment = first_segment(&path)
            .filter(|s| !s.contains('{'))
            .unwrap_or_else(|| panic!("{path}: its first segment must be fixed text"));
        let register: Register = Box::new(move |cfg| {
            cfg.service(operation);
        });
        match self.segments.iter_mut().find(|(s, _)| s == segment) {
            Some((_, operations)) => operations.push(register),
            None => self.segments.push((segment.to_owned(), vec![register])),
        }
        self
    }

    /// The segments with the most operations first: they take most of the requests, and each
    /// scope tried before the right one costs a guard.
    fn register(mut self, cfg: &mut ServiceConfig) {
        self.segments.sort_by_key(|(_, operations)| std::cmp::Reverse(operations.len()));
        for (segment, operations) in self.segments {
            cfg.service(utoipa_actix_web::scope("").guard(FirstSegment(segment)).configure(|cfg| {
                for register in operations {
                    register(cfg);
                }
            }));
        }
    }
}

/// `programs` of `/programs/{id}/pairs`. (By bytes: `split` took more than the rest of the guard.)
fn first_segment(path: &str) -> Option<&str> {
    let rest = path.strip_prefix('/')?;
    Some(&rest[..rest.bytes().position(|b| b == b'/').unwrap_or(rest.len())])
}

/// Lets a request into the scope of its path's first segment below `/api/v1`, compared as the
/// router compares paths: percent-decoded.
struct FirstSegment(String);

impl Guard for FirstSegment {
    fn check(&self, ctx: &GuardContext<'_>) -> bool {
        let Some(segment) = ctx.head().uri.path().strip_prefix(API_V1).and_then(first_segment) else {
            return false;
        };
        if segment.as_bytes().contains(&b'%') {
            return percent_encoding::percent_decode_str(segment).decode_utf8().is_ok_and(|s| s == self.0);
        }
        segment == self.0
    }
}

pub(crate) fn operations(cfg: &mut ServiceConfig) {
    cfg.service(ops::healthz).service(ops::readyz);
}

/// The spec, built from the same registration as the server.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let (_, mut api) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(utoipa_actix_web::scope(API_V1).configure(api_v1))
        .configure(operations)
        .split_for_parts();
    crate::openapi::finish(&mut api);
    api
}
