//! The standard roadmap and media plan a new programme starts from (seed 001, "Дорожная карта"
//! and section 11), and how template months become deadlines inside the programme's year.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::Role;

/// One activity of a template: its deadline is given as a month of the academic year and placed
/// at that month's end in the programme's year.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema, PartialEq)]
pub struct TemplateActivity {
    #[validate(range(min = 1, max = 7))]
    #[schema(minimum = 1, maximum = 7)]
    pub stage_no: i32,
    #[validate(length(min = 1, max = 500))]
    #[schema(min_length = 1, max_length = 500)]
    pub title: String,
    #[validate(length(max = 5000))]
    #[schema(max_length = 5000)]
    pub content: String,
    /// Calendar month (9 = September … 5 = May), placed in the programme's academic year.
    #[validate(range(min = 1, max = 12))]
    #[schema(minimum = 1, maximum = 12)]
    pub month: u32,
    pub responsible_role: Option<Role>,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub expected_result: Option<String>,
}

fn activity(stage_no: i32, title: &str, content: &str, month: u32, role: Role, result: &str) -> TemplateActivity {
    TemplateActivity {
        stage_no,
        title: title.into(),
        content: content.into(),
        month,
        responsible_role: Some(role),
        expected_result: if result.is_empty() { None } else { Some(result.into()) },
    }
}

/// The standard roadmap, taken from seed 001 (the fullest of the seeds).
pub fn standard_roadmap() -> Vec<TemplateActivity> {
    use Role::*;
    vec![
        activity(1, "Изучение и систематизация материалов по наставничеству",
            "Изучение распоряжения Минпросвещения России № Р-145 от 25.12.2019 и письма № МР-42/02 от 23.01.2020; подготовка системных папок; ознакомление с шаблонами документов.",
            9, SchoolAdmin, "Материалы изучены, папки подготовлены."),
        activity(1, "Подготовка нормативной базы",
            "Приказ о внедрении целевой модели наставничества; положение о наставничестве; целевая модель; дорожная карта; приказ о назначении куратора.",
            10, SchoolAdmin, "Пакет документов утверждён приказами."),
        activity(1, "Утверждение форм и программы наставничества",
            "Мониторинг предварительных запросов потенциальных наставляемых; административное совещание; формирование банка программ по выбранным формам.",
            11, Coordinator, "Выбраны формы наставничества, программа утверждена."),
        activity(1, "Информирование родителей, педагогов и обучающихся",
            "Педагогический совет, родительские собрания, ученическая конференция, классные часы, информация на сайте школы и для внешней среды.",
            12, Curator, "Участники знают о целях и возможностях программы."),
        activity(2, "Сбор данных о наставляемых",
            "Анкетирование обучающихся, желающих участвовать; согласия родителей (законных представителей) на обработку персональных данных; запросы от педагога-психолога и классных руководителей.",
            12, Curator, "Анкеты и согласия собраны."),
        activity(2, "Формирование базы наставляемых",
            "База наставляемых из числа обучающихся 10–18 лет с картой запросов.",
            12, Curator, "Сформированная база наставляемых с картой запросов."),
        activity(3, "Сбор данных о наставниках",
            "Анкетирование потенциальных наставников; согласия на обработку персональных данных; круглый стол для информирования и вовлечения наставников.",
            12, Curator, "Анкеты и согласия наставников собраны."),
        activity(3, "Формирование базы наставников",
            "База наставников из числа обучающихся, педагогов, родителей, выпускников и партнёров.",
            12, Curator, "Сформированная база наставников."),
        activity(4, "Выявление наставников из базы",
            "Анализ базы наставников и выбор подходящих для программы; анкеты в свободной письменной форме; собеседования.",
            12, Psychologist, "Отобраны наставники для программы."),
        activity(4, "Обучение наставников («Школа наставников»)",
            "Методические материалы для сопровождения наставников; приказ об организации «Школы наставников» с программой и графиком; обучение.",
            12, Curator, "Наставники обучены."),
        activity(5, "Отбор наставников и наставляемых",
            "Сопоставление анкет наставников и наставляемых; групповая встреча; анкетирование о предпочитаемом наставнике или наставляемом; формирование пар и групп.",
            12, Curator, "Предложены пары и группы."),
        activity(5, "Закрепление наставнических пар и групп",
            "Приказ «Об утверждении наставнических пар/групп»; планы индивидуального развития наставляемых; психологическое сопровождение тех, кто не сформировал пару, и продолжение поиска наставника.",
            12, SchoolAdmin, "Пары и группы утверждены приказом."),
        activity(6, "Комплекс последовательных встреч наставников и наставляемых",
            "Встреча-знакомство, пробная рабочая встреча, встреча-планирование, регулярные встречи по плану, итоговая встреча.",
            5, Mentor, "Пары и группы провели встречи по плану."),
        activity(6, "Текущий контроль достижения результатов",
            "Анкетирование: анкеты обратной связи для промежуточной оценки.",
            3, Curator, "Промежуточный мониторинг проведён."),
        activity(7, "Отчёты по итогам программы",
            "Мониторинг личной удовлетворённости участием; мониторинг качества реализации программы; оценка влияния программы на участников.",
            4, Curator, "Итоги работы пар и программы подведены."),
        activity(7, "Мотивация и поощрение наставников",
            "Приказ о поощрении участников; благодарственные письма; публикация результатов и лучших наставников на сайте школы; школьный конкурс «Наставник года».",
            5, SchoolAdmin, "Наставники поощрены, практики опубликованы."),
    ]
}

/// One item of the standard media plan (seed 001, section 11).
pub struct TemplateMediaItem {
    pub stage_no: i32,
    pub event: &'static str,
    pub message: &'static str,
    pub channel: &'static str,
    pub form: &'static str,
    pub month: u32,
}

