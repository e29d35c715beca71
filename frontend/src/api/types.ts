// Domain types read off the generated `paths`, not off schema names, so that a renamed
// component in openapi.yaml does not ripple through the SPA.
import type { paths } from "./schema";

type JsonBody<T> = T extends { content: { "application/json": infer B } } ? B : never;
type Success<R> = R extends { 200: infer X } ? JsonBody<X> : R extends { 201: infer X } ? JsonBody<X> : never;
type Op<P extends keyof paths, M extends keyof paths[P]> = NonNullable<paths[P][M]>;
export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> =
  Op<P, M> extends { responses: infer R } ? Success<R> : never;
export type RequestOf<P extends keyof paths, M extends keyof paths[P]> =
  Op<P, M> extends { requestBody?: infer B } ? JsonBody<NonNullable<B>> : never;

export type TokenPair = ResponseOf<"/api/v1/auth/login", "post">;
export type Me = ResponseOf<"/api/v1/me", "get">;
export type Membership = Me["memberships"][number];
export type Role = Membership["role"];
export type Organization = ResponseOf<"/api/v1/organizations/{id}", "get">;
export type OrganizationKind = Organization["kind"];
export type NewOrganization = RequestOf<"/api/v1/organizations", "post">;
export type OrganizationPatch = RequestOf<"/api/v1/organizations/{id}", "patch">;
export type Contingent = ResponseOf<"/api/v1/organizations/{id}/contingent", "get">;
export type ContingentInput = RequestOf<"/api/v1/organizations/{id}/contingent", "put">;
export type AgeGroup = Contingent["age_groups"][number];
export type User = ResponseOf<"/api/v1/users/{id}", "get">;
export type NewUser = RequestOf<"/api/v1/users", "post">;
export type UserPatch = RequestOf<"/api/v1/users/{id}", "patch">;
export type NewMembership = RequestOf<"/api/v1/users/{id}/memberships", "post">;
export type ApiToken = ResponseOf<"/api/v1/organizations/{id}/api-tokens", "get">["items"][number];
export type ApiTokenCreated = ResponseOf<"/api/v1/organizations/{id}/api-tokens", "post">;
export type NewApiToken = RequestOf<"/api/v1/organizations/{id}/api-tokens", "post">;
export type RoadmapTemplate = ResponseOf<"/api/v1/organizations/{id}/roadmap-template", "get">;
export type RoadmapTemplateUpdate = RequestOf<"/api/v1/organizations/{id}/roadmap-template", "put">;
export type TemplateActivity = RoadmapTemplate["items"][number];

export const ROLES = [
  "region_admin",
  "institute",
  "school_admin",
  "coordinator",
  "curator",
  "psychologist",
  "mentor",
  "mentee",
] as const satisfies readonly Role[];

export type ApiTokenScope = NewApiToken["scopes"][number];
export const API_TOKEN_SCOPES = [
  "organizations:read",
  "organizations:write",
  "users:read",
  "users:write",
] as const satisfies readonly ApiTokenScope[];

export type Program = ResponseOf<"/api/v1/programs/{id}", "get">;
export type NewProgram = RequestOf<"/api/v1/schools/{school_id}/programs", "post">;
export type ProgramPatch = RequestOf<"/api/v1/programs/{id}", "patch">;
export type ProgramStatus = Program["status"];
export type MentorshipForm = Program["forms"][number];
export type Progress = Program["progress"];
export type Roadmap = ResponseOf<"/api/v1/programs/{id}/roadmap", "get">;
export type Stage = Roadmap["stages"][number];
export type GateCheck = Stage["gate"]["checks"][number];
export type Activity = Stage["activities"][number];
export type ActivityStatus = Activity["status"];
export type NewActivity = RequestOf<"/api/v1/programs/{id}/roadmap/stages/{stage_no}/activities", "post">;
export type ActivityPatch = RequestOf<"/api/v1/roadmap-activities/{id}", "patch">;
export type MediaItem = ResponseOf<"/api/v1/programs/{id}/media-plan", "get">["items"][number];
export type MediaStatus = MediaItem["status"];
export type NewMediaItem = RequestOf<"/api/v1/programs/{id}/media-plan", "post">;
export type MediaItemPatch = RequestOf<"/api/v1/media-plan-items/{id}", "patch">;

