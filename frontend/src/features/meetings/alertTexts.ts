import type { TFunction } from "i18next";
import { ALERT_CODES, type AlertList, type MeetingAlert, type Pair } from "../../api/types";
import { formatDay } from "../programs/progress";

/** Most urgent first: pairs that never met, then the quiet ones, then mentees who stopped coming; longest waits first. */
export function sortAlerts(items: readonly MeetingAlert[]): MeetingAlert[] {
  return [...items].sort((a, b) => ALERT_CODES.indexOf(a.code) - ALERT_CODES.indexOf(b.code) || b.days - a.days || a.pair_id - b.pair_id);
}

export function alertsTotal(counts: AlertList["counts"]): number {
  return counts.no_introduction + counts.quiet_pair + counts.missed_meetings;
}

/**
 * The people an alert is about. For `missed_meetings` the alert names the mentee only by
 * participant id, so the name comes from the pair when it is known.
 */
export function alertPeople(alert: MeetingAlert, pair?: Pick<Pair, "mentees"> | null) {
  const concerned =
    alert.code === "missed_meetings" && alert.participant_id !== null && alert.participant_id !== undefined
      ? (pair?.mentees.find((m) => m.participant_id === alert.participant_id)?.name ?? null)
      : null;
  return { mentor: alert.mentor_name ?? null, mentees: alert.mentee_names, concerned };
}

/** The headline of an alert: what is wrong. */
export function alertTitle(alert: Pick<MeetingAlert, "code">, t: TFunction): string {
  return t(`meetings.alerts.codes.${alert.code}`);
}

/** How long it has been, with the date it is counted from. */
export function alertDaysText(alert: MeetingAlert, t: TFunction, language: string): string {
  const date = formatDay(alert.since, language);
  switch (alert.code) {
    case "no_introduction":
      return t("meetings.alerts.sinceApproval", { count: alert.days, date });
    case "quiet_pair":
      return t("meetings.alerts.sinceLastMeeting", { count: alert.days, date });
    case "missed_meetings":
      return t("meetings.alerts.missedInRow");
  }
}
