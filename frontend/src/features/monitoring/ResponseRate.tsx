import { Group, Progress, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ResponseCounts } from "../../api/types";
import { formatPercent, inProgress, ratePercent } from "./responseRate";

/** Submitted out of the links issued, as figures and a bar; read live by the caller. */
export function ResponseRate({ counts, label }: { counts: ResponseCounts; label: string }) {
  const { t, i18n } = useTranslation();
  const percent = ratePercent(counts);
  const started = inProgress(counts);
  const summary = t("monitoring.rate.submitted", { submitted: counts.submitted, invitations: counts.invitations });
  return (
    <div data-testid="response-rate">
      <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
        <Text size="sm">{summary}</Text>
        <Text size="sm" fw={700}>
          {percent === null ? "—" : formatPercent(percent, i18n.language)}
        </Text>
      </Group>
      <Progress
        value={percent ?? 0}
        color={percent === 100 ? "green" : "indigo"}
        aria-label={label}
        aria-valuetext={percent === null ? t("monitoring.rate.noLinks") : `${summary}, ${formatPercent(percent, i18n.language)}`}
      />
      <Text size="xs" c="dimmed" mt={4}>
        {counts.invitations === 0 ? t("monitoring.rate.noLinks") : started > 0 ? t("monitoring.rate.started", { count: started }) : null}
      </Text>
    </div>
  );
}
