const LOCALES: Record<string, string> = { ru: "ru-RU", en: "en-GB" };

export function formatDateTime(value: string | null | undefined, language: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(LOCALES[language] ?? "ru-RU", { dateStyle: "medium", timeStyle: "short" });
}
