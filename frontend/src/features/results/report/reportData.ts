import type { ProgramReport, ReportLine } from "../../../api/types";

/** Rows for a bar chart from the report's lines; a withheld count (null) is left out, not drawn as 0. */
export function chartRows(lines: readonly ReportLine[], label: (key: string) => string): { name: string; count: number }[] {
  return lines.filter((l) => l.count !== null && l.count !== undefined).map((l) => ({ name: label(l.key), count: l.count as number }));
}

/** The roadmap's stages as done and still open (overdue apart), for a stacked bar per stage. */
export function stageRows(report: ProgramReport): { stage: string; done: number; open: number; overdue: number }[] {
  return report.roadmap.stages.map((s) => ({
    stage: String(s.stage_no),
    done: s.done,
    overdue: s.overdue,
    open: Math.max(0, s.total - s.done - s.overdue),
  }));
}

/** Entry and exit means side by side, for the parameters whose figures are shown. */
export function impactRows(report: ProgramReport, name: (code: string) => string): { parameter: string; entry: number; exit: number }[] {
  return report.monitoring.impact
    .filter((i) => typeof i.entry_mean === "number" && typeof i.exit_mean === "number")
    .map((i) => ({ parameter: name(i.parameter), entry: i.entry_mean as number, exit: i.exit_mean as number }));
}

/** A count as the report prints it: «менее 5» when withheld. */
export function countText(count: number | null | undefined, withheld: string): string {
  return count === null || count === undefined ? withheld : String(count);
}
