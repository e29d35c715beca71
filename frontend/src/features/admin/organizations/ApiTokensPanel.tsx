import { Button, Center, Code, Group, Loader, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiTokens, useRevokeApiToken } from "../../../api/apiTokens";
import type { ApiToken, ApiTokenCreated } from "../../../api/types";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { formatDateTime } from "../../../components/formatDate";
import { notifyFailure, notifySuccess } from "../../../components/notify";
import { useProblemMessage } from "../../../components/useProblemMessage";
import { CreateApiTokenModal } from "./CreateApiTokenModal";
import { TokenSecretModal } from "./TokenSecretModal";

/** Tokens for the institute's import scripts, scoped to this organisation. */
export function ApiTokensPanel({ organizationId }: { organizationId: number }) {
  const { t, i18n } = useTranslation();
  const problemMessage = useProblemMessage();
  const tokens = useApiTokens(organizationId);
  const revoke = useRevokeApiToken(organizationId);
  const [creating, createModal] = useDisclosure(false);
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const confirmRevoke = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: () => notifySuccess(t("tokens.revoked")),
      onError: (error) => notifyFailure(problemMessage(error)),
      onSettled: () => setRevoking(null),
    });
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t("tokens.hint")}
        </Text>
        <Button onClick={createModal.open}>{t("tokens.create")}</Button>
      </Group>
      {tokens.isPending && (
        <Center py="md">
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      {tokens.error && <ErrorAlert error={tokens.error} />}
      {tokens.data?.length === 0 && <Text c="dimmed">{t("tokens.empty")}</Text>}
      {tokens.data && tokens.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("tokens.name")}</Table.Th>
                <Table.Th>{t("tokens.prefix")}</Table.Th>
                <Table.Th>{t("tokens.scopes")}</Table.Th>
                <Table.Th>{t("tokens.lastUsed")}</Table.Th>
                <Table.Th>{t("tokens.status")}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td>{token.name}</Table.Td>
                  <Table.Td>
                    <Code>{token.prefix}</Code>
                  </Table.Td>
                  <Table.Td>{token.scopes.join(", ")}</Table.Td>
                  <Table.Td>{formatDateTime(token.last_used_at, i18n.language) ?? "—"}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c={token.revoked_at ? "dimmed" : "green.8"} fw={500} style={{ whiteSpace: "nowrap" }}>
                      {t(token.revoked_at ? "tokens.revokedStatus" : "tokens.active")}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {!token.revoked_at && (
                      <Button size="xs" color="red" variant="light" onClick={() => setRevoking(token)}>
                        {t("tokens.revoke")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateApiTokenModal
        organizationId={organizationId}
        opened={creating}
        onClose={createModal.close}
        onCreated={setCreated}
      />
      <TokenSecretModal token={created} onClose={() => setCreated(null)} />
      <ConfirmModal
        opened={revoking !== null}
        title={t("tokens.revokeTitle")}
        message={t("tokens.revokeConfirm", { name: revoking?.name ?? "" })}
        confirmLabel={t("tokens.revoke")}
        loading={revoke.isPending}
        onConfirm={confirmRevoke}
        onClose={() => setRevoking(null)}
      />
    </Stack>
  );
}
