// Steps several journeys share. Selectors go by role and visible Russian text, as a user would.
export const DEMO_PASSWORD = "demo-password-2026";

export async function logIn(page, baseUrl, email) {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Войти" }).click();
  await page.getByRole("heading", { level: 1, name: "Обзор" }).waitFor();
}

