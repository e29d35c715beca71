import { describe, expect, it } from "vitest";
import type { Me, SchoolRow } from "../../api/types";
import en from "../../locales/en.json";
import ru from "../../locales/ru.json";
import { cleanQuery, formatCount, formatShare, reportingScopes, seesResults, shareBars } from "./figures";
import { initialPeriod, validatePeriod } from "./periods/periodForm";

const row = (school_id: number, school_name: string, share: number | null) => ({ school_id, school_name, share }) as SchoolRow;

describe("figures of the institute's view", () => {
  it("shows hidden counts as «<5» and shares as percents", () => {
    expect(formatCount(null, "ru")).toBe("<5");
    expect(formatCount(1234, "en")).toBe("1,234");
    expect(formatShare(0.0488, "en")).toBe("4.9%");
    expect(formatShare(0.0488, "ru")).toMatch(/^4,9\s?%$/);
    expect(formatShare(null, "ru")).toBe("—");
  });

  it("charts the highest shares first, leaving hidden ones out", () => {
    const bars = shareBars([row(1, "Б", 0.05), row(2, "А", 0.0912), row(3, "В", null), row(4, "Г", 0.05)], 2);
    expect(bars).toEqual([
      { school: "А", share: 9.1 },
      { school: "Б", share: 5 },
    ]);
  });

  it("drops empty filters so equal queries share a cache entry", () => {
    expect(cleanQuery({ q: "", parent_id: undefined, sort: "share", order: "desc" })).toEqual({ sort: "share", order: "desc" });
  });

  it("opens for the user's regions and institutes, and everything for the system administrator", () => {
    const me = {
      is_system_admin: false,
      memberships: [
        { organization_id: 1, organization_name: "Приморский край", organization_kind: "region", role: "region_admin" },
        { organization_id: 3, organization_name: "Школа", organization_kind: "school", role: "curator" },
      ],
    } as unknown as Me;
    expect(reportingScopes(me, undefined)).toEqual([{ id: 1, name: "Приморский край", kind: "region" }]);
    expect(seesResults(me)).toBe(true);
    const curator = { is_system_admin: false, memberships: [me.memberships[1]] } as unknown as Me;
    expect(seesResults(curator)).toBe(false);
    expect(reportingScopes(curator, undefined)).toEqual([]);
  });
});

describe("a new report period", () => {
  it("starts on 1 October of the academic year, never in the future", () => {
    expect(initialPeriod(new Date(2026, 10, 30)).reference_date).toBe("2026-10-01");
    expect(initialPeriod(new Date(2026, 8, 10)).reference_date).toBe("2026-09-09");
  });

  it("refuses a window that ends before it starts and an inverted age band", () => {
    const ok = { ...initialPeriod(new Date(2026, 10, 30)), title: "Осень" };
    expect(validatePeriod(ok)).toEqual({});
    expect(validatePeriod({ ...ok, closes_on: "2026-09-01" })).toEqual({ closes_on: "results.periods.errors.window" });
    expect(validatePeriod({ ...ok, age_from: 14, age_to: 12 })).toEqual({ age_to: "results.periods.errors.band" });
    expect(validatePeriod({ ...ok, title: "  " })).toEqual({ title: "results.periods.errors.title" });
  });
});

describe("the institute's view in both languages", () => {
  it("has the same strings in Russian and English", () => {
    const keys = (o: object, prefix = ""): string[] =>
      Object.entries(o).flatMap(([key, value]) =>
        typeof value === "object" && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key.replace(/_(one|few|many|other)$/, "")}`],
      );
    expect([...new Set(keys(en.results))].sort()).toEqual([...new Set(keys(ru.results))].sort());
  });
});
