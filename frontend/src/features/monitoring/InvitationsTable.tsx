import { Badge, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useInvitations } from "../../api/monitoring";
import { INVITATION_STATUSES, type InvitationState, type Survey } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatDateTime } from "../../components/formatDate";
import { PageLoader } from "../../components/PageLoader";
import { anonymousNumbers, countByStatus, INVITATION_STATUS_COLORS } from "./invitations";

export function InvitationStatusBadge({ status }: { status: InvitationState["status"] }) {
  const { t } = useTranslation();
  return (
    <Badge color={INVITATION_STATUS_COLORS[status]} variant="light" tt="none">
      {t(`monitoring.invitationStatus.${status}`)}
    </Badge>
  );
}

/** Each link issued with its state (не начата, начата, отправлена), read again while open. */
export function InvitationsTable({ survey }: { survey: Survey }) {
  const { t, i18n } = useTranslation();
  const invitations = useInvitations(survey.id, true);
  if (invitations.isPending) return <PageLoader />;
  if (invitations.error) return <ErrorAlert error={invitations.error} />;
  if (invitations.data.length === 0) return <Text c="dimmed">{t("monitoring.invitations.empty")}</Text>;

  const counts = countByStatus(invitations.data);
  const numbers = anonymousNumbers(invitations.data);
  return (
    <>
      <Group gap="md" mb="xs">
        {INVITATION_STATUSES.map((status) => (
          <Text size="sm" key={status}>
            {t(`monitoring.invitationStatus.${status}`)}: <b>{counts[status]}</b>
          </Text>
        ))}
      </Group>
      <Table.ScrollContainer minWidth={420}>
        <Table striped aria-label={t("monitoring.invitations.title")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("monitoring.invitations.who")}</Table.Th>
              <Table.Th>{t("monitoring.invitations.status")}</Table.Th>
              <Table.Th>{t("monitoring.invitations.issuedAt")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.data.map((inv) => (
              <Table.Tr key={inv.id} data-invitation-id={inv.id}>
                <Table.Td>
                  {inv.participant_id == null
                    ? t("monitoring.sheet.anonymous", { no: numbers.get(inv.id) })
                    : (inv.name ?? t("participants.erasedName", { id: inv.participant_id }))}
                </Table.Td>
                <Table.Td>
                  <InvitationStatusBadge status={inv.status} />
                </Table.Td>
                <Table.Td>{formatDateTime(inv.created_at, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
