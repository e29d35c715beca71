import { Anchor, Button, Card, Group, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAwards, useRevokeAward } from "../../../api/recognition";
import type { Award } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { FormModal } from "../../../components/FormModal";
import { PageLoader } from "../../../components/PageLoader";
import { notifySuccess } from "../../../components/notify";
import { formatLongDay } from "../../programs/pairs/orderDocument";

function RevokeModal({ programId, award, onClose }: { programId: number; award: Award; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeAward(programId);
  const [reason, setReason] = useState("");
  return (
    <FormModal
      opened
      title={t("recognition.awards.revokeTitle")}
      error={revoke.error}
      loading={revoke.isPending}
      submitLabel={t("recognition.awards.revoke")}
      onSubmit={(event) => {
        event?.preventDefault();
        revoke.mutate({ award, reason }, { onSuccess: () => { notifySuccess(t("recognition.awards.revokedDone")); onClose(); } });
      }}
      onClose={onClose}
    >
      <Text size="sm">{t("recognition.awards.revokeHint")}</Text>
      <Textarea label={t("recognition.awards.revokeReason")} required value={reason} maxLength={500} onChange={(e) => setReason(e.currentTarget.value)} />
    </FormModal>
  );
}

/** The programme's awards: who, what, when, the code; the certificate to print; revoking. */
export function AwardsList({ programId, canManage, onGrant }: { programId: number; canManage: boolean; onGrant?: () => void }) {
  const { t, i18n } = useTranslation();
  const awards = useAwards(programId);
  const [revoking, setRevoking] = useState<Award | null>(null);
  const holder = (a: Award) => a.recipient.name ?? t("recognition.awards.erased");

  return (
    <Card withBorder component="section" aria-labelledby="awards-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3" id="awards-title">
            {t("recognition.awards.title")}
          </Title>
          {onGrant && <Button onClick={onGrant}>{t("recognition.awards.grant")}</Button>}
        </Group>
        {awards.isPending ? (
          <PageLoader />
        ) : awards.error ? (
          <ErrorAlert error={awards.error} />
        ) : awards.data.length === 0 ? (
          <Text>{t("recognition.awards.none")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs" aria-label={t("recognition.awards.title")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("recognition.awards.kind")}</Table.Th>
                  <Table.Th>{t("recognition.awards.holder")}</Table.Th>
                  <Table.Th>{t("recognition.awards.date")}</Table.Th>
                  <Table.Th>{t("recognition.awards.code")}</Table.Th>
                  <Table.Th>{t("recognition.awards.status")}</Table.Th>
                  <Table.Th>{t("common.actions")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {awards.data.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>{t(`recognition.kinds.${a.kind}`)}</Text>
                      {a.title !== t(`recognition.kinds.${a.kind}`) && <Text size="xs" c="dimmed">{a.title}</Text>}
                    </Table.Td>
                    <Table.Td>
                      {holder(a)}
                      {a.addressee && <Text size="xs" c="dimmed">{a.addressee}</Text>}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{formatLongDay(a.awarded_on, i18n.language)}</Table.Td>
                    <Table.Td ff="monospace" style={{ whiteSpace: "nowrap" }}>{a.code}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600} c={a.revoked ? "red.8" : "green.9"} style={{ whiteSpace: "nowrap" }}>
                        {a.revoked ? t("recognition.awards.revoked") : t("recognition.awards.active")}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Anchor component={Link} to={`/awards/${a.id}/certificate`} size="sm" aria-label={t("recognition.awards.certificateOf", { name: holder(a) })}>
                          {t("recognition.awards.certificate")}
                        </Anchor>
                        {canManage && !a.revoked && (
                          <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRevoking(a)}>
                            {t("recognition.awards.revoke")}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {revoking && <RevokeModal programId={programId} award={revoking} onClose={() => setRevoking(null)} />}
    </Card>
  );
}
