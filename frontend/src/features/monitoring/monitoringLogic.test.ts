import { describe, expect, it } from "vitest";
import { ApiProblem } from "../../api/problem";
import type { InvitationState, IssuedInvitation, Question, Survey, SurveyTemplate } from "../../api/types";
import en from "../../locales/en.json";
import ru from "../../locales/ru.json";
import {
  answeredCount,
  answeredPercent,
  answerField,
  answerPatch,
  checkAnswer,
  isAnswered,
  missingRequired,
  normaliseAnswer,
  parseNumber,
  resumeIndex,
  savedAnswers,
  scaleSteps,
} from "./answers";
import {
  distributionRows,
  fileRowProblem,
  effectSize,
  formatChange,
  formatNumber,
  formatP,
  groupsBy,
  knownParameters,
  measurementItems,
  recordedValues,
  textOf,
  verdict,
} from "./analytics";
import { anonymousNumbers, basePeople, countByStatus, matchesQuery, statusByPerson, withoutLink } from "./invitations";
import {
  acceptsInvitations,
  addDays,
  defaultPhase,
  groupTemplates,
  isSuperseded,
  phaseFits,
  phasesFor,
  sortSurveys,
  surveyState,
  templateSource,
} from "./phases";
import { deviceToday, outcomeOf, outcomeOfProblem } from "./publicAnswer";
import { CARDS_PER_PAGE, sheetCards, sheetPages, shortLink } from "./qrSheet";
import { formatPercent, inProgress, ratePercent } from "./responseRate";
import {
  checkDraft,
  emptyDraft,
  expectationChoices,
  formPath,
  moveItem,
  newQuestion,
  newTemplateBody,
  optionList,
  questionOf,
  renameQuestion,
  templateDraft,
  versionBody,
  type QuestionDraft,
  type TemplateDraft,
} from "./templateForm";

const scale = (code: string, extra: Partial<Question> = {}): Question => ({
  code, text: "Оцените", kind: "scale", min: 1, max: 5, required: true, ...extra,
});
const single: Question = { code: "regularity", text: "Как часто?", kind: "single", options: ["раз в неделю", "раз в месяц"], required: true };
const multiple: Question = { code: "clubs", text: "Куда ходите?", kind: "multiple", options: ["спорт", "музыка"], required: false };
const text: Question = { code: "useful", text: "Что было полезно?", kind: "text", required: false };
const number: Question = { code: "grade", text: "Средний балл", kind: "number", min: 2, max: 5, required: false };

function template(id: number, organization_id: number | null, code: string, version: number, title = code): SurveyTemplate {
  return {
    id, organization_id, code, version, title, purpose: "quality", audience: "mentee", form: null,
    questions: [scale("a")], in_use: false, created_at: "2026-09-01T00:00:00Z",
  };
}

function survey(extra: Partial<Survey> = {}): Survey {
  return {
    id: 1, program_id: 1, template_id: 4, title: "Мониторинг влияния", phase: "entry", audience: "mentee",
    opens_on: "2026-12-01", closes_on: "2026-12-14", open: true, status: "open", closed_at: null,
    counts: { invitations: 0, started: 0, submitted: 0, response_rate: null }, created_at: "2026-11-30T10:00:00Z",
    ...extra,
  };
}

describe("phases", () => {
  it("offer only the phases that fit the template's purpose, as the service checks them", () => {
    expect(phasesFor("quality")).toEqual(["quality", "interim"]);
    expect(phasesFor("impact")).toEqual(["entry", "exit", "interim"]);
    expect(phaseFits("entry", "quality")).toBe(false);
    expect(phaseFits("quality", "impact")).toBe(false);
    expect(phaseFits("interim", "quality")).toBe(true);
    expect(phaseFits("interim", "impact")).toBe(true);
  });

  it("keep the phase chosen when the new template allows it, else take its first", () => {
    expect(defaultPhase("impact", "exit")).toBe("exit");
    expect(defaultPhase("impact", "quality")).toBe("entry");
    expect(defaultPhase("quality", "interim")).toBe("interim");
    expect(defaultPhase("quality", null)).toBe("quality");
  });
});

