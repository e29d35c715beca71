import { describe, expect, it } from "vitest";
import i18n from "../../../app/i18n";
import en from "../../../locales/en.json";
import ru from "../../../locales/ru.json";
import type { Contribution, MatchingRunSummary, PairConstraint, PairPerson, Proposal, UnmatchedReason, Weights } from "../../../api/types";
import { compareRuns, comparisonBars, runFigures } from "./compare";
import { contributionText, sortedUnmatched, unmatchedText } from "./reasons";
import { DEFAULT_RUN_OPTIONS, customFrom, effectiveWeights, runRequest, weightsSummary } from "./runOptions";
import { formatFigure } from "./runText";
import { maxScore, multiplier, scorePercent, scoreSegments } from "./score";
import {
  constraintOf,
  constraintsNewerThan,
  currentSelection,
  defaultSelection,
  filterProposals,
  keepOpen,
  toggled,
} from "./selection";

const ruT = i18n.getFixedT("ru");
const enT = i18n.getFixedT("en");
const TAGS: Record<string, string> = { olympiads: "олимпиады", leadership: "лидерство", sport: "спорт" };
const tag = (code: string) => TAGS[code] ?? code;

const DEMO_WEIGHTS: Weights = { request_tags: 5, role_model: 3, grade_distance: 2, mentee_preference: 4, mentor_preference: 2 };

const person = (id: number, name: string, grade = 8): PairPerson => ({ id, participant_id: 100 + id, name, grade, class_letter: "А" });

function proposal(id: number, mentor: PairPerson, mentee: PairPerson, extra: Partial<Proposal> = {}): Proposal {
  return { id, mentor, mentee, score: 1000, locked: false, role_model: null, contributions: [], pair_id: null, ...extra };
}

const c = (criterion: Contribution["criterion"], points: number, detail: Contribution["detail"]): Contribution => ({ criterion, points, detail });

describe("the highest possible score", () => {
  it("is the sum of weight × 100, a must counting 10", () => {
    expect(maxScore(DEMO_WEIGHTS)).toBe(1600);
    expect(maxScore({ ...DEMO_WEIGHTS, role_model: "must" })).toBe(2300);
    expect(maxScore({ request_tags: "must", role_model: "must", grade_distance: "must", mentee_preference: "must", mentor_preference: "must" })).toBe(5000);
    expect(maxScore({ request_tags: 0, role_model: 0, grade_distance: 0, mentee_preference: 0, mentor_preference: 0 })).toBe(0);
    expect(multiplier("must")).toBe(10);
    expect(multiplier(7)).toBe(7);
  });

  it("draws a score as a whole percent, never past the bar nor divided by zero", () => {
    expect(scorePercent(800, 1600)).toBe(50);
    expect(scorePercent(1840, 1600)).toBe(100);
    expect(scorePercent(-5, 1600)).toBe(0);
    expect(scorePercent(100, 0)).toBe(0);
  });

  it("splits the bar into each criterion's points, in the criteria's order, skipping those that gave nothing", () => {
    const contributions = [
      c("grade_distance", 200, { kind: "grade_distance", distance: 2 }),
      c("request_tags", 500, { kind: "tags", covered: ["olympiads"], missing: [] }),
      c("role_model", 0, { kind: "role_model", role_model: "peer_peer", carried: false }),
      c("mentee_preference", 400, { kind: "rank", rank: 1 }),
    ];
    expect(scoreSegments(contributions, 1600)).toEqual([
      { criterion: "request_tags", points: 500, percent: 31.25 },
      { criterion: "grade_distance", points: 200, percent: 12.5 },
      { criterion: "mentee_preference", points: 400, percent: 25 },
    ]);
    const over = scoreSegments([c("request_tags", 1500, { kind: "no_request_tags" }), c("role_model", 500, { kind: "no_role_model" })], 1600);
    expect(over.reduce((sum, s) => sum + s.percent, 0)).toBe(100);
    expect(scoreSegments(contributions, 0)).toEqual([]);
  });
});

