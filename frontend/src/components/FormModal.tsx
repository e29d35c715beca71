import { Button, Group, Modal, Stack, type ModalProps } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "./ErrorAlert";

interface Props {
  opened: boolean;
  title: string;
  /** The failure of the last submit, shown above the fields. */
  error?: unknown;
  submitLabel?: string;
  loading?: boolean;
  size?: ModalProps["size"];
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  onClose: () => void;
  children: ReactNode;
}

/** A modal holding one form: the fields, the server's error, and cancel / submit buttons. */
export function FormModal({ opened, title, error, submitLabel, loading, size, onSubmit, onClose, children }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {error ? <ErrorAlert error={error} /> : null}
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={loading}>
              {submitLabel ?? t("common.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
