//! Contributions and reasons as the Russian sentence a curator reads: "Совпали запросы: олимпиады,
//! лидерство; наставник на 2 класса старше; первый выбор наставляемого". Tag codes are turned into
//! labels by the caller, who knows the school's vocabulary.

use super::input::{Criterion, RoleModel};
use super::output::{Contribution, ContributionDetail, UnmatchedReason};

fn role_label(role: RoleModel) -> &'static str {
    match role {
        RoleModel::AchieverUnderachiever => "успевающий — неуспевающий",
        RoleModel::LeaderPassive => "лидер — пассивный",
        RoleModel::PeerPeer => "равный — равному",
        RoleModel::AdaptedUnadapted => "адаптированный — неадаптированный",
    }
}

fn criterion_label(criterion: Criterion) -> &'static str {
    match criterion {
        Criterion::RequestTags => "совпадение запроса и компетенций",
        Criterion::RoleModel => "ролевая модель",
        Criterion::GradeDistance => "разница в классах",
        Criterion::MenteePreference => "выбор наставляемого",
        Criterion::MentorPreference => "выбор наставника",
    }
}

/// "1 класс", "2 класса", "5 классов".
fn grades(n: u32) -> String {
    let word = match (n % 10, n % 100) {
        (_, 11..=14) => "классов",
        (1, _) => "класс",
        (2..=4, _) => "класса",
        _ => "классов",
    };
    format!("{n} {word}")
}

fn rank_phrase(rank: u8, whose: &str) -> String {
    if rank == 1 { format!("первый выбор {whose}") } else { format!("{rank}-е место в выборе {whose}") }
}

/// The facts behind a pair, joined with "; ", first letter capitalised. Neutral criteria (unknown
/// grade, no role model, unranked) are left out: they say nothing about this pair.
pub fn describe_contributions(contributions: &[Contribution], tag_label: impl Fn(&str) -> String) -> String {
    let labels = |tags: &[String]| tags.iter().map(|t| tag_label(t)).collect::<Vec<_>>().join(", ");
    let phrases: Vec<String> = contributions
        .iter()
        .filter_map(|c| match (&c.detail, c.criterion) {
            (ContributionDetail::Tags { covered, missing }, _) => Some(match (covered.is_empty(), missing.is_empty()) {
                (true, _) => format!("запросы не совпали: {}", labels(missing)),
                (false, true) => format!("совпали запросы: {}", labels(covered)),
                (false, false) => format!("совпали запросы: {} (не покрыты: {})", labels(covered), labels(missing)),
            }),
            (ContributionDetail::NoRequestTags, _) => Some("в запросе нет тегов".to_owned()),
            (ContributionDetail::RoleModel { role_model, carried }, _) => Some(if *carried {
                format!("подходит ролевая модель «{}»", role_label(*role_model))
            } else {
                format!("не подходит ролевая модель «{}»", role_label(*role_model))
            }),
            (ContributionDetail::GradeDistance { distance }, _) => Some(match *distance {
                0 => "наставник из того же класса".to_owned(),
                d if d > 0 => format!("наставник на {} старше", grades(d.unsigned_abs())),
                d => format!("наставник на {} младше", grades(d.unsigned_abs())),
            }),
            (ContributionDetail::Rank { rank }, Criterion::MentorPreference) => Some(rank_phrase(*rank, "наставника")),
            (ContributionDetail::Rank { rank }, _) => Some(rank_phrase(*rank, "наставляемого")),
            (ContributionDetail::NoRoleModel | ContributionDetail::GradeUnknown | ContributionDetail::Unranked, _) => None,
        })
        .collect();
    capitalised(phrases.join("; "))
}

/// Why a mentee got nobody, as one sentence.
pub fn describe_reason(reason: &UnmatchedReason, tag_label: impl Fn(&str) -> String) -> String {
    match reason {
        UnmatchedReason::NoMentors => "В базе нет наставников".to_owned(),
        UnmatchedReason::NoHigherGradeMentor => "Нет наставника из более старшего класса".to_owned(),
        UnmatchedReason::NoMentorWithCompetency { tags } => {
            let labels: Vec<String> = tags.iter().map(|t| tag_label(t)).collect();
            format!("Ни один наставник не закрывает запрос: {}", labels.join(", "))
        }
        UnmatchedReason::MustUnmet { criterion } => {
            format!("Ни с одним наставником не выполнено обязательное условие: {}", criterion_label(*criterion))
        }
        UnmatchedReason::OnlyExcluded => "Все подходящие наставники исключены для этого наставляемого".to_owned(),
        UnmatchedReason::OnlyUntrainedMentors { candidates } => {
            format!("Подходят только наставники, не прошедшие отбор или обучение: {candidates}")
        }
        UnmatchedReason::CapacityExhausted { candidates } => {
            format!("Все места у подходящих наставников ({candidates}) заняты")
        }
    }
}

fn capitalised(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contribution(criterion: Criterion, detail: ContributionDetail) -> Contribution {
        Contribution { criterion, points: 0, detail }
    }

    #[test]
    fn reads_like_the_curator_expects() {
        let contributions = [
            contribution(
                Criterion::RequestTags,
                ContributionDetail::Tags { covered: vec!["olympiads".into(), "leadership".into()], missing: vec![] },
            ),
            contribution(Criterion::RoleModel, ContributionDetail::NoRoleModel),
            contribution(Criterion::GradeDistance, ContributionDetail::GradeDistance { distance: 2 }),
            contribution(Criterion::MenteePreference, ContributionDetail::Rank { rank: 1 }),
            contribution(Criterion::MentorPreference, ContributionDetail::Unranked),
        ];
        let label = |code: &str| match code {
            "olympiads" => "олимпиады".to_owned(),
            "leadership" => "лидерство".to_owned(),
            other => other.to_owned(),
        };
        assert_eq!(
            describe_contributions(&contributions, label),
            "Совпали запросы: олимпиады, лидерство; наставник на 2 класса старше; первый выбор наставляемого"
        );
    }

    #[test]
    fn grade_words_agree_with_the_number() {
        assert_eq!([1, 2, 5, 11, 21, 22].map(grades), ["1 класс", "2 класса", "5 классов", "11 классов", "21 класс", "22 класса"]);
    }

    #[test]
    fn reasons_name_the_fact() {
        let reason = UnmatchedReason::NoMentorWithCompetency { tags: vec!["sport".into()] };
        assert_eq!(describe_reason(&reason, |_| "спорт".to_owned()), "Ни один наставник не закрывает запрос: спорт");
        let reason = UnmatchedReason::CapacityExhausted { candidates: 3 };
        assert_eq!(describe_reason(&reason, str::to_owned), "Все места у подходящих наставников (3) заняты");
    }
}
