import type { Activity, ActivityPatch, NewActivity, Role } from "../../../api/types";

/** Who answers for an activity: a role of the school (anyone holding it) or one named person. */
export type ResponsibleKind = "role" | "user";

export interface ResponsibleValues {
  responsible_kind: ResponsibleKind;
  responsible_role: Role | null;
  /** A user id as Select keeps it. */
  responsible_user_id: string | null;
}

export interface ActivityFormValues extends ResponsibleValues {
  title: string;
  content: string;
  deadline: string;
  expected_result: string;
  result_note: string;
  evidence_order_number: string;
  evidence_order_date: string;
  evidence_link: string;
}

export function newActivityForm(deadline: string): ActivityFormValues {
  return {
    title: "",
    content: "",
    deadline,
    expected_result: "",
    result_note: "",
    evidence_order_number: "",
    evidence_order_date: "",
    evidence_link: "",
    responsible_kind: "role",
    responsible_role: "curator",
    responsible_user_id: null,
  };
}

export function activityFormValues(activity: Activity): ActivityFormValues {
  return {
    title: activity.title,
    content: activity.content,
    deadline: activity.deadline,
    expected_result: activity.expected_result ?? "",
    result_note: activity.result_note ?? "",
    evidence_order_number: activity.evidence_order_number ?? "",
    evidence_order_date: activity.evidence_order_date ?? "",
    evidence_link: activity.evidence_link ?? "",
    responsible_kind: activity.responsible_user_id != null ? "user" : "role",
    responsible_role: activity.responsible_role ?? null,
    responsible_user_id: activity.responsible_user_id == null ? null : String(activity.responsible_user_id),
  };
}

const orNull = (value: string) => value.trim() || null;

/** Exactly one of role and person is sent; the other is cleared so a reassignment replaces it. */
function responsible(values: ResponsibleValues) {
  return values.responsible_kind === "user"
    ? { responsible_role: null, responsible_user_id: values.responsible_user_id ? Number(values.responsible_user_id) : null }
    : { responsible_role: values.responsible_role, responsible_user_id: null };
}

export function newActivityBody(values: ActivityFormValues): NewActivity {
  return {
    title: values.title.trim(),
    content: values.content.trim(),
    deadline: values.deadline,
    expected_result: orNull(values.expected_result),
    ...responsible(values),
  };
}

export function activityPatch(values: ActivityFormValues): ActivityPatch {
  return {
    ...newActivityBody(values),
    result_note: orNull(values.result_note),
    evidence_order_number: orNull(values.evidence_order_number),
    evidence_order_date: values.evidence_order_date || null,
    evidence_link: orNull(values.evidence_link),
  };
}
