import { Badge, Button, Stack, Table, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { MatchingRunSummary } from "../../../api/types";
import { formatDateTime } from "../../../components/formatDate";
import { runFigures } from "./compare";
import { algorithmText, formatFigure } from "./runText";

interface Props {
  runs: readonly MatchingRunSummary[];
  currentId: number | null;
  onOpen: (id: number) => void;
}

/** The programme's runs, newest first, with their figures; any can be opened. */
export function RunsList({ runs, currentId, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  return (
    <Stack component="section" aria-labelledby={headingId} gap="xs">
      <Title order={2} size="h4" id={headingId}>
        {t("matching.runs")}
      </Title>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs" highlightOnHover aria-label={t("matching.runsTable")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("matching.runColumn")}</Table.Th>
              <Table.Th>{t("matching.algorithmColumn")}</Table.Th>
              <Table.Th>{t("matching.metrics.matched")}</Table.Th>
              <Table.Th>{t("matching.metrics.meanScore")}</Table.Th>
              <Table.Th>{t("matching.metrics.firstChoice")}</Table.Th>
              <Table.Th>{t("matching.acceptedColumn")}</Table.Th>
              <Table.Th>{t("common.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.map((run) => {
              const figures = runFigures(run);
              const current = run.id === currentId;
              return (
                <Table.Tr key={run.id} bg={current ? "var(--mantine-color-indigo-light)" : undefined} aria-current={current || undefined}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <Text size="sm" fw={500}>
                      № {run.id}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(run.created_at, i18n.language)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{algorithmText(run, t)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {formatFigure(figures.matched, i18n.language)}
                    <Text span size="xs" c="dimmed">
                      {" "}
                      ({run.stats.matched}/{run.stats.mentees})
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {formatFigure(figures.meanScore, i18n.language)}
                    <Text span size="xs" c="dimmed">
                      {" "}
                      ({Math.round(run.stats.mean_score)})
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatFigure(figures.firstChoice, i18n.language)}</Table.Td>
                  <Table.Td>{run.accepted_at ? formatDateTime(run.accepted_at, i18n.language) : t("matching.no")}</Table.Td>
                  <Table.Td>
                    {current ? (
                      <Badge variant="light" tt="none">
                        {t("matching.opened")}
                      </Badge>
                    ) : (
                      <Button size="compact-sm" variant="light" onClick={() => onOpen(run.id)} aria-label={t("matching.openOf", { id: run.id })}>
                        {t("matching.open")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
