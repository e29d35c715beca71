// The curator imports participants from a CSV: the dry run shows the bad row, the fixed file
// imports as a job whose progress finishes with the created count, and an imported name is
// then found in the participants table by search.
import { logIn } from "./support.mjs";

const HEADER = "Фамилия;Имя;Категория;Класс;Литера;Дата рождения;Внешний ID";

// Unique per run, in Cyrillic letters (digits in a surname would be refused): 042137 → «аегбвж».
function runSuffix() {
  const digits = String(Date.now() % 1_000_000).padStart(6, "0");
  return [...digits].map((d) => "абвгдежзик"[Number(d)]).join("");
}

function csv(rows) {
  return Buffer.from([HEADER, ...rows.map((r) => r.join(";"))].join("\r\n") + "\r\n", "utf8");
}

export default async function importParticipants(page, { baseUrl }) {
  const suffix = runSuffix();
  const run = `${Date.now()}`;
  const first = `Лесникова${suffix}`;
  const rows = [
    [first, "Анна", "ученик", "7", "А", "2013-05-01", `E2E-${run}-1`],
    [`Полевой${suffix}`, "Иван", "ученик", "15", "Б", "2012-02-03", `E2E-${run}-2`],
    [`Озёрная${suffix}`, "Мария", "ученик", "8", "В", "2012-09-14", `E2E-${run}-3`],
  ];

  await logIn(page, baseUrl, "curator@demo.nastavnik.ru");
  await page.getByRole("navigation").getByRole("link", { name: "Участники" }).click();
  await page.getByRole("heading", { level: 1, name: "Участники" }).waitFor();
  await page.getByRole("link", { name: "Импорт" }).click();
  await page.getByRole("heading", { level: 1, name: "Импорт участников" }).waitFor();

  // A file with class 15: the dry run names that row and the class column, and offers no import.
  const fileInput = page.locator("input[type=file]");
  await fileInput.setInputFiles({ name: "ученики.csv", mimeType: "text/csv", buffer: csv(rows) });
  await page.getByRole("button", { name: "Проверить" }).click();
  const errors = page.getByRole("table", { name: "Ошибки импорта" });
  await errors.waitFor();
  const errorRows = errors.locator("tbody tr");
  if ((await errorRows.count()) !== 1) throw new Error(`expected one error, saw ${await errorRows.count()}`);
  const errorText = await errorRows.first().innerText();
  if (!/^\s*[23]\s/.test(errorText) || !/класс|grade/i.test(errorText)) {
    throw new Error(`the error should name row 2 or 3 and the class column: «${errorText}»`);
  }
  if (await page.getByRole("button", { name: /^Импортировать/ }).count()) throw new Error("an invalid file offers the import");

  // The fixed file passes the dry run and imports as a job with a progress bar.
  rows[1][3] = "9";
  await page.getByRole("button", { name: "Выбрать другой файл" }).click();
  await fileInput.setInputFiles({ name: "ученики-исправлено.csv", mimeType: "text/csv", buffer: csv(rows) });
  await page.getByRole("button", { name: "Проверить" }).click();
  await page.getByText("Ошибок нет").waitFor();
  await page.getByRole("button", { name: "Импортировать (3)" }).click();
  await page.getByRole("progressbar", { name: "Ход импорта" }).waitFor();
  const summary = page.getByRole("status").filter({ hasText: "Импорт завершён" });
  await summary.waitFor({ timeout: 30_000 });
  const summaryText = await summary.innerText();
  if (!summaryText.includes("создано 3")) throw new Error(`expected «создано 3» in «${summaryText}»`);

  // Back in the table, the search finds an imported name.
  await page.getByRole("link", { name: "К списку участников" }).last().click();
  await page.getByRole("heading", { level: 1, name: "Участники" }).waitFor();
  await page.getByRole("searchbox", { name: "Поиск" }).fill(first);
  const table = page.getByRole("table", { name: "Участники школы" });
  await table.getByRole("link", { name: `${first} Анна` }).waitFor();
  const shown = await table.locator("tbody tr").count();
  if (shown !== 1) throw new Error(`the search for ${first} shows ${shown} rows`);
  await fitsPhone(page);
  console.log(`     imported 3 rows, found «${first} Анна» by search`);
}

// The participants table scrolls inside its container on a phone; the page itself does not.
async function fitsPhone(page) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: "Открыть меню" }).waitFor();
  await page
    .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 3000 })
    .catch(() => {});
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`the participants page is ${overflow}px wider than a phone screen`);
}
