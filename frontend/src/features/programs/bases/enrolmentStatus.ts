import { ApiProblem } from "../../../api/problem";
import {
  MENTEE_STATUSES,

  type MenteeCategory,
  type MenteeStatus,
  type Mentor,
  type MentorStatus,
} from "../../../api/types";

/**
 * The moves the service allows (api/src/pairing/dto.rs): candidate → in_base → matched |
 * awaiting_support → completed, matched ⇄ awaiting_support; withdrawn from anywhere but
 * completed, and back to candidate from withdrawn.
 */
const MENTEE_MOVES: Record<MenteeStatus, readonly MenteeStatus[]> = {
  candidate: ["in_base", "withdrawn"],
  in_base: ["matched", "awaiting_support", "withdrawn"],
  matched: ["awaiting_support", "completed", "withdrawn"],
  awaiting_support: ["matched", "withdrawn"],
  completed: [],
  withdrawn: ["candidate"],
};

export function canMoveMentee(from: MenteeStatus, to: MenteeStatus): boolean {
  return from === to || MENTEE_MOVES[from].includes(to);
}

/** The current status first, then the allowed moves in the order of the lifecycle. */
export function menteeStatusOptions(status: MenteeStatus): MenteeStatus[] {
  return [status, ...MENTEE_STATUSES.filter((s) => s !== status && canMoveMentee(status, s))];
}

/** A mentor enters the base only after passing the interview; withdrawn returns to candidate. */
export function mentorStatusOptions(mentor: Pick<Mentor, "status" | "interview_outcome">): MentorStatus[] {
  const passed = mentor.interview_outcome === "passed";
  const all: MentorStatus[] = ["candidate", "in_base", "withdrawn"];
  return all.filter((s) => s === mentor.status || s !== "in_base" || passed);
}

export const MENTEE_STATUS_COLORS: Record<MenteeStatus, string> = {
  candidate: "gray",
  in_base: "blue",
  matched: "green",
  awaiting_support: "orange",
  completed: "teal",
  withdrawn: "dark",
};

export const MENTOR_STATUS_COLORS: Record<MentorStatus, string> = {
  candidate: "gray",
  in_base: "green",
  withdrawn: "dark",
};

/** A minor without a parent's consent: the service refuses to enrol them (409). */
export function isConsentRequired(error: unknown): boolean {
  return error instanceof ApiProblem && error.code === "consent_required";
}

const STUDENT_CATEGORIES: readonly MenteeCategory[] = [
  "outstanding_abilities",
  "poor_results",
  "not_engaged",
  "disability",
  "difficult_life_situation",
  "behaviour_problems",
];
const SENSITIVE_CATEGORIES: readonly MenteeCategory[] = ["disability", "difficult_life_situation", "behaviour_problems"];
const TEACHER_CATEGORIES: readonly MenteeCategory[] = ["young_specialist", "burnout", "new_workplace", "wants_digital_skills"];

/** Categories to offer, grouped as the target model groups them; sensitive ones only for those who see them. */
export function categoryGroups(withSensitive: boolean) {
  return {
    students: STUDENT_CATEGORIES.filter((c) => withSensitive || !SENSITIVE_CATEGORIES.includes(c)),
    teachers: [...TEACHER_CATEGORIES],
  };
}

