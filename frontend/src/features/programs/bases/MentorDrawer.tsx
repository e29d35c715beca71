import { Button, Drawer, Group, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useUpdateMentor } from "../../../api/pairing";
import { fieldErrorMap } from "../../../api/problem";
import { INTERVIEW_OUTCOMES, TRAINING_STATUSES, type Mentor } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { notifySuccess } from "../../../components/notify";
import { mentorFormValues, mentorPatch } from "./mentorForm";
import { TagMultiSelect } from "./TagMultiSelect";

interface Props {
  mentor: Mentor | null;
  programId: number;
  schoolId: number;
  readOnly: boolean;
  onClose: () => void;
}

/** The mentor's selection record: application, interview, the school of mentors, capacity. */
export function MentorDrawer({ mentor, programId, schoolId, readOnly, onClose }: Props) {
  const { t } = useTranslation();
  const update = useUpdateMentor(programId);
  const form = useForm({
    initialValues: mentorFormValues(mentor),
    validate: { capacity: (value) => (Number(value) >= 1 && Number(value) <= 30 ? null : t("bases.capacityRange")) },
  });

  const submit = form.onSubmit((values) => {
    if (!mentor) return;
    update.mutate(
      { mentor, patch: mentorPatch(values) },
      {
        onSuccess: () => {
          notifySuccess(t("common.saved"));
          onClose();
        },
        onError: (error) => form.setErrors(fieldErrorMap(error)),
      },
    );
  });

  return (
    <Drawer
      opened={mentor !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={t("bases.selectionOf", { name: mentor?.name ?? "" })}
    >
      <form onSubmit={submit} noValidate>
        <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack>
            {update.error ? <ErrorAlert error={update.error} /> : null}
            <TextInput type="date" label={t("bases.applicationDate")} {...form.getInputProps("application_received_on")} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput type="date" label={t("bases.interviewDate")} {...form.getInputProps("interview_on")} />
              <Select
                label={t("bases.interviewOutcome")}
                allowDeselect={false}
                data={INTERVIEW_OUTCOMES.map((o) => ({ value: o, label: t(`interviewOutcomes.${o}`) }))}
                {...form.getInputProps("interview_outcome")}
              />
            </SimpleGrid>
            <Textarea label={t("bases.interviewNotes")} autosize minRows={2} maxLength={2000} {...form.getInputProps("interview_notes")} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t("bases.trainingSchool")}
                allowDeselect={false}
                data={TRAINING_STATUSES.map((s) => ({ value: s, label: t(`trainingStatus.${s}`) }))}
                {...form.getInputProps("training_status")}
              />
              <TextInput type="date" label={t("bases.trainingDate")} {...form.getInputProps("training_completed_on")} />
            </SimpleGrid>
            <NumberInput label={t("bases.capacity")} description={t("bases.capacityHint")} min={1} max={30} {...form.getInputProps("capacity")} />
            <TagMultiSelect schoolId={schoolId} label={t("bases.competencies")} {...form.getInputProps("competencies")} />
            <Textarea label={t("bases.achievements")} autosize minRows={2} maxLength={2000} {...form.getInputProps("achievements")} />
            {!readOnly && (
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  {t("common.cancel")}
                </Button>
                <Button type="submit" loading={update.isPending}>
                  {t("common.save")}
                </Button>
              </Group>
            )}
          </Stack>
        </fieldset>
      </form>
    </Drawer>
  );
}
