import { useTranslation } from "react-i18next";
import { useMentees, useMentors } from "../../../api/pairing";
import type { Side } from "../../../api/types";
import { surveyed } from "./preferenceSheet";

export interface PersonOption {
  value: string;
  label: string;
}

/** Both bases as options for the preference sheets, and a name for any enrolment id of either side. */
export function usePreferencePeople(programId: number) {
  const { t } = useTranslation();
  const mentees = useMentees(programId);
  const mentors = useMentors(programId);
  const label = (p: { name?: string | null; participant_id: number; grade?: number | null; class_letter?: string | null }) =>
    [p.name ?? t("participants.erasedName", { id: p.participant_id }), p.grade ? `${p.grade} ${p.class_letter ?? ""}`.trim() : ""]
      .filter(Boolean)
      .join(", ");
  const names: Record<Side, Map<number, string>> = {
    mentee: new Map((mentees.data ?? []).map((m) => [m.id, label(m)])),
    mentor: new Map((mentors.data ?? []).map((m) => [m.id, label(m)])),
  };
  const options: Record<Side, PersonOption[]> = {
    mentee: surveyed("mentee", mentees.data ?? []).map((m) => ({ value: String(m.id), label: label(m) })),
    mentor: surveyed("mentor", mentors.data ?? []).map((m) => ({ value: String(m.id), label: label(m) })),
  };
  return {
    isPending: mentees.isPending || mentors.isPending,
    error: mentees.error ?? mentors.error,
    options,
    nameOf: (side: Side, id: number) => names[side].get(id) ?? `#${id}`,
  };
}
