import type { AgeGroup } from "../../../api/types";

/** School ages shown even when no count is stored for them yet. */
export const SCHOOL_AGES = Array.from({ length: 13 }, (_, i) => 6 + i);

/** The target model's headline indicator counts children aged 10 to 18. */
export const TARGET_AGES = { from: 10, to: 18 };

/** The stored age groups merged over the school ages, sorted, with zeros for the missing ones. */
export function ageRows(stored: readonly AgeGroup[]): AgeGroup[] {
  const byAge = new Map<number, number>(SCHOOL_AGES.map((age) => [age, 0]));
  for (const group of stored) byAge.set(group.age, group.students);
  return [...byAge].sort(([a], [b]) => a - b).map(([age, students]) => ({ age, students }));
}

export function totalStudents(rows: readonly AgeGroup[]): number {
  return rows.reduce((sum, row) => sum + row.students, 0);
}

export function targetAgeStudents(rows: readonly AgeGroup[]): number {
  return totalStudents(rows.filter((r) => r.age >= TARGET_AGES.from && r.age <= TARGET_AGES.to));
}
