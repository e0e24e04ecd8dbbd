import { deepFreeze } from './deep-freeze.js';
import type { AnswerScale, Instrument, InstrumentItem } from './types.js';

function item(code: string, vi: string, en: string, wordingStatus: 'official' | 'believed'): InstrumentItem {
  return { code, text: { vi, en }, wordingStatus };
}

/**
 * The five-level satisfaction scale of Decision 2640/QĐ-BNV: 5 Rất hài lòng … 1 Rất không hài lòng.
 * `satisfiedFrom: 4` — "satisfied" is the top-2-box (Hài lòng or Rất hài lòng).
 */
export const SATISFACTION_SCALE_5: AnswerScale = deepFreeze({
  min: 1,
  max: 5,
  satisfiedFrom: 4,
  levels: [
    { value: 1, label: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' } },
    { value: 2, label: { vi: 'Không hài lòng', en: 'Dissatisfied' } },
    { value: 3, label: { vi: 'Bình thường', en: 'Neutral' } },
    { value: 4, label: { vi: 'Hài lòng', en: 'Satisfied' } },
    { value: 5, label: { vi: 'Rất hài lòng', en: 'Very satisfied' } },
  ],
});

/**
 * SIPAS — the index of satisfaction with public administrative services, methodology of Decision
 * 2640/QĐ-BNV (10/10/2017), used for the surveys of 2017–2022: 5 factors (yếu tố), 22 criteria (tiêu chí)
 * coded `1.1` … `5.4`, each answered on the five-level scale.
 *
 * Wording: items of factors 3–5 were seen on official forms (`wordingStatus: 'official'`); items of factors 1–2
 * are believed and await checking against an official form.
 *
 * Aggregation `sipas-2640`: criterion index = share answering 4 or 5 among those who answered; factor index =
 * unweighted mean of its criteria; SIPAS = unweighted mean of the 5 factors (see `SIPAS_2640_RULE`).
 * The 2023–2026 methodology (Decision 1001/QĐ-BNV) is a different instrument version with its own rule.
 */
export const SIPAS_2017: Instrument = deepFreeze({
  code: 'SIPAS',
  version: '2017',
  name: {
    vi: 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS), phương pháp 2640/QĐ-BNV',
    en: 'Satisfaction Index of Public Administrative Services (SIPAS), method of Decision 2640/QĐ-BNV',
  },
  description: {
    vi: 'Khảo sát xã hội học hằng năm của Bộ Nội vụ về sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (2017–2022).',
    en: 'Annual sociological survey by the Ministry of Home Affairs of citizens’ and organisations’ satisfaction with the service of state administrative agencies (2017–2022).',
  },
  source: 'Quyết định 2640/QĐ-BNV ngày 10/10/2017 của Bộ Nội vụ',
  scale: SATISFACTION_SCALE_5,
  aggregation: 'sipas-2640',
  dimensions: [
    {
      code: '1',
      name: { vi: 'Tiếp cận dịch vụ hành chính công', en: 'Access to public administrative services' },
      items: [
        item(
          '1.1',
          'Nơi ngồi chờ tại Bộ phận tiếp nhận và trả kết quả có đủ chỗ ngồi',
          'There are enough seats in the waiting area',
          'believed',
        ),
        item(
          '1.2',
          'Trang thiết bị phục vụ người dân tại Bộ phận tiếp nhận và trả kết quả đầy đủ',
          'Equipment serving citizens is sufficient',
          'believed',
        ),
        item(
          '1.3',
          'Trang thiết bị phục vụ người dân tại Bộ phận tiếp nhận và trả kết quả hiện đại',
          'Equipment serving citizens is modern',
          'believed',
        ),
        item(
          '1.4',
          'Trang thiết bị phục vụ người dân tại Bộ phận tiếp nhận và trả kết quả dễ sử dụng',
          'Equipment serving citizens is easy to use',
          'believed',
        ),
      ],
    },
    {
      code: '2',
      name: { vi: 'Thủ tục hành chính', en: 'Administrative procedures' },
      items: [
        item(
          '2.1',
          'Thủ tục hành chính được niêm yết công khai đầy đủ',
          'The procedure is publicly posted in full',
          'believed',
        ),
        item(
          '2.2',
          'Thủ tục hành chính được niêm yết công khai chính xác',
          'The procedure is publicly posted accurately',
          'believed',
        ),
        item(
          '2.3',
          'Thành phần hồ sơ mà người dân, tổ chức phải nộp là đúng quy định',
          'The documents one must submit are as prescribed',
          'believed',
        ),
        item(
          '2.4',
          'Phí/lệ phí mà người dân, tổ chức phải nộp là đúng quy định',
          'The fees one must pay are as prescribed',
          'believed',
        ),
        item(
          '2.5',
          'Thời hạn giải quyết (tính từ ngày hồ sơ được tiếp nhận đến ngày trả kết quả) là đúng quy định',
          'The processing time (from receipt to result) is as prescribed',
          'believed',
        ),
      ],
    },
    {
      code: '3',
      name: { vi: 'Công chức trực tiếp giải quyết công việc', en: 'Civil servants handling the case' },
      items: [
        item(
          '3.1',
          'Công chức có thái độ giao tiếp lịch sự',
          'The officer communicates courteously',
          'official',
        ),
        item(
          '3.2',
          'Công chức chú ý lắng nghe ý kiến của người dân, tổ chức',
          'The officer listens attentively',
          'believed',
        ),
        item(
          '3.3',
          'Công chức trả lời, giải thích đầy đủ các ý kiến của người dân, tổ chức',
          'The officer answers and explains fully',
          'official',
        ),
        item(
          '3.4',
          'Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo',
          'The officer guides the paperwork attentively',
          'official',
        ),
        item(
          '3.5',
          'Công chức hướng dẫn kê khai hồ sơ dễ hiểu',
          "The officer's guidance is easy to understand",
          'official',
        ),
        item(
          '3.6',
          'Công chức tuân thủ đúng quy định trong giải quyết công việc',
          'The officer follows the rules',
          'official',
        ),
      ],
    },
    {
      code: '4',
      name: { vi: 'Kết quả cung ứng dịch vụ hành chính công', en: 'Results of service provision' },
      items: [
        item(
          '4.1',
          'Kết quả mà người dân, tổ chức nhận được là đúng quy định',
          'The result received is as prescribed',
          'official',
        ),
        item(
          '4.2',
          'Kết quả mà người dân, tổ chức nhận được có thông tin đầy đủ',
          'The result has complete information',
          'official',
        ),
        item(
          '4.3',
          'Kết quả mà người dân, tổ chức nhận được có thông tin chính xác',
          'The result has accurate information',
          'official',
        ),
      ],
    },
    {
      code: '5',
      name: {
        vi: 'Tiếp nhận, xử lý các ý kiến góp ý, phản ánh, kiến nghị',
        en: 'Receiving and handling feedback, reports and petitions',
      },
      items: [
        item(
          '5.1',
          'Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị',
          'The agency provides ways to give feedback',
          'official',
        ),
        item(
          '5.2',
          'Người dân, tổ chức dễ dàng thực hiện góp ý, phản ánh, kiến nghị',
          'Giving feedback is easy',
          'official',
        ),
        item(
          '5.3',
          'Cơ quan tiếp nhận, xử lý tích cực các góp ý, phản ánh, kiến nghị',
          'The agency receives and handles feedback actively',
          'official',
        ),
        item(
          '5.4',
          'Cơ quan thông báo kịp thời kết quả xử lý các góp ý, phản ánh, kiến nghị',
          'The agency reports the outcome of feedback in time',
          'official',
        ),
      ],
    },
  ],
});