describe("reasons of a proposal", () => {
  const text = (detail: Contribution["detail"], criterion: Contribution["criterion"] = "request_tags", t = ruT) =>
    contributionText(c(criterion, 0, detail), t, tag);

  it("names the request tags covered and those missed, by their labels", () => {
    expect(text({ kind: "tags", covered: ["olympiads", "leadership"], missing: [] })).toBe("совпали запросы: олимпиады, лидерство");
    expect(text({ kind: "tags", covered: ["olympiads"], missing: ["sport"] })).toBe("совпали запросы: олимпиады; не покрыто: спорт");
    expect(text({ kind: "tags", covered: [], missing: ["sport", "custom_tag"] })).toBe("запросы не совпали, не покрыто: спорт, custom_tag");
    expect(text({ kind: "no_request_tags" })).toBe("в запросе нет тегов — нейтрально");
  });

  it("says whether the role model fits", () => {
    expect(text({ kind: "role_model", role_model: "achiever_underachiever", carried: true }, "role_model")).toBe(
      "ролевая модель «успевающий–неуспевающий» подходит",
    );
    expect(text({ kind: "role_model", role_model: "leader_passive", carried: false }, "role_model")).toBe(
      "ролевая модель «лидер–пассивный» не подходит",
    );
    expect(text({ kind: "no_role_model" }, "role_model")).toBe("ролевая модель не определена — нейтрально");
  });

  it("counts the grades between mentor and mentee with the right word", () => {
    const grade = (distance: number) => text({ kind: "grade_distance", distance }, "grade_distance");
    expect(grade(1)).toBe("наставник на 1 класс старше");
    expect(grade(2)).toBe("наставник на 2 класса старше");
    expect(grade(5)).toBe("наставник на 5 классов старше");
    expect(grade(0)).toBe("наставник из того же класса");
    expect(grade(-1)).toBe("наставник на 1 класс младше");
    expect(text({ kind: "grade_unknown" }, "grade_distance")).toBe("класс неизвестен — нейтрально");
  });

  it("tells whose choice a rank is", () => {
    expect(text({ kind: "rank", rank: 1 }, "mentee_preference")).toBe("первый выбор наставляемого");
    expect(text({ kind: "rank", rank: 1 }, "mentor_preference")).toBe("первый выбор наставника");
    expect(text({ kind: "rank", rank: 2 }, "mentor_preference")).toBe("2-й выбор наставника");
    expect(text({ kind: "rank", rank: 3 }, "mentee_preference")).toBe("3-й выбор наставляемого");
    expect(text({ kind: "unranked" }, "mentee_preference")).toBe("наставляемый не выбирал(а) этого наставника");
    expect(text({ kind: "unranked" }, "mentor_preference")).toBe("наставник не выбирал(а) этого наставляемого");
  });

  it("reads in English too", () => {
    expect(text({ kind: "grade_distance", distance: 2 }, "grade_distance", enT)).toBe("mentor 2 grades older");
    expect(text({ kind: "rank", rank: 2 }, "mentor_preference", enT)).toBe("the mentor's choice no. 2");
    expect(text({ kind: "tags", covered: ["olympiads"], missing: ["sport"] }, "request_tags", enT)).toBe(
      "requests matched: олимпиады; not covered: спорт",
    );
  });
});

describe("reasons of the unmatched", () => {
  const reason = (r: UnmatchedReason) => unmatchedText(r, ruT, tag);

  it("renders every code the engine gives, with its facts", () => {
    expect(reason({ code: "no_mentors" })).toBe("в базе нет наставников");
    expect(reason({ code: "no_higher_grade_mentor" })).toBe("нет наставника из старшего класса");
    expect(reason({ code: "no_mentor_with_competency", tags: ["olympiads", "sport"] })).toBe(
      "нет наставника с нужной компетенцией: олимпиады, спорт",
    );
    expect(reason({ code: "must_unmet", criterion: "grade_distance" })).toBe("не выполнено обязательное условие: разница в классах");
    expect(reason({ code: "only_excluded" })).toBe("подходящие наставники исключены");
    expect(reason({ code: "only_untrained_mentors", candidates: 1 })).toBe(
      "подходят только наставники, не прошедшие обучение (подходит 1 наставник)",
    );
    expect(reason({ code: "capacity_exhausted", candidates: 15 })).toBe(
      "места у подходящих наставников заняты (подходят 15 наставников)",
    );
    expect(reason({ code: "capacity_exhausted", candidates: 3 })).toBe("места у подходящих наставников заняты (подходят 3 наставника)");
  });

  it("lists them by name", () => {
    const list = sortedUnmatched([
      { mentee: person(1, "Яковлев Иван"), reason: { code: "no_mentors" } },
      { mentee: person(2, "Абрамова Анна"), reason: { code: "no_mentors" } },
    ]);
    expect(list.map((u) => u.mentee.name)).toEqual(["Абрамова Анна", "Яковлев Иван"]);
  });
});

