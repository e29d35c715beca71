import { Alert, Anchor, Badge, Button, Group, Stack, Tabs, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { isSchoolAdmin, useMe } from "../../api/me";
import { useEraseParticipant, useParticipant } from "../../api/participants";
import { SENSITIVE_FIELDS, type Participant } from "../../api/types";
import { ConfirmModal } from "../../components/ConfirmModal";
import { ErrorAlert } from "../../components/ErrorAlert";
import { notifyFailure, notifySuccess } from "../../components/notify";
import { PageLoader } from "../../components/PageLoader";
import { useProblemMessage } from "../../components/useProblemMessage";
import { AuditPanel } from "./AuditPanel";
import { ConsentsPanel } from "./ConsentsPanel";
import { ParticipantEditForm } from "./ParticipantEditForm";
import { classOf, lacksConsent, participantName } from "./participantForm";
import { SensitiveBadge } from "./SensitiveBadge";

export function ParticipantPage() {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const id = Number(useParams().participantId);
  const loaded = useParticipant(id);
  const { data: me } = useMe();
  const erase = useEraseParticipant(id);
  const [confirming, setConfirming] = useState(false);
  // ?tab=consents opens the consents straight away (the link from a refused enrolment).
  const [params] = useSearchParams();
  const [tab, setTab] = useState<string | null>(params.get("tab") ?? "details");

  if (loaded.isPending) return <PageLoader />;
  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  const { participant, etag } = loaded.data;
  const name = participantName(participant) ?? t("participants.erasedName", { id: participant.id });
  const showAudit = me ? isSchoolAdmin(me, participant.school_id) : false;

  const confirmErase = () =>
    erase.mutate(undefined, {
      onSuccess: () => {
        notifySuccess(t("participants.erasedDone"));
        setConfirming(false);
      },
      onError: (error) => {
        notifyFailure(problemMessage(error));
        setConfirming(false);
      },
    });

  return (
    <Stack>
      <Anchor component={Link} to={`/participants?school=${participant.school_id}`} size="sm">
        ← {t("participants.back")}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Title order={1} style={{ overflowWrap: "anywhere" }}>
            {name}
          </Title>
          <Group gap="xs" mt={4}>
            <Text size="sm" c="dimmed">
              {t(`participantKinds.${participant.kind}`)}
              {classOf(participant) ? `, ${t("participants.classOf", { class: classOf(participant) })}` : ""}
            </Text>
            <StateBadges participant={participant} />
          </Group>
        </div>
        {!participant.erased && (
          <Button color="red" variant="light" onClick={() => setConfirming(true)}>
            {t("participants.erase")}
          </Button>
        )}
      </Group>
      {participant.erased && <Alert color="gray">{t("participants.erasedNotice")}</Alert>}
      {lacksConsent(participant) && (
        <Alert color="orange" title={t("participants.noConsentTitle")}>
          {t("participants.consentNeeded")}
        </Alert>
      )}
      {participant.sensitive && <SensitiveSummary participant={participant} />}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="details">{t("participants.details")}</Tabs.Tab>
          <Tabs.Tab value="consents">{t("consents.title")}</Tabs.Tab>
          {showAudit && <Tabs.Tab value="audit">{t("audit.title")}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          {participant.erased ? (
            <Text c="dimmed">{t("participants.erasedNotice")}</Text>
          ) : (
            <ParticipantEditForm participant={participant} etag={etag} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="consents" pt="md">
          <ConsentsPanel participant={participant} />
        </Tabs.Panel>
        {showAudit && (
          <Tabs.Panel value="audit" pt="md">
            <AuditPanel schoolId={participant.school_id} participantId={participant.id} />
          </Tabs.Panel>
        )}
      </Tabs>
      <ConfirmModal
        opened={confirming}
        title={t("participants.erase")}
        message={t("participants.eraseWarning", { name })}
        confirmLabel={t("participants.eraseConfirm")}
        loading={erase.isPending}
        onConfirm={confirmErase}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}

function StateBadges({ participant }: { participant: Participant }) {
  const { t } = useTranslation();
  return (
    <>
      {participant.is_minor && (
        <Badge color="blue" variant="light" tt="none">
          {t("participants.minor")}
        </Badge>
      )}
      {participant.has_processing_consent && (
        <Badge color="green" variant="light" tt="none">
          {t("participants.consentYes")}
        </Badge>
      )}
      {participant.erased && (
        <Badge color="gray" variant="light" tt="none">
          {t("participants.erased")}
        </Badge>
      )}
    </>
  );
}

/** The sensitive facts that are set, under a lock badge; rendered only when the service sent them. */
function SensitiveSummary({ participant }: { participant: Participant }) {
  const { t } = useTranslation();
  const set = SENSITIVE_FIELDS.filter((f) => participant.sensitive?.[f]);
  return (
    <Group gap="xs" aria-label={t("participants.sensitive")} role="group">
      <SensitiveBadge />
      {set.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("participants.noSensitive")}
        </Text>
      ) : (
        set.map((f) => (
          <Badge key={f} color="grape" variant="outline" tt="none">
            {t(`sensitive.${f}`)}
          </Badge>
        ))
      )}
    </Group>
  );
}
