import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import en from "../locales/en.json";
import ru from "../locales/ru.json";

export const LANGUAGES = ["ru", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = "nastavnik.language";

function storedLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return saved === "en" ? "en" : "ru";
  } catch {
    return "ru";
  }
}

export function setLanguage(language: Language) {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode without storage: the choice lasts until reload, which is acceptable.
  }
  void i18n.changeLanguage(language);
}

i18n.on("languageChanged", (language) => {
  if (typeof document !== "undefined") document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { ru: { translation: ru }, en: { translation: en } },
  lng: typeof window === "undefined" ? "ru" : storedLanguage(),
  fallbackLng: "ru",
  interpolation: { escapeValue: false },
});

export default i18n;
