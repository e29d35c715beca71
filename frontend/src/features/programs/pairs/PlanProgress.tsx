import { Progress, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { planProgress } from "./planForm";

/** Done out of all tasks, as figures and a bar; it follows the form as tasks are ticked. */
export function PlanProgress({ tasks }: { tasks: readonly { done?: boolean }[] }) {
  const { t } = useTranslation();
  const progress = planProgress(tasks);
  return (
    <div>
      <Text size="sm" mb={4} role="status">
        {t("plan.progress", progress)}
      </Text>
      <Progress value={progress.percent} color={progress.percent === 100 ? "green" : "indigo"} aria-label={t("plan.progressLabel")} />
    </div>
  );
}