describe("templates", () => {
  const school = 3;
  const all = [
    template(1, null, "quality_mentee", 1, "Анкета наставляемого"),
    template(7, school, "club", 1, "Клуб"),
    template(8, school, "club", 2, "Клуб"),
    template(5, 2, "regional", 1, "Анкета ИРО"),
    template(4, null, "impact_mentee", 1, "Мониторинг влияния"),
  ];

  it("come from the system, from above the school, or from the school itself", () => {
    expect(templateSource(all[0], school)).toBe("standard");
    expect(templateSource(all[1], school)).toBe("own");
    expect(templateSource(all[3], school)).toBe("regional");
    // Seen from the institute, its template is its own.
    expect(templateSource(all[3], 2)).toBe("own");
  });

  it("group standard, regional, own; by title, the newest version first", () => {
    const groups = groupTemplates(all, school);
    expect(groups.map((g) => g.source)).toEqual(["standard", "regional", "own"]);
    expect(groups[0].templates.map((t) => t.id)).toEqual([1, 4]);
    expect(groups[2].templates.map((t) => t.id)).toEqual([8, 7]);
    expect(groupTemplates([all[0]], school).map((g) => g.source)).toEqual(["standard"]);
  });

  it("know an older version when a newer one of the same owner and code is there", () => {
    expect(isSuperseded(all[1], all)).toBe(true);
    expect(isSuperseded(all[2], all)).toBe(false);
    // The same code at another organisation is another template.
    expect(isSuperseded(template(9, 2, "club", 1), all)).toBe(false);
  });
});

describe("survey state", () => {
  it("reads the service's `open` and tells before, after and closed early apart", () => {
    expect(surveyState(survey(), "2026-12-05")).toBe("open");
    expect(surveyState(survey({ open: false }), "2026-11-30")).toBe("scheduled");
    expect(surveyState(survey({ open: false }), "2026-12-15")).toBe("finished");
    expect(surveyState(survey({ open: false, closed_at: "2026-12-03T09:00:00Z" }), "2026-12-05")).toBe("closedEarly");
  });

  it("takes new links until its last day unless closed early", () => {
    expect(acceptsInvitations(survey(), "2026-11-20")).toBe(true);
    expect(acceptsInvitations(survey(), "2026-12-14")).toBe(true);
    expect(acceptsInvitations(survey(), "2026-12-15")).toBe(false);
    expect(acceptsInvitations(survey({ closed_at: "2026-12-03T09:00:00Z" }), "2026-12-05")).toBe(false);
  });

  it("lists the newest first and counts days on the calendar", () => {
    const list = sortSurveys([survey({ id: 1, opens_on: "2026-09-10" }), survey({ id: 2, opens_on: "2027-05-10" }), survey({ id: 3, opens_on: "2027-05-10" })]);
    expect(list.map((s) => s.id)).toEqual([3, 2, 1]);
    expect(addDays("2026-12-25", 14)).toBe("2027-01-08");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
  });
});

