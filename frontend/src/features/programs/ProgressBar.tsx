import { Group, Progress, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Progress as ProgressData } from "../../api/types";
import { percentOf } from "./progress";

/** Done out of total as a bar with the figures beside it, and overdue in red when any. */
export function ProgressBar({ progress, label }: { progress: ProgressData; label: string }) {
  const { t } = useTranslation();
  const percent = percentOf(progress);
  return (
    <div>
      <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
        <Text size="sm" c="dimmed">
          {t("programs.progressOf", { done: progress.done, total: progress.total, percent })}
        </Text>
        {progress.overdue > 0 && (
          <Text size="sm" c="red.8" fw={600}>
            {t("programs.overdue", { count: progress.overdue })}
          </Text>
        )}
      </Group>
      <Progress value={percent} aria-label={label} />
    </div>
  );
}
