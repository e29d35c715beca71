import type { InterviewOutcome, Mentor, MentorPatch, TrainingStatus } from "../../../api/types";

export interface MentorFormValues {
  application_received_on: string;
  interview_on: string;
  interview_outcome: InterviewOutcome;
  interview_notes: string;
  training_status: TrainingStatus;
  training_completed_on: string;
  capacity: number | string;
  competencies: string[];
  achievements: string;
}

export function mentorFormValues(mentor: Mentor | null): MentorFormValues {
  return {
    application_received_on: mentor?.application_received_on ?? "",
    interview_on: mentor?.interview_on ?? "",
    interview_outcome: mentor?.interview_outcome ?? "pending",
    interview_notes: mentor?.interview_notes ?? "",
    training_status: mentor?.training_status ?? "not_started",
    training_completed_on: mentor?.training_completed_on ?? "",
    capacity: mentor?.capacity ?? 1,
    competencies: mentor?.competencies ?? [],
    achievements: mentor?.achievements ?? "",
  };
}

const orNull = (value: string) => value.trim() || null;

/** The whole selection record; blanks clear the dates and notes. */
export function mentorPatch(values: MentorFormValues): MentorPatch {
  return {
    application_received_on: orNull(values.application_received_on),
    interview_on: orNull(values.interview_on),
    interview_outcome: values.interview_outcome,
    interview_notes: orNull(values.interview_notes),
    training_status: values.training_status,
    // Completing the training without a date: the service stamps the school's today.
    training_completed_on: values.training_status === "completed" ? orNull(values.training_completed_on) : null,
    capacity: Number(values.capacity),
    competencies: values.competencies,
    achievements: orNull(values.achievements),
  };
}

/** What `ready` will be once saved: passed the interview and finished the school of mentors. */
export function wouldBeReady(values: Pick<MentorFormValues, "interview_outcome" | "training_status">): boolean {
  return values.interview_outcome === "passed" && values.training_status === "completed";
}
