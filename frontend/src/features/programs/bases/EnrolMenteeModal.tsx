import { MultiSelect, Select, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useEnrolMentee } from "../../../api/pairing";
import { fieldErrorMap } from "../../../api/problem";
import { MENTEE_TYPES, type MenteeCategory, type MenteeType } from "../../../api/types";
import { FormModal } from "../../../components/FormModal";
import { notifySuccess } from "../../../components/notify";
import { categoryGroups, isConsentRequired } from "./enrolmentStatus";
import { ConsentRequiredAlert } from "./ConsentRequiredAlert";
import { ParticipantPicker } from "./ParticipantPicker";
import { TagMultiSelect } from "./TagMultiSelect";

interface Props {
  programId: number;
  schoolId: number;
  withSensitive: boolean;
  onClose: () => void;
}

/** Enrols one of the school's people in the programme's base of mentees; mount afresh each time. */
export function EnrolMenteeModal({ programId, schoolId, withSensitive, onClose }: Props) {
  const { t } = useTranslation();
  const enrol = useEnrolMentee(programId);
  const form = useForm({
    initialValues: {
      participant_id: null as number | null,
      categories: [] as MenteeCategory[],
      mentee_type: "passive" as MenteeType,
      request_text: "",
      request_tags: [] as string[],
    },
    validate: { participant_id: (value) => (value === null ? t("common.required") : null) },
  });

  const submit = form.onSubmit((values) =>
    enrol.mutate(
      {
        participant_id: values.participant_id!,
        categories: values.categories,
        mentee_type: values.mentee_type,
        request_text: values.request_text.trim() || null,
        request_tags: values.request_tags,
      },
      {
        onSuccess: () => {
          notifySuccess(t("bases.enrolled"));
          onClose();
        },
        onError: (error) => form.setErrors(fieldErrorMap(error)),
      },
    ),
  );

  const groups = categoryGroups(withSensitive);
  const consentMissing = isConsentRequired(enrol.error);
  return (
    <FormModal
      opened
      title={t("bases.enrolMentee")}
      size="lg"
      error={consentMissing ? undefined : enrol.error}
      loading={enrol.isPending}
      submitLabel={t("bases.enrol")}
      onSubmit={submit}
      onClose={onClose}
    >
      {consentMissing && <ConsentRequiredAlert participantId={form.values.participant_id} />}
      <ParticipantPicker
        schoolId={schoolId}
        label={t("bases.participant")}
        value={form.values.participant_id}
        error={form.errors.participant_id as string | undefined}
        onChange={(p) => {
          enrol.reset();
          form.setFieldValue("participant_id", p?.id ?? null);
        }}
      />
      <MultiSelect
        label={t("bases.categories")}
        data={[
          { group: t("bases.categoryGroups.students"), items: groups.students.map((c) => ({ value: c, label: t(`menteeCategories.${c}`) })) },
          { group: t("bases.categoryGroups.teachers"), items: groups.teachers.map((c) => ({ value: c, label: t(`menteeCategories.${c}`) })) },
        ]}
        {...form.getInputProps("categories")}
      />
      <Select
        label={t("bases.menteeType")}
        allowDeselect={false}
        data={MENTEE_TYPES.map((m) => ({ value: m, label: t(`menteeTypes.${m}`) }))}
        {...form.getInputProps("mentee_type")}
      />
      <Textarea label={t("bases.request")} description={t("bases.requestHint")} autosize minRows={2} maxLength={2000} {...form.getInputProps("request_text")} />
      <TagMultiSelect schoolId={schoolId} label={t("bases.requestTags")} {...form.getInputProps("request_tags")} />
    </FormModal>
  );
}
