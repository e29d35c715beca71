// Answers on the public page, checked as the service checks them (api/src/monitoring/questions.rs,
// `check_answer`), so that a child hears what is wrong before anything leaves the phone.
import type { Question } from "../../api/types";

/** What one answer holds: a text or an option, a number, or several options. */
export type AnswerValue = string | number | string[];
export type Answers = Record<string, AnswerValue>;

/** Why an answer is refused; each has a sentence under `monitoring.answer.errors`. */
export type AnswerError = "notAText" | "tooLong" | "notAnOption" | "notOptions" | "scaleRange" | "numberRange" | "notANumber" | "required";

export const TEXT_LIMIT = 4000;

const inRange = (q: Question, x: number) => (q.min == null || x >= q.min) && (q.max == null || x <= q.max);

/** Checks one answer against its question, by kind; null when it would be accepted. */
export function checkAnswer(question: Question, value: unknown): AnswerError | null {
  switch (question.kind) {
    case "text":
      if (typeof value !== "string") return "notAText";
      return [...value].length <= TEXT_LIMIT ? null : "tooLong";
    case "single":
      return typeof value === "string" && (question.options ?? []).includes(value) ? null : "notAnOption";
    case "multiple": {
      if (!Array.isArray(value)) return "notOptions";
      const seen = new Set<string>();
      const ok = value.every((v) => typeof v === "string" && (question.options ?? []).includes(v) && !seen.has(v) && !!seen.add(v));
      return ok ? null : "notOptions";
    }
    case "scale":
      return typeof value === "number" && Number.isInteger(value) && inRange(question, value) ? null : "scaleRange";
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) return "notANumber";
      return inRange(question, value) ? null : "numberRange";
  }
}

/**
 * The value to send for what the person has in the control: a blank text or no option ticked
 * is no answer (`null` clears it on the service), the rest as it is.
 */
export function normaliseAnswer(value: AnswerValue | null | undefined): AnswerValue | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (Array.isArray(value)) return value.length === 0 ? null : value;
  return Number.isFinite(value) ? value : null;
}

export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** The answers the service saved, kept only where they have a form this page can show. */
export function savedAnswers(saved: Record<string, unknown>): Answers {
  const answers: Answers = {};
  for (const [code, value] of Object.entries(saved)) {
    if (typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) answers[code] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === "string")) answers[code] = value as string[];
  }
  return answers;
}

/** The first required question left unanswered, as the service refuses a submission for it. */
export function missingRequired(questions: readonly Question[], answers: Answers): string | null {
  return questions.find((q) => q.required && !isAnswered(answers[q.code]))?.code ?? null;
}

export function answeredCount(questions: readonly Question[], answers: Answers): number {
  return questions.filter((q) => isAnswered(answers[q.code])).length;
}

/** Answered out of all, as a whole percent for the bar. */
export function answeredPercent(questions: readonly Question[], answers: Answers): number {
  if (questions.length === 0) return 0;
  return Math.round((answeredCount(questions, answers) / questions.length) * 100);
}

/**
 * Where a returning person picks up: the first question without an answer, or the last one
 * (with «Отправить») when all have one.
 */
export function resumeIndex(questions: readonly Question[], answers: Answers): number {
  const index = questions.findIndex((q) => !isAnswered(answers[q.code]));
  return index === -1 ? Math.max(0, questions.length - 1) : index;
}

/** The steps of a scale, min to max; a scale without bounds runs 1–5. */
export function scaleSteps(question: Pick<Question, "min" | "max">): number[] {
  const lo = Math.ceil(question.min ?? 1);
  const hi = Math.floor(question.max ?? 5);
  const steps: number[] = [];
  for (let x = lo; x <= hi && steps.length <= 100; x += 1) steps.push(x);
  return steps;
}

/** A number as typed on a Russian keyboard: «3,5» is 3.5; blank is no answer; else NaN. */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/\s/g, "").replace(",", ".");
  if (cleaned === "") return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}

/** The question code in a field of the service's problem: `answers.engagement` → `engagement`. */
export function answerField(field: string): string | null {
  return field.startsWith("answers.") ? field.slice("answers.".length) : null;
}

/** What changed between two sets of answers, as the PUT's body takes it (`null` clears). */
export function answerPatch(before: Answers, after: Answers): Record<string, AnswerValue | null> {
  const patch: Record<string, AnswerValue | null> = {};
  for (const code of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = normaliseAnswer(before[code]);
    const b = normaliseAnswer(after[code]);
    if (JSON.stringify(a) !== JSON.stringify(b)) patch[code] = b;
  }
  return patch;
}
