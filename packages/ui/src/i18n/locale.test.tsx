import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LanguageSwitch } from '../layout/language-switch.js';
import { ChisoProvider } from '../provider.js';
import { createUseT, defineMessages, formatMessage, LOCALE_STORAGE_KEY } from './locale.js';

const messages = defineMessages({
  vi: { greeting: 'Xin chào, {name}', count: '{n} tỉnh' },
  en: { greeting: 'Hello, {name}', count: '{n} provinces' },
});
const useT = createUseT(messages);

function Greeting() {
  const t = useT();
  return (
    <p>
      {t('greeting', { name: 'Lan' })} · {t('count', { n: 1234 })}
    </p>
  );
}

function renderApp() {
  return render(
    <ChisoProvider>
      <LanguageSwitch />
      <Greeting />
    </ChisoProvider>,
  );
}

describe('i18n', () => {
  it('speaks Vietnamese first', () => {
    renderApp();
    expect(screen.getByText(/Xin chào, Lan/)).toBeTruthy();
    expect(document.documentElement.lang).toBe('vi');
  });

  it('switches to English, remembers the choice and sets <html lang>', async () => {
    const user = userEvent.setup();
    const { unmount } = renderApp();
    await user.click(screen.getByLabelText('English'));
    expect(screen.getByText(/Hello, Lan/)).toBeTruthy();
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    // A later visit starts in the remembered language.
    unmount();
    renderApp();
    expect(screen.getByText(/Hello, Lan/)).toBeTruthy();
  });

  it('ignores a remembered value that is not a language', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'fr');
    renderApp();
    expect(screen.getByText(/Xin chào, Lan/)).toBeTruthy();
  });

  it('formats numeric parameters for the locale and leaves unknown placeholders', () => {
    expect(formatMessage('{n} tỉnh', { n: 1234 }, 'vi')).toBe('1.234 tỉnh');
    expect(formatMessage('{n} provinces', { n: 1234 }, 'en')).toBe('1,234 provinces');
    expect(formatMessage('{missing}', {}, 'en')).toBe('{missing}');
  });
});
