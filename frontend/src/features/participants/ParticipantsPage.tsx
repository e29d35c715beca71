import { Button, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { seesSensitive, useMe } from "../../api/me";
import { useParticipants, type ParticipantFilters as Filters } from "../../api/participants";
import type { Me } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageLoader } from "../../components/PageLoader";
import { useProgramSchool } from "../programs/useProgramSchool";
import { CreateParticipantModal } from "./CreateParticipantModal";
import { ExportMenu } from "./ExportMenu";
import { ParticipantFilters } from "./ParticipantFilters";
import { ParticipantsTable } from "./ParticipantsTable";

const NO_FILTERS: Filters = { q: "", kind: null, grade: null, consent: null };

export function ParticipantsPage() {
  const { data: me } = useMe();
  if (!me) return null;
  return <ParticipantsOfSchool me={me} />;
}

function ParticipantsOfSchool({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { school, choices, pick, isPending, error } = useProgramSchool(me);
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 300);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const query = { ...filters, q };
  const participants = useParticipants(school?.id ?? null, query);
  const [creating, createModal] = useDisclosure(false);
  const items = participants.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t("participants.title")}</Title>
        {school && (
          <Group gap="xs">
            <Button onClick={createModal.open}>{t("participants.add")}</Button>
            <Button variant="light" component={Link} to={`/participants/import?school=${school.id}`}>
              {t("participants.import")}
            </Button>
            <ExportMenu schoolId={school.id} />
          </Group>
        )}
      </Group>
      {choices.length > 1 && (
        <Select
          label={t("programs.school")}
          searchable
          allowDeselect={false}
          maw={420}
          data={choices.map((c) => ({ value: String(c.id), label: c.name }))}
          value={school ? String(school.id) : null}
          onChange={(value) => value && pick(Number(value))}
        />
      )}
      {choices.length === 1 && school && <Text fw={500}>{school.name}</Text>}
      {error && <ErrorAlert error={error} />}
      {school && <ParticipantFilters search={search} onSearch={setSearch} filters={filters} onChange={setFilters} />}
      {participants.error && <ErrorAlert error={participants.error} />}
      {isPending || (school && participants.isPending) ? (
        <PageLoader />
      ) : !school ? (
        <Text c="dimmed">{t("programs.noSchool")}</Text>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t("participants.empty")}</Text>
      ) : (
        <>
          <ParticipantsTable items={items} />
          {participants.hasNextPage && (
            <Group justify="center">
              <Button variant="default" loading={participants.isFetchingNextPage} onClick={() => participants.fetchNextPage()}>
                {t("participants.loadMore")}
              </Button>
            </Group>
          )}
        </>
      )}
      {school && (
        <CreateParticipantModal
          key={school.id}
          schoolId={school.id}
          withSensitive={seesSensitive(me, school.id)}
          opened={creating}
          onClose={createModal.close}
        />
      )}
    </Stack>
  );
}