describe("answers, checked as the service checks them", () => {
  it("scale: a whole number within min and max", () => {
    const q = scale("a");
    expect(checkAnswer(q, 5)).toBeNull();
    expect(checkAnswer(q, 1)).toBeNull();
    expect(checkAnswer(q, 6)).toBe("scaleRange");
    expect(checkAnswer(q, 0)).toBe("scaleRange");
    expect(checkAnswer(q, 2.5)).toBe("scaleRange");
    expect(checkAnswer(q, "5")).toBe("scaleRange");
  });

  it("single: one of the options, exactly", () => {
    expect(checkAnswer(single, "раз в месяц")).toBeNull();
    expect(checkAnswer(single, "Раз в месяц")).toBe("notAnOption");
    expect(checkAnswer(single, ["раз в месяц"])).toBe("notAnOption");
  });

  it("multiple: options of the question, each once", () => {
    expect(checkAnswer(multiple, ["спорт"])).toBeNull();
    expect(checkAnswer(multiple, ["спорт", "музыка"])).toBeNull();
    expect(checkAnswer(multiple, ["спорт", "спорт"])).toBe("notOptions");
    expect(checkAnswer(multiple, ["танцы"])).toBe("notOptions");
    expect(checkAnswer(multiple, "спорт")).toBe("notOptions");
  });

  it("text: a string of at most 4000 characters (letters, not bytes)", () => {
    expect(checkAnswer(text, "Помощь с математикой")).toBeNull();
    expect(checkAnswer(text, "я".repeat(4000))).toBeNull();
    expect(checkAnswer(text, "я".repeat(4001))).toBe("tooLong");
    expect(checkAnswer(text, 5)).toBe("notAText");
  });

  it("number: finite, within the bounds given", () => {
    expect(checkAnswer(number, 4.5)).toBeNull();
    expect(checkAnswer(number, 5)).toBeNull();
    expect(checkAnswer(number, 5.1)).toBe("numberRange");
    expect(checkAnswer(number, Number.NaN)).toBe("notANumber");
    expect(checkAnswer({ ...number, min: null, max: null }, -40)).toBeNull();
  });

  it("a blank text or nothing ticked is no answer, sent as null", () => {
    expect(normaliseAnswer("   ")).toBeNull();
    expect(normaliseAnswer([])).toBeNull();
    expect(normaliseAnswer(undefined)).toBeNull();
    expect(normaliseAnswer(0)).toBe(0);
    expect(isAnswered(0)).toBe(true);
    expect(isAnswered(" ")).toBe(false);
  });

  it("a submission needs every required question, the first missing named", () => {
    const questions = [scale("a"), text, single];
    expect(missingRequired(questions, {})).toBe("a");
    expect(missingRequired(questions, { a: 3 })).toBe("regularity");
    expect(missingRequired(questions, { a: 3, regularity: "раз в месяц" })).toBeNull();
  });

  it("counts progress and picks up where a returning person left off", () => {
    const questions = [scale("a"), scale("b"), text];
    expect(answeredCount(questions, { a: 3, b: 4 })).toBe(2);
    expect(answeredPercent(questions, { a: 3 })).toBe(33);
    expect(answeredPercent([], {})).toBe(0);
    expect(resumeIndex(questions, {})).toBe(0);
    expect(resumeIndex(questions, { a: 3 })).toBe(1);
    expect(resumeIndex(questions, { a: 3, b: 4, useful: "всё" })).toBe(2);
  });

  it("keeps of the saved answers only what the page can show", () => {
    expect(savedAnswers({ a: 3, b: "да", c: ["x"], d: { x: 1 }, e: [1] })).toEqual({ a: 3, b: "да", c: ["x"] });
  });

  it("draws a scale's steps and reads numbers typed with a comma", () => {
    expect(scaleSteps({ min: 1, max: 10 })).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(scaleSteps({ min: 0, max: 3 })).toEqual([0, 1, 2, 3]);
    expect(scaleSteps({})).toEqual([1, 2, 3, 4, 5]);
    expect(parseNumber("3,5")).toBe(3.5);
    expect(parseNumber(" 4 ")).toBe(4);
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("пять")).toBeNaN();
    expect(parseNumber("1e5")).toBeNaN();
  });

  it("sends only what changed, null for what was cleared", () => {
    expect(answerPatch({ a: 3, b: "да" }, { a: 4, b: "да", c: ["x"] })).toEqual({ a: 4, c: ["x"] });
    expect(answerPatch({ a: 3, t: "текст" }, { t: "  " })).toEqual({ a: null, t: null });
    expect(answerPatch({ m: ["x", "y"] }, { m: ["x", "y"] })).toEqual({});
    expect(answerField("answers.engagement")).toBe("engagement");
    expect(answerField("phase")).toBeNull();
  });
});

