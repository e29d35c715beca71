import { Select, SimpleGrid, TextInput, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useMentees, useMentors } from "../../../api/pairing";
import { usePairs } from "../../../api/pairs";
import { fieldErrorMap } from "../../../api/problem";
import { useGrantAward } from "../../../api/recognition";
import type { AwardKind } from "../../../api/types";
import { FormModal } from "../../../components/FormModal";
import { notifySuccess } from "../../../components/notify";
import { today } from "./awardTexts";

const KINDS: AwardKind[] = ["mentor_of_the_year", "best_pair", "certificate", "letter_of_thanks"];

export interface GrantDraft {
  kind: AwardKind;
  participantId: number | null;
  pairId: number | null;
}

interface Props {
  programId: number;
  draft: GrantDraft;
  onClose: () => void;
}

/** Grants an award: the kind, who (a person of the bases or a pair), the wording and the date. */
export function GrantAwardModal({ programId, draft, onClose }: Props) {
  const { t } = useTranslation();
  const grant = useGrantAward(programId);
  const mentors = useMentors(programId);
  const mentees = useMentees(programId);
  const pairs = usePairs(programId, null);
  const form = useForm({
    initialValues: {
      kind: draft.kind,
      holder: draft.pairId !== null ? `pair:${draft.pairId}` : draft.participantId !== null ? `person:${draft.participantId}` : "",
      title: "",
      wording: "",
      addressee: "",
      awarded_on: today(),
      signatory: "",
    },
    validate: {
      holder: (value) => (value ? null : t("common.required")),
      awarded_on: (value) => (value ? null : t("common.required")),
    },
  });

  // Who may hold this kind: a mentor, a working pair, or anyone of the bases.
  const holders = useMemo(() => {
    const kind = form.values.kind;
    const people = (mentors.data ?? []).map((m) => ({ value: `person:${m.participant_id}`, label: `${m.name ?? "—"} · ${t("recognition.awards.asMentor")}` }));
    if (kind === "mentor_of_the_year") return people;
    const working = (pairs.data ?? []).filter((p) => ["approved", "active", "completed"].includes(p.status));
    const pairOptions = working.map((p) => ({
      value: `pair:${p.id}`,
      label: `${p.mentor.name ?? "—"} — ${p.mentees.map((m) => m.name ?? "—").join(", ")}`,
    }));
    if (kind === "best_pair") return pairOptions;
    const learners = (mentees.data ?? []).map((m) => ({ value: `person:${m.participant_id}`, label: `${m.name ?? "—"} · ${t("recognition.awards.asMentee")}` }));
    return [...people, ...learners, ...pairOptions];
  }, [form.values.kind, mentors.data, mentees.data, pairs.data, t]);

  const submit = form.onSubmit((values) => {
    const [side, id] = values.holder.split(":");
    grant.mutate(
      {
        kind: values.kind,
        participant_id: side === "person" ? Number(id) : null,
        pair_id: side === "pair" ? Number(id) : null,
        title: values.title.trim() || null,
        wording: values.wording.trim() || null,
        addressee: values.kind === "letter_of_thanks" ? values.addressee.trim() || null : null,
        awarded_on: values.awarded_on,
        signatory: values.signatory.trim() || null,
      },
      {
        onSuccess: () => {
          notifySuccess(t("recognition.awards.granted"));
          onClose();
        },
        onError: (error) => {
          const errors = fieldErrorMap(error);
          if (errors.participant_id ?? errors.pair_id) errors.holder = errors.participant_id ?? errors.pair_id;
          form.setErrors(errors);
        },
      },
    );
  });

  const defaultTitle = t(`recognition.kinds.${form.values.kind}`);
  return (
    <FormModal opened title={t("recognition.awards.grant")} size="lg" error={grant.error} loading={grant.isPending} submitLabel={t("recognition.nominees.grant")} onSubmit={submit} onClose={onClose}>
      <Select
        label={t("recognition.awards.kind")}
        data={KINDS.map((k) => ({ value: k, label: t(`recognition.kinds.${k}`) }))}
        allowDeselect={false}
        {...form.getInputProps("kind")}
        onChange={(value) => {
          grant.reset();
          form.setFieldValue("kind", (value ?? "certificate") as AwardKind);
          form.setFieldValue("holder", "");
        }}
      />
      <Select
        label={t("recognition.awards.holder")}
        data={holders}
        searchable
        required
        nothingFoundMessage={t("common.nothingFound")}
        {...form.getInputProps("holder")}
      />
      <TextInput label={t("recognition.awards.titleField")} placeholder={t("recognition.awards.titlePlaceholder", { title: defaultTitle })} maxLength={200} {...form.getInputProps("title")} />
      <Textarea label={t("recognition.awards.wording")} placeholder={t("recognition.awards.wordingPlaceholder")} autosize minRows={2} maxLength={2000} {...form.getInputProps("wording")} />
      {form.values.kind === "letter_of_thanks" && (
        <TextInput label={t("recognition.awards.addressee")} placeholder={t("recognition.awards.addresseePlaceholder")} maxLength={200} {...form.getInputProps("addressee")} />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="date" label={t("recognition.awards.date")} required max={today()} {...form.getInputProps("awarded_on")} />
        <TextInput label={t("recognition.awards.signatory")} placeholder={t("recognition.awards.signatoryPlaceholder")} maxLength={200} {...form.getInputProps("signatory")} />
      </SimpleGrid>
    </FormModal>
  );
}
