// What the public answer page shows, decided from the survey and the service's refusals.
import { ApiProblem } from "../../api/problem";
import type { PublicSurvey } from "../../api/types";

/** The page's end states: none of them shows a question any more. */
export type Outcome = "thanks" | "alreadyAnswered" | "closed" | "notOpen" | "invalidLink";

/** Why an opened link shows no questions: answered already, or outside the survey's dates. */
export function outcomeOf(survey: Pick<PublicSurvey, "submitted" | "open" | "opens_on">, today: string): Outcome | null {
  if (survey.submitted) return "alreadyAnswered";
  if (survey.open) return null;
  return today < survey.opens_on ? "notOpen" : "closed";
}

/** The end state a refusal leads to; null for one the page handles in place (a bad answer, the network). */
export function outcomeOfProblem(error: unknown): Outcome | null {
  if (!(error instanceof ApiProblem)) return null;
  if (error.status === 404) return "invalidLink";
  switch (error.code) {
    case "invitation_used":
      return "alreadyAnswered";
    case "survey_closed":
      return "closed";
    case "survey_not_open":
      return "notOpen";
    default:
      return null;
  }
}

/** The phone's date ("YYYY-MM-DD"): the page has no school to ask; the service decides anyway. */
export function deviceToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
