import { describe, expect, it } from "vitest";
import type { ProgramReport } from "../../../api/types";
import { chartRows, countText, impactRows, stageRows } from "./reportData";

const stage = (stage_no: number, done: number, total: number, overdue: number) => ({ stage_no, title: `Этап ${stage_no}`, done, total, overdue, percent: 0 });

describe("the programme report's charts", () => {
  it("leave withheld counts out instead of drawing them as zero", () => {
    const rows = chartRows([{ key: "student_student", count: 7 }, { key: "teacher_teacher", count: null }], (k) => k.toUpperCase());
    expect(rows).toEqual([{ name: "STUDENT_STUDENT", count: 7 }]);
  });

  it("split each stage into done, overdue and still open", () => {
    const report = { roadmap: { stages: [stage(1, 2, 3, 1), stage(2, 0, 4, 0)] } } as unknown as ProgramReport;
    expect(stageRows(report)).toEqual([
      { stage: "1", done: 2, overdue: 1, open: 0 },
      { stage: "2", done: 0, overdue: 0, open: 4 },
    ]);
  });

  it("show entry and exit only where the figures are shown", () => {
    const report = {
      monitoring: {
        impact: [
          { parameter: "engagement", source: "survey", n: 12, entry_mean: 4.5, exit_mean: 6.1 },
          { parameter: "clubs", source: "records", n: null },
        ],
      },
    } as unknown as ProgramReport;
    expect(impactRows(report, (c) => c)).toEqual([{ parameter: "engagement", entry: 4.5, exit: 6.1 }]);
  });

  it("print a withheld count in words", () => {
    expect(countText(null, "менее 5")).toBe("менее 5");
    expect(countText(0, "менее 5")).toBe("0");
  });
});
