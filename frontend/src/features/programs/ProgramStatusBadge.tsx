import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ProgramStatus } from "../../api/types";
import { PROGRAM_STATUS_COLORS } from "./programStatus";

export function ProgramStatusBadge({ status }: { status: ProgramStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={PROGRAM_STATUS_COLORS[status]} variant="light" tt="none">
      {t(`programs.status.${status}`)}
    </Badge>
  );
}
