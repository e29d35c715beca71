import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PairStatus } from "../../../api/types";
import { PAIR_STATUS_COLORS } from "./pairStatus";

export function PairStatusBadge({ status }: { status: PairStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={PAIR_STATUS_COLORS[status]} variant="light" tt="none">
      {t(`pairStatus.${status}`)}
    </Badge>
  );
}
