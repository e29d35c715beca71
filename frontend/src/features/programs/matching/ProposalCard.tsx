import { Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PairConstraint, Proposal } from "../../../api/types";
import { PersonCell } from "../pairs/PersonCell";
import { usePairName } from "../pairs/usePairName";
import { ProposalReasons } from "./ProposalReasons";
import { ScoreBar } from "./ScoreBar";
import { isOpen } from "./selection";

export interface ProposalActions {
  canAccept: boolean;
  canLock: boolean;
  canExclude: boolean;
  busy: boolean;
  onToggle: (proposal: Proposal) => void;
  onLock: (proposal: Proposal) => void;
  onRemove: (constraint: PairConstraint) => void;
  onExclude: (proposal: Proposal, name: string) => void;
}

interface Props {
  proposal: Proposal;
  max: number;
  selected: boolean;
  constraint: PairConstraint | undefined;
  tagLabel: (code: string) => string;
  actions: ProposalActions;
}

/** One proposed pair: who, the role model, the score as a bar, the reasons, and what the curator can do. */
export function ProposalCard({ proposal, max, selected, constraint, tagLabel, actions }: Props) {
  const { t } = useTranslation();
  const { person } = usePairName();
  const name = t("matching.pairName", { mentor: person(proposal.mentor), mentee: person(proposal.mentee) });
  const open = isOpen(proposal);
  const lockedNow = proposal.locked || constraint?.kind === "lock";

  return (
    <Paper
      withBorder
      p="sm"
      component="li"
      data-proposal-id={proposal.id}
      aria-label={name}
      // Every open proposal starts selected: a bar at the side marks it without tinting the whole list.
      style={{
        listStyle: "none",
        borderLeft: `4px solid ${selected ? "var(--mantine-color-indigo-6)" : "var(--mantine-color-gray-3)"}`,
      }}
    >
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          {actions.canAccept && open && (
            <Checkbox mt={2} checked={selected} onChange={() => actions.onToggle(proposal)} aria-label={t("matching.select", { name })} />
          )}
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
            <Group gap={6} wrap="wrap">
              <PersonCell person={proposal.mentor} />
              <Text span c="dimmed" aria-hidden>
                →
              </Text>
              <PersonCell person={proposal.mentee} />
            </Group>
            <Group gap={6} wrap="wrap">
              {proposal.role_model && (
                <Text size="xs" c="dimmed">
                  {t("matching.roleModel", { role: t(`roleModels.${proposal.role_model}`) })}
                </Text>
              )}
              {proposal.locked && (
                <Tooltip label={t("matching.lockedHint")}>
                  <Badge size="sm" variant="light" color="indigo" tt="none">
                    {t("matching.locked")}
                  </Badge>
                </Tooltip>
              )}
              {!open && (
                <Badge size="sm" variant="light" color="green" tt="none">
                  {t("matching.acceptedBadge")}
                </Badge>
              )}
              {constraint?.kind === "exclude" && (
                <Badge size="sm" variant="light" color="red" tt="none">
                  {t("matching.excludedBadge")}
                </Badge>
              )}
            </Group>
          </Stack>
        </Group>
        <ScoreBar score={proposal.score} max={max} contributions={proposal.contributions} />
        <ProposalReasons contributions={proposal.contributions} tagLabel={tagLabel} label={t("matching.reasonsOf", { name })} />
        <Group gap={4} wrap="wrap">
          {!open && (
            <Anchor component={Link} to={{ search: "?tab=pairs" }} size="sm">
              {t("matching.toPairs")}
            </Anchor>
          )}
          {open && actions.canLock && !lockedNow && !constraint && (
            <Button size="compact-sm" variant="light" disabled={actions.busy} onClick={() => actions.onLock(proposal)} aria-label={t("matching.lockOf", { name })}>
              {t("matching.lock")}
            </Button>
          )}
          {open && actions.canLock && constraint?.kind === "lock" && (
            <Button size="compact-sm" variant="subtle" disabled={actions.busy} onClick={() => actions.onRemove(constraint)} aria-label={t("matching.unlockOf", { name })}>
              {t("matching.unlock")}
            </Button>
          )}
          {open && actions.canExclude && !constraint && (
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              disabled={actions.busy}
              onClick={() => actions.onExclude(proposal, name)}
              aria-label={t("matching.excludeOf", { name })}
            >
              {t("matching.exclude")}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
