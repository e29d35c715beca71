import { describe, expect, it } from "vitest";
import { everyStageHasRow, stagesWithoutRows } from "./roadmapTemplate";

describe("roadmap template stages", () => {
  it("needs at least one row for every stage 1–7", () => {
    const all = [1, 2, 3, 4, 5, 6, 7, 3].map((stage_no) => ({ stage_no }));
    expect(everyStageHasRow(all)).toBe(true);
    expect(stagesWithoutRows(all)).toEqual([]);

    const gaps = [1, 1, 2, 4, 6].map((stage_no) => ({ stage_no }));
    expect(everyStageHasRow(gaps)).toBe(false);
    expect(stagesWithoutRows(gaps)).toEqual([3, 5, 7]);
    expect(stagesWithoutRows([])).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
