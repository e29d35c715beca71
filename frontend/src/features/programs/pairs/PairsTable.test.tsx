import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Pair } from "../../../api/types";
import { renderWithProviders } from "../../../test/render";
import { PairsTable } from "./PairsTable";

const person = (id: number, name: string, grade: number) => ({ id, participant_id: 100 + id, name, grade, class_letter: "А" });

function pair(id: number, status: Pair["status"], mentor: string): Pair {
  return {
    id, program_id: 1, form: "student_student", kind: "pair", role_model: "leader_passive",
    mentor: person(id, mentor, 9), mentees: [person(50 + id, `Наставляемый ${id}`, 5)], status, etag: `"pair-${id}-v1"`,
    history: [{ from_status: null, to_status: "proposed", reason: "составлена куратором вручную", actor: "user:6", at: "2026-11-30T10:00:00Z" }],
    created_at: "", updated_at: "", goal: null, matching_run_id: null,
    order: status === "proposed" ? null : { id: 7, number: "52-о", signed_on: "2026-11-09" },
  };
}

const pairs = [pair(1, "proposed", "Алексеев"), pair(2, "approved", "Борисов"), pair(3, "active", "Васильев"), pair(4, "dissolved", "Григорьев")];
const rowOf = (mentor: string) => screen.getByRole("row", { name: new RegExp(mentor) });

describe("PairsTable", () => {
  it("shows each status in Russian with only the actions it allows", () => {
    renderWithProviders(<PairsTable pairs={pairs} canManage selected={[]} onSelect={() => {}} />);
    const proposed = within(rowOf("Алексеев"));
    expect(proposed.getByText("предложена")).toBeTruthy();
    expect(proposed.getByRole("checkbox", { name: /Включить в приказ/ })).toBeTruthy();
    expect(proposed.queryByRole("button", { name: /Начать работу/ })).toBeNull();
    expect(proposed.getByRole("button", { name: /Расформировать/ })).toBeTruthy();

    const approved = within(rowOf("Борисов"));
    expect(approved.getByText("утверждена")).toBeTruthy();
    expect(approved.getByText(/Приказ № 52-о от/)).toBeTruthy();
    expect(approved.queryByRole("checkbox")).toBeNull();
    expect(approved.getByRole("button", { name: /^Начать работу: Борисов/ })).toBeTruthy();
    expect(approved.queryByRole("button", { name: /Завершить/ })).toBeNull();

    const active = within(rowOf("Васильев"));
    expect(active.getByText("работает")).toBeTruthy();
    expect(active.getByRole("button", { name: /^Завершить/ })).toBeTruthy();

    const dissolved = within(rowOf("Григорьев"));
    expect(dissolved.getByText("расформирована")).toBeTruthy();
    expect(dissolved.queryByRole("button", { name: /Расформировать|Начать|Завершить/ })).toBeNull();
    expect(dissolved.getByRole("link", { name: /План развития/ }).getAttribute("href")).toBe("/pairs/4/plan");
  });

  it("offers no actions to those who only look", () => {
    renderWithProviders(<PairsTable pairs={pairs} canManage={false} selected={[]} onSelect={() => {}} />);
    expect(screen.queryByRole("checkbox")).toBeNull();
    expect(screen.queryByRole("button", { name: /Начать работу|Расформировать|Завершить/ })).toBeNull();
  });

  it("selects all proposed pairs from the header and opens a pair's history", async () => {
    const onSelect = vi.fn();
    renderWithProviders(<PairsTable pairs={[...pairs, pair(5, "proposed", "Дмитриев")]} canManage selected={[]} onSelect={onSelect} />);
    await userEvent.click(screen.getByRole("checkbox", { name: "Выбрать все предложенные пары" }));
    expect(onSelect).toHaveBeenCalledWith([1, 5]);

    const history = within(rowOf("Борисов")).getByRole("button", { name: /^История/ });
    expect(history.getAttribute("aria-expanded")).toBe("false");
    await userEvent.click(history);
    expect(history.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByRole("list", { name: /История: Борисов/ }).textContent).toContain("составлена куратором вручную");
  });
});
