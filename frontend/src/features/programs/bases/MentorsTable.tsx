import { Anchor, Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMentors, useUpdateMentor } from "../../../api/pairing";
import type { Mentor, MentorStatus } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { notifyFailure, notifySuccess } from "../../../components/notify";
import { PageLoader } from "../../../components/PageLoader";
import { useProblemMessage } from "../../../components/useProblemMessage";
import { EnrolMentorModal } from "./EnrolMentorModal";
import { MENTOR_STATUS_COLORS, mentorStatusOptions } from "./enrolmentStatus";
import { MentorDrawer } from "./MentorDrawer";
import { StatusCell } from "./StatusCell";
import { useTagLabels } from "./TagMultiSelect";

interface Props {
  programId: number;
  schoolId: number;
  readOnly: boolean;
}

/** The programme's base of mentors with the state of their selection. */
export function MentorsTable({ programId, schoolId, readOnly }: Props) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const mentors = useMentors(programId);
  const update = useUpdateMentor(programId);
  const tagLabel = useTagLabels(schoolId);
  const [enrolling, setEnrolling] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);

  if (mentors.isPending) return <PageLoader />;
  if (mentors.error) return <ErrorAlert error={mentors.error} />;
  const open = mentors.data.find((m) => m.id === openId) ?? null;

  const move = (mentor: Mentor, status: MentorStatus) =>
    update.mutate(
      { mentor, patch: { status } },
      {
        onSuccess: () => notifySuccess(t("bases.statusSaved", { status: t(`mentorStatus.${status}`) })),
        onError: (error) => notifyFailure(problemMessage(error)),
      },
    );

  return (
    <Stack>
      {!readOnly && (
        <Group>
          <Button onClick={() => setEnrolling(true)}>{t("bases.enrolMentor")}</Button>
        </Group>
      )}
      {mentors.data.length === 0 ? (
        <Text c="dimmed">{t("bases.noMentors")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={960}>
          <Table striped verticalSpacing="xs" aria-label={t("bases.mentors")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("participants.name")}</Table.Th>
                <Table.Th>{t("bases.source")}</Table.Th>
                <Table.Th>{t("bases.competencies")}</Table.Th>
                <Table.Th>{t("bases.capacity")}</Table.Th>
                <Table.Th>{t("bases.selection")}</Table.Th>
                <Table.Th>{t("bases.status")}</Table.Th>
                <Table.Th>{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mentors.data.map((m) => {
                const name = m.name ?? t("participants.erasedName", { id: m.participant_id });
                return (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/participants/${m.participant_id}`} fw={500}>
                        {name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`participantKinds.${m.source}`)}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`contours.${m.contour}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {m.competencies.map((tag) => (
                          <Badge key={tag} size="xs" color="indigo" variant="light" tt="none">
                            {tagLabel(tag)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{m.capacity}</Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        <Text size="xs">
                          {t("bases.interview")}: {t(`interviewOutcomes.${m.interview_outcome ?? "pending"}`)}
                        </Text>
                        <Text size="xs">
                          {t("bases.training")}: {t(`trainingStatus.${m.training_status}`)}
                        </Text>
                        {m.ready && (
                          <Badge size="xs" color="green" tt="none">
                            {t("bases.ready")}
                          </Badge>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <StatusCell
                        status={m.status}
                        options={mentorStatusOptions(m)}
                        colors={MENTOR_STATUS_COLORS}
                        labelOf={(s) => t(`mentorStatus.${s}`)}
                        ariaLabel={t("bases.statusOf", { name })}
                        readOnly={readOnly}
                        disabled={update.isPending}
                        onChange={(s) => move(m, s)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => setOpenId(m.id)} aria-label={t("bases.selectionOf", { name })}>
                        {t("bases.selection")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {enrolling && <EnrolMentorModal programId={programId} schoolId={schoolId} onClose={() => setEnrolling(false)} />}
      <MentorDrawer
        key={open?.id ?? "none"}
        mentor={open}
        programId={programId}
        schoolId={schoolId}
        readOnly={readOnly}
        onClose={() => setOpenId(null)}
      />
    </Stack>
  );
}
