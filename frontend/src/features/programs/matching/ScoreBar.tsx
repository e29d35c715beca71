import { Group, Progress, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Contribution } from "../../../api/types";
import { CRITERION_COLORS, scorePercent, scoreSegments } from "./score";

interface Props {
  score: number;
  max: number;
  contributions: readonly Contribution[];
}

/**
 * A proposal's score out of the most its run's weights allow, as one bar made of each criterion's
 * points (the colours match the reasons beside it). Screen readers hear it as one progress bar:
 * «оценка 1000 из 1600: совпадение запроса и компетенций 500, …».
 */
export function ScoreBar({ score, max, contributions }: Props) {
  const { t } = useTranslation();
  const segments = scoreSegments(contributions, max);
  const parts = segments.map((s) => `${t(`criteria.${s.criterion}`)} ${s.points}`).join(", ");
  const label = parts ? t("matching.scoreLabel", { score, max, parts }) : t("matching.scoreLabelEmpty", { score, max });
  return (
    <Group gap="sm" wrap="nowrap" align="center">
      <Progress.Root
        size="lg"
        style={{ flex: 1, minWidth: 80 }}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={Math.min(score, max)}
        aria-valuetext={t("matching.scoreOf", { score, max })}
      >
        {segments.map((s) => (
          <Progress.Section key={s.criterion} value={s.percent} color={CRITERION_COLORS[s.criterion]} withAria={false} />
        ))}
      </Progress.Root>
      <Text size="sm" fw={600} style={{ whiteSpace: "nowrap" }} aria-hidden>
        {t("matching.scoreOf", { score, max })}
        <Text span size="xs" c="dimmed">
          {" "}
          ({scorePercent(score, max)}%)
        </Text>
      </Text>
    </Group>
  );
}
