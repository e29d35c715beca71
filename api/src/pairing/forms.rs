//! Who may stand on each side of a form of mentorship (DOMAIN.md, "Forms and role models").

use crate::participants::dto::ParticipantKind::{self, *};
use crate::programs::dto::MentorshipForm;

/// The kinds of people who may mentor in a form.
pub fn mentor_kinds(form: MentorshipForm) -> &'static [ParticipantKind] {
    match form {
        MentorshipForm::StudentStudent => &[Student],
        MentorshipForm::TeacherTeacher => &[Teacher, Veteran],
        // Representatives of enterprises, entrepreneurs, partners, and alumni and parents who work there.
        MentorshipForm::EmployerStudent => &[Employer, Entrepreneur, Partner, Alumnus, Parent, Veteran],
        MentorshipForm::UniversityStudentStudent => &[UniversityStudent, Alumnus],
        MentorshipForm::EmployerCollegeStudent => &[Employer, Entrepreneur, Partner],
    }
}

/// The kinds of people who may be mentored in a form.
pub fn mentee_kinds(form: MentorshipForm) -> &'static [ParticipantKind] {
    match form {
        MentorshipForm::TeacherTeacher => &[Teacher],
        MentorshipForm::EmployerCollegeStudent => &[CollegeStudent],
        _ => &[Student],
    }
}

/// In student–student the mentor is at a higher level of education: a higher grade.
pub fn needs_higher_grade(form: MentorshipForm) -> bool {
    form == MentorshipForm::StudentStudent
}

/// Whether a mentor of `mentor_grade` may take a mentee of `mentee_grade` in this form; unknown
/// grades do not block.
pub fn grades_fit(form: MentorshipForm, mentor_grade: Option<i32>, mentee_grade: Option<i32>) -> bool {
    match (needs_higher_grade(form), mentor_grade, mentee_grade) {
        (true, Some(m), Some(e)) => m > e,
        _ => true,
    }
}
