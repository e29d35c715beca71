// The curator logs in, sees who they are, switches to English and logs out.
import { logIn } from "./support.mjs";

export default async function loginShell(page, { baseUrl }) {
  await logIn(page, baseUrl, "curator@demo.nastavnik.ru");

  await page.getByRole("navigation").getByRole("link", { name: "Обзор" }).waitFor();
  await page.getByRole("main").getByText("МБОУ СОШ с. Кремово").first().waitFor();
  await page.getByRole("main").getByText("Куратор", { exact: true }).first().waitFor();

  await page.getByRole("radiogroup", { name: "Язык" }).getByText("EN").click();
  await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
  await page.getByRole("main").getByText("Curator", { exact: true }).first().waitFor();

  await page.getByRole("button", { name: "Log out" }).click();
  await page.waitForURL(/\/login$/);
  await page.getByRole("button", { name: "Log in" }).waitFor();
}
