// At phone width the navigation hides behind a burger and still works.
import { logIn } from "./support.mjs";

export const viewport = { width: 390, height: 844 };

export default async function phoneMenu(page, { baseUrl }) {
  await logIn(page, baseUrl, "curator@demo.nastavnik.ru");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`the page is ${overflow}px wider than a phone screen`);

  await page.getByRole("button", { name: "Открыть меню" }).click();
  await page.getByRole("navigation", { name: "Основное меню" }).getByRole("link", { name: "Обзор" }).click();
  await page.getByRole("button", { name: "Открыть меню" }).click();
  await page.getByRole("button", { name: "Выйти" }).click();
  await page.waitForURL(/\/login$/);
}
