import type { SchoolFeed } from "../../../api/website";
import type { Program } from "../../../api/types";

/** Where the service serves the widget, for a school whose slug is `slug`. */
export function widgetUrls(origin: string, slug: string) {
  const base = origin.replace(/\/$/, "");
  const path = encodeURIComponent(slug);
  return {
    script: `${base}/widget/nastavnik.js`,
    page: `${base}/widget/school/${path}`,
    feed: `${base}/api/v1/public/schools/${path}`,
  };
}

/** The two ways a school's site can show the page: one script tag, or an iframe. */
export function widgetSnippets(origin: string, slug: string, iframeTitle: string) {
  const urls = widgetUrls(origin, slug);
  const title = iframeTitle.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return {
    script: `<script src="${urls.script}" data-school="${slug}"></script>`,
    iframe: `<iframe src="${urls.page}" title="${title}" width="100%" height="900" style="border:0" loading="lazy"></iframe>`,
  };
}

/** What the school's site shows now, seen from this programme. */
export type FeedState = "thisProgramme" | "otherProgramme" | "nothingPublished";

export function feedState(feed: SchoolFeed | null, program: Pick<Program, "title" | "academic_year" | "start_date">): FeedState {
  if (!feed) return "nothingPublished";
  const shown = feed.programme;
  const same = shown.title === program.title && shown.academic_year === program.academic_year && shown.start_date === program.start_date;
  return same ? "thisProgramme" : "otherProgramme";
}
