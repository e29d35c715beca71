// Reading the analytics of both phases: numbers as a Russian reader writes them, which way a
// change goes for each parameter, and the records' measurements as a table to fill.
import type { ImpactStats, Measurement, MeasurementPhase, QuestionSummary } from "../../api/types";
import { localeOf } from "../meetings/meetingTime";
import { parseNumber } from "./answers";

/** Parameters where less is better: a drop in anxiety is the programme working. */
export const LOWER_IS_BETTER: readonly string[] = ["anxiety", "on_register"];

/** The parameters the seeds name, offered first when recording measurements from records. */
export const RECORD_PARAMETERS = ["average_grade", "clubs", "projects", "olympiads", "on_register"] as const;

export function formatNumber(x: number | null | undefined, language: string, digits = 2): string {
  if (x == null || !Number.isFinite(x)) return "—";
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(x);
}

/** «+1,2», «−0,5», «0»: a change always shows its sign. */
export function formatChange(x: number, language: string, digits = 2): string {
  const text = formatNumber(Math.abs(x), language, digits);
  if (text === "0") return "0";
  return `${x > 0 ? "+" : "−"}${text}`;
}

/** «p < 0,001» or «p = 0,034». */
export function formatP(p: number | null | undefined, language: string): string {
  if (p == null || !Number.isFinite(p)) return "p —";
  if (p < 0.001) return `p < ${formatNumber(0.001, language, 3)}`;
  return `p = ${formatNumber(p, language, 3)}`;
}

export type Verdict = "better" | "worse" | "noChange";

/** What a significant change means for this parameter; anything else is no proven change. */
export function verdict(stats: Pick<ImpactStats, "significant" | "mean_change">, parameter: string): Verdict {
  if (!stats.significant || stats.mean_change === 0) return "noChange";
  const up = stats.mean_change > 0;
  return up !== LOWER_IS_BETTER.includes(parameter) ? "better" : "worse";
}

export type EffectSize = "negligible" | "small" | "medium" | "large";

/** Cohen's usual reading of |d|: 0.2 small, 0.5 medium, 0.8 large. */
export function effectSize(d: number | null | undefined): EffectSize | null {
  if (d == null || !Number.isFinite(d)) return null;
  const a = Math.abs(d);
  return a < 0.2 ? "negligible" : a < 0.5 ? "small" : a < 0.8 ? "medium" : "large";
}

/** The question's text for a code the report names (strengths, weaknesses, gaps). */
export function textOf(questions: readonly Pick<QuestionSummary, "code" | "text">[], code: string): string {
  return questions.find((q) => q.code === code)?.text ?? code;
}

/** A distribution ready for a bar chart: a scale's steps in numeric order, options as listed. */
export function distributionRows(summary: Pick<QuestionSummary, "kind" | "distribution">): { value: string; count: number }[] {
  const rows = summary.distribution.map((d) => ({ value: d.value, count: d.count }));
  if (summary.kind === "scale" || summary.kind === "number") rows.sort((a, b) => Number(a.value) - Number(b.value));
  return rows;
}

/** Groups by what they split on, in the order form → role model → algorithm → pair. */
export function groupsBy<G extends { by: string }>(groups: readonly G[]): { by: string; groups: G[] }[] {
  const order = ["form", "role_model", "algorithm", "pair"];
  const bys = [...new Set(groups.map((g) => g.by))].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia === -1 ? order.length : ia) - (ib === -1 ? order.length : ib) || a.localeCompare(b);
  });
  return bys.map((by) => ({ by, groups: groups.filter((g) => g.by === by) }));
}

/** Each person's recorded value of a parameter at a phase, by participant id. */
export function recordedValues(measurements: readonly Measurement[], parameter: string, phase: MeasurementPhase): Map<number, Measurement> {
  const map = new Map<number, Measurement>();
  for (const m of measurements) if (m.parameter === parameter && m.phase === phase) map.set(m.participant_id, m);
  return map;
}

/** The parameters already recorded, the seeds' ones first. */
export function knownParameters(measurements: readonly Pick<Measurement, "parameter">[]): string[] {
  const recorded = new Set(measurements.map((m) => m.parameter));
  return [...RECORD_PARAMETERS, ...[...recorded].filter((p) => !(RECORD_PARAMETERS as readonly string[]).includes(p)).sort()];
}

/**
 * The measurements a filled column makes: one per person with a number typed (blank is skipped),
 * or the people whose entry is not a number.
 */
export function measurementItems(
  typed: Readonly<Record<number, string>>,
  parameter: string,
  phase: MeasurementPhase,
  measuredOn: string | null,
): { items: Measurement[]; bad: number[] } {
  const items: Measurement[] = [];
  const bad: number[] = [];
  for (const [id, text] of Object.entries(typed)) {
    const value = parseNumber(text);
    if (value === null) continue;
    if (Number.isNaN(value)) bad.push(Number(id));
    else items.push({ participant_id: Number(id), parameter, phase, value, measured_on: measuredOn || null });
  }
  return { items, bad };
}

/** A refused row of a measurements file, as the service names it (`rows[i].column`): line and column. */
export interface FileRowProblem {
  /** The line in the file: the header is line 1, so the first row is line 2. */
  line: number;
  column: string;
}

export function fileRowProblem(field: string): FileRowProblem | null {
  const match = /^rows\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (!match) return null;
  return { line: Number(match[1]) + 2, column: match[2] ?? "" };
}
