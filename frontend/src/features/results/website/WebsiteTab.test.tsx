import { screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Program } from "../../../api/types";
import type { SchoolFeed } from "../../../api/website";
import { renderWithProviders } from "../../../test/render";
import { WebsiteTab } from "./WebsiteTab";

const hooks = vi.hoisted(() => ({ feed: null as SchoolFeed | null }));
vi.mock("../../../api/organizations", () => ({
  useOrganization: () => ({ isPending: false, error: null, data: { organization: { slug: "mbou-sosh-s-kremovo" }, etag: null } }),
}));
vi.mock("../../../api/website", () => ({
  useSchoolFeed: () => ({ data: hooks.feed, error: null, refetch: vi.fn() }),
}));

const program = { id: 1, school_id: 3, title: "Программа «Ученик – ученик»", academic_year: "2026/2027", start_date: "2026-09-01", status: "draft" } as Program;

beforeEach(() => {
  hooks.feed = null;
});

describe("WebsiteTab", () => {
  it("gives the code to paste and previews the iframe page", () => {
    renderWithProviders(<WebsiteTab program={program} />);
    expect(screen.getByRole("heading", { level: 2, name: "Сайт школы" })).toBeTruthy();
    const code = (name: string) => screen.getByRole("figure", { name }).querySelector("pre")?.textContent;
    expect(code("Виджет (тег script)")).toBe(`<script src="${window.location.origin}/widget/nastavnik.js" data-school="mbou-sosh-s-kremovo"></script>`);
    expect(code("Если сайт разрешает только iframe")).toContain("/widget/school/mbou-sosh-s-kremovo");
    expect(screen.getByRole("button", { name: "Копировать: Виджет (тег script)" })).toBeTruthy();
    const frame = screen.getByTitle("Предпросмотр раздела на сайте школы");
    expect(frame.getAttribute("src")).toBe(`${window.location.origin}/widget/school/mbou-sosh-s-kremovo`);
    expect(screen.getByText("На сайте школы пока нечего показать")).toBeTruthy();
  });

  it("says when the site shows another programme", () => {
    hooks.feed = { programme: { title: "Учитель – учитель", academic_year: "2026/2027", start_date: "2026-09-01" } } as SchoolFeed;
    renderWithProviders(<WebsiteTab program={program} />);
    expect(screen.getByText("Сайт школы показывает другую программу: «Учитель – учитель», 2026/2027")).toBeTruthy();
  });
});
