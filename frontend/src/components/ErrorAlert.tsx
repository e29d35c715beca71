import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useProblemMessage } from "./useProblemMessage";

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const message = useProblemMessage();
  return (
    <Alert color="red" title={title ?? t("errors.title")} role="alert">
      {message(error)}
    </Alert>
  );
}
