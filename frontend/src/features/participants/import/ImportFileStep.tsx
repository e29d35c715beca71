import { Anchor, FileInput, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadImportSample } from "../../../api/imports";
import { notifyFailure } from "../../../components/notify";
import { useProblemMessage } from "../../../components/useProblemMessage";

interface Props {
  file: File | null;
  error: string | null;
  onChange: (file: File | null) => void;
}

/** Choosing the file, with the sample files that show the columns. */
export function ImportFileStep({ file, error, onChange }: Props) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const [downloading, setDownloading] = useState(false);

  const sample = (format: "csv" | "xlsx") => {
    setDownloading(true);
    downloadImportSample(format)
      .catch((e: unknown) => notifyFailure(problemMessage(e)))
      .finally(() => setDownloading(false));
  };

  return (
    <Stack>
      <Text size="sm">{t("import.fileHint")}</Text>
      <FileInput
        label={t("import.file")}
        placeholder={t("import.filePlaceholder")}
        accept=".csv,.xlsx,.ndjson,.jsonl,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/x-ndjson"
        clearable
        value={file}
        error={error}
        onChange={onChange}
      />
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {t("import.sample")}:
        </Text>
        <Anchor component="button" type="button" size="sm" disabled={downloading} onClick={() => sample("csv")}>
          CSV
        </Anchor>
        <Anchor component="button" type="button" size="sm" disabled={downloading} onClick={() => sample("xlsx")}>
          XLSX
        </Anchor>
      </Group>
    </Stack>
  );
}
