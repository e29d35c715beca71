import { Button, Group } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useUpdatePair } from "../../../api/pairs";
import type { Pair } from "../../../api/types";
import { notifyFailure, notifySuccess } from "../../../components/notify";
import { useProblemMessage } from "../../../components/useProblemMessage";
import { CompletePairModal } from "./CompletePairModal";
import { DissolvePairModal } from "./DissolvePairModal";
import { pairActions } from "./pairStatus";
import { usePairName } from "./usePairName";

interface Props {
  pair: Pair;
  canManage: boolean;
  historyOpen: boolean;
  historyId: string;
  onToggleHistory: () => void;
}

/** The moves a pair's status allows, its plan and its history; each button names the pair for screen readers. */
export function PairActions({ pair, canManage, historyOpen, historyId, onToggleHistory }: Props) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const { pair: nameOf } = usePairName();
  const update = useUpdatePair(pair.program_id);
  const [modal, setModal] = useState<"dissolve" | "complete" | null>(null);
  const name = nameOf(pair);
  const actions = canManage ? pairActions(pair.status) : [];

  const start = () =>
    update.mutate(
      { pair, patch: { status: "active" } },
      {
        onSuccess: () => notifySuccess(t("pairs.started")),
        onError: (error) => notifyFailure(problemMessage(error)),
      },
    );

  return (
    <Group gap={4} wrap="wrap">
      {actions.includes("start") && (
        <Button size="compact-sm" loading={update.isPending} onClick={start} aria-label={t("pairs.startOf", { name })}>
          {t("pairs.start")}
        </Button>
      )}
      {actions.includes("complete") && (
        <Button size="compact-sm" color="teal" onClick={() => setModal("complete")} aria-label={t("pairs.completeOf", { name })}>
          {t("pairs.complete")}
        </Button>
      )}
      <Button
        size="compact-sm"
        variant="light"
        component={Link}
        to={`/pairs/${pair.id}/plan`}
        aria-label={t("pairs.planOf", { name })}
      >
        {t("pairs.plan")}
      </Button>
      <Button
        size="compact-sm"
        variant="light"
        component={Link}
        to={`/pairs/${pair.id}/meetings`}
        aria-label={t("meetings.pairActionOf", { name })}
      >
        {t("meetings.pairAction")}
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        onClick={onToggleHistory}
        aria-expanded={historyOpen}
        aria-controls={historyId}
        aria-label={t("pairs.historyOf", { name })}
      >
        {t("pairs.history")}
      </Button>
      {actions.includes("dissolve") && (
        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setModal("dissolve")} aria-label={t("pairs.dissolveOf", { name })}>
          {t("pairs.dissolve")}
        </Button>
      )}
      {modal === "dissolve" && <DissolvePairModal pair={pair} onClose={() => setModal(null)} />}
      {modal === "complete" && <CompletePairModal pair={pair} onClose={() => setModal(null)} />}
    </Group>
  );
}
