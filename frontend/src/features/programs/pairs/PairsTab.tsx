import { Accordion, Button, Group, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../api/me";
import { usePairs } from "../../../api/pairs";
import { PAIR_STATUSES, type PairStatus, type Program } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { CreatePairModal } from "./CreatePairModal";
import { OrdersList } from "./OrdersList";
import { PairingSettingsForm } from "./PairingSettingsForm";
import { managesPairs } from "./pairPermissions";
import { keepSelectable } from "./pairStatus";
import { PairsTable } from "./PairsTable";
import { SignOrderModal } from "./SignOrderModal";

/** «Пары и группы»: the list with its actions, the approval orders, and the pairing settings. */
export function PairsTab({ program, readOnly }: { program: Program; readOnly: boolean }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const canManage = !readOnly && !!me && managesPairs(me, program.school_id);
  const [status, setStatus] = useState<PairStatus | null>(null);
  const pairs = usePairs(program.id, status);
  const [picked, setPicked] = useState<number[]>([]);
  const [modal, setModal] = useState<"create" | "order" | null>(null);
  // Pairs approved meanwhile, or filtered away, drop out of the selection by themselves.
  const selected = keepSelectable(picked, pairs.data ?? []);

  return (
    <Stack gap="xl">
      <Stack>
        <Group justify="space-between" align="flex-end">
          <Select
            label={t("pairs.filterStatus")}
            w={240}
            allowDeselect={false}
            data={[
              { value: "all", label: t("pairs.allStatuses") },
              ...PAIR_STATUSES.map((s) => ({ value: s, label: t(`pairStatus.${s}`) })),
            ]}
            value={status ?? "all"}
            onChange={(value) => setStatus(!value || value === "all" ? null : (value as PairStatus))}
          />
          {canManage && (
            <Group gap="xs">
              <Button onClick={() => setModal("create")}>{t("pairs.create")}</Button>
              <Button variant="light" disabled={selected.length === 0} onClick={() => setModal("order")}>
                {t("orders.sign")}
              </Button>
            </Group>
          )}
        </Group>
        {canManage && (
          <Text size="sm" c="dimmed" role="status">
            {selected.length > 0 ? t("pairs.selected", { count: selected.length }) : t("pairs.selectHint")}
          </Text>
        )}
        {pairs.isPending ? (
          <PageLoader />
        ) : pairs.error ? (
          <ErrorAlert error={pairs.error} />
        ) : pairs.data.length === 0 ? (
          <Text c="dimmed">{status ? t("pairs.emptyFiltered") : t("pairs.empty")}</Text>
        ) : (
          <PairsTable pairs={pairs.data} canManage={canManage} selected={selected} onSelect={setPicked} />
        )}
      </Stack>

      <OrdersList programId={program.id} />

      <Accordion variant="separated" order={2}>
        <Accordion.Item value="settings">
          <Accordion.Control>
            <Text span fw={600} size="lg">
              {t("pairs.settings")}
            </Text>
          </Accordion.Control>
          <Accordion.Panel>
            <PairingSettingsForm programId={program.id} readOnly={!canManage} />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>

      {modal === "create" && <CreatePairModal program={program} onClose={() => setModal(null)} />}
      {modal === "order" && (
        <SignOrderModal programId={program.id} pairIds={selected} onClose={() => setModal(null)} />
      )}
    </Stack>
  );
}
