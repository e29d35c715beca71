import { NumberInput, SimpleGrid, TextInput, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useEnrolMentor } from "../../../api/pairing";
import { fieldErrorMap } from "../../../api/problem";
import { FormModal } from "../../../components/FormModal";
import { notifySuccess } from "../../../components/notify";
import { ConsentRequiredAlert } from "./ConsentRequiredAlert";
import { isConsentRequired } from "./enrolmentStatus";
import { ParticipantPicker } from "./ParticipantPicker";
import { TagMultiSelect } from "./TagMultiSelect";

interface Props {
  programId: number;
  schoolId: number;
  onClose: () => void;
}

/** Enrols a candidate mentor: who, what they can help with, how many they can take. */
export function EnrolMentorModal({ programId, schoolId, onClose }: Props) {
  const { t } = useTranslation();
  const enrol = useEnrolMentor(programId);
  const form = useForm({
    initialValues: {
      participant_id: null as number | null,
      competencies: [] as string[],
      capacity: 1 as number | string,
      achievements: "",
      application_received_on: new Date().toLocaleDateString("sv-SE"),
    },
    validate: {
      participant_id: (value) => (value === null ? t("common.required") : null),
      capacity: (value) => (Number(value) >= 1 && Number(value) <= 30 ? null : t("bases.capacityRange")),
    },
  });

  const submit = form.onSubmit((values) =>
    enrol.mutate(
      {
        participant_id: values.participant_id!,
        competencies: values.competencies,
        capacity: Number(values.capacity),
        achievements: values.achievements.trim() || null,
        application_received_on: values.application_received_on || null,
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

  const consentMissing = isConsentRequired(enrol.error);
  return (
    <FormModal
      opened
      title={t("bases.enrolMentor")}
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
      <TagMultiSelect schoolId={schoolId} label={t("bases.competencies")} {...form.getInputProps("competencies")} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput label={t("bases.capacity")} description={t("bases.capacityHint")} min={1} max={30} {...form.getInputProps("capacity")} />
        <TextInput type="date" label={t("bases.applicationDate")} {...form.getInputProps("application_received_on")} />
      </SimpleGrid>
      <Textarea label={t("bases.achievements")} autosize minRows={2} maxLength={2000} {...form.getInputProps("achievements")} />
    </FormModal>
  );
}