/** The five forms of mentorship of the target model, in the order the model lists them. */
export const MENTORSHIP_FORMS = [
  "student_student",
  "teacher_teacher",
  "employer_student",
  "university_student_student",
  "employer_college_student",
] as const satisfies readonly MentorshipForm[];

export const ACTIVITY_STATUSES = ["planned", "in_progress", "done", "cancelled"] as const satisfies readonly ActivityStatus[];
export const MEDIA_STATUSES = ["planned", "in_progress", "published", "cancelled"] as const satisfies readonly MediaStatus[];

export type Participant = ResponseOf<"/api/v1/participants/{id}", "get">;
export type ParticipantKind = Participant["kind"];
export type Sensitive = NonNullable<Participant["sensitive"]>;
export type NewParticipant = RequestOf<"/api/v1/schools/{school_id}/participants", "post">;
export type ParticipantPatch = RequestOf<"/api/v1/participants/{id}", "patch">;
export type Consent = ResponseOf<"/api/v1/participants/{id}/consents", "get">["items"][number];
export type ConsentScope = Consent["scope"];
export type ConsentGiver = Consent["given_by"];
export type NewConsent = RequestOf<"/api/v1/participants/{id}/consents", "post">;
export type AuditEntry = ResponseOf<"/api/v1/organizations/{id}/audit", "get">["items"][number];
export type Mentee = ResponseOf<"/api/v1/programs/{id}/mentees", "get">["items"][number];
export type MenteeStatus = Mentee["status"];
export type MenteeCategory = Mentee["categories"][number];
export type MenteeType = Mentee["mentee_type"];
export type NewMentee = RequestOf<"/api/v1/programs/{id}/mentees", "post">;
export type MenteePatch = RequestOf<"/api/v1/program-mentees/{id}", "patch">;
export type Mentor = ResponseOf<"/api/v1/programs/{id}/mentors", "get">["items"][number];
export type MentorStatus = Mentor["status"];
export type TrainingStatus = Mentor["training_status"];
export type InterviewOutcome = NonNullable<Mentor["interview_outcome"]>;
export type NewMentor = RequestOf<"/api/v1/programs/{id}/mentors", "post">;
export type MentorPatch = RequestOf<"/api/v1/program-mentors/{id}", "patch">;
export type RequestMap = ResponseOf<"/api/v1/programs/{id}/request-map", "get">;
export type RequestMapRow = RequestMap["rows"][number];
export type RequestTag = ResponseOf<"/api/v1/schools/{school_id}/request-tags", "get">["items"][number];

export const PARTICIPANT_KINDS = [
  "student",
  "teacher",
  "parent",
  "alumnus",
  "employer",
  "entrepreneur",
  "veteran",
  "university_student",
  "college_student",
  "partner",
] as const satisfies readonly ParticipantKind[];

export const SENSITIVE_FIELDS = [
  "disability",
  "difficult_life_situation",
  "behaviour_problems",
  "on_register",
] as const satisfies readonly (keyof Sensitive)[];

export const CONSENT_SCOPES = ["processing", "publication_name", "publication_photo"] as const satisfies readonly ConsentScope[];
export const CONSENT_GIVERS = ["parent", "legal_representative", "self"] as const satisfies readonly ConsentGiver[];
export const MENTEE_STATUSES = [
  "candidate",
  "in_base",
  "matched",
  "awaiting_support",
  "completed",
  "withdrawn",
] as const satisfies readonly MenteeStatus[];
export const MENTOR_STATUSES = ["candidate", "in_base", "withdrawn"] as const satisfies readonly MentorStatus[];
export const MENTEE_CATEGORIES = [
  "outstanding_abilities",
  "poor_results",
  "not_engaged",
  "disability",
  "difficult_life_situation",
  "behaviour_problems",
  "young_specialist",
  "burnout",
  "new_workplace",
  "wants_digital_skills",
] as const satisfies readonly MenteeCategory[];
export const MENTEE_TYPES = ["passive", "active"] as const satisfies readonly MenteeType[];
export const TRAINING_STATUSES = ["not_started", "in_progress", "completed"] as const satisfies readonly TrainingStatus[];
export const INTERVIEW_OUTCOMES = ["pending", "passed", "failed"] as const satisfies readonly InterviewOutcome[];

