import { Button, Center, Group, Loader, NumberInput, SimpleGrid, Stack, Table, Text, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useContingent, useSaveContingent } from "../../../api/organizations";
import type { AgeGroup } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { notifyFailure, notifySuccess } from "../../../components/notify";
import { useProblemMessage } from "../../../components/useProblemMessage";
import { ContingentChart } from "./ContingentChart";
import { ageRows, targetAgeStudents, totalStudents } from "./contingent";

/** Students of each age at a reference date, as the school reports them. */
export function ContingentEditor({ organizationId }: { organizationId: number }) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const loaded = useContingent(organizationId);
  const save = useSaveContingent(organizationId);
  const [rows, setRows] = useState<AgeGroup[]>(() => ageRows([]));
  const [referenceDate, setReferenceDate] = useState("");

  useEffect(() => {
    if (!loaded.data) return;
    setRows(ageRows(loaded.data.age_groups));
    setReferenceDate(loaded.data.reference_date ?? "");
  }, [loaded.data]);

  if (loaded.isPending) {
    return (
      <Center py="md">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (loaded.error) return <ErrorAlert error={loaded.error} />;

  const setCount = (age: number, value: number | string) =>
    setRows((current) => current.map((row) => (row.age === age ? { age, students: Math.max(0, Number(value) || 0) } : row)));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    save.mutate(
      { reference_date: referenceDate, age_groups: rows },
      { onSuccess: () => notifySuccess(t("common.saved")), onError: (error) => notifyFailure(problemMessage(error)) },
    );
  };

  const total = totalStudents(rows);
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput
          type="date"
          label={t("contingent.referenceDate")}
          required
          value={referenceDate}
          onChange={(event) => setReferenceDate(event.currentTarget.value)}
          maw={240}
        />
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Table withTableBorder>
            <caption style={{ captionSide: "top", textAlign: "left" }}>{t("contingent.caption")}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("contingent.age")}</Table.Th>
                <Table.Th scope="col">{t("contingent.students")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.age}>
                  <Table.Th scope="row">{row.age}</Table.Th>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      min={0}
                      allowDecimal={false}
                      allowNegative={false}
                      aria-label={t("contingent.studentsOfAge", { age: row.age })}
                      value={row.students}
                      onChange={(value) => setCount(row.age, value)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t("contingent.total")}</Table.Th>
                <Table.Td fw={700}>{total}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
          <Stack>
            <ContingentChart rows={rows} />
            <Text size="sm">{t("contingent.targetAges", { students: targetAgeStudents(rows), total })}</Text>
          </Stack>
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!referenceDate}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
