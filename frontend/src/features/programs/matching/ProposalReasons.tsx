import { ColorSwatch, Group, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Contribution } from "../../../api/types";
import { contributionText } from "./reasons";
import { CRITERION_COLORS } from "./score";

interface Props {
  contributions: readonly Contribution[];
  tagLabel: (code: string) => string;
  label: string;
}

/**
 * Each criterion's share of the score with the fact behind it, in Russian, points at the end; the
 * dot beside each has the colour of its part of the score bar.
 */
export function ProposalReasons({ contributions, tagLabel, label }: Props) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={2} listStyleType="none" aria-label={label} styles={{ itemWrapper: { width: "100%" }, itemLabel: { width: "100%" } }}>
      {contributions.map((c) => (
        <List.Item key={c.criterion}>
          <Group gap={8} wrap="nowrap" align="flex-start" justify="space-between">
            <Group gap={8} wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
              <ColorSwatch color={`var(--mantine-color-${CRITERION_COLORS[c.criterion].replace(".", "-")})`} size={10} mt={5} withShadow={false} aria-hidden />
              <Text size="sm" c={c.points > 0 ? undefined : "dimmed"} style={{ overflowWrap: "anywhere" }} title={t(`criteria.${c.criterion}`)}>
                {contributionText(c, t, tagLabel)}
              </Text>
            </Group>
            <Text size="sm" fw={500} c={c.points > 0 ? undefined : "dimmed"} style={{ whiteSpace: "nowrap" }}>
              {t("matching.points", { points: c.points })}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