export type ImportJob = ResponseOf<"/api/v1/import-jobs/{id}", "get">;
export type ImportReport = NonNullable<ImportJob["report"]>;
export type ImportRowError = ImportReport["errors"][number];

export type Pair = ResponseOf<"/api/v1/pairs/{id}", "get">;
/** A pair seen by one of its own people, with the side they sit on. */
export type OwnPair = ResponseOf<"/api/v1/me/pairs", "get">["items"][number];
export type PairStatus = Pair["status"];
export type PairKind = Pair["kind"];
export type PairPerson = Pair["mentor"];
export type PairChange = Pair["history"][number];
export type RoleModel = NonNullable<Pair["role_model"]>;
export type NewPair = RequestOf<"/api/v1/programs/{id}/pairs", "post">;
export type PairPatch = RequestOf<"/api/v1/pairs/{id}", "patch">;
export type PairCompletion = RequestOf<"/api/v1/pairs/{id}/complete", "post">;
export type GoalOutcome = PairCompletion["outcome"];
export const GOAL_OUTCOMES = ["yes", "mostly", "partly", "no"] as const satisfies readonly GoalOutcome[];
export type PairingOrder = ResponseOf<"/api/v1/orders/{id}", "get">;
export type PairingOrderSummary = ResponseOf<"/api/v1/programs/{id}/orders", "get">["items"][number];
export type NewPairingOrder = RequestOf<"/api/v1/programs/{id}/orders", "post">;
export type Plan = ResponseOf<"/api/v1/pairs/{id}/plan", "get">;
export type PlanInput = RequestOf<"/api/v1/pairs/{id}/plan", "put">;
export type PlanTask = Plan["tasks"][number];
export type PairingSettings = ResponseOf<"/api/v1/programs/{id}/pairing-settings", "get">;
export type PairingSettingsInput = RequestOf<"/api/v1/programs/{id}/pairing-settings", "put">;
export type Weights = PairingSettings["weights"];
export type Criterion = keyof Weights;
export type Weight = Weights[Criterion];
export type PreferenceSheets = ResponseOf<"/api/v1/programs/{id}/preferences", "get">;
export type PreferenceSheet = PreferenceSheets["items"][number];
export type PreferencesInput = RequestOf<"/api/v1/programs/{id}/preferences", "put">;
export type SheetInput = PreferencesInput["sheets"][number];
export type Side = SheetInput["side"];
export type UnmatchedMentee = ResponseOf<"/api/v1/programs/{id}/unmatched-mentees", "get">["items"][number];
export type UnmatchedReason = NonNullable<UnmatchedMentee["reason"]>;
export type MenteeSupportInput = RequestOf<"/api/v1/program-mentees/{id}/support", "put">;

export type MatchingRun = ResponseOf<"/api/v1/matching-runs/{id}", "get">;
export type MatchingRunSummary = ResponseOf<"/api/v1/programs/{id}/matching-runs", "get">["items"][number];
export type NewMatchingRun = RequestOf<"/api/v1/programs/{id}/matching-runs", "post">;
export type Algorithm = MatchingRun["algorithm"];
export type Objective = MatchingRun["objective"];
export type Proposal = MatchingRun["proposals"][number];
export type Contribution = Proposal["contributions"][number];
export type ContributionDetail = Contribution["detail"];
export type RunUnmatched = MatchingRun["unmatched"][number];
export type RunStats = MatchingRun["stats"];
export type RunInputs = MatchingRun["inputs"];
export type AcceptedPairs = ResponseOf<"/api/v1/matching-runs/{id}/accept", "post">;
export type PairConstraint = ResponseOf<"/api/v1/programs/{id}/pair-constraints", "get">["items"][number];
export type NewPairConstraint = RequestOf<"/api/v1/programs/{id}/pair-constraints", "post">;
export type ConstraintKind = PairConstraint["kind"];

