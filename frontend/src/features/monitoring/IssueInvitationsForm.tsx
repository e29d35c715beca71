import { Badge, Button, Checkbox, Group, ScrollArea, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useInvitations, useIssueInvitations } from "../../api/monitoring";
import { useMentees, useMentors } from "../../api/pairing";
import type { IssuedInvitation, Survey } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageLoader } from "../../components/PageLoader";
import { basePeople, INVITATION_STATUS_COLORS, MAX_LINKS, matchesQuery, statusByPerson, withoutLink } from "./invitations";
import { MonitoringAlert } from "./MonitoringAlert";

type Mode = "people" | "anonymous";

/**
 * «Выдать ссылки»: to people of the programme's base on the survey's side, chosen one by one
 * (or all who have none yet), or a number of anonymous links. A curators' survey has no base.
 */
export function IssueInvitationsForm({ survey, onIssued }: { survey: Survey; onIssued: (items: IssuedInvitation[]) => void }) {
  const { t } = useTranslation();
  const hasBase = survey.audience !== "curator";
  const [mode, setMode] = useState<Mode>(hasBase ? "people" : "anonymous");
  const [count, setCount] = useState("1");
  const [chosen, setChosen] = useState<number[]>([]);
  const issue = useIssueInvitations(survey);
  const wanted = Number(count);
  const countOk = Number.isInteger(wanted) && wanted >= 1 && wanted <= MAX_LINKS;

  const submit = () => {
    const body = mode === "people" ? { participant_ids: chosen } : { count: wanted };
    issue.mutate(body, {
      onSuccess: (items) => {
        setChosen([]);
        onIssued(items);
      },
    });
  };
  const total = mode === "people" ? chosen.length : countOk ? wanted : 0;

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t("monitoring.issue.intro")}
      </Text>
      {hasBase && (
        <SegmentedControl
          value={mode}
          onChange={(value) => setMode(value as Mode)}
          data={[
            { value: "people", label: t(`monitoring.issue.toPeople.${survey.audience}`) },
            { value: "anonymous", label: t("monitoring.issue.anonymous") },
          ]}
          style={{ alignSelf: "flex-start" }}
        />
      )}
      {issue.error ? <MonitoringAlert error={issue.error} /> : null}
      {mode === "people" ? (
        <PeoplePicker survey={survey} chosen={chosen} onChange={setChosen} />
      ) : (
        <TextInput
          type="number"
          label={t("monitoring.issue.count")}
          description={t("monitoring.issue.countHint")}
          min={1}
          max={MAX_LINKS}
          w={220}
          value={count}
          error={count !== "" && !countOk ? t("monitoring.issue.countRange", { max: MAX_LINKS }) : undefined}
          onChange={(event) => setCount(event.currentTarget.value)}
        />
      )}
      <Button onClick={submit} loading={issue.isPending} disabled={total === 0} style={{ alignSelf: "flex-start" }}>
        {t("monitoring.issue.submit", { count: total })}
      </Button>
    </Stack>
  );
}

function PeoplePicker({ survey, chosen, onChange }: { survey: Survey; chosen: number[]; onChange: (ids: number[]) => void }) {
  const { t } = useTranslation();
  const mentees = useMentees(survey.program_id);
  const mentors = useMentors(survey.program_id);
  const invitations = useInvitations(survey.id);
  const [query, setQuery] = useState("");
  const side = survey.audience === "mentee" ? mentees : mentors;
  if (side.isPending) return <PageLoader />;
  if (side.error) return <ErrorAlert error={side.error} />;

  const people = basePeople(survey.audience, mentees.data ?? [], mentors.data ?? []);
  const invited = statusByPerson(invitations.data ?? []);
  const shown = people.filter((p) => matchesQuery(p, query));
  const picked = new Set(chosen);
  const toggle = (id: number, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((x) => x !== id));
  const fresh = withoutLink(people, invited);

  if (people.length === 0) return <Text c="dimmed">{t(`monitoring.issue.emptyBase.${survey.audience}`)}</Text>;
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end">
        <TextInput
          label={t("monitoring.issue.search")}
          placeholder={t("participants.searchPlaceholder")}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          w={260}
        />
        <Button variant="light" size="sm" disabled={fresh.length === 0} onClick={() => onChange([...new Set([...chosen, ...fresh])])}>
          {t("monitoring.issue.allWithout", { count: fresh.length })}
        </Button>
        <Button variant="subtle" size="sm" disabled={chosen.length === 0} onClick={() => onChange([])}>
          {t("monitoring.issue.clear")}
        </Button>
      </Group>
      <Text size="sm" role="status">
        {t("monitoring.issue.chosen", { count: chosen.length })}
      </Text>
      <ScrollArea.Autosize mah={360} type="auto">
        <Stack gap={6} component="ul" aria-label={t(`monitoring.issue.people.${survey.audience}`)} style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {shown.map((p) => {
            const status = invited.get(p.participantId);
            const name = p.name ?? t("participants.erasedName", { id: p.participantId });
            return (
              <li key={p.participantId}>
                <Group gap="xs" wrap="nowrap">
                  <Checkbox
                    label={p.classLabel ? `${name}, ${p.classLabel}` : name}
                    checked={picked.has(p.participantId)}
                    onChange={(event) => toggle(p.participantId, event.currentTarget.checked)}
                  />
                  {status && (
                    <Badge size="sm" variant="light" color={INVITATION_STATUS_COLORS[status]} tt="none">
                      {t("monitoring.issue.hasLink", { status: t(`monitoring.invitationStatus.${status}`) })}
                    </Badge>
                  )}
                  {p.withdrawn && (
                    <Badge size="sm" variant="outline" color="gray" tt="none">
                      {t("monitoring.issue.withdrawn")}
                    </Badge>
                  )}
                </Group>
              </li>
            );
          })}
          {shown.length === 0 && (
            <Text c="dimmed" size="sm">
              {t("common.nothingFound")}
            </Text>
          )}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}
