import { Alert, Anchor, Button, Group, Stack, Tabs, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { seesSensitive, useMe } from "../../api/me";
import { downloadCalendar, useProgram } from "../../api/programs";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageLoader } from "../../components/PageLoader";
import { notifyFailure } from "../../components/notify";
import { useProblemMessage } from "../../components/useProblemMessage";
import { AlertCountBadge, AlertsTab } from "../meetings/AlertsTab";
import { ProgramMeetingsTab } from "../meetings/ProgramMeetingsTab";
import { MonitoringTab } from "../monitoring/MonitoringTab";
import { AwardsTab } from "../results/recognition/AwardsTab";
import { ReportTab } from "../results/report/ReportTab";
import { WebsiteTab } from "../results/website/WebsiteTab";
import { MenteesTable } from "./bases/MenteesTable";
import { MentorsTable } from "./bases/MentorsTable";
import { RequestMapView } from "./bases/RequestMapView";
import { MatchingTab } from "./matching/MatchingTab";
import { MediaPlanTable } from "./media/MediaPlanTable";
import { PairsTab } from "./pairs/PairsTab";
import { PreferencesTab } from "./pairs/PreferencesTab";
import { UnmatchedTab } from "./pairs/UnmatchedTab";
import { ProgramDetailsForm } from "./ProgramDetailsForm";
import { ProgramStatusBadge } from "./ProgramStatusBadge";
import { isClosed } from "./programStatus";
import { RoadmapView } from "./roadmap/RoadmapView";

export function ProgramPage() {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const programId = Number(useParams().programId);
  const loaded = useProgram(programId);
  const { data: me } = useMe();
  const [downloading, setDownloading] = useState(false);
  // The open tab lives in the address, so that coming back (from an order or a plan) returns to it.
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = searchParams.get("tab") ?? "roadmap";

  if (loaded.isPending) return <PageLoader />;
  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  const { program } = loaded.data;
  const readOnly = isClosed(program.status);

  const saveCalendar = () => {
    setDownloading(true);
    downloadCalendar(program.id, `programme-${program.id}.ics`)
      .catch((error: unknown) => notifyFailure(problemMessage(error)))
      .finally(() => setDownloading(false));
  };

  return (
    <Stack>
      <Anchor component={Link} to={`/programs?school=${program.school_id}`} size="sm">
        ← {t("programs.back")}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Title order={1}>{program.title}</Title>
          <Group gap="xs" mt={4}>
            <ProgramStatusBadge status={program.status} />
            <Text size="sm" c="dimmed">
              {t("programs.year", { year: program.academic_year })}
            </Text>
          </Group>
        </div>
        <Button variant="light" loading={downloading} onClick={saveCalendar}>
          {t("programs.calendar")}
        </Button>
      </Group>
      {readOnly && <Alert color="gray">{t("programs.closed")}</Alert>}
      <Tabs
        value={tab}
        keepMounted={false}
        onChange={(value) => setSearchParams(value && value !== "roadmap" ? { tab: value } : {}, { replace: true })}
      >
        <Tabs.List>
          <Tabs.Tab value="roadmap">{t("programs.tabs.roadmap")}</Tabs.Tab>
          <Tabs.Tab value="mentees">{t("programs.tabs.mentees")}</Tabs.Tab>
          <Tabs.Tab value="mentors">{t("programs.tabs.mentors")}</Tabs.Tab>
          <Tabs.Tab value="requestMap">{t("programs.tabs.requestMap")}</Tabs.Tab>
          <Tabs.Tab value="matching">{t("programs.tabs.matching")}</Tabs.Tab>
          <Tabs.Tab value="pairs">{t("programs.tabs.pairs")}</Tabs.Tab>
          <Tabs.Tab value="meetings">{t("meetings.tabs.meetings")}</Tabs.Tab>
          <Tabs.Tab value="alerts" rightSection={<AlertCountBadge programId={program.id} />}>
            {t("meetings.tabs.alerts")}
          </Tabs.Tab>
          <Tabs.Tab value="monitoring">{t("monitoring.tab")}</Tabs.Tab>
          <Tabs.Tab value="awards">{t("recognition.tab")}</Tabs.Tab>
          <Tabs.Tab value="report">{t("programs.tabs.report")}</Tabs.Tab>
          <Tabs.Tab value="unmatched">{t("programs.tabs.unmatched")}</Tabs.Tab>
          <Tabs.Tab value="preferences">{t("programs.tabs.preferences")}</Tabs.Tab>
          <Tabs.Tab value="media">{t("programs.tabs.mediaPlan")}</Tabs.Tab>
          <Tabs.Tab value="website">{t("programs.tabs.website")}</Tabs.Tab>
          <Tabs.Tab value="details">{t("programs.tabs.details")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="roadmap" pt="md">
          <RoadmapView program={program} readOnly={readOnly} />
        </Tabs.Panel>
        <Tabs.Panel value="mentees" pt="md">
          <MenteesTable
            programId={program.id}
            schoolId={program.school_id}
            readOnly={readOnly}
            withSensitive={me ? seesSensitive(me, program.school_id) : false}
          />
        </Tabs.Panel>
        <Tabs.Panel value="mentors" pt="md">
          <MentorsTable programId={program.id} schoolId={program.school_id} readOnly={readOnly} />
        </Tabs.Panel>
        <Tabs.Panel value="requestMap" pt="md">
          <RequestMapView programId={program.id} />
        </Tabs.Panel>
        <Tabs.Panel value="matching" pt="md">
          <MatchingTab program={program} readOnly={readOnly} />
        </Tabs.Panel>
        <Tabs.Panel value="pairs" pt="md">
          <PairsTab program={program} readOnly={readOnly} />
        </Tabs.Panel>
        <Tabs.Panel value="meetings" pt="md">
          <ProgramMeetingsTab program={program} />
        </Tabs.Panel>
        <Tabs.Panel value="alerts" pt="md">
          <AlertsTab program={program} readOnly={readOnly} />
        </Tabs.Panel>
        <Tabs.Panel value="monitoring" pt="md">
          <MonitoringTab program={program} readOnly={readOnly} />
        </Tabs.Panel>
        <Tabs.Panel value="awards" pt="md">
          <AwardsTab program={program} readOnly={readOnly} />
        </Tabs.Panel>
        <Tabs.Panel value="report" pt="md">
          <ReportTab program={program} />
        </Tabs.Panel>
        <Tabs.Panel value="unmatched" pt="md">
          <UnmatchedTab programId={program.id} schoolId={program.school_id} readOnly={readOnly} />
        </Tabs.Panel>
        <Tabs.Panel value="preferences" pt="md">
          <PreferencesTab programId={program.id} schoolId={program.school_id} readOnly={readOnly} />
        </Tabs.Panel>
        <Tabs.Panel value="media" pt="md">
          <MediaPlanTable programId={program.id} readOnly={readOnly} />
        </Tabs.Panel>
        <Tabs.Panel value="website" pt="md">
          <WebsiteTab program={program} />
        </Tabs.Panel>
        <Tabs.Panel value="details" pt="md">
          <ProgramDetailsForm program={program} etag={loaded.data.etag} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
