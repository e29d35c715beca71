import { Box, Button, Center, Container, Group, Loader, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useParams } from "react-router";
import { ApiProblem } from "../../api/problem";
import { linkSource, type AnswerSource } from "../../api/publicSurvey";
import type { PublicSurvey, Question } from "../../api/types";
import { formatLongDay } from "../programs/pairs/orderDocument";
import {
  answerField,
  checkAnswer,
  isAnswered,
  missingRequired,
  normaliseAnswer,
  resumeIndex,
  savedAnswers,
  type AnswerError,
  type Answers,
  type AnswerValue,
} from "./answers";
import { deviceToday, outcomeOf, outcomeOfProblem, type Outcome } from "./publicAnswer";
import { QuestionControl } from "./QuestionControl";

/** How long after the last change an answer waits before it is saved (typing goes on). */
const SAVE_DELAY_MS = 700;
/** How long before a save that failed (the network, mostly) is tried again. */
const RETRY_MS = 5_000;

/**
 * `/answer/:token`: a survey through its one-time link, no account. Made for a child on a phone:
 * large type, one question a screen with «Вопрос 3 из 5», each answer saved as the child goes
 * (so the link can be opened again and picked up where it was left), «Отправить» at the end.
 * No name appears here: the page knows none.
 */
export function AnswerPage() {
  const { i18n } = useTranslation();
  const token = useParams().token ?? "";
  const source = useMemo(() => linkSource(token), [token]);
  return (
    <Box component="main" mih="100dvh" bg="gray.0" lang={i18n.language}>
      <Container size={640} px="md" py="lg">
        <SurveyAnswering source={source} />
      </Container>
    </Box>
  );
}