describe("the public page's end states", () => {
  const shown = { submitted: false, open: true, opens_on: "2026-12-01" };
  it("follow the survey as loaded", () => {
    expect(outcomeOf(shown, "2026-12-05")).toBeNull();
    expect(outcomeOf({ ...shown, submitted: true }, "2026-12-05")).toBe("alreadyAnswered");
    expect(outcomeOf({ ...shown, open: false }, "2026-11-20")).toBe("notOpen");
    expect(outcomeOf({ ...shown, open: false }, "2026-12-20")).toBe("closed");
  });

  it("follow the service's refusals", () => {
    expect(outcomeOfProblem(new ApiProblem(404, { code: "not_found" }))).toBe("invalidLink");
    expect(outcomeOfProblem(new ApiProblem(409, { code: "invitation_used" }))).toBe("alreadyAnswered");
    expect(outcomeOfProblem(new ApiProblem(409, { code: "survey_closed" }))).toBe("closed");
    expect(outcomeOfProblem(new ApiProblem(409, { code: "survey_not_open" }))).toBe("notOpen");
    expect(outcomeOfProblem(new ApiProblem(422, { code: "answer_required" }))).toBeNull();
    expect(outcomeOfProblem(new TypeError("Failed to fetch"))).toBeNull();
    expect(deviceToday(new Date(2026, 11, 5, 23, 30))).toBe("2026-12-05");
  });
});

describe("response rate", () => {
  it("is submitted out of invitations, none before any link", () => {
    expect(ratePercent({ invitations: 0, submitted: 0 })).toBeNull();
    expect(ratePercent({ invitations: 1, submitted: 1 })).toBe(100);
    expect(ratePercent({ invitations: 3, submitted: 1 })).toBe(33);
    expect(ratePercent({ invitations: 3, submitted: 2 })).toBe(67);
    expect(inProgress({ started: 5, submitted: 3 })).toBe(2);
  });

  it("reads as a percent the way each language writes it", () => {
    expect(formatPercent(100, "ru")).toMatch(/^100\s%$/);
    expect(formatPercent(67, "en")).toBe("67%");
  });
});

describe("the sheet of QR codes", () => {
  const issued = (id: number, name: string | null): IssuedInvitation => ({
    id, participant_id: name ? id : null, name, url: `https://school.example/answer/nsrv_${id}`,
  });

  it("cuts the cards into A4 pages of twelve, the rest on the last", () => {
    const cards = Array.from({ length: 25 }, (_, i) => i);
    expect(sheetPages(cards).map((p) => p.length)).toEqual([12, 12, 1]);
    expect(sheetPages(cards.slice(0, CARDS_PER_PAGE))).toHaveLength(1);
    expect(sheetPages([])).toEqual([]);
    expect(sheetPages(cards.slice(0, 5), 2).map((p) => p.length)).toEqual([2, 2, 1]);
    expect(sheetPages(cards.slice(0, 3), 0).map((p) => p.length)).toEqual([1, 1, 1]);
  });

  it("puts the name on each card, numbers the anonymous ones and shows the link without its scheme", () => {
    const cards = sheetCards([issued(11, "Соколов Максим"), issued(12, null), issued(13, "  "), issued(14, "Петрова Алиса")]);
    expect(cards.map((c) => c.name)).toEqual(["Соколов Максим", null, null, "Петрова Алиса"]);
    expect(cards.map((c) => c.anonymousNo)).toEqual([null, 1, 2, null]);
    expect(cards[0].short).toBe("school.example/answer/nsrv_11");
    expect(shortLink("http://127.0.0.1:8080/answer/nsrv_x/")).toBe("127.0.0.1:8080/answer/nsrv_x");
  });
});

