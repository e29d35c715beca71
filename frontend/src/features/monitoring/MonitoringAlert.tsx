import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useMonitoringProblem } from "./monitoringProblem";

/** A failure in monitoring, in our words for its refusals. */
export function MonitoringAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const message = useMonitoringProblem();
  return (
    <Alert color="red" title={title ?? t("errors.title")} role="alert">
      {message(error)}
    </Alert>
  );
}
