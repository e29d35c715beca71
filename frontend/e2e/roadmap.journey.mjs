// The curator creates a programme, lands on its seven-stage roadmap, ticks a stage-1 activity
// done and sees the stage's and the overall progress move.
import { logIn } from "./support.mjs";

const percentIn = async (locator) => Number((await locator.innerText()).match(/(\d+)%/)?.[1] ?? NaN);

export default async function roadmap(page, { baseUrl }) {
  await logIn(page, baseUrl, "curator@demo.nastavnik.ru");

  await page.getByRole("navigation").getByRole("link", { name: "Программы" }).click();
  await page.getByRole("heading", { level: 1, name: "Программы наставничества" }).waitFor();
  await page.getByRole("button", { name: "Создать программу" }).click();

  const title = `Программа наставничества e2e ${Date.now() % 1_000_000}`;
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Название").fill(title);
  await dialog.getByRole("combobox", { name: "Учебный год" }).click();
  await page.getByRole("option", { name: "2026/2027" }).click();
  // ученик–ученик is the default form; make sure it is chosen rather than assume it.
  await dialog.getByText("ученик–ученик", { exact: true }).waitFor();
  await dialog.getByRole("button", { name: "Создать" }).click();

  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await page.getByRole("tab", { name: "Дорожная карта", selected: true }).waitFor();
  const stages = page.getByRole("heading", { level: 2, name: /^Этап \d\./ });
  await stages.nth(6).waitFor();
  const count = await stages.count();
  if (count !== 7) throw new Error(`expected 7 stages, saw ${count}`);

  const overall = page.getByRole("status").filter({ hasText: "Выполнение дорожной карты" });
  const stage1 = page.locator("section[data-stage='1']");
  const stageBar = stage1.getByRole("progressbar", { name: "Выполнение этапа 1" });
  const overallBefore = await percentIn(overall);
  const stageBefore = Number(await stageBar.getAttribute("aria-valuenow"));

  const activity = stage1.getByRole("list", { name: "Мероприятия этапа 1" }).getByRole("listitem").first();
  const activityTitle = await activity.getByRole("heading", { level: 3 }).innerText();
  await activity.getByRole("combobox", { name: /^Статус мероприятия/ }).click();
  await page.getByRole("option", { name: "Выполнено" }).click();
  await activity.getByText("Выполнено", { exact: true }).first().waitFor();

  await page.waitForFunction(
    ({ before }) => {
      const text = [...document.querySelectorAll("[role=status]")].map((e) => e.textContent).join(" ");
      const percent = Number(text.match(/Выполнение дорожной карты: (\d+)%/)?.[1] ?? NaN);
      return percent > before;
    },
    { before: overallBefore },
  );
  const overallAfter = await percentIn(overall);
  const stageAfter = Number(await stageBar.getAttribute("aria-valuenow"));
  if (!(stageAfter > stageBefore)) throw new Error(`stage 1 stayed at ${stageBefore}% after «${activityTitle}» was done`);
  await fitsPhone(page);
  console.log(`     «${activityTitle}» done: stage 1 ${stageBefore}% → ${stageAfter}%, overall ${overallBefore}% → ${overallAfter}%`);
}

// Called after the journey proper: the same roadmap must fit a phone screen.
export async function fitsPhone(page) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("heading", { level: 2, name: /^Этап 7\./ }).waitFor();
  // The shell slides its navbar away when the width drops; measure once that has settled.
  await page.getByRole("button", { name: "Открыть меню" }).waitFor();
  await page
    .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 3000 })
    .catch(() => {});
  const { overflow, culprit } = await page.evaluate(() => {
    const wide = [...document.querySelectorAll("body *")].find((e) => e.getBoundingClientRect().right > window.innerWidth + 1);
    const culprit = wide ? `${wide.tagName} ${wide.className} «${wide.textContent?.slice(0, 40)}»` : "";
    return { overflow: document.documentElement.scrollWidth - window.innerWidth, culprit };
  });
  if (overflow > 0) throw new Error(`the roadmap is ${overflow}px wider than a phone screen (${culprit})`);
}
