import { BarChart } from "@mantine/charts";
import { Alert, Badge, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useRequestMap } from "../../../api/pairing";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { requestMapBars, totalShortage } from "./requestMap";

/** The request map: per tag, mentees asking beside places mentors offer, with the gap in red. */
export function RequestMapView({ programId }: { programId: number }) {
  const { t } = useTranslation();
  const map = useRequestMap(programId);

  if (map.isPending) return <PageLoader />;
  if (map.error) return <ErrorAlert error={map.error} />;
  const { rows, untagged_mentees: untagged } = map.data;
  const shortage = totalShortage(rows);

  return (
    <Stack>
      {untagged > 0 && <Alert color="yellow">{t("requestMap.untagged", { count: untagged })}</Alert>}
      {rows.length === 0 ? (
        <Text c="dimmed">{t("requestMap.empty")}</Text>
      ) : (
        <>
          <Text fw={500} c={shortage > 0 ? "red.8" : "green.8"}>
            {shortage > 0 ? t("requestMap.shortage", { count: shortage }) : t("requestMap.covered")}
          </Text>
          <figure style={{ margin: 0 }} aria-label={t("requestMap.chart")}>
            {/* Bars run sideways so that every topic's label fits, on a phone too. */}
            <BarChart
              h={Math.max(200, rows.length * 56 + 60)}
              data={requestMapBars(rows)}
              dataKey="label"
              orientation="vertical"
              yAxisProps={{ width: 150 }}
              withLegend
              series={[
                { name: "mentees", label: t("requestMap.mentees"), color: "indigo.6" },
                { name: "capacity", label: t("requestMap.capacity"), color: "teal.6" },
                { name: "shortage", label: t("requestMap.gap"), color: "red.6" },
              ]}
              tickLine="x"
            />
          </figure>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" aria-label={t("requestMap.table")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("requestMap.tag")}</Table.Th>
                  <Table.Th>{t("requestMap.mentees")}</Table.Th>
                  <Table.Th>{t("requestMap.capacity")}</Table.Th>
                  <Table.Th>{t("requestMap.gap")}</Table.Th>
                  <Table.Th>{t("requestMap.mentors")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.tag} bg={row.gap > 0 ? "var(--mantine-color-red-light)" : undefined}>
                    <Table.Td fw={500}>{row.label}</Table.Td>
                    <Table.Td>{row.mentees}</Table.Td>
                    <Table.Td>{row.capacity}</Table.Td>
                    <Table.Td>
                      <Badge color={row.gap > 0 ? "red" : "green"} variant="light" tt="none">
                        {row.gap > 0 ? `−${row.gap}` : row.gap < 0 ? `+${-row.gap}` : "0"}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {row.mentors.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          {t("requestMap.noMentors")}
                        </Text>
                      ) : (
                        <Group gap={4}>
                          {row.mentors.map((m) => (
                            <Badge key={m.mentor_id} variant={m.ready ? "filled" : "outline"} color="teal" tt="none">
                              {`${m.name ?? `#${m.mentor_id}`} (${m.capacity})`}
                            </Badge>
                          ))}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed">
            {t("requestMap.legend")}
          </Text>
        </>
      )}
    </Stack>
  );
}
