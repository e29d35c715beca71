import { describe, expect, it } from "vitest";
import i18n from "../../../app/i18n";
import en from "../../../locales/en.json";
import ru from "../../../locales/ru.json";
import { ApiProblem } from "../../../api/problem";
import type { Mentee, Mentor, Pair, PairingSettings } from "../../../api/types";
import { breaksGradeRule, freePlaces, pairFieldErrors, pairableMentors, waitingMentees } from "./manualPair";
import { formatLongDay, localIsoDate, nextOrderNumber, orderRows, personLabel } from "./orderDocument";
import { canJoinOrder, isLive, keepSelectable, pairActions } from "./pairStatus";
import { formFieldPath, planFormValues, planInput, planProgress } from "./planForm";
import { canAddChoice, choicesFor, newRankRow, sheetErrors, sheetFormValues, sheetInput, type RankRow } from "./preferenceSheet";
import { reasonText } from "./unmatchedReason";
import { fromWeightValue, parseWeight, settingsFormValues, settingsInput, toWeightValue, validPreferenceLimit } from "./weights";

const person = (id: number, name: string | null, grade: number | null = null, letter: string | null = null) => ({
  id, participant_id: 100 + id, name, grade, class_letter: letter,
});

function pair(id: number, status: Pair["status"], mentees = [person(10 + id, "Смирнов Артём", 5, "А")]): Pair {
  return {
    id, program_id: 1, form: "student_student", kind: mentees.length > 1 ? "group" : "pair", role_model: "peer_peer",
    mentor: person(id, "Кузнецов Даниил", 9, "А"), mentees, status, history: [], etag: `"pair-${id}-v1"`,
    created_at: "", updated_at: "", goal: null, matching_run_id: null, order: null,
  };
}

describe("pair statuses", () => {
  it("offers only the moves the service allows from each status", () => {
    expect(pairActions("proposed")).toEqual(["dissolve"]);
    expect(pairActions("approved")).toEqual(["start", "dissolve"]);
    expect(pairActions("active")).toEqual(["complete", "dissolve"]);
    expect(pairActions("completed")).toEqual([]);
    expect(pairActions("dissolved")).toEqual([]);
  });

  it("approves only proposed pairs, and keeps live ones apart from the record", () => {
    expect(["proposed", "approved", "active"].every((s) => isLive(s as Pair["status"]))).toBe(true);
    expect(isLive("completed") || isLive("dissolved")).toBe(false);
    expect(canJoinOrder("proposed")).toBe(true);
    expect(canJoinOrder("approved")).toBe(false);
  });

  it("drops from the selection pairs no longer shown or no longer proposed", () => {
    const pairs = [pair(1, "proposed"), pair(2, "approved"), pair(3, "proposed")];
    expect(keepSelectable([1, 2, 3, 4], pairs)).toEqual([1, 3]);
  });
});

describe("pairing weights", () => {
  it("reads 0–10 points or the word must", () => {
    expect(parseWeight("must")).toBe("must");
    expect(parseWeight(0)).toBe(0);
    expect(parseWeight(10)).toBe(10);
    expect(parseWeight("7")).toBe(7);
  });

  it("refuses what is not a weight", () => {
    for (const bad of [11, -1, 2.5, "", "MUST", "обязательно", null, undefined, Number.NaN, "3 points"]) {
      expect(parseWeight(bad)).toBeNull();
    }
  });

  it("puts a must at the top of the slider and sends it back as must", () => {
    expect(toWeightValue("must")).toEqual({ must: true, points: 10 });
    expect(toWeightValue(4)).toEqual({ must: false, points: 4 });
    expect(fromWeightValue({ must: true, points: 3 })).toBe("must");
    expect(fromWeightValue({ must: false, points: 12 })).toBe(10);
  });

  it("round-trips the settings through the form", () => {
    const settings: PairingSettings = {
      weights: { request_tags: "must", role_model: 3, grade_distance: 0, mentee_preference: 4, mentor_preference: 2 },
      preference_limit: 5, allow_untrained_mentors: true, etag: "x",
    };
    const { etag: _etag, ...input } = settings;
    expect(settingsInput(settingsFormValues(settings))).toEqual(input);
    expect(settingsInput({ ...settingsFormValues(settings), preference_limit: "3" }).preference_limit).toBe(3);
  });

  it("keeps the preference limit within 1–20", () => {
    expect(validPreferenceLimit(1) && validPreferenceLimit("20")).toBe(true);
    expect(validPreferenceLimit(0) || validPreferenceLimit(21) || validPreferenceLimit(2.5) || validPreferenceLimit("")).toBe(false);
  });
});

