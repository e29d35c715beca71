import { Alert, Anchor, Button, CopyButton, Group, Modal, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadMyCalendar, useCalendarFeeds, useCreateCalendarFeed, useRevokeCalendarFeed } from "../../api/meetings";
import type { CalendarFeed, NewCalendarFeed } from "../../api/types";
import { ConfirmModal } from "../../components/ConfirmModal";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatDateTime } from "../../components/formatDate";
import { notifyFailure, notifySuccess } from "../../components/notify";
import { PageLoader } from "../../components/PageLoader";
import { useProblemMessage } from "../../components/useProblemMessage";
import { QrCode } from "./QrCode";

/**
 * «Календарь на телефон»: a private address the phone's calendar subscribes to (shown once, with
 * a QR code to carry it from a computer to the phone), the addresses made before with «Отозвать»,
 * and the calendar as a file.
 */
export function CalendarFeedsModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useMediaQuery("(max-width: 36em)");
  const create = useCreateCalendarFeed();
  const problemMessage = useProblemMessage();
  const [created, setCreated] = useState<NewCalendarFeed | null>(null);
  const [downloading, setDownloading] = useState(false);

  const make = () => create.mutate(undefined, { onSuccess: (feed) => setCreated(feed) });
  const download = () => {
    setDownloading(true);
    downloadMyCalendar("nastavnik.ics")
      .catch((error: unknown) => notifyFailure(problemMessage(error)))
      .finally(() => setDownloading(false));
  };

  return (
    <Modal opened onClose={onClose} title={t("meetings.feeds.title")} size="lg" fullScreen={phone}>
      <Stack>
        <Text size="sm">{t("meetings.feeds.intro")}</Text>
        {create.error ? <ErrorAlert error={create.error} /> : null}
        {created ? (
          <NewAddress feed={created} />
        ) : (
          <Button onClick={make} loading={create.isPending} style={{ alignSelf: "flex-start" }}>
            {t("meetings.feeds.create")}
          </Button>
        )}
        <FeedList />
        <Title order={3} size="h5">
          {t("meetings.feeds.fileTitle")}
        </Title>
        <Text size="sm">{t("meetings.feeds.fileHint")}</Text>
        <Button variant="light" loading={downloading} onClick={download} style={{ alignSelf: "flex-start" }}>
          {t("meetings.feeds.download")}
        </Button>
      </Stack>
    </Modal>
  );
}

function NewAddress({ feed }: { feed: NewCalendarFeed }) {
  const { t } = useTranslation();
  const webcal = feed.url.replace(/^https?:\/\//, "webcal://");
  return (
    <Alert color="indigo" title={t("meetings.feeds.createdTitle")}>
      <Stack gap="sm">
        <Text size="sm">{t("meetings.feeds.onceWarning")}</Text>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={t("meetings.feeds.address")}
            value={feed.url}
            readOnly
            style={{ flex: 1, minWidth: 0 }}
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton value={feed.url}>
            {({ copied, copy }) => (
              <Button color={copied ? "teal" : "indigo"} onClick={copy} aria-live="polite">
                {copied ? t("meetings.feeds.copied") : t("meetings.feeds.copy")}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Anchor href={webcal} size="sm">
          {t("meetings.feeds.openInCalendar")}
        </Anchor>
        <Group gap="md" align="center" wrap="wrap">
          <QrCode text={feed.url} label={t("meetings.feeds.qrLabel")} />
          <Text size="sm" maw={260}>
            {t("meetings.feeds.qrHint")}
          </Text>
        </Group>
      </Stack>
    </Alert>
  );
}

function FeedList() {
  const { t, i18n } = useTranslation();
  const feeds = useCalendarFeeds();
  const revoke = useRevokeCalendarFeed();
  const [revoking, setRevoking] = useState<CalendarFeed | null>(null);
  if (feeds.isPending) return <PageLoader />;
  if (feeds.error) return <ErrorAlert error={feeds.error} />;
  if (feeds.data.length === 0) return null;

  const confirm = () =>
    revoking &&
    revoke.mutate(revoking.id, {
      onSuccess: () => {
        notifySuccess(t("meetings.feeds.revoked"));
        setRevoking(null);
      },
    });

  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t("meetings.feeds.listTitle")}
      </Title>
      {revoke.error ? <ErrorAlert error={revoke.error} /> : null}
      <Table aria-label={t("meetings.feeds.listTitle")}>
        <Table.Tbody>
          {feeds.data.map((feed) => {
            const made = formatDateTime(feed.created_at, i18n.language);
            return (
              <Table.Tr key={feed.id}>
                <Table.Td>
                  <Text size="sm">{t("meetings.feeds.madeOn", { date: made })}</Text>
                  {feed.revoked_at && (
                    <Text size="xs" c="dimmed">
                      {t("meetings.feeds.revokedOn", { date: formatDateTime(feed.revoked_at, i18n.language) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {!feed.revoked_at && (
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => setRevoking(feed)} aria-label={t("meetings.feeds.revokeOf", { date: made })}>
                      {t("meetings.feeds.revoke")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <ConfirmModal
        opened={revoking !== null}
        title={t("meetings.feeds.revokeTitle")}
        message={t("meetings.feeds.revokeConfirm")}
        confirmLabel={t("meetings.feeds.revoke")}
        loading={revoke.isPending}
        onConfirm={() => void confirm()}
        onClose={() => setRevoking(null)}
      />
    </Stack>
  );
}

/** The button that opens it, for the profile and «Мои встречи». */
export function CalendarFeedsButton({ fullWidth }: { fullWidth?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="light" fullWidth={fullWidth} onClick={() => setOpen(true)}>
        {t("meetings.feeds.title")}
      </Button>
      {open && <CalendarFeedsModal onClose={() => setOpen(false)} />}
    </>
  );
}
