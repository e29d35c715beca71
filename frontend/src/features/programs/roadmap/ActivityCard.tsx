import { Anchor, Badge, Button, Collapse, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDeleteActivity, useUpdateActivity } from "../../../api/roadmap";
import type { Activity, ActivityStatus } from "../../../api/types";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { notifyFailure, notifySuccess } from "../../../components/notify";
import { useProblemMessage } from "../../../components/useProblemMessage";
import { formatDay } from "../progress";
import { ActivityEditForm } from "./ActivityEditForm";
import { STATUS_COLORS, selectableStatuses } from "./activityStatus";

interface Props {
  activity: Activity;
  schoolId: number;
  readOnly: boolean;
}

export function ActivityCard({ activity, schoolId, readOnly }: Props) {
  const { t, i18n } = useTranslation();
  const problemMessage = useProblemMessage();
  const titleId = useId();
  const contentId = useId();
  const [contentOpen, content] = useDisclosure(false);
  const [editing, edit] = useDisclosure(false);
  const [deleting, setDeleting] = useState(false);
  const update = useUpdateActivity(activity.program_id);
  const remove = useDeleteActivity(activity.program_id);

  const responsible =
    activity.responsible_user_name ??
    (activity.responsible_role ? t(`roles.${activity.responsible_role}`) : t("roadmap.notAssigned"));

  const changeStatus = (status: ActivityStatus) =>
    update.mutate(
      { activity, patch: { status } },
      {
        onSuccess: () => notifySuccess(t("roadmap.statusSaved", { status: t(`activityStatus.${status}`) })),
        onError: (error) => notifyFailure(problemMessage(error)),
      },
    );

  const confirmDelete = () =>
    remove.mutate(activity.id, {
      onSuccess: () => notifySuccess(t("roadmap.deleted")),
      onError: (error) => notifyFailure(problemMessage(error)),
      onSettled: () => setDeleting(false),
    });

  return (
    <Paper withBorder p="sm" component="li" aria-labelledby={titleId} data-activity-id={activity.id}>
      <Stack gap="xs">
        {/* On a phone the badges drop under the title instead of being cut short. */}
        <Group justify="space-between" align="flex-start" gap="xs" preventGrowOverflow={false}>
          <Title order={3} size="h5" id={titleId} style={{ minWidth: 0 }}>
            {activity.title}
          </Title>
          <Group gap={4} wrap="nowrap">
            {activity.overdue && (
              <Badge color="red" tt="none">
                {t("roadmap.overdue")}
              </Badge>
            )}
            <Badge color={STATUS_COLORS[activity.status]} variant="light" tt="none">
              {t(`activityStatus.${activity.status}`)}
            </Badge>
          </Group>
        </Group>
        <Group gap="lg" wrap="wrap">
          <Text size="sm" c={activity.overdue ? "red.8" : undefined}>
            {t("roadmap.deadline")}: {formatDay(activity.deadline, i18n.language)}
          </Text>
          <Text size="sm">
            {t("roadmap.responsible")}: {responsible}
          </Text>
        </Group>
        {activity.result_note && <Text size="sm">{t("roadmap.resultNote")}: {activity.result_note}</Text>}
        {(activity.evidence_order_number || activity.evidence_link) && (
          <Text size="sm">
            {t("roadmap.evidence")}:{" "}
            {activity.evidence_order_number &&
              t("roadmap.orderShort", {
                number: activity.evidence_order_number,
                date: formatDay(activity.evidence_order_date, i18n.language),
              })}{" "}
            {activity.evidence_link && (
              <Anchor href={activity.evidence_link} target="_blank" rel="noreferrer">
                {t("roadmap.document")}
              </Anchor>
            )}
          </Text>
        )}
        {activity.content && (
          <div>
            <Button variant="subtle" size="compact-sm" px={0} onClick={content.toggle} aria-expanded={contentOpen} aria-controls={contentId}>
              {t(contentOpen ? "roadmap.hideContent" : "roadmap.showContent")}
            </Button>
            <Collapse expanded={contentOpen} id={contentId}>
              <Text size="sm" style={{ whiteSpace: "pre-line" }}>
                {activity.content}
              </Text>
            </Collapse>
          </div>
        )}
        {!readOnly && (
          <Group gap="xs" align="flex-end">
            <Select
              size="xs"
              w={180}
              label={t("roadmap.status")}
              aria-label={t("roadmap.statusOf", { title: activity.title })}
              allowDeselect={false}
              data={selectableStatuses(activity.status).map((s) => ({ value: s, label: t(`activityStatus.${s}`) }))}
              value={activity.status}
              disabled={update.isPending}
              onChange={(value) => value && value !== activity.status && changeStatus(value as ActivityStatus)}
            />
            <Button size="xs" variant="light" onClick={edit.toggle} aria-expanded={editing}>
              {t("common.edit")}
            </Button>
            <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(true)}>
              {t("common.delete")}
            </Button>
          </Group>
        )}
        {editing && !readOnly && <ActivityEditForm activity={activity} schoolId={schoolId} onDone={edit.close} />}
      </Stack>
      <ConfirmModal
        opened={deleting}
        title={t("roadmap.deleteActivity")}
        message={t("roadmap.deleteConfirm", { title: activity.title })}
        confirmLabel={t("common.delete")}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(false)}
      />
    </Paper>
  );
}
