import { Stack, Table, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { RunUnmatched as Unmatched } from "../../../api/types";
import { useTagLabels } from "../bases/TagMultiSelect";
import { PersonCell } from "../pairs/PersonCell";
import { sortedUnmatched, unmatchedText } from "./reasons";

/** The mentees the run left without a pair, each with the engine's reason. */
export function RunUnmatched({ unmatched, schoolId }: { unmatched: readonly Unmatched[]; schoolId: number }) {
  const { t } = useTranslation();
  const headingId = useId();
  const tagLabel = useTagLabels(schoolId);

  return (
    <Stack component="section" aria-labelledby={headingId} gap="xs">
      <Title order={3} size="h5" id={headingId}>
        {t("matching.unmatched")}
        <Text span c="dimmed" size="sm" fw={400}>
          {" · "}
          {unmatched.length}
        </Text>
      </Title>
      {unmatched.length === 0 ? (
        <Text c="dimmed">{t("matching.unmatchedEmpty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={360}>
          <Table striped verticalSpacing="xs" aria-label={t("matching.unmatchedTable")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("matching.mentee")}</Table.Th>
                <Table.Th>{t("unmatched.reason")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sortedUnmatched(unmatched).map((u) => (
                <Table.Tr key={u.mentee.id}>
                  <Table.Td style={{ minWidth: 140 }}>
                    <PersonCell person={u.mentee} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{unmatchedText(u.reason, t, tagLabel)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
