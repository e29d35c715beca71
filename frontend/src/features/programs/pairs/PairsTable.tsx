import { Checkbox, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Pair } from "../../../api/types";
import { canJoinOrder } from "./pairStatus";
import { PairRow } from "./PairRow";

interface Props {
  pairs: Pair[];
  canManage: boolean;
  selected: readonly number[];
  onSelect: (ids: number[]) => void;
}

/** The pairs and groups with their people, form, status and order; proposed ones can be ticked for an order. */
export function PairsTable({ pairs, canManage, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const proposed = pairs.filter((p) => canJoinOrder(p.status)).map((p) => p.id);
  const allSelected = proposed.length > 0 && proposed.every((id) => selected.includes(id));
  const someSelected = selected.length > 0 && !allSelected;
  const columns = canManage ? 6 : 5;
  const toggle = (id: number) => onSelect(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);

  return (
    <Table.ScrollContainer minWidth={980}>
      <Table verticalSpacing="xs" highlightOnHover aria-label={t("pairs.table")}>
        <Table.Thead>
          <Table.Tr>
            {canManage && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t("pairs.selectAll")}
                  checked={allSelected}
                  indeterminate={someSelected}
                  disabled={proposed.length === 0}
                  onChange={() => onSelect(allSelected ? [] : proposed)}
                />
              </Table.Th>
            )}
            <Table.Th>{t("pairs.mentor")}</Table.Th>
            <Table.Th>{t("pairs.mentees")}</Table.Th>
            <Table.Th>
              {t("pairs.form")} / {t("pairs.roleModel")}
            </Table.Th>
            <Table.Th>
              {t("pairs.status")} / {t("pairs.order")}
            </Table.Th>
            <Table.Th>{t("common.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pairs.map((pair) => (
            <PairRow
              key={pair.id}
              pair={pair}
              canManage={canManage}
              selected={selected.includes(pair.id)}
              onToggle={() => toggle(pair.id)}
              columns={columns}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
