import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMe } from "../../api/me";
import { usePrograms } from "../../api/programs";
import type { Me } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageLoader } from "../../components/PageLoader";
import { CreateProgramModal } from "./CreateProgramModal";
import { ProgramStatusBadge } from "./ProgramStatusBadge";
import { ProgressBar } from "./ProgressBar";
import { useProgramSchool } from "./useProgramSchool";

export function ProgramsPage() {
  const { data: me } = useMe();
  if (!me) return null;
  return <ProgramsOfSchool me={me} />;
}

function ProgramsOfSchool({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { school, choices, pick, isPending, error } = useProgramSchool(me);
  const programs = usePrograms(school?.id ?? null);
  const [creating, createModal] = useDisclosure(false);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t("programs.title")}</Title>
        {school && <Button onClick={createModal.open}>{t("programs.create")}</Button>}
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
      {programs.error && <ErrorAlert error={programs.error} />}
      {isPending || (school && programs.isPending) ? (
        <PageLoader />
      ) : !school ? (
        <Text c="dimmed">{t("programs.noSchool")}</Text>
      ) : programs.data?.length === 0 ? (
        <Text c="dimmed">{t("programs.empty")}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {programs.data?.map((program) => (
            <Card withBorder component="li" key={program.id}>
              <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
                <div style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/programs/${program.id}`} fw={600} style={{ overflowWrap: "anywhere" }}>
                    {program.title}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {t("programs.year", { year: program.academic_year })}
                  </Text>
                </div>
                <ProgramStatusBadge status={program.status} />
              </Group>
              <ProgressBar progress={program.progress} label={t("programs.progressOfProgram", { title: program.title })} />
            </Card>
          ))}
        </SimpleGrid>
      )}
      {school && <CreateProgramModal key={school.id} schoolId={school.id} opened={creating} onClose={createModal.close} />}
    </Stack>
  );
}
