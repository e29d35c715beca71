//! The seven stages of the target model's roadmap (DOMAIN.md, seed 001), with the results that
//! seed 003 names for each.

pub const STAGE_COUNT: i32 = 7;

pub struct StageInfo {
    pub title: &'static str,
    pub expected_result: &'static str,
}

pub const STAGES: [StageInfo; 7] = [
    StageInfo {
        title: "Подготовка условий для запуска программы наставничества",
        expected_result: "Дорожная карта реализации наставничества. Пакет документов.",
    },
    StageInfo {
        title: "Формирование базы наставляемых",
        expected_result: "Сформированная база наставляемых с картой запросов.",
    },
    StageInfo { title: "Формирование базы наставников", expected_result: "Сформированная база наставников." },
    StageInfo {
        title: "Отбор и обучение наставников",
        expected_result: "Анкеты потенциальных наставников, собеседования, обученные наставники.",
    },
    StageInfo {
        title: "Формирование наставнических пар и групп",
        expected_result: "Утверждённые приказом наставнические пары и группы, планы индивидуального развития.",
    },
    StageInfo {
        title: "Организация и осуществление работы наставнических пар и групп",
        expected_result: "Встречи пар и групп по плану; обратная связь для мониторинга.",
    },
    StageInfo {
        title: "Завершение программы наставничества",
        expected_result: "Итоги работы пар и программы, лучшие практики, поощрение наставников.",
    },
];

/// The stage, if `stage_no` is one of 1–7.
pub fn stage(stage_no: i32) -> Option<&'static StageInfo> {
    usize::try_from(stage_no).ok().and_then(|n| n.checked_sub(1)).and_then(|i| STAGES.get(i))
}
