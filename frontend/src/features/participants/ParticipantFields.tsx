import { Checkbox, Fieldset, Group, Select, SimpleGrid, TextInput, Textarea } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { PARTICIPANT_KINDS, SENSITIVE_FIELDS } from "../../api/types";
import type { ParticipantFormValues } from "./participantForm";
import { SensitiveBadge } from "./SensitiveBadge";

export const GRADE_OPTIONS = Array.from({ length: 11 }, (_, i) => String(i + 1));

export function participantValidation(t: TFunction) {
  return {
    last_name: (value: string) => (value.trim() ? null : t("common.required")),
    first_name: (value: string) => (value.trim() ? null : t("common.required")),
    email: (value: string) => (!value.trim() || /^\S+@\S+\.\S+$/.test(value.trim()) ? null : t("participants.emailInvalid")),
  };
}

interface Props {
  form: UseFormReturnType<ParticipantFormValues>;
  /** Show the sensitive facts: only for roles that may see them. */
  withSensitive: boolean;
}

export function ParticipantFields({ form, withSensitive }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Select
        label={t("participants.kind")}
        required
        allowDeselect={false}
        data={PARTICIPANT_KINDS.map((k) => ({ value: k, label: t(`participantKinds.${k}`) }))}
        {...form.getInputProps("kind")}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t("participants.lastName")} required data-autofocus {...form.getInputProps("last_name")} />
        <TextInput label={t("participants.firstName")} required {...form.getInputProps("first_name")} />
        <TextInput label={t("participants.middleName")} {...form.getInputProps("middle_name")} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput type="date" label={t("participants.birthDate")} {...form.getInputProps("birth_date")} />
        <Select label={t("participants.grade")} clearable data={GRADE_OPTIONS} {...form.getInputProps("grade")} />
        <TextInput label={t("participants.classLetter")} maxLength={2} {...form.getInputProps("class_letter")} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput type="tel" label={t("participants.phone")} {...form.getInputProps("phone")} />
        <TextInput type="email" label={t("participants.email")} {...form.getInputProps("email")} />
        <TextInput label={t("participants.externalId")} {...form.getInputProps("external_id")} />
      </SimpleGrid>
      <Textarea label={t("participants.notes")} autosize minRows={2} {...form.getInputProps("notes")} />
      {withSensitive && (
        <Fieldset
          legend={
            <Group gap="xs">
              {t("participants.sensitive")}
              <SensitiveBadge />
            </Group>
          }
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {SENSITIVE_FIELDS.map((field) => (
              <Checkbox
                key={field}
                label={t(`sensitive.${field}`)}
                {...form.getInputProps(`sensitive.${field}`, { type: "checkbox" })}
              />
            ))}
          </SimpleGrid>
        </Fieldset>
      )}
    </>
  );
}
