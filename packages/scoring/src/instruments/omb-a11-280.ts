import { deepFreeze } from './deep-freeze.js';
import type { Instrument, InstrumentItem } from './types.js';

function driver(code: string, vi: string, en: string): InstrumentItem {
  return { code, text: { vi, en }, wordingStatus: 'believed' };
}

/**
 * US OMB Circular A-11 §280 post-transaction customer-experience questions: satisfaction and trust, and the
 * five service drivers (effectiveness/quality, ease/simplicity, efficiency/speed, equity/transparency,
 * employee helpfulness), each answered on a 5-point agreement scale; 4–5 (agree, strongly agree) counts as
 * satisfied.
 *
 * A-11 reports each question as its own share; the overall value computed here (mean of the two group means,
 * `top-box-share-mean`) is a convenience of this platform, not an OMB figure. The English statements follow
 * A-11 as understood (believed); the Vietnamese is a translation.
 */
export const OMB_A11_280: Instrument = deepFreeze({
  code: 'OMB-A11-280',
  version: '2024',
  name: {
    vi: 'Câu hỏi sau giao dịch theo Thông tư A-11 mục 280 (OMB, Hoa Kỳ)',
    en: 'OMB Circular A-11 §280 post-transaction questions (United States)',
  },
  description: {
    vi: 'Bảy câu hỏi về trải nghiệm của khách hàng sau một lần giao dịch với cơ quan liên bang Hoa Kỳ.',
    en: 'Seven customer-experience questions asked after a transaction with a US federal service.',
  },
  source: 'OMB Circular A-11, Section 280 — Managing Customer Experience and Improving Service Delivery',
  scale: {
    min: 1,
    max: 5,
    satisfiedFrom: 4,
    levels: [
      { value: 1, label: { vi: 'Hoàn toàn không đồng ý', en: 'Strongly disagree' } },
      { value: 2, label: { vi: 'Không đồng ý', en: 'Disagree' } },
      { value: 3, label: { vi: 'Trung lập', en: 'Neither agree nor disagree' } },
      { value: 4, label: { vi: 'Đồng ý', en: 'Agree' } },
      { value: 5, label: { vi: 'Hoàn toàn đồng ý', en: 'Strongly agree' } },
    ],
  },
  aggregation: 'top-box-share-mean',
  dimensions: [
    {
      code: 'overall',
      name: { vi: 'Đánh giá chung', en: 'Overall perception' },
      items: [
        driver(
          'satisfaction',
          'Tôi hài lòng với dịch vụ đã nhận được',
          'I am satisfied with the service I received',
        ),
        driver(
          'trust',
          'Lần giao dịch này làm tăng lòng tin của tôi vào cơ quan',
          'This interaction increased my confidence in the agency',
        ),
      ],
    },
    {
      code: 'drivers',
      name: { vi: 'Các yếu tố dịch vụ', en: 'Service drivers' },
      items: [
        driver('effectiveness', 'Nhu cầu của tôi đã được đáp ứng', 'My need was addressed'),
        driver('ease', 'Tôi dễ dàng hoàn thành việc cần làm', 'It was easy to complete what I needed to do'),
        driver(
          'efficiency',
          'Thời gian để hoàn thành việc cần làm là hợp lý',
          'It took a reasonable amount of time to do what I needed to do',
        ),
        driver('equity', 'Tôi được đối xử công bằng', 'I was treated fairly'),
        driver(
          'employee',
          'Nhân viên tôi tiếp xúc đã hỗ trợ tận tình',
          'Employees I interacted with were helpful',
        ),
      ],
    },
  ],
});
