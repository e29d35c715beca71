import { Fieldset, Rating, Stack, Text, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useUpdateMeeting } from "../../api/meetings";
import type { Meeting, MeetingPatch, Pair } from "../../api/types";
import { notifySuccess } from "../../components/notify";
import { MeetingFormModal } from "./MeetingFormModal";
import { feedbackSides, type Seat } from "./seat";

interface Props {
  pair: Pick<Pair, "program_id">;
  meeting: Meeting;
  seat: Seat;
  title: string;
  onClose: () => void;
}

type Side = "mentor" | "mentee";

/** Each side's rating (1–5 stars) and one sentence; a mentor or mentee sees and leaves only their own. */
export function FeedbackModal({ pair, meeting, seat, title, onClose }: Props) {
  const { t } = useTranslation();
  const update = useUpdateMeeting(pair);
  const sides = feedbackSides(seat);
  const [values, setValues] = useState(() =>
    Object.fromEntries(
      sides.map((side) => [side, { rating: meeting[`${side}_rating`] ?? 0, text: meeting[`${side}_feedback`] ?? "" }]),
    ) as Record<Side, { rating: number; text: string }>,
  );

  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    const patch: MeetingPatch = {};
    for (const side of sides) {
      const { rating, text } = values[side];
      if (rating >= 1) patch[`${side}_rating`] = rating;
      if (text.trim()) patch[`${side}_feedback`] = text.trim();
    }
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    update.mutate(
      { meeting, patch },
      {
        onSuccess: () => {
          notifySuccess(t("meetings.feedback.saved"));
          onClose();
        },
      },
    );
  };

  const set = (side: Side, change: Partial<{ rating: number; text: string }>) =>
    setValues((v) => ({ ...v, [side]: { ...v[side], ...change } }));

  return (
    <MeetingFormModal
      title={title}
      error={update.error}
      loading={update.isPending}
      submitLabel={t("common.save")}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text fw={500}>{t(`meetings.kinds.${meeting.kind}`)}</Text>
      {sides.map((side) => (
        <Fieldset key={side} legend={t(`meetings.feedback.side.${side}`)} variant="unstyled">
          <Stack gap="xs">
            <div>
              <Text size="sm" fw={500} id={`rating-${meeting.id}-${side}`}>
                {t("meetings.feedback.rating")}
              </Text>
              <Rating
                size="lg"
                value={values[side].rating}
                onChange={(rating) => set(side, { rating })}
                aria-labelledby={`rating-${meeting.id}-${side}`}
                getSymbolLabel={(value) => t("meetings.feedback.ratingOf", { value })}
              />
            </div>
            <TextInput
              label={t("meetings.feedback.text")}
              description={t("meetings.feedback.textHint")}
              maxLength={500}
              value={values[side].text}
              onChange={(e) => set(side, { text: e.currentTarget.value })}
            />
          </Stack>
        </Fieldset>
      ))}
    </MeetingFormModal>
  );
}