pub const STANDARD_MEDIA_PLAN: [TemplateMediaItem; 7] = [
    TemplateMediaItem { stage_no: 1, event: "Подготовка условий для запуска программы наставничества", message: "Создание благоприятных условий для запуска программы наставничества", channel: "Сеть интернет", form: "Статья в газете, информация на официальном сайте школы", month: 9 },
    TemplateMediaItem { stage_no: 3, event: "Формирование базы наставников", message: "Взаимодействие с целевыми аудиториями", channel: "Сеть интернет", form: "Информация в сети интернет", month: 10 },
    TemplateMediaItem { stage_no: 2, event: "Формирование базы наставляемых", message: "Информировать родителей, педагогов, обучающихся о возможностях и целях программы", channel: "Сеть интернет", form: "Информация на официальном сайте школы", month: 10 },
    TemplateMediaItem { stage_no: 4, event: "Отбор и обучение наставников", message: "Информировать потенциальных наставников о программе обучения", channel: "Сеть интернет", form: "Информация на официальном сайте школы", month: 11 },
    TemplateMediaItem { stage_no: 5, event: "Формирование наставнических пар или групп", message: "Информировать о встрече для формирования пар или групп", channel: "Сеть интернет", form: "Информация на официальном сайте школы", month: 12 },
    TemplateMediaItem { stage_no: 6, event: "Организация работы наставнических пар или групп", message: "Информировать о форматах взаимодействия каждой пары или группы", channel: "Целевые медиа, сеть интернет", form: "Информация на официальном сайте школы", month: 1 },
    TemplateMediaItem { stage_no: 7, event: "Праздничное событие: представление результатов наставничества", message: "Популяризировать лучшие практики и примеры наставничества", channel: "Целевые медиа, сеть интернет, сайт школы", form: "Информация на официальном сайте школы, статья в СМИ", month: 6 },
];

/// The last day of `month` in the academic year that starts in September of `first_year`, kept
/// inside [start, end] so that every seeded deadline lies within the programme.
pub fn place_deadline(first_year: i32, month: u32, start: NaiveDate, end: NaiveDate) -> NaiveDate {
    let year = if month >= 8 { first_year } else { first_year + 1 };
    let last_day = NaiveDate::from_ymd_opt(year, month, 1)
        .and_then(|first| first.checked_add_months(chrono::Months::new(1)))
        .and_then(|next| next.pred_opt())
        .unwrap_or(end);
    last_day.clamp(start, end)
}

/// `"2026/2027"` → 2026, when the two years follow each other.
pub fn first_year(academic_year: &str) -> Option<i32> {
    let (a, b) = academic_year.split_once('/')?;
    let (a, b): (i32, i32) = (a.parse().ok()?, b.parse().ok()?);
    (b == a + 1 && (2000..=2100).contains(&a) && a.to_string().len() == 4).then_some(a)
}

/// The academic year a date falls in (September to August).
pub fn academic_year_of(date: NaiveDate) -> String {
    let first = if date.month() >= 9 { date.year() } else { date.year() - 1 };
    format!("{first}/{}", first + 1)
}

/// Default dates of a programme: 1 September to 31 May.
pub fn default_dates(first_year: i32) -> (NaiveDate, NaiveDate) {
    let start = NaiveDate::from_ymd_opt(first_year, 9, 1).unwrap_or_default();
    let end = NaiveDate::from_ymd_opt(first_year + 1, 5, 31).unwrap_or_default();
    (start, end)
}

/// The window a programme's dates must lie in: 1 August to 31 August of the next year.
pub fn year_window(first_year: i32) -> (NaiveDate, NaiveDate) {
    let from = NaiveDate::from_ymd_opt(first_year, 8, 1).unwrap_or_default();
    let to = NaiveDate::from_ymd_opt(first_year + 1, 8, 31).unwrap_or_default();
    (from, to)
}

/// Every stage has at least one activity: a template that skips a stage cannot start a programme.
pub fn covers_every_stage(items: &[TemplateActivity]) -> bool {
    (1..=super::stages::STAGE_COUNT).all(|s| items.iter().any(|i| i.stage_no == s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn standard_template_covers_seven_stages_in_order() {
        let items = standard_roadmap();
        assert!(covers_every_stage(&items));
        assert!(items.windows(2).all(|w| w[0].stage_no <= w[1].stage_no));
        assert_eq!(STANDARD_MEDIA_PLAN.len(), 7);
        let mut stages: Vec<i32> = STANDARD_MEDIA_PLAN.iter().map(|m| m.stage_no).collect();
        stages.sort_unstable();
        assert_eq!(stages, vec![1, 2, 3, 4, 5, 6, 7]);
    }

    #[test]
    fn months_land_in_the_right_calendar_year_and_inside_the_programme() {
        let (start, end) = default_dates(2026);
        assert_eq!(place_deadline(2026, 10, start, end), d(2026, 10, 31));
        assert_eq!(place_deadline(2026, 2, start, end), d(2027, 2, 28));
        assert_eq!(place_deadline(2026, 12, start, end), d(2026, 12, 31));
        // June lies after a programme that ends in May: the deadline is its last day.
        assert_eq!(place_deadline(2026, 6, start, end), end);
    }

    #[test]
    fn academic_years() {
        assert_eq!(first_year("2026/2027"), Some(2026));
        assert_eq!(first_year("2026/2028"), None);
        assert_eq!(first_year("26/27"), None);
        assert_eq!(first_year("2026"), None);
        assert_eq!(academic_year_of(d(2026, 11, 29)), "2026/2027");
        assert_eq!(academic_year_of(d(2027, 3, 1)), "2026/2027");
        assert_eq!(academic_year_of(d(2027, 9, 1)), "2027/2028");
    }
}
