//! The import's columns, named in Russian or English, and the kinds of participant as people
//! write them in a spreadsheet.

use crate::participants::dto::ParticipantKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    ExternalId,
    Kind,
    LastName,
    FirstName,
    MiddleName,
    BirthDate,
    BirthYear,
    Grade,
    ClassLetter,
    Phone,
    Email,
    Notes,
    ConsentGivenOn,
    ConsentGiverName,
}

/// (column, its English name, the Russian names it is recognised by; the first is the one the
/// sample file and the export use).
pub const COLUMNS: [(Column, &str, &[&str]); 14] = [
    (Column::ExternalId, "external_id", &["внешний id", "внешний идентификатор", "идентификатор"]),
    (Column::Kind, "kind", &["категория", "роль", "тип"]),
    (Column::LastName, "last_name", &["фамилия"]),
    (Column::FirstName, "first_name", &["имя"]),
    (Column::MiddleName, "middle_name", &["отчество"]),
    (Column::BirthDate, "birth_date", &["дата рождения"]),
    (Column::BirthYear, "birth_year", &["год рождения"]),
    (Column::Grade, "grade", &["класс"]),
    (Column::ClassLetter, "class_letter", &["литера", "буква класса"]),
    (Column::Phone, "phone", &["телефон"]),
    (Column::Email, "email", &["эл. почта", "электронная почта", "e-mail"]),
    (Column::Notes, "notes", &["примечание", "заметки"]),
    (Column::ConsentGivenOn, "consent_given_on", &["согласие: дата", "дата согласия"]),
    (Column::ConsentGiverName, "consent_giver_name", &["согласие: кто дал", "согласие дал"]),
];

pub const REQUIRED: [Column; 3] = [Column::Kind, Column::LastName, Column::FirstName];

fn normalise(s: &str) -> String {
    s.trim().trim_start_matches('\u{feff}').to_lowercase().replace('ё', "е").split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn column_of(header: &str) -> Option<Column> {
    let h = normalise(header);
    COLUMNS.iter().find(|(_, en, ru)| *en == h || ru.iter().any(|r| normalise(r) == h)).map(|(c, _, _)| *c)
}

pub fn russian_name(column: Column) -> &'static str {
    COLUMNS.iter().find(|(c, _, _)| *c == column).map(|(_, _, ru)| ru[0]).unwrap_or("")
}

/// The kind from its code or its Russian name.
pub fn kind_of(value: &str) -> Option<ParticipantKind> {
    // Most cells are written as the names are: no need to normalise them (which allocates).
    named_kind(value).or_else(|| named_kind(&normalise(value)))
}

fn named_kind(v: &str) -> Option<ParticipantKind> {
    if let Some(k) = ParticipantKind::parse(v) {
        return Some(k);
    }
    let by_name: [(&str, ParticipantKind); 14] = [
        ("ученик", ParticipantKind::Student),
        ("обучающийся", ParticipantKind::Student),
        ("учащийся", ParticipantKind::Student),
        ("учитель", ParticipantKind::Teacher),
        ("педагог", ParticipantKind::Teacher),
        ("родитель", ParticipantKind::Parent),
        ("выпускник", ParticipantKind::Alumnus),
        ("работодатель", ParticipantKind::Employer),
        ("предприниматель", ParticipantKind::Entrepreneur),
        ("ветеран", ParticipantKind::Veteran),
        ("ветеран педагогического труда", ParticipantKind::Veteran),
        ("студент вуза", ParticipantKind::UniversityStudent),
        ("студент колледжа", ParticipantKind::CollegeStudent),
        ("представитель партнера", ParticipantKind::Partner),
    ];
    by_name.iter().find(|(n, _)| *n == v).map(|(_, k)| *k).or(if v == "партнер" { Some(ParticipantKind::Partner) } else { None })
}

pub fn russian_kind(kind: ParticipantKind) -> &'static str {
    match kind {
        ParticipantKind::Student => "ученик",
        ParticipantKind::Teacher => "учитель",
        ParticipantKind::Parent => "родитель",
        ParticipantKind::Alumnus => "выпускник",
        ParticipantKind::Employer => "работодатель",
        ParticipantKind::Entrepreneur => "предприниматель",
        ParticipantKind::Veteran => "ветеран педагогического труда",
        ParticipantKind::UniversityStudent => "студент вуза",
        ParticipantKind::CollegeStudent => "студент колледжа",
        ParticipantKind::Partner => "представитель партнёра",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_either_language() {
        assert_eq!(column_of("Фамилия"), Some(Column::LastName));
        assert_eq!(column_of("\u{feff}last_name"), Some(Column::LastName));
        assert_eq!(column_of("  Дата   рождения "), Some(Column::BirthDate));
        assert_eq!(column_of("Согласие: кто дал"), Some(Column::ConsentGiverName));
        assert_eq!(column_of("Любимый цвет"), None);
    }

    #[test]
    fn kinds_in_either_language() {
        assert_eq!(kind_of("Ученик"), Some(ParticipantKind::Student));
        assert_eq!(kind_of("university_student"), Some(ParticipantKind::UniversityStudent));
        assert_eq!(kind_of("Представитель партнёра"), Some(ParticipantKind::Partner));
        assert_eq!(kind_of("дракон"), None);
    }
}
