import { describe, expect, it } from "vitest";
import { formatRating, formatShare, paragraphs, verifyUrl } from "./awardTexts";

describe("award texts", () => {
  it("formats ratings and shares in the user's language, a dash for none", () => {
    expect(formatRating(4.25, "ru")).toBe("4,3");
    expect(formatRating(4.25, "en")).toBe("4.3");
    expect(formatRating(null, "ru")).toBe("—");
    expect(formatShare(0.5, "en")).toBe("50%");
    expect(formatShare(undefined, "ru")).toBe("—");
  });

  it("builds the verification address and splits a write-up into paragraphs", () => {
    expect(verifyUrl("https://school.ru/", "/verify/NST-AB12-CD34")).toBe("https://school.ru/verify/NST-AB12-CD34");
    expect(paragraphs("Запрос.\n\n  Что делали.\n \nИтог.\n")).toEqual(["Запрос.", "Что делали.", "Итог."]);
    expect(paragraphs("   ")).toEqual([]);
  });
});
