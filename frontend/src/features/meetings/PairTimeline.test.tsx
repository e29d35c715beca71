import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Meeting, Pair } from "../../api/types";
import { renderWithProviders } from "../../test/render";
import { MonthGrid } from "./MonthGrid";
import { PairTimeline } from "./PairTimeline";

// Mantine's autosizing notes fields listen for web fonts, which jsdom does not have.
if (!("fonts" in document)) {
  Object.defineProperty(document, "fonts", { value: { addEventListener: () => {}, removeEventListener: () => {} } });
}

const VLADIVOSTOK = "Asia/Vladivostok";
const person = (id: number, name: string) => ({ id, participant_id: id, name, grade: 9, class_letter: "А" });
const pair: Pair = {
  id: 5, program_id: 1, form: "student_student", kind: "pair", role_model: null,
  mentor: person(1, "Павлов Игорь"), mentees: [person(2, "Соколов Максим")], status: "active", history: [], etag: '"pair-5-v1"',
  created_at: "", updated_at: "", goal: null, matching_run_id: null, order: { id: 3, number: "61-о", signed_on: "2026-11-10" },
};

function meeting(id: number, kind: Meeting["kind"], startsAt: string, status: Meeting["status"], extra: Partial<Meeting> = {}): Meeting {
  return {
    id, pair_id: 5, kind, status, starts_at: startsAt, ends_at: new Date(new Date(startsAt).getTime() + 45 * 60_000).toISOString(),
    format: "in_person", place: "Библиотека, 2 этаж", link: null, topic: null, plan_task: null, notes: null,
    cancelled_by: null, cancel_reason: null, mentor_rating: null, mentor_feedback: null, mentee_rating: null, mentee_feedback: null,
    attendance: [
      { participant_id: 1, name: "Павлов Игорь", role: "mentor", present: true },
      { participant_id: 2, name: "Соколов Максим", role: "mentee", present: status === "held" ? true : null },
    ],
    etag: `"meeting-${id}-v1"`, created_at: startsAt, updated_at: startsAt, ...extra,
  };
}

const meetings = [
  meeting(11, "introduction", "2026-11-12T05:00:00Z", "held", { mentor_rating: 5, mentor_feedback: "Хорошее начало", notes: "Познакомились" }),
  meeting(12, "trial", "2026-11-19T05:00:00Z", "cancelled", { cancelled_by: "mentor", cancel_reason: "Заболел наставляемый" }),
  meeting(13, "trial", "2099-11-26T05:00:00Z", "scheduled", { format: "online", place: null, link: "https://sferum.ru/call/1" }),
];

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" } });

afterEach(() => vi.unstubAllGlobals());

