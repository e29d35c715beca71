import { ApiProblem } from "../../../api/problem";
import type { Mentee, MenteeStatus, Mentor, MentorshipForm, ParticipantKind } from "../../../api/types";

/** Who may mentor in each form, as the service checks it (api/src/pairing/forms.rs). */
const MENTOR_KINDS: Record<MentorshipForm, readonly ParticipantKind[]> = {
  student_student: ["student"],
  teacher_teacher: ["teacher", "veteran"],
  employer_student: ["employer", "entrepreneur", "partner", "alumnus", "parent", "veteran"],
  university_student_student: ["university_student", "alumnus"],
  employer_college_student: ["employer", "entrepreneur", "partner"],
};

const WAITING: readonly MenteeStatus[] = ["in_base", "awaiting_support"];

export function freePlaces(mentor: Pick<Mentor, "capacity" | "places_taken">): number {
  return Math.max(0, mentor.capacity - mentor.places_taken);
}

/**
 * Mentors a pair can be made with: in the base, ready (interviewed and trained — or only
 * interviewed, when the programme lets untrained mentors be matched), of a kind that mentors in
 * this form, and with a free place.
 */
export function pairableMentors(mentors: readonly Mentor[], form: MentorshipForm, allowUntrained = false): Mentor[] {
  return mentors.filter(
    (m) =>
      m.status === "in_base" &&
      (m.ready || (allowUntrained && m.interview_outcome === "passed")) &&
      MENTOR_KINDS[form].includes(m.source) &&
      freePlaces(m) > 0,
  );
}

/** Mentees waiting for a pair: in the base, or supported while the search goes on. */
export function waitingMentees(mentees: readonly Mentee[]): Mentee[] {
  return mentees.filter((m) => WAITING.includes(m.status));
}

/** In student–student the mentor must be in a higher grade; unknown grades do not block. */
export function breaksGradeRule(form: MentorshipForm, mentorGrade: number | null | undefined, menteeGrade: number | null | undefined): boolean {
  return form === "student_student" && mentorGrade != null && menteeGrade != null && mentorGrade <= menteeGrade;
}

/** The service names a mentee's problem by its place in the list (`mentee_ids[1]`); the form has one field. */
export function pairFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiProblem)) return {};
  const errors: Record<string, string> = {};
  for (const e of error.fieldErrors) {
    const field = e.field.replace(/\[\d+\]$/, "");
    errors[field] ??= e.message;
  }
  return errors;
}
