import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiProblem } from "../../../api/problem";
import type { MatchingRun, PairPerson, Proposal } from "../../../api/types";
import { renderWithProviders } from "../../../test/render";
import { ProposalsList } from "./ProposalsList";

const hooks = vi.hoisted(() => ({
  accept: { mutate: vi.fn(), isPending: false, error: null as unknown },
  lock: { mutate: vi.fn(), isPending: false, error: null as unknown },
}));

vi.mock("../../../api/matching", () => ({
  usePairConstraints: () => ({ data: [] }),
  useCreateConstraint: () => hooks.lock,
  useDeleteConstraint: () => ({ mutate: vi.fn(), isPending: false }),
  useAcceptProposals: () => hooks.accept,
}));
vi.mock("../bases/TagMultiSelect", () => ({
  useTagLabels: () => (code: string) => ({ olympiads: "олимпиады", leadership: "лидерство" })[code] ?? code,
}));

const person = (id: number, name: string, grade: number): PairPerson => ({ id, participant_id: 100 + id, name, grade, class_letter: "А" });

function proposal(id: number, mentor: PairPerson, mentee: PairPerson, extra: Partial<Proposal> = {}): Proposal {
  return {
    id, mentor, mentee, score: 1000, locked: false, role_model: "leader_passive", pair_id: null,
    contributions: [
      { criterion: "request_tags", points: 500, detail: { kind: "tags", covered: ["olympiads", "leadership"], missing: [] } },
      { criterion: "role_model", points: 300, detail: { kind: "role_model", role_model: "leader_passive", carried: true } },
      { criterion: "grade_distance", points: 200, detail: { kind: "grade_distance", distance: 2 } },
      { criterion: "mentee_preference", points: 0, detail: { kind: "unranked" } },
      { criterion: "mentor_preference", points: 0, detail: { kind: "unranked" } },
    ],
    ...extra,
  };
}

const run: MatchingRun = {
  id: 7, program_id: 1, form: "student_student", algorithm: "optimal", objective: "score",
  weights: { request_tags: 5, role_model: 3, grade_distance: 2, mentee_preference: 4, mentor_preference: 2 },
  max_score: 1600,
  inputs: { mentees: 4, mentors: 3, eligible_mentors: 3, free_places: 3, locked: 1, excluded: 0, preference_sheets: 0, allow_untrained_mentors: false },
  stats: { mentees: 4, matched: 3, matched_share: 0.75, mean_score: 1000, first_choice_share: 0 },
  proposals: [
    proposal(11, person(1, "Морозова Дарья", 10), person(21, "Орлов Кирилл", 8)),
    proposal(12, person(2, "Козлов Артём", 9), person(22, "Волков Иван", 7), { pair_id: 40 }),
    proposal(13, person(3, "Семёнов Егор", 10), person(23, "Иванов Александр", 7), { locked: true }),
  ],
  unmatched: [], created_at: "2026-11-30T10:00:00Z", accepted_at: null,
};

const renderList = (canAccept = true) =>
  renderWithProviders(
    <ProposalsList run={run} programId={1} schoolId={3} canAccept={canAccept} canLock={canAccept} canExclude={canAccept} onConstraintsChanged={() => {}} />,
  );
const card = (name: RegExp) => within(screen.getByRole("listitem", { name }));

describe("ProposalsList", () => {
  beforeEach(() => {
    hooks.accept.mutate.mockReset();
    hooks.accept.error = null;
    hooks.lock.mutate.mockReset();
  });

  it("shows each proposal's score out of the maximum and its reasons in Russian", () => {
    renderList();
    const first = card(/^Морозова Дарья и Орлов Кирилл$/);
    const bar = first.getByRole("progressbar");
    expect(bar.getAttribute("aria-label")).toBe(
      "оценка 1000 из 1600: совпадение запроса и компетенций 500, ролевая модель 300, разница в классах 200",
    );
    expect(bar.getAttribute("aria-valuemax")).toBe("1600");
    const reasons = first.getByRole("list", { name: /^Почему предложена пара/ });
    expect(reasons.textContent).toContain("совпали запросы: олимпиады, лидерство");
    expect(reasons.textContent).toContain("ролевая модель «лидер–пассивный» подходит");
    expect(reasons.textContent).toContain("наставник на 2 класса старше");
    expect(reasons.textContent).toContain("наставляемый не выбирал(а) этого наставника");
    expect(card(/^Семёнов Егор/).getByText("🔒 закреплена")).toBeTruthy();
  });

  it("selects every proposal not yet accepted and accepts them", async () => {
    renderList();
    expect(card(/^Морозова Дарья/).getByRole("checkbox", { name: "Принять: Морозова Дарья и Орлов Кирилл" })).toHaveProperty("checked", true);
    expect(card(/^Семёнов Егор/).getByRole("checkbox")).toHaveProperty("checked", true);
    const accepted = card(/^Козлов Артём/);
    expect(accepted.queryByRole("checkbox")).toBeNull();
    expect(accepted.getByText("принята")).toBeTruthy();
    expect(accepted.queryByRole("button", { name: /Закрепить|Исключить/ })).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "Принять выбранные (2)" }));
    expect(hooks.accept.mutate).toHaveBeenCalledWith({ runId: 7, proposalIds: [11, 13] }, expect.anything());

    await userEvent.click(card(/^Морозова Дарья/).getByRole("checkbox"));
    await userEvent.click(screen.getByRole("button", { name: "Принять выбранные (1)" }));
    expect(hooks.accept.mutate).toHaveBeenLastCalledWith({ runId: 7, proposalIds: [13] }, expect.anything());

    await userEvent.click(screen.getByRole("checkbox", { name: "Выбрать все непринятые предложения" }));
    expect(screen.getByRole("button", { name: "Принять выбранные (2)" })).toBeTruthy();
  });

  it("locks a proposal with its people's enrolment ids", async () => {
    renderList();
    await userEvent.click(screen.getByRole("button", { name: "Закрепить пару: Морозова Дарья и Орлов Кирилл" }));
    expect(hooks.lock.mutate).toHaveBeenCalledWith({ kind: "lock", mentor_id: 1, mentee_id: 21 }, expect.anything());
  });

  it("says in Russian why accepting failed", () => {
    hooks.accept.error = new ApiProblem(409, { status: 409, code: "mentee_already_paired", detail: "mentee 22 is paired" });
    renderList();
    expect(screen.getByRole("alert").textContent).toContain("Наставляемый уже состоит в действующей паре");
    expect(screen.getByText(/Запустите подбор заново/)).toBeTruthy();
  });

  it("offers nothing to change to those who only look", () => {
    renderList(false);
    expect(screen.queryByRole("checkbox")).toBeNull();
    expect(screen.queryByRole("button", { name: /Принять|Закрепить|Исключить/ })).toBeNull();
  });
});