describe("PairTimeline", () => {
  it("shows the meetings in sequence with their status, details, feedback and the next step", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => json({ items: meetings })));
    renderWithProviders(<PairTimeline pair={pair} seat="staff" canWrite timeZone={VLADIVOSTOK} />);

    const list = await screen.findByRole("list", { name: "Встречи" });
    const items = within(list).getAllByRole("listitem").filter((li) => li.id.startsWith("meeting-"));
    expect(items.map((li) => li.getAttribute("data-meeting-kind"))).toEqual(["introduction", "trial", "trial"]);

    const intro = within(items[0]);
    expect(intro.getByText("Встреча-знакомство")).toBeTruthy();
    expect(intro.getByText("проведена")).toBeTruthy();
    expect(intro.getByText("чт, 12 ноября 2026 г., 15:00–15:45")).toBeTruthy();
    expect(intro.getByRole("img", { name: "Оценка: 5 из 5" })).toBeTruthy();
    expect(intro.getByText("«Хорошее начало»")).toBeTruthy();
    expect(intro.getByRole("button", { name: /^Отзыв: Встреча-знакомство/ })).toBeTruthy();
    expect(intro.queryByRole("button", { name: /Отменить встречу/ })).toBeNull();

    const cancelled = within(items[1]);
    expect(cancelled.getByText("отменена")).toBeTruthy();
    expect(cancelled.getByText("Отменил(а) наставник: Заболел наставляемый")).toBeTruthy();
    expect(cancelled.queryByRole("button")).toBeNull();

    const ahead = within(items[2]);
    expect(ahead.getByText("запланирована")).toBeTruthy();
    expect(ahead.getByRole("link", { name: "Ссылка на встречу" }).getAttribute("href")).toBe("https://sferum.ru/call/1");
    expect(ahead.queryByRole("button", { name: /Отметить проведённой/ })).toBeNull();
    expect(ahead.getByRole("button", { name: /^Перенести/ })).toBeTruthy();

    expect(screen.getByTestId("next-step").textContent).toBe("Следующий шаг: встреча-планирование");
  });

  it("shows the service's refusal prominently when a meeting comes out of order", async () => {
    const fetchMock = vi.fn(async (request: Request) =>
      request.method === "POST"
        ? json({ type: "urn:nastavnik:problem:meeting_out_of_order", title: "Conflict", status: 409, code: "meeting_out_of_order", detail: "сначала должна пройти встреча-планирование, а потом регулярная встреча" }, 409)
        : json({ items: [] }),
    );
    vi.stubGlobal("fetch", fetchMock);
    renderWithProviders(<PairTimeline pair={pair} seat="mentor" canWrite timeZone={VLADIVOSTOK} />);

    expect((await screen.findByTestId("next-step")).textContent).toBe("Следующий шаг: встреча-знакомство");
    await userEvent.click(screen.getByRole("button", { name: /^Отметить встречу/ }));
    const dialog = await screen.findByRole("dialog", { name: "Отметить встречу" });
    const kind = within(dialog).getByLabelText("Какая встреча") as HTMLSelectElement;
    expect(kind.value).toBe("introduction");
    await userEvent.selectOptions(kind, "regular");
    await userEvent.clear(within(dialog).getByLabelText(/^Дата/));
    await userEvent.type(within(dialog).getByLabelText(/^Дата/), "2026-11-12");
    await userEvent.click(within(dialog).getByRole("button", { name: "Отметить встречу" }));

    const refusal = await within(dialog).findByRole("alert");
    expect(refusal.textContent).toContain("Сначала должна пройти встреча-планирование, а потом регулярная встреча.");
    const post = fetchMock.mock.calls.map(([r]) => r).find((r) => r.method === "POST");
    expect(post?.url).toMatch(/\/api\/v1\/pairs\/5\/meetings$/);
    expect(await post?.clone().json()).toMatchObject({ kind: "regular", status: "held", starts_at: expect.stringMatching(/^2026-11-1[12]T/) });
  });

  it("offers nothing to change once the pair's work has ended", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => json({ items: meetings })));
    renderWithProviders(<PairTimeline pair={{ ...pair, status: "completed" }} seat="staff" canWrite timeZone={VLADIVOSTOK} />);
    await screen.findByRole("list", { name: "Встречи" });
    expect(screen.getByText(/Работа пары окончена/)).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
  });
});

describe("MonthGrid", () => {
  it("puts each meeting on its school day, coloured by status, linking to the pair's timeline", () => {
    renderWithProviders(<MonthGrid month={{ year: 2026, month: 11 }} meetings={meetings.slice(0, 2)} timeZone={VLADIVOSTOK} today="2026-11-20" />);
    const table = screen.getByRole("table", { name: "Ноябрь 2026" });
    expect(within(table).getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"]);
    const link = within(table).getByRole("link", { name: "15:00, Встреча-знакомство, Павлов Игорь и Соколов Максим, проведена" });
    expect(link.getAttribute("href")).toBe("/pairs/5/meetings#meeting-11");
    expect(within(table).getByRole("link", { name: /Пробная рабочая встреча.*отменена/ })).toBeTruthy();
    expect(table.querySelector('[aria-current="date"]')?.textContent).toContain("20");
  });
});
