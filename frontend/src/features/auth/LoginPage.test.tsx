import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Route, Routes } from "react-router";
import { sessionStore } from "../../app/session";
import { renderWithProviders } from "../../test/render";
import { LoginPage } from "./LoginPage";

function renderLogin() {
  return renderWithProviders(
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/" element={<p>signed in</p>} />
    </Routes>,
    { route: "/login" },
  );
}

function problem(status: number, code: string) {
  return new Response(JSON.stringify({ type: "about:blank", title: "x", status, code, detail: "english detail" }), {
    status,
    headers: { "Content-Type": "application/problem+json" },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStore.clear();
});

describe("LoginPage", () => {
  it("renders the form in Russian with labelled fields", () => {
    renderLogin();
    expect(screen.getByRole("heading", { name: "Наставник" })).toBeTruthy();
    expect(screen.getByLabelText(/Электронная почта/)).toBeTruthy();
    expect(screen.getByLabelText(/Пароль/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Войти" })).toBeTruthy();
  });

  it("shows wrong credentials in Russian, not the server's English detail", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => problem(401, "invalid_credentials")));
    renderLogin();
    await userEvent.type(screen.getByLabelText(/Электронная почта/), "curator@demo.nastavnik.ru");
    await userEvent.type(screen.getByLabelText(/Пароль/), "wrong-password");
    await userEvent.click(screen.getByRole("button", { name: "Войти" }));
    expect(await screen.findByText("Неверная электронная почта или пароль.")).toBeTruthy();
    expect(sessionStore.get()).toBeNull();
  });

  it("keeps the tokens and leaves the page on success", async () => {
    const tokens = { access_token: "a", refresh_token: "r", token_type: "Bearer", expires_in: 900 };
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(tokens), { status: 200, headers: { "Content-Type": "application/json" } })));
    renderLogin();
    await userEvent.type(screen.getByLabelText(/Электронная почта/), "curator@demo.nastavnik.ru");
    await userEvent.type(screen.getByLabelText(/Пароль/), "demo-password-2026");
    await userEvent.click(screen.getByRole("button", { name: "Войти" }));
    expect(await screen.findByText("signed in")).toBeTruthy();
    expect(sessionStore.get()?.refreshToken).toBe("r");
  });
});
