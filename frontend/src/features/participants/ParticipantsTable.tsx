import { Anchor, Badge, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Participant } from "../../api/types";
import { formatDay } from "../programs/progress";
import { classOf, lacksConsent, participantName } from "./participantForm";

export function ParticipantsTable({ items }: { items: Participant[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={t("participants.table")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("participants.name")}</Table.Th>
            <Table.Th>{t("participants.kind")}</Table.Th>
            <Table.Th>{t("participants.class")}</Table.Th>
            <Table.Th>{t("participants.birthDate")}</Table.Th>
            <Table.Th>{t("participants.consent")}</Table.Th>
            <Table.Th>{t("participants.externalId")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => {
            const name = participantName(p);
            return (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/participants/${p.id}`} fw={500}>
                    {name ?? t("participants.erasedName", { id: p.id })}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`participantKinds.${p.kind}`)}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{classOf(p) ?? "—"}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {p.birth_date ? formatDay(p.birth_date, i18n.language) : (p.birth_year ?? "—")}
                </Table.Td>
                <Table.Td>
                  <ConsentCell participant={p} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {p.external_id ?? "—"}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ConsentCell({ participant }: { participant: Participant }) {
  const { t } = useTranslation();
  if (participant.erased) {
    return (
      <Badge color="gray" variant="light" tt="none">
        {t("participants.erased")}
      </Badge>
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      {lacksConsent(participant) ? (
        <Badge color="orange" variant="light" tt="none">
          {t("participants.minorNoConsent")}
        </Badge>
      ) : participant.has_processing_consent ? (
        <Badge color="green" variant="light" tt="none">
          {t("participants.consentYes")}
        </Badge>
      ) : (
        <Text size="sm" c="dimmed">
          —
        </Text>
      )}
    </Group>
  );
}
