import type { NewParticipant, Participant, ParticipantKind, ParticipantPatch, Sensitive } from "../../api/types";

export interface ParticipantFormValues {
  kind: ParticipantKind;
  last_name: string;
  first_name: string;
  middle_name: string;
  birth_date: string;
  /** Select keeps its value as a string; null when no class is chosen. */
  grade: string | null;
  class_letter: string;
  phone: string;
  email: string;
  external_id: string;
  notes: string;
  sensitive: Required<Sensitive>;
}

const NO_SENSITIVE: Required<Sensitive> = {
  disability: false,
  difficult_life_situation: false,
  behaviour_problems: false,
  on_register: false,
};

export function emptyParticipantForm(): ParticipantFormValues {
  return {
    kind: "student",
    last_name: "",
    first_name: "",
    middle_name: "",
    birth_date: "",
    grade: null,
    class_letter: "",
    phone: "",
    email: "",
    external_id: "",
    notes: "",
    sensitive: { ...NO_SENSITIVE },
  };
}

export function participantFormValues(p: Participant): ParticipantFormValues {
  return {
    kind: p.kind,
    last_name: p.last_name ?? "",
    first_name: p.first_name ?? "",
    middle_name: p.middle_name ?? "",
    birth_date: p.birth_date ?? "",
    grade: p.grade ? String(p.grade) : null,
    class_letter: p.class_letter ?? "",
    phone: p.phone ?? "",
    email: p.email ?? "",
    external_id: p.external_id ?? "",
    notes: p.notes ?? "",
    sensitive: { ...NO_SENSITIVE, ...(p.sensitive ?? {}) },
  };
}

const orNull = (value: string) => value.trim() || null;

/** The body of a new participant; sensitive facts go only from those who may set them. */
export function newParticipantBody(values: ParticipantFormValues, withSensitive: boolean): NewParticipant {
  return {
    kind: values.kind,
    last_name: values.last_name.trim(),
    first_name: values.first_name.trim(),
    middle_name: orNull(values.middle_name),
    birth_date: orNull(values.birth_date),
    grade: values.grade ? Number(values.grade) : null,
    class_letter: orNull(values.class_letter),
    phone: orNull(values.phone),
    email: orNull(values.email),
    external_id: orNull(values.external_id),
    notes: orNull(values.notes),
    ...(withSensitive ? { sensitive: values.sensitive } : {}),
  };
}

export function participantPatch(values: ParticipantFormValues, withSensitive: boolean): ParticipantPatch {
  return newParticipantBody(values, withSensitive);
}

/** "Last First Middle", or null once the data was erased. */
export function participantName(p: Pick<Participant, "last_name" | "first_name" | "middle_name">): string | null {
  const parts = [p.last_name, p.first_name, p.middle_name].filter(Boolean);
  return parts.length > 0 ? parts.join(" ") : null;
}

/** "7 Б", "7", or null: the class of a student. */
export function classOf(p: Pick<Participant, "grade" | "class_letter">): string | null {
  if (!p.grade) return null;
  return p.class_letter ? `${p.grade} ${p.class_letter}` : String(p.grade);
}

/** A minor without a parent's consent may not enter a base: the list flags them. */
export function lacksConsent(p: Pick<Participant, "is_minor" | "has_processing_consent" | "erased">): boolean {
  return p.is_minor && !p.has_processing_consent && !p.erased;
}
