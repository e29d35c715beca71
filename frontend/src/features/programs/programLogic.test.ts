import { describe, expect, it } from "vitest";
import type { Program } from "../../api/types";
import { emptyProgramForm, programBody, programFormValues, programPatch } from "./programForm";
import { isClosed, nextProgramStatus } from "./programStatus";
import { academicYearOptions, formatDay, percentOf } from "./progress";
import { canMove, selectableStatuses } from "./roadmap/activityStatus";
import { stageTitle } from "./roadmap/stageTitles";

describe("activity statuses", () => {
  it("offers the current status first, then only the allowed moves", () => {
    expect(selectableStatuses("planned")).toEqual(["planned", "in_progress", "done", "cancelled"]);
    expect(selectableStatuses("in_progress")).toEqual(["in_progress", "planned", "done", "cancelled"]);
    expect(selectableStatuses("done")).toEqual(["done", "in_progress"]);
    expect(selectableStatuses("cancelled")).toEqual(["cancelled", "planned"]);
  });

  it("reopens done and cancelled activities instead of jumping across", () => {
    expect(canMove("done", "planned")).toBe(false);
    expect(canMove("done", "cancelled")).toBe(false);
    expect(canMove("cancelled", "done")).toBe(false);
    expect(canMove("cancelled", "planned")).toBe(true);
  });
});

describe("programme statuses", () => {
  it("moves forward one step at a time and stops at archived", () => {
    expect(nextProgramStatus("draft")).toBe("active");
    expect(nextProgramStatus("active")).toBe("completed");
    expect(nextProgramStatus("completed")).toBe("archived");
    expect(nextProgramStatus("archived")).toBeNull();
  });

  it("closes completed and archived programmes", () => {
    expect([isClosed("draft"), isClosed("active"), isClosed("completed"), isClosed("archived")]).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });
});

describe("progress and dates", () => {
  it("keeps the percent whole and within bounds", () => {
    expect(percentOf({ done: 1, total: 3, overdue: 0, percent: 33.333 })).toBe(33);
    expect(percentOf({ done: 0, total: 0, overdue: 0, percent: Number.NaN })).toBe(0);
    expect(percentOf({ done: 5, total: 4, overdue: 0, percent: 125 })).toBe(100);
  });

  it("starts the academic year on 1 September", () => {
    expect(academicYearOptions(new Date(2026, 7, 31))).toEqual(["2024/2025", "2025/2026", "2026/2027", "2027/2028"]);
    expect(academicYearOptions(new Date(2026, 8, 1))[1]).toBe("2026/2027");
  });

  it("formats a calendar day without a time-zone shift", () => {
    expect(formatDay("2026-09-01", "ru")).toMatch(/^1 сент/);
    expect(formatDay(null, "ru")).toBe("—");
  });
});

describe("stage titles", () => {
  it("keeps the service's Russian title and replaces it in English by number", () => {
    const stage = { stage_no: 5, title: "Формирование наставнических пар / групп" };
    expect(stageTitle(stage, "ru")).toBe(stage.title);
    expect(stageTitle(stage, "en")).toBe("Forming pairs and groups");
  });
});

describe("programme form", () => {
  it("turns blanks into null and tasks into one per line", () => {
    const values = { ...emptyProgramForm("2026/2027"), title: "  Программа  ", tasks: "Первая\n\n  Вторая \n", curator_ids: ["7"] };
    const body = programBody(values);
    expect(body).toMatchObject({ title: "Программа", start_date: null, goal: null, coordinator_id: null, curator_ids: [7] });
    expect(body.tasks).toEqual(["Первая", "Вторая"]);
  });

  it("round-trips a programme through the form", () => {
    const program: Program = {
      id: 1, school_id: 2, title: "T", academic_year: "2026/2027", start_date: "2026-09-01", end_date: "2027-05-31",
      forms: ["student_student"], coordinator_id: 3, curator_ids: [4, 5], contact_name: null, contact_phone: null,
      contact_email: "a@b.ru", goal: "G", tasks: ["a", "b"], status: "draft",
      progress: { done: 0, total: 0, overdue: 0, percent: 0 }, created_at: "", updated_at: "",
    };
    const body = programBody(programFormValues(program));
    expect(programPatch(programFormValues(program))).not.toHaveProperty("academic_year");
    expect(body).toMatchObject({ start_date: "2026-09-01", end_date: "2027-05-31", coordinator_id: 3, curator_ids: [4, 5], tasks: ["a", "b"] });
  });
});
