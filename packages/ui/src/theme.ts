import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

/**
 * The house blue. Shade 7 (the filled shade in the light scheme) is #0b4f9c: 8.3:1 against white, so white
 * text on buttons and links on white pass WCAG AA (and AAA for normal text).
 */
const chisoBlue: MantineColorsTuple = [
  '#e8f1fc',
  '#cfe0f6',
  '#a0c0ec',
  '#6d9ee2',
  '#4381d9',
  '#286fd4',
  '#1763c2',
  '#0b4f9c',
  '#073f7e',
  '#03305f',
];

export const chisoTheme = createTheme({
  primaryColor: 'chiso',
  primaryShade: { light: 7, dark: 4 },
  colors: { chiso: chisoBlue },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
  defaultRadius: 'md',
  // A visible ring for keyboard users; none on mouse clicks.
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    // A table wider than the screen scrolls in its own box: keyboard users must be able to reach and scroll it
    // (WCAG 2.1.1; axe "scrollable-region-focusable"). A plain object, not `Table.ScrollContainer.extend`, so
    // the theme does not pull the table into every app's first download.
    TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
  },
});

/** Darker secondary text than the default gray 6 (#868e96, 3.3:1), which fails contrast on white. */
export const chisoCssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#495057',
    '--mantine-color-anchor': 'var(--mantine-color-chiso-7)',
  },
  dark: {},
});
