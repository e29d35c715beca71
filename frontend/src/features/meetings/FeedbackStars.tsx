import { Group, Rating, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A 1–5 rating shown as stars, read as «Оценка: 4 из 5». */
export function FeedbackStars({ value }: { value: number }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" component="span" role="img" aria-label={t("meetings.feedback.ratingOf", { value })}>
      <Rating value={value} readOnly size="sm" aria-hidden />
    </Group>
  );
}

interface SideProps {
  label: string;
  rating: number | null | undefined;
  text: string | null | undefined;
}

/** One side's feedback: who, the stars, the sentence. */
export function FeedbackLine({ label, rating, text }: SideProps) {
  if (!rating && !text) return null;
  return (
    <Group gap="xs" align="flex-start" wrap="wrap">
      <Text size="sm" fw={500}>
        {label}:
      </Text>
      {rating ? <FeedbackStars value={rating} /> : null}
      {text ? (
        <Text size="sm" fs="italic" style={{ overflowWrap: "anywhere" }}>
          «{text}»
        </Text>
      ) : null}
    </Group>
  );
}
