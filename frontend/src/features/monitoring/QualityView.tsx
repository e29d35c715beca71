import { BarChart } from "@mantine/charts";
import { Accordion, Alert, Badge, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useQualityReport } from "../../api/monitoring";
import type { QuestionSummary, SurveyQuality } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageLoader } from "../../components/PageLoader";
import { distributionRows, formatChange, formatNumber, groupsBy, textOf } from "./analytics";
import { useGroupLabel } from "./ImpactView";
import { ResponseRate } from "./ResponseRate";
import { AudienceBadge, PhaseBadge } from "./SurveyBadges";

/**
 * Phase 1, «Качество программы»: for each quality survey, who answered, the strongest and
 * weakest rated items, expectations set beside reality, and each question's answers.
 */
export function QualityView({ programId }: { programId: number }) {
  const { t } = useTranslation();
  const report = useQualityReport(programId);
  if (report.isPending) return <PageLoader />;
  if (report.error) return <ErrorAlert error={report.error} />;
  if (report.data.surveys.length === 0) return <Text c="dimmed">{t("monitoring.quality.empty")}</Text>;
  return (
    <Stack gap="xl">
      {report.data.surveys.map((survey) => (
        <SurveyQualityCard key={survey.survey_id} survey={survey} />
      ))}
    </Stack>
  );
}

