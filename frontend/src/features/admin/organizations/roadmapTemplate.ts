import type { FieldError } from "../../../api/problem";
import type { TemplateActivity } from "../../../api/types";

export const TEMPLATE_STAGES = [1, 2, 3, 4, 5, 6, 7] as const;

/** Calendar months in the order of an academic year, September first. */
export const ACADEMIC_MONTHS = [9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8] as const;

/** One editable row: the activity plus a key that survives reordering. */
export interface TemplateRow extends TemplateActivity {
  key: number;
}

let nextKey = 1;

export function newRow(stageNo: number, month = 9): TemplateRow {
  return {
    key: nextKey++,
    stage_no: stageNo,
    title: "",
    content: "",
    month,
    responsible_role: null,
    expected_result: null,
  };
}

export function rowsFromItems(items: TemplateActivity[]): TemplateRow[] {
  return sortByStage(items.map((item) => ({ ...item, key: nextKey++ })));
}

/** Rows by stage, keeping the order within a stage (Array.prototype.sort is stable). */
export function sortByStage<T extends Pick<TemplateActivity, "stage_no">>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.stage_no - b.stage_no);
}

/** The stages 1–7 that have no row: the service refuses a template with any. */
export function stagesWithoutRows(rows: Pick<TemplateActivity, "stage_no">[]): number[] {
  const present = new Set(rows.map((row) => row.stage_no));
  return TEMPLATE_STAGES.filter((stage) => !present.has(stage));
}

export function everyStageHasRow(rows: Pick<TemplateActivity, "stage_no">[]): boolean {
  return stagesWithoutRows(rows).length === 0;
}

/** The body the service takes: rows without their keys, blank optional text as null. */
export function itemsFromRows(rows: TemplateRow[]): TemplateActivity[] {
  return rows.map(({ key: _key, ...item }) => ({
    ...item,
    title: item.title.trim(),
    content: item.content.trim(),
    expected_result: item.expected_result?.trim() ? item.expected_result.trim() : null,
  }));
}

/**
 * The service's field errors (`items[3].month`) placed on the rows that were sent, keyed
 * `<row key>.<field>`; errors that name no row go under their own field name.
 */
export function rowFieldErrors(errors: FieldError[], sent: TemplateRow[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const match = /^items\[(\d+)\]\.(\w+)$/.exec(error.field);
    const row = match ? sent[Number(match[1])] : undefined;
    out[row && match ? `${row.key}.${match[2]}` : error.field] = error.message;
  }
  return out;
}

/** Where a field error such as `items[3].month` points in the sent rows: stage and row within it (1-based). */
export function rowPosition(field: string, sent: Pick<TemplateActivity, "stage_no">[]): { stage: number; row: number } | null {
  const match = /^items\[(\d+)\]/.exec(field);
  if (!match) return null;
  const index = Number(match[1]);
  const target = sent[index];
  if (!target) return null;
  const row = sent.slice(0, index + 1).filter((item) => item.stage_no === target.stage_no).length;
  return { stage: target.stage_no, row };
}