describe("the approval order", () => {
  it("numbers pairs and groups 1, 2, 3, a group on one line with all its mentees", () => {
    const group = pair(2, "approved", [person(21, "Петрова Полина", 6, "Б"), person(22, "Соколов Егор", 6, "Б")]);
    const rows = orderRows([pair(1, "approved"), group, pair(3, "approved")]);
    expect(rows.map((r) => r.no)).toEqual([1, 2, 3]);
    expect(rows[1]).toMatchObject({ kind: "group", roleModel: "peer_peer", form: "student_student" });
    expect(rows[1].mentees.map((m) => m.name)).toEqual(["Петрова Полина", "Соколов Егор"]);
  });

  it("offers the next number after the highest, keeping the school's style", () => {
    expect(nextOrderNumber(["52-о"])).toBe("53-о");
    expect(nextOrderNumber(["52-о", "9-о", "101-о"])).toBe("102-о");
    expect(nextOrderNumber(["П-7"])).toBe("П-8");
    expect(nextOrderNumber(["009"])).toBe("010");
    expect(nextOrderNumber(["б/н"])).toBe("");
    expect(nextOrderNumber([])).toBe("");
  });

  it("prints a person with the class, and an erased one by number", () => {
    const erased = (id: number) => `удалён (${id})`;
    expect(personLabel(person(1, "Кузнецов Даниил", 9, "А"), erased)).toBe("Кузнецов Даниил, 9 А");
    expect(personLabel(person(2, "Учитель Анна"), erased)).toBe("Учитель Анна");
    expect(personLabel(person(3, null, 5, "Б"), erased)).toBe("удалён (103), 5 Б");
  });

  it("writes the date the way an order does, without shifting it through UTC", () => {
    expect(formatLongDay("2026-11-09", "ru")).toMatch(/^9 ноября 2026/);
    expect(formatLongDay("2027-01-01", "en")).toBe("1 January 2027");
    expect(localIsoDate(new Date(2026, 0, 5, 23, 30))).toBe("2026-01-05");
  });
});

describe("a pair made by hand", () => {
  const mentor = (over: Partial<Mentor>): Mentor => ({
    id: 1, program_id: 1, participant_id: 2, source: "student", contour: "internal", competencies: [], capacity: 1,
    places_taken: 0, training_status: "completed", status: "in_base", ready: true, etag: "x", created_at: "", updated_at: "",
    interview_outcome: "passed", grade: 9, name: "Кузнецов Даниил", ...over,
  });

  it("offers ready mentors of the form's kind with a free place", () => {
    const mentors = [
      mentor({ id: 1 }),
      mentor({ id: 2, places_taken: 1 }),
      mentor({ id: 3, capacity: 3, places_taken: 1 }),
      mentor({ id: 4, ready: false, training_status: "in_progress" }),
      mentor({ id: 5, source: "teacher", capacity: 3 }),
      mentor({ id: 6, status: "candidate", ready: false, interview_outcome: "pending" }),
    ];
    expect(pairableMentors(mentors, "student_student").map((m) => m.id)).toEqual([1, 3]);
    expect(pairableMentors(mentors, "student_student", true).map((m) => m.id)).toEqual([1, 3, 4]);
    expect(pairableMentors(mentors, "teacher_teacher").map((m) => m.id)).toEqual([5]);
    expect(freePlaces(mentors[2])).toBe(2);
    expect(freePlaces({ capacity: 1, places_taken: 3 })).toBe(0);
  });

  it("offers mentees waiting in the base or supported while the search goes on", () => {
    const mentee = (id: number, status: Mentee["status"]) => ({ id, status }) as Mentee;
    const all = [mentee(1, "candidate"), mentee(2, "in_base"), mentee(3, "matched"), mentee(4, "awaiting_support"), mentee(5, "withdrawn")];
    expect(waitingMentees(all).map((m) => m.id)).toEqual([2, 4]);
  });

  it("keeps the mentor in a higher grade in student–student only", () => {
    expect(breaksGradeRule("student_student", 9, 5)).toBe(false);
    expect(breaksGradeRule("student_student", 7, 7)).toBe(true);
    expect(breaksGradeRule("student_student", 6, 8)).toBe(true);
    expect(breaksGradeRule("student_student", null, 8)).toBe(false);
    expect(breaksGradeRule("employer_student", 6, 8)).toBe(false);
  });

  it("puts the service's field errors on the form's fields", () => {
    const error = new ApiProblem(422, {
      code: "validation_failed",
      errors: [{ field: "mentee_ids[1]", message: "named twice" }, { field: "mentor_id", message: "not in the base" }],
    });
    expect(pairFieldErrors(error)).toEqual({ mentee_ids: "named twice", mentor_id: "not in the base" });
    expect(pairFieldErrors(new Error("x"))).toEqual({});
  });
});

