// The demo mentee signs in on a phone: «Анкеты для вас» on the home page holds the exit
// questionnaire of the demo programme, not started. «Ответить» opens it in the app — the same
// questionnaire a one-time link opens, one question a screen — and the answers, saved as they go,
// are sent with «Отправить». Home then shows the questionnaire as sent, with no button to answer
// again. The curator's home holds the curators' own questionnaire.
import { join } from "node:path";
import { CURATOR, launchFreshBrowser, logIn } from "./support.mjs";

export const viewport = { width: 390, height: 844 };

const MENTEE = "mentee@demo.nastavnik.ru";
const EXIT_TITLE = "Мониторинг влияния программы: наставляемый";

export default async function mySurveys(page, { baseUrl }) {
  await logIn(page, baseUrl, MENTEE);
  const card = page.getByRole("region", { name: "Анкеты для вас" });
  await card.waitFor();
  // The one not started yet: other journeys may have answered an entry questionnaire for this child.
  const item = card.getByTestId("my-survey").filter({ hasText: EXIT_TITLE }).filter({ hasText: "не начата" });
  await item.getByRole("link", { name: `Ответить: ${EXIT_TITLE}` }).click();
  await page.waitForURL(/\/my-surveys\/\d+$/);
  const surveyId = /\/my-surveys\/(\d+)$/.exec(page.url())[1];
  await page.getByText(/^Вопрос 1 из \d+$/).waitFor();

  // Every question is a scale of the impact instrument: the top step but one, then «Далее».
  for (;;) {
    const position = await page.getByText(/^Вопрос \d+ из \d+$/).innerText();
    const [, n, total] = /(\d+) из (\d+)/.exec(position).map(Number);
    const steps = page.getByRole("radiogroup").getByRole("radio");
    const count = await steps.count();
    if (count < 2) throw new Error(`question ${n}: expected a scale, saw ${count} choices`);
    await steps.nth(count - 2).click();
    if (n === total) break;
    await page.getByRole("button", { name: "Далее" }).click();
    await page.getByText(`Вопрос ${n + 1} из ${total}`).waitFor();
  }
  await page.getByRole("button", { name: "Отправить" }).click();
  await page.getByRole("heading", { name: "Спасибо! Ответы отправлены" }).waitFor();
  await page.screenshot({ path: join(import.meta.dirname, "../test-results/my-surveys-phone.png"), fullPage: true });

  await page.getByRole("link", { name: /На главную/ }).click();
  const sent = page.getByRole("region", { name: "Анкеты для вас" }).locator(`[data-survey-id="${surveyId}"]`);
  await sent.getByText("отправлена").waitFor();
  if ((await sent.getByRole("link").count()) > 0) throw new Error("a sent questionnaire still offers to answer");

  // The programme's curator is asked the curators' questionnaire on their own home page.
  const browser = await launchFreshBrowser();
  try {
    const curator = await (await browser.newContext({ locale: "ru-RU" })).newPage();
    curator.setDefaultTimeout(10_000);
    await logIn(curator, baseUrl, CURATOR);
    const theirs = curator.getByRole("region", { name: "Анкеты для вас" }).getByTestId("my-survey").filter({ hasText: "куратор" });
    await theirs.getByRole("link", { name: /^Ответить/ }).waitFor();
  } finally {
    await browser.close();
  }
  console.log("     the demo mentee answered the exit questionnaire in the app; the curator is asked theirs");
}