describe("invitations", () => {
  const enrolment = (participant_id: number, name: string | null, status = "in_base", grade: number | null = 5) => ({
    participant_id, name, grade, class_letter: "А", status,
  }) as Parameters<typeof basePeople>[1][number];
  const state = (id: number, participant_id: number | null, status: InvitationState["status"]): InvitationState => ({
    id, participant_id, name: null, status, created_at: "2026-12-01T10:00:00Z",
  });

  it("take the base on the survey's side, those still in the programme first, by name", () => {
    const mentees = [enrolment(2, "Яковлев Иван"), enrolment(1, "Алексеева Анна", "withdrawn"), enrolment(3, "Борисов Олег")];
    const mentors = [enrolment(9, "Павлов Игорь", "in_base", 10)];
    expect(basePeople("mentee", mentees, mentors).map((p) => p.participantId)).toEqual([3, 2, 1]);
    expect(basePeople("mentor", mentees, mentors)).toEqual([{ participantId: 9, name: "Павлов Игорь", classLabel: "10 А", withdrawn: false }]);
    expect(basePeople("curator", mentees, mentors)).toEqual([]);
  });

  it("find people by any words of the name, and know who already has a link", () => {
    const [p] = basePeople("mentee", [enrolment(2, "Соколов Максим")], []);
    expect(matchesQuery(p, "макс сок")).toBe(true);
    expect(matchesQuery(p, "5 а")).toBe(true);
    expect(matchesQuery(p, "Петров")).toBe(false);
    const invitations = [state(1, 2, "submitted"), state(2, 2, "unused"), state(3, 4, "started"), state(4, null, "unused"), state(5, null, "submitted")];
    const byPerson = statusByPerson(invitations);
    expect(byPerson.get(2)).toBe("submitted");
    expect(byPerson.get(4)).toBe("started");
    expect(countByStatus(invitations)).toEqual({ unused: 2, started: 1, submitted: 2 });
    const people = basePeople("mentee", [enrolment(2, "Соколов Максим"), enrolment(5, "Новиков Илья"), enrolment(6, "Орлов Пётр", "withdrawn")], []);
    expect(withoutLink(people, byPerson)).toEqual([5]);
    expect([...anonymousNumbers(invitations)]).toEqual([[4, 1], [5, 2]]);
  });
});

