import { Button, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PreferenceSheet, Side } from "../../../api/types";
import { formatDateTime } from "../../../components/formatDate";
import { otherSide } from "./preferenceSheet";

interface Props {
  sheets: PreferenceSheet[];
  nameOf: (side: Side, id: number) => string;
  onEdit?: (sheet: PreferenceSheet) => void;
}

/** The sheets entered so far: who chose, whether they came to the meeting, and their ranked choices. */
export function PreferenceSheetsTable({ sheets, nameOf, onEdit }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs" aria-label={t("preferences.enteredTable")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("preferences.chooser")}</Table.Th>
            <Table.Th>{t("preferences.meeting")}</Table.Th>
            <Table.Th>{t("preferences.choices")}</Table.Th>
            <Table.Th>{t("preferences.updatedAt")}</Table.Th>
            {onEdit && <Table.Th>{t("common.actions")}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sheets.map((sheet) => {
            const name = nameOf(sheet.side, sheet.chooser_id);
            const choices = [...sheet.ranks].sort((a, b) => a.rank - b.rank);
            return (
              <Table.Tr key={`${sheet.side}-${sheet.chooser_id}`}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`preferences.sides.${sheet.side}`)}
                  </Text>
                </Table.Td>
                <Table.Td>{sheet.attended_group_meeting ? t("preferences.attendedYes") : t("preferences.attendedNo")}</Table.Td>
                <Table.Td>
                  {choices.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t("preferences.noChoices")}
                    </Text>
                  ) : (
                    choices.map((r) => (
                      <Text key={r.id} size="sm">
                        {r.rank}. {nameOf(otherSide(sheet.side), r.id)}
                      </Text>
                    ))
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(sheet.updated_at, i18n.language)}</Table.Td>
                {onEdit && (
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => onEdit(sheet)} aria-label={t("preferences.editOf", { name })}>
                      {t("preferences.edit")}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
