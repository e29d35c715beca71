import { Autocomplete, Fieldset, NativeSelect, SegmentedControl, Stack, Switch, TextInput, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useCreateMeeting, usePairPlan } from "../../api/meetings";
import { MEETING_KINDS, type MeetingKind, type Pair } from "../../api/types";
import { notifySuccess } from "../../components/notify";
import { AttendanceChecks } from "./AttendanceChecks";
import { logFormDefaults, newMeetingBody, pairPeople, validateLogForm, type LogFormValues } from "./meetingForm";
import { MeetingFormModal } from "./MeetingFormModal";
import { WhenFields } from "./WhenFields";

interface Props {
  pair: Pair;
  /** The next step of the sequence: what the form starts with. */
  kind: MeetingKind;
  timeZone: string;
  /** Whether the development plan may be read (the staff): its tasks are offered for the meeting. */
  readsPlan: boolean;
  onClose: () => void;
}

/**
 * «Отметить встречу»: the quick form, filled with one thumb on a phone. It starts on the next
 * step, now (a quarter-hour back) and «Встреча уже прошла» with everyone present; switched
 * off, it schedules the meeting instead.
 */
export function LogMeetingModal({ pair, kind, timeZone, readsPlan, onClose }: Props) {
  const { t } = useTranslation();
  const create = useCreateMeeting(pair);
  const plan = usePlanTasks(pair.id, readsPlan);
  const people = pairPeople(pair);
  const form = useForm<LogFormValues>({
    initialValues: logFormDefaults(kind, new Date(), timeZone, people),
    validate: (values) =>
      Object.fromEntries(
        Object.entries(validateLogForm(values, new Date(), timeZone)).map(([field, error]) => [field, t(`meetings.form.errors.${error}`)]),
      ),
  });
  const values = form.values;

  const submit = form.onSubmit((v) =>
    create.mutate(newMeetingBody(v, timeZone), {
      onSuccess: () => {
        notifySuccess(t(v.held ? "meetings.logged" : "meetings.scheduled"));
        onClose();
      },
    }),
  );

  return (
    <MeetingFormModal
      title={t("meetings.log")}
      error={create.error}
      loading={create.isPending}
      submitLabel={values.held ? t("meetings.form.submitHeld") : t("meetings.form.submitScheduled")}
      onSubmit={submit}
      onClose={onClose}
    >
      <NativeSelect
        label={t("meetings.fields.kind")}
        size="md"
        data={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) }))}
        {...form.getInputProps("kind")}
      />
      <Switch size="md" label={t("meetings.fields.held")} description={t("meetings.fields.heldHint")} {...form.getInputProps("held", { type: "checkbox" })} />
      <WhenFields
        date={values.date}
        time={values.time}
        duration={values.duration}
        errors={{ date: form.errors.date as string, time: form.errors.time as string, duration: form.errors.duration as string }}
        onChange={(change) => form.setValues(change)}
      />
      <Fieldset legend={t("meetings.fields.format")} variant="unstyled" styles={{ legend: { fontWeight: 500, fontSize: "var(--mantine-font-size-sm)" } }}>
        <SegmentedControl
          fullWidth
          size="md"
          data={[
            { value: "in_person", label: t("meetings.format.in_person") },
            { value: "online", label: t("meetings.format.online") },
          ]}
          {...form.getInputProps("format")}
        />
      </Fieldset>
      {values.format === "online" ? (
        <TextInput type="url" inputMode="url" label={t("meetings.fields.link")} placeholder="https://" maxLength={500} {...form.getInputProps("link")} />
      ) : (
        <TextInput label={t("meetings.fields.place")} placeholder={t("meetings.fields.placeHint")} maxLength={200} {...form.getInputProps("place")} />
      )}
      <TextInput label={t("meetings.fields.topic")} maxLength={500} {...form.getInputProps("topic")} />
      <Autocomplete
        label={t("meetings.fields.planTask")}
        description={plan.length > 0 ? t("meetings.fields.planTaskHint") : undefined}
        data={plan}
        maxLength={500}
        {...form.getInputProps("plan_task")}
      />
      {values.held && (
        <Stack gap="sm">
          <AttendanceChecks people={people} present={values.present} onChange={(present) => form.setFieldValue("present", present)} />
          <Textarea label={t("meetings.fields.notes")} description={t("meetings.fields.notesHint")} autosize minRows={2} maxLength={4000} {...form.getInputProps("notes")} />
        </Stack>
      )}
    </MeetingFormModal>
  );
}

/** The plan's open tasks first, then the done ones; none when the plan cannot be read. */
function usePlanTasks(pairId: number, enabled: boolean): string[] {
  const tasks = usePairPlan(pairId, enabled).data?.tasks ?? [];
  const titles = [...tasks.filter((task) => !task.done), ...tasks.filter((task) => task.done)].map((task) => task.title);
  return [...new Set(titles)];
}
