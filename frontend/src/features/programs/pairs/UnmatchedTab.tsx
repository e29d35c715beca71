import { Anchor, Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { seesSensitive, useMe } from "../../../api/me";
import { useUnmatchedMentees } from "../../../api/pairs";
import type { UnmatchedMentee } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { useTagLabels } from "../bases/TagMultiSelect";
import { formatDay } from "../progress";
import { supportsMentees } from "./pairPermissions";
import { SupportModal } from "./SupportModal";
import { reasonText } from "./unmatchedReason";

interface Props {
  programId: number;
  schoolId: number;
  readOnly: boolean;
}

/** «Без пары»: who is still waiting, why the engine left them out, and how they are supported meanwhile. */
export function UnmatchedTab({ programId, schoolId, readOnly }: Props) {
  const { t, i18n } = useTranslation();
  const unmatched = useUnmatchedMentees(programId);
  const tagLabel = useTagLabels(schoolId);
  const { data: me } = useMe();
  const [editing, setEditing] = useState<UnmatchedMentee | null>(null);
  const sensitive = !!me && seesSensitive(me, schoolId);
  // Saving replaces the notes too: only those who can read them may rewrite them.
  const canSupport = !readOnly && !!me && supportsMentees(me, schoolId) && sensitive;

  if (unmatched.isPending) return <PageLoader />;
  if (unmatched.error) return <ErrorAlert error={unmatched.error} />;
  const nameOf = (m: UnmatchedMentee) => m.name ?? t("participants.erasedName", { id: m.participant_id });

  return (
    <Stack>
      <Text size="sm">{t("unmatched.hint")}</Text>
      {unmatched.data.length === 0 ? (
        <Text c="dimmed">{t("unmatched.empty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={1100}>
          <Table striped verticalSpacing="xs" aria-label={t("unmatched.table")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("participants.name")}</Table.Th>
                <Table.Th>{t("participants.class")}</Table.Th>
                <Table.Th>{t("bases.requestTags")}</Table.Th>
                <Table.Th>{t("unmatched.reason")}</Table.Th>
                <Table.Th>{t("unmatched.support")}</Table.Th>
                {canSupport && <Table.Th>{t("common.actions")}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {unmatched.data.map((m) => (
                <Table.Tr key={m.mentee_id}>
                  <Table.Td style={{ minWidth: 170 }}>
                    <Anchor component={Link} to={`/participants/${m.participant_id}`} fw={500}>
                      {nameOf(m)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{m.grade ? `${m.grade} ${m.class_letter ?? ""}` : "—"}</Table.Td>
                  <Table.Td style={{ minWidth: 240 }}>
                    <Group gap={4}>
                      {m.request_tags.map((tag) => (
                        <Badge key={tag} size="xs" color="indigo" variant="light" tt="none">
                          {tagLabel(tag)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ minWidth: 200 }}>
                    <Text size="sm">{reasonText(m.reason, t, tagLabel)}</Text>
                  </Table.Td>
                  <Table.Td style={{ minWidth: 220 }}>
                    <Text size="sm" style={{ whiteSpace: "pre-line" }}>
                      {sensitive ? (m.support_notes ?? "—") : t("unmatched.notesHidden")}
                    </Text>
                    {m.search_resumes_on && (
                      <Text size="xs" c="dimmed">
                        {t("unmatched.resumesOn", { date: formatDay(m.search_resumes_on, i18n.language) })}
                      </Text>
                    )}
                  </Table.Td>
                  {canSupport && (
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => setEditing(m)} aria-label={t("unmatched.editOf", { name: nameOf(m) })}>
                        {t("unmatched.edit")}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <SupportModal programId={programId} mentee={editing} name={nameOf(editing)} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
