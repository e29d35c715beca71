// Formatting the figures of nominees and awards; pure, so that it is tested without a browser.

/** A mean meeting rating of 1–5, "—" when no one rated. */
export function formatRating(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return "—";
  return value.toLocaleString(language === "en" ? "en-GB" : "ru-RU", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** A share 0–1 as a percentage, "—" when nothing was measured. */
export function formatShare(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return "—";
  return value.toLocaleString(language === "en" ? "en-GB" : "ru-RU", { style: "percent", maximumFractionDigits: 0 });
}

/** Today on the user's calendar, as the API's YYYY-MM-DD. */
export function today(): string {
  return new Date().toLocaleDateString("sv-SE");
}

/** The public page that checks a code, on this site. */
export function verifyUrl(origin: string, path: string): string {
  return `${origin.replace(/\/$/, "")}${path}`;
}

/** "Text\n\nMore text" → paragraphs, blank lines dropped. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
