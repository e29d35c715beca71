import type { Plan, PlanInput } from "../../../api/types";

export interface PlanTaskValues {
  /** A stable key for the list, not sent. */
  key: string;
  title: string;
  due_on: string;
  done: boolean;
}

export interface PlanFormValues {
  goals: { key: string; text: string }[];
  tasks: PlanTaskValues[];
}

let nextKey = 0;
export const rowKey = () => `row-${(nextKey += 1)}`;

export function emptyTask(): PlanTaskValues {
  return { key: rowKey(), title: "", due_on: "", done: false };
}

export function planFormValues(plan: Pick<Plan, "goals" | "tasks">): PlanFormValues {
  return {
    goals: plan.goals.map((text) => ({ key: rowKey(), text })),
    tasks: plan.tasks.map((t) => ({ key: rowKey(), title: t.title, due_on: t.due_on ?? "", done: t.done ?? false })),
  };
}

/** Blank goals are dropped; tasks keep their order, without a due date when none is set. */
export function planInput(values: PlanFormValues): PlanInput {
  return {
    goals: values.goals.map((g) => g.text.trim()).filter(Boolean),
    tasks: values.tasks.map((t) => ({ title: t.title.trim(), due_on: t.due_on || null, done: t.done })),
  };
}

/** Done out of all tasks, as the progress bar draws it. */
export function planProgress(tasks: readonly { done?: boolean }[]): { done: number; total: number; percent: number } {
  const total = tasks.length;
  const done = tasks.filter((t) => t.done).length;
  return { done, total, percent: total === 0 ? 0 : Math.round((done / total) * 100) };
}

/** The service names fields by JSON path (`tasks[2].due_on`); the form by dots (`tasks.2.due_on`). */
export function formFieldPath(field: string): string {
  return field.replace(/\[(\d+)\]/g, ".$1");
}
