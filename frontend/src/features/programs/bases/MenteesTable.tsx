import { Anchor, Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMentees, useUpdateMentee } from "../../../api/pairing";
import type { Mentee, MenteeStatus } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { notifyFailure, notifySuccess } from "../../../components/notify";
import { PageLoader } from "../../../components/PageLoader";
import { useProblemMessage } from "../../../components/useProblemMessage";
import { EnrolMenteeModal } from "./EnrolMenteeModal";
import { MENTEE_STATUS_COLORS, menteeStatusOptions } from "./enrolmentStatus";
import { StatusCell } from "./StatusCell";
import { useTagLabels } from "./TagMultiSelect";

interface Props {
  programId: number;
  schoolId: number;
  readOnly: boolean;
  withSensitive: boolean;
}

/** The programme's base of mentees: who, what they need, and where they are in the programme. */
export function MenteesTable({ programId, schoolId, readOnly, withSensitive }: Props) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const mentees = useMentees(programId);
  const update = useUpdateMentee(programId);
  const tagLabel = useTagLabels(schoolId);
  const [enrolling, setEnrolling] = useState(false);

  if (mentees.isPending) return <PageLoader />;
  if (mentees.error) return <ErrorAlert error={mentees.error} />;

  const move = (mentee: Mentee, status: MenteeStatus) =>
    update.mutate(
      { mentee, patch: { status } },
      {
        onSuccess: () => notifySuccess(t("bases.statusSaved", { status: t(`menteeStatus.${status}`) })),
        onError: (error) => notifyFailure(problemMessage(error)),
      },
    );

  return (
    <Stack>
      {!readOnly && (
        <Group>
          <Button onClick={() => setEnrolling(true)}>{t("bases.enrolMentee")}</Button>
        </Group>
      )}
      {mentees.data.length === 0 ? (
        <Text c="dimmed">{t("bases.noMentees")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs" aria-label={t("bases.mentees")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("participants.name")}</Table.Th>
                <Table.Th>{t("participants.class")}</Table.Th>
                <Table.Th>{t("bases.categories")}</Table.Th>
                <Table.Th>{t("bases.menteeType")}</Table.Th>
                <Table.Th>{t("bases.request")}</Table.Th>
                <Table.Th>{t("bases.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mentees.data.map((m) => {
                const name = m.name ?? t("participants.erasedName", { id: m.participant_id });
                return (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/participants/${m.participant_id}`} fw={500}>
                        {name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{m.grade ? `${m.grade} ${m.class_letter ?? ""}` : "—"}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {m.categories.map((c) => (
                          <Badge key={c} size="sm" variant="outline" tt="none">
                            {t(`menteeCategories.${c}`)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{t(`menteeTypes.${m.mentee_type}`)}</Table.Td>
                    <Table.Td style={{ minWidth: 220 }}>
                      <Text size="sm">{m.request_text ?? "—"}</Text>
                      <Group gap={4} mt={2}>
                        {m.request_tags.map((tag) => (
                          <Badge key={tag} size="xs" color="indigo" variant="light" tt="none">
                            {tagLabel(tag)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <StatusCell
                        status={m.status}
                        options={menteeStatusOptions(m.status)}
                        colors={MENTEE_STATUS_COLORS}
                        labelOf={(s) => t(`menteeStatus.${s}`)}
                        ariaLabel={t("bases.statusOf", { name })}
                        readOnly={readOnly}
                        disabled={update.isPending}
                        onChange={(s) => move(m, s)}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {enrolling && (
        <EnrolMenteeModal programId={programId} schoolId={schoolId} withSensitive={withSensitive} onClose={() => setEnrolling(false)} />
      )}
    </Stack>
  );
}
