import { METRIC_DEFINITIONS } from '@chiso/scoring';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { IndexFigure, type IndexFigureProps } from './index-figure.js';
import { ChisoProvider } from './provider.js';

function renderFigure(props: Partial<IndexFigureProps> = {}, locale: 'vi' | 'en' = 'vi') {
  return render(
    <ChisoProvider initialLocale={locale}>
      <IndexFigure
        metric="overall-index"
        value={85.1637}
        interval={{ low: 83.2, high: 87.05 }}
        n={412}
        publishable
        suffix="%"
        {...props}
      />
    </ChisoProvider>,
  );
}

describe('IndexFigure', () => {
  it('shows the value with 2 decimals, the interval and n, in Vietnamese notation', () => {
    renderFigure();
    expect(screen.getByRole('region', { name: 'Chỉ số hài lòng chung' })).toBeTruthy();
    expect(screen.getByTestId('index-value').textContent).toBe('85,16%');
    expect(screen.getByTestId('index-interval').textContent).toBe('Khoảng tin cậy 95%: 83,20% – 87,05%');
    expect(screen.getByTestId('index-n').textContent).toBe('n = 412');
  });

  it('uses English notation in English', () => {
    renderFigure({}, 'en');
    expect(screen.getByRole('region', { name: 'Overall index' })).toBeTruthy();
    expect(screen.getByTestId('index-value').textContent).toBe('85.16%');
  });

  it('withholds the value when the figure is not publishable', () => {
    renderFigure({ publishable: false, n: 12 });
    expect(screen.queryByTestId('index-value')).toBeNull();
    expect(screen.queryByTestId('index-interval')).toBeNull();
    expect(screen.getByText('Chưa đủ mẫu để công bố')).toBeTruthy();
    expect(screen.getByText('Cần ít nhất 30 người trả lời; hiện có 12.')).toBeTruthy();
  });

  it('discloses the metric definition from @chiso/scoring on demand', async () => {
    const user = userEvent.setup();
    renderFigure();
    const toggle = screen.getByRole('button', { name: 'Định nghĩa' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('index-definition').textContent).toBe(
      METRIC_DEFINITIONS['overall-index']?.definition.vi,
    );
  });
});
