// The curator opens the demo programme's «Отчёт»: the headline figures, the charts with their
// tables (pairs by form, the roadmap by stage, entry → exit), the XLSX file to send, and the
// page to print — an A4 sheet with the school's name, where only the sheet goes to paper.
import { join } from "node:path";
import { CURATOR, PROGRAMME, logIn } from "./support.mjs";

export default async function report(page, { baseUrl }) {
  await logIn(page, baseUrl, CURATOR);
  await page.getByRole("navigation").getByRole("link", { name: "Программы" }).click();
  await page.getByRole("link", { name: PROGRAMME }).first().click();
  await page.getByRole("heading", { level: 1, name: PROGRAMME }).waitFor();
  await page.getByRole("tab", { name: "Отчёт" }).click();
  await page.waitForURL(/tab=report/);

  await page.getByText(/^Данные на /).waitFor();
  await page.getByText("встреч проведено").waitFor();
  const byForm = page.getByRole("table", { name: "Пары и группы по форме наставничества" });
  await byForm.getByRole("row", { name: /ученик–ученик/ }).waitFor();
  const stages = page.getByRole("table", { name: "Дорожная карта" }).getByRole("row");
  if ((await stages.count()) !== 7) throw new Error(`the roadmap shows ${await stages.count()} stages`);
  const impact = page.getByRole("table", { name: "Изменения вход → выход" });
  await impact.getByRole("row").first().waitFor();
  if ((await page.locator(".recharts-surface").count()) < 3) throw new Error("the report draws fewer than three charts");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Скачать XLSX" }).click();
  const file = await download;
  if (!/^report-programme-\d+\.xlsx$/.test(file.suggestedFilename())) throw new Error(`the file is named ${file.suggestedFilename()}`);

  await page.getByRole("link", { name: "Открыть для печати" }).first().click();
  await page.waitForURL(/\/programs\/\d+\/report$/);
  const sheet = page.getByRole("article", { name: /^Отчёт о реализации: / });
  await sheet.getByText("МБОУ СОШ с. Кремово").first().waitFor();
  await page.emulateMedia({ media: "print" });
  if (await page.getByRole("button", { name: "Печать" }).isVisible()) throw new Error("the print button is on paper");
  if (await page.getByRole("banner").isVisible()) throw new Error("the shell's header is on paper");
  await page.screenshot({ path: join(import.meta.dirname, "../test-results/report-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });
  console.log("     the demo programme's report: figures, charts, the XLSX file and the A4 page to print");
}
