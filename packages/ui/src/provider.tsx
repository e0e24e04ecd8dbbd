import { MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import { type Locale, LocaleProvider } from './i18n/locale.js';
import { chisoCssVariables, chisoTheme } from './theme.js';

/** Theme and language for a whole app (or a test). Import `@mantine/core/styles.css` once in the app. */
export function ChisoProvider({ children, initialLocale }: { children: ReactNode; initialLocale?: Locale }) {
  return (
    <MantineProvider theme={chisoTheme} cssVariablesResolver={chisoCssVariables} defaultColorScheme="light">
      <LocaleProvider {...(initialLocale ? { initialLocale } : {})}>{children}</LocaleProvider>
    </MantineProvider>
  );
}
