import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PracticeStatus } from "../../../api/types";

const COLORS: Record<PracticeStatus, string> = { draft: "gray", submitted: "orange", published: "green" };

export function PracticeStatusBadge({ status }: { status: PracticeStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" style={{ flexShrink: 0 }}>
      {t(`recognition.practices.statuses.${status}`)}
    </Badge>
  );
}
