// The system admin opens the organisation tree and adds a school under the regional institute.
import { logIn } from "./support.mjs";

export default async function organizations(page, { baseUrl }) {
  await logIn(page, baseUrl, "admin@demo.nastavnik.ru");

  await page.getByRole("navigation").getByRole("link", { name: "Организации" }).click();
  const tree = page.getByRole("navigation", { name: "Дерево организаций" });
  await tree.getByText("Приморский край", { exact: true }).waitFor();

  await tree.getByRole("link", { name: /ПК ИРО/ }).first().click();
  await page.getByRole("button", { name: "Создать школу" }).click();

  const schoolName = `МБОУ СОШ № ${Date.now() % 100000} (e2e)`;
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Полное название").fill(schoolName);
  await dialog.getByRole("button", { name: "Создать" }).click();

  await tree.getByText(schoolName, { exact: true }).waitFor();
  await page.getByRole("heading", { level: 2, name: schoolName }).waitFor();
}
