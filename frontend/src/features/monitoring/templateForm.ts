// The template editor's form: questions as typed, turned into the API's questions and checked the
// way the service checks them (api/src/monitoring/questions.rs, `check_questions`), so that the
// curator sees every problem beside its field before saving.
import type {
  Audience,
  MentorshipForm,
  NewSurveyTemplate,
  Purpose,
  Question,
  QuestionKind,
  SurveyTemplate,
  TemplateVersionInput,
} from "../../api/types";
import { parseNumber } from "./answers";

export interface QuestionDraft {
  /** Stable across edits, for React lists; never sent. */
  key: string;
  code: string;
  text: string;
  kind: QuestionKind;
  required: boolean;
  /** One option a line. */
  options: string;
  min: string;
  max: string;
  /** The expectation question this «reality» one answers; "" for none. */
  expectation_of: string;
  /** The phase-2 parameter a scale or number measures; "" for none. */
  parameter: string;
}

export interface TemplateDraft {
  code: string;
  title: string;
  purpose: Purpose;
  audience: Audience;
  form: MentorshipForm | "";
  questions: QuestionDraft[];
}

/** The error keys, each a sentence under `monitoring.editor.errors`. */
export type DraftError =
  | "codePattern"
  | "codeTwice"
  | "titleLength"
  | "questionsCount"
  | "textLength"
  | "options"
  | "scaleRange"
  | "numberRange"
  | "notANumber"
  | "parameterKind"
  | "parameterPattern"
  | "expectation";

export const CODE_PATTERN = /^[a-z0-9_]{1,40}$/;
export const MAX_QUESTIONS = 100;

let keys = 0;
const nextKey = () => `q${Date.now().toString(36)}${(keys += 1)}`;

const takesOptions = (kind: QuestionKind) => kind === "single" || kind === "multiple";
const takesRange = (kind: QuestionKind) => kind === "scale" || kind === "number";

/** A fresh question of a kind, with a code not yet taken (`q1`, `q2`, …) and a 1–5 scale. */
export function newQuestion(kind: QuestionKind, taken: readonly string[]): QuestionDraft {
  let n = taken.length + 1;
  while (taken.includes(`q${n}`)) n += 1;
  return {
    key: nextKey(),
    code: `q${n}`,
    text: "",
    kind,
    required: kind !== "text",
    options: "",
    min: kind === "scale" ? "1" : "",
    max: kind === "scale" ? "5" : "",
    expectation_of: "",
    parameter: "",
  };
}

const numberText = (x: number | null | undefined) => (x == null ? "" : String(x));

export function questionDraft(q: Question): QuestionDraft {
  return {
    key: nextKey(),
    code: q.code,
    text: q.text,
    kind: q.kind,
    required: q.required ?? false,
    options: (q.options ?? []).join("\n"),
    min: numberText(q.min),
    max: numberText(q.max),
    expectation_of: q.expectation_of ?? "",
    parameter: q.parameter ?? "",
  };
}

export function emptyDraft(): TemplateDraft {
  return { code: "", title: "", purpose: "quality", audience: "mentee", form: "", questions: [newQuestion("scale", [])] };
}

/** A template's draft: to edit it, to make its next version, or (with a new code) to copy it. */
export function templateDraft(template: SurveyTemplate): TemplateDraft {
  return {
    code: template.code,
    title: template.title,
    purpose: template.purpose,
    audience: template.audience,
    form: template.form ?? "",
    questions: template.questions.map(questionDraft),
  };
}

