import { Card, Group, RingProgress, Stack, Text, Timeline } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useRoadmap } from "../../../api/roadmap";
import type { Program } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { formatDay, percentOf } from "../progress";
import { StageSection } from "./StageSection";

/** The seven stages as a vertical timeline, lit up to the current one, under the overall figure. */
export function RoadmapView({ program, readOnly }: { program: Program; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const roadmap = useRoadmap(program.id);
  if (roadmap.isPending) return <PageLoader />;
  if (roadmap.error) return <ErrorAlert error={roadmap.error} />;
  const { progress, stages, current_stage: currentStage, today } = roadmap.data;
  const percent = percentOf(progress);
  const activeIndex = currentStage === null ? -1 : stages.findIndex((s) => s.stage_no === currentStage);

  return (
    <Stack gap="lg">
      <Card withBorder>
        <Group gap="lg">
          <RingProgress
            size={120}
            thickness={12}
            roundCaps
            sections={[{ value: percent, color: progress.overdue > 0 ? "orange" : "indigo" }]}
            label={
              <Text ta="center" fw={700} size="xl" data-testid="overall-percent">
                {percent}%
              </Text>
            }
            aria-hidden
          />
          <Stack gap={4} style={{ minWidth: 0, flex: "1 1 12rem" }}>
            <Text fw={600} role="status">
              {t("roadmap.overall")}: {percent}%
            </Text>
            <Text size="sm">{t("programs.progressOf", { done: progress.done, total: progress.total, percent })}</Text>
            {progress.overdue > 0 && (
              <Text size="sm" c="red.8" fw={600}>
                {t("programs.overdue", { count: progress.overdue })}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t("roadmap.today", { date: formatDay(today, i18n.language) })}
            </Text>
          </Stack>
        </Group>
      </Card>
      <Timeline active={activeIndex} bulletSize={28} lineWidth={2}>
        {stages.map((stage) => (
          <Timeline.Item
            key={stage.stage_no}
            bullet={<Text size="sm" fw={700} aria-hidden>{stage.stage_no}</Text>}
            styles={{ itemBody: { minWidth: 0 } }}
          >
            <StageSection
              stage={stage}
              programId={program.id}
              schoolId={program.school_id}
              today={today}
              current={stage.stage_no === currentStage}
              readOnly={readOnly}
            />
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