describe("selection to accept", () => {
  const m = person(1, "Морозова Дарья", 10);
  const proposals = [
    proposal(11, m, person(21, "Орлов Кирилл")),
    proposal(12, m, person(22, "Волков Иван"), { pair_id: 5 }),
    proposal(13, person(2, "Козлов Артём", 9), person(23, "Васильев Дмитрий")),
  ];

  it("takes every proposal not yet accepted by default", () => {
    expect(defaultSelection(proposals)).toEqual([11, 13]);
    expect(currentSelection(null, proposals)).toEqual([11, 13]);
  });

  it("keeps the curator's choice, minus what was accepted meanwhile or is not in the run", () => {
    expect(keepOpen([13, 12, 99], proposals)).toEqual([13]);
    expect(currentSelection([], proposals)).toEqual([]);
    expect(toggled([11, 13], 11)).toEqual([13]);
    expect(toggled([13], 11)).toEqual([13, 11]);
  });

  it("finds the lock or exclusion of a pair, and whether any came after the run", () => {
    const constraints: PairConstraint[] = [
      { id: 1, mentor_id: 2, mentee_id: 23, mentor: { id: 2, participant_id: 102 }, mentee: { id: 23, participant_id: 123 }, kind: "exclude", reason: null, created_at: "2026-11-30T10:00:00Z" },
      { id: 2, mentor_id: 1, mentee_id: 21, mentor: { id: 1, participant_id: 101 }, mentee: { id: 21, participant_id: 121 }, kind: "lock", reason: null, created_at: "2026-11-30T09:00:00Z" },
    ];
    expect(constraintOf(constraints, proposals[0])?.kind).toBe("lock");
    expect(constraintOf(constraints, proposals[2])?.kind).toBe("exclude");
    expect(constraintOf(constraints, proposals[1])).toBeUndefined();
    expect(constraintsNewerThan(constraints, "2026-11-30T09:30:00Z")).toBe(true);
    expect(constraintsNewerThan(constraints, "2026-11-30T10:00:01Z")).toBe(false);
  });

  it("finds proposals by either person's name", () => {
    expect(filterProposals(proposals, "морозова").map((p) => p.id)).toEqual([11, 12]);
    expect(filterProposals(proposals, " Васильев ").map((p) => p.id)).toEqual([13]);
    expect(filterProposals(proposals, "").length).toBe(3);
  });
});

describe("comparing two runs", () => {
  const [m1, m2, m3] = [person(1, "Морозова Дарья", 10), person(2, "Козлов Артём", 9), person(3, "Семёнов Егор", 10)];
  const [e1, e2, e3, e4] = [person(21, "Орлов Кирилл"), person(22, "Волков Иван"), person(23, "Антонова Вера"), person(24, "Белов Павел")];

  it("tells which mentees each run pairs differently", () => {
    const a = { proposals: [proposal(1, m1, e1), proposal(2, m2, e2, { score: 900 }), proposal(3, m3, e3, { score: 700 })] };
    const b = { proposals: [proposal(4, m1, e1), proposal(5, m3, e2, { score: 950 }), proposal(6, m2, e4, { score: 600 })] };
    const { same, differences } = compareRuns(a, b);
    expect(same).toBe(1);
    expect(differences.map((d) => [d.mentee.name, d.a?.mentor.name ?? null, d.b?.mentor.name ?? null])).toEqual([
      ["Антонова Вера", "Семёнов Егор", null],
      ["Белов Павел", null, "Козлов Артём"],
      ["Волков Иван", "Козлов Артём", "Семёнов Егор"],
    ]);
    expect(differences[2].a?.score).toBe(900);
    expect(differences[2].b?.score).toBe(950);
  });

  it("finds nothing different in the same proposals", () => {
    const a = { proposals: [proposal(1, m1, e1), proposal(2, m2, e2)] };
    expect(compareRuns(a, { proposals: [proposal(3, m2, e2), proposal(4, m1, e1)] })).toEqual({ same: 2, differences: [] });
  });

  it("puts the figures on one percent axis, the mean score as a share of the run's maximum", () => {
    const run = (matched: number, mean: number, first: number, weights = DEMO_WEIGHTS) =>
      ({ max_score: maxScore(weights), stats: { mentees: 22, matched: 7, matched_share: matched, mean_score: mean, first_choice_share: first } }) as Pick<
        MatchingRunSummary,
        "stats" | "max_score"
      >;
    expect(runFigures(run(0.3181818, 811.43, 0))).toEqual({ matched: 31.8, meanScore: 50.7, firstChoice: 0 });
    expect(runFigures(run(1, 2300, 0.5, { ...DEMO_WEIGHTS, role_model: "must" }))).toEqual({ matched: 100, meanScore: 100, firstChoice: 50 });
    expect(runFigures(run(0, 0, 0, { request_tags: 0, role_model: 0, grade_distance: 0, mentee_preference: 0, mentor_preference: 0 })).meanScore).toBe(0);
    expect(comparisonBars(run(0.5, 800, 0.25), run(0.75, 400, 0), (m) => m)).toEqual([
      { metric: "matched", a: 50, b: 75 },
      { metric: "meanScore", a: 50, b: 25 },
      { metric: "firstChoice", a: 25, b: 0 },
    ]);
    expect(formatFigure(31.8, "ru")).toBe("31,8");
    expect(formatFigure(31.8, "en")).toBe("31.8");
  });
});