function SurveyQualityCard({ survey }: { survey: SurveyQuality }) {
  const { t, i18n } = useTranslation();
  const titleId = `quality-${survey.survey_id}`;
  const counts = { invitations: survey.invitations, submitted: survey.submitted, started: survey.submitted, response_rate: survey.response_rate ?? null };
  return (
    <Card withBorder component="section" aria-labelledby={titleId} data-survey-id={survey.survey_id}>
      <Stack>
        <div>
          <Title order={3} size="h4" id={titleId}>
            {survey.title}
          </Title>
          <Group mt={6} gap={6}>
            <PhaseBadge phase={survey.phase} />
            <AudienceBadge audience={survey.audience} />
          </Group>
        </div>
        <div style={{ maxWidth: 480 }}>
          <ResponseRate counts={counts} label={t("monitoring.rate.of", { title: survey.title })} />
        </div>
        {survey.submitted === 0 ? (
          <Text c="dimmed">{t("monitoring.quality.noAnswers")}</Text>
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <ItemList title={t("monitoring.quality.strengths")} codes={survey.strengths} questions={survey.questions} color="green" />
              <ItemList title={t("monitoring.quality.weaknesses")} codes={survey.weaknesses} questions={survey.questions} color="orange" />
            </SimpleGrid>
            {survey.gaps.length > 0 && (
              <div>
                <Title order={4} size="h5" mb="xs">
                  {t("monitoring.quality.gaps")}
                </Title>
                <Text size="sm" c="dimmed" mb="xs">
                  {t("monitoring.quality.gapsHint")}
                </Text>
                <Table.ScrollContainer minWidth={520}>
                  <Table aria-label={t("monitoring.quality.gaps")}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t("monitoring.quality.expectation")}</Table.Th>
                        <Table.Th ta="right">{t("monitoring.quality.expected")}</Table.Th>
                        <Table.Th ta="right">{t("monitoring.quality.got")}</Table.Th>
                        <Table.Th ta="right">{t("monitoring.quality.gap")}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {survey.gaps.map((gap) => (
                        <Table.Tr key={gap.reality}>
                          <Table.Td>
                            <Text size="sm">{textOf(survey.questions, gap.expectation)}</Text>
                            <Text size="xs" c="dimmed">
                              {t("monitoring.quality.respondents", { count: gap.n })}
                            </Text>
                          </Table.Td>
                          <Table.Td ta="right">{formatNumber(gap.expectation_mean, i18n.language, 1)}</Table.Td>
                          <Table.Td ta="right">{formatNumber(gap.reality_mean, i18n.language, 1)}</Table.Td>
                          <Table.Td ta="right">
                            {gap.gap == null ? (
                              <Text size="sm" c="dimmed">
                                {t("monitoring.withheld")}
                              </Text>
                            ) : (
                              <Text size="sm" fw={700} c={gap.gap < 0 ? "red.8" : "green.8"}>
                                {formatChange(gap.gap, i18n.language, 1)}
                              </Text>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </div>
            )}
            <div>
              <Title order={4} size="h5" mb="xs">
                {t("monitoring.quality.questions")}
              </Title>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                {survey.questions.map((q) => (
                  <QuestionCard key={q.code} question={q} />
                ))}
              </SimpleGrid>
            </div>
          </>
        )}
      </Stack>
    </Card>
  );
}

function ItemList({ title, codes, questions, color }: { title: string; codes: string[]; questions: QuestionSummary[]; color: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div>
      <Title order={4} size="h5" mb="xs">
        {title}
      </Title>
      {codes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("monitoring.quality.none")}
        </Text>
      ) : (
        <List spacing={4} size="sm">
          {codes.map((code) => {
            const q = questions.find((x) => x.code === code);
            return (
              <List.Item key={code}>
                {textOf(questions, code)}{" "}
                {q?.mean != null && (
                  <Badge color={color} variant="light" tt="none">
                    {t("monitoring.quality.mean", { value: formatNumber(q.mean, i18n.language, 1) })}
                  </Badge>
                )}
              </List.Item>
            );
          })}
        </List>
      )}
    </div>
  );
}

function QuestionCard({ question }: { question: QuestionSummary }) {
  const { t, i18n } = useTranslation();
  const rows = distributionRows(question);
  return (
    <Card withBorder padding="sm">
      <Text size="sm" fw={600}>
        {question.text}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {[
          t(`monitoring.kinds.${question.kind}`),
          t("monitoring.quality.answered", { count: question.answered }),
          question.mean != null ? t("monitoring.quality.mean", { value: formatNumber(question.mean, i18n.language, 1) }) : null,
          question.median != null ? t("monitoring.quality.median", { value: formatNumber(question.median, i18n.language, 1) }) : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </Text>
      {question.suppressed ? (
        <Alert color="gray" variant="light">
          {t("monitoring.quality.suppressed")}
        </Alert>
      ) : question.kind === "text" ? (
        question.open_answers && question.open_answers.length > 0 ? (
          <List size="sm" spacing={4} aria-label={t("monitoring.quality.openAnswers")}>
            {question.open_answers.map((answer, i) => (
              <List.Item key={i}>«{answer}»</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {question.open_answers ? t("monitoring.quality.noOpenAnswers") : t("monitoring.quality.openHidden")}
          </Text>
        )
      ) : rows.length > 0 ? (
        <figure style={{ margin: 0 }} aria-label={t("monitoring.quality.distributionOf", { text: question.text })}>
          <BarChart
            h={150}
            data={rows}
            dataKey="value"
            series={[{ name: "count", label: t("monitoring.quality.count"), color: "indigo.6" }]}
            tickLine="y"
            withTooltip
          />
        </figure>
      ) : null}
      {!question.suppressed && (question.groups ?? []).length > 0 && <GroupMeans question={question} />}
    </Card>
  );
}

/** The question's mean by the respondents' form, role model and pair: where the programme works less well. */
function GroupMeans({ question }: { question: QuestionSummary }) {
  const { t, i18n } = useTranslation();
  const label = useGroupLabel();
  return (
    <Accordion variant="contained" mt="xs">
      {groupsBy(question.groups).map(({ by, groups }) => (
        <Accordion.Item key={by} value={by}>
          <Accordion.Control>{t(`monitoring.groups.by.${by}`, { defaultValue: by })}</Accordion.Control>
          <Accordion.Panel>
            <Table aria-label={`${t(`monitoring.groups.by.${by}`, { defaultValue: by })}: ${question.text}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("monitoring.impact.group")}</Table.Th>
                  <Table.Th ta="right">n</Table.Th>
                  <Table.Th ta="right">{t("monitoring.impact.meanLabel")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {groups.map((g) => (
                  <Table.Tr key={g.group}>
                    <Table.Td>{label(by, g.group)}</Table.Td>
                    <Table.Td ta="right">{g.n}</Table.Td>
                    <Table.Td ta="right">{g.suppressed ? t("monitoring.withheld") : formatNumber(g.mean, i18n.language, 1)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
