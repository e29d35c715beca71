import { SimpleGrid, Stack, TextInput, Textarea } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { ActivityFormValues } from "./activityForm";
import { ResponsibleInput } from "./ResponsibleInput";

interface Props {
  form: UseFormReturnType<ActivityFormValues>;
  schoolId: number;
  /** Adding plans an activity; the result and its evidence come once it is under way. */
  withResult: boolean;
}

export function ActivityFields({ form, schoolId, withResult }: Props) {
  const { t } = useTranslation();
  return (
    <Stack>
      <TextInput label={t("roadmap.title")} required {...form.getInputProps("title")} />
      <Textarea label={t("roadmap.content")} autosize minRows={2} {...form.getInputProps("content")} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="date" label={t("roadmap.deadline")} required {...form.getInputProps("deadline")} />
        <TextInput label={t("roadmap.expectedResult")} {...form.getInputProps("expected_result")} />
      </SimpleGrid>
      <ResponsibleInput form={form} schoolId={schoolId} />
      {withResult && (
        <>
          <Textarea label={t("roadmap.resultNote")} autosize minRows={2} {...form.getInputProps("result_note")} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t("roadmap.orderNumber")} {...form.getInputProps("evidence_order_number")} />
            <TextInput type="date" label={t("roadmap.orderDate")} {...form.getInputProps("evidence_order_date")} />
            <TextInput type="url" label={t("roadmap.link")} {...form.getInputProps("evidence_link")} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

export function activityValidation(t: (key: string) => string) {
  return {
    title: (value: string) => (value.trim() ? null : t("common.required")),
    deadline: (value: string) => (value ? null : t("common.required")),
  };
}
