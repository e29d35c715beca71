import type { MentorshipForm, Pair, PairKind, PairPerson, RoleModel } from "../../../api/types";

/** One numbered line of the printed order: a pair, or a group with all its mentees. */
export interface OrderRow {
  no: number;
  kind: PairKind;
  mentor: PairPerson;
  mentees: PairPerson[];
  form: MentorshipForm;
  roleModel: RoleModel | null;
}

/** The order's table: pairs and groups numbered 1, 2, 3… in the order the service lists them. */
export function orderRows(pairs: readonly Pair[]): OrderRow[] {
  return pairs.map((pair, index) => ({
    no: index + 1,
    kind: pair.kind,
    mentor: pair.mentor,
    mentees: pair.mentees,
    form: pair.form,
    roleModel: pair.role_model ?? null,
  }));
}

/**
 * The number to offer for the next order, following the school's own numbering: the highest
 * number so far plus one, keeping what stands around it («52-о» → «53-о», «П-7» → «П-8»).
 * Empty when no earlier number has digits to count from.
 */
export function nextOrderNumber(numbers: readonly string[]): string {
  let best: { prefix: string; value: number; width: number; suffix: string } | null = null;
  for (const number of numbers) {
    const match = /^(\D*)(\d+)(.*)$/.exec(number.trim());
    if (!match) continue;
    const value = Number(match[2]);
    if (best === null || value >= best.value) best = { prefix: match[1], value, width: match[2].length, suffix: match[3] };
  }
  if (best === null) return "";
  return `${best.prefix}${String(best.value + 1).padStart(best.width, "0")}${best.suffix}`;
}

/** «Фамилия Имя, 9 А» — the class helps tell namesakes apart in a school. */
export function personLabel(person: PairPerson, erasedName: (participantId: number) => string): string {
  const name = person.name ?? erasedName(person.participant_id);
  const grade = person.grade ? `${person.grade} ${person.class_letter ?? ""}`.trim() : "";
  return grade ? `${name}, ${grade}` : name;
}

/** A date of the API as an order prints it: «9 ноября 2026 г.». */
export function formatLongDay(value: string, language: string): string {
  const [year, month, day] = value.split("-").map(Number);
  if (!year || !month || !day) return value;
  return new Date(year, month - 1, day).toLocaleDateString(language === "en" ? "en-GB" : "ru-RU", {
    day: "numeric",
    month: "long",
    year: "numeric",
  });
}

/** Today on the user's calendar as the API writes dates (YYYY-MM-DD), not shifted through UTC. */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
