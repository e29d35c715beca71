import { Badge, Button, Stack, Table, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useDeleteConstraint, usePairConstraints } from "../../../api/matching";
import type { PairConstraint } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { notifyFailure, notifySuccess } from "../../../components/notify";
import { PageLoader } from "../../../components/PageLoader";
import { useProblemMessage } from "../../../components/useProblemMessage";
import { usePreferencePeople } from "../pairs/usePreferencePeople";

interface Props {
  programId: number;
  /** Locks are the curator's; exclusions the psychologist's too. */
  canRemove: (constraint: PairConstraint) => boolean;
  /** Whether the user may read exclusion reasons (the service sends null to the others). */
  seesReasons: boolean;
  onChanged: () => void;
}

/** «Закрепления и исключения»: what every run keeps and never proposes, each removable. */
export function ConstraintsList({ programId, canRemove, seesReasons, onChanged }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const problemMessage = useProblemMessage();
  const constraints = usePairConstraints(programId);
  const people = usePreferencePeople(programId);
  const remove = useDeleteConstraint(programId);

  const removeOne = (c: PairConstraint) =>
    remove.mutate(c.id, {
      onSuccess: () => {
        notifySuccess(t("matching.removed"));
        onChanged();
      },
      onError: (error) => notifyFailure(problemMessage(error)),
    });

  return (
    <Stack component="section" aria-labelledby={headingId} gap="xs">
      <Title order={2} size="h4" id={headingId}>
        {t("matching.constraints")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("matching.constraintsHint")}
      </Text>
      {constraints.isPending || people.isPending ? (
        <PageLoader />
      ) : constraints.error || people.error ? (
        <ErrorAlert error={constraints.error ?? people.error} />
      ) : constraints.data.length === 0 ? (
        <Text c="dimmed">{t("matching.constraintsEmpty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" aria-label={t("matching.constraintsTable")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("matching.kind")}</Table.Th>
                <Table.Th>{t("matching.mentor")}</Table.Th>
                <Table.Th>{t("matching.mentee")}</Table.Th>
                <Table.Th>{t("matching.reason")}</Table.Th>
                <Table.Th>{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {constraints.data.map((c) => {
                const mentor = people.nameOf("mentor", c.mentor_id);
                const mentee = people.nameOf("mentee", c.mentee_id);
                const name = t("matching.pairName", { mentor, mentee });
                return (
                  <Table.Tr key={c.id}>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      <Badge variant="light" color={c.kind === "lock" ? "indigo" : "red"} tt="none">
                        {t(`matching.kinds.${c.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{mentor}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{mentee}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={c.reason ? undefined : "dimmed"}>
                        {c.reason ?? (c.kind === "exclude" && !seesReasons ? t("matching.reasonHidden") : "—")}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {canRemove(c) && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          loading={remove.isPending && remove.variables === c.id}
                          onClick={() => removeOne(c)}
                          aria-label={t("matching.removeOf", { name })}
                        >
                          {t("matching.remove")}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
