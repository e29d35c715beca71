import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiProblem } from "../../api/problem";
import type { PublicSurvey } from "../../api/types";
import { renderWithProviders } from "../../test/render";
import { AnswerPage } from "./AnswerPage";

// Mantine's autosizing textarea listens for fonts loading; jsdom has no FontFaceSet.
if (!("fonts" in document)) {
  Object.defineProperty(document, "fonts", { configurable: true, value: { addEventListener() {}, removeEventListener() {} } });
}

window.scrollTo = () => {};

const api = vi.hoisted(() => ({ loadPublicSurvey: vi.fn(), savePublicAnswers: vi.fn() }));
vi.mock("../../api/publicSurvey", () => ({
  ...api,
  linkSource: (token: string) => ({
    key: ["public-survey", token],
    load: () => api.loadPublicSurvey(token),
    save: (body: unknown) => api.savePublicAnswers(token, body),
  }),
}));

function survey(extra: Partial<PublicSurvey> = {}): PublicSurvey {
  return {
    title: "Мониторинг влияния программы",
    opens_on: "2026-12-01",
    closes_on: "2026-12-14",
    open: true,
    status: "open",
    submitted: false,
    answers: {},
    questions: [
      { code: "engagement", text: "Насколько вы вовлечены в жизнь школы?", kind: "scale", min: 1, max: 10, required: true },
      { code: "clubs", text: "Куда вы ходите?", kind: "multiple", options: ["спорт", "музыка"], required: false },
      { code: "useful", text: "Что было полезным?", kind: "text", required: false },
    ],
    ...extra,
  };
}

const open = () =>
  renderWithProviders(
    <Routes>
      <Route path="/answer/:token" element={<AnswerPage />} />
    </Routes>,
    { route: "/answer/nsrv_token" },
  );

beforeEach(() => {
  api.loadPublicSurvey.mockReset();
  api.savePublicAnswers.mockReset();
  api.savePublicAnswers.mockImplementation(async () => survey());
});

describe("AnswerPage", () => {
  it("shows one question at a time with its position, and saves only the answer changed", async () => {
    api.loadPublicSurvey.mockResolvedValue(survey());
    open();
    expect(await screen.findByText("Вопрос 1 из 3")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 2, name: "Насколько вы вовлечены в жизнь школы?" })).toBeTruthy();
    const scale = screen.getByRole("radiogroup", { name: "Насколько вы вовлечены в жизнь школы?" });
    expect(scale.querySelectorAll('[role="radio"]')).toHaveLength(10);

    // A required question stops «Далее» until it is answered.
    await userEvent.click(screen.getByRole("button", { name: "Далее" }));
    expect(await screen.findByText("Ответьте на этот вопрос, пожалуйста.")).toBeTruthy();
    expect(screen.getByText("Вопрос 1 из 3")).toBeTruthy();

    await userEvent.click(screen.getByRole("radio", { name: "7" }));
    await userEvent.click(screen.getByRole("button", { name: "Далее" }));
    expect(await screen.findByText("Вопрос 2 из 3")).toBeTruthy();
    await waitFor(() => expect(api.savePublicAnswers).toHaveBeenCalledWith("nsrv_token", { answers: { engagement: 7 } }));
    expect(screen.getByText("Можно пропустить")).toBeTruthy();
    expect(screen.getByRole("checkbox", { name: "музыка" })).toBeTruthy();
  });

  it("picks up at the first unanswered question with the saved answers", async () => {
    api.loadPublicSurvey.mockResolvedValue(survey({ answers: { engagement: 4 } }));
    open();
    expect(await screen.findByText("Вопрос 2 из 3")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Назад" }));
    expect(screen.getByRole("radio", { name: "4" }).getAttribute("aria-checked")).toBe("true");
  });

  it("jumps to the question the service says is missing when submitting", async () => {
    api.loadPublicSurvey.mockResolvedValue(survey({ answers: { engagement: 4, clubs: ["спорт"] } }));
    api.savePublicAnswers.mockRejectedValue(
      new ApiProblem(422, { code: "answer_required", errors: [{ field: "answers.engagement", message: "answer this question" }] }),
    );
    open();
    expect(await screen.findByText("Вопрос 3 из 3")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Отправить" }));
    expect(await screen.findByText("Вопрос 1 из 3")).toBeTruthy();
    expect(screen.getByText("Ответьте на этот вопрос, пожалуйста.")).toBeTruthy();
    expect(api.savePublicAnswers).toHaveBeenCalledWith("nsrv_token", { answers: {}, submit: true });
  });

  it("thanks after submitting, and says so again when the link is used twice", async () => {
    api.loadPublicSurvey.mockResolvedValue(survey({ answers: { engagement: 4 } }));
    open();
    expect(await screen.findByText("Вопрос 2 из 3")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Далее" }));
    await userEvent.click(screen.getByRole("button", { name: "Отправить" }));
    expect(await screen.findByRole("heading", { name: "Спасибо! Ответы отправлены" })).toBeTruthy();

    api.savePublicAnswers.mockRejectedValue(new ApiProblem(409, { code: "invitation_used" }));
    api.loadPublicSurvey.mockResolvedValue(survey({ submitted: true }));
    open();
    expect(await screen.findByRole("heading", { name: "Вы уже ответили, спасибо" })).toBeTruthy();
  });

  it("explains a closed survey with its dates and an unknown link", async () => {
    api.loadPublicSurvey.mockResolvedValue(survey({ open: false, opens_on: "2020-09-01", closes_on: "2020-09-14" }));
    open();
    expect(await screen.findByRole("heading", { name: "Анкета уже закрыта" })).toBeTruthy();
    expect(screen.getByText(/с 1 сентября 2020 г\. по 14 сентября 2020 г\./)).toBeTruthy();

    api.loadPublicSurvey.mockRejectedValue(new ApiProblem(404, { code: "not_found" }));
    renderWithProviders(
      <Routes>
        <Route path="/answer/:token" element={<AnswerPage />} />
      </Routes>,
      { route: "/answer/forged" },
    );
    expect(await screen.findByRole("heading", { name: "Ссылка недействительна" })).toBeTruthy();
  });

  it("turns a refusal of a closed survey while answering into the closed notice", async () => {
    api.loadPublicSurvey.mockResolvedValue(survey());
    api.savePublicAnswers.mockRejectedValue(new ApiProblem(409, { code: "survey_closed" }));
    open();
    await userEvent.click(await screen.findByRole("radio", { name: "3" }));
    await userEvent.click(screen.getByRole("button", { name: "Далее" }));
    expect(await screen.findByRole("heading", { name: "Анкета уже закрыта" })).toBeTruthy();
  });
});
