import { List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PairChange } from "../../../api/types";
import { formatDateTime } from "../../../components/formatDate";

/** Every change of a pair's status, oldest first, with who made it and why. */
export function PairHistory({ history, label }: { history: PairChange[]; label: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {t("pairs.historyTitle")}
      </Text>
      <List size="sm" spacing={4} aria-label={label}>
        {history.map((change, index) => {
          const to = t(`pairStatus.${change.to_status}`);
          const move = change.from_status
            ? t("pairs.historyMove", { from: t(`pairStatus.${change.from_status}`), to })
            : t("pairs.historyCreated", { to });
          return (
            <List.Item key={`${change.at}-${index}`}>
              <Text span size="sm" c="dimmed">
                {formatDateTime(change.at, i18n.language)}
              </Text>{" "}
              <Text span size="sm" fw={500}>
                {move}
              </Text>
              {change.reason ? <Text span size="sm">{`: ${change.reason}`}</Text> : null}{" "}
              <Text span size="xs" c="dimmed">
                ({t("pairs.historyActor", { actor: change.actor })})
              </Text>
            </List.Item>
          );
        })}
      </List>
    </div>
  );
}