/** proposed → approved (by an order) → active → completed; dissolved from any live status. */
export const PAIR_STATUSES = ["proposed", "approved", "active", "completed", "dissolved"] as const satisfies readonly PairStatus[];
/** The role models of student–student, in the order the target model lists them. */
export const ROLE_MODELS = [
  "achiever_underachiever",
  "leader_passive",
  "peer_peer",
  "adapted_unadapted",
] as const satisfies readonly RoleModel[];
/** The matching criteria, in the order the settings form shows them. */
export const CRITERIA = [
  "request_tags",
  "role_model",
  "grade_distance",
  "mentee_preference",
  "mentor_preference",
] as const satisfies readonly Criterion[];
/** The matching algorithms, the default first. */
export const ALGORITHMS = ["optimal", "stable"] as const satisfies readonly Algorithm[];
/** What `optimal` maximises, the default first. */
export const OBJECTIVES = ["score", "participation"] as const satisfies readonly Objective[];

export type Meeting = ResponseOf<"/api/v1/meetings/{id}", "get">;
export type MeetingKind = Meeting["kind"];
export type MeetingStatus = Meeting["status"];
export type MeetingFormat = Meeting["format"];
export type Attendee = Meeting["attendance"][number];
export type NewMeeting = RequestOf<"/api/v1/pairs/{id}/meetings", "post">;
export type MeetingPatch = RequestOf<"/api/v1/meetings/{id}", "patch">;
export type AttendanceMark = NonNullable<MeetingPatch["attendance"]>[number];
export type AlertList = ResponseOf<"/api/v1/programs/{id}/alerts", "get">;
export type MeetingAlert = AlertList["items"][number];
export type AlertCode = MeetingAlert["code"];
export type MeetingSettings = ResponseOf<"/api/v1/schools/{id}/meeting-settings", "get">;
export type MeetingSettingsInput = RequestOf<"/api/v1/schools/{id}/meeting-settings", "put">;
export type CalendarFeed = ResponseOf<"/api/v1/me/calendar-feeds", "get">["items"][number];
export type NewCalendarFeed = ResponseOf<"/api/v1/me/calendar-feeds", "post">;

/** The model's sequence of meetings (DOMAIN.md, «Meetings»), in its order. */
export const MEETING_KINDS = ["introduction", "trial", "planning", "regular", "final"] as const satisfies readonly MeetingKind[];
export const MEETING_STATUSES = ["scheduled", "held", "cancelled"] as const satisfies readonly MeetingStatus[];
export const MEETING_FORMATS = ["in_person", "online"] as const satisfies readonly MeetingFormat[];
export const ALERT_CODES = ["no_introduction", "quiet_pair", "missed_meetings"] as const satisfies readonly AlertCode[];

export type SurveyTemplate = ResponseOf<"/api/v1/survey-templates/{id}", "get">;
export type NewSurveyTemplate = RequestOf<"/api/v1/organizations/{id}/survey-templates", "post">;
export type TemplateVersionInput = RequestOf<"/api/v1/survey-templates/{id}", "put">;
export type Question = SurveyTemplate["questions"][number];
export type QuestionKind = Question["kind"];
export type Purpose = SurveyTemplate["purpose"];
export type Audience = SurveyTemplate["audience"];
export type Survey = ResponseOf<"/api/v1/surveys/{id}", "get">;
export type SurveyPhase = Survey["phase"];
export type ResponseCounts = Survey["counts"];
export type NewSurvey = RequestOf<"/api/v1/programs/{id}/surveys", "post">;
export type NewInvitations = RequestOf<"/api/v1/surveys/{id}/invitations", "post">;
export type IssuedInvitation = ResponseOf<"/api/v1/surveys/{id}/invitations", "post">["items"][number];
export type InvitationState = ResponseOf<"/api/v1/surveys/{id}/invitations", "get">["items"][number];
export type InvitationStatus = InvitationState["status"];
export type PublicSurvey = ResponseOf<"/api/v1/public/survey-links/{token}", "get">;
export type AnswersInput = RequestOf<"/api/v1/public/survey-links/{token}/response", "post">;
export type MySurvey = ResponseOf<"/api/v1/me/surveys", "get">["items"][number];

