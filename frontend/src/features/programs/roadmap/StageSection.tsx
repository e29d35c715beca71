import { Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import type { Stage } from "../../../api/types";
import { ProgressBar } from "../ProgressBar";
import { ActivityCard } from "./ActivityCard";
import { AddActivityModal } from "./AddActivityModal";
import { StageGate } from "./StageGate";
import { stageTitle } from "./stageTitles";

interface Props {
  stage: Stage;
  programId: number;
  schoolId: number;
  today: string;
  current: boolean;
  readOnly: boolean;
}

export function StageSection({ stage, programId, schoolId, today, current, readOnly }: Props) {
  const { t, i18n } = useTranslation();
  const [adding, addModal] = useDisclosure(false);
  const title = stageTitle(stage, i18n.language);
  const headingId = `stage-${stage.stage_no}`;

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId} data-stage={stage.stage_no}>
      <Group gap="xs" wrap="wrap">
        <Title order={2} size="h4" id={headingId}>
          {t("roadmap.stage", { no: stage.stage_no })}. {title}
        </Title>
        {current && (
          <Badge color="indigo" tt="none">
            {t("roadmap.current")}
          </Badge>
        )}
      </Group>
      {stage.expected_result && (
        <Text size="sm" c="dimmed">
          {t("roadmap.expectedResult")}: {stage.expected_result}
        </Text>
      )}
      <ProgressBar progress={stage.progress} label={t("roadmap.stageProgress", { no: stage.stage_no })} />
      <StageGate gate={stage.gate} />
      {stage.activities.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("roadmap.noActivities")}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-label={t("roadmap.activitiesOf", { no: stage.stage_no })}>
          {stage.activities.map((activity) => (
            <ActivityCard key={activity.id} activity={activity} schoolId={schoolId} readOnly={readOnly} />
          ))}
        </Stack>
      )}
      {!readOnly && (
        <Group>
          <Button variant="light" size="xs" onClick={addModal.open}>
            {t("roadmap.addActivity")}
          </Button>
        </Group>
      )}
      {!readOnly && (
        <AddActivityModal
          programId={programId}
          schoolId={schoolId}
          stageNo={stage.stage_no}
          stageTitle={title}
          today={today}
          opened={adding}
          onClose={addModal.close}
        />
      )}
    </Stack>
  );
}
