import { Button, Checkbox, Group, Pagination, Stack, Text, TextInput, Title } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAcceptProposals, useCreateConstraint, useDeleteConstraint, usePairConstraints } from "../../../api/matching";
import { ApiProblem } from "../../../api/problem";
import type { MatchingRun, Pair, Proposal } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { notifyFailure, notifySuccess } from "../../../components/notify";
import { useProblemMessage } from "../../../components/useProblemMessage";
import { useTagLabels } from "../bases/TagMultiSelect";
import { AcceptedPairs } from "./AcceptedPairs";
import { ExcludeModal } from "./ExcludeModal";
import { ProposalCard, type ProposalActions } from "./ProposalCard";
import { constraintOf, currentSelection, defaultSelection, filterProposals, toggled } from "./selection";

/** Cards per page: a school's run fits on one or two; a large one stays quick to draw. */
export const PAGE_SIZE = 50;
/** From this many proposals a search by surname helps more than scrolling. */
const SEARCH_FROM = 10;

interface Props {
  run: MatchingRun;
  programId: number;
  schoolId: number;
  canAccept: boolean;
  canLock: boolean;
  canExclude: boolean;
  onConstraintsChanged: () => void;
}

/** The run's proposals with their reasons; the curator ticks, locks, excludes and accepts. */
export function ProposalsList({ run, programId, schoolId, canAccept, canLock, canExclude, onConstraintsChanged }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const problemMessage = useProblemMessage();
  const tagLabel = useTagLabels(schoolId);
  const constraints = usePairConstraints(programId);
  const lock = useCreateConstraint(programId);
  const remove = useDeleteConstraint(programId);
  const accept = useAcceptProposals(programId);
  // null until the curator changes it: then every proposal not yet accepted is selected.
  const [picked, setPicked] = useState<number[] | null>(null);
  const [query, setQuery] = useState("");
  const [page, setPage] = useState(1);
  const [excluding, setExcluding] = useState<{ proposal: Proposal; name: string } | null>(null);
  const [accepted, setAccepted] = useState<Pair[] | null>(null);

  const max = run.max_score;
  const open = defaultSelection(run.proposals);
  const selected = currentSelection(picked, run.proposals);
  const shown = filterProposals(run.proposals, query);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const onPage = shown.slice((Math.min(page, pages) - 1) * PAGE_SIZE, Math.min(page, pages) * PAGE_SIZE);
  const allSelected = open.length > 0 && selected.length === open.length;

  const actions: ProposalActions = {
    canAccept,
    canLock,
    canExclude,
    busy: lock.isPending || remove.isPending,
    onToggle: (p) => setPicked(toggled(selected, p.id)),
    onLock: (p) =>
      lock.mutate(
        { kind: "lock", mentor_id: p.mentor.id, mentee_id: p.mentee.id },
        {
          onSuccess: () => {
            notifySuccess(t("matching.lockedDone"));
            onConstraintsChanged();
          },
          onError: (error) => notifyFailure(problemMessage(error)),
        },
      ),
    onRemove: (c) =>
      remove.mutate(c.id, {
        onSuccess: () => {
          notifySuccess(t("matching.removed"));
          onConstraintsChanged();
        },
        onError: (error) => notifyFailure(problemMessage(error)),
      }),
    onExclude: (proposal, name) => setExcluding({ proposal, name }),
  };

  const acceptSelected = () =>
    accept.mutate(
      { runId: run.id, proposalIds: selected },
      {
        onSuccess: (pairs) => {
          setAccepted(pairs);
          setPicked(null);
        },
      },
    );

  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={3} size="h5" id={headingId}>
          {t("matching.proposals")}
          <Text span c="dimmed" size="sm" fw={400}>
            {" · "}
            {t("matching.proposalsCount", { count: run.proposals.length })}
          </Text>
        </Title>
        {run.proposals.length > SEARCH_FROM && (
          <TextInput
            label={t("matching.search")}
            w={{ base: "100%", xs: 260 }}
            value={query}
            onChange={(event) => {
              setQuery(event.currentTarget.value);
              setPage(1);
            }}
          />
        )}
      </Group>

      {accepted && <AcceptedPairs pairs={accepted} />}
      {accept.error ? (
        <Stack gap={4}>
          <ErrorAlert error={accept.error} />
          {accept.error instanceof ApiProblem && accept.error.status === 409 && (
            <Text size="sm" c="red.8">
              {t("matching.acceptFailedHint")}
            </Text>
          )}
        </Stack>
      ) : null}

      {run.proposals.length === 0 ? (
        <Text c="dimmed">{t("matching.noProposals")}</Text>
      ) : (
        <>
          {canAccept && (
            <Stack gap="xs">
              {open.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("matching.allAccepted")}
                </Text>
              ) : (
                <Group justify="space-between" gap="xs">
                  <Checkbox
                    label={t("matching.selectAll")}
                    checked={allSelected}
                    indeterminate={selected.length > 0 && !allSelected}
                    onChange={() => setPicked(allSelected ? [] : open)}
                  />
                  <Button disabled={selected.length === 0} loading={accept.isPending} onClick={acceptSelected}>
                    {t("matching.accept", { count: selected.length })}
                  </Button>
                </Group>
              )}
              {open.length > 0 && (
                <Text size="sm" c="dimmed" role="status">
                  {t("matching.selected", { count: selected.length, open: open.length })}. {t("matching.acceptHint")}
                </Text>
              )}
            </Stack>
          )}
          {shown.length === 0 ? (
            <Text c="dimmed">{t("matching.nothingFound")}</Text>
          ) : (
            <Stack component="ul" gap="xs" p={0} m={0} aria-labelledby={headingId}>
              {onPage.map((proposal) => (
                <ProposalCard
                  key={proposal.id}
                  proposal={proposal}
                  max={max}
                  selected={selected.includes(proposal.id)}
                  constraint={constraintOf(constraints.data ?? [], proposal)}
                  tagLabel={tagLabel}
                  actions={actions}
                />
              ))}
            </Stack>
          )}
          {pages > 1 && (
            <nav aria-label={t("matching.page")}>
              <Pagination
                total={pages}
                value={Math.min(page, pages)}
                onChange={setPage}
                size="sm"
                getControlProps={(control) => ({ "aria-label": t(`matching.pageControls.${control}`) })}
              />
            </nav>
          )}
        </>
      )}
      {excluding && (
        <ExcludeModal
          programId={programId}
          proposal={excluding.proposal}
          name={excluding.name}
          onDone={onConstraintsChanged}
          onClose={() => setExcluding(null)}
        />
      )}
    </Stack>
  );
}
