import { Button, Group, Modal, Stack } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { MeetingRefusal } from "./MeetingRefusal";

interface Props {
  title: string;
  /** The failure of the last submit, shown above the fields in the service's words. */
  error?: unknown;
  submitLabel: string;
  submitColor?: string;
  loading?: boolean;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A meeting's form in a modal: the whole screen on a phone, so that it is filled with one thumb,
 * with the buttons at the end of the fields, and the refusal at the top.
 */
export function MeetingFormModal({ title, error, submitLabel, submitColor, loading, onSubmit, onClose, children }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery("(max-width: 36em)");
  return (
    <Modal opened onClose={onClose} title={title} fullScreen={phone} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <MeetingRefusal error={error} />
          {children}
          <Group justify="flex-end" grow={phone}>
            <Button variant="default" onClick={onClose} size={phone ? "md" : "sm"}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={loading} color={submitColor} size={phone ? "md" : "sm"}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