describe("the template editor", () => {
  const draft = (questions: QuestionDraft[], extra: Partial<TemplateDraft> = {}): TemplateDraft => ({
    code: "club_quality", title: "Анкета клуба", purpose: "quality", audience: "mentee", form: "", questions, ...extra,
  });
  const q = (code: string, extra: Partial<QuestionDraft> = {}): QuestionDraft => ({
    ...newQuestion("scale", []), code, text: "Оцените", ...extra,
  });

  it("accepts a sound template and refuses what the service refuses, beside each field", () => {
    expect(checkDraft(draft([q("a"), q("b", { expectation_of: "a" })]), true)).toEqual({});
    const errors = checkDraft(
      draft(
        [
          q("a"),
          q("a"),
          q("Bad code"),
          q("s", { kind: "single", options: "да\n\n" }),
          q("w", { max: "11" }),
          q("h", { min: "1,5", max: "5" }),
          q("n", { kind: "number", min: "10", max: "1" }),
          q("r", { expectation_of: "nowhere" }),
          q("t", { kind: "text", parameter: "engagement" }),
          q("e", { text: "  " }),
        ],
        { code: "Клуб", title: "" },
      ),
      true,
    );
    expect(errors).toEqual({
      code: "codePattern",
      title: "titleLength",
      "questions.1.code": "codeTwice",
      "questions.2.code": "codePattern",
      "questions.3.options": "options",
      "questions.4.max": "scaleRange",
      "questions.5.max": "scaleRange",
      "questions.6.max": "numberRange",
      "questions.7.expectation_of": "expectation",
      "questions.8.parameter": "parameterKind",
      "questions.9.text": "textLength",
    });
    // The code is fixed once the template exists: editing does not check it.
    expect(checkDraft(draft([q("a")], { code: "Клуб" }), false)).toEqual({});
    expect(checkDraft(draft([]), true)).toEqual({ questions: "questionsCount" });
  });

  it("pairs a reality only with another scale", () => {
    const a = q("a");
    const b = q("b", { kind: "single", options: "x\ny" });
    const c = q("c");
    expect(expectationChoices([a, b, c], c).map((x) => x.code)).toEqual(["a"]);
    expect(checkDraft(draft([a, b, q("r", { expectation_of: "b" })]), true)["questions.2.expectation_of"]).toBe("expectation");
  });

  it("sends only the fields each kind uses", () => {
    expect(questionOf(q("s", { kind: "single", options: " да \nнет\n\n", min: "1", max: "5", parameter: "x" }))).toEqual({
      code: "s", text: "Оцените", kind: "single", required: true, options: ["да", "нет"],
    });
    expect(questionOf(q("m", { parameter: "engagement", min: "1", max: "10" }))).toEqual({
      code: "m", text: "Оцените", kind: "scale", required: true, min: 1, max: 10, parameter: "engagement",
    });
    expect(questionOf(q("n", { kind: "number", min: "", max: "5,5", expectation_of: "a" }))).toEqual({
      code: "n", text: "Оцените", kind: "number", required: true, min: null, max: 5.5,
    });
    const body = newTemplateBody(draft([q("a")], { code: " club ", title: " Клуб ", form: "student_student" }));
    expect(body).toMatchObject({ code: "club", title: "Клуб", form: "student_student", purpose: "quality", audience: "mentee" });
    expect(newTemplateBody(draft([q("a")])).form).toBeNull();
    expect(versionBody(draft([q("a")]))).toEqual({ title: "Анкета клуба", questions: [questionOf(q("a"))] });
  });

  it("opens a template as it is, and keeps codes and pairings through edits", () => {
    const source = template(4, null, "impact", 1, "Мониторинг");
    source.questions = [scale("expected"), scale("got", { expectation_of: "expected" }), { ...single, required: false }];
    const opened = templateDraft(source);
    expect(opened.questions.map(questionOf)).toEqual([
      { code: "expected", text: "Оцените", kind: "scale", required: true, min: 1, max: 5 },
      { code: "got", text: "Оцените", kind: "scale", required: true, min: 1, max: 5, expectation_of: "expected" },
      { code: "regularity", text: "Как часто?", kind: "single", required: false, options: ["раз в неделю", "раз в месяц"] },
    ]);
    const renamed = renameQuestion(opened.questions, 0, "hoped");
    expect(renamed.map((x) => [x.code, x.expectation_of])).toEqual([["hoped", ""], ["got", "hoped"], ["regularity", ""]]);
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b"], 0, 5)).toEqual(["a", "b"]);
    expect(formPath("questions[3].options")).toBe("questions.3.options");
    expect(optionList("a\n b \n\n")).toEqual(["a", "b"]);
    expect(newQuestion("scale", ["q1", "q3"]).code).toBe("q4");
    expect(newQuestion("scale", ["q1", "q2"]).code).toBe("q3");
    expect(emptyDraft().questions).toHaveLength(1);
  });
});

