import { Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMySurveys } from "../../api/monitoring";
import type { MySurvey } from "../../api/types";
import { formatLongDay } from "../programs/pairs/orderDocument";
import { stateOfStatus } from "./phases";
import { PhaseBadge, StateBadge } from "./SurveyBadges";

const PROGRESS_COLORS: Record<MySurvey["progress"], string> = { not_started: "gray", started: "yellow", submitted: "green" };

/**
 * «Анкеты для вас» on the home page: the surveys addressed to me as a mentor, mentee or curator,
 * open ones first, with where I stopped. Hidden when there are none, as for most staff.
 */
export function MySurveysCard() {
  const { t, i18n } = useTranslation();
  const surveys = useMySurveys();
  const items = surveys.data ?? [];
  if (items.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="my-surveys-title">
      <Title order={2} size="h3" id="my-surveys-title" mb="sm">
        {t("monitoring.mine.title")}
      </Title>
      <Stack gap="sm">
        {items.map((survey) => {
          const answerable = survey.open && survey.progress !== "submitted";
          return (
            <Group key={survey.id} justify="space-between" wrap="wrap" gap="xs" data-testid="my-survey" data-survey-id={survey.id}>
              <Stack gap={2}>
                <Text fw={600}>{survey.title}</Text>
                <Text size="sm" c="dimmed">
                  {survey.program_title} · {t("monitoring.mine.until", { date: formatLongDay(survey.closes_on, i18n.language) })}
                </Text>
                <Group gap={6}>
                  <PhaseBadge phase={survey.phase} />
                  <StateBadge state={stateOfStatus(survey.status)} />
                  <Badge color={PROGRESS_COLORS[survey.progress]} variant="light" tt="none">
                    {t(`monitoring.mine.progress.${survey.progress}`)}
                  </Badge>
                </Group>
              </Stack>
              {answerable && (
                <Button component={Link} to={`/my-surveys/${survey.id}`} aria-label={`${t(`monitoring.mine.action.${survey.progress}`)}: ${survey.title}`}>
                  {t(`monitoring.mine.action.${survey.progress}`)}
                </Button>
              )}
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}
