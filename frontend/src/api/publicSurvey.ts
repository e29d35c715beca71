// Answering a survey through its one-time link: no account, no session. The requests go out
// unsigned on purpose: a curator trying a link in their own browser must not send their token,
// and an expired session must not get in the way of a child's answers.
import createClient from "openapi-fetch";
import { unwrap } from "./problem";
import type { paths } from "./schema";
import type { AnswersInput, PublicSurvey } from "./types";

const baseUrl = typeof window === "undefined" ? "http://localhost" : window.location.origin;

const publicApi = createClient<paths>({ baseUrl });

export const publicSurveyKey = (token: string) => ["public-survey", token] as const;

export async function loadPublicSurvey(token: string): Promise<PublicSurvey> {
  return unwrap(await publicApi.GET("/api/v1/public/survey-links/{token}", { params: { path: { token } } }));
}

/** Saves the given answers (merged into what was saved; `null` clears one), and submits when asked. */
export async function savePublicAnswers(token: string, body: AnswersInput): Promise<PublicSurvey> {
  return unwrap(await publicApi.POST("/api/v1/public/survey-links/{token}/response", { params: { path: { token } }, body }));
}

/** Where a questionnaire loads from and saves to: a one-time link, or the person's own account. */
export interface AnswerSource {
  key: readonly unknown[];
  load: () => Promise<PublicSurvey>;
  save: (body: AnswersInput) => Promise<PublicSurvey>;
}

export function linkSource(token: string): AnswerSource {
  return {
    key: publicSurveyKey(token),
    load: () => loadPublicSurvey(token),
    save: (body) => savePublicAnswers(token, body),
  };
}
