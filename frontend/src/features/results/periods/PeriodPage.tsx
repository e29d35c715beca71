import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { downloadPeriod, useClosePeriod, usePeriodExport, useRefreshSnapshot } from "../../../api/reporting";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { NotFoundPage } from "../../../components/NotFoundPage";
import { notifyFailure, notifySuccess } from "../../../components/notify";
import { PageLoader } from "../../../components/PageLoader";
import { useProblemMessage } from "../../../components/useProblemMessage";
import { formatDateTime } from "../../../components/formatDate";
import { formatDay } from "../../programs/progress";
import { SchoolFiguresTable } from "../SchoolFiguresTable";

/** One period: its frozen rows, the downloads, and — while open — refresh and close. */
export function PeriodPage() {
  const { t, i18n } = useTranslation();
  const problem = useProblemMessage();
  const id = Number(useParams().periodId);
  const data = usePeriodExport(id);
  const refresh = useRefreshSnapshot(id);
  const close = useClosePeriod(id);
  const [closing, setClosing] = useState(false);
  if (!Number.isInteger(id)) return <NotFoundPage />;
  if (data.isPending) return <PageLoader />;
  if (data.isError) return <ErrorAlert error={data.error} />;
  const { period, rows, totals } = data.data;
  const open = period.status === "open";
  const download = (format: "json" | "csv") => downloadPeriod(id, format).catch((e: unknown) => notifyFailure(problem(e)));
  return (
    <Stack>
      <Anchor component={Link} to="/results/periods" size="sm">
        ← {t("results.periods.back")}
      </Anchor>
      <Group justify="space-between" align="start">
        <div>
          <Title order={1}>{period.title}</Title>
          <Text c="dimmed">
            {t("results.periods.summary", {
              reference: formatDay(period.reference_date, i18n.language),
              opens: formatDay(period.opens_on, i18n.language),
              closes: formatDay(period.closes_on, i18n.language),
              from: period.age_from,
              to: period.age_to,
            })}
          </Text>
        </div>
        <Badge size="lg" color={open ? "green" : "gray"} variant="light" tt="none">
          {t(`results.periods.statuses.${period.status}`)}
        </Badge>
      </Group>
      <Text size="sm">
        {t("results.periods.snapshotAt", { at: formatDateTime(period.snapshot_at, i18n.language), version: data.data.schema_version })}
      </Text>
      <Group>
        <Button variant="light" onClick={() => download("csv")}>{t("results.periods.downloadCsv")}</Button>
        <Button variant="light" onClick={() => download("json")}>{t("results.periods.downloadJson")}</Button>
        {open && (
          <>
            <Button
              variant="default"
              loading={refresh.isPending}
              onClick={() =>
                refresh.mutate(undefined, {
                  onSuccess: () => notifySuccess(t("results.periods.refreshed")),
                  onError: (e) => notifyFailure(problem(e)),
                })
              }
            >
              {t("results.periods.refresh")}
            </Button>
            <Button color="red" variant="outline" onClick={() => setClosing(true)}>
              {t("results.periods.close")}
            </Button>
          </>
        )}
      </Group>
      {!open && <Alert color="gray">{t("results.periods.frozen")}</Alert>}
      <SchoolFiguresTable rows={rows} totals={totals} caption={t("results.periods.rowsCaption", { title: period.title })} />
      <Text size="xs" c="dimmed">{t("results.footnote")}</Text>
      <ConfirmModal
        opened={closing}
        title={t("results.periods.closeTitle")}
        message={t("results.periods.closeMessage")}
        confirmLabel={t("results.periods.close")}
        loading={close.isPending}
        onClose={() => setClosing(false)}
        onConfirm={() =>
          close.mutate(undefined, {
            onSuccess: () => {
              setClosing(false);
              notifySuccess(t("results.periods.closed"));
            },
            onError: (e) => notifyFailure(problem(e)),
          })
        }
      />
    </Stack>
  );
}
