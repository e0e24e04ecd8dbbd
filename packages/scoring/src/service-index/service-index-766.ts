/**
 * The real-time service index of Decision 766/QĐ-TTg (23 June 2022): "Bộ chỉ số chỉ đạo, điều hành và đánh giá
 * chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực
 * trên môi trường điện tử".
 *
 * [V] 100 points in five groups: transparency 18, processing progress 20, digitisation 22, online services 22,
 * satisfaction 18; ratings of dossier handling weigh up to 6 of the 18; bands ≥ 90 excellent, < 50 weak.
 * [M] Believed, not re-checked — edit the data, not the code: how each group's points split among its
 * indicators, every target, the intermediate bands 80 / 70 / 50, and the treatment of indicators with nothing to
 * measure (here: rescaled within the group).
 */
import type { ServiceIndexDefinition } from './types.js';

function freezeDeep<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) freezeDeep(child);
  }
  return value;
}

/** Input counts of the 766 index for one unit and period, from the catalog, the dossiers and the feedback. */
export const SERVICE_INDEX_766_INPUTS = freezeDeep({
  proceduresToPublish: {
    vi: 'Số TTHC phải công bố, công khai trong kỳ',
    en: 'Procedures due for publication in the period',
  },
  proceduresPublishedOnTime: {
    vi: 'Số TTHC được công bố, công khai đúng hạn',
    en: 'Procedures published on time',
  },
  dossiersReceived: { vi: 'Số hồ sơ tiếp nhận trong kỳ', en: 'Dossiers received in the period' },
  dossiersSynced: {
    vi: 'Số hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia',
    en: 'Dossiers synchronised to the National Public Service Portal',
  },
  dossiersProgressPublic: {
    vi: 'Số hồ sơ được công khai tiến độ, trạng thái giải quyết',
    en: 'Dossiers whose processing progress is public',
  },
  dossiersFinished: { vi: 'Số hồ sơ đã giải quyết xong', en: 'Dossiers finished' },
  dossiersFinishedEarlyOrOnTime: {
    vi: 'Số hồ sơ giải quyết trước hạn và đúng hạn',
    en: 'Dossiers finished early or on time',
  },
  processingHoursActual: {
    vi: 'Tổng thời gian giải quyết thực tế (giờ làm việc) của hồ sơ đã xong',
    en: 'Total actual processing time (working hours) of finished dossiers',
  },
  processingHoursAllowed: {
    vi: 'Tổng thời gian giải quyết theo quy định (giờ làm việc) của các hồ sơ đó',
    en: 'Total processing time allowed by the rules (working hours) for the same dossiers',
  },
  dossiersComponentsDigitised: {
    vi: 'Số hồ sơ có thành phần hồ sơ được số hoá',
    en: 'Dossiers whose components were digitised',
  },
  resultsIssued: { vi: 'Số kết quả giải quyết TTHC đã cấp', en: 'Results issued' },
  resultsIssuedElectronically: {
    vi: 'Số kết quả giải quyết TTHC được cấp bản điện tử',
    en: 'Results issued in electronic form',
  },
  dossiersReusingDigitisedData: {
    vi: 'Số hồ sơ khai thác, sử dụng lại dữ liệu, giấy tờ đã số hoá',
    en: 'Dossiers reusing digitised data or documents',
  },
  proceduresEligibleOnline: {
    vi: 'Số TTHC đủ điều kiện cung cấp dịch vụ công trực tuyến',
    en: 'Procedures eligible to be offered online',
  },
  proceduresOfferedOnline: {
    vi: 'Số TTHC cung cấp dịch vụ công trực tuyến toàn trình hoặc một phần',
    en: 'Procedures offered online, fully (toàn trình) or partly (một phần)',
  },
  dossiersOnline: { vi: 'Số hồ sơ nộp trực tuyến', en: 'Dossiers submitted online' },
  dossiersPayable: { vi: 'Số hồ sơ phải nộp phí, lệ phí', en: 'Dossiers with a fee to pay' },
  dossiersPaidOnline: { vi: 'Số hồ sơ thanh toán trực tuyến', en: 'Dossiers paid online' },
  feedbackDue: {
    vi: 'Số phản ánh, kiến nghị đến hạn xử lý trong kỳ',
    en: 'Feedback items due for handling in the period',
  },
  feedbackHandledOnTime: {
    vi: 'Số phản ánh, kiến nghị được xử lý đúng hạn',
    en: 'Feedback items handled on time',
  },
  feedbackHandlingRatings: {
    vi: 'Số lượt đánh giá việc xử lý phản ánh, kiến nghị',
    en: 'Ratings of feedback handling',
  },
  feedbackHandlingSatisfied: {
    vi: 'Số lượt hài lòng với việc xử lý phản ánh, kiến nghị',
    en: 'Satisfied ratings of feedback handling',
  },
  dossierRatings: { vi: 'Số lượt đánh giá việc giải quyết hồ sơ', en: 'Ratings of dossier handling' },
  dossierRatingsSatisfied: {
    vi: 'Số lượt hài lòng với việc giải quyết hồ sơ',
    en: 'Satisfied ratings of dossier handling',
  },
} as const);

