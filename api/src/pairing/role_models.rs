//! Which role model of student–student (DOMAIN.md, seed 001) fits a mentee, and which a mentor
//! can carry: the matching scores the fit, and a pair made from a proposal starts with it.

use super::dto::{MenteeCategory, MenteeType};
use super::matching::RoleModel;

/// The mentee's category and type decide: poor results want an achiever; disengagement or
/// behaviour want a leader; a new class wants someone adapted; abilities and own projects want a
/// peer. Only student–student has role models.
pub fn for_mentee(categories: &[MenteeCategory], mentee_type: MenteeType, request_tags: &[String]) -> RoleModel {
    use MenteeCategory::*;
    if categories.contains(&PoorResults) {
        RoleModel::AchieverUnderachiever
    } else if categories.iter().any(|c| matches!(c, NotEngaged | BehaviourProblems)) {
        RoleModel::LeaderPassive
    } else if categories.contains(&DifficultLifeSituation) || request_tags.iter().any(|t| t == "adaptation") {
        RoleModel::AdaptedUnadapted
    } else if categories.contains(&OutstandingAbilities) || mentee_type == MenteeType::Active {
        RoleModel::PeerPeer
    } else {
        RoleModel::LeaderPassive
    }
}

/// The role models a student mentor's competencies support; every student can be a peer.
pub fn for_mentor(competencies: &[String]) -> Vec<RoleModel> {
    let has = |tags: &[&str]| competencies.iter().any(|c| tags.contains(&c.as_str()));
    let mut models = Vec::new();
    if has(&["academic_results", "exam_preparation", "olympiads"]) {
        models.push(RoleModel::AchieverUnderachiever);
    }
    if has(&["leadership", "communication", "school_life"]) {
        models.push(RoleModel::LeaderPassive);
    }
    if has(&["adaptation", "emotional_support"]) {
        models.push(RoleModel::AdaptedUnadapted);
    }
    models.push(RoleModel::PeerPeer);
    models
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_choose_the_model() {
        let none: Vec<String> = Vec::new();
        assert_eq!(for_mentee(&[MenteeCategory::PoorResults, MenteeCategory::NotEngaged], MenteeType::Passive, &none), RoleModel::AchieverUnderachiever);
        assert_eq!(for_mentee(&[MenteeCategory::NotEngaged], MenteeType::Passive, &none), RoleModel::LeaderPassive);
        assert_eq!(for_mentee(&[], MenteeType::Passive, &["adaptation".to_owned()]), RoleModel::AdaptedUnadapted);
        assert_eq!(for_mentee(&[MenteeCategory::OutstandingAbilities], MenteeType::Active, &none), RoleModel::PeerPeer);
        assert_eq!(for_mentor(&["olympiads".to_owned()]), [RoleModel::AchieverUnderachiever, RoleModel::PeerPeer]);
    }
}
