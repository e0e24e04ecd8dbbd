import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { type Locale, useLocale } from '../i18n/locale.js';
import { useUiT } from '../i18n/ui-messages.js';
import classes from './app-layout.module.css';

/** Vietnamese / English, remembered in localStorage by the LocaleProvider. */
export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const t = useUiT();
  return (
    <fieldset className={classes.fieldset}>
      <VisuallyHidden component="legend">{t('layout.language')}</VisuallyHidden>
      <SegmentedControl
        size="xs"
        value={locale}
        onChange={(value) => setLocale(value as Locale)}
        data={[
          { value: 'vi', label: <span lang="vi">{t('layout.languageVi')}</span> },
          { value: 'en', label: <span lang="en">{t('layout.languageEn')}</span> },
        ]}
      />
    </fieldset>
  );
}
