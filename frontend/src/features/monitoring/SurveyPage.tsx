import { Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useMe } from "../../api/me";
import { useSurvey } from "../../api/monitoring";
import { useProgram } from "../../api/programs";
import type { IssuedInvitation, Survey } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageLoader } from "../../components/PageLoader";
import { zonedParts } from "../meetings/meetingTime";
import { useSchoolTimeZone } from "../meetings/useSchoolTimeZone";
import { formatDay } from "../programs/progress";
import { isClosed } from "../programs/programStatus";
import { CloseSurveyModal } from "./CloseSurveyModal";
import { InvitationsTable } from "./InvitationsTable";
import { IssueInvitationsForm } from "./IssueInvitationsForm";
import { managesSurveys } from "./permissions";
import { acceptsInvitations, surveyState } from "./phases";
import { QrSheet } from "./QrSheet";
import { ResponseRate } from "./ResponseRate";
import { SurveyBadges } from "./SurveyBadges";

/**
 * A survey: its live response rate, the links to issue (to people of the base on its side, or
 * anonymous), the printable sheet of QR codes for the links just issued, and who has answered.
 */
export function SurveyPage() {
  const surveyId = Number(useParams().surveyId);
  const survey = useSurvey(surveyId, true);
  if (survey.isPending) return <PageLoader />;
  if (survey.error) return <ErrorAlert error={survey.error} />;
  return <SurveyView survey={survey.data} />;
}

function SurveyView({ survey }: { survey: Survey }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const program = useProgram(survey.program_id);
  const schoolId = program.data?.program.school_id ?? null;
  const { timeZone } = useSchoolTimeZone(schoolId);
  const today = zonedParts(new Date(), timeZone).date;
  const programOpen = program.data ? !isClosed(program.data.program.status) : false;
  const canManage = programOpen && !!me && schoolId !== null && managesSurveys(me, schoolId);
  const [issued, setIssued] = useState<IssuedInvitation[] | null>(null);
  const [closing, setClosing] = useState(false);
  const state = surveyState(survey, today);
  const canIssue = canManage && acceptsInvitations(survey, today);

  return (
    <Stack>
      <Anchor component={Link} to={`/programs/${survey.program_id}?tab=monitoring`} size="sm" data-print-hidden>
        ← {program.data ? t("monitoring.backTo", { title: program.data.program.title }) : t("monitoring.back")}
      </Anchor>
      <Group justify="space-between" align="flex-start" data-print-hidden>
        <div style={{ minWidth: 0 }}>
          <Title order={1} style={{ overflowWrap: "anywhere" }}>
            {survey.title}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t("monitoring.dates", { from: formatDay(survey.opens_on, i18n.language), to: formatDay(survey.closes_on, i18n.language) })}
          </Text>
          <div style={{ marginTop: 8 }}>
            <SurveyBadges phase={survey.phase} audience={survey.audience} state={state} />
          </div>
        </div>
        {canManage && !survey.closed_at && state !== "finished" && (
          <Button variant="light" color="red" onClick={() => setClosing(true)}>
            {t("monitoring.close.button")}
          </Button>
        )}
      </Group>

      <Paper withBorder p="md" maw={560} data-print-hidden>
        <ResponseRate counts={survey.counts} label={t("monitoring.rate.of", { title: survey.title })} />
      </Paper>

      {issued && <QrSheet survey={survey} items={issued} onDone={() => setIssued(null)} />}

      {!issued && canIssue && (
        <Paper withBorder p="md" component="section" aria-labelledby="issue-title" data-print-hidden>
          <Title order={2} size="h4" id="issue-title" mb="sm">
            {t("monitoring.issue.title")}
          </Title>
          <IssueInvitationsForm survey={survey} onIssued={setIssued} />
        </Paper>
      )}
      {!issued && canManage && !canIssue && (
        <Text c="dimmed" data-print-hidden>
          {t("monitoring.issue.closed")}
        </Text>
      )}

      <section aria-labelledby="invitations-title" data-print-hidden>
        <Title order={2} size="h4" id="invitations-title" mb="sm">
          {t("monitoring.invitations.title")}
        </Title>
        <InvitationsTable survey={survey} />
      </section>
      {closing && <CloseSurveyModal survey={survey} onClose={() => setClosing(false)} />}
    </Stack>
  );
}
