import { useTranslation } from "react-i18next";
import { ApiProblem } from "../../api/problem";
import { useProblemMessage } from "../../components/useProblemMessage";

/**
 * The refusals of the meeting rules (409 and the like). The service explains the sequence in
 * Russian («сначала должна пройти встреча-планирование, а потом регулярная встреча»): that
 * sentence is the one to show. A few answers still carry an English detail; those get ours.
 */
export const REFUSAL_CODES = [
  "meeting_out_of_order",
  "duplicate_meeting",
  "pair_not_approved",
  "pair_closed",
  "meeting_in_future",
  "meeting_recorded",
  "invalid_transition",
  "invalid_time_range",
  "reason_required",
  "programme_closed",
] as const;

const CYRILLIC = /[А-Яа-яЁё]/;

type Translate = (key: string, values?: Record<string, string>) => string | null;

/** The sentence for a refusal, or null when the failure is not one (a 412, the network, …). */
export function refusalMessage(error: unknown, translate: Translate): string | null {
  if (!(error instanceof ApiProblem) || !(REFUSAL_CODES as readonly string[]).includes(error.code)) return null;
  const detail = error.detail?.trim() ?? "";
  if (CYRILLIC.test(detail)) return sentence(detail);
  const date = /\d{2}\.\d{2}\.\d{4}/.exec(detail)?.[0];
  const key = date ? `meetings.problems.${error.code}_date` : `meetings.problems.${error.code}`;
  return translate(key, date ? { date } : undefined) ?? translate(`meetings.problems.${error.code}`) ?? (detail || null);
}

/** «сначала должна пройти …» → «Сначала должна пройти ….» */
function sentence(text: string): string {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** A message for any failure of a meeting action: the refusal's own words first. */
export function useMeetingProblem() {
  const { t, i18n } = useTranslation();
  const fallback = useProblemMessage();
  const translate: Translate = (key, values) => (i18n.exists(key) ? t(key, values) : null);
  return (error: unknown): string => refusalMessage(error, translate) ?? fallback(error);
}
