import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParticipantAudit } from "../../api/participants";
import { useUsers } from "../../api/users";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatDateTime } from "../../components/formatDate";
import { PageLoader } from "../../components/PageLoader";
import { actorLabel } from "./auditLabels";

/** Who read or changed this record and when, newest first: the school admin's view. */
export function AuditPanel({ schoolId, participantId }: { schoolId: number; participantId: number }) {
  const { t, i18n } = useTranslation();
  const audit = useParticipantAudit(schoolId, participantId, true);
  const users = useUsers({ organizationId: schoolId });
  const names = new Map((users.data?.items ?? []).map((u) => [u.id, u.full_name]));

  if (audit.isPending) return <PageLoader />;
  if (audit.error) return <ErrorAlert error={audit.error} />;
  if (audit.data.length === 0) return <Text c="dimmed">{t("audit.empty")}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing="xs" aria-label={t("audit.title")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("audit.at")}</Table.Th>
            <Table.Th>{t("audit.action")}</Table.Th>
            <Table.Th>{t("audit.actor")}</Table.Th>
            <Table.Th>{t("audit.detail")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {audit.data.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(entry.at, i18n.language)}</Table.Td>
              <Table.Td>{i18n.exists(`audit.actions.${entry.action}`) ? t(`audit.actions.${entry.action}`) : entry.action}</Table.Td>
              <Table.Td>{actorLabel(entry.actor, names, t)}</Table.Td>
              <Table.Td>{entry.detail ?? "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
