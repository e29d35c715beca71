import { Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { MatchingRunSummary, RunInputs } from "../../../api/types";
import { scorePercent } from "./score";

const INPUTS = [
  "mentees",
  "mentors",
  "eligible_mentors",
  "free_places",
  "locked",
  "excluded",
  "preference_sheets",
] as const satisfies readonly (keyof RunInputs)[];

const percent = (share: number) => (Number.isFinite(share) ? Math.round(share * 100) : 0);

function Figure({ title, value, bar, hint }: { title: string; value: string; bar: number; hint?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {title}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
      <Progress value={bar} size="sm" mt={4} aria-label={`${title}: ${value}`} />
      {hint && (
        <Text size="xs" c="dimmed" mt={4}>
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/** The run's three figures (matched share, mean score, first choice) and what went into it. */
export function RunStats({ run }: { run: MatchingRunSummary }) {
  const { t } = useTranslation();
  const headingId = useId();
  const inputsId = useId();
  const { stats, inputs } = run;
  const max = run.max_score;
  const mean = Math.round(stats.mean_score);

  return (
    <Stack gap="sm">
      <section aria-labelledby={headingId}>
        <Title order={3} size="h5" id={headingId} mb="xs">
          {t("matching.stats")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Figure
            title={t("matching.matchedShare")}
            value={t("matching.matchedOf", { matched: stats.matched, mentees: stats.mentees, percent: percent(stats.matched_share) })}
            bar={percent(stats.matched_share)}
          />
          <Figure
            title={t("matching.meanScore")}
            value={t("matching.meanScoreOf", { mean, max, percent: scorePercent(stats.mean_score, max) })}
            bar={scorePercent(stats.mean_score, max)}
          />
          <Figure
            title={t("matching.firstChoice")}
            value={`${percent(stats.first_choice_share)}%`}
            bar={percent(stats.first_choice_share)}
            hint={t("matching.firstChoiceHint")}
          />
        </SimpleGrid>
      </section>
      <section aria-labelledby={inputsId}>
        <Title order={3} size="h5" id={inputsId} mb="xs">
          {t("matching.inputs")}
        </Title>
        <Table withTableBorder={false} verticalSpacing={4} maw={520} aria-labelledby={inputsId}>
          <Table.Tbody>
            {INPUTS.map((key) => (
              <Table.Tr key={key}>
                <Table.Th fw={400} scope="row">
                  {t(`matching.inputsList.${key}`)}
                </Table.Th>
                <Table.Td fw={600} ta="right">
                  {inputs[key]}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th fw={400} scope="row">
                {t("matching.inputsList.allow_untrained_mentors")}
              </Table.Th>
              <Table.Td fw={600} ta="right">
                {inputs.allow_untrained_mentors ? t("matching.untrainedAllowed") : t("matching.untrainedNotAllowed")}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </section>
    </Stack>
  );
}
