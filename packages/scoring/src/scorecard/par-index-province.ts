/**
 * Skeleton of the provincial PAR Index (Chỉ số cải cách hành chính cấp tỉnh, Ministry of Home Affairs): the eight
 * areas, 100 points. [M] The area maxima and methods are believed, not re-checked: the ministry's methodology
 * changes them from year to year and spreads the sociological-survey points over several areas. Copy this
 * definition, adjust the maxima and add each year's criteria and sub-criteria as `children`.
 */
import type { ScorecardDefinition } from './types.js';

/** The provincial PAR Index skeleton: 8 areas as leaves, to be filled with criteria. */
export const PAR_INDEX_PROVINCE: ScorecardDefinition = Object.freeze({
  code: 'par-index-province',
  name: {
    vi: 'Chỉ số cải cách hành chính cấp tỉnh (PAR Index)',
    en: 'Provincial Public Administration Reform Index (PAR Index)',
  },
  source: {
    vi: 'Bộ Nội vụ — Đề án xác định Chỉ số cải cách hành chính (phương pháp theo năm)',
    en: 'Ministry of Home Affairs — PAR Index methodology (revised yearly)',
  },
  max: 100,
  areas: Object.freeze([
    {
      code: '1',
      name: { vi: 'Công tác chỉ đạo, điều hành cải cách hành chính', en: 'Steering and direction of PAR' },
      max: 9,
      method: 'appraisal',
    },
    {
      code: '2',
      name: {
        vi: 'Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật',
        en: 'Making and implementing legal documents',
      },
      max: 7,
      method: 'appraisal',
    },
    {
      code: '3',
      name: { vi: 'Cải cách thủ tục hành chính', en: 'Administrative procedure reform' },
      max: 13,
      method: 'appraisal',
    },
    {
      code: '4',
      name: {
        vi: 'Cải cách tổ chức bộ máy hành chính nhà nước',
        en: 'Reform of the administrative organisation',
      },
      max: 8,
      method: 'appraisal',
    },
    {
      code: '5',
      name: { vi: 'Cải cách chế độ công vụ', en: 'Civil service reform' },
      max: 12,
      method: 'appraisal',
    },
    {
      code: '6',
      name: { vi: 'Cải cách tài chính công', en: 'Public finance reform' },
      max: 9,
      method: 'appraisal',
    },
    {
      code: '7',
      name: {
        vi: 'Xây dựng, phát triển Chính quyền điện tử, Chính quyền số',
        en: 'E-government and digital government',
      },
      max: 12,
      method: 'appraisal',
    },
    {
      code: '8',
      name: {
        vi: 'Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế – xã hội',
        en: 'Impact of PAR on people, organisations and socio-economic development',
      },
      max: 30,
      method: 'survey',
      evidence: Object.freeze([
        {
          vi: 'Kết quả điều tra xã hội học (SIPAS và khảo sát người dân, tổ chức)',
          en: 'Sociological survey results (SIPAS and surveys of people and organisations)',
        },
      ]),
    },
  ]),
}) as ScorecardDefinition;
