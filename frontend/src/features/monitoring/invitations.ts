import type { Audience, InvitationState, InvitationStatus, Mentee, Mentor } from "../../api/types";

/** Someone of the programme's base a link can be issued to. */
export interface BasePerson {
  participantId: number;
  /** «Фамилия Имя»; null once erased. */
  name: string | null;
  /** «5 А», when the person is a student. */
  classLabel: string | null;
  /** Left the base: still invitable, listed last and marked. */
  withdrawn: boolean;
}

type Enrolment = Pick<Mentee | Mentor, "participant_id" | "name" | "grade" | "class_letter" | "status">;

function person(e: Enrolment): BasePerson {
  const classLabel = e.grade ? `${e.grade} ${e.class_letter ?? ""}`.trim() : null;
  return { participantId: e.participant_id, name: e.name ?? null, classLabel, withdrawn: e.status === "withdrawn" };
}

/**
 * The base on the survey's side, as the service takes it for links: mentees for a mentees'
 * survey, mentors for a mentors'; a curators' survey has no base (anonymous links only).
 * Those still in the programme first, then by name.
 */
export function basePeople(audience: Audience, mentees: readonly Enrolment[], mentors: readonly Enrolment[]): BasePerson[] {
  const side = audience === "mentee" ? mentees : audience === "mentor" ? mentors : [];
  return side
    .map(person)
    .sort(
      (a, b) =>
        Number(a.withdrawn) - Number(b.withdrawn) ||
        (a.name ?? "\uffff").localeCompare(b.name ?? "\uffff", "ru") ||
        a.participantId - b.participantId,
    );
}

/** «Соколов Максим» in any order of words and letter case; blank matches all. */
export function matchesQuery(p: BasePerson, query: string): boolean {
  const words = query.trim().toLocaleLowerCase("ru").split(/\s+/).filter(Boolean);
  const haystack = `${p.name ?? ""} ${p.classLabel ?? ""}`.toLocaleLowerCase("ru");
  return words.every((word) => haystack.includes(word));
}

const RANK: Record<InvitationStatus, number> = { unused: 0, started: 1, submitted: 2 };

/** Each invited person's furthest status over their links (a second link does not undo a submission). */
export function statusByPerson(invitations: readonly InvitationState[]): Map<number, InvitationStatus> {
  const map = new Map<number, InvitationStatus>();
  for (const inv of invitations) {
    if (inv.participant_id == null) continue;
    const before = map.get(inv.participant_id);
    if (!before || RANK[inv.status] > RANK[before]) map.set(inv.participant_id, inv.status);
  }
  return map;
}

export function countByStatus(invitations: readonly InvitationState[]): Record<InvitationStatus, number> {
  const counts: Record<InvitationStatus, number> = { unused: 0, started: 0, submitted: 0 };
  for (const inv of invitations) counts[inv.status] += 1;
  return counts;
}

/** The people without a link yet: «выбрать всех без ссылки». */
export function withoutLink(people: readonly BasePerson[], invited: ReadonlyMap<number, InvitationStatus>): number[] {
  return people.filter((p) => !p.withdrawn && !invited.has(p.participantId)).map((p) => p.participantId);
}

/** Numbers 1, 2, 3… for the links issued without a name, in the order they were issued. */
export function anonymousNumbers(invitations: readonly InvitationState[]): Map<number, number> {
  const numbers = new Map<number, number>();
  [...invitations]
    .filter((inv) => inv.participant_id == null)
    .sort((a, b) => a.id - b.id)
    .forEach((inv, i) => numbers.set(inv.id, i + 1));
  return numbers;
}

export const INVITATION_STATUS_COLORS: Record<InvitationStatus, string> = { unused: "gray", started: "yellow", submitted: "green" };

/** How many anonymous links a request may ask for at once (the service's limit). */
export const MAX_LINKS = 2000;
