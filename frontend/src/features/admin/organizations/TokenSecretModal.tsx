import { Alert, Button, Code, CopyButton, Group, Modal, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ApiTokenCreated } from "../../../api/types";

/** The secret is shown once: the server keeps only its hash, so the user must copy it now. */
export function TokenSecretModal({ token, onClose }: { token: ApiTokenCreated | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={token !== null}
      onClose={onClose}
      title={t("tokens.secretTitle", { name: token?.name ?? "" })}
      closeOnClickOutside={false}
      size="lg"
    >
      {token && (
        <Stack>
          <Alert color="yellow">{t("tokens.secretOnce")}</Alert>
          <Code block aria-label={t("tokens.secret")} style={{ wordBreak: "break-all", whiteSpace: "pre-wrap" }}>
            {token.token}
          </Code>
          <Group justify="space-between">
            <CopyButton value={token.token}>
              {({ copied, copy }) => (
                <Button color={copied ? "teal" : "indigo"} onClick={copy}>
                  {copied ? t("tokens.copied") : t("tokens.copy")}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              {t("tokens.done")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
