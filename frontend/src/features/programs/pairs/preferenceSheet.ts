import type { PreferenceSheet, SheetInput, Side } from "../../../api/types";
import { rowKey } from "./planForm";

export interface RankRow {
  key: string;
  /** The chosen person's enrolment id as Select keeps it. */
  id: string | null;
  rank: number | string;
}

export interface SheetFormValues {
  attended: boolean;
  ranks: RankRow[];
}

export const otherSide = (side: Side): Side => (side === "mentee" ? "mentor" : "mentee");

export function sheetFormValues(sheet: PreferenceSheet | undefined): SheetFormValues {
  if (!sheet) return { attended: true, ranks: [] };
  return {
    attended: sheet.attended_group_meeting,
    ranks: [...sheet.ranks].sort((a, b) => a.rank - b.rank).map((r) => ({ key: rowKey(), id: String(r.id), rank: r.rank })),
  };
}

/** A new choice ranks after the last one; ties are made by editing the number. */
export function newRankRow(ranks: readonly RankRow[], limit: number): RankRow {
  const highest = ranks.reduce((max, r) => Math.max(max, Number(r.rank) || 0), 0);
  return { key: rowKey(), id: null, rank: Math.min(limit, highest + 1) };
}

export function canAddChoice(ranks: readonly RankRow[], limit: number): boolean {
  return ranks.length < limit;
}

/** The people one row may still pick: anyone not already chosen in another row (no duplicates). */
export function choicesFor<T extends { value: string }>(options: readonly T[], ranks: readonly RankRow[], rowIndex: number): T[] {
  const taken = new Set(ranks.filter((_, i) => i !== rowIndex).map((r) => r.id).filter(Boolean));
  return options.filter((o) => !taken.has(o.value));
}

/** Per row, what is wrong with it, keyed as the form names its fields; empty when the sheet is fine. */
export function sheetErrors(values: SheetFormValues, limit: number, messages: { required: string; duplicate: string; rank: string }) {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  values.ranks.forEach((row, i) => {
    if (!row.id) errors[`ranks.${i}.id`] = messages.required;
    else if (seen.has(row.id)) errors[`ranks.${i}.id`] = messages.duplicate;
    else seen.add(row.id);
    const rank = Number(row.rank);
    if (!Number.isInteger(rank) || rank < 1 || rank > limit) errors[`ranks.${i}.rank`] = messages.rank;
  });
  return errors;
}

export function sheetInput(side: Side, chooserId: number, values: SheetFormValues): SheetInput {
  return {
    side,
    chooser_id: chooserId,
    attended_group_meeting: values.attended,
    ranks: values.ranks.filter((r) => r.id).map((r) => ({ id: Number(r.id), rank: Number(r.rank) })),
  };
}

/** Who takes part in the preference survey: mentees in the base (waiting or matched) and mentors in the base. */
export function surveyed<T extends { status: string }>(side: Side, people: readonly T[]): T[] {
  const statuses = side === "mentee" ? ["in_base", "awaiting_support", "matched"] : ["in_base"];
  return people.filter((p) => statuses.includes(p.status));
}
