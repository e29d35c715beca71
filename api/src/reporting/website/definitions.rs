//! The texts every school's page "information on implementing the target model of mentorship"
//! carries (seed 002; the curator's definition from seed 001). They are the model's own words, the
//! same for every school, so they live in code rather than in each school's settings.

use serde::Serialize;
use utoipa::ToSchema;

use crate::programs::dto::MentorshipForm;

pub const PAGE_TITLE: &str = "Информация о реализации целевой модели наставничества";

pub const INVITATION: &str = "Приглашаем ребят и взрослых к сотрудничеству в рамках целевой модели наставничества!";

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Definition {
    #[schema(example = "Наставничество")]
    pub term: &'static str,
    pub text: &'static str,
}

pub const DEFINITIONS: &[Definition] = &[
    Definition {
        term: "Целевая модель наставничества",
        text: "Система условий, ресурсов и процессов, необходимых для реализации системы наставничества в образовательной организации.",
    },
    Definition {
        term: "Наставничество",
        text: "Универсальная технология передачи опыта, знаний, формирования навыков, компетенций, метакомпетенций и ценностей через неформальное взаимополезное общение, основанное на доверии и партнерстве.",
    },
    Definition {
        term: "Форма наставничества",
        text: "Способ реализации системы наставничества через организацию работы наставнической пары или группы, участники которой находятся в заданной ролевой ситуации, определяемой потребностями наставляемых, конкретными целями и задачами наставнической пары или группы.",
    },
    Definition {
        term: "Наставляемый",
        text: "Участник наставнической пары или группы, который через взаимодействие с наставником и при его помощи и поддержке решает конкретные личные и профессиональные задачи, приобретает новый опыт и развивает новые навыки и компетенции. Наставляемым может стать любой обучающийся по общеобразовательным, дополнительным общеобразовательным программам, а также молодой специалист и любой педагог, изъявивший желание.",
    },
    Definition {
        term: "Наставник",
        text: "Участник программы наставничества, имеющий успешный опыт в достижении личностного и профессионального результата, обладающий опытом и навыками, необходимыми для повышения уровня компетенций и самореализации наставляемого. Наставниками могут быть обучающиеся образовательной организации, выпускники, представители родительского сообщества, педагоги и специалисты образовательной организации или иных предприятий и организаций любых форм собственности, изъявивших готовность принять участие в реализации целевой модели наставничества в части профессионального самоопределения обучающихся.",
    },
    Definition {
        term: "Куратор",
        text: "Сотрудник образовательной организации, который отвечает за организацию всего цикла программы наставничества.",
    },
];

/// The forms as seed 002 writes them, with the spaced dash.
pub fn form_label(form: MentorshipForm) -> &'static str {
    match form {
        MentorshipForm::StudentStudent => "ученик – ученик",
        MentorshipForm::TeacherTeacher => "учитель – учитель",
        MentorshipForm::EmployerStudent => "работодатель – ученик",
        MentorshipForm::UniversityStudentStudent => "студент – ученик",
        MentorshipForm::EmployerCollegeStudent => "работодатель – студент",
    }
}

/// Every form, in the order of seed 002: figures by form list them in this order.
pub const ALL_FORMS: [MentorshipForm; 5] = [
    MentorshipForm::StudentStudent,
    MentorshipForm::TeacherTeacher,
    MentorshipForm::EmployerStudent,
    MentorshipForm::UniversityStudentStudent,
    MentorshipForm::EmployerCollegeStudent,
];