describe("analytics", () => {
  it("write numbers, changes and p-values the way a Russian reader does", () => {
    expect(formatNumber(3.456, "ru")).toBe("3,46");
    expect(formatNumber(null, "ru")).toBe("—");
    expect(formatChange(1.2, "ru")).toBe("+1,2");
    expect(formatChange(-0.5, "ru")).toBe("−0,5");
    expect(formatChange(0.001, "ru")).toBe("0");
    expect(formatP(0.0342, "ru")).toBe("p = 0,034");
    expect(formatP(0.00001, "ru")).toBe("p < 0,001");
    expect(formatP(null, "en")).toBe("p —");
  });

  it("call a significant change better or worse by the parameter's direction", () => {
    expect(verdict({ significant: true, mean_change: 1.5 }, "engagement")).toBe("better");
    expect(verdict({ significant: true, mean_change: -1.5 }, "engagement")).toBe("worse");
    expect(verdict({ significant: true, mean_change: -1.5 }, "anxiety")).toBe("better");
    expect(verdict({ significant: false, mean_change: 3 }, "engagement")).toBe("noChange");
    expect(effectSize(0.1)).toBe("negligible");
    expect(effectSize(-0.6)).toBe("medium");
    expect(effectSize(1.2)).toBe("large");
    expect(effectSize(null)).toBeNull();
  });

  it("order a scale's distribution by its steps and groups form → role model → algorithm", () => {
    const rows = distributionRows({ kind: "scale", distribution: [{ value: "10", count: 1 }, { value: "2", count: 3 }] });
    expect(rows.map((r) => r.value)).toEqual(["2", "10"]);
    const options = distributionRows({ kind: "single", distribution: [{ value: "б", count: 1 }, { value: "а", count: 3 }] });
    expect(options.map((r) => r.value)).toEqual(["б", "а"]);
    const g = (by: string, group: string) => ({ by, group, n: 5, suppressed: false });
    expect(
      groupsBy([g("pair", "9"), g("algorithm", "optimal"), g("form", "student_student"), g("role_model", "peer_peer"), g("algorithm", "manual")]).map((x) => [x.by, x.groups.length]),
    ).toEqual([
      ["form", 1],
      ["role_model", 1],
      ["algorithm", 2],
      ["pair", 1],
    ]);
    expect(textOf([{ code: "a", text: "Вопрос А" }], "a")).toBe("Вопрос А");
    expect(textOf([], "zz")).toBe("zz");
  });

  it("turn a typed column into measurements, skipping blanks and naming what is not a number", () => {
    expect(measurementItems({ 5: "4,5", 6: "", 7: "пять", 8: "3" }, "average_grade", "entry", "2026-09-30")).toEqual({
      items: [
        { participant_id: 5, parameter: "average_grade", phase: "entry", value: 4.5, measured_on: "2026-09-30" },
        { participant_id: 8, parameter: "average_grade", phase: "entry", value: 3, measured_on: "2026-09-30" },
      ],
      bad: [7],
    });
    const recorded = [
      { participant_id: 5, parameter: "clubs", phase: "entry" as const, value: 1 },
      { participant_id: 5, parameter: "clubs", phase: "exit" as const, value: 2 },
      { participant_id: 6, parameter: "reading", phase: "entry" as const, value: 7 },
    ];
    expect(recordedValues(recorded, "clubs", "exit").get(5)?.value).toBe(2);
    expect(knownParameters(recorded)).toEqual(["average_grade", "clubs", "projects", "olympiads", "on_register", "reading"]);
  });
});

describe("locales", () => {
  const keys = (tree: object, prefix = ""): string[] =>
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === "object" && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key.replace(/_(one|few|many|other)$/, "")}`],
    );

  it("have the same monitoring keys in Russian and English", () => {
    expect([...new Set(keys(en.monitoring))].sort()).toEqual([...new Set(keys(ru.monitoring))].sort());
  });
});

describe("a refused measurements file", () => {
  it("names the line in the file (the header is line 1) and the column", () => {
    expect(fileRowProblem("rows[0].phase")).toEqual({ line: 2, column: "phase" });
    expect(fileRowProblem("rows[12]")).toEqual({ line: 14, column: "" });
    expect(fileRowProblem("items[0].value")).toBeNull();
  });
  it("has words for every column the service names, in both languages", () => {
    for (const column of ["row", "participant_id", "external_id", "phase", "value", "measured_on", "parameter"]) {
      expect(ru.monitoring.measurements.columns).toHaveProperty(column);
      expect(en.monitoring.measurements.columns).toHaveProperty(column);
    }
  });
});