export function optionList(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

const numberOrNull = (text: string) => {
  const x = parseNumber(text);
  return x === null || Number.isNaN(x) ? null : x;
};

/** The API's question: only the fields its kind uses. */
export function questionOf(d: QuestionDraft): Question {
  const question: Question = { code: d.code.trim(), text: d.text.trim(), kind: d.kind, required: d.required };
  if (takesOptions(d.kind)) question.options = optionList(d.options);
  if (takesRange(d.kind)) {
    question.min = numberOrNull(d.min);
    question.max = numberOrNull(d.max);
    const parameter = d.parameter.trim();
    if (parameter) question.parameter = parameter;
  }
  if (d.kind === "scale" && d.expectation_of) question.expectation_of = d.expectation_of;
  return question;
}

export function newTemplateBody(draft: TemplateDraft): NewSurveyTemplate {
  return {
    code: draft.code.trim(),
    title: draft.title.trim(),
    purpose: draft.purpose,
    audience: draft.audience,
    form: draft.form || null,
    questions: draft.questions.map(questionOf),
  };
}

export function versionBody(draft: TemplateDraft): TemplateVersionInput {
  return { title: draft.title.trim(), questions: draft.questions.map(questionOf) };
}

/** Problems of one question on its own (not the pairing, which needs the others). */
function questionErrors(d: QuestionDraft): Partial<Record<keyof QuestionDraft, DraftError>> {
  const errors: Partial<Record<keyof QuestionDraft, DraftError>> = {};
  if (!CODE_PATTERN.test(d.code.trim())) errors.code = "codePattern";
  const text = d.text.trim();
  if (text === "" || [...text].length > 1000) errors.text = "textLength";
  if (takesOptions(d.kind)) {
    const options = optionList(d.options);
    if (options.length < 2 || options.length > 20) errors.options = "options";
  }
  if (takesRange(d.kind)) {
    const min = parseNumber(d.min);
    const max = parseNumber(d.max);
    if (Number.isNaN(min)) errors.min = "notANumber";
    if (Number.isNaN(max)) errors.max = "notANumber";
    if (d.kind === "scale" && !errors.min && !errors.max) {
      const whole = (x: number | null): x is number => x !== null && Number.isInteger(x);
      if (!whole(min) || !whole(max) || min < 0 || max > 10 || min >= max) errors.max = "scaleRange";
    }
    if (d.kind === "number" && !errors.min && !errors.max && min !== null && max !== null && min > max) errors.max = "numberRange";
    const parameter = d.parameter.trim();
    if (parameter && !CODE_PATTERN.test(parameter)) errors.parameter = "parameterPattern";
  } else if (d.parameter.trim()) {
    errors.parameter = "parameterKind";
  }
  return errors;
}

/**
 * Every problem of the draft, keyed by the form's paths (`title`, `questions.2.options`), as
 * error keys. `creating` checks the template's code too (it cannot change afterwards).
 */
export function checkDraft(draft: TemplateDraft, creating: boolean): Record<string, DraftError> {
  const errors: Record<string, DraftError> = {};
  if (creating && !CODE_PATTERN.test(draft.code.trim())) errors.code = "codePattern";
  const title = draft.title.trim();
  if (title === "" || [...title].length > 200) errors.title = "titleLength";
  if (draft.questions.length < 1 || draft.questions.length > MAX_QUESTIONS) errors.questions = "questionsCount";
  const seen = new Set<string>();
  draft.questions.forEach((d, i) => {
    for (const [field, error] of Object.entries(questionErrors(d))) errors[`questions.${i}.${field}`] = error;
    const code = d.code.trim();
    if (!errors[`questions.${i}.code`] && seen.has(code)) errors[`questions.${i}.code`] = "codeTwice";
    seen.add(code);
    if (d.kind === "scale" && d.expectation_of) {
      const paired = draft.questions.find((x) => x.code.trim() === d.expectation_of);
      if (!paired || paired.kind !== "scale" || paired.key === d.key) errors[`questions.${i}.expectation_of`] = "expectation";
    }
  });
  return errors;
}

/** The scale questions a «reality» question may name as its expectation: the other scales. */
export function expectationChoices(questions: readonly QuestionDraft[], self: QuestionDraft): QuestionDraft[] {
  return questions.filter((q) => q.key !== self.key && q.kind === "scale" && CODE_PATTERN.test(q.code.trim()));
}

/** A field of the service's problem as the form's path: `questions[3].options` → `questions.3.options`. */
export function formPath(field: string): string {
  return field.replace(/\[(\d+)\]/g, ".$1");
}

/** The list with one item moved; out-of-range moves leave it as it is. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length || to < 0 || to >= items.length || from === to) return [...items];
  const moved = [...items];
  const [item] = moved.splice(from, 1);
  moved.splice(to, 0, item);
  return moved;
}

/**
 * A question renamed: the «reality» questions naming it by its old code follow it, so that the
 * pairing is not lost to a typo fixed.
 */
export function renameQuestion(questions: readonly QuestionDraft[], index: number, code: string): QuestionDraft[] {
  const old = questions[index]?.code;
  return questions.map((q, i) => {
    if (i === index) return { ...q, code };
    if (old && q.expectation_of === old) return { ...q, expectation_of: code };
    return q;
  });
}