/** Phase 1 (the programme's quality) first, then phase 2's measurements in time order. */
export const SURVEY_PHASES = ["quality", "entry", "interim", "exit"] as const satisfies readonly SurveyPhase[];
export const PURPOSES = ["quality", "impact"] as const satisfies readonly Purpose[];
export const AUDIENCES = ["mentee", "mentor", "curator"] as const satisfies readonly Audience[];
export const QUESTION_KINDS = ["scale", "single", "multiple", "text", "number"] as const satisfies readonly QuestionKind[];
export const INVITATION_STATUSES = ["unused", "started", "submitted"] as const satisfies readonly InvitationStatus[];

export type QualityReport = ResponseOf<"/api/v1/programs/{id}/monitoring/quality", "get">;
export type SurveyQuality = QualityReport["surveys"][number];
export type QuestionSummary = SurveyQuality["questions"][number];
export type ExpectationGap = SurveyQuality["gaps"][number];
export type ImpactReport = ResponseOf<"/api/v1/programs/{id}/monitoring/impact", "get">;
export type ParameterImpact = ImpactReport["parameters"][number];
export type GroupImpact = ParameterImpact["groups"][number];
export type ImpactStats = NonNullable<ParameterImpact["stats"]>;
export type Dynamics = NonNullable<ParameterImpact["participants"]>[number];
export type Measurement = ResponseOf<"/api/v1/programs/{id}/measurements", "get">["items"][number];
export type MeasurementPhase = Measurement["phase"];
export type MeasurementsInput = RequestOf<"/api/v1/programs/{id}/measurements", "post">;

// Recognition: awards, certificates, best practices.
export type Award = ResponseOf<"/api/v1/awards/{id}", "get">;
export type AwardKind = Award["kind"];
export type NewAward = RequestOf<"/api/v1/programs/{id}/awards", "post">;
export type NomineeList = ResponseOf<"/api/v1/programs/{id}/award-nominees", "get">;
export type Nominee = NomineeList["items"][number];
export type NomineeKind = NomineeList["kind"];
export type Certificate = ResponseOf<"/api/v1/awards/{id}/certificate", "get">;
export type PublicCertificate = ResponseOf<"/api/v1/public/certificates/{code}", "get">;
export type Practice = ResponseOf<"/api/v1/practices/{id}", "get">;
export type PracticeSummary = ResponseOf<"/api/v1/practices", "get">["items"][number];
export type PracticeStatus = Practice["status"];
export type NewPractice = RequestOf<"/api/v1/practices", "post">;
export type PracticePatch = RequestOf<"/api/v1/practices/{id}", "patch">;

export type ProgramReport = ResponseOf<"/api/v1/programs/{id}/report", "get">;
export type ReportLine = ProgramReport["awards"][number];
// The institute's view (reporting): the regional dashboard and report periods.
export type Dashboard = ResponseOf<"/api/v1/organizations/{id}/dashboard", "get">;
export type SchoolRow = Dashboard["rows"][number];
export type Figures = Dashboard["totals"];
export type DashboardQuery = NonNullable<paths["/api/v1/organizations/{id}/dashboard"]["get"]["parameters"]["query"]>;
export type ReportPeriod = ResponseOf<"/api/v1/report-periods/{id}", "get">;
export type NewReportPeriod = RequestOf<"/api/v1/organizations/{id}/report-periods", "post">;
export type ReportExport = ResponseOf<"/api/v1/report-periods/{id}/export", "get">;
