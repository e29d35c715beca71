import { Badge, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Marks data that only the school admin, the curator and the psychologist see. */
export function SensitiveBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t("participants.sensitiveHint")}>
      <Badge color="grape" variant="light" tt="none" leftSection={<LockIcon />}>
        {t("participants.restricted")}
      </Badge>
    </Tooltip>
  );
}

function LockIcon() {
  return (
    <svg width="10" height="10" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5" aria-hidden="true">
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  );
}
