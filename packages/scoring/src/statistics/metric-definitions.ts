import type { LocalizedText } from '../instruments/types.js';

/** A published metric's name and definition, shown beside each figure by the apps. */
export interface MetricDefinition {
  name: LocalizedText;
  definition: LocalizedText;
}

/**
 * Definitions of every metric this package computes, in Vietnamese and English. The README's
 * "Metrics and definitions" section carries the same text; a test keeps the two in step.
 */
export const METRIC_DEFINITIONS: Readonly<Record<string, MetricDefinition>> = Object.freeze({
  'item-index': {
    name: { vi: 'Chỉ số tiêu chí', en: 'Item index' },
    definition: {
      vi: 'Tỷ lệ phần trăm người trả lời chọn mức hài lòng trở lên (SIPAS: mức 4 “Hài lòng” hoặc 5 “Rất hài lòng”) trong số người đã trả lời tiêu chí đó; người bỏ trống không được tính.',
      en: 'Percentage of respondents choosing a satisfied level (SIPAS: 4 “Satisfied” or 5 “Very satisfied”) among those who answered the item; blank answers are left out.',
    },
  },
  'dimension-index': {
    name: { vi: 'Chỉ số yếu tố', en: 'Dimension index' },
    definition: {
      vi: 'Trung bình cộng không trọng số các chỉ số tiêu chí thuộc yếu tố đó.',
      en: 'Unweighted mean of the item indices of the dimension (factor).',
    },
  },
  'overall-index': {
    name: { vi: 'Chỉ số hài lòng chung', en: 'Overall index' },
    definition: {
      vi: 'Trung bình cộng không trọng số các chỉ số yếu tố (SIPAS theo 2640/QĐ-BNV: trung bình 5 yếu tố).',
      en: 'Unweighted mean of the dimension indices (SIPAS under Decision 2640/QĐ-BNV: mean of the 5 factors).',
    },
  },
  'dossier-points': {
    name: { vi: 'Điểm đánh giá hồ sơ', en: 'Dossier evaluation points' },
    definition: {
      vi: 'Theo Thông tư 01/2018/TT-VPCP: mỗi chỉ số chấm 0, 1 hoặc 2 điểm; tổng điểm là tổng điểm trung bình của 9 chỉ số (tối đa 18).',
      en: 'Under Circular 01/2018/TT-VPCP: each indicator scores 0, 1 or 2 points; the total is the sum of the 9 indicator means (18 at most).',
    },
  },
  'sample-size': {
    name: { vi: 'Số người trả lời (n)', en: 'Respondents (n)' },
    definition: {
      vi: 'Số phiếu có trả lời cho chỉ số đó (với yếu tố và chỉ số chung: có ít nhất một câu trả lời trong phạm vi đó).',
      en: 'Number of responses that answered the figure (for a dimension or the overall index: at least one answer within it).',
    },
  },
  'effective-sample-size': {
    name: { vi: 'Cỡ mẫu hiệu dụng', en: 'Effective sample size' },
    definition: {
      vi: 'Cỡ mẫu Kish n_hd = (Σw)² / Σw² khi phiếu có trọng số; bằng n khi không có trọng số. Dùng để tính khoảng tin cậy.',
      en: 'Kish’s n_eff = (Σw)² / Σw² when responses are weighted; equal to n when unweighted. Used for the intervals.',
    },
  },
  'confidence-interval': {
    name: { vi: 'Khoảng tin cậy 95%', en: '95% confidence interval' },
    definition: {
      vi: 'Khoảng giá trị tương thích với dữ liệu ở độ tin cậy 95%. Tiêu chí: khoảng Wilson cho tỷ lệ; yếu tố và chỉ số chung: giá trị ± 1,96 × sai số chuẩn của điểm từng người trả lời, giới hạn trong 0–100.',
      en: 'Range of values compatible with the data at 95% confidence. Items: Wilson interval for a proportion; dimensions and overall: value ± 1.96 × standard error of the per-respondent scores, kept within 0–100.',
    },
  },
  'minimum-sample': {
    name: { vi: 'Cỡ mẫu tối thiểu để công bố', en: 'Minimum sample for publication' },
    definition: {
      vi: 'Một con số chỉ được công bố khi có ít nhất 30 người trả lời (có thể cấu hình); dưới mức này, con số được ẩn để tránh kết luận từ mẫu quá nhỏ.',
      en: 'A figure is published only when at least 30 people answered (configurable); below that it is withheld to avoid conclusions from tiny samples.',
    },
  },
  'poststratification-weight': {
    name: { vi: 'Trọng số hậu phân tầng', en: 'Post-stratification weight' },
    definition: {
      vi: 'Trọng số của người trả lời = tỷ trọng nhóm của họ trong dân số / tỷ trọng nhóm đó trong mẫu, để mỗi nhóm (giới, tuổi…) chiếm đúng tỷ trọng như trong dân số.',
      en: 'A respondent’s weight = their group’s share of the population / that group’s share of the sample, so each group (sex, age…) counts as much as in the population.',
    },
  },
  change: {
    name: { vi: 'Mức thay đổi', en: 'Change' },
    definition: {
      vi: 'Hiệu số điểm phần trăm giữa hai kỳ (kỳ này trừ kỳ trước), với khoảng tin cậy tính từ sai số chuẩn của hai mẫu độc lập: √(SE₁² + SE₂²).',
      en: 'Difference in percentage points between two periods (current minus previous), with an interval from the standard errors of two independent samples: √(SE₁² + SE₂²).',
    },
  },
  'significant-change': {
    name: { vi: 'Thay đổi có ý nghĩa thống kê', en: 'Statistically significant change' },
    definition: {
      vi: 'Thay đổi được coi là có ý nghĩa khi khoảng tin cậy của mức thay đổi không chứa 0 và cả hai con số đều đủ cỡ mẫu tối thiểu.',
      en: 'A change is significant when its confidence interval excludes 0 and both figures meet the minimum sample.',
    },
  },
  rank: {
    name: { vi: 'Thứ hạng', en: 'Rank' },
    definition: {
      vi: 'Xếp hạng theo giá trị đã làm tròn như khi công bố (mặc định 2 chữ số thập phân); các đơn vị bằng nhau cùng hạng và hạng kế tiếp bị bỏ qua (1, 2, 2, 4). Đơn vị không có số liệu xếp cuối.',
      en: 'Rank by the value rounded as published (2 decimals by default); equal units share a rank and the next rank is skipped (1, 2, 2, 4). Units without a value come last.',
    },
  },
  'rank-change': {
    name: { vi: 'Thay đổi thứ hạng', en: 'Rank change' },
    definition: {
      vi: 'Hạng kỳ trước trừ hạng kỳ này: số dương là tăng hạng (ví dụ +10 = tăng 10 bậc).',
      en: 'Previous rank minus current rank: positive means moving up (e.g. +10 = up 10 places).',
    },
  },
  'rank-interval': {
    name: { vi: 'Khoảng thứ hạng', en: 'Rank interval' },
    definition: {
      vi: 'Các thứ hạng mà đơn vị có thể đạt được khi tính đến sai số chọn mẫu: mô phỏng 1.000 lần các giá trị khả dĩ của mọi đơn vị từ số liệu của chúng, xếp hạng mỗi lần và lấy khoảng chứa 90% số thứ hạng của đơn vị.',
      en: 'The ranks a unit could plausibly hold given sampling error: 1,000 simulated draws of every unit’s plausible value from its data, ranked each time, keeping the range that holds 90% of the unit’s ranks.',
    },
  },
  'response-rate': {
    name: { vi: 'Tỷ lệ phản hồi', en: 'Response rate' },
    definition: {
      vi: 'Số phiếu trả lời chia cho số người được mời khảo sát trong kỳ (kèm số lượt phục vụ làm bối cảnh); không tính được khi chưa ghi nhận số người được mời.',
      en: 'Responses divided by the people offered the survey in the period (with the transactions served as context); unknown when no offers were recorded.',
    },
  },
});
