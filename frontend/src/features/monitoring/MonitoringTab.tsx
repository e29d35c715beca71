import { Anchor, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useMe } from "../../api/me";
import { useSurveys } from "../../api/monitoring";
import type { Program, Survey } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageLoader } from "../../components/PageLoader";
import { zonedParts } from "../meetings/meetingTime";
import { useSchoolTimeZone } from "../meetings/useSchoolTimeZone";
import { formatDay } from "../programs/progress";
import { CloseSurveyModal } from "./CloseSurveyModal";
import { ImpactView } from "./ImpactView";
import { LaunchSurveyModal } from "./LaunchSurveyModal";
import { MeasurementsView } from "./MeasurementsView";
import { managesSurveys } from "./permissions";
import { acceptsInvitations, sortSurveys, surveyState } from "./phases";
import { QualityView } from "./QualityView";
import { ResponseRate } from "./ResponseRate";
import { SurveyBadges } from "./SurveyBadges";

const VIEWS = ["surveys", "quality", "impact", "measurements"] as const;
type View = (typeof VIEWS)[number];

/**
 * «Мониторинг»: the programme's surveys, and the analytics of both phases — the programme's
 * quality from its questionnaires, the impact on participants entry → exit, and the measurements
 * taken from records. The part shown lives in the address (`?tab=monitoring&view=impact`).
 */
export function MonitoringTab({ program, readOnly }: { program: Program; readOnly: boolean }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const canManage = !readOnly && !!me && managesSurveys(me, program.school_id);
  const { timeZone } = useSchoolTimeZone(program.school_id);
  const today = zonedParts(new Date(), timeZone).date;
  const phone = useMediaQuery("(max-width: 48em)");
  const [params, setParams] = useSearchParams();
  const asked = params.get("view");
  const view: View = (VIEWS as readonly string[]).includes(asked ?? "") ? (asked as View) : "surveys";

  return (
    <Stack>
      <SegmentedControl
        aria-label={t("monitoring.views.label")}
        value={view}
        onChange={(value) => setParams(value === "surveys" ? { tab: "monitoring" } : { tab: "monitoring", view: value }, { replace: true })}
        data={VIEWS.map((v) => ({ value: v, label: t(`monitoring.views.${v}`) }))}
        orientation={phone ? "vertical" : "horizontal"}
        fullWidth={phone}
        style={phone ? undefined : { alignSelf: "flex-start" }}
      />
      {view === "surveys" && <SurveysView program={program} canManage={canManage} today={today} />}
      {view === "quality" && <QualityView programId={program.id} />}
      {view === "impact" && <ImpactView programId={program.id} />}
      {view === "measurements" && <MeasurementsView program={program} canManage={canManage} today={today} />}
    </Stack>
  );
}

/** The surveys with their response rates, read again every few seconds while shown; launch and close. */
function SurveysView({ program, canManage, today }: { program: Program; canManage: boolean; today: string }) {
  const { t } = useTranslation();
  // The view unmounts when another part or tab is chosen, and the polling stops with it.
  const surveys = useSurveys(program.id, true);
  const [launching, setLaunching] = useState(false);
  const [closing, setClosing] = useState<Survey | null>(null);

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          {t("monitoring.intro")}
        </Text>
        <Group gap="xs">
          <Button
            component={Link}
            to={`/survey-templates/${program.school_id}`}
            state={{ from: `/programs/${program.id}?tab=monitoring` }}
            variant="light"
          >
            {t("monitoring.templates.title")}
          </Button>
          {canManage && <Button onClick={() => setLaunching(true)}>{t("monitoring.launch.button")}</Button>}
        </Group>
      </Group>
      {surveys.isPending ? (
        <PageLoader />
      ) : surveys.error ? (
        <ErrorAlert error={surveys.error} />
      ) : surveys.data.length === 0 ? (
        <Text c="dimmed">{t("monitoring.empty")}</Text>
      ) : (
        <SimpleGrid
          cols={{ base: 1, md: 2 }}
          component="ul"
          aria-label={t("monitoring.list")}
          style={{ listStyle: "none", padding: 0, margin: 0 }}
        >
          {sortSurveys(surveys.data).map((survey) => (
            <SurveyCard
              key={survey.id}
              survey={survey}
              today={today}
              canManage={canManage}
              onClose={() => setClosing(survey)}
            />
          ))}
        </SimpleGrid>
      )}
      {launching && <LaunchSurveyModal program={program} today={today} onClose={() => setLaunching(false)} />}
      {closing && <CloseSurveyModal survey={closing} onClose={() => setClosing(null)} />}
    </Stack>
  );
}

function SurveyCard({ survey, today, canManage, onClose }: { survey: Survey; today: string; canManage: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const state = surveyState(survey, today);
  const titleId = `survey-${survey.id}-title`;
  return (
    <Card withBorder component="li" aria-labelledby={titleId} data-survey-id={survey.id}>
      <Stack gap="sm">
        <div>
          <Title order={3} size="h5" id={titleId}>
            <Anchor component={Link} to={`/surveys/${survey.id}`} inherit style={{ overflowWrap: "anywhere" }}>
              {survey.title}
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed" mt={2}>
            {t("monitoring.dates", { from: formatDay(survey.opens_on, i18n.language), to: formatDay(survey.closes_on, i18n.language) })}
          </Text>
        </div>
        <SurveyBadges phase={survey.phase} audience={survey.audience} state={state} />
        <ResponseRate counts={survey.counts} label={t("monitoring.rate.of", { title: survey.title })} />
        <Group gap="xs">
          <Button component={Link} to={`/surveys/${survey.id}`} size="compact-sm" variant="light">
            {canManage && acceptsInvitations(survey, today) ? t("monitoring.invitations.open") : t("monitoring.invitations.view")}
          </Button>
          {canManage && !survey.closed_at && state !== "finished" && (
            <Button size="compact-sm" variant="subtle" color="red" onClick={onClose} aria-label={t("monitoring.close.of", { title: survey.title })}>
              {t("monitoring.close.button")}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
