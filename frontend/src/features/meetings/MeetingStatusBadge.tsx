import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MeetingStatus } from "../../api/types";
import { MEETING_STATUS_COLORS } from "./sequence";

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={MEETING_STATUS_COLORS[status]} variant="light" tt="none">
      {t(`meetings.status.${status}`)}
    </Badge>
  );
}
