import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useReportPeriods } from "../../../api/reporting";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { formatDay as formatDate } from "../../programs/progress";
import { PageLoader } from "../../../components/PageLoader";
import { ResultsTabs } from "../ResultsTabs";
import { ScopeSelect, useReportingScope } from "../ScopeSelect";
import { OpenPeriodModal } from "./OpenPeriodModal";

/** The collection windows the region or institute has opened. */
export function PeriodsPage() {
  const { t, i18n } = useTranslation();
  const scope = useReportingScope();
  const periods = useReportPeriods(scope.current?.id ?? null);
  const [opening, setOpening] = useState(false);
  if (scope.loading) return <PageLoader />;
  return (
    <Stack>
      <Title order={1}>{t("results.title")}</Title>
      <ResultsTabs />
      {!scope.current ? (
        <Text c="dimmed">{t("results.noScope")}</Text>
      ) : (
        <>
          <ScopeSelect scopes={scope.scopes} current={scope.current} pick={scope.pick} />
          <Group justify="space-between">
            <Text c="dimmed" maw={640}>{t("results.periods.intro")}</Text>
            <Button onClick={() => setOpening(true)}>{t("results.periods.open")}</Button>
          </Group>
          {periods.isPending && <PageLoader />}
          {periods.isError && <ErrorAlert error={periods.error} />}
          {periods.data && periods.data.length === 0 && <Text c="dimmed">{t("results.periods.none")}</Text>}
          {periods.data && periods.data.length > 0 && (
            <Table.ScrollContainer minWidth={640}>
              <Table striped aria-label={t("results.periods.tab")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("results.periods.fields.title")}</Table.Th>
                    <Table.Th>{t("results.periods.fields.reference")}</Table.Th>
                    <Table.Th>{t("results.periods.window")}</Table.Th>
                    <Table.Th>{t("results.periods.band")}</Table.Th>
                    <Table.Th ta="right">{t("results.periods.schools")}</Table.Th>
                    <Table.Th>{t("results.periods.status")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {periods.data.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/results/periods/${p.id}`}>{p.title}</Anchor>
                      </Table.Td>
                      <Table.Td>{formatDate(p.reference_date, i18n.language)}</Table.Td>
                      <Table.Td>
                        {formatDate(p.opens_on, i18n.language)} – {formatDate(p.closes_on, i18n.language)}
                      </Table.Td>
                      <Table.Td>{p.age_from}–{p.age_to}</Table.Td>
                      <Table.Td ta="right">{p.schools}</Table.Td>
                      <Table.Td>
                        <Badge color={p.status === "open" ? "green" : "gray"} variant="light" tt="none">
                          {t(`results.periods.statuses.${p.status}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <OpenPeriodModal organizationId={scope.current.id} opened={opening} onClose={() => setOpening(false)} />
        </>
      )}
    </Stack>
  );
}
