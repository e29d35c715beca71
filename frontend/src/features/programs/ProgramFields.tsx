import { Fieldset, MultiSelect, Select, SimpleGrid, Stack, TextInput, Textarea } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { MENTORSHIP_FORMS } from "../../api/types";
import type { ProgramFormValues } from "./programForm";
import { academicYearOptions } from "./progress";
import { SchoolUserSelect, SchoolUsersMultiSelect } from "./SchoolUserSelect";

interface Props {
  form: UseFormReturnType<ProgramFormValues>;
  schoolId: number;
  disabled?: boolean;
  /** An existing programme keeps its academic year. */
  yearFixed?: boolean;
}

/** The fields of a programme, the same when creating it and when editing its details. */
export function ProgramFields({ form, schoolId, disabled, yearFixed }: Props) {
  const { t } = useTranslation();
  const years = academicYearOptions(new Date());
  if (!years.includes(form.values.academic_year)) years.unshift(form.values.academic_year);

  return (
    <Stack>
      <TextInput label={t("programs.fields.title")} required data-autofocus disabled={disabled} {...form.getInputProps("title")} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t("programs.fields.academicYear")}
          required
          allowDeselect={false}
          data={years}
          disabled={disabled || yearFixed}
          {...form.getInputProps("academic_year")}
        />
        <TextInput type="date" label={t("programs.fields.startDate")} disabled={disabled} {...form.getInputProps("start_date")} />
        <TextInput type="date" label={t("programs.fields.endDate")} disabled={disabled} {...form.getInputProps("end_date")} />
      </SimpleGrid>
      <MultiSelect
        label={t("programs.fields.forms")}
        required
        data={MENTORSHIP_FORMS.map((f) => ({ value: f, label: t(`forms.${f}`) }))}
        disabled={disabled}
        {...form.getInputProps("forms")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <SchoolUserSelect
          schoolId={schoolId}
          label={t("programs.fields.coordinator")}
          disabled={disabled}
          {...form.getInputProps("coordinator_id")}
        />
        <SchoolUsersMultiSelect
          schoolId={schoolId}
          label={t("programs.fields.curators")}
          disabled={disabled}
          {...form.getInputProps("curator_ids")}
        />
      </SimpleGrid>
      <Fieldset legend={t("programs.fields.website")} disabled={disabled}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t("programs.fields.contactName")} {...form.getInputProps("contact_name")} />
          <TextInput label={t("programs.fields.contactPhone")} type="tel" {...form.getInputProps("contact_phone")} />
          <TextInput label={t("programs.fields.contactEmail")} type="email" {...form.getInputProps("contact_email")} />
        </SimpleGrid>
      </Fieldset>
      <Textarea label={t("programs.fields.goal")} autosize minRows={2} disabled={disabled} {...form.getInputProps("goal")} />
      <Textarea
        label={t("programs.fields.tasks")}
        description={t("programs.fields.tasksHint")}
        autosize
        minRows={3}
        disabled={disabled}
        {...form.getInputProps("tasks")}
      />
    </Stack>
  );
}

/** Client-side checks shared by both forms; the service repeats them and says more. */
export function programValidation(t: (key: string) => string) {
  return {
    title: (value: string) => (value.trim() ? null : t("common.required")),
    forms: (value: string[]) => (value.length > 0 ? null : t("programs.fields.formsRequired")),
    end_date: (value: string, values: ProgramFormValues) =>
      value && values.start_date && value < values.start_date ? t("programs.fields.endBeforeStart") : null,
  };
}
