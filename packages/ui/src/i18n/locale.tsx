import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

/** The languages of every screen: Vietnamese first, English beside it. */
export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';

/** Where the chosen language is remembered between visits. */
export const LOCALE_STORAGE_KEY = 'chiso.locale';

/** A text in both languages, the shape `@chiso/scoring` uses for names and definitions. */
export interface LocalizedText {
  vi: string;
  en: string;
}

/** BCP 47 tag used for `lang` and `Intl` formatting. */
export function localeTag(locale: Locale): string {
  return locale === 'vi' ? 'vi-VN' : 'en-GB';
}

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function readStoredLocale(): Locale | undefined {
  try {
    const stored = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : undefined;
  } catch {
    // Storage can be disabled (private mode, policies): fall back to the default.
    return undefined;
  }
}

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleState | null>(null);

/**
 * Holds the current language: the one remembered in localStorage, else `initialLocale`, else Vietnamese.
 * Keeps `<html lang>` in step so screen readers pronounce the page in the right language.
 */
export function LocaleProvider({ children, initialLocale }: { children: ReactNode; initialLocale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(
    () => readStoredLocale() ?? initialLocale ?? DEFAULT_LOCALE,
  );

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Not remembered, still switched.
    }
  }, []);

  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale() needs a <LocaleProvider> (or <ChisoProvider>) above it');
  return state;
}

/** Picks the text of the current language from a `{ vi, en }` pair. */
export function useLocalized(): (text: LocalizedText) => string {
  const { locale } = useLocale();
  return useCallback((text: LocalizedText) => text[locale], [locale]);
}

/** A catalog: message keys to Vietnamese texts, with the same keys in English. `{name}` marks a parameter. */
export interface MessageCatalog<Keys extends string> {
  vi: Record<Keys, string>;
  en: Record<Keys, string>;
}

/**
 * Declares a typed message catalog. Vietnamese is written first and defines the keys; the English half must
 * have exactly the same keys (a missing or extra key is a type error).
 */
export function defineMessages<const Vi extends Record<string, string>>(catalog: {
  vi: Vi;
  en: { [K in keyof Vi]: string };
}): MessageCatalog<Extract<keyof Vi, string>> {
  return catalog as MessageCatalog<Extract<keyof Vi, string>>;
}

export type MessageParams = Record<string, string | number>;

/** Replaces `{name}` placeholders; numbers are formatted for the locale. */
export function formatMessage(template: string, params: MessageParams | undefined, locale: Locale): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(localeTag(locale)) : value;
  });
}

export type Translate<Keys extends string> = (key: Keys, params?: MessageParams) => string;

/**
 * Makes the `useT()` hook of a catalog: `const t = useT(); t('home.title')` — keys are checked by TypeScript.
 * Each app (and this package) makes its own from its own catalog.
 */
export function createUseT<Keys extends string>(catalog: MessageCatalog<Keys>): () => Translate<Keys> {
  return function useT() {
    const { locale } = useLocale();
    return useCallback(
      (key: Keys, params?: MessageParams) => formatMessage(catalog[locale][key], params, locale),
      [locale],
    );
  };
}
