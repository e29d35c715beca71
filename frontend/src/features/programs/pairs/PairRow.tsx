import { Badge, Checkbox, Stack, Table, Text } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Pair } from "../../../api/types";
import { formatDay } from "../progress";
import { PairActions } from "./PairActions";
import { PairHistory } from "./PairHistory";
import { PairStatusBadge } from "./PairStatusBadge";
import { canJoinOrder } from "./pairStatus";
import { PersonCell } from "./PersonCell";
import { usePairName } from "./usePairName";

interface Props {
  pair: Pair;
  canManage: boolean;
  selected: boolean;
  onToggle: () => void;
  columns: number;
}

/** One pair or group, and under it (when opened) the history of its statuses. */
export function PairRow({ pair, canManage, selected, onToggle, columns }: Props) {
  const { t, i18n } = useTranslation();
  const { pair: nameOf } = usePairName();
  const historyId = useId();
  const [historyOpen, setHistoryOpen] = useState(false);
  const name = nameOf(pair);

  return (
    <>
      <Table.Tr data-pair-id={pair.id} bg={selected ? "var(--mantine-color-indigo-light)" : undefined}>
        {canManage && (
          <Table.Td>
            {canJoinOrder(pair.status) && (
              <Checkbox checked={selected} onChange={onToggle} aria-label={t("pairs.select", { name })} />
            )}
          </Table.Td>
        )}
        <Table.Td style={{ minWidth: 150 }}>
          <PersonCell person={pair.mentor} />
        </Table.Td>
        <Table.Td style={{ minWidth: 170 }}>
          <Stack gap={2}>
            {pair.kind === "group" && (
              <Badge size="xs" variant="outline" tt="none" w="fit-content">
                {t("pairKinds.group")}
              </Badge>
            )}
            {pair.mentees.map((mentee) => (
              <PersonCell key={mentee.id} person={mentee} />
            ))}
          </Stack>
        </Table.Td>
        <Table.Td style={{ minWidth: 150 }}>
          <Text size="sm">{t(`forms.${pair.form}`)}</Text>
          <Text size="xs" c="dimmed">
            {pair.role_model ? t(`roleModels.${pair.role_model}`) : t("pairs.noRoleModel")}
          </Text>
        </Table.Td>
        <Table.Td style={{ minWidth: 160 }}>
          <PairStatusBadge status={pair.status} />
          {pair.order && (
            <Text size="xs" c="dimmed" mt={4}>
              {t("pairs.orderLine", { number: pair.order.number, date: formatDay(pair.order.signed_on, i18n.language) })}
            </Text>
          )}
        </Table.Td>
        <Table.Td style={{ minWidth: 250 }}>
          <PairActions
            pair={pair}
            canManage={canManage}
            historyOpen={historyOpen}
            historyId={historyId}
            onToggleHistory={() => setHistoryOpen((open) => !open)}
          />
        </Table.Td>
      </Table.Tr>
      {historyOpen && (
        <Table.Tr id={historyId}>
          <Table.Td colSpan={columns} bg="var(--mantine-color-gray-light)">
            {pair.goal && (
              <Text size="sm" mb={4}>
                {t("pairs.goal")}: {pair.goal}
              </Text>
            )}
            <PairHistory history={pair.history} label={t("pairs.historyOf", { name })} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
