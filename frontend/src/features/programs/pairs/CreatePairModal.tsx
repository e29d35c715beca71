import { MultiSelect, Select, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useMentees, useMentors } from "../../../api/pairing";
import { useCreatePair, usePairingSettings } from "../../../api/pairs";
import { ROLE_MODELS, type MentorshipForm, type Program, type RoleModel } from "../../../api/types";
import { FormModal } from "../../../components/FormModal";
import { notifySuccess } from "../../../components/notify";
import { breaksGradeRule, freePlaces, pairFieldErrors, pairableMentors, waitingMentees } from "./manualPair";

interface Props {
  program: Program;
  onClose: () => void;
}

interface Values {
  form: MentorshipForm;
  mentor_id: string | null;
  mentee_ids: string[];
  role_model: RoleModel | null;
  goal: string;
}

const classOf = (grade?: number | null, letter?: string | null) => (grade ? `${grade} ${letter ?? ""}`.trim() : "");

/** «Составить пару вручную»: a ready mentor with free places and one or more waiting mentees. */
export function CreatePairModal({ program, onClose }: Props) {
  const { t } = useTranslation();
  const mentors = useMentors(program.id);
  const mentees = useMentees(program.id);
  const settings = usePairingSettings(program.id);
  const create = useCreatePair(program.id);
  const form = useForm<Values>({
    initialValues: { form: program.forms[0] ?? "student_student", mentor_id: null, mentee_ids: [], role_model: null, goal: "" },
    validate: {
      mentor_id: (value) => (value ? null : t("common.required")),
      mentee_ids: (value) => (value.length > 0 ? null : t("common.required")),
    },
  });

  const { values } = form;
  const nameOf = (name: string | null | undefined, participantId: number) =>
    name ?? t("participants.erasedName", { id: participantId });
  const available = pairableMentors(mentors.data ?? [], values.form, settings.data?.allow_untrained_mentors ?? false);
  const mentor = available.find((m) => String(m.id) === values.mentor_id) ?? null;
  const free = mentor ? freePlaces(mentor) : null;
  const waiting = waitingMentees(mentees.data ?? []);

  const mentorOptions = available.map((m) => ({
    value: String(m.id),
    label: t("pairs.mentorOption", {
      name: [nameOf(m.name, m.participant_id), classOf(m.grade, m.class_letter)].filter(Boolean).join(", "),
      free: freePlaces(m),
    }),
  }));
  const menteeOptions = waiting.map((m) => {
    const label = [nameOf(m.name, m.participant_id), classOf(m.grade, m.class_letter)].filter(Boolean).join(", ");
    const blocked = breaksGradeRule(values.form, mentor?.grade, m.grade);
    return { value: String(m.id), label: blocked ? t("pairs.gradeRuleOption", { name: label }) : label, disabled: blocked };
  });

  const pickMentor = (id: string | null) => {
    create.reset();
    const next = available.find((m) => String(m.id) === id) ?? null;
    form.setFieldValue("mentor_id", id);
    if (!next) return;
    // Keep only mentees this mentor may take, and no more than the places left.
    const fitting = values.mentee_ids.filter((mid) => {
      const mentee = waiting.find((m) => String(m.id) === mid);
      return !breaksGradeRule(values.form, next.grade, mentee?.grade);
    });
    form.setFieldValue("mentee_ids", fitting.slice(0, freePlaces(next)));
  };

  const submit = form.onSubmit((v) => {
    if (free !== null && v.mentee_ids.length > free) {
      form.setFieldError("mentee_ids", t("pairs.menteesTooMany", { free }));
      return;
    }
    create.mutate(
      {
        form: v.form,
        mentor_id: Number(v.mentor_id),
        mentee_ids: v.mentee_ids.map(Number),
        role_model: v.role_model,
        goal: v.goal.trim() || null,
      },
      {
        onSuccess: (pair) => {
          notifySuccess(t(pair.kind === "group" ? "pairs.createdGroup" : "pairs.createdPair"));
          onClose();
        },
        onError: (error) => form.setErrors(pairFieldErrors(error)),
      },
    );
  });

  const loading = mentors.isPending || mentees.isPending || settings.isPending;
  return (
    <FormModal
      opened
      title={t("pairs.create")}
      size="lg"
      error={create.error ?? mentors.error ?? mentees.error ?? settings.error}
      loading={create.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      {program.forms.length > 1 && (
        <Select
          label={t("pairs.form")}
          allowDeselect={false}
          data={program.forms.map((f) => ({ value: f, label: t(`forms.${f}`) }))}
          {...form.getInputProps("form")}
          onChange={(value) => {
            form.setFieldValue("form", (value ?? values.form) as MentorshipForm);
            form.setFieldValue("mentor_id", null);
          }}
        />
      )}
      <Select
        label={t("pairs.mentor")}
        description={t("pairs.mentorHint")}
        required
        searchable
        disabled={loading}
        placeholder={loading ? t("common.loading") : undefined}
        nothingFoundMessage={t("pairs.noFreeMentors")}
        data={mentorOptions}
        error={form.errors.mentor_id}
        value={values.mentor_id}
        onChange={pickMentor}
      />
      <MultiSelect
        label={t("pairs.mentees")}
        description={free === null ? t("pairs.menteesHint") : t("pairs.menteesLimit", { free })}
        required
        searchable
        disabled={loading}
        nothingFoundMessage={t("pairs.noWaitingMentees")}
        maxValues={free ?? undefined}
        data={menteeOptions}
        error={form.errors.mentee_ids}
        value={values.mentee_ids}
        onChange={(ids) => {
          create.reset();
          form.setFieldValue("mentee_ids", ids);
        }}
      />
      {values.mentee_ids.length > 1 && (
        <Text size="sm" c="indigo.8" role="status">
          {t("pairs.willBeGroup", { count: values.mentee_ids.length })}
        </Text>
      )}
      <Select
        label={t("pairs.roleModel")}
        clearable
        placeholder={t("pairs.noRoleModel")}
        data={ROLE_MODELS.map((r) => ({ value: r, label: t(`roleModels.${r}`) }))}
        {...form.getInputProps("role_model")}
      />
      <Textarea label={t("pairs.goal")} description={t("pairs.goalHint")} autosize minRows={2} maxLength={2000} {...form.getInputProps("goal")} />
    </FormModal>
  );
}
