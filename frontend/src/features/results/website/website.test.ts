import { describe, expect, it } from "vitest";
import type { SchoolFeed } from "../../../api/website";
import { feedState, widgetSnippets, widgetUrls } from "./snippets";

const programme = { title: "Программа «Ученик – ученик»", academic_year: "2026/2027", start_date: "2026-09-01" };

describe("widget snippets", () => {
  it("point at this service and name the school", () => {
    const s = widgetSnippets("https://nastavnik.example/", "mbou-sosh-s-kremovo", "Наставничество в школе");
    expect(s.script).toBe('<script src="https://nastavnik.example/widget/nastavnik.js" data-school="mbou-sosh-s-kremovo"></script>');
    expect(s.iframe).toContain('src="https://nastavnik.example/widget/school/mbou-sosh-s-kremovo"');
    expect(s.iframe).toContain('title="Наставничество в школе"');
    expect(widgetUrls("https://nastavnik.example", "a-b").feed).toBe("https://nastavnik.example/api/v1/public/schools/a-b");
  });

  it("escape the iframe title as an attribute", () => {
    expect(widgetSnippets("https://x", "s", 'Школа "№1" & <сад>').iframe).toContain('title="Школа &quot;№1&quot; &amp; &lt;сад>"');
  });
});

describe("what the school's site shows", () => {
  const feed = (title: string) => ({ programme: { ...programme, title } }) as unknown as SchoolFeed;

  it("tells this programme from another and from nothing", () => {
    expect(feedState(null, programme)).toBe("nothingPublished");
    expect(feedState(feed(programme.title), programme)).toBe("thisProgramme");
    expect(feedState(feed("Другая программа"), programme)).toBe("otherProgramme");
  });
});
