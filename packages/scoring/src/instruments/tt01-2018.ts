import { deepFreeze } from './deep-freeze.js';
import type { Instrument, InstrumentItem } from './types.js';

function indicator(code: string, vi: string, en: string): InstrumentItem {
  return { code, text: { vi, en }, wordingStatus: 'believed' };
}

/**
 * Dossier evaluation of Circular 01/2018/TT-VPCP: each handled dossier is scored on 9 indicators, each 0, 1
 * or 2 points, for a total out of 18. The score is a points total, not a share of satisfied answers, so the
 * instrument uses the `points-total` aggregation: indicator value = mean points among evaluated dossiers,
 * total = sum of indicator means (range 0–18).
 *
 * Wording and level labels are believed (paraphrased from the circular) and should be checked against its
 * annex before official use. The circular was in force until mid-2025 (replaced with Decree 118/2025/NĐ-CP).
 */
export const TT01_2018_DOSSIER_EVALUATION: Instrument = deepFreeze({
  code: 'TT01-2018-DOSSIER',
  version: '2018',
  name: {
    vi: 'Đánh giá việc giải quyết thủ tục hành chính theo Thông tư 01/2018/TT-VPCP',
    en: 'Evaluation of administrative procedure handling under Circular 01/2018/TT-VPCP',
  },
  description: {
    vi: 'Mỗi hồ sơ được chấm theo 9 chỉ số, mỗi chỉ số 0, 1 hoặc 2 điểm; tối đa 18 điểm.',
    en: 'Each dossier is scored on 9 indicators of 0, 1 or 2 points each; 18 points at most.',
  },
  source: 'Thông tư 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ',
  scale: {
    min: 0,
    max: 2,
    satisfiedFrom: 2,
    levels: [
      { value: 0, label: { vi: 'Không đạt (0 điểm)', en: 'Not acceptable (0 points)' } },
      { value: 1, label: { vi: 'Đạt (1 điểm)', en: 'Acceptable (1 point)' } },
      { value: 2, label: { vi: 'Tốt (2 điểm)', en: 'Good (2 points)' } },
    ],
  },
  aggregation: 'points-total',
  dimensions: [
    {
      code: 'dossier',
      name: { vi: 'Đánh giá giải quyết hồ sơ', en: 'Dossier handling evaluation' },
      items: [
        indicator(
          'CS1',
          'Tổng thời gian giải quyết thủ tục hành chính so với thời gian quy định',
          'Total processing time compared with the prescribed time',
        ),
        indicator(
          'CS2',
          'Thời gian thực hiện tại từng cơ quan, đơn vị tham gia giải quyết',
          'Time taken at each participating agency',
        ),
        indicator(
          'CS3',
          'Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ',
          'Number of contacts needed to complete the dossier',
        ),
        indicator(
          'CS4',
          'Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ',
          'Number of bodies contacted to complete the dossier',
        ),
        indicator(
          'CS5',
          'Việc tiếp nhận, giải quyết thủ tục hành chính tại Bộ phận Một cửa',
          'Received and handled at the one-stop desk',
        ),
        indicator('CS6', 'Công khai thủ tục hành chính', 'Public posting of the procedure'),
        indicator('CS7', 'Thái độ của cán bộ, công chức, viên chức', 'Attitude of the officers'),
        indicator(
          'CS8',
          'Tiếp nhận, xử lý phản ánh, kiến nghị đúng hạn',
          'Feedback and petitions received and handled on time',
        ),
        indicator('CS9', 'Cung cấp dịch vụ công trực tuyến', 'Online public service provided'),
      ],
    },
  ],
});
