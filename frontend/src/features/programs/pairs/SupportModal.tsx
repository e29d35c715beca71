import { TextInput, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useSaveSupport } from "../../../api/pairs";
import { fieldErrorMap } from "../../../api/problem";
import type { UnmatchedMentee } from "../../../api/types";
import { FormModal } from "../../../components/FormModal";
import { notifySuccess } from "../../../components/notify";

interface Props {
  programId: number;
  mentee: UnmatchedMentee;
  name: string;
  onClose: () => void;
}

/** The psychologist's support notes and the date the search for a mentor continues. */
export function SupportModal({ programId, mentee, name, onClose }: Props) {
  const { t } = useTranslation();
  const save = useSaveSupport(programId);
  const form = useForm({
    initialValues: { support_notes: mentee.support_notes ?? "", search_resumes_on: mentee.search_resumes_on ?? "" },
  });

  const submit = form.onSubmit((values) =>
    save.mutate(
      {
        menteeId: mentee.mentee_id,
        support: { support_notes: values.support_notes.trim() || null, search_resumes_on: values.search_resumes_on || null },
      },
      {
        onSuccess: () => {
          notifySuccess(t("unmatched.saved"));
          onClose();
        },
        onError: (error) => form.setErrors(fieldErrorMap(error)),
      },
    ),
  );

  return (
    <FormModal
      opened
      title={t("unmatched.editOf", { name })}
      error={save.error}
      loading={save.isPending}
      submitLabel={t("common.save")}
      onSubmit={submit}
      onClose={onClose}
    >
      <Textarea
        label={t("unmatched.notes")}
        description={t("unmatched.notesHint")}
        autosize
        minRows={3}
        maxLength={4000}
        data-autofocus
        {...form.getInputProps("support_notes")}
      />
      <TextInput type="date" label={t("unmatched.resumes")} description={t("unmatched.resumesHint")} {...form.getInputProps("search_resumes_on")} />
    </FormModal>
  );
}
