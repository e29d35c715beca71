import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useMeetingProblem } from "./meetingProblem";

/** Why the service refused, in its own words and in plain sight: above the form, read out at once. */
export function MeetingRefusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const message = useMeetingProblem();
  if (!error) return null;
  return (
    <Alert color="red" variant="filled" title={t("meetings.refused")} role="alert" data-testid="meeting-refusal">
      {message(error)}
    </Alert>
  );
}
