//! The rows of the programme's work: roadmap, bases, pairs, meetings, monitoring, recognition.

use serde_json::{Value, json};

use super::expect::Need::*;
use super::expect::*;
use super::row::{Fresh, Res, Row, row};
use super::world::{academic_year, day, slot};

fn question() -> Value {
    json!([{"code": "q1", "text": "Что получилось?", "kind": "text"}])
}

/// Seven activities, one a stage: the least a regional template holds.
fn regional_template() -> Value {
    let items: Vec<Value> = (1..=7).map(|stage| json!({"stage_no": stage, "title": format!("Этап {stage}"), "content": "", "month": 9})).collect();
    json!({"items": items})
}

pub fn rows() -> Vec<Row> {
    vec![
        // Programmes and their roadmaps: the region's side reads them, the school's staff runs them.
        row("list_programs", School(VIEW_PROGRAM), Res::School),
        row("create_program", School(MANAGE_PROGRAM), Res::School)
            .json(|c| json!({"title": format!("Программа {}", c.n), "academic_year": academic_year().1, "forms": ["student_student"]}))
            .across(|_, f| json!({"title": "Программа", "academic_year": academic_year().1, "forms": ["student_student"], "curator_ids": [f.staff]})),
        row("get_program", School(VIEW_PROGRAM), Res::Programme),
        row("update_program", School(MANAGE_PROGRAM), Res::Programme)
            .json(|_| json!({"contact_name": "Куратор программы"}))
            .across(|_, f| json!({"curator_ids": [f.staff]})),
        row("program_calendar", School(VIEW_PROGRAM), Res::Programme),
        row("program_report", School(VIEW_PROGRAM), Res::Programme),
        row("get_roadmap", School(VIEW_PROGRAM), Res::Programme),
        row("add_activity", School(MANAGE_PROGRAM), Res::Programme)
            .json(|_| json!({"title": "Круглый стол", "deadline": day(6)}))
            .across(|_, f| json!({"title": "Круглый стол", "deadline": day(6), "responsible_user_id": f.staff})),
        row("update_activity", School(MANAGE_PROGRAM), Res::Activity)
            .json(|_| json!({"content": "Повестка"}))
            .across(|_, f| json!({"responsible_user_id": f.staff})),
        row("delete_activity", School(MANAGE_PROGRAM), Res::Fresh(Fresh::Activity)),
        row("get_media_plan", School(VIEW_PROGRAM), Res::Programme),
        row("add_media_item", School(MANAGE_PROGRAM), Res::Programme).json(|_| json!({"stage_no": 1, "event": "Репортаж", "deadline": day(6)})),
        row("update_media_item", School(MANAGE_PROGRAM), Res::MediaItem).json(|_| json!({"message": "Текст новости"})),
        row("delete_media_item", School(MANAGE_PROGRAM), Res::Fresh(Fresh::MediaItem)),
        row("get_roadmap_template", School(VIEW_PROGRAM), Res::School),
        row("put_roadmap_template", Institute(REGIONAL), Res::Institute).json(|_| regional_template()),
        row("get_meeting_settings", School(VIEW_PROGRAM), Res::School),
        row("put_meeting_settings", School(MANAGE_PROGRAM), Res::School).json(|_| json!({"quiet_after_days": 21, "introduction_within_days": 14})),
        row("list_request_tags", School(VIEW_PROGRAM), Res::School),
        row("add_request_tag", School(MANAGE_PROGRAM), Res::School).json(|c| json!({"code": format!("tag_{}", c.n), "label": "Шахматы"})),
        // The bases and the pairing: children's records, so not the region.
        row("list_mentors", School(VIEW_PARTICIPANTS), Res::Programme),
        row("enrol_mentor", School(MANAGE_PROGRAM), Res::Programme)
            .json(|c| json!({"participant_id": c.w.mentor_person}))
            .across(|_, f| json!({"participant_id": f.mentor_person})),
        row("update_mentor", School(MANAGE_PROGRAM), Res::Mentor).json(|_| json!({"achievements": "Призёр олимпиады"})),
        row("list_mentees", School(VIEW_PARTICIPANTS), Res::Programme),
        row("enrol_mentee", School(MANAGE_PROGRAM), Res::Programme)
            .json(|c| json!({"participant_id": c.w.mentee_person, "mentee_type": "passive"}))
            .across(|_, f| json!({"participant_id": f.mentee_person, "mentee_type": "passive"})),
        row("update_mentee", School(MANAGE_PROGRAM), Res::WaitingMentee).json(|_| json!({"request_text": "Геометрия"})),
        row("put_support", School(SUPPORT_MENTEES), Res::WaitingMentee).json(|_| json!({"support_notes": "Занятия с психологом"})),
        row("list_unmatched", School(VIEW_PARTICIPANTS), Res::Programme),
        row("request_map", School(VIEW_PARTICIPANTS), Res::Programme),
        row("get_preferences", School(VIEW_PARTICIPANTS), Res::Programme),
        row("put_preferences", School(MANAGE_PROGRAM), Res::Programme)
            .json(|c| {
                json!({"sheets": [{"side": "mentee", "chooser_id": c.w.spare_mentees[0], "attended_group_meeting": true, "ranks": [{"id": c.w.mentor, "rank": 1}]}]})
            })
            .across(|o, f| json!({"sheets": [{"side": "mentee", "chooser_id": o.spare_mentees[0], "attended_group_meeting": true, "ranks": [{"id": f.mentor, "rank": 1}]}]})),
        row("get_settings", School(VIEW_PROGRAM), Res::Programme),
        row("put_settings", School(MANAGE_PROGRAM), Res::Programme).json(|_| {
            let weights = json!({"request_tags": 5, "role_model": 3, "grade_distance": 2, "mentee_preference": 4, "mentor_preference": 4});
            json!({"weights": weights, "preference_limit": 3, "allow_untrained_mentors": false})
        }),
        row("list_constraints", School(VIEW_PARTICIPANTS), Res::Programme),
        // An exclusion is the psychologist's work too; a lock would be the programme's.
        row("create_constraint", School(SUPPORT_MENTEES), Res::Programme)
            .json(|c| json!({"mentor_id": c.w.mentor, "mentee_id": c.w.spare_mentees[0], "kind": "exclude"}))
            .across(|o, f| json!({"mentor_id": o.mentor, "mentee_id": f.spare_mentees[0], "kind": "exclude"})),
        row("delete_constraint", School(SUPPORT_MENTEES), Res::Fresh(Fresh::Constraint)),
        row("list_runs", School(VIEW_PARTICIPANTS), Res::Programme),
        row("create_run", School(MANAGE_PROGRAM), Res::Programme).json(|_| json!({"algorithm": "stable"})),
        row("get_run", School(VIEW_PARTICIPANTS), Res::Run),
        row("accept_run", School(MANAGE_PROGRAM), Res::Run)
            .json(|c| json!({"proposal_ids": [c.w.proposal]}))
            .across(|_, f| json!({"proposal_ids": [f.proposal]}))
            .last(),
        row("list_pairs", School(VIEW_PARTICIPANTS), Res::Programme),
        row("create_pair", School(MANAGE_PROGRAM), Res::Programme)
            .json(|c| json!({"mentor_id": c.w.mentor, "mentee_ids": [c.w.mentee]}))
            .across(|o, f| json!({"mentor_id": o.mentor, "mentee_ids": [f.spare_mentees[1]]})),
        row("list_orders", School(VIEW_PROGRAM), Res::Programme),
        row("create_order", School(MANAGE_PROGRAM), Res::Programme)
            .json(|c| json!({"number": format!("П-{}", c.n), "signed_on": day(-1), "signatory": "Директор", "pair_ids": [c.w.pair]}))
            .across(|_, f| json!({"number": "П-0", "signed_on": day(-1), "signatory": "Директор", "pair_ids": [f.pair]})),
        row("get_order", School(VIEW_PARTICIPANTS), Res::Order),
        row("my_pairs", SignedIn, Res::None),
        // A pair: the staff by their role, and the pair's own mentor and mentee.
        row("get_pair", School(PAIR_READERS), Res::Pair),
        row("update_pair", School(MANAGE_PROGRAM), Res::Pair).json(|_| json!({"goal": "Подтянуть математику"})),
        row("complete_pair", School(MANAGE_PROGRAM), Res::Pair).json(|_| json!({"outcome": "partly", "summary": "Работа продолжается"})).last(),
        row("get_plan", School(PAIR_READERS), Res::Pair),
        row("put_plan", School(PLAN_WRITERS), Res::Pair).json(|_| json!({"goals": ["Решать задачи без ошибок"], "tasks": []})),
        row("list_meetings", School(PAIR_READERS), Res::Pair),
        row("create_meeting", School(PAIR_WRITERS), Res::Pair)
            .json(|_| {
                let (starts_at, ends_at) = slot(10);
                json!({"kind": "regular", "starts_at": starts_at, "ends_at": ends_at, "format": "online"})
            })
            .across(|_, f| {
                let (starts_at, ends_at) = slot(11);
                json!({"kind": "regular", "starts_at": starts_at, "ends_at": ends_at, "format": "online", "attendance": [{"participant_id": f.mentee_person, "present": true}]})
            }),
        row("get_meeting", School(PAIR_READERS), Res::Meeting),
        row("update_meeting", School(PAIR_WRITERS), Res::Meeting)
            .json(|_| json!({"place": "Библиотека"}))
            .across(|_, f| json!({"attendance": [{"participant_id": f.mentee_person, "present": true}]})),
        row("delete_meeting", School(PAIR_WRITERS), Res::Fresh(Fresh::Meeting)),
        row("program_meetings", School(VIEW_PARTICIPANTS), Res::Programme),
        row("program_alerts", School(VIEW_PARTICIPANTS), Res::Programme),
        row("my_meetings", SignedIn, Res::None),
        row("my_calendar", SignedIn, Res::None),
        row("list_feeds", SignedIn, Res::None),
        row("create_feed", SignedIn, Res::None),
        row("revoke_feed", Mine, Res::Fresh(Fresh::MyFeed)),
        row("read_feed", Public, Res::FeedToken),
        // Monitoring: figures for the region's side, children's answers for the school's staff.
        row("list_templates", School(VIEW_PROGRAM), Res::School),
        row("create_template", School(WRITE_TEMPLATES), Res::School)
            .json(|c| json!({"code": format!("t_{}", c.n), "title": "Анкета", "purpose": "quality", "audience": "mentor", "questions": question()})),
        row("get_template", School(VIEW_PROGRAM), Res::Template),
        row("update_template", School(WRITE_TEMPLATES), Res::Template).json(|_| json!({"questions": question()})),
        row("new_version", School(WRITE_TEMPLATES), Res::Template).json(|_| json!({"questions": question()})),
        row("list_surveys", School(VIEW_PROGRAM), Res::Programme),
        row("create_survey", School(MANAGE_PROGRAM), Res::Programme)
            .json(|c| json!({"template_id": c.w.template, "phase": "quality", "opens_on": day(-1), "closes_on": day(20)}))
            .across(|_, f| json!({"template_id": f.template, "phase": "quality", "opens_on": day(-1), "closes_on": day(20)})),
        row("get_survey", School(VIEW_PROGRAM), Res::Survey),
        row("list_invitations", School(VIEW_PARTICIPANTS), Res::Survey),
        row("issue_invitations", School(MANAGE_PROGRAM), Res::Survey)
            .json(|_| json!({"count": 1}))
            .across(|_, f| json!({"participant_ids": [f.mentee_person]})),
        row("close_survey", School(MANAGE_PROGRAM), Res::Survey).last(),
        row("my_surveys", SignedIn, Res::None),
        // The survey asks the pair's mentees: only the demo mentee is addressed.
        row("get_my_survey", Only(&[Who::Mentee]), Res::Survey),
        row("answer_my_survey", Only(&[Who::Mentee]), Res::Survey).json(|_| json!({"answers": {}})),
        row("get_public_survey", Public, Res::SurveyLink),
        row("answer_public_survey", Public, Res::SurveyLink).json(|_| json!({"answers": {}})),
        row("quality", School(VIEW_PROGRAM), Res::Programme),
        row("impact", School(VIEW_PROGRAM), Res::Programme),
        row("list_measurements", School(VIEW_PARTICIPANTS), Res::Programme),
        row("record_measurements", School(MANAGE_PROGRAM), Res::Programme)
            .json(|c| json!({"items": [{"participant_id": c.w.mentee_person, "parameter": "grade_avg", "phase": "entry", "value": 3.5}]}))
            .across(|_, f| json!({"items": [{"participant_id": f.mentee_person, "parameter": "grade_avg", "phase": "entry", "value": 3.5}]})),
        row("import_measurements", School(MANAGE_PROGRAM), Res::Programme).csv(|c| format!("participant_id;parameter;phase;value\n{};grade_avg;entry;3.5\n", c.w.mentee_person))
            .across(|_, f| Value::String(format!("participant_id;parameter;phase;value\n{};grade_avg;entry;3.5\n", f.mentee_person))),
        // Recognition: awards by the school, practices written by the school and published above it.
        row("list_awards", School(VIEW_PROGRAM), Res::Programme),
        row("award_nominees", School(MANAGE_PROGRAM), Res::Programme).query(|_| "kind=mentor_of_the_year".into()),
        row("create_award", School(MANAGE_PROGRAM), Res::Programme)
            .json(|c| json!({"kind": "letter_of_thanks", "participant_id": c.w.mentor_person, "awarded_on": day(-1)}))
            .across(|_, f| json!({"kind": "letter_of_thanks", "participant_id": f.mentor_person, "awarded_on": day(-1)})),
        row("get_award", School(VIEW_PROGRAM), Res::Award),
        row("get_certificate", School(VIEW_PROGRAM), Res::Award),
        row("revoke_award", School(MANAGE_PROGRAM), Res::Award).json(|_| json!({"reason": "Выдана по ошибке"})).last(),
        row("verify_certificate", Public, Res::Certificate),
        row("list_practices", SignedIn, Res::None).query(|c| format!("school_id={}", c.w.school)),
        row("create_practice", School(WRITE_PRACTICE), Res::None)
            .json(|c| json!({"school_id": c.w.school, "title": "Наставничество в 5-х классах", "summary": "Коротко", "body": "Подробно", "form": "student_student"}))
            .across(|o, f| json!({"school_id": o.school, "program_id": f.programme, "title": "Практика", "summary": "Коротко", "body": "Подробно", "form": "student_student"})),
        // A published practice is the whole region's library.
        row("get_practice", School(ROLES), Res::PublishedPractice),
        // A draft is seen by its school's writers alone; a submitted one by its reviewers as well.
        row("update_practice", Seen { roles: WRITE_PRACTICE, sees: WRITE_PRACTICE }, Res::DraftPractice)
            .json(|_| json!({"summary": "Короче"}))
            .across(|_, f| json!({"program_id": f.programme})),
        row("submit_practice", Seen { roles: WRITE_PRACTICE, sees: WRITE_PRACTICE }, Res::Fresh(Fresh::DraftPractice)),
        row("publish_practice", Seen { roles: REGIONAL, sees: SEE_SUBMITTED }, Res::Fresh(Fresh::SubmittedPractice)),
        row("return_practice", Seen { roles: REGIONAL, sees: SEE_SUBMITTED }, Res::Fresh(Fresh::SubmittedPractice)).json(|_| json!({"note": "Уберите фамилии"})),
    ]
}
