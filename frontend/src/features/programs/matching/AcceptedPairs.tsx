import { Alert, Button, List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Pair } from "../../../api/types";
import { usePairName } from "../pairs/usePairName";

/** What «Принять выбранные» made, and the way to the tab where an order approves it. */
export function AcceptedPairs({ pairs }: { pairs: readonly Pair[] }) {
  const { t } = useTranslation();
  const { pair: nameOf } = usePairName();
  return (
    <Alert color="green" title={t("matching.acceptedTitle", { count: pairs.length })} role="status">
      <Stack gap="xs">
        <List size="sm" spacing={2}>
          {pairs.map((pair) => (
            <List.Item key={pair.id}>
              {nameOf(pair)}
              {pair.kind === "group" ? ` (${t("pairKinds.group")})` : ""}
            </List.Item>
          ))}
        </List>
        <Text size="sm">{t("matching.acceptedNext")}</Text>
        <Button component={Link} to={{ search: "?tab=pairs" }} w="fit-content">
          {t("matching.toPairs")}
        </Button>
      </Stack>
    </Alert>
  );
}
