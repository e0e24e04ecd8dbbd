export {
  type BarChartDatum,
  type BarChartProps,
  LazyBarChart,
  LazyLineChart,
  type LineChartProps,
  type LineChartSeries,
} from './charts/lazy-bar-chart.js';
export {
  createUseT,
  DEFAULT_LOCALE,
  defineMessages,
  formatMessage,
  LOCALE_STORAGE_KEY,
  LOCALES,
  type Locale,
  LocaleProvider,
  type LocalizedText,
  localeTag,
  type MessageCatalog,
  type MessageParams,
  type Translate,
  useLocale,
  useLocalized,
} from './i18n/locale.js';
export { uiMessages, useUiT } from './i18n/ui-messages.js';
export { IndexFigure, type IndexFigureProps } from './index-figure.js';
export { AppLayout, type AppLayoutProps } from './layout/app-layout.js';
export { LanguageSwitch } from './layout/language-switch.js';
export { PageLoading } from './layout/page-loading.js';
export { formatIndexValue } from './number-format.js';
export { ChisoProvider } from './provider.js';
export { chisoCssVariables, chisoTheme } from './theme.js';
