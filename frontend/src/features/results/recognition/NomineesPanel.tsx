import { BarChart } from "@mantine/charts";
import { Button, Card, Group, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNominees } from "../../../api/recognition";
import type { Nominee, NomineeKind } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { formatRating, formatShare } from "./awardTexts";

interface Props {
  programId: number;
  kind: NomineeKind;
  onKind: (kind: NomineeKind) => void;
  /** Absent when the programme is closed or the caller may not grant. */
  onGrant?: (nominee: Nominee) => void;
}

/** The nominees the record puts forward, their scores compared on a chart and their figures. */
export function NomineesPanel({ programId, kind, onKind, onGrant }: Props) {
  const { t, i18n } = useTranslation();
  const nominees = useNominees(programId, kind);
  const label = (n: Nominee) => n.name ?? t("recognition.awards.erased");

  return (
    <Card withBorder component="section" aria-labelledby="nominees-title">
      <Stack>
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={2} size="h3" id="nominees-title">
            {t("recognition.nominees.title")}
          </Title>
          <SegmentedControl
            aria-label={t("recognition.nominees.kindLabel")}
            value={kind}
            onChange={(value) => onKind(value as NomineeKind)}
            data={[
              { value: "mentor_of_the_year", label: t("recognition.kinds.mentor_of_the_year") },
              { value: "best_pair", label: t("recognition.kinds.best_pair") },
            ]}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {t("recognition.nominees.hint")}
        </Text>
        {nominees.isPending ? (
          <PageLoader />
        ) : nominees.error ? (
          <ErrorAlert error={nominees.error} />
        ) : nominees.data.items.length === 0 ? (
          <Text>{t("recognition.nominees.none")}</Text>
        ) : (
          <>
            <figure style={{ margin: 0 }} aria-label={t("recognition.nominees.chart")}>
              <BarChart
                h={Math.max(160, nominees.data.items.length * 36)}
                orientation="vertical"
                yAxisProps={{ width: 180 }}
                xAxisProps={{ domain: [0, 100] }}
                data={nominees.data.items.map((n) => ({ name: `${n.rank}. ${label(n)}`, score: n.score }))}
                dataKey="name"
                series={[{ name: "score", label: t("recognition.nominees.score"), color: "teal.6" }]}
                valueFormatter={(value) => value.toLocaleString(i18n.language)}
              />
            </figure>
            <Table.ScrollContainer minWidth={720}>
              <Table striped verticalSpacing="xs" aria-label={t("recognition.nominees.title")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("recognition.nominees.rank")}</Table.Th>
                    <Table.Th>{t("recognition.nominees.name")}</Table.Th>
                    <Table.Th ta="right">{t("recognition.nominees.score")}</Table.Th>
                    <Table.Th ta="right">{t("recognition.nominees.meetings")}</Table.Th>
                    <Table.Th ta="right">{t("recognition.nominees.days")}</Table.Th>
                    <Table.Th ta="right">{t("recognition.nominees.completed")}</Table.Th>
                    <Table.Th ta="right">{t("recognition.nominees.rating")}</Table.Th>
                    <Table.Th ta="right">{t("recognition.nominees.change")}</Table.Th>
                    {onGrant && <Table.Th>{t("common.actions")}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {nominees.data.items.map((n) => (
                    <Table.Tr key={`${n.participant_id ?? ""}-${n.pair_id ?? ""}`}>
                      <Table.Td>{n.rank}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{label(n)}</Text>
                        {n.already_awarded && (
                          <Text size="xs" c="orange.9" fw={600}>
                            ★ {t("recognition.nominees.awarded")}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {n.score.toLocaleString(i18n.language)}
                      </Table.Td>
                      <Table.Td ta="right">{n.figures.meetings_held}</Table.Td>
                      <Table.Td ta="right">{n.figures.days_of_work}</Table.Td>
                      <Table.Td ta="right">{n.figures.completed_pairs}</Table.Td>
                      <Table.Td ta="right">{formatRating(n.figures.mean_rating, i18n.language)}</Table.Td>
                      <Table.Td ta="right">
                        {formatShare(n.figures.improved_share, i18n.language)}
                        {n.figures.measured_mentees > 0 && (
                          <Text size="xs" c="dimmed">
                            {t("recognition.nominees.measured", { count: n.figures.measured_mentees })}
                          </Text>
                        )}
                      </Table.Td>
                      {onGrant && (
                        <Table.Td>
                          <Button
                            size="xs"
                            variant={n.already_awarded ? "default" : "filled"}
                            aria-label={t("recognition.nominees.grantWho", { name: label(n) })}
                            onClick={() => onGrant(n)}
                          >
                            {t("recognition.nominees.grant")}
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </Card>
  );
}
