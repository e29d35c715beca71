import { Button, Menu } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { exportParticipants, type ExportFormat } from "../../api/participants";
import { notifyFailure } from "../../components/notify";
import { useProblemMessage } from "../../components/useProblemMessage";

export function ExportMenu({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const [busy, setBusy] = useState(false);

  const save = (format: ExportFormat) => {
    setBusy(true);
    exportParticipants(schoolId, format)
      .catch((error: unknown) => notifyFailure(problemMessage(error)))
      .finally(() => setBusy(false));
  };

  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" loading={busy}>
          {t("participants.export")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => save("csv")}>CSV</Menu.Item>
        <Menu.Item onClick={() => save("xlsx")}>XLSX (Excel)</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
