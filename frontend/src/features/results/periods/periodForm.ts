import type { NewReportPeriod } from "../../../api/types";

export type PeriodFormValues = {
  title: string;
  reference_date: string;
  opens_on: string;
  closes_on: string;
  age_from: number;
  age_to: number;
};

/** A new autumn collection: reference date 1 October (or yesterday, early in the year). */
export function initialPeriod(today: Date): PeriodFormValues {
  const year = today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const october = new Date(Date.UTC(year, 9, 1));
  const yesterday = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() - 1));
  const reference = october < yesterday ? october : yesterday;
  return {
    title: "",
    reference_date: iso(reference),
    opens_on: iso(reference),
    closes_on: iso(new Date(Date.UTC(year, 11, 20))),
    age_from: 10,
    age_to: 18,
  };
}

/** Field errors the form can tell before asking the service (which checks them again). */
export function validatePeriod(v: PeriodFormValues): Partial<Record<keyof PeriodFormValues, string>> {
  const errors: Partial<Record<keyof PeriodFormValues, string>> = {};
  if (!v.title.trim()) errors.title = "results.periods.errors.title";
  if (!v.reference_date) errors.reference_date = "results.periods.errors.date";
  if (!v.opens_on) errors.opens_on = "results.periods.errors.date";
  if (!v.closes_on) errors.closes_on = "results.periods.errors.date";
  else if (v.opens_on && v.closes_on < v.opens_on) errors.closes_on = "results.periods.errors.window";
  if (v.age_from < 5 || v.age_from > 30) errors.age_from = "results.periods.errors.age";
  if (v.age_to < 5 || v.age_to > 30) errors.age_to = "results.periods.errors.age";
  else if (v.age_to < v.age_from) errors.age_to = "results.periods.errors.band";
  return errors;
}

export function toNewPeriod(v: PeriodFormValues): NewReportPeriod {
  return { ...v, title: v.title.trim() };
}
