//! The report as the rows of a spreadsheet: section, indicator, value, in Russian, as the curator
//! prints it for the director. Pure, so the wording is tested without a database.

use super::{Line, ProgramReport};

pub const HEADERS: [&str; 3] = ["Раздел", "Показатель", "Значение"];

/// Russian names of the codes the report holds (statuses, forms, role models, kinds).
fn russian(key: &str) -> &str {
    match key {
        "candidate" => "кандидаты",
        "in_base" => "в базе",
        "matched" => "в паре",
        "awaiting_support" => "ждут пару, под сопровождением",
        "completed" => "завершили",
        "withdrawn" => "выбыли",
        "proposed" => "предложены",
        "approved" => "утверждены приказом",
        "active" => "работают",
        "dissolved" => "распались",
        "student_student" => "ученик – ученик",
        "teacher_teacher" => "учитель – учитель",
        "employer_student" => "работодатель – ученик",
        "university_student_student" => "студент – ученик",
        "employer_college_student" => "работодатель – студент",
        "achiever_underachiever" => "успевающий – неуспевающий",
        "leader_passive" => "лидер – пассивный",
        "peer_peer" => "равный – равному",
        "adapted_unadapted" => "адаптированный – неадаптированный",
        "unspecified" => "не указано",
        "yes" => "цели достигнуты",
        "mostly" => "в основном достигнуты",
        "partly" => "достигнуты частично",
        "no" => "не достигнуты",
        "introduction" => "встреча-знакомство",
        "trial" => "пробная встреча",
        "planning" => "встреча-планирование",
        "regular" => "регулярные встречи",
        "final" => "итоговая встреча",
        "quality" => "качество",
        "entry" => "вход",
        "exit" => "выход",
        "interim" => "промежуточный",
        "mentor" => "наставники",
        "mentee" => "наставляемые",
        "curator" => "кураторы",
        "mentor_of_the_year" => "Наставник года",
        "best_pair" => "Лучшая пара",
        "certificate" => "сертификаты",
        "letter_of_thanks" => "благодарственные письма",
        other => other,
    }
}

fn count(value: Option<i64>) -> String {
    value.map_or_else(|| "менее 5".to_owned(), |v| v.to_string())
}

fn number(value: Option<f64>, digits: usize) -> String {
    value.map_or_else(String::new, |v| format!("{v:.digits$}").replace('.', ","))
}

fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{} %", (v * 100.0).round()))
}

/// The rows so far; each section's lines in the order the report reads.
#[derive(Default)]
struct Sheet(Vec<[String; 3]>);

impl Sheet {
    fn row(&mut self, section: &str, indicator: impl Into<String>, value: impl Into<String>) {
        self.0.push([section.to_owned(), indicator.into(), value.into()]);
    }

    fn lines(&mut self, section: &str, prefix: &str, list: &[Line]) {
        for l in list {
            self.row(section, format!("{prefix}: {}", russian(&l.key)), count(l.count));
        }
    }
}

pub fn rows(report: &ProgramReport) -> Vec<[String; 3]> {
    let mut sheet = Sheet::default();
    let p = &report.program;
    sheet.row("Программа", "Название", p.title.as_str());
    sheet.row("Программа", "Образовательная организация", p.school_name.as_str());
    sheet.row("Программа", "Учебный год", p.academic_year.as_str());
    sheet.row("Программа", "Сроки", format!("{} – {}", p.start_date.format("%d.%m.%Y"), p.end_date.format("%d.%m.%Y")));
    sheet.row("Программа", "Формы наставничества", p.forms.iter().map(|f| russian(f)).collect::<Vec<_>>().join(", "));
    let as_of = match report.frozen_at {
        Some(at) => format!("зафиксированы при завершении программы {}", at.format("%d.%m.%Y")),
        None => format!("на {}", report.generated_at.format("%d.%m.%Y")),
    };
    sheet.row("Программа", "Данные", as_of);

    let b = &report.bases;
    sheet.row("База наставляемых", "Всего", count(b.mentees.total));
    sheet.lines("База наставляемых", "Наставляемые", &b.mentees.by_status);
    sheet.row("База наставников", "Всего", count(b.mentors.total));
    sheet.lines("База наставников", "Наставники", &b.mentors.by_status);
    sheet.row("База наставников", "Прошли обучение", count(b.mentors_trained));

    let pr = &report.pairs;
    sheet.row("Пары и группы", "Всего сформировано", count(pr.total));
    sheet.row("Пары и группы", "Наставляемых в парах и группах", count(pr.mentees_in_pairs));
    sheet.lines("Пары и группы", "По статусу", &pr.by_status);
    sheet.lines("Пары и группы", "По форме", &pr.by_form);
    sheet.lines("Пары и группы", "По ролевой модели", &pr.by_role_model);
    sheet.lines("Пары и группы", "Итог", &pr.by_outcome);

    let m = &report.meetings;
    sheet.row("Встречи", "Всего проведено", m.held.to_string());
    sheet.lines("Встречи", "Проведено", &m.held_by_kind);
    sheet.row("Встречи", "Запланировано", m.scheduled.to_string());
    sheet.row("Встречи", "Отменено", m.cancelled.to_string());

    let r = &report.roadmap;
    sheet.row("Дорожная карта", "Выполнено мероприятий", format!("{} из {} ({} %)", r.overall.done, r.overall.total, r.overall.percent));
    sheet.row("Дорожная карта", "Просрочено", r.overall.overdue.to_string());
    for s in &r.stages {
        sheet.row("Дорожная карта", format!("Этап {}. {}", s.stage_no, s.title), format!("{} из {}, просрочено {}", s.progress.done, s.progress.total, s.progress.overdue));
    }

    let mon = &report.monitoring;
    for s in &mon.surveys {
        sheet.row("Мониторинг", format!("{} ({}, {})", s.title, russian(&s.phase), russian(&s.audience)), format!("ответили {} из {} — {}", s.submitted, s.invitations, percent(s.response_rate)));
    }
    for item in &mon.strengths {
        sheet.row("Мониторинг: сильные стороны", item.question.as_str(), percent(Some(item.score)));
    }
    for item in &mon.weaknesses {
        sheet.row("Мониторинг: слабые стороны", item.question.as_str(), percent(Some(item.score)));
    }
    for i in &mon.impact {
        let value = match (i.entry_mean, i.exit_mean) {
            (Some(entry), Some(exit)) => format!(
                "{} → {}: изменение {}, p = {}{}; участников {}",
                number(Some(entry), 2),
                number(Some(exit), 2),
                number(i.mean_change, 2),
                number(i.p_value, 3),
                if i.significant == Some(true) { ", значимо" } else { "" },
                count(i.n)
            ),
            _ => format!("участников с двумя замерами: {}", count(i.n)),
        };
        sheet.row("Мониторинг: влияние (вход → выход)", i.parameter.as_str(), value);
    }
    sheet.lines("Поощрение", "Награды", &report.awards);
    // Spreadsheets run a cell that starts with = + - @ as a formula.
    sheet.0.into_iter().map(|row| row.map(|cell| crate::participants::export::neutralise(&cell))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_in_russian_and_unknown_ones_stay() {
        assert_eq!(russian("student_student"), "ученик – ученик");
        assert_eq!(russian("mostly"), "в основном достигнуты");
        assert_eq!(russian("olympiads"), "olympiads");
    }

    #[test]
    fn withheld_counts_say_so() {
        assert_eq!(count(None), "менее 5");
        assert_eq!(count(Some(12)), "12");
        assert_eq!(percent(Some(0.834)), "83 %");
        assert_eq!(number(Some(4.5), 2), "4,50");
    }
}
