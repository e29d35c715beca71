import { describe, expect, it } from "vitest";
import { ageRows, targetAgeStudents, totalStudents } from "./contingent";

describe("contingent rows", () => {
  it("fills the school ages with zeros and keeps stored ages outside them", () => {
    const rows = ageRows([
      { age: 10, students: 25 },
      { age: 19, students: 2 },
    ]);
    expect(rows[0]).toEqual({ age: 6, students: 0 });
    expect(rows.find((r) => r.age === 10)?.students).toBe(25);
    expect(rows.at(-1)).toEqual({ age: 19, students: 2 });
    expect(totalStudents(rows)).toBe(27);
    expect(targetAgeStudents(rows)).toBe(25);
  });
});
