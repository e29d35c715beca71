import { Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../../components/useDocumentTitle";
import { Link, useParams } from "react-router";
import { useProgramReport } from "../../../api/reports";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { ReportView } from "./ReportView";
import "../../../components/printPage.css";
import "./report.css";

/** `/programs/:programId/report`: the report as an A4 document, ready to print for the director. */
export function ReportPrintPage() {
  const { t } = useTranslation();
  const programId = Number(useParams().programId);
  const report = useProgramReport(programId);
  const heading = report.data ? t("report.heading", { title: report.data.program.title }) : null;

  useDocumentTitle(heading);

  if (report.isPending) return <PageLoader />;
  if (report.error) return <ErrorAlert error={report.error} />;
  const { program } = report.data;
  return (
    <Stack>
      <Group justify="space-between" data-print-hidden>
        <Anchor component={Link} to={`/programs/${programId}?tab=report`} size="sm">
          ← {t("report.back")}
        </Anchor>
        <Button onClick={() => window.print()}>{t("report.printButton")}</Button>
      </Group>
      <Paper withBorder shadow="sm" className="report-sheet" component="article" aria-label={heading ?? undefined}>
        <Stack gap="md">
          <Text ta="center" fw={700}>
            {program.school_name}
          </Text>
          <Title order={1} size="h3" ta="center">
            {heading}
          </Title>
          <Text ta="center" size="sm">
            {t("report.period", { year: program.academic_year })}
          </Text>
          <ReportView report={report.data} />
        </Stack>
      </Paper>
    </Stack>
  );
}