/** The questionnaire and its outcomes, wherever it loads from: a link or the person's account. */
export function SurveyAnswering({ source }: { source: AnswerSource }) {
  const { t } = useTranslation();
  const survey = useQuery({
    queryKey: source.key,
    queryFn: source.load,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useDocumentTitle(survey.data?.title ?? t("monitoring.answer.pageTitle"));

  if (survey.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (survey.error) {
    const ended = outcomeOfProblem(survey.error);
    return ended ? (
      <OutcomeNotice outcome={ended} survey={null} />
    ) : (
      <Notice title={t("monitoring.answer.loadFailed")} tone="red">
        <Text size="lg">{t("monitoring.answer.loadFailedHint")}</Text>
        <Button size="lg" mt="md" onClick={() => void survey.refetch()}>
          {t("monitoring.answer.retry")}
        </Button>
      </Notice>
    );
  }
  const ended = outcome ?? outcomeOf(survey.data, deviceToday());
  return ended ? (
    <OutcomeNotice outcome={ended} survey={survey.data} />
  ) : (
    <Questionnaire source={source} survey={survey.data} onOutcome={setOutcome} />
  );
}

function Notice({ title, tone, children }: { title: string; tone: "green" | "red" | "gray"; children?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="xl" mt="xl" role={tone === "red" ? "alert" : "status"}>
      <Title order={1} size="h2" c={tone === "gray" ? undefined : `${tone}.8`} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function OutcomeNotice({ outcome, survey }: { outcome: Outcome; survey: PublicSurvey | null }) {
  const { t, i18n } = useTranslation();
  const dates = survey
    ? { from: formatLongDay(survey.opens_on, i18n.language), to: formatLongDay(survey.closes_on, i18n.language) }
    : null;
  switch (outcome) {
    case "thanks":
      return (
        <Notice title={t("monitoring.answer.thanks")} tone="green">
          <Text size="lg">{t("monitoring.answer.thanksHint")}</Text>
        </Notice>
      );
    case "alreadyAnswered":
      return (
        <Notice title={t("monitoring.answer.alreadyAnswered")} tone="green">
          <Text size="lg">{t("monitoring.answer.alreadyAnsweredHint")}</Text>
        </Notice>
      );
    case "notOpen":
      return (
        <Notice title={t("monitoring.answer.notOpen")} tone="gray">
          <Text size="lg">{dates ? t("monitoring.answer.notOpenDates", dates) : t("monitoring.answer.notOpenHint")}</Text>
        </Notice>
      );
    case "closed":
      return (
        <Notice title={t("monitoring.answer.closed")} tone="gray">
          <Text size="lg">{dates ? t("monitoring.answer.closedDates", dates) : t("monitoring.answer.closedHint")}</Text>
        </Notice>
      );
    case "invalidLink":
      return (
        <Notice title={t("monitoring.answer.invalidLink")} tone="red">
          <Text size="lg">{t("monitoring.answer.invalidLinkHint")}</Text>
        </Notice>
      );
  }
}

type SaveState = "idle" | "saving" | "saved" | "failed";
type Pending = Record<string, AnswerValue | null>;
/** A problem shown under a question: ours, or the service's refusal of the saved answer. */
type ShownError = AnswerError | "refused";

function Questionnaire({ source, survey, onOutcome }: { source: AnswerSource; survey: PublicSurvey; onOutcome: (o: Outcome) => void }) {
  const { t } = useTranslation();
  const questions = survey.questions;
  const [answers, setAnswers] = useState<Answers>(() => savedAnswers(survey.answers));
  const [index, setIndex] = useState(() => resumeIndex(questions, savedAnswers(survey.answers)));
  const [errors, setErrors] = useState<Record<string, ShownError>>({});
  const [saveState, setSaveState] = useState<SaveState>("idle");
  const [submitting, setSubmitting] = useState(false);
  const [submitFailed, setSubmitFailed] = useState(false);
  const pending = useRef<Pending>({});
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<number | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const setError = (code: string, error: ShownError | null) =>
    setErrors((current) => {
      if ((current[code] ?? null) === error) return current;
      const next = { ...current };
      if (error) next[code] = error;
      else delete next[code];
      return next;
    });

  /** Sends what waits, one request at a time, so that a later answer never lands before an earlier one. */
  const flush = useCallback((): Promise<unknown> => {
    window.clearTimeout(timer.current);
    const send = async () => {
      const batch = pending.current;
      if (Object.keys(batch).length === 0) return;
      pending.current = {};
      setSaveState("saving");
      try {
        await source.save({ answers: batch });
        setSaveState(Object.keys(pending.current).length > 0 ? "saving" : "saved");
      } catch (error) {
        const ended = outcomeOfProblem(error);
        if (ended) {
          onOutcome(ended);
          return;
        }
        if (error instanceof ApiProblem && error.status === 422) {
          // Nothing of the batch was saved: the refused answer waits for a new one, the rest go again.
          const refused = new Set(error.fieldErrors.map((f) => answerField(f.field)).filter((c): c is string => !!c));
          refused.forEach((code) => setError(code, "refused"));
          const rest = Object.fromEntries(Object.entries(batch).filter(([code]) => !refused.has(code)));
          pending.current = { ...rest, ...pending.current };
          setSaveState("idle");
          if (Object.keys(pending.current).length > 0) timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
          return;
        }
        // The network or the server: keep the answers and try again shortly.
        pending.current = { ...batch, ...pending.current };
        setSaveState("failed");
        timer.current = window.setTimeout(() => void flush(), RETRY_MS);
      }
    };
    chain.current = chain.current.then(send, send);
    return chain.current;
  }, [source, onOutcome]);

  // Leaving the page (another app, the screen off) saves what waits.
  useEffect(() => {
    const hide = () => {
      if (document.visibilityState === "hidden") void flush();
    };
    document.addEventListener("visibilitychange", hide);
    return () => {
      document.removeEventListener("visibilitychange", hide);
      window.clearTimeout(timer.current);
    };
  }, [flush]);

  // A new question: read from its heading, for screen readers and for the eye.
  useEffect(() => {
    if (!moved.current) return;
    heading.current?.focus();
  }, [index]);

  const question = questions[index];
  if (!question) return null;
  const last = index === questions.length - 1;

  const answer = (q: Question, value: AnswerValue | null) => {
    const typedBadNumber = typeof value === "number" && Number.isNaN(value);
    const normalised = typedBadNumber ? null : normaliseAnswer(value);
    setAnswers((current) => {
      const next = { ...current };
      if (value === null || typedBadNumber || (Array.isArray(value) && value.length === 0)) delete next[q.code];
      else next[q.code] = value;
      return next;
    });
    setSubmitFailed(false);
    const problem: AnswerError | null = typedBadNumber ? "notANumber" : normalised === null ? null : checkAnswer(q, normalised);
    setError(q.code, problem);
    if (problem) {
      delete pending.current[q.code];
      return;
    }
    pending.current[q.code] = normalised;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
  };

  const go = (to: number) => {
    moved.current = true;
    setIndex(to);
    window.scrollTo({ top: 0 });
  };

  /** Whether the question on screen may be left forward: no problem shown, and answered when it must be. */
  const ready = (q: Question) => {
    if (errors[q.code] && errors[q.code] !== "required") return false;
    if (q.required && !isAnswered(answers[q.code])) {
      setError(q.code, "required");
      heading.current?.focus();
      return false;
    }
    return true;
  };

  const next = () => {
    if (!ready(question)) return;
    void flush();
    go(index + 1);
  };

  const jumpTo = (code: string, error: ShownError) => {
    const at = questions.findIndex((q) => q.code === code);
    if (at === -1) return;
    setError(code, error);
    go(at);
    // The same question: the effect will not run, so read it out here.
    if (at === index) heading.current?.focus();
  };

  const submit = async () => {
    if (!ready(question)) return;
    const missing = missingRequired(questions, answers);
    if (missing) {
      jumpTo(missing, "required");
      return;
    }
    setSubmitting(true);
    setSubmitFailed(false);
    window.clearTimeout(timer.current);
    await chain.current.catch(() => undefined);
    const batch = pending.current;
    pending.current = {};
    try {
      await source.save({ answers: batch, submit: true });
      onOutcome("thanks");
    } catch (error) {
      const ended = outcomeOfProblem(error);
      if (ended) {
        onOutcome(ended);
        return;
      }
      pending.current = { ...batch, ...pending.current };
      const code = error instanceof ApiProblem && error.status === 422 ? answerField(error.fieldErrors[0]?.field ?? "") : null;
      if (code) jumpTo(code, error instanceof ApiProblem && error.code === "answer_required" ? "required" : "refused");
      else setSubmitFailed(true);
    } finally {
      setSubmitting(false);
    }
  };

  const error = errors[question.code];
  const headingId = `question-${index}`;
  const errorId = `question-${index}-error`;
  const position = t("monitoring.answer.position", { n: index + 1, total: questions.length });

  return (
    <Stack gap="lg">
      <Title order={1} size="h4" c="dimmed" fw={600}>
        {survey.title}
      </Title>
      <div>
        <Text fw={700} size="lg" id="answer-position">
          {position}
        </Text>
        <Progress
          value={((index + 1) / questions.length) * 100}
          size="lg"
          radius="xl"
          mt={6}
          aria-labelledby="answer-position"
        />
      </div>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (last) void submit();
          else next();
        }}
      >
        <Stack gap="lg">
          <div>
            <Title order={2} fz={{ base: 24, sm: 28 }} lh={1.3} id={headingId} ref={heading} tabIndex={-1} style={{ outline: "none" }}>
              {question.text}
            </Title>
            {!question.required && (
              <Text c="dimmed" mt={4}>
                {t("monitoring.answer.optional")}
              </Text>
            )}
          </div>
          <QuestionControl
            key={question.code}
            question={question}
            value={answers[question.code]}
            labelledBy={headingId}
            describedBy={error ? errorId : undefined}
            invalid={!!error}
            onChange={(value) => answer(question, value)}
          />
          {error && (
            <Text id={errorId} c="red.8" fw={600} size="lg" role="alert">
              {t(`monitoring.answer.errors.${error}`, { min: question.min ?? "", max: question.max ?? "" })}
            </Text>
          )}
          {submitFailed && (
            <Text c="red.8" fw={600} size="lg" role="alert">
              {t("monitoring.answer.submitFailed")}
            </Text>
          )}
          <Group grow gap="sm" wrap="nowrap">
            {index > 0 && (
              <Button type="button" size="xl" variant="default" onClick={() => go(index - 1)}>
                {t("monitoring.answer.back")}
              </Button>
            )}
            <Button type="submit" size="xl" loading={submitting} color={last ? "green" : undefined}>
              {last ? t("monitoring.answer.submit") : t("monitoring.answer.next")}
            </Button>
          </Group>
          <Text size="sm" c={saveState === "failed" ? "red.8" : "dimmed"} aria-live="polite" mih={20}>
            {saveState === "idle" ? "" : t(`monitoring.answer.save.${saveState}`)}
          </Text>
        </Stack>
      </form>
    </Stack>
  );
}
