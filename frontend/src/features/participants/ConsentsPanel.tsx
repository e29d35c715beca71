import { Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useConsents, useWithdrawConsent } from "../../api/participants";
import type { Consent, Participant } from "../../api/types";
import { ConfirmModal } from "../../components/ConfirmModal";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatDateTime } from "../../components/formatDate";
import { notifyFailure, notifySuccess } from "../../components/notify";
import { PageLoader } from "../../components/PageLoader";
import { useProblemMessage } from "../../components/useProblemMessage";
import { formatDay } from "../programs/progress";
import { AddConsentModal } from "./AddConsentModal";

export function ConsentsPanel({ participant }: { participant: Participant }) {
  const { t, i18n } = useTranslation();
  const problemMessage = useProblemMessage();
  const consents = useConsents(participant.id);
  const withdraw = useWithdrawConsent();
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);

  if (consents.isPending) return <PageLoader />;
  if (consents.error) return <ErrorAlert error={consents.error} />;

  const confirmWithdraw = () => {
    if (!withdrawing) return;
    withdraw.mutate(withdrawing.id, {
      onSuccess: () => notifySuccess(t("consents.withdrawn")),
      onError: (error) => notifyFailure(problemMessage(error)),
      onSettled: () => setWithdrawing(null),
    });
  };

  return (
    <Stack>
      {!participant.erased && (
        <Group>
          <Button onClick={() => setAdding(true)}>{t("consents.add")}</Button>
        </Group>
      )}
      {consents.data.length === 0 ? (
        <Text c="dimmed">{t("consents.empty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" aria-label={t("consents.title")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("consents.scope")}</Table.Th>
                <Table.Th>{t("consents.givenBy")}</Table.Th>
                <Table.Th>{t("consents.givenOn")}</Table.Th>
                <Table.Th>{t("consents.documentRef")}</Table.Th>
                <Table.Th>{t("consents.state")}</Table.Th>
                <Table.Th>{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {consents.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{t(`consentScopes.${c.scope}`)}</Table.Td>
                  <Table.Td>
                    {t(`consentGivers.${c.given_by}`)}
                    {c.giver_name ? `: ${c.giver_name}` : ""}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDay(c.given_on, i18n.language)}</Table.Td>
                  <Table.Td>{c.document_ref ?? "—"}</Table.Td>
                  <Table.Td>
                    {c.withdrawn_at ? (
                      <Badge color="gray" variant="light" tt="none">
                        {t("consents.withdrawnAt", { date: formatDateTime(c.withdrawn_at, i18n.language) })}
                      </Badge>
                    ) : (
                      <Badge color="green" variant="light" tt="none">
                        {t("consents.valid")}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {!c.withdrawn_at && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setWithdrawing(c)}
                        aria-label={`${t("consents.withdraw")}: ${t(`consentScopes.${c.scope}`)}`}
                      >
                        {t("consents.withdraw")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AddConsentModal participantId={participant.id} isMinor={participant.is_minor} opened={adding} onClose={() => setAdding(false)} />
      <ConfirmModal
        opened={withdrawing !== null}
        title={t("consents.withdraw")}
        message={withdrawing?.scope === "processing" ? t("consents.withdrawProcessingWarning") : t("consents.withdrawConfirm")}
        confirmLabel={t("consents.withdraw")}
        loading={withdraw.isPending}
        onConfirm={confirmWithdraw}
        onClose={() => setWithdrawing(null)}
      />
    </Stack>
  );
}