/** Input counts of the 766 index, keyed as in {@link SERVICE_INDEX_766_INPUTS}. */
export type ServiceIndex766Inputs = Record<keyof typeof SERVICE_INDEX_766_INPUTS, number>;

/**
 * The 766 index as editable data. Each indicator earns max × min(1, ratio / target) (time: max ×
 * min(1, target / ratio)); an indicator with a zero denominator is left out and its group rescaled.
 */
export const SERVICE_INDEX_766: ServiceIndexDefinition = freezeDeep({
  code: 'qd-766-2022',
  name: {
    vi: 'Chỉ số phục vụ người dân, doanh nghiệp theo thời gian thực (Quyết định 766/QĐ-TTg)',
    en: 'Real-time service index for citizens and businesses (Decision 766/QĐ-TTg)',
  },
  source: {
    vi: 'Quyết định 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ',
    en: 'Prime Minister’s Decision 766/QĐ-TTg of 23 June 2022',
  },
  max: 100,
  notApplicable: 'rescale_within_group',
  decimals: 2,
  inputs: SERVICE_INDEX_766_INPUTS,
  bands: [
    { code: 'xuat_sac', min: 90, name: { vi: 'Xuất sắc', en: 'Excellent' } },
    { code: 'tot', min: 80, name: { vi: 'Tốt', en: 'Good' } },
    { code: 'kha', min: 70, name: { vi: 'Khá', en: 'Fair' } },
    { code: 'trung_binh', min: 50, name: { vi: 'Trung bình', en: 'Average' } },
    { code: 'yeu', min: 0, name: { vi: 'Yếu', en: 'Weak' } },
  ],
  groups: [
    {
      code: '1',
      name: { vi: 'Công khai, minh bạch', en: 'Transparency' },
      max: 18,
      indicators: [
        {
          code: '1.1',
          name: { vi: 'Công bố, công khai TTHC đúng hạn', en: 'Procedures published on time' },
          definition: {
            vi: 'Số TTHC được công bố, công khai đúng hạn / số TTHC phải công bố, công khai.',
            en: 'Procedures published on time / procedures due for publication.',
          },
          numerator: 'proceduresPublishedOnTime',
          denominator: 'proceduresToPublish',
          max: 6,
          target: 1,
        },
        {
          code: '1.2',
          name: {
            vi: 'Đồng bộ hồ sơ lên Cổng DVC quốc gia',
            en: 'Dossiers synchronised to the national portal',
          },
          definition: {
            vi: 'Số hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia / số hồ sơ tiếp nhận.',
            en: 'Dossiers synchronised to the National Public Service Portal / dossiers received.',
          },
          numerator: 'dossiersSynced',
          denominator: 'dossiersReceived',
          max: 6,
          target: 1,
        },
        {
          code: '1.3',
          name: { vi: 'Công khai tiến độ giải quyết hồ sơ', en: 'Processing progress made public' },
          definition: {
            vi: 'Số hồ sơ được công khai tiến độ, trạng thái giải quyết / số hồ sơ tiếp nhận.',
            en: 'Dossiers whose progress is public / dossiers received.',
          },
          numerator: 'dossiersProgressPublic',
          denominator: 'dossiersReceived',
          max: 6,
          target: 1,
        },
      ],
    },
    {
      code: '2',
      name: { vi: 'Tiến độ giải quyết', en: 'Processing progress' },
      max: 20,
      indicators: [
        {
          code: '2.1',
          name: { vi: 'Giải quyết hồ sơ trước hạn, đúng hạn', en: 'Dossiers finished early or on time' },
          definition: {
            vi: '(Số hồ sơ trước hạn + đúng hạn) / số hồ sơ đã giải quyết xong (so sánh phần ngày, giờ Việt Nam).',
            en: '(Early + on-time dossiers) / finished dossiers (date parts compared in Vietnam time).',
          },
          numerator: 'dossiersFinishedEarlyOrOnTime',
          denominator: 'dossiersFinished',
          max: 10,
          target: 1,
        },
        {
          code: '2.2',
          name: {
            vi: 'Thời gian giải quyết trung bình so với quy định',
            en: 'Average processing time against the rule',
          },
          definition: {
            vi: 'Tổng thời gian giải quyết thực tế / tổng thời gian theo quy định của các hồ sơ đã xong (giờ làm việc, trừ thời gian tạm dừng); đủ điểm khi không vượt mục tiêu.',
            en: 'Total actual processing time / total allowed time of finished dossiers (working hours, pauses excluded); full points when not above the target.',
          },
          numerator: 'processingHoursActual',
          denominator: 'processingHoursAllowed',
          max: 10,
          target: 1,
          direction: 'lower_is_better',
        },
      ],
    },
    {
      code: '3',
      name: { vi: 'Số hoá hồ sơ', en: 'Dossier digitisation' },
      max: 22,
      indicators: [
        {
          code: '3.1',
          name: { vi: 'Số hoá thành phần hồ sơ', en: 'Digitised dossier components' },
          definition: {
            vi: 'Số hồ sơ có thành phần hồ sơ được số hoá / số hồ sơ tiếp nhận.',
            en: 'Dossiers with digitised components / dossiers received.',
          },
          numerator: 'dossiersComponentsDigitised',
          denominator: 'dossiersReceived',
          max: 8,
          target: 1,
        },
        {
          code: '3.2',
          name: { vi: 'Cấp kết quả điện tử', en: 'Electronic results' },
          definition: {
            vi: 'Số kết quả được cấp bản điện tử / số kết quả đã cấp.',
            en: 'Results issued electronically / results issued.',
          },
          numerator: 'resultsIssuedElectronically',
          denominator: 'resultsIssued',
          max: 7,
          target: 1,
        },
        {
          code: '3.3',
          name: { vi: 'Tái sử dụng dữ liệu số hoá', en: 'Reuse of digitised data' },
          definition: {
            vi: 'Số hồ sơ khai thác, sử dụng lại dữ liệu, giấy tờ đã số hoá / số hồ sơ tiếp nhận.',
            en: 'Dossiers reusing digitised data or documents / dossiers received.',
          },
          numerator: 'dossiersReusingDigitisedData',
          denominator: 'dossiersReceived',
          max: 7,
          target: 1,
        },
      ],
    },
    {
      code: '4',
      name: { vi: 'Cung cấp dịch vụ trực tuyến', en: 'Online services' },
      max: 22,
      indicators: [
        {
          code: '4.1',
          name: {
            vi: 'TTHC cung cấp trực tuyến (toàn trình, một phần)',
            en: 'Procedures offered online (full or partial)',
          },
          definition: {
            vi: 'Số TTHC cung cấp dịch vụ công trực tuyến toàn trình hoặc một phần / số TTHC đủ điều kiện.',
            en: 'Procedures offered online fully or partly / eligible procedures.',
          },
          numerator: 'proceduresOfferedOnline',
          denominator: 'proceduresEligibleOnline',
          max: 6,
          target: 1,
        },
        {
          code: '4.2',
          name: { vi: 'Hồ sơ trực tuyến', en: 'Dossiers submitted online' },
          definition: {
            vi: 'Số hồ sơ nộp trực tuyến / số hồ sơ tiếp nhận.',
            en: 'Dossiers submitted online / dossiers received.',
          },
          numerator: 'dossiersOnline',
          denominator: 'dossiersReceived',
          max: 8,
          target: 0.5,
        },
        {
          code: '4.3',
          name: { vi: 'Thanh toán trực tuyến', en: 'Online payment' },
          definition: {
            vi: 'Số hồ sơ thanh toán phí, lệ phí trực tuyến / số hồ sơ phải nộp phí, lệ phí.',
            en: 'Dossiers paid online / dossiers with a fee to pay.',
          },
          numerator: 'dossiersPaidOnline',
          denominator: 'dossiersPayable',
          max: 8,
          target: 0.3,
        },
      ],
    },
    {
      code: '5',
      name: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
      max: 18,
      indicators: [
        {
          code: '5.1',
          name: { vi: 'Xử lý phản ánh, kiến nghị đúng hạn', en: 'Feedback handled on time' },
          definition: {
            vi: 'Số phản ánh, kiến nghị được xử lý đúng hạn / số phản ánh, kiến nghị đến hạn xử lý.',
            en: 'Feedback handled on time / feedback due for handling.',
          },
          numerator: 'feedbackHandledOnTime',
          denominator: 'feedbackDue',
          max: 6,
          target: 1,
        },
        {
          code: '5.2',
          name: {
            vi: 'Hài lòng về xử lý phản ánh, kiến nghị',
            en: 'Satisfaction with feedback handling',
          },
          definition: {
            vi: 'Số lượt hài lòng / số lượt đánh giá việc xử lý phản ánh, kiến nghị.',
            en: 'Satisfied ratings / ratings of feedback handling.',
          },
          numerator: 'feedbackHandlingSatisfied',
          denominator: 'feedbackHandlingRatings',
          max: 6,
          target: 1,
        },
        {
          code: '5.3',
          name: { vi: 'Đánh giá việc giải quyết hồ sơ', en: 'Ratings of dossier handling' },
          definition: {
            vi: 'Số lượt hài lòng / số lượt đánh giá việc giải quyết hồ sơ (tối đa 6 trong 18 điểm).',
            en: 'Satisfied ratings / ratings of dossier handling (up to 6 of the 18 points).',
          },
          numerator: 'dossierRatingsSatisfied',
          denominator: 'dossierRatings',
          max: 6,
          target: 1,
        },
      ],
    },
  ],
});
