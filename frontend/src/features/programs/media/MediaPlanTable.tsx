import { Anchor, Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDeleteMediaItem, useMediaPlan } from "../../../api/mediaPlan";
import { useRoadmap } from "../../../api/roadmap";
import type { MediaItem } from "../../../api/types";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { notifyFailure, notifySuccess } from "../../../components/notify";
import { useProblemMessage } from "../../../components/useProblemMessage";
import { formatDay } from "../progress";
import { STATUS_COLORS } from "../roadmap/activityStatus";
import { stageTitle } from "../roadmap/stageTitles";
import { MediaItemModal } from "./MediaItemModal";

/** The media plan: for each stage, what is told to whom, where, in what form and by when. */
export function MediaPlanTable({ programId, readOnly }: { programId: number; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const problemMessage = useProblemMessage();
  const items = useMediaPlan(programId);
  // The roadmap names the stages and knows the school's today; it is usually cached already.
  const roadmap = useRoadmap(programId);
  const remove = useDeleteMediaItem(programId);
  const [editing, setEditing] = useState<MediaItem | "new" | null>(null);
  const [deleting, setDeleting] = useState<MediaItem | null>(null);

  if (items.isPending) return <PageLoader />;
  if (items.error) return <ErrorAlert error={items.error} />;
  const titles = new Map((roadmap.data?.stages ?? []).map((s) => [s.stage_no, s.title]));
  const today = roadmap.data?.today ?? new Date().toISOString().slice(0, 10);

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => notifySuccess(t("media.deleted")),
      onError: (error) => notifyFailure(problemMessage(error)),
      onSettled: () => setDeleting(null),
    });
  };

  return (
    <Stack>
      {!readOnly && (
        <Group>
          <Button onClick={() => setEditing("new")}>{t("media.add")}</Button>
        </Group>
      )}
      {items.data.length === 0 ? (
        <Text c="dimmed">{t("media.empty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped verticalSpacing="xs" aria-label={t("programs.tabs.mediaPlan")}>
            <Table.Thead>
              <Table.Tr>
                {["stage", "event", "message", "channel", "form", "deadline", "responsible", "status", "publishedUrl"].map((c) => (
                  <Table.Th key={c}>{t(`media.${c}`)}</Table.Th>
                ))}
                <Table.Th>
                  <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.data.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td title={stageTitle({ stage_no: item.stage_no, title: titles.get(item.stage_no) ?? "" }, i18n.language)}>
                    {item.stage_no}
                  </Table.Td>
                  <Table.Td>{item.event}</Table.Td>
                  <Table.Td>{item.message ?? "—"}</Table.Td>
                  <Table.Td>{item.channel ?? "—"}</Table.Td>
                  <Table.Td>{item.form ?? "—"}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <Text size="sm" c={item.overdue ? "red.8" : undefined}>
                      {formatDay(item.deadline, i18n.language)}
                    </Text>
                    {item.overdue && (
                      <Badge color="red" size="xs" tt="none">
                        {t("roadmap.overdue")}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{item.responsible ?? "—"}</Table.Td>
                  <Table.Td style={{ minWidth: 140 }}>
                    <Badge color={STATUS_COLORS[item.status]} variant="light" tt="none">
                      {t(`mediaStatus.${item.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {item.published_url ? (
                      <Anchor href={item.published_url} target="_blank" rel="noreferrer" size="sm">
                        {t("media.open")}
                      </Anchor>
                    ) : (
                      "—"
                    )}
                  </Table.Td>
                  <Table.Td>
                    {!readOnly && (
                      <Group gap={4} wrap="nowrap">
                        <Button size="xs" variant="light" onClick={() => setEditing(item)} aria-label={`${t("common.edit")}: ${item.event}`}>
                          {t("common.edit")}
                        </Button>
                        <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(item)} aria-label={`${t("common.delete")}: ${item.event}`}>
                          {t("common.delete")}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <MediaItemModal
          key={editing === "new" ? "new" : editing.id}
          programId={programId}
          item={editing === "new" ? null : editing}
          stageTitles={titles}
          today={today}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal
        opened={deleting !== null}
        title={t("media.delete")}
        message={t("media.deleteConfirm", { event: deleting?.event ?? "" })}
        confirmLabel={t("common.delete")}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
