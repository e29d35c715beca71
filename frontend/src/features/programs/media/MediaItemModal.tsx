import { Select, SimpleGrid, TextInput, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useCreateMediaItem, useUpdateMediaItem } from "../../../api/mediaPlan";
import { fieldErrorMap } from "../../../api/problem";
import { MEDIA_STATUSES, type MediaItem } from "../../../api/types";
import { FormModal } from "../../../components/FormModal";
import { notifySuccess } from "../../../components/notify";
import { STAGE_NUMBERS, stageTitle } from "../roadmap/stageTitles";
import { mediaFormValues, mediaPatch, newMediaBody, newMediaForm, publishedUrlError } from "./mediaForm";

interface Props {
  programId: number;
  /** The item to edit; null adds a new one. */
  item: MediaItem | null;
  stageTitles: Map<number, string>;
  today: string;
  onClose: () => void;
}

/** Adds or edits one media-plan item; mount it afresh for each item (key it by id). */
export function MediaItemModal({ programId, item, stageTitles, today, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const create = useCreateMediaItem(programId);
  const update = useUpdateMediaItem(programId);
  const mutation = item ? update : create;
  const form = useForm({
    initialValues: item ? mediaFormValues(item) : newMediaForm(today),
    validate: {
      event: (value) => (value.trim() ? null : t("common.required")),
      deadline: (value) => (value ? null : t("common.required")),
      published_url: (_value, values) => (publishedUrlError(values) ? t("media.publishedUrlRequired") : null),
    },
  });

  const done = (message: string) => () => {
    notifySuccess(message);
    onClose();
  };
  const onError = (error: unknown) => form.setErrors(fieldErrorMap(error));

  const submit = form.onSubmit((values) =>
    item
      ? update.mutate({ item, patch: mediaPatch(values) }, { onSuccess: done(t("common.saved")), onError })
      : create.mutate(newMediaBody(values), { onSuccess: done(t("media.added")), onError }),
  );

  const stages = STAGE_NUMBERS.map((no) => ({
    value: String(no),
    label: `${no}. ${stageTitle({ stage_no: no, title: stageTitles.get(no) ?? "" }, i18n.language)}`,
  }));

  return (
    <FormModal
      opened
      title={t(item ? "media.edit" : "media.add")}
      size="lg"
      error={mutation.error}
      loading={mutation.isPending}
      submitLabel={item ? t("common.save") : undefined}
      onSubmit={submit}
      onClose={onClose}
    >
      <Select label={t("media.stage")} required allowDeselect={false} data={stages} {...form.getInputProps("stage_no")} />
      <TextInput label={t("media.event")} required data-autofocus {...form.getInputProps("event")} />
      <Textarea label={t("media.message")} autosize minRows={2} {...form.getInputProps("message")} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t("media.channel")} placeholder={t("media.channelHint")} {...form.getInputProps("channel")} />
        <TextInput label={t("media.form")} placeholder={t("media.formHint")} {...form.getInputProps("form")} />
        <TextInput type="date" label={t("media.deadline")} required {...form.getInputProps("deadline")} />
        <TextInput label={t("media.responsible")} {...form.getInputProps("responsible")} />
      </SimpleGrid>
      {item && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t("media.status")}
            allowDeselect={false}
            data={MEDIA_STATUSES.map((s) => ({ value: s, label: t(`mediaStatus.${s}`) }))}
            {...form.getInputProps("status")}
          />
          <TextInput
            type="url"
            label={t("media.publishedUrl")}
            required={form.values.status === "published"}
            {...form.getInputProps("published_url")}
          />
        </SimpleGrid>
      )}
    </FormModal>
  );
}