describe("the development plan", () => {
  it("drops blank goals and sends tasks without a date as null", () => {
    const values = planFormValues({
      goals: ["Выйти на «4»", "  "],
      tasks: [{ title: " Разобрать дроби ", due_on: "2026-12-15", done: true }, { title: "Решить вариант", due_on: null, done: false }],
    });
    expect(planInput(values)).toEqual({
      goals: ["Выйти на «4»"],
      tasks: [{ title: "Разобрать дроби", due_on: "2026-12-15", done: true }, { title: "Решить вариант", due_on: null, done: false }],
    });
  });

  it("counts done tasks for the progress bar", () => {
    expect(planProgress([])).toEqual({ done: 0, total: 0, percent: 0 });
    expect(planProgress([{ done: true }, { done: false }, { done: false }])).toEqual({ done: 1, total: 3, percent: 33 });
    expect(planProgress([{ done: true }])).toEqual({ done: 1, total: 1, percent: 100 });
  });

  it("maps JSON paths of field errors to the form's paths", () => {
    expect(formFieldPath("tasks[2].due_on")).toBe("tasks.2.due_on");
    expect(formFieldPath("sheets[0].ranks[1].id")).toBe("sheets.0.ranks.1.id");
    expect(formFieldPath("weights.role_model")).toBe("weights.role_model");
  });
});

describe("preference sheets", () => {
  const row = (id: string | null, rank: number | string): RankRow => ({ key: `${id}-${rank}`, id, rank });
  const options = [{ value: "1", label: "А" }, { value: "2", label: "Б" }, { value: "3", label: "В" }];
  const messages = { required: "required", duplicate: "duplicate", rank: "rank" };

  it("does not offer a person already chosen in another row", () => {
    const ranks = [row("1", 1), row("2", 2), row(null, 3)];
    expect(choicesFor(options, ranks, 2).map((o) => o.value)).toEqual(["3"]);
    expect(choicesFor(options, ranks, 0).map((o) => o.value)).toEqual(["1", "3"]);
  });

  it("refuses duplicates, empty rows and ranks outside the limit; ties are fine", () => {
    const values = { attended: true, ranks: [row("1", 1), row("1", 1), row(null, 2), row("3", 6)] };
    expect(sheetErrors(values, 5, messages)).toEqual({
      "ranks.1.id": "duplicate",
      "ranks.2.id": "required",
      "ranks.3.rank": "rank",
    });
    expect(sheetErrors({ attended: false, ranks: [row("1", 1), row("2", 1)] }, 5, messages)).toEqual({});
  });

  it("adds choices up to the limit, each ranked after the last", () => {
    expect(newRankRow([row("1", 1), row("2", 2)], 5).rank).toBe(3);
    expect(newRankRow([row("1", 5)], 5).rank).toBe(5);
    expect(canAddChoice([row("1", 1)], 1)).toBe(false);
    expect(canAddChoice([], 1)).toBe(true);
  });

  it("reads a sheet sorted by rank and sends it back with numbers", () => {
    const values = sheetFormValues({
      side: "mentee", chooser_id: 11, attended_group_meeting: false, updated_at: "",
      ranks: [{ id: 4, rank: 2 }, { id: 3, rank: 1 }],
    });
    expect(values.ranks.map((r) => r.id)).toEqual(["3", "4"]);
    expect(sheetInput("mentee", 11, values)).toEqual({
      side: "mentee", chooser_id: 11, attended_group_meeting: false, ranks: [{ id: 3, rank: 1 }, { id: 4, rank: 2 }],
    });
    expect(sheetFormValues(undefined)).toEqual({ attended: true, ranks: [] });
  });
});

describe("mentees without a pair", () => {
  const t = i18n.getFixedT("ru");
  const tag = (code: string) => ({ olympiads: "олимпиады", digital_skills: "цифровые навыки" })[code] ?? code;

  it("says in Russian why the engine left a mentee out", () => {
    expect(reasonText(null, t, tag)).toBe("подбор ещё не запускался");
    expect(reasonText({ code: "no_mentors" }, t, tag)).toBe("в базе нет наставников");
    expect(reasonText({ code: "no_mentor_with_competency", tags: ["olympiads", "digital_skills"] }, t, tag)).toBe(
      "нет наставника с нужной компетенцией: олимпиады, цифровые навыки",
    );
    expect(reasonText({ code: "must_unmet", criterion: "role_model" }, t, tag)).toBe("не выполнено обязательное условие: ролевая модель");
    expect(reasonText({ code: "capacity_exhausted", candidates: 2 }, t, tag)).toBe("места у подходящих наставников заняты");
    expect(reasonText({ code: "only_untrained_mentors", candidates: 1 }, t, tag)).toBe("подходят только наставники, не прошедшие обучение");
  });
});

describe("locales", () => {
  const keys = (node: unknown, prefix = ""): string[] =>
    typeof node === "object" && node !== null
      ? Object.entries(node).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
      : [prefix.slice(0, -1)];
  const sections = ["pairs", "orders", "plan", "unmatched", "pairingSettings", "preferences", "pairStatus", "roleModels", "criteria", "pairKinds"];

  it("has every text of the pairs screens in both languages", () => {
    for (const section of sections) {
      expect(keys((en as Record<string, unknown>)[section]).sort(), section).toEqual(keys((ru as Record<string, unknown>)[section]).sort());
    }
  });

  it("names the pair statuses as the curator says them", () => {
    expect(ru.pairStatus).toEqual({
      proposed: "предложена", approved: "утверждена", active: "работает", completed: "завершена", dissolved: "расформирована",
    });
  });
});
