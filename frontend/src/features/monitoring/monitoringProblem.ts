import { useTranslation } from "react-i18next";
import { ApiProblem } from "../../api/problem";
import { useProblemMessage } from "../../components/useProblemMessage";

/** The service's refusals in monitoring; each has a sentence under `monitoring.problems`. */
export const MONITORING_CODES = [
  "template_in_use",
  "template_exists",
  "template_phase_mismatch",
  "invalid_time_range",
  "survey_closed",
  "survey_not_open",
  "invitation_used",
  "answer_required",
] as const;
export type MonitoringCode = (typeof MONITORING_CODES)[number];

export function monitoringCode(error: unknown): MonitoringCode | null {
  if (!(error instanceof ApiProblem)) return null;
  return (MONITORING_CODES as readonly string[]).includes(error.code) ? (error.code as MonitoringCode) : null;
}

/** A message for any failure in monitoring: our sentence for its refusals, the shared one else. */
export function useMonitoringProblem() {
  const { t } = useTranslation();
  const fallback = useProblemMessage();
  return (error: unknown): string => {
    const code = monitoringCode(error);
    return code ? t(`monitoring.problems.${code}`) : fallback(error);
  };
}
