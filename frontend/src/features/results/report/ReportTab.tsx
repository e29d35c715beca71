import { Anchor, Button, Group, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { downloadReport, useProgramReport, type ReportFormat } from "../../../api/reports";
import type { Program } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { ReportView } from "./ReportView";

/** «Отчёт» on the programme page: the figures with charts, a page to print, the files to send. */
export function ReportTab({ program }: { program: Program }) {
  const { t } = useTranslation();
  const report = useProgramReport(program.id);
  const [downloading, setDownloading] = useState<ReportFormat | null>(null);
  const [failed, setFailed] = useState<unknown>(null);

  const download = (format: ReportFormat) => {
    setDownloading(format);
    setFailed(null);
    downloadReport(program.id, format)
      .catch(setFailed)
      .finally(() => setDownloading(null));
  };

  if (report.isPending) return <PageLoader />;
  if (report.error) return <ErrorAlert error={report.error} />;
  return (
    <Stack>
      <Group gap="sm">
        <Button component={Link} to={`/programs/${program.id}/report`} variant="light">
          {t("report.print")}
        </Button>
        <Button variant="default" loading={downloading === "xlsx"} onClick={() => download("xlsx")}>
          {t("report.xlsx")}
        </Button>
        <Button variant="default" loading={downloading === "csv"} onClick={() => download("csv")}>
          {t("report.csv")}
        </Button>
      </Group>
      {failed ? <ErrorAlert error={failed} /> : null}
      <ReportView report={report.data} />
      <Anchor component={Link} to={`/programs/${program.id}/report`} size="sm">
        {t("report.print")}
      </Anchor>
    </Stack>
  );
}
