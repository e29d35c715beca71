// The institute compares its schools on the dashboard, then opens a report period, sees the
// frozen rows and closes it.
import { logIn } from "./support.mjs";

export default async function results(page, { baseUrl }) {
  await logIn(page, baseUrl, "iro@demo.nastavnik.ru");
  await page.getByRole("navigation").getByRole("link", { name: "Результаты" }).click();

  const table = page.getByRole("table", { name: /Показатели школ/ });
  await table.getByRole("rowheader", { name: /МБОУ СОШ с\. Кремово/ }).waitFor();
  await page.getByRole("figure", { name: /Доля обучающихся 10–18 лет/ }).waitFor();

  // Highest share first after two clicks on the header (descending, the default for figures).
  await table.getByRole("button", { name: /Доля вовлечённых/ }).click();
  await page.getByRole("columnheader", { name: /Доля вовлечённых/ }).and(page.locator("[aria-sort=descending]")).waitFor();
  await page.getByLabel("Школа", { exact: true }).fill("Кремово");
  await table.getByRole("rowheader", { name: /Уссурийск/ }).waitFor({ state: "detached" });

  await page.getByRole("tab", { name: "Отчётные периоды" }).click();
  await page.getByRole("link", { name: /Мониторинг внедрения целевой модели/ }).waitFor();

  await page.getByRole("button", { name: "Открыть период" }).click();
  const dialog = page.getByRole("dialog");
  const title = `Проверка ${Date.now() % 100000}`;
  await dialog.getByLabel("Название").fill(title);
  await dialog.getByRole("button", { name: "Открыть и снять показатели" }).click();

  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await page.getByRole("table", { name: new RegExp(`Показатели школ в периоде «${title}»`) }).getByRole("rowheader", { name: /Кремово/ }).waitFor();
  await page.getByRole("button", { name: "Скачать CSV" }).waitFor();
  await page.getByRole("button", { name: "Закрыть период" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Закрыть период" }).click();
  await page.getByText("Период закрыт: его показатели заморожены.").waitFor();
  await page.getByRole("button", { name: "Обновить снимок" }).waitFor({ state: "detached" });
}