describe("the run request", () => {
  it("sends the objective only with optimal, and weights only when the run has its own", () => {
    expect(runRequest(DEFAULT_RUN_OPTIONS)).toEqual({ algorithm: "optimal", objective: "score", weights: null });
    expect(runRequest({ ...DEFAULT_RUN_OPTIONS, algorithm: "stable", objective: "participation" })).toEqual({
      algorithm: "stable",
      objective: null,
      weights: null,
    });
    const custom = { ...customFrom(DEMO_WEIGHTS), role_model: { must: true, points: 10 } };
    expect(runRequest({ ...DEFAULT_RUN_OPTIONS, source: "custom", custom })).toEqual({
      algorithm: "optimal",
      objective: "score",
      weights: { ...DEMO_WEIGHTS, role_model: "must" },
    });
    // Switching back to the programme's settings keeps the custom weights aside, unsent.
    expect(runRequest({ ...DEFAULT_RUN_OPTIONS, source: "settings", custom }).weights).toBeNull();
    expect(effectiveWeights({ ...DEFAULT_RUN_OPTIONS, source: "custom", custom }, DEMO_WEIGHTS)?.role_model).toBe("must");
    expect(effectiveWeights(DEFAULT_RUN_OPTIONS, DEMO_WEIGHTS)).toBe(DEMO_WEIGHTS);
  });

  it("summarises the weights in words", () => {
    expect(weightsSummary({ ...DEMO_WEIGHTS, role_model: "must" }, ruT)).toBe(
      "совпадение запроса и компетенций — 5, ролевая модель — обязательно, разница в классах — 2, выбор наставляемого — 4, выбор наставника — 2",
    );
  });
});

describe("locales", () => {
  // Russian has more plural forms than English: compare the keys without their plural suffix.
  const keys = (node: unknown, prefix = ""): string[] =>
    typeof node === "object" && node !== null
      ? Object.entries(node).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
      : [prefix.slice(0, -1).replace(/_(zero|one|two|few|many|other)$/, "")];
  const unique = (list: string[]) => [...new Set(list)].sort();

  it("has every text of the matching board in both languages", () => {
    expect(unique(keys(en.matching))).toEqual(unique(keys(ru.matching)));
    expect(en.programs.tabs.matching).toBeTruthy();
    expect(ru.programs.tabs.matching).toBe("Подбор пар");
  });

  it("says the accept conflicts in Russian", () => {
    for (const code of ["proposal_accepted", "capacity_exceeded", "mentee_already_paired", "mentee_not_in_base", "mentor_not_ready", "consent_required", "pair_excluded", "programme_closed", "constraint_exists"]) {
      expect((ru.errors.codes as Record<string, string>)[code], code).toMatch(/[а-я]/);
      expect((en.errors.codes as Record<string, string>)[code], code).toBeTruthy();
    }
  });
});
