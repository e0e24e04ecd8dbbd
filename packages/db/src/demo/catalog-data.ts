/**
 * Demo procedure catalog of the seed province (Bắc Kạn, 2019): the 18 agencies whose procedures are
 * received at the provincial Public Administration Service Center — 15 departments, 2 central vertical
 * agencies (social insurance, police) and 1 enterprise (the power company) — with a representative subset
 * of their procedures.
 *
 * Names follow the wording of Vietnamese procedure catalogs of that period; processing times, documents and
 * fees are those prescribed at the time or plausible values for demo purposes. This is demo data, not a legal
 * reference: fee amounts and legal bases have changed since 2019 and must not be relied on.
 */

export interface DemoDocument {
  nameVi: string;
  nameEn: string;
  originals: number;
  copies: number;
  reusable?: boolean;
}

export interface DemoFee {
  nameVi: string;
  nameEn: string;
  amountVnd: number;
}

export interface DemoProcedure {
  nameVi: string;
  nameEn: string;
  /** processing time in working days (in person); online may be shorter */
  days: number;
  daysOnline?: number;
  calendarDays?: boolean;
  online: 'full' | 'partial' | 'none';
  level: 'province' | 'district' | 'commune';
  interAgency?: boolean;
  documents: DemoDocument[];
  fees?: DemoFee[];
  /** result document (vi) */
  result: string;
  /** e.g. 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP' */
  legalBasis: string;
  /** optional alternative cases with their own processing time */
  cases?: { nameVi: string; nameEn: string; days: number }[];
  /** where the dossier is submitted; the provincial service center unless said otherwise */
  submissionPlace?: string;
}

export interface DemoField {
  code: string;
  nameVi: string;
  nameEn: string;
  procedures: DemoProcedure[];
}

export interface DemoAgency {
  /** short stable code, e.g. 'STP' */
  code: string;
  kind: 'department' | 'central_vertical' | 'enterprise';
  nameVi: string;
  nameEn: string;
  shortName: string;
  fields: DemoField[];
}

// -----------------------------------------------------------------------------------------------------------
// Building blocks

function doc(nameVi: string, nameEn: string, originals = 1, copies = 0, reusable = false): DemoDocument {
  return reusable ? { nameVi, nameEn, originals, copies, reusable } : { nameVi, nameEn, originals, copies };
}

function fee(nameVi: string, nameEn: string, amountVnd: number): DemoFee {
  return { nameVi, nameEn, amountVnd };
}

const ID_COPY = doc(
  'Bản sao Chứng minh nhân dân, Thẻ căn cước công dân hoặc Hộ chiếu còn hiệu lực',
  'Copy of ID card or passport',
  0,
  1,
);
const ID_COPY_REP = doc(
  'Bản sao giấy tờ chứng thực cá nhân của người đại diện theo pháp luật',
  'Copy of ID of the legal representative',
  0,
  1,
);
const BIZ_CERT_COPY = doc(
  'Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc Quyết định thành lập',
  'Copy of business registration or establishment decision',
  0,
  1,
);
const HOUSEHOLD_COPY = doc(
  'Bản sao Sổ hộ khẩu hoặc Sổ tạm trú',
  'Copy of household or temporary residence book',
  0,
  1,
  true,
);
const PHOTOS = doc('Ảnh chân dung cỡ 4x6 cm', 'Portrait photos 4x6 cm', 2, 0);
const HEALTH_CERT = doc(
  'Giấy chứng nhận sức khỏe do cơ sở y tế có thẩm quyền cấp',
  'Health certificate',
  1,
  0,
);
const CRIMINAL_RECORD = doc('Phiếu lý lịch tư pháp', 'Criminal record certificate', 1, 0);
const POWER_OF_ATTORNEY = doc(
  'Văn bản ủy quyền (trường hợp nộp hồ sơ thay)',
  'Power of attorney (if filed by a proxy)',
  1,
  0,
);

// -----------------------------------------------------------------------------------------------------------
// 1. Sở Tư pháp

const LLTP_LAW = 'Luật Lý lịch tư pháp 2009; Nghị định 111/2010/NĐ-CP; Thông tư 244/2016/TT-BTC';
const NATIONALITY_LAW = 'Luật Quốc tịch Việt Nam 2008; Nghị định 78/2009/NĐ-CP; Thông tư 281/2016/TT-BTC';
const NOTARY_LAW = 'Luật Công chứng 2014; Nghị định 29/2015/NĐ-CP; Thông tư 257/2016/TT-BTC';
const LAWYER_LAW = 'Luật Luật sư 2006 (sửa đổi 2012); Nghị định 123/2013/NĐ-CP';
const CIVIL_STATUS_LAW = 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Thông tư 15/2015/TT-BTP';

const STP: DemoAgency = {
  code: 'STP',
  kind: 'department',
  nameVi: 'Sở Tư pháp',
  nameEn: 'Department of Justice',
  shortName: 'Tư pháp',
  fields: [
    {
      code: 'STP-LLTP',
      nameVi: 'Lý lịch tư pháp',
      nameEn: 'Judicial records',
      procedures: [
        {
          nameVi:
            'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
          nameEn: 'Criminal record certificate for residents',
          days: 10,
          online: 'full',
          level: 'province',
          documents: [
            doc('Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'Application form', 1, 0),
            ID_COPY,
            HOUSEHOLD_COPY,
          ],
          fees: [fee('Phí cung cấp thông tin lý lịch tư pháp', 'Judicial record fee', 200000)],
          result: 'Phiếu lý lịch tư pháp số 1 hoặc số 2',
          legalBasis: LLTP_LAW,
          cases: [
            {
              nameVi: 'Người đã cư trú ở nhiều nơi hoặc có thời gian cư trú ở nước ngoài',
              nameEn: 'Applicant lived in several places or abroad',
              days: 15,
            },
            {
              nameVi: 'Cần xác minh về điều kiện đương nhiên được xóa án tích',
              nameEn: 'Conviction expungement must be verified',
              days: 15,
            },
          ],
        },
        {
          nameVi: 'Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng',
          nameEn: 'Criminal record for judicial bodies',
          days: 10,
          online: 'none',
          level: 'province',
          documents: [
            doc('Văn bản yêu cầu cấp Phiếu lý lịch tư pháp', 'Written request', 1, 0),
            doc('Thông tin về người được cấp Phiếu lý lịch tư pháp', 'Data of the person concerned', 1, 0),
          ],
          result: 'Phiếu lý lịch tư pháp số 2',
          legalBasis: LLTP_LAW,
        },
        {
          nameVi:
            'Cấp Phiếu lý lịch tư pháp cho cơ quan nhà nước, tổ chức chính trị, tổ chức chính trị - xã hội ' +
            '(không phải cơ quan tiến hành tố tụng)',
          nameEn: 'Criminal record for state bodies',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Văn bản yêu cầu cấp Phiếu lý lịch tư pháp', 'Written request', 1, 0),
            doc('Thông tin về người được cấp Phiếu lý lịch tư pháp', 'Data of the person concerned', 1, 0),
          ],
          result: 'Phiếu lý lịch tư pháp số 1',
          legalBasis: LLTP_LAW,
        },
      ],
    },
    {
      code: 'STP-QT',
      nameVi: 'Quốc tịch',
      nameEn: 'Nationality',
      procedures: [
        {
          nameVi: 'Nhập quốc tịch Việt Nam',
          nameEn: 'Naturalisation',
          days: 30,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Đơn xin nhập quốc tịch Việt Nam', 'Application for naturalisation', 3, 0),
            doc(
              'Bản sao Giấy khai sinh, Hộ chiếu hoặc giấy tờ có giá trị thay thế',
              'Birth certificate, passport',
              0,
              3,
            ),
            doc('Bản khai lý lịch', 'Personal history statement', 3, 0),
            doc('Phiếu lý lịch tư pháp do cơ quan có thẩm quyền cấp', 'Criminal record certificate', 3, 0),
            doc('Giấy tờ chứng minh trình độ tiếng Việt', 'Proof of Vietnamese proficiency', 0, 3),
          ],
          fees: [fee('Lệ phí nhập quốc tịch Việt Nam', 'Naturalisation fee', 3000000)],
          result: 'Quyết định của Chủ tịch nước cho nhập quốc tịch Việt Nam',
          legalBasis: NATIONALITY_LAW,
        },
        {
          nameVi: 'Trở lại quốc tịch Việt Nam ở trong nước',
          nameEn: 'Restore Vietnamese nationality',
          days: 30,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Đơn xin trở lại quốc tịch Việt Nam', 'Application to restore nationality', 3, 0),
            doc(
              'Bản sao Giấy khai sinh, Hộ chiếu hoặc giấy tờ có giá trị thay thế',
              'Birth certificate, passport',
              0,
              3,
            ),
            doc('Bản khai lý lịch', 'Personal history statement', 3, 0),
            doc('Phiếu lý lịch tư pháp do cơ quan có thẩm quyền cấp', 'Criminal record certificate', 3, 0),
            doc('Giấy tờ chứng minh đã từng có quốc tịch Việt Nam', 'Proof of former nationality', 0, 3),
          ],
          fees: [fee('Lệ phí trở lại quốc tịch Việt Nam', 'Nationality restoration fee', 2500000)],
          result: 'Quyết định của Chủ tịch nước cho trở lại quốc tịch Việt Nam',
          legalBasis: NATIONALITY_LAW,
        },
        {
          nameVi: 'Thôi quốc tịch Việt Nam ở trong nước',
          nameEn: 'Renounce Vietnamese nationality',
          days: 20,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Đơn xin thôi quốc tịch Việt Nam', 'Application to renounce nationality', 3, 0),
            doc('Bản khai lý lịch', 'Personal history statement', 3, 0),
            doc('Bản sao Hộ chiếu Việt Nam, Giấy chứng minh nhân dân', 'Copy of passport or ID card', 0, 3),
            doc(
              'Giấy tờ xác nhận việc người đó đang làm thủ tục nhập quốc tịch nước ngoài',
              'Proof of foreign naturalisation',
              0,
              3,
            ),
          ],
          fees: [fee('Lệ phí thôi quốc tịch Việt Nam', 'Renunciation fee', 2500000)],
          result: 'Quyết định của Chủ tịch nước cho thôi quốc tịch Việt Nam',
          legalBasis: NATIONALITY_LAW,
        },
        {
          nameVi: 'Cấp Giấy xác nhận có quốc tịch Việt Nam ở trong nước',
          nameEn: 'Certificate of Vietnamese nationality',
          days: 20,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Tờ khai đề nghị xác nhận có quốc tịch Việt Nam', 'Application form', 1, 0),
            doc('Bản sao giấy tờ chứng minh nhân thân', 'Copy of identity papers', 0, 1),
            doc('Bản sao giấy tờ có giá trị chứng minh quốc tịch Việt Nam', 'Proof of nationality', 0, 1),
          ],
          fees: [fee('Lệ phí xác nhận có quốc tịch Việt Nam', 'Nationality certificate fee', 100000)],
          result: 'Giấy xác nhận có quốc tịch Việt Nam',
          legalBasis: NATIONALITY_LAW,
        },
        {
          nameVi: 'Cấp Giấy xác nhận là người gốc Việt Nam ở trong nước',
          nameEn: 'Certificate of Vietnamese origin',
          days: 20,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Tờ khai đề nghị xác nhận là người gốc Việt Nam', 'Application form', 1, 0),
            doc('Bản sao Hộ chiếu hoặc giấy tờ có giá trị thay thế', 'Copy of passport', 0, 1),
            doc(
              'Giấy tờ chứng minh người đó đã từng có quốc tịch Việt Nam',
              'Proof of Vietnamese origin',
              0,
              1,
            ),
          ],
          fees: [fee('Lệ phí xác nhận là người gốc Việt Nam', 'Certificate of origin fee', 100000)],
          result: 'Giấy xác nhận là người gốc Việt Nam',
          legalBasis: NATIONALITY_LAW,
        },
      ],
    },
    {
      code: 'STP-CC',
      nameVi: 'Công chứng',
      nameEn: 'Notarisation',
      procedures: [
        {
          nameVi: 'Thành lập Văn phòng công chứng',
          nameEn: 'Establish a notary office',
          days: 20,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị thành lập Văn phòng công chứng', 'Application form', 1, 0),
            doc('Đề án thành lập Văn phòng công chứng', 'Establishment plan', 1, 0),
            doc('Bản sao Quyết định bổ nhiệm công chứng viên', 'Copy of notary appointment', 0, 1),
          ],
          result: 'Quyết định cho phép thành lập Văn phòng công chứng',
          legalBasis: NOTARY_LAW,
        },
        {
          nameVi: 'Đăng ký hoạt động Văn phòng công chứng',
          nameEn: 'Register a notary office',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đăng ký hoạt động Văn phòng công chứng', 'Registration form', 1, 0),
            doc('Giấy tờ chứng minh về trụ sở của Văn phòng công chứng', 'Proof of premises', 0, 1),
            doc('Hồ sơ đăng ký hành nghề của các công chứng viên', 'Practice files of the notaries', 1, 0),
          ],
          fees: [fee('Phí thẩm định điều kiện hoạt động Văn phòng công chứng', 'Appraisal fee', 1000000)],
          result: 'Giấy đăng ký hoạt động Văn phòng công chứng',
          legalBasis: NOTARY_LAW,
        },
        {
          nameVi: 'Đăng ký hành nghề và cấp Thẻ công chứng viên',
          nameEn: 'Notary practice registration and card',
          days: 10,
          online: 'full',
          level: 'province',
          documents: [
            doc(
              'Văn bản đề nghị đăng ký hành nghề của tổ chức hành nghề công chứng',
              'Request of the notary office',
              1,
              0,
            ),
            doc('Bản sao Quyết định bổ nhiệm công chứng viên', 'Copy of notary appointment', 0, 1),
            PHOTOS,
          ],
          fees: [fee('Lệ phí cấp Thẻ công chứng viên', 'Notary card fee', 100000)],
          result: 'Thẻ công chứng viên',
          legalBasis: NOTARY_LAW,
        },
        {
          nameVi: 'Thay đổi nội dung đăng ký hoạt động của Văn phòng công chứng',
          nameEn: 'Amend a notary office registration',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị thay đổi nội dung đăng ký hoạt động', 'Amendment request', 1, 0),
            doc('Giấy tờ chứng minh nội dung thay đổi', 'Supporting documents', 0, 1),
          ],
          result: 'Giấy đăng ký hoạt động Văn phòng công chứng (cấp lại theo nội dung thay đổi)',
          legalBasis: NOTARY_LAW,
        },
        {
          nameVi: 'Chuyển nhượng Văn phòng công chứng',
          nameEn: 'Transfer a notary office',
          days: 20,
          online: 'none',
          level: 'province',
          documents: [
            doc('Đơn đề nghị chuyển nhượng Văn phòng công chứng', 'Transfer request', 1, 0),
            doc('Hợp đồng chuyển nhượng Văn phòng công chứng', 'Transfer contract', 1, 0),
            doc(
              'Bản sao Quyết định bổ nhiệm công chứng viên nhận chuyển nhượng',
              'Appointment of the buyer',
              0,
              1,
            ),
            doc('Bản kê khai tài sản của Văn phòng công chứng', 'Asset statement', 1, 0),
          ],
          result: 'Quyết định cho phép chuyển nhượng Văn phòng công chứng',
          legalBasis: NOTARY_LAW,
        },
      ],
    },
    {
      code: 'STP-LS',
      nameVi: 'Luật sư',
      nameEn: 'Lawyers',
      procedures: [
        {
          nameVi: 'Đăng ký hoạt động của tổ chức hành nghề luật sư',
          nameEn: 'Register a law firm',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Giấy đề nghị đăng ký hoạt động của tổ chức hành nghề luật sư', 'Registration form', 1, 0),
            doc('Dự thảo Điều lệ của công ty luật', 'Draft charter (law company)', 1, 0),
            doc('Bản sao Chứng chỉ hành nghề luật sư, Thẻ luật sư', 'Copy of lawyer licence and card', 0, 1),
            doc('Giấy tờ chứng minh về trụ sở', 'Proof of premises', 0, 1),
          ],
          fees: [fee('Lệ phí đăng ký hoạt động tổ chức hành nghề luật sư', 'Registration fee', 100000)],
          result: 'Giấy đăng ký hoạt động của tổ chức hành nghề luật sư',
          legalBasis: LAWYER_LAW,
        },
        {
          nameVi: 'Đăng ký hoạt động của chi nhánh của tổ chức hành nghề luật sư',
          nameEn: 'Register a law firm branch',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Giấy đề nghị đăng ký hoạt động của chi nhánh', 'Registration form', 1, 0),
            doc('Quyết định thành lập chi nhánh', 'Branch establishment decision', 1, 0),
            doc(
              'Bản sao Giấy đăng ký hoạt động của tổ chức hành nghề luật sư',
              'Copy of firm registration',
              0,
              1,
            ),
          ],
          fees: [fee('Lệ phí đăng ký hoạt động chi nhánh', 'Registration fee', 100000)],
          result: 'Giấy đăng ký hoạt động của chi nhánh',
          legalBasis: LAWYER_LAW,
        },
        {
          nameVi: 'Đăng ký hành nghề luật sư với tư cách cá nhân',
          nameEn: 'Register as an individual lawyer',
          days: 7,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Giấy đề nghị đăng ký hành nghề luật sư với tư cách cá nhân', 'Registration form', 1, 0),
            doc('Bản sao Thẻ luật sư', 'Copy of lawyer card', 0, 1),
            doc('Bản sao hợp đồng lao động với cơ quan, tổ chức', 'Copy of employment contract', 0, 1),
          ],
          result: 'Giấy đăng ký hành nghề luật sư với tư cách cá nhân',
          legalBasis: LAWYER_LAW,
        },
        {
          nameVi: 'Thay đổi nội dung đăng ký hoạt động của tổ chức hành nghề luật sư',
          nameEn: 'Amend a law firm registration',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Giấy đề nghị thay đổi nội dung đăng ký hoạt động', 'Amendment request', 1, 0),
            doc('Bản gốc Giấy đăng ký hoạt động', 'Original registration certificate', 1, 0),
          ],
          fees: [fee('Lệ phí thay đổi nội dung đăng ký hoạt động', 'Amendment fee', 50000)],
          result: 'Giấy đăng ký hoạt động (cấp lại theo nội dung thay đổi)',
          legalBasis: LAWYER_LAW,
        },
      ],
    },
    {
      // Civil status: procedures of the department's catalog carried out by the commune People's Committees.
      code: 'STP-HT',
      nameVi: 'Hộ tịch',
      nameEn: 'Civil status',
      procedures: [
        {
          nameVi: 'Đăng ký khai sinh',
          nameEn: 'Birth registration',
          days: 1,
          online: 'partial',
          level: 'commune',
          documents: [
            doc('Tờ khai đăng ký khai sinh theo mẫu', 'Birth registration form', 1, 0),
            doc(
              'Giấy chứng sinh (không có thì văn bản của người làm chứng hoặc giấy cam đoan về việc sinh)',
              'Medical birth certificate (or a witness statement or a sworn statement about the birth)',
              1,
              0,
            ),
            doc(
              'Giấy chứng nhận kết hôn của cha, mẹ (xuất trình, nếu cha, mẹ đã đăng ký kết hôn)',
              'Marriage certificate of the parents (shown, if they are married)',
              1,
              0,
              true,
            ),
            doc(
              'Giấy tờ tùy thân của người đi đăng ký (xuất trình)',
              'Identity document of the person registering (shown)',
              1,
              0,
            ),
          ],
          fees: [
            fee(
              'Lệ phí đăng ký khai sinh đúng hạn (miễn lệ phí)',
              'Birth registration within 60 days (exempt)',
              0,
            ),
          ],
          result: 'Giấy khai sinh (bản chính); bản sao trích lục khai sinh nếu có yêu cầu',
          legalBasis: CIVIL_STATUS_LAW,
          cases: [
            {
              nameVi:
                'Đăng ký trong 60 ngày kể từ ngày sinh (trả ngay trong ngày; sau 15 giờ: ngày làm việc tiếp theo)',
              nameEn: 'Registered within 60 days of the birth (same day; after 3 pm: the next working day)',
              days: 1,
            },
            {
              nameVi: 'Đăng ký khai sinh kết hợp nhận cha, mẹ, con',
              nameEn: 'Birth registration together with recognition of the father or mother',
              days: 3,
            },
          ],
          submissionPlace: 'Ủy ban nhân dân cấp xã nơi cư trú của người cha hoặc người mẹ',
        },
      ],
    },
  ],
};

// -----------------------------------------------------------------------------------------------------------
// 2. Sở Kế hoạch và Đầu tư

const ENTERPRISE_LAW = 'Luật Doanh nghiệp 2014; Nghị định 78/2015/NĐ-CP; Thông tư 02/2019/TT-BKHĐT';
const ENTERPRISE_FEE_LAW = `${ENTERPRISE_LAW}; Thông tư 47/2019/TT-BTC`;
const INVESTMENT_LAW = 'Luật Đầu tư 2014; Nghị định 118/2015/NĐ-CP; Thông tư 16/2015/TT-BKHĐT';
const COOP_LAW = 'Luật Hợp tác xã 2012; Nghị định 193/2013/NĐ-CP; Thông tư 03/2014/TT-BKHĐT';

const BIZ_REG_FEE = fee('Lệ phí đăng ký doanh nghiệp', 'Business registration fee', 50000);
const BIZ_PUBLISH_FEE = fee(
  'Phí công bố nội dung đăng ký doanh nghiệp',
  'Publication fee on the national business portal',
  300000,
);
const BIZ_FORM = doc('Giấy đề nghị đăng ký doanh nghiệp', 'Business registration form', 1, 0);
const BIZ_CHARTER = doc('Điều lệ công ty', 'Company charter', 1, 0);
const BIZ_CHANGE_NOTICE = doc(
  'Thông báo thay đổi nội dung đăng ký doanh nghiệp',
  'Notice of change of registration',
  1,
  0,
);
const BIZ_RESOLUTION = doc(
  'Nghị quyết, quyết định của chủ sở hữu, Hội đồng thành viên hoặc Đại hội đồng cổ đông',
  'Resolution of the owner, members or shareholders',
  1,
  0,
);

const SKHDT: DemoAgency = {
  code: 'SKHDT',
  kind: 'department',
  nameVi: 'Sở Kế hoạch và Đầu tư',
  nameEn: 'Department of Planning and Investment',
  shortName: 'Kế hoạch và Đầu tư',
  fields: [
    {
      code: 'SKHDT-DN',
      nameVi: 'Thành lập và hoạt động doanh nghiệp',
      nameEn: 'Business registration',
      procedures: [
        {
          nameVi: 'Đăng ký thành lập doanh nghiệp tư nhân',
          nameEn: 'Register a sole proprietorship',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [BIZ_FORM, ID_COPY],
          fees: [BIZ_REG_FEE, BIZ_PUBLISH_FEE],
          result: 'Giấy chứng nhận đăng ký doanh nghiệp',
          legalBasis: ENTERPRISE_FEE_LAW,
        },
        {
          nameVi: 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên',
          nameEn: 'Register a single-member LLC',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [
            BIZ_FORM,
            BIZ_CHARTER,
            ID_COPY,
            doc(
              'Bản sao Giấy chứng nhận đăng ký doanh nghiệp của chủ sở hữu là tổ chức',
              'Registration of the corporate owner',
              0,
              1,
              true,
            ),
          ],
          fees: [BIZ_REG_FEE, BIZ_PUBLISH_FEE],
          result: 'Giấy chứng nhận đăng ký doanh nghiệp',
          legalBasis: ENTERPRISE_FEE_LAW,
        },
        {
          nameVi: 'Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên',
          nameEn: 'Register a multi-member LLC',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [
            BIZ_FORM,
            BIZ_CHARTER,
            doc('Danh sách thành viên', 'List of members', 1, 0),
            doc('Bản sao giấy tờ chứng thực cá nhân của các thành viên', 'IDs of members', 0, 1, true),
          ],
          fees: [BIZ_REG_FEE, BIZ_PUBLISH_FEE],
          result: 'Giấy chứng nhận đăng ký doanh nghiệp',
          legalBasis: ENTERPRISE_FEE_LAW,
        },
        {
          nameVi: 'Đăng ký thành lập công ty cổ phần',
          nameEn: 'Register a joint-stock company',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [
            BIZ_FORM,
            BIZ_CHARTER,
            doc('Danh sách cổ đông sáng lập', 'List of founding shareholders', 1, 0),
            doc('Bản sao giấy tờ chứng thực cá nhân của các cổ đông sáng lập', 'IDs of founders', 0, 1, true),
          ],
          fees: [BIZ_REG_FEE, BIZ_PUBLISH_FEE],
          result: 'Giấy chứng nhận đăng ký doanh nghiệp',
          legalBasis: ENTERPRISE_FEE_LAW,
        },
        {
          nameVi:
            'Đăng ký thay đổi người đại diện theo pháp luật của công ty trách nhiệm hữu hạn, công ty cổ phần',
          nameEn: 'Change the legal representative',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [BIZ_CHANGE_NOTICE, BIZ_RESOLUTION, ID_COPY],
          fees: [BIZ_REG_FEE, BIZ_PUBLISH_FEE],
          result: 'Giấy chứng nhận đăng ký doanh nghiệp (cập nhật)',
          legalBasis: ENTERPRISE_FEE_LAW,
        },
        {
          nameVi:
            'Đăng ký thay đổi vốn điều lệ, thay đổi tỷ lệ vốn góp (đối với công ty trách nhiệm hữu hạn, ' +
            'công ty cổ phần, công ty hợp danh)',
          nameEn: 'Change charter capital or capital shares',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [
            BIZ_CHANGE_NOTICE,
            BIZ_RESOLUTION,
            doc('Biên bản họp về việc thay đổi vốn điều lệ', 'Minutes of the meeting', 1, 0),
          ],
          fees: [BIZ_REG_FEE],
          result: 'Giấy chứng nhận đăng ký doanh nghiệp (cập nhật)',
          legalBasis: ENTERPRISE_FEE_LAW,
        },
        {
          nameVi: 'Đăng ký thay đổi địa chỉ trụ sở chính của doanh nghiệp',
          nameEn: 'Change the head office address',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [BIZ_CHANGE_NOTICE, BIZ_RESOLUTION],
          fees: [BIZ_REG_FEE, BIZ_PUBLISH_FEE],
          result: 'Giấy chứng nhận đăng ký doanh nghiệp (cập nhật)',
          legalBasis: ENTERPRISE_FEE_LAW,
        },
        {
          nameVi:
            'Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo ' +
            '(doanh nghiệp, chi nhánh, văn phòng đại diện, địa điểm kinh doanh)',
          nameEn: 'Notify suspension or resumption of business',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [
            doc('Thông báo tạm ngừng kinh doanh hoặc tiếp tục kinh doanh', 'Suspension notice', 1, 0),
            BIZ_RESOLUTION,
          ],
          result: 'Giấy xác nhận về việc doanh nghiệp đăng ký tạm ngừng kinh doanh',
          legalBasis: ENTERPRISE_LAW,
        },
        {
          nameVi: 'Đăng ký hoạt động chi nhánh, văn phòng đại diện',
          nameEn: 'Register a branch or representative office',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [
            doc('Thông báo lập chi nhánh, văn phòng đại diện', 'Notice of branch opening', 1, 0),
            BIZ_RESOLUTION,
            doc('Bản sao quyết định bổ nhiệm người đứng đầu chi nhánh', 'Appointment of branch head', 0, 1),
            ID_COPY,
          ],
          fees: [BIZ_REG_FEE],
          result: 'Giấy chứng nhận đăng ký hoạt động chi nhánh, văn phòng đại diện',
          legalBasis: ENTERPRISE_FEE_LAW,
        },
        {
          nameVi: 'Giải thể doanh nghiệp',
          nameEn: 'Dissolve a company',
          days: 5,
          online: 'partial',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Thông báo về việc giải thể doanh nghiệp', 'Dissolution notice', 1, 0),
            doc('Quyết định giải thể doanh nghiệp', 'Dissolution decision', 1, 0),
            doc(
              'Báo cáo thanh lý tài sản doanh nghiệp; danh sách chủ nợ',
              'Liquidation report, creditors',
              1,
              0,
            ),
            doc('Văn bản xác nhận đã hoàn thành nghĩa vụ thuế', 'Tax clearance', 1, 0),
            doc('Bản gốc Giấy chứng nhận đăng ký doanh nghiệp', 'Original business registration', 1, 0),
          ],
          result: 'Thông báo về việc giải thể doanh nghiệp (cập nhật tình trạng pháp lý)',
          legalBasis: ENTERPRISE_LAW,
        },
        {
          nameVi:
            'Cấp lại Giấy chứng nhận đăng ký doanh nghiệp do bị mất, cháy, rách, nát hoặc bị tiêu hủy ' +
            'dưới hình thức khác',
          nameEn: 'Reissue a lost business registration',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [
            doc('Giấy đề nghị cấp lại Giấy chứng nhận đăng ký doanh nghiệp', 'Request form', 1, 0),
            POWER_OF_ATTORNEY,
          ],
          fees: [BIZ_REG_FEE],
          result: 'Giấy chứng nhận đăng ký doanh nghiệp',
          legalBasis: ENTERPRISE_FEE_LAW,
        },
      ],
    },
    {
      code: 'SKHDT-DT',
      nameVi: 'Đầu tư tại Việt Nam',
      nameEn: 'Investment',
      procedures: [
        {
          nameVi:
            'Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện quyết định chủ trương đầu tư',
          nameEn: 'Investment certificate (no policy decision)',
          days: 15,
          online: 'partial',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Văn bản đề nghị thực hiện dự án đầu tư', 'Investment proposal', 1, 0),
            doc('Đề xuất dự án đầu tư', 'Project proposal', 1, 0),
            doc(
              'Bản sao báo cáo tài chính 02 năm gần nhất của nhà đầu tư',
              'Investor financial statements',
              0,
              1,
            ),
            doc('Đề xuất nhu cầu sử dụng đất hoặc thỏa thuận thuê địa điểm', 'Land use proposal', 1, 0),
            BIZ_CERT_COPY,
          ],
          result: 'Giấy chứng nhận đăng ký đầu tư',
          legalBasis: INVESTMENT_LAW,
        },
        {
          nameVi:
            'Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án thuộc diện quyết định chủ trương đầu tư ' +
            'của Ủy ban nhân dân cấp tỉnh',
          nameEn: 'Investment certificate after a policy decision',
          days: 5,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị cấp Giấy chứng nhận đăng ký đầu tư', 'Request', 1, 0),
            doc('Bản sao Quyết định chủ trương đầu tư', 'Copy of investment policy decision', 0, 1),
          ],
          result: 'Giấy chứng nhận đăng ký đầu tư',
          legalBasis: INVESTMENT_LAW,
        },
        {
          nameVi:
            'Điều chỉnh Giấy chứng nhận đăng ký đầu tư đối với trường hợp không điều chỉnh quyết định ' +
            'chủ trương đầu tư',
          nameEn: 'Amend an investment certificate',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị điều chỉnh dự án đầu tư', 'Amendment request', 1, 0),
            doc('Báo cáo tình hình triển khai dự án đầu tư', 'Project progress report', 1, 0),
            doc('Quyết định của nhà đầu tư về việc điều chỉnh dự án', 'Investor decision', 1, 0),
          ],
          result: 'Giấy chứng nhận đăng ký đầu tư điều chỉnh',
          legalBasis: INVESTMENT_LAW,
        },
        {
          nameVi: 'Giãn tiến độ đầu tư',
          nameEn: 'Extend the investment schedule',
          days: 15,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Văn bản đề xuất giãn tiến độ thực hiện dự án đầu tư', 'Request to extend schedule', 1, 0),
            doc('Báo cáo tình hình hoạt động của dự án đến thời điểm giãn tiến độ', 'Progress report', 1, 0),
            doc('Quyết định của nhà đầu tư về việc giãn tiến độ', 'Investor decision', 1, 0),
          ],
          result: 'Văn bản chấp thuận giãn tiến độ đầu tư',
          legalBasis: INVESTMENT_LAW,
        },
        {
          nameVi: 'Chấm dứt hoạt động dự án đầu tư',
          nameEn: 'Terminate an investment project',
          days: 15,
          online: 'none',
          level: 'province',
          documents: [
            doc('Quyết định chấm dứt hoạt động dự án đầu tư', 'Termination decision', 1, 0),
            doc('Bản sao Giấy chứng nhận đăng ký đầu tư', 'Copy of investment certificate', 0, 1),
          ],
          result: 'Thông báo chấm dứt hoạt động dự án đầu tư',
          legalBasis: INVESTMENT_LAW,
        },
      ],
    },
    {
      code: 'SKHDT-HTX',
      nameVi: 'Thành lập và hoạt động của liên hiệp hợp tác xã',
      nameEn: 'Cooperative unions',
      procedures: [
        {
          nameVi: 'Đăng ký thành lập liên hiệp hợp tác xã',
          nameEn: 'Register a cooperative union',
          days: 5,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Giấy đề nghị đăng ký liên hiệp hợp tác xã', 'Registration form', 1, 0),
            doc('Điều lệ liên hiệp hợp tác xã', 'Charter', 1, 0),
            doc('Phương án sản xuất, kinh doanh', 'Business plan', 1, 0),
            doc('Danh sách hợp tác xã thành viên', 'List of member cooperatives', 1, 0),
            doc('Nghị quyết hội nghị thành lập', 'Founding meeting resolution', 1, 0),
          ],
          fees: [fee('Lệ phí đăng ký liên hiệp hợp tác xã', 'Registration fee', 100000)],
          result: 'Giấy chứng nhận đăng ký liên hiệp hợp tác xã',
          legalBasis: COOP_LAW,
        },
        {
          nameVi:
            'Đăng ký thay đổi tên, địa chỉ trụ sở chính, ngành, nghề sản xuất, kinh doanh, vốn điều lệ, ' +
            'người đại diện theo pháp luật của liên hiệp hợp tác xã',
          nameEn: 'Amend a cooperative union registration',
          days: 5,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Giấy đề nghị đăng ký thay đổi', 'Amendment form', 1, 0),
            doc('Nghị quyết của đại hội thành viên về việc thay đổi', 'Members resolution', 1, 0),
          ],
          fees: [fee('Lệ phí đăng ký thay đổi', 'Amendment fee', 50000)],
          result: 'Giấy chứng nhận đăng ký liên hiệp hợp tác xã (cập nhật)',
          legalBasis: COOP_LAW,
        },
        {
          nameVi: 'Giải thể tự nguyện liên hiệp hợp tác xã',
          nameEn: 'Voluntary dissolution of a cooperative union',
          days: 5,
          online: 'none',
          level: 'province',
          documents: [
            doc('Nghị quyết đại hội thành viên về giải thể tự nguyện', 'Dissolution resolution', 1, 0),
            doc('Thông báo về việc giải thể', 'Dissolution notice', 1, 0),
            doc('Bản gốc Giấy chứng nhận đăng ký liên hiệp hợp tác xã', 'Original certificate', 1, 0),
          ],
          result: 'Thông báo về việc giải thể liên hiệp hợp tác xã',
          legalBasis: COOP_LAW,
        },
        {
          nameVi: 'Cấp lại Giấy chứng nhận đăng ký liên hiệp hợp tác xã',
          nameEn: 'Reissue a cooperative union certificate',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [
            doc('Giấy đề nghị cấp lại Giấy chứng nhận đăng ký', 'Reissue request', 1, 0),
            POWER_OF_ATTORNEY,
          ],
          fees: [fee('Lệ phí cấp lại Giấy chứng nhận', 'Reissue fee', 50000)],
          result: 'Giấy chứng nhận đăng ký liên hiệp hợp tác xã',
          legalBasis: COOP_LAW,
        },
      ],
    },
  ],
};

// -----------------------------------------------------------------------------------------------------------
// 3. Sở Tài chính

const PUBLIC_ASSET_LAW = 'Luật Quản lý, sử dụng tài sản công 2017; Nghị định 151/2017/NĐ-CP';
const PRICE_LAW =
  'Luật Giá 2012; Nghị định 177/2013/NĐ-CP; Nghị định 149/2016/NĐ-CP; Thông tư 56/2014/TT-BTC';

const STC: DemoAgency = {
  code: 'STC',
  kind: 'department',
  nameVi: 'Sở Tài chính',
  nameEn: 'Department of Finance',
  shortName: 'Tài chính',
  fields: [
    {
      code: 'STC-CS',
      nameVi: 'Quản lý công sản',
      nameEn: 'Public assets',
      procedures: [
        {
          nameVi: 'Quyết định điều chuyển tài sản công',
          nameEn: 'Transfer of public assets',
          days: 30,
          online: 'none',
          level: 'province',
          documents: [
            doc(
              'Văn bản đề nghị điều chuyển tài sản của cơ quan, tổ chức, đơn vị có tài sản',
              'Request of the holder',
              1,
              0,
            ),
            doc('Văn bản đề nghị được tiếp nhận tài sản', 'Request of the recipient', 1, 0),
            doc('Danh mục tài sản đề nghị điều chuyển', 'List of assets', 1, 0),
          ],
          result: 'Quyết định điều chuyển tài sản công',
          legalBasis: PUBLIC_ASSET_LAW,
        },
        {
          nameVi: 'Quyết định thanh lý tài sản công',
          nameEn: 'Liquidation of public assets',
          days: 30,
          online: 'none',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị thanh lý tài sản công', 'Liquidation request', 1, 0),
            doc('Danh mục tài sản đề nghị thanh lý', 'List of assets', 1, 0),
            doc(
              'Ý kiến bằng văn bản của cơ quan chuyên môn về tình trạng tài sản',
              'Technical assessment',
              0,
              1,
            ),
          ],
          result: 'Quyết định thanh lý tài sản công',
          legalBasis: PUBLIC_ASSET_LAW,
        },
        {
          nameVi: 'Quyết định bán tài sản công',
          nameEn: 'Sale of public assets',
          days: 30,
          online: 'none',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị bán tài sản công', 'Sale request', 1, 0),
            doc('Danh mục tài sản đề nghị bán', 'List of assets', 1, 0),
            doc('Các hồ sơ khác có liên quan đến đề nghị bán tài sản', 'Other supporting documents', 0, 1),
          ],
          result: 'Quyết định bán tài sản công',
          legalBasis: PUBLIC_ASSET_LAW,
        },
        {
          nameVi:
            'Quyết định thu hồi tài sản công trong trường hợp cơ quan nhà nước được giao quản lý, sử dụng ' +
            'tài sản công tự nguyện trả lại tài sản cho Nhà nước',
          nameEn: 'Voluntary return of public assets',
          days: 30,
          online: 'none',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị trả lại tài sản', 'Return request', 1, 0),
            doc('Danh mục tài sản đề nghị trả lại', 'List of assets', 1, 0),
          ],
          result: 'Quyết định thu hồi tài sản công',
          legalBasis: PUBLIC_ASSET_LAW,
        },
        {
          nameVi:
            'Quyết định mua sắm tài sản công phục vụ hoạt động của cơ quan, tổ chức, đơn vị ' +
            'trong trường hợp không phải lập thành dự án đầu tư',
          nameEn: 'Purchase of public assets',
          days: 15,
          online: 'none',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị mua sắm tài sản công', 'Purchase request', 1, 0),
            doc(
              'Danh mục tài sản đề nghị mua sắm (chủng loại, số lượng, dự toán)',
              'List and estimate of assets',
              1,
              0,
            ),
            doc('Bản sao dự toán ngân sách được giao', 'Approved budget', 0, 1),
          ],
          result: 'Quyết định mua sắm tài sản công',
          legalBasis: PUBLIC_ASSET_LAW,
        },
        {
          nameVi: 'Quyết định xử lý tài sản công trong trường hợp bị mất, bị hủy hoại',
          nameEn: 'Write-off of lost or destroyed public assets',
          days: 30,
          online: 'none',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị xử lý tài sản bị mất, bị hủy hoại', 'Write-off request', 1, 0),
            doc('Danh mục tài sản bị mất, bị hủy hoại', 'List of assets', 1, 0),
            doc('Biên bản xác nhận tài sản bị mất, bị hủy hoại', 'Loss record', 1, 0),
          ],
          result: 'Quyết định xử lý tài sản công',
          legalBasis: PUBLIC_ASSET_LAW,
        },
      ],
    },
    {
      code: 'STC-GIA',
      nameVi: 'Quản lý giá',
      nameEn: 'Price management',
      procedures: [
        {
          nameVi: 'Đăng ký giá của các doanh nghiệp thuộc phạm vi cấp tỉnh',
          nameEn: 'Price registration',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [
            doc('Văn bản đăng ký giá', 'Price registration letter', 2, 0),
            doc('Biểu mẫu đăng ký giá', 'Price registration table', 2, 0),
          ],
          result: 'Văn bản đăng ký giá có đóng dấu tiếp nhận của Sở Tài chính',
          legalBasis: PRICE_LAW,
        },
        {
          nameVi: 'Kê khai giá của các doanh nghiệp thuộc phạm vi cấp tỉnh',
          nameEn: 'Price declaration',
          days: 1,
          online: 'full',
          level: 'province',
          documents: [
            doc('Văn bản kê khai giá', 'Price declaration letter', 2, 0),
            doc('Bảng kê khai mức giá', 'Price list', 2, 0),
          ],
          result: 'Văn bản kê khai giá có đóng dấu tiếp nhận của Sở Tài chính',
          legalBasis: PRICE_LAW,
        },
        {
          nameVi: 'Quyết định giá thuộc thẩm quyền của cấp tỉnh',
          nameEn: 'Price setting by the province',
          days: 15,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Văn bản đề nghị định giá', 'Pricing request', 1, 0),
            doc('Phương án giá', 'Pricing plan', 1, 0),
            doc('Văn bản tổng hợp ý kiến tham gia của các cơ quan liên quan', 'Summary of opinions', 1, 0),
          ],
          result: 'Quyết định giá của Ủy ban nhân dân tỉnh',
          legalBasis: PRICE_LAW,
        },
        {
          nameVi: 'Hiệp thương giá',
          nameEn: 'Price negotiation',
          days: 15,
          online: 'none',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị hiệp thương giá', 'Negotiation request', 1, 0),
            doc('Phương án giá của bên bán và bên mua', 'Price proposals of both parties', 1, 0),
          ],
          result: 'Thông báo kết quả hiệp thương giá',
          legalBasis: PRICE_LAW,
        },
      ],
    },
    {
      code: 'STC-NS',
      nameVi: 'Tin học, thống kê và quyết toán ngân sách',
      nameEn: 'Budget codes and settlement',
      procedures: [
        {
          nameVi: 'Đăng ký mã số đơn vị có quan hệ với ngân sách',
          nameEn: 'Budget-relationship unit code',
          days: 2,
          online: 'full',
          level: 'province',
          documents: [
            doc('Tờ khai đăng ký mã số đơn vị có quan hệ với ngân sách', 'Registration form', 1, 0),
            doc('Bản sao quyết định thành lập đơn vị', 'Copy of establishment decision', 0, 1),
          ],
          result: 'Giấy chứng nhận mã số đơn vị có quan hệ với ngân sách',
          legalBasis: 'Luật Ngân sách nhà nước 2015; Thông tư 185/2015/TT-BTC',
        },
        {
          nameVi: 'Thẩm tra, phê duyệt quyết toán dự án hoàn thành sử dụng vốn nhà nước',
          nameEn: 'Final account of completed projects',
          days: 30,
          online: 'none',
          level: 'province',
          documents: [
            doc('Tờ trình đề nghị phê duyệt quyết toán', 'Approval request', 1, 0),
            doc('Báo cáo quyết toán dự án hoàn thành', 'Final account report', 1, 0),
            doc('Các văn bản pháp lý có liên quan đến dự án', 'Project legal documents', 0, 1),
            doc('Biên bản nghiệm thu hoàn thành bàn giao đưa vào sử dụng', 'Acceptance record', 0, 1),
            doc('Báo cáo kiểm toán quyết toán dự án hoàn thành (nếu có)', 'Audit report (if any)', 1, 0),
          ],
          result: 'Quyết định phê duyệt quyết toán dự án hoàn thành',
          legalBasis: 'Luật Đầu tư công 2014; Thông tư 09/2016/TT-BTC; Thông tư 64/2018/TT-BTC',
          cases: [
            { nameVi: 'Dự án nhóm B', nameEn: 'Group B project', days: 30 },
            { nameVi: 'Dự án nhóm C, lập báo cáo kinh tế - kỹ thuật', nameEn: 'Group C project', days: 20 },
          ],
        },
      ],
    },
  ],
};

// -----------------------------------------------------------------------------------------------------------
// 4. Sở Công Thương

const ALCOHOL_LAW = 'Nghị định 105/2017/NĐ-CP; Thông tư 168/2016/TT-BTC';
const TOBACCO_LAW =
  'Luật Phòng, chống tác hại của thuốc lá 2012; Nghị định 67/2013/NĐ-CP; Nghị định 106/2017/NĐ-CP';
const PETROL_LAW = 'Nghị định 83/2014/NĐ-CP; Nghị định 08/2018/NĐ-CP; Thông tư 168/2016/TT-BTC';
const PROMOTION_LAW = 'Luật Thương mại 2005; Nghị định 81/2018/NĐ-CP';
const POWER_LICENCE_LAW =
  'Luật Điện lực 2004 (sửa đổi 2012); Thông tư 36/2018/TT-BCT; Thông tư 167/2016/TT-BTC';
const FOOD_SAFETY_LAW = 'Luật An toàn thực phẩm 2010; Nghị định 15/2018/NĐ-CP; Thông tư 43/2018/TT-BCT';

const SCT: DemoAgency = {
  code: 'SCT',
  kind: 'department',
  nameVi: 'Sở Công Thương',
  nameEn: 'Department of Industry and Trade',
  shortName: 'Công Thương',
  fields: [
    {
      code: 'SCT-LTHH',
      nameVi: 'Lưu thông hàng hóa trong nước',
      nameEn: 'Domestic trade',
      procedures: [
        {
          nameVi: 'Cấp Giấy phép bán buôn rượu trên địa bàn tỉnh, thành phố trực thuộc Trung ương',
          nameEn: 'Liquor wholesale licence',
          days: 15,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp Giấy phép bán buôn rượu', 'Application form', 1, 0),
            BIZ_CERT_COPY,
            doc(
              'Bản sao hợp đồng thuê, mua kho hàng hoặc giấy tờ chứng minh quyền sử dụng kho',
              'Warehouse documents',
              0,
              1,
            ),
            doc(
              'Bản sao văn bản giới thiệu, hợp đồng với thương nhân sản xuất, phân phối rượu',
              'Supplier contracts',
              0,
              1,
            ),
          ],
          fees: [fee('Phí thẩm định điều kiện kinh doanh bán buôn rượu', 'Appraisal fee', 1100000)],
          result: 'Giấy phép bán buôn rượu',
          legalBasis: ALCOHOL_LAW,
        },
        {
          nameVi: 'Cấp Giấy phép sản xuất rượu công nghiệp (quy mô dưới 3 triệu lít/năm)',
          nameEn: 'Industrial liquor production licence (< 3M litres)',
          days: 15,
          online: 'none',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp Giấy phép sản xuất rượu công nghiệp', 'Application form', 1, 0),
            BIZ_CERT_COPY,
            doc(
              'Bản sao Bản công bố sản phẩm rượu hoặc Giấy tiếp nhận bản công bố hợp quy',
              'Product declaration',
              0,
              1,
            ),
            doc(
              'Bản sao Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
              'Food safety certificate',
              0,
              1,
            ),
            doc(
              'Bản liệt kê tên hàng hóa rượu kèm theo bản sao nhãn hàng hóa',
              'Product list and labels',
              1,
              0,
            ),
          ],
          fees: [fee('Phí thẩm định điều kiện sản xuất rượu công nghiệp', 'Appraisal fee', 1100000)],
          result: 'Giấy phép sản xuất rượu công nghiệp',
          legalBasis: ALCOHOL_LAW,
        },
        {
          nameVi: 'Cấp Giấy phép bán buôn sản phẩm thuốc lá',
          nameEn: 'Tobacco wholesale licence',
          days: 15,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp Giấy phép bán buôn sản phẩm thuốc lá', 'Application form', 1, 0),
            BIZ_CERT_COPY,
            doc(
              'Bản sao các văn bản giới thiệu của các doanh nghiệp cung cấp sản phẩm thuốc lá',
              'Supplier letters',
              0,
              1,
            ),
            doc('Hồ sơ về địa điểm kinh doanh và kho hàng', 'Premises and warehouse documents', 0, 1),
          ],
          fees: [fee('Phí thẩm định cấp Giấy phép bán buôn thuốc lá', 'Appraisal fee', 1100000)],
          result: 'Giấy phép bán buôn sản phẩm thuốc lá',
          legalBasis: TOBACCO_LAW,
        },
        {
          nameVi: 'Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu',
          nameEn: 'Petrol station certificate',
          days: 15,
          online: 'partial',
          level: 'province',
          interAgency: true,
          documents: [
            doc(
              'Đơn đề nghị cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu',
              'Application form',
              1,
              0,
            ),
            BIZ_CERT_COPY,
            doc('Bản sao tài liệu chứng minh quyền sử dụng cửa hàng', 'Proof of premises', 0, 1),
            doc(
              'Bản sao Giấy chứng nhận thẩm duyệt thiết kế về phòng cháy và chữa cháy',
              'Fire safety approval',
              0,
              1,
            ),
            doc(
              'Bản sao chứng chỉ đào tạo nghiệp vụ của cán bộ quản lý, nhân viên cửa hàng',
              'Staff training certificates',
              0,
              1,
            ),
          ],
          fees: [fee('Phí thẩm định điều kiện kinh doanh bán lẻ xăng dầu', 'Appraisal fee', 1200000)],
          result: 'Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu',
          legalBasis: PETROL_LAW,
        },
        {
          nameVi: 'Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai',
          nameEn: 'Bottled LPG shop certificate',
          days: 15,
          online: 'none',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện', 'Application form', 1, 0),
            BIZ_CERT_COPY,
            doc(
              'Bản sao tài liệu chứng minh đáp ứng điều kiện về phòng cháy và chữa cháy',
              'Fire safety documents',
              0,
              1,
            ),
            doc('Bản sao chứng chỉ đào tạo về an toàn kinh doanh khí', 'Gas safety training', 0, 1),
          ],
          fees: [fee('Phí thẩm định điều kiện kinh doanh khí', 'Appraisal fee', 1200000)],
          result: 'Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai',
          legalBasis: 'Nghị định 87/2018/NĐ-CP; Thông tư 168/2016/TT-BTC',
        },
        {
          nameVi: 'Cấp sửa đổi, bổ sung Giấy phép bán buôn rượu',
          nameEn: 'Amend a liquor wholesale licence',
          days: 15,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp sửa đổi, bổ sung', 'Amendment request', 1, 0),
            doc('Bản sao Giấy phép đã được cấp', 'Copy of current licence', 0, 1),
            doc('Các tài liệu chứng minh nhu cầu sửa đổi, bổ sung', 'Supporting documents', 0, 1),
          ],
          fees: [fee('Phí thẩm định điều kiện kinh doanh bán buôn rượu', 'Appraisal fee', 1100000)],
          result: 'Giấy phép bán buôn rượu sửa đổi, bổ sung',
          legalBasis: ALCOHOL_LAW,
        },
      ],
    },
    {
      code: 'SCT-XTTM',
      nameVi: 'Xúc tiến thương mại',
      nameEn: 'Trade promotion',
      procedures: [
        {
          nameVi:
            'Đăng ký thực hiện khuyến mại theo hình thức mang tính may rủi thực hiện trên địa bàn 1 tỉnh, ' +
            'thành phố trực thuộc Trung ương',
          nameEn: 'Register a lucky-draw promotion',
          days: 7,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn đề nghị thực hiện chương trình khuyến mại', 'Application form', 1, 0),
            doc('Thể lệ chương trình khuyến mại', 'Promotion rules', 1, 0),
            doc('Mẫu vé số dự thưởng (nếu có)', 'Sample lottery ticket (if any)', 1, 0),
            doc('Hình ảnh hàng hóa khuyến mại và hàng hóa dùng để khuyến mại', 'Product pictures', 1, 0),
          ],
          result: 'Văn bản xác nhận đăng ký thực hiện khuyến mại',
          legalBasis: PROMOTION_LAW,
        },
        {
          nameVi: 'Thông báo thực hiện khuyến mại',
          nameEn: 'Notify a sales promotion',
          days: 1,
          online: 'full',
          level: 'province',
          documents: [
            doc('Thông báo thực hiện khuyến mại', 'Promotion notice', 1, 0),
            doc('Danh mục hàng hóa, dịch vụ khuyến mại', 'List of promoted goods', 1, 0),
          ],
          result: 'Thông báo thực hiện khuyến mại được tiếp nhận',
          legalBasis: PROMOTION_LAW,
        },
        {
          nameVi: 'Đăng ký tổ chức hội chợ, triển lãm thương mại tại Việt Nam',
          nameEn: 'Register a trade fair',
          days: 7,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đăng ký tổ chức hội chợ, triển lãm thương mại', 'Trade fair registration', 1, 0),
            doc('Kế hoạch tổ chức hội chợ, triển lãm', 'Event plan', 1, 0),
          ],
          result: 'Văn bản xác nhận đăng ký tổ chức hội chợ, triển lãm thương mại',
          legalBasis: PROMOTION_LAW,
        },
        {
          nameVi:
            'Đăng ký sửa đổi, bổ sung nội dung chương trình khuyến mại theo hình thức mang tính may rủi ' +
            'thực hiện trên địa bàn 1 tỉnh, thành phố trực thuộc Trung ương',
          nameEn: 'Amend a lucky-draw promotion',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn đề nghị sửa đổi, bổ sung nội dung chương trình khuyến mại', 'Amendment request', 1, 0),
            doc('Văn bản xác nhận đăng ký thực hiện khuyến mại đã được cấp', 'Current confirmation', 0, 1),
          ],
          result: 'Văn bản xác nhận sửa đổi, bổ sung nội dung chương trình khuyến mại',
          legalBasis: PROMOTION_LAW,
        },
      ],
    },
    {
      code: 'SCT-ATTP',
      nameVi: 'An toàn thực phẩm',
      nameEn: 'Food safety (trade)',
      procedures: [
        {
          nameVi:
            'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh ' +
            'thực phẩm do Sở Công Thương thực hiện',
          nameEn: 'Food safety certificate (trade sector)',
          days: 20,
          online: 'partial',
          level: 'province',
          documents: [
            doc(
              'Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
              'Application form',
              1,
              0,
            ),
            doc('Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ', 'Facility description', 1, 0),
            doc(
              'Giấy xác nhận đủ sức khỏe của chủ cơ sở và người trực tiếp sản xuất',
              'Staff health certificates',
              0,
              1,
            ),
            doc(
              'Giấy xác nhận đã được tập huấn kiến thức an toàn thực phẩm',
              'Food safety training proof',
              0,
              1,
            ),
          ],
          fees: [fee('Phí thẩm định cơ sở sản xuất, kinh doanh thực phẩm', 'Inspection fee', 2500000)],
          result: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
          legalBasis: FOOD_SAFETY_LAW,
        },
        {
          nameVi: 'Cấp lại Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm do Sở Công Thương thực hiện',
          nameEn: 'Reissue a food safety certificate (trade)',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp lại Giấy chứng nhận', 'Reissue request', 1, 0),
            doc('Bản sao Giấy chứng nhận đã được cấp (nếu có)', 'Copy of the certificate', 0, 1),
          ],
          result: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
          legalBasis: FOOD_SAFETY_LAW,
        },
      ],
    },
    {
      code: 'SCT-DIEN',
      nameVi: 'Điện',
      nameEn: 'Electricity',
      procedures: [
        {
          nameVi: 'Cấp giấy phép hoạt động phát điện đối với nhà máy điện có quy mô công suất dưới 3MW',
          nameEn: 'Generation licence (< 3 MW)',
          days: 15,
          online: 'none',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị cấp giấy phép hoạt động điện lực', 'Application form', 1, 0),
            BIZ_CERT_COPY,
            doc(
              'Danh sách, bản sao bằng cấp của người trực tiếp quản lý kỹ thuật, vận hành',
              'Technical staff',
              0,
              1,
            ),
            doc('Bản sao biên bản nghiệm thu hoàn thành công trình', 'Acceptance records', 0, 1),
          ],
          fees: [fee('Phí thẩm định cấp giấy phép hoạt động điện lực', 'Appraisal fee', 700000)],
          result: 'Giấy phép hoạt động điện lực (phát điện)',
          legalBasis: POWER_LICENCE_LAW,
        },
        {
          nameVi: 'Cấp giấy phép hoạt động phân phối điện đến cấp điện áp 35 kV tại địa phương',
          nameEn: 'Distribution licence (up to 35 kV)',
          days: 15,
          online: 'none',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị cấp giấy phép hoạt động điện lực', 'Application form', 1, 0),
            BIZ_CERT_COPY,
            doc('Danh sách lưới điện phân phối, sơ đồ lưới điện', 'Grid list and diagram', 1, 0),
            doc(
              'Bản sao chứng chỉ của người trực tiếp quản lý kỹ thuật',
              'Technical manager certificates',
              0,
              1,
            ),
          ],
          fees: [fee('Phí thẩm định cấp giấy phép hoạt động điện lực', 'Appraisal fee', 700000)],
          result: 'Giấy phép hoạt động điện lực (phân phối điện)',
          legalBasis: POWER_LICENCE_LAW,
        },
        {
          nameVi: 'Cấp giấy phép hoạt động bán lẻ điện đến cấp điện áp 0,4 kV tại địa phương',
          nameEn: 'Electricity retail licence (0.4 kV)',
          days: 15,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị cấp giấy phép hoạt động điện lực', 'Application form', 1, 0),
            BIZ_CERT_COPY,
            doc('Bản sao hợp đồng mua bán điện với đơn vị bán điện', 'Power purchase contract', 0, 1),
          ],
          fees: [fee('Phí thẩm định cấp giấy phép hoạt động điện lực', 'Appraisal fee', 700000)],
          result: 'Giấy phép hoạt động điện lực (bán lẻ điện)',
          legalBasis: POWER_LICENCE_LAW,
        },
        {
          nameVi: 'Cấp thẻ Kiểm tra viên điện lực cho các đối tượng thuộc thẩm quyền của Sở Công Thương',
          nameEn: 'Electricity inspector card',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị cấp thẻ Kiểm tra viên điện lực', 'Request letter', 1, 0),
            doc('Bản sao bằng tốt nghiệp chuyên ngành điện', 'Copy of electrical degree', 0, 1),
            PHOTOS,
          ],
          result: 'Thẻ Kiểm tra viên điện lực',
          legalBasis: 'Luật Điện lực 2004 (sửa đổi 2012); Thông tư 27/2013/TT-BCT',
        },
      ],
    },
  ],
};

// -----------------------------------------------------------------------------------------------------------
// 5. Sở Nông nghiệp và Phát triển nông thôn

const VET_LAW = 'Luật Thú y 2015; Nghị định 35/2016/NĐ-CP; Thông tư 285/2016/TT-BTC';
const PLANT_LAW =
  'Luật Bảo vệ và kiểm dịch thực vật 2013; Nghị định 66/2016/NĐ-CP; Thông tư 21/2015/TT-BNNPTNT';
const FOREST_LAW = 'Luật Lâm nghiệp 2017; Nghị định 156/2018/NĐ-CP';
const AGRI_QUALITY_LAW = 'Luật An toàn thực phẩm 2010; Thông tư 38/2018/TT-BNNPTNT; Thông tư 286/2016/TT-BTC';

const SNN: DemoAgency = {
  code: 'SNN',
  kind: 'department',
  nameVi: 'Sở Nông nghiệp và Phát triển nông thôn',
  nameEn: 'Department of Agriculture and Rural Development',
  shortName: 'Nông nghiệp và PTNT',
  fields: [
    {
      code: 'SNN-TY',
      nameVi: 'Thú y',
      nameEn: 'Veterinary',
      procedures: [
        {
          nameVi:
            'Cấp chứng chỉ hành nghề thú y (tiêm phòng, chữa bệnh, phẫu thuật động vật; tư vấn; buôn bán ' +
            'thuốc thú y)',
          nameEn: 'Veterinary practice certificate',
          days: 5,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đăng ký cấp chứng chỉ hành nghề thú y', 'Application form', 1, 0),
            doc('Bản sao văn bằng, chứng chỉ chuyên môn phù hợp', 'Copy of qualifications', 0, 1),
            HEALTH_CERT,
            PHOTOS,
          ],
          fees: [fee('Lệ phí cấp chứng chỉ hành nghề thú y', 'Certificate fee', 50000)],
          result: 'Chứng chỉ hành nghề thú y',
          legalBasis: VET_LAW,
        },
        {
          nameVi:
            'Cấp Giấy chứng nhận kiểm dịch động vật, sản phẩm động vật vận chuyển ra khỏi địa bàn cấp tỉnh',
          nameEn: 'Animal quarantine certificate (inter-province)',
          days: 1,
          online: 'partial',
          level: 'province',
          documents: [
            doc(
              'Giấy đăng ký kiểm dịch động vật, sản phẩm động vật vận chuyển',
              'Quarantine registration',
              1,
              0,
            ),
            doc(
              'Bản sao Giấy chứng nhận tiêm phòng, chứng nhận an toàn dịch bệnh (nếu có)',
              'Vaccination certificate',
              0,
              1,
            ),
          ],
          fees: [fee('Phí kiểm dịch động vật (mỗi lô hàng)', 'Quarantine fee (per consignment)', 40000)],
          result: 'Giấy chứng nhận kiểm dịch động vật, sản phẩm động vật vận chuyển ra khỏi địa bàn cấp tỉnh',
          legalBasis: VET_LAW,
          cases: [
            {
              nameVi: 'Động vật, sản phẩm động vật xuất phát từ cơ sở chưa được công nhận an toàn dịch bệnh',
              nameEn: 'Origin not certified disease-free',
              days: 3,
            },
          ],
        },
        {
          nameVi: 'Cấp Giấy chứng nhận cơ sở an toàn dịch bệnh động vật',
          nameEn: 'Disease-free farm certificate',
          days: 10,
          online: 'none',
          level: 'province',
          documents: [
            doc('Đơn đăng ký chứng nhận cơ sở an toàn dịch bệnh động vật', 'Application form', 1, 0),
            doc('Báo cáo điều kiện cơ sở an toàn dịch bệnh', 'Facility report', 1, 0),
            doc('Kết quả giám sát dịch bệnh động vật', 'Disease surveillance results', 0, 1),
          ],
          fees: [fee('Phí thẩm định cơ sở an toàn dịch bệnh', 'Appraisal fee', 300000)],
          result: 'Giấy chứng nhận cơ sở an toàn dịch bệnh động vật',
          legalBasis: `${VET_LAW}; Thông tư 14/2016/TT-BNNPTNT`,
        },
        {
          nameVi: 'Cấp Giấy chứng nhận đủ điều kiện vệ sinh thú y đối với cơ sở giết mổ động vật',
          nameEn: 'Veterinary hygiene certificate for slaughterhouses',
          days: 15,
          online: 'none',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị cấp Giấy chứng nhận đủ điều kiện vệ sinh thú y', 'Application form', 1, 0),
            doc('Bản thuyết minh điều kiện vệ sinh thú y của cơ sở', 'Facility description', 1, 0),
          ],
          fees: [fee('Phí thẩm định điều kiện vệ sinh thú y', 'Appraisal fee', 500000)],
          result: 'Giấy chứng nhận đủ điều kiện vệ sinh thú y',
          legalBasis: VET_LAW,
        },
      ],
    },
    {
      code: 'SNN-BVTV',
      nameVi: 'Bảo vệ thực vật',
      nameEn: 'Plant protection',
      procedures: [
        {
          nameVi: 'Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật',
          nameEn: 'Pesticide trading certificate',
          days: 15,
          online: 'partial',
          level: 'province',
          documents: [
            doc(
              'Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật',
              'Application form',
              1,
              0,
            ),
            doc('Bản thuyết minh điều kiện buôn bán thuốc bảo vệ thực vật', 'Facility description', 1, 0),
            doc(
              'Bản sao văn bằng, chứng chỉ chuyên môn về bảo vệ thực vật',
              'Qualification certificates',
              0,
              1,
            ),
          ],
          fees: [
            fee('Phí thẩm định cơ sở buôn bán thuốc bảo vệ thực vật', 'Appraisal fee', 500000),
            fee('Lệ phí cấp Giấy chứng nhận', 'Certificate fee', 100000),
          ],
          result: 'Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật',
          legalBasis: PLANT_LAW,
        },
        {
          nameVi: 'Cấp lại Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật',
          nameEn: 'Reissue a pesticide trading certificate',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp lại Giấy chứng nhận', 'Reissue request', 1, 0),
            doc('Bản chính Giấy chứng nhận bị hư hỏng (nếu có)', 'Damaged certificate (if any)', 1, 0),
          ],
          fees: [fee('Lệ phí cấp lại Giấy chứng nhận', 'Reissue fee', 100000)],
          result: 'Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật',
          legalBasis: PLANT_LAW,
        },
        {
          nameVi: 'Cấp Giấy xác nhận nội dung quảng cáo thuốc bảo vệ thực vật',
          nameEn: 'Pesticide advertising approval',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị xác nhận nội dung quảng cáo', 'Application form', 1, 0),
            doc('Kịch bản, nội dung quảng cáo thuốc bảo vệ thực vật', 'Advertising content', 1, 0),
            doc('Bản sao Giấy chứng nhận đăng ký thuốc bảo vệ thực vật', 'Product registration', 0, 1),
          ],
          fees: [fee('Phí thẩm định nội dung quảng cáo', 'Review fee', 600000)],
          result: 'Giấy xác nhận nội dung quảng cáo thuốc bảo vệ thực vật',
          legalBasis: PLANT_LAW,
        },
      ],
    },
    {
      code: 'SNN-LN',
      nameVi: 'Lâm nghiệp',
      nameEn: 'Forestry',
      procedures: [
        {
          nameVi: 'Phê duyệt phương án quản lý rừng bền vững của chủ rừng là tổ chức',
          nameEn: 'Sustainable forest management plan',
          days: 20,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Văn bản đề nghị phê duyệt phương án quản lý rừng bền vững', 'Request letter', 1, 0),
            doc('Phương án quản lý rừng bền vững', 'Forest management plan', 1, 0),
          ],
          result: 'Quyết định phê duyệt phương án quản lý rừng bền vững',
          legalBasis: `${FOREST_LAW}; Thông tư 28/2018/TT-BNNPTNT`,
        },
        {
          nameVi:
            'Phê duyệt hồ sơ thiết kế, dự toán công trình lâm sinh (đối với công trình lâm sinh thuộc dự ' +
            'án do Chủ tịch UBND cấp tỉnh quyết định đầu tư)',
          nameEn: 'Silviculture works design and estimate',
          days: 20,
          online: 'none',
          level: 'province',
          documents: [
            doc('Tờ trình đề nghị thẩm định, phê duyệt thiết kế, dự toán', 'Approval request', 1, 0),
            doc('Hồ sơ thiết kế, dự toán công trình lâm sinh', 'Design and estimate', 1, 0),
            doc('Bản sao quyết định phê duyệt dự án', 'Project approval', 0, 1),
          ],
          result: 'Quyết định phê duyệt thiết kế, dự toán công trình lâm sinh',
          legalBasis: `${FOREST_LAW}; Thông tư 15/2019/TT-BNNPTNT`,
        },
        {
          nameVi: 'Chuyển loại rừng đối với khu rừng do Ủy ban nhân dân cấp tỉnh quyết định thành lập',
          nameEn: 'Forest category change',
          days: 30,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Tờ trình đề nghị chuyển loại rừng', 'Request letter', 1, 0),
            doc('Báo cáo thuyết minh hiện trạng khu rừng đề nghị chuyển loại', 'Forest status report', 1, 0),
            doc('Bản đồ hiện trạng khu rừng', 'Forest map', 1, 0),
          ],
          result: 'Quyết định chuyển loại rừng',
          legalBasis: FOREST_LAW,
        },
        {
          nameVi:
            'Đăng ký mã số cơ sở nuôi, trồng các loài động vật rừng, thực vật rừng nguy cấp, quý, hiếm ' +
            'nhóm II và động vật, thực vật hoang dã nguy cấp thuộc Phụ lục II, III CITES',
          nameEn: 'Register a farm of protected wildlife',
          days: 5,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đề nghị cấp mã số cơ sở nuôi, trồng', 'Application form', 1, 0),
            doc('Phương án nuôi, trồng', 'Breeding plan', 1, 0),
            doc('Bản sao hồ sơ nguồn gốc hợp pháp của mẫu vật', 'Proof of legal origin', 0, 1),
          ],
          result: 'Giấy chứng nhận mã số cơ sở nuôi, trồng',
          legalBasis: `${FOREST_LAW}; Nghị định 06/2019/NĐ-CP`,
        },
      ],
    },
    {
      code: 'SNN-QLCL',
      nameVi: 'Quản lý chất lượng nông lâm sản và thủy sản',
      nameEn: 'Agro-food quality',
      procedures: [
        {
          nameVi:
            'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh ' +
            'nông lâm thủy sản',
          nameEn: 'Food safety certificate (agro-products)',
          days: 15,
          online: 'partial',
          level: 'province',
          documents: [
            doc(
              'Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
              'Application form',
              1,
              0,
            ),
            doc('Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ', 'Facility description', 1, 0),
            doc(
              'Danh sách chủ cơ sở và người trực tiếp sản xuất đã được tập huấn',
              'Trained staff list',
              1,
              0,
            ),
          ],
          fees: [fee('Phí thẩm định cơ sở sản xuất, kinh doanh thực phẩm', 'Inspection fee', 700000)],
          result: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
          legalBasis: AGRI_QUALITY_LAW,
        },
        {
          nameVi:
            'Cấp lại Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (trường hợp trước 06 tháng tính ' +
            'đến ngày Giấy chứng nhận hết hạn)',
          nameEn: 'Renew a food safety certificate (agro)',
          days: 10,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp lại Giấy chứng nhận', 'Renewal request', 1, 0),
            doc('Bản thuyết minh về cơ sở vật chất (có cập nhật)', 'Updated facility description', 1, 0),
          ],
          fees: [fee('Phí thẩm định cơ sở sản xuất, kinh doanh thực phẩm', 'Inspection fee', 700000)],
          result: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
          legalBasis: AGRI_QUALITY_LAW,
        },
        {
          nameVi: 'Xác nhận nội dung quảng cáo đối với sản phẩm thực phẩm nông lâm thủy sản',
          nameEn: 'Agro-food advertising approval',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị xác nhận nội dung quảng cáo', 'Application form', 1, 0),
            doc('Nội dung dự kiến quảng cáo', 'Draft advertising content', 1, 0),
            BIZ_CERT_COPY,
          ],
          result: 'Giấy xác nhận nội dung quảng cáo',
          legalBasis: AGRI_QUALITY_LAW,
        },
      ],
    },
  ],
};

// -----------------------------------------------------------------------------------------------------------
// 6. Sở Giao thông vận tải

const LICENCE_LAW = 'Luật Giao thông đường bộ 2008; Thông tư 12/2017/TT-BGTVT; Thông tư 188/2016/TT-BTC';
const TRANSPORT_LAW = 'Luật Giao thông đường bộ 2008; Nghị định 86/2014/NĐ-CP; Thông tư 63/2014/TT-BGTVT';
const ROAD_INFRA_LAW = 'Luật Giao thông đường bộ 2008; Nghị định 11/2010/NĐ-CP; Thông tư 50/2015/TT-BGTVT';
const INLAND_WATER_LAW = 'Luật Giao thông đường thủy nội địa 2004 (sửa đổi 2014)';
const LICENCE_FEE = fee('Lệ phí cấp giấy phép lái xe', 'Driving licence fee', 135000);
const DRIVING_FORM = doc('Đơn đề nghị đổi, cấp lại giấy phép lái xe', 'Application form', 1, 0);

const SGTVT: DemoAgency = {
  code: 'SGTVT',
  kind: 'department',
  nameVi: 'Sở Giao thông vận tải',
  nameEn: 'Department of Transport',
  shortName: 'Giao thông vận tải',
  fields: [
    {
      code: 'SGTVT-DB',
      nameVi: 'Đường bộ',
      nameEn: 'Road transport',
      procedures: [
        {
          nameVi: 'Cấp đổi giấy phép lái xe do ngành Giao thông vận tải cấp',
          nameEn: 'Renew or exchange a driving licence',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [
            DRIVING_FORM,
            HEALTH_CERT,
            doc('Bản sao giấy phép lái xe', 'Copy of driving licence', 0, 1),
            ID_COPY,
          ],
          fees: [LICENCE_FEE],
          result: 'Giấy phép lái xe',
          legalBasis: LICENCE_LAW,
        },
        {
          nameVi: 'Cấp lại giấy phép lái xe',
          nameEn: 'Replace a lost driving licence',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [DRIVING_FORM, HEALTH_CERT, ID_COPY],
          fees: [LICENCE_FEE],
          result: 'Giấy phép lái xe',
          legalBasis: LICENCE_LAW,
          cases: [
            {
              nameVi: 'Giấy phép lái xe quá hạn từ 03 tháng trở lên, phải sát hạch lại',
              nameEn: 'Expired over 3 months: re-examination',
              days: 30,
            },
          ],
        },
        {
          nameVi: 'Đổi giấy phép lái xe do ngành Công an cấp',
          nameEn: 'Exchange a police-issued driving licence',
          days: 5,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            DRIVING_FORM,
            doc('Bản sao giấy phép lái xe do ngành Công an cấp', 'Copy of police licence', 0, 1),
            doc('Quyết định ra quân hoặc thôi việc', 'Discharge decision', 0, 1),
            ID_COPY,
          ],
          fees: [LICENCE_FEE],
          result: 'Giấy phép lái xe',
          legalBasis: LICENCE_LAW,
        },
        {
          nameVi: 'Cấp Giấy phép lái xe quốc tế',
          nameEn: 'International driving permit',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [
            doc('Tờ khai đề nghị cấp Giấy phép lái xe quốc tế', 'Application form', 1, 0),
            doc('Bản sao giấy phép lái xe quốc gia', 'Copy of national licence', 0, 1),
            doc('Bản sao hộ chiếu còn thời hạn', 'Copy of passport', 0, 1),
          ],
          fees: [fee('Lệ phí cấp Giấy phép lái xe quốc tế', 'Permit fee', 135000)],
          result: 'Giấy phép lái xe quốc tế',
          legalBasis: 'Luật Giao thông đường bộ 2008; Thông tư 29/2015/TT-BGTVT; Thông tư 188/2016/TT-BTC',
        },
        {
          nameVi: 'Cấp Giấy phép kinh doanh vận tải bằng xe ô tô',
          nameEn: 'Road transport business licence',
          days: 5,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Giấy đề nghị cấp Giấy phép kinh doanh vận tải bằng xe ô tô', 'Application form', 1, 0),
            BIZ_CERT_COPY,
            doc(
              'Bản sao văn bằng, chứng chỉ của người trực tiếp điều hành vận tải',
              'Transport manager qualification',
              0,
              1,
            ),
            doc('Phương án kinh doanh vận tải bằng xe ô tô', 'Transport business plan', 1, 0),
          ],
          fees: [fee('Lệ phí cấp Giấy phép kinh doanh vận tải', 'Licence fee', 200000)],
          result: 'Giấy phép kinh doanh vận tải bằng xe ô tô',
          legalBasis: TRANSPORT_LAW,
        },
        {
          nameVi:
            'Cấp phù hiệu xe taxi, xe hợp đồng, xe vận tải hàng hóa bằng công-ten-nơ, xe tải, xe đầu kéo',
          nameEn: 'Vehicle badge (taxi, contract, freight)',
          days: 2,
          online: 'full',
          level: 'province',
          documents: [
            doc('Giấy đề nghị cấp phù hiệu', 'Application form', 1, 0),
            doc('Bản sao Giấy đăng ký xe ô tô', 'Copy of vehicle registration', 0, 1),
            doc(
              'Bản sao hợp đồng thuê phương tiện (nếu không thuộc sở hữu)',
              'Lease contract (if leased)',
              0,
              1,
            ),
          ],
          result: 'Phù hiệu xe',
          legalBasis: TRANSPORT_LAW,
        },
        {
          nameVi: 'Đăng ký khai thác tuyến vận tải hành khách cố định bằng xe ô tô',
          nameEn: 'Register a fixed passenger route',
          days: 2,
          online: 'full',
          level: 'province',
          documents: [
            doc('Giấy đăng ký khai thác tuyến', 'Route registration', 1, 0),
            doc('Phương án khai thác tuyến', 'Route operating plan', 1, 0),
          ],
          result: 'Thông báo đăng ký khai thác tuyến thành công',
          legalBasis: TRANSPORT_LAW,
        },
        {
          nameVi: 'Cấp Giấy phép xe tập lái',
          nameEn: 'Learner vehicle permit',
          days: 1,
          online: 'none',
          level: 'province',
          documents: [
            doc('Danh sách xe đề nghị cấp Giấy phép xe tập lái', 'List of vehicles', 1, 0),
            doc('Bản sao Giấy chứng nhận kiểm định an toàn kỹ thuật', 'Roadworthiness certificate', 0, 1),
          ],
          result: 'Giấy phép xe tập lái',
          legalBasis: 'Nghị định 65/2016/NĐ-CP; Thông tư 12/2017/TT-BGTVT',
        },
        {
          nameVi: 'Đăng ký, cấp biển số xe máy chuyên dùng lần đầu',
          nameEn: 'First registration of special-use machinery',
          days: 3,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Tờ khai đăng ký xe máy chuyên dùng', 'Registration form', 1, 0),
            doc('Chứng từ xác định quyền sở hữu xe máy chuyên dùng', 'Proof of ownership', 1, 0),
            doc('Chứng từ nguồn gốc xe máy chuyên dùng', 'Proof of origin', 1, 0),
          ],
          fees: [fee('Lệ phí cấp đăng ký, biển số xe máy chuyên dùng', 'Registration fee', 200000)],
          result: 'Giấy chứng nhận đăng ký và biển số xe máy chuyên dùng',
          legalBasis: 'Luật Giao thông đường bộ 2008; Thông tư 22/2019/TT-BGTVT',
        },
        {
          nameVi: 'Cấp Giấy chứng nhận giáo viên dạy thực hành lái xe',
          nameEn: 'Driving instructor certificate',
          days: 3,
          online: 'partial',
          level: 'province',
          documents: [
            doc(
              'Văn bản đề nghị của cơ sở đào tạo kèm danh sách giáo viên',
              'Request and instructor list',
              1,
              0,
            ),
            doc(
              'Bản sao văn bằng, chứng chỉ và giấy phép lái xe của giáo viên',
              'Instructor qualifications',
              0,
              1,
            ),
            doc(
              'Giấy chứng nhận đã qua tập huấn về nghiệp vụ dạy thực hành lái xe',
              'Teaching training proof',
              0,
              1,
            ),
          ],
          result: 'Giấy chứng nhận giáo viên dạy thực hành lái xe',
          legalBasis: 'Nghị định 65/2016/NĐ-CP; Thông tư 12/2017/TT-BGTVT',
        },
      ],
    },
    {
      code: 'SGTVT-HT',
      nameVi: 'Quản lý kết cấu hạ tầng giao thông đường bộ',
      nameEn: 'Road infrastructure',
      procedures: [
        {
          nameVi: 'Cấp giấy phép thi công công trình đường bộ trên quốc lộ đang khai thác',
          nameEn: 'Permit for works on a national road',
          days: 7,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp giấy phép thi công', 'Application form', 1, 0),
            doc(
              'Bản sao văn bản chấp thuận xây dựng của cơ quan có thẩm quyền',
              'Construction approval',
              0,
              1,
            ),
            doc(
              'Hồ sơ thiết kế và phương án tổ chức thi công bảo đảm an toàn giao thông',
              'Design and traffic plan',
              1,
              0,
            ),
          ],
          result: 'Giấy phép thi công',
          legalBasis: ROAD_INFRA_LAW,
        },
        {
          nameVi:
            'Chấp thuận xây dựng công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng giao thông ' +
            'đường bộ của đường bộ đang khai thác thuộc phạm vi quản lý của tỉnh',
          nameEn: 'Approve essential works within road protection zones',
          days: 7,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị chấp thuận xây dựng công trình thiết yếu', 'Application form', 1, 0),
            doc('Hồ sơ thiết kế công trình thiết yếu', 'Design documents', 1, 0),
          ],
          result: 'Văn bản chấp thuận xây dựng công trình thiết yếu',
          legalBasis: ROAD_INFRA_LAW,
        },
        {
          nameVi:
            'Chấp thuận thiết kế kỹ thuật và phương án tổ chức thi công của nút giao đấu nối vào đường tỉnh',
          nameEn: 'Approve a junction design on a provincial road',
          days: 7,
          online: 'none',
          level: 'province',
          documents: [
            doc('Đơn đề nghị chấp thuận thiết kế nút giao', 'Application form', 1, 0),
            doc('Bản sao văn bản chấp thuận chủ trương đấu nối', 'Connection approval', 0, 1),
            doc('Hồ sơ thiết kế kỹ thuật nút giao và phương án tổ chức giao thông', 'Junction design', 1, 0),
          ],
          result: 'Văn bản chấp thuận thiết kế kỹ thuật và phương án tổ chức thi công',
          legalBasis: ROAD_INFRA_LAW,
        },
        {
          nameVi:
            'Cấp giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn, xe bánh xích, xe vận chuyển ' +
            'hàng siêu trường, siêu trọng trên đường bộ',
          nameEn: 'Oversize or overweight vehicle permit',
          days: 2,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp giấy phép lưu hành xe', 'Application form', 1, 0),
            doc('Bản sao Giấy đăng ký xe', 'Copy of vehicle registration', 0, 1),
            doc(
              'Phương án vận chuyển (trường hợp phải khảo sát, gia cố đường)',
              'Haulage plan (if required)',
              1,
              0,
            ),
          ],
          result: 'Giấy phép lưu hành xe',
          legalBasis: 'Luật Giao thông đường bộ 2008; Thông tư 46/2015/TT-BGTVT',
        },
      ],
    },
    {
      code: 'SGTVT-DTND',
      nameVi: 'Đường thủy nội địa',
      nameEn: 'Inland waterways',
      procedures: [
        {
          nameVi: 'Đăng ký phương tiện thủy nội địa lần đầu đối với phương tiện đang khai thác',
          nameEn: 'First registration of an inland vessel',
          days: 3,
          online: 'none',
          level: 'province',
          documents: [
            doc('Đơn đề nghị đăng ký phương tiện thủy nội địa', 'Registration form', 1, 0),
            doc(
              'Giấy chứng nhận an toàn kỹ thuật và bảo vệ môi trường của phương tiện',
              'Safety certificate',
              0,
              1,
            ),
            doc('Giấy tờ chứng minh quyền sở hữu phương tiện', 'Proof of ownership', 1, 0),
            PHOTOS,
          ],
          fees: [fee('Lệ phí đăng ký phương tiện thủy nội địa', 'Registration fee', 70000)],
          result: 'Giấy chứng nhận đăng ký phương tiện thủy nội địa',
          legalBasis: `${INLAND_WATER_LAW}; Thông tư 75/2014/TT-BGTVT`,
        },
        {
          nameVi: 'Công bố hoạt động bến thủy nội địa',
          nameEn: 'Publish an inland wharf',
          days: 5,
          online: 'none',
          level: 'province',
          documents: [
            doc('Đơn đề nghị công bố hoạt động bến thủy nội địa', 'Application form', 1, 0),
            doc(
              'Bản sao quyết định đầu tư và biên bản nghiệm thu bến',
              'Investment and acceptance records',
              0,
              1,
            ),
            doc('Bình đồ vùng nước trước bến', 'Chart of the berth waters', 1, 0),
          ],
          result: 'Quyết định công bố hoạt động bến thủy nội địa',
          legalBasis: `${INLAND_WATER_LAW}; Thông tư 50/2014/TT-BGTVT`,
        },
        {
          nameVi: 'Cấp giấy phép hoạt động bến khách ngang sông',
          nameEn: 'River ferry landing permit',
          days: 5,
          online: 'none',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp giấy phép hoạt động bến khách ngang sông', 'Application form', 1, 0),
            doc('Sơ đồ vị trí bến và phương án đảm bảo an toàn', 'Site plan and safety plan', 1, 0),
          ],
          result: 'Giấy phép hoạt động bến khách ngang sông',
          legalBasis: `${INLAND_WATER_LAW}; Thông tư 50/2014/TT-BGTVT`,
        },
      ],
    },
  ],
};

// -----------------------------------------------------------------------------------------------------------
// 7. Sở Xây dựng

const BUILD_PERMIT_LAW = 'Luật Xây dựng 2014; Nghị định 59/2015/NĐ-CP; Thông tư 15/2016/TT-BXD';
const BUILD_CERT_LAW = 'Luật Xây dựng 2014; Nghị định 100/2018/NĐ-CP; Thông tư 172/2016/TT-BTC';
const HOUSING_LAW = 'Luật Nhà ở 2014; Nghị định 99/2015/NĐ-CP';
const REAL_ESTATE_LAW = 'Luật Kinh doanh bất động sản 2014; Nghị định 76/2015/NĐ-CP; Thông tư 11/2015/TT-BXD';
const PLANNING_LAW = 'Luật Xây dựng 2014; Nghị định 44/2015/NĐ-CP';
const BUILD_PERMIT_FORM = doc('Đơn đề nghị cấp giấy phép xây dựng', 'Permit application', 1, 0);
const LAND_CERT_COPY = doc(
  'Bản sao giấy tờ chứng minh quyền sử dụng đất',
  'Copy of land use right certificate',
  0,
  1,
  true,
);
const BUILD_PERMIT_FEE = fee('Lệ phí cấp giấy phép xây dựng công trình', 'Construction permit fee', 150000);

const SXD: DemoAgency = {
  code: 'SXD',
  kind: 'department',
  nameVi: 'Sở Xây dựng',
  nameEn: 'Department of Construction',
  shortName: 'Xây dựng',
  fields: [
    {
      code: 'SXD-HDXD',
      nameVi: 'Hoạt động xây dựng',
      nameEn: 'Construction permits',
      procedures: [
        {
          nameVi: 'Cấp giấy phép xây dựng mới đối với công trình cấp I, II',
          nameEn: 'Construction permit (grade I, II works)',
          days: 20,
          online: 'partial',
          level: 'province',
          interAgency: true,
          documents: [
            BUILD_PERMIT_FORM,
            LAND_CERT_COPY,
            doc(
              'Bản sao quyết định phê duyệt dự án, văn bản thông báo kết quả thẩm định thiết kế',
              'Project approval and design appraisal',
              0,
              1,
            ),
            doc(
              'Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng)',
              'Construction drawings',
              2,
              0,
            ),
          ],
          fees: [BUILD_PERMIT_FEE],
          result: 'Giấy phép xây dựng',
          legalBasis: BUILD_PERMIT_LAW,
        },
        {
          nameVi: 'Cấp giấy phép xây dựng mới đối với công trình tôn giáo',
          nameEn: 'Construction permit (religious works)',
          days: 20,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            BUILD_PERMIT_FORM,
            LAND_CERT_COPY,
            doc(
              'Văn bản chấp thuận về sự cần thiết xây dựng của cơ quan quản lý nhà nước về tôn giáo',
              'Religious affairs approval',
              0,
              1,
            ),
            doc('Bản vẽ thiết kế xây dựng', 'Construction drawings', 2, 0),
          ],
          fees: [BUILD_PERMIT_FEE],
          result: 'Giấy phép xây dựng',
          legalBasis: BUILD_PERMIT_LAW,
        },
        {
          nameVi: 'Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình',
          nameEn: 'Renovation permit',
          days: 20,
          online: 'partial',
          level: 'province',
          documents: [
            BUILD_PERMIT_FORM,
            LAND_CERT_COPY,
            doc(
              'Bản vẽ, ảnh chụp hiện trạng của bộ phận, hạng mục công trình sửa chữa, cải tạo',
              'Current state drawings and photos',
              1,
              0,
            ),
            doc('Bản vẽ thiết kế sửa chữa, cải tạo', 'Renovation drawings', 2, 0),
          ],
          fees: [BUILD_PERMIT_FEE],
          result: 'Giấy phép sửa chữa, cải tạo công trình',
          legalBasis: BUILD_PERMIT_LAW,
        },
        {
          nameVi: 'Cấp điều chỉnh giấy phép xây dựng đối với công trình cấp I, II',
          nameEn: 'Amend a construction permit',
          days: 20,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị điều chỉnh giấy phép xây dựng', 'Amendment request', 1, 0),
            doc('Bản chính giấy phép xây dựng đã được cấp', 'Original permit', 1, 0),
            doc('Bản vẽ thiết kế điều chỉnh', 'Amended drawings', 2, 0),
          ],
          fees: [BUILD_PERMIT_FEE],
          result: 'Giấy phép xây dựng điều chỉnh',
          legalBasis: BUILD_PERMIT_LAW,
        },
        {
          nameVi: 'Gia hạn giấy phép xây dựng đối với công trình cấp I, II',
          nameEn: 'Extend a construction permit',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn đề nghị gia hạn giấy phép xây dựng', 'Extension request', 1, 0),
            doc('Bản chính giấy phép xây dựng đã được cấp', 'Original permit', 1, 0),
          ],
          fees: [fee('Lệ phí gia hạn giấy phép xây dựng', 'Extension fee', 15000)],
          result: 'Giấy phép xây dựng được gia hạn',
          legalBasis: BUILD_PERMIT_LAW,
        },
        {
          nameVi: 'Thẩm định Báo cáo nghiên cứu khả thi đầu tư xây dựng, thiết kế cơ sở',
          nameEn: 'Appraise a feasibility study',
          days: 30,
          online: 'partial',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Tờ trình thẩm định dự án đầu tư xây dựng', 'Appraisal request', 1, 0),
            doc('Báo cáo nghiên cứu khả thi đầu tư xây dựng', 'Feasibility study', 1, 0),
            doc('Hồ sơ khảo sát xây dựng và thiết kế cơ sở', 'Survey and basic design', 1, 0),
            doc('Bản sao văn bản phê duyệt chủ trương đầu tư', 'Investment policy approval', 0, 1),
          ],
          result: 'Văn bản thông báo kết quả thẩm định dự án',
          legalBasis: 'Luật Xây dựng 2014; Nghị định 59/2015/NĐ-CP; Nghị định 42/2017/NĐ-CP',
          cases: [{ nameVi: 'Dự án nhóm C', nameEn: 'Group C project', days: 20 }],
        },
        {
          nameVi: 'Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở',
          nameEn: 'Appraise detailed design',
          days: 30,
          online: 'none',
          level: 'province',
          documents: [
            doc('Tờ trình thẩm định thiết kế xây dựng', 'Appraisal request', 1, 0),
            doc('Hồ sơ thiết kế xây dựng triển khai sau thiết kế cơ sở', 'Detailed design', 1, 0),
            doc('Bản sao quyết định phê duyệt dự án', 'Project approval', 0, 1),
          ],
          result: 'Văn bản thông báo kết quả thẩm định thiết kế xây dựng',
          legalBasis: 'Luật Xây dựng 2014; Nghị định 59/2015/NĐ-CP; Thông tư 18/2016/TT-BXD',
          cases: [{ nameVi: 'Công trình cấp III', nameEn: 'Grade III works', days: 20 }],
        },
        {
          nameVi: 'Cấp giấy phép di dời đối với công trình cấp I, II',
          nameEn: 'Permit to relocate a building',
          days: 20,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp giấy phép di dời công trình', 'Application form', 1, 0),
            LAND_CERT_COPY,
            doc('Bản vẽ tổng mặt bằng nơi công trình sẽ di dời tới', 'Site plan of the destination', 1, 0),
            doc(
              'Phương án di dời do tổ chức, cá nhân đủ điều kiện năng lực thực hiện',
              'Relocation plan',
              1,
              0,
            ),
          ],
          fees: [BUILD_PERMIT_FEE],
          result: 'Giấy phép di dời công trình',
          legalBasis: BUILD_PERMIT_LAW,
        },
      ],
    },
    {
      code: 'SXD-NL',
      nameVi: 'Năng lực hoạt động xây dựng',
      nameEn: 'Construction certificates',
      procedures: [
        {
          nameVi: 'Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III',
          nameEn: 'Construction practice certificate (class II, III)',
          days: 20,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp chứng chỉ hành nghề hoạt động xây dựng', 'Application form', 1, 0),
            doc('Bản sao văn bằng đào tạo chuyên môn', 'Copy of degree', 0, 1),
            doc('Bản khai kinh nghiệm công tác chuyên môn', 'Experience statement', 1, 0),
            PHOTOS,
          ],
          fees: [fee('Lệ phí cấp chứng chỉ hành nghề hoạt động xây dựng', 'Certificate fee', 300000)],
          result: 'Chứng chỉ hành nghề hoạt động xây dựng',
          legalBasis: BUILD_CERT_LAW,
        },
        {
          nameVi: 'Cấp chứng chỉ năng lực hoạt động xây dựng hạng II, hạng III',
          nameEn: 'Organisation capability certificate (class II, III)',
          days: 20,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp chứng chỉ năng lực hoạt động xây dựng', 'Application form', 1, 0),
            BIZ_CERT_COPY,
            doc('Danh sách cá nhân chủ chốt kèm chứng chỉ hành nghề', 'Key personnel and certificates', 1, 0),
            doc('Bản kê khai kinh nghiệm thực hiện công việc', 'Project experience', 1, 0),
          ],
          fees: [fee('Phí thẩm định cấp chứng chỉ năng lực hoạt động xây dựng', 'Appraisal fee', 1000000)],
          result: 'Chứng chỉ năng lực hoạt động xây dựng',
          legalBasis: BUILD_CERT_LAW,
        },
        {
          nameVi:
            'Cấp lại chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III (do chứng chỉ cũ hết hạn sử ' +
            'dụng, bị mất hoặc hư hỏng)',
          nameEn: 'Reissue a construction practice certificate',
          days: 10,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp lại chứng chỉ hành nghề', 'Reissue request', 1, 0),
            doc('Bản gốc chứng chỉ hành nghề (trường hợp bị hư hỏng)', 'Damaged certificate', 1, 0),
            PHOTOS,
          ],
          fees: [fee('Lệ phí cấp lại chứng chỉ hành nghề', 'Reissue fee', 150000)],
          result: 'Chứng chỉ hành nghề hoạt động xây dựng',
          legalBasis: BUILD_CERT_LAW,
        },
      ],
    },
    {
      code: 'SXD-NO',
      nameVi: 'Nhà ở và kinh doanh bất động sản',
      nameEn: 'Housing and real estate',
      procedures: [
        {
          nameVi: 'Thông báo nhà ở hình thành trong tương lai đủ điều kiện được bán, thuê mua',
          nameEn: 'Confirm off-plan housing may be sold',
          days: 15,
          online: 'none',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị của chủ đầu tư', 'Developer request', 1, 0),
            doc(
              'Bản sao giấy tờ về quyền sử dụng đất, quyết định phê duyệt dự án',
              'Land and project approval',
              0,
              1,
            ),
            doc('Biên bản nghiệm thu hoàn thành phần móng của nhà ở', 'Foundation acceptance record', 0, 1),
            doc('Hợp đồng bảo lãnh của ngân hàng', 'Bank guarantee', 0, 1),
          ],
          result: 'Văn bản thông báo nhà ở đủ điều kiện được bán, thuê mua',
          legalBasis: REAL_ESTATE_LAW,
        },
        {
          nameVi: 'Bán nhà ở cũ thuộc sở hữu nhà nước',
          nameEn: 'Sale of old state-owned housing',
          days: 30,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Đơn đề nghị mua nhà ở cũ', 'Purchase application', 1, 0),
            doc('Bản sao hợp đồng thuê nhà ở', 'Copy of lease contract', 0, 1),
            ID_COPY,
            HOUSEHOLD_COPY,
          ],
          result: 'Hợp đồng mua bán nhà ở cũ thuộc sở hữu nhà nước',
          legalBasis: HOUSING_LAW,
        },
        {
          nameVi: 'Cấp mới chứng chỉ hành nghề môi giới bất động sản',
          nameEn: 'Real estate broker licence',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp chứng chỉ hành nghề môi giới bất động sản', 'Application form', 1, 0),
            doc('Bản sao giấy chứng nhận kết quả sát hạch đạt yêu cầu', 'Exam result certificate', 0, 1),
            PHOTOS,
          ],
          fees: [fee('Lệ phí cấp chứng chỉ hành nghề môi giới bất động sản', 'Licence fee', 200000)],
          result: 'Chứng chỉ hành nghề môi giới bất động sản',
          legalBasis: REAL_ESTATE_LAW,
        },
        {
          nameVi:
            'Chuyển nhượng toàn bộ hoặc một phần dự án bất động sản do UBND cấp tỉnh quyết định việc đầu tư',
          nameEn: 'Transfer a real estate project',
          days: 30,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Đơn đề nghị cho phép chuyển nhượng dự án', 'Transfer request', 1, 0),
            doc('Hồ sơ dự án và bản sao quyết định phê duyệt dự án', 'Project file and approval', 0, 1),
            doc('Báo cáo quá trình thực hiện dự án', 'Project progress report', 1, 0),
            doc('Dự thảo hợp đồng chuyển nhượng dự án', 'Draft transfer contract', 1, 0),
          ],
          result: 'Quyết định cho phép chuyển nhượng dự án',
          legalBasis: REAL_ESTATE_LAW,
        },
      ],
    },
    {
      code: 'SXD-QH',
      nameVi: 'Quy hoạch xây dựng',
      nameEn: 'Construction planning',
      procedures: [
        {
          nameVi:
            'Cấp giấy phép quy hoạch dự án đầu tư xây dựng công trình thuộc thẩm quyền cấp giấy phép của ' +
            'UBND cấp tỉnh',
          nameEn: 'Planning permit',
          days: 20,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp giấy phép quy hoạch', 'Application form', 1, 0),
            doc('Sơ đồ vị trí địa điểm đề nghị cấp giấy phép quy hoạch', 'Site location plan', 1, 0),
            doc('Dự kiến phạm vi, quy mô, chức năng dự án', 'Draft project scope', 1, 0),
          ],
          fees: [fee('Lệ phí cấp giấy phép quy hoạch', 'Planning permit fee', 2000000)],
          result: 'Giấy phép quy hoạch',
          legalBasis: PLANNING_LAW,
        },
        {
          nameVi:
            'Thẩm định đồ án, đồ án điều chỉnh quy hoạch chi tiết của dự án đầu tư xây dựng công trình ' +
            'theo hình thức kinh doanh thuộc thẩm quyền phê duyệt của UBND cấp tỉnh',
          nameEn: 'Appraise a detailed plan',
          days: 25,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Tờ trình đề nghị thẩm định, phê duyệt đồ án quy hoạch', 'Appraisal request', 1, 0),
            doc('Thuyết minh và bản vẽ đồ án quy hoạch', 'Plan report and drawings', 1, 0),
            doc('Văn bản góp ý của các tổ chức, cá nhân và cộng đồng dân cư', 'Consultation results', 1, 0),
          ],
          result: 'Quyết định phê duyệt đồ án quy hoạch chi tiết',
          legalBasis: PLANNING_LAW,
        },
      ],
    },
  ],
};

// -----------------------------------------------------------------------------------------------------------
// 8. Sở Tài nguyên và Môi trường

const LAND_LAW =
  'Luật Đất đai 2013; Nghị định 43/2014/NĐ-CP; Nghị định 01/2017/NĐ-CP; Thông tư 24/2014/TT-BTNMT';
const ENV_LAW = 'Luật Bảo vệ môi trường 2014; Nghị định 18/2015/NĐ-CP; Nghị định 40/2019/NĐ-CP';
const WATER_LAW = 'Luật Tài nguyên nước 2012; Nghị định 201/2013/NĐ-CP; Thông tư 27/2014/TT-BTNMT';
const MINERAL_LAW = 'Luật Khoáng sản 2010; Nghị định 158/2016/NĐ-CP; Thông tư 191/2016/TT-BTC';
const LAND_CERT_ORIGINAL = doc(
  'Bản gốc Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất',
  'Original land use right certificate',
  1,
  0,
);

const STNMT: DemoAgency = {
  code: 'STNMT',
  kind: 'department',
  nameVi: 'Sở Tài nguyên và Môi trường',
  nameEn: 'Department of Natural Resources and Environment',
  shortName: 'Tài nguyên và Môi trường',
  fields: [
    {
      code: 'STNMT-DD',
      nameVi: 'Đất đai',
      nameEn: 'Land',
      procedures: [
        {
          nameVi:
            'Giao đất, cho thuê đất không thông qua hình thức đấu giá quyền sử dụng đất đối với dự án ' +
            'phải trình cơ quan nhà nước có thẩm quyền xét duyệt hoặc phải cấp giấy chứng nhận đầu tư',
          nameEn: 'Land allocation or lease without auction',
          days: 20,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Đơn xin giao đất, cho thuê đất', 'Land application', 1, 0),
            doc('Bản sao Giấy chứng nhận đầu tư hoặc văn bản chấp thuận đầu tư', 'Investment approval', 0, 1),
            doc('Trích lục bản đồ địa chính hoặc trích đo địa chính thửa đất', 'Cadastral extract', 1, 0),
            doc(
              'Văn bản thẩm định nhu cầu sử dụng đất, điều kiện giao đất, cho thuê đất',
              'Land need appraisal',
              1,
              0,
            ),
          ],
          result: 'Quyết định giao đất, cho thuê đất; hợp đồng thuê đất',
          legalBasis: LAND_LAW,
        },
        {
          nameVi:
            'Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền đối với tổ chức',
          nameEn: 'Change land use purpose (organisations)',
          days: 15,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Đơn xin chuyển mục đích sử dụng đất', 'Application form', 1, 0),
            LAND_CERT_ORIGINAL,
            doc('Văn bản thẩm định nhu cầu sử dụng đất', 'Land need appraisal', 1, 0),
          ],
          result: 'Quyết định cho phép chuyển mục đích sử dụng đất',
          legalBasis: LAND_LAW,
        },
        {
          nameVi:
            'Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền ' +
            'với đất lần đầu đối với tổ chức',
          nameEn: 'First land certificate (organisations)',
          days: 30,
          online: 'partial',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Đơn đăng ký, cấp Giấy chứng nhận', 'Registration form', 1, 0),
            doc('Giấy tờ về quyền sử dụng đất', 'Land use documents', 0, 1),
            doc('Giấy tờ về tài sản gắn liền với đất (nếu có)', 'Property documents (if any)', 0, 1),
            doc('Chứng từ thực hiện nghĩa vụ tài chính', 'Proof of financial obligations', 0, 1),
          ],
          fees: [fee('Lệ phí cấp Giấy chứng nhận (tổ chức)', 'Certificate fee (organisation)', 500000)],
          result: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất',
          legalBasis: LAND_LAW,
        },
        {
          nameVi:
            'Đăng ký biến động về sử dụng đất, tài sản gắn liền với đất do thay đổi thông tin về người ' +
            'được cấp Giấy chứng nhận (đổi tên hoặc giấy tờ pháp nhân, nhân thân, địa chỉ)',
          nameEn: 'Update holder details on a land certificate',
          days: 10,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn đăng ký biến động đất đai, tài sản gắn liền với đất', 'Change registration form', 1, 0),
            LAND_CERT_ORIGINAL,
            doc('Giấy tờ chứng minh nội dung thay đổi', 'Proof of the change', 0, 1),
          ],
          fees: [fee('Lệ phí chứng nhận đăng ký biến động', 'Change registration fee', 30000)],
          result: 'Giấy chứng nhận đã được xác nhận thay đổi',
          legalBasis: LAND_LAW,
        },
        {
          nameVi: 'Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất',
          nameEn: 'Register a land mortgage',
          days: 1,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Phiếu yêu cầu đăng ký thế chấp', 'Mortgage registration form', 1, 0),
            doc('Hợp đồng thế chấp có công chứng, chứng thực', 'Notarised mortgage contract', 1, 0),
            LAND_CERT_ORIGINAL,
          ],
          fees: [fee('Lệ phí đăng ký giao dịch bảo đảm', 'Secured transaction fee', 80000)],
          result: 'Giấy chứng nhận đã được chứng nhận nội dung đăng ký thế chấp',
          legalBasis: 'Luật Đất đai 2013; Nghị định 102/2017/NĐ-CP; Thông tư 07/2019/TT-BTP',
        },
        {
          nameVi: 'Xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất',
          nameEn: 'Deregister a land mortgage',
          days: 1,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Phiếu yêu cầu xóa đăng ký thế chấp', 'Deregistration form', 1, 0),
            LAND_CERT_ORIGINAL,
            doc(
              'Văn bản đồng ý xóa đăng ký thế chấp của bên nhận thế chấp',
              'Consent of the mortgagee',
              1,
              0,
            ),
          ],
          fees: [fee('Lệ phí xóa đăng ký giao dịch bảo đảm', 'Deregistration fee', 20000)],
          result: 'Giấy chứng nhận đã được xác nhận xóa đăng ký thế chấp',
          legalBasis: 'Luật Đất đai 2013; Nghị định 102/2017/NĐ-CP',
        },
        {
          nameVi: 'Cung cấp dữ liệu đất đai',
          nameEn: 'Land data extract',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [
            doc('Phiếu yêu cầu cung cấp dữ liệu đất đai', 'Data request form', 1, 0),
            POWER_OF_ATTORNEY,
          ],
          fees: [fee('Phí khai thác và sử dụng tài liệu đất đai', 'Data access fee', 300000)],
          result: 'Dữ liệu đất đai được cung cấp',
          legalBasis: 'Luật Đất đai 2013; Thông tư 34/2014/TT-BTNMT',
        },
      ],
    },
    {
      code: 'STNMT-MT',
      nameVi: 'Môi trường',
      nameEn: 'Environment',
      procedures: [
        {
          nameVi: 'Thẩm định, phê duyệt báo cáo đánh giá tác động môi trường',
          nameEn: 'Environmental impact assessment',
          days: 30,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Văn bản đề nghị thẩm định báo cáo đánh giá tác động môi trường', 'Appraisal request', 1, 0),
            doc('Báo cáo đánh giá tác động môi trường', 'EIA report', 7, 0),
            doc('Báo cáo nghiên cứu khả thi hoặc tài liệu tương đương của dự án', 'Feasibility study', 1, 0),
          ],
          fees: [fee('Phí thẩm định báo cáo đánh giá tác động môi trường', 'EIA appraisal fee', 5000000)],
          result: 'Quyết định phê duyệt báo cáo đánh giá tác động môi trường',
          legalBasis: ENV_LAW,
        },
        {
          nameVi:
            'Kiểm tra, xác nhận hoàn thành công trình bảo vệ môi trường phục vụ giai đoạn vận hành của dự án',
          nameEn: 'Confirm completion of environmental works',
          days: 15,
          online: 'none',
          level: 'province',
          documents: [
            doc(
              'Văn bản đề nghị kiểm tra, xác nhận hoàn thành công trình bảo vệ môi trường',
              'Request letter',
              1,
              0,
            ),
            doc('Báo cáo kết quả thực hiện các công trình bảo vệ môi trường', 'Completion report', 1, 0),
            doc('Bản sao quyết định phê duyệt báo cáo đánh giá tác động môi trường', 'EIA approval', 0, 1),
          ],
          result: 'Giấy xác nhận hoàn thành công trình bảo vệ môi trường',
          legalBasis: ENV_LAW,
        },
        {
          nameVi: 'Đăng ký chủ nguồn thải chất thải nguy hại',
          nameEn: 'Register as a hazardous waste generator',
          days: 15,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đăng ký chủ nguồn thải chất thải nguy hại', 'Registration form', 1, 0),
            doc(
              'Bản sao báo cáo đánh giá tác động môi trường hoặc kế hoạch bảo vệ môi trường',
              'EIA or environmental plan',
              0,
              1,
            ),
          ],
          result: 'Sổ đăng ký chủ nguồn thải chất thải nguy hại',
          legalBasis: 'Luật Bảo vệ môi trường 2014; Nghị định 38/2015/NĐ-CP; Thông tư 36/2015/TT-BTNMT',
        },
        {
          nameVi:
            'Thẩm định, phê duyệt phương án cải tạo, phục hồi môi trường đối với hoạt động khai thác ' +
            'khoáng sản',
          nameEn: 'Mine rehabilitation plan',
          days: 30,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            doc(
              'Văn bản đề nghị thẩm định phương án cải tạo, phục hồi môi trường',
              'Appraisal request',
              1,
              0,
            ),
            doc('Phương án cải tạo, phục hồi môi trường', 'Rehabilitation plan', 7, 0),
            doc('Bản sao dự án đầu tư khai thác khoáng sản', 'Mining project', 0, 1),
          ],
          fees: [fee('Phí thẩm định phương án cải tạo, phục hồi môi trường', 'Appraisal fee', 5000000)],
          result: 'Quyết định phê duyệt phương án cải tạo, phục hồi môi trường',
          legalBasis: ENV_LAW,
        },
      ],
    },
    {
      code: 'STNMT-TNN',
      nameVi: 'Tài nguyên nước',
      nameEn: 'Water resources',
      procedures: [
        {
          nameVi:
            'Cấp giấy phép thăm dò nước dưới đất đối với công trình có lưu lượng dưới 3.000 m3/ngày đêm',
          nameEn: 'Groundwater exploration permit',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp giấy phép thăm dò nước dưới đất', 'Application form', 1, 0),
            doc('Đề án thiết kế giếng thăm dò', 'Exploration well design', 1, 0),
          ],
          fees: [fee('Phí thẩm định đề án thăm dò nước dưới đất', 'Appraisal fee', 400000)],
          result: 'Giấy phép thăm dò nước dưới đất',
          legalBasis: WATER_LAW,
        },
        {
          nameVi:
            'Cấp giấy phép khai thác, sử dụng nước mặt cho sản xuất nông nghiệp, nuôi trồng thủy sản với ' +
            'lưu lượng dưới 2 m3/giây',
          nameEn: 'Surface water abstraction permit',
          days: 30,
          online: 'none',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp giấy phép khai thác, sử dụng nước mặt', 'Application form', 1, 0),
            doc('Đề án khai thác, sử dụng nước', 'Abstraction plan', 1, 0),
            doc('Kết quả phân tích chất lượng nguồn nước', 'Water quality analysis', 1, 0),
            doc('Sơ đồ vị trí công trình khai thác nước', 'Site plan', 1, 0),
          ],
          fees: [fee('Phí thẩm định đề án khai thác, sử dụng nước mặt', 'Appraisal fee', 600000)],
          result: 'Giấy phép khai thác, sử dụng nước mặt',
          legalBasis: WATER_LAW,
        },
        {
          nameVi: 'Cấp giấy phép xả nước thải vào nguồn nước với lưu lượng dưới 30.000 m3/ngày đêm',
          nameEn: 'Wastewater discharge permit',
          days: 30,
          online: 'none',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp giấy phép xả nước thải vào nguồn nước', 'Application form', 1, 0),
            doc('Đề án xả nước thải vào nguồn nước', 'Discharge plan', 1, 0),
            doc('Kết quả phân tích chất lượng nước thải và nguồn tiếp nhận', 'Water quality analysis', 1, 0),
            doc('Sơ đồ vị trí khu vực xả nước thải', 'Site plan', 1, 0),
          ],
          fees: [fee('Phí thẩm định đề án xả nước thải', 'Appraisal fee', 600000)],
          result: 'Giấy phép xả nước thải vào nguồn nước',
          legalBasis: WATER_LAW,
        },
      ],
    },
    {
      code: 'STNMT-KS',
      nameVi: 'Địa chất và khoáng sản',
      nameEn: 'Geology and minerals',
      procedures: [
        {
          nameVi: 'Cấp Giấy phép thăm dò khoáng sản',
          nameEn: 'Mineral exploration licence',
          days: 30,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Đơn đề nghị cấp Giấy phép thăm dò khoáng sản', 'Application form', 1, 0),
            doc('Bản đồ khu vực thăm dò khoáng sản', 'Exploration area map', 1, 0),
            doc('Đề án thăm dò khoáng sản', 'Exploration plan', 1, 0),
            doc('Bản cam kết bảo vệ môi trường', 'Environmental commitment', 1, 0),
            BIZ_CERT_COPY,
          ],
          fees: [fee('Phí thẩm định đề án thăm dò khoáng sản', 'Appraisal fee', 4000000)],
          result: 'Giấy phép thăm dò khoáng sản',
          legalBasis: MINERAL_LAW,
        },
        {
          nameVi: 'Cấp Giấy phép khai thác khoáng sản',
          nameEn: 'Mining licence',
          days: 30,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Đơn đề nghị cấp Giấy phép khai thác khoáng sản', 'Application form', 1, 0),
            doc('Bản đồ khu vực khai thác khoáng sản', 'Mining area map', 1, 0),
            doc(
              'Dự án đầu tư khai thác khoáng sản kèm quyết định phê duyệt',
              'Mining project and approval',
              1,
              0,
            ),
            doc('Bản sao quyết định phê duyệt báo cáo đánh giá tác động môi trường', 'EIA approval', 0, 1),
            BIZ_CERT_COPY,
          ],
          fees: [fee('Lệ phí cấp giấy phép khai thác khoáng sản', 'Licence fee', 15000000)],
          result: 'Giấy phép khai thác khoáng sản',
          legalBasis: MINERAL_LAW,
        },
        {
          nameVi: 'Đóng cửa mỏ khoáng sản',
          nameEn: 'Mine closure',
          days: 30,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Đơn đề nghị đóng cửa mỏ khoáng sản', 'Closure request', 1, 0),
            doc('Đề án đóng cửa mỏ khoáng sản', 'Closure plan', 1, 0),
            doc('Bản đồ hiện trạng khu vực khai thác', 'Site status map', 1, 0),
          ],
          result: 'Quyết định đóng cửa mỏ khoáng sản',
          legalBasis: MINERAL_LAW,
        },
        {
          nameVi: 'Gia hạn Giấy phép khai thác khoáng sản',
          nameEn: 'Extend a mining licence',
          days: 30,
          online: 'none',
          level: 'province',
          documents: [
            doc('Đơn đề nghị gia hạn Giấy phép khai thác khoáng sản', 'Extension request', 1, 0),
            doc('Bản đồ hiện trạng khai thác mỏ', 'Current mining map', 1, 0),
            doc(
              'Báo cáo kết quả hoạt động khai thác khoáng sản đến thời điểm đề nghị gia hạn',
              'Mining report',
              1,
              0,
            ),
            doc('Chứng từ nộp tiền cấp quyền khai thác khoáng sản', 'Proof of mining right payments', 0, 1),
          ],
          fees: [fee('Lệ phí gia hạn giấy phép khai thác khoáng sản', 'Extension fee', 7500000)],
          result: 'Giấy phép khai thác khoáng sản (gia hạn)',
          legalBasis: MINERAL_LAW,
        },
      ],
    },
  ],
};

// -----------------------------------------------------------------------------------------------------------
// 9. Sở Thông tin và Truyền thông

const PUBLISHING_LAW = 'Luật Xuất bản 2012; Nghị định 195/2013/NĐ-CP; Nghị định 60/2014/NĐ-CP';
const PRESS_LAW = 'Luật Báo chí 2016; Thông tư 48/2016/TT-BTTTT';
const INTERNET_LAW = 'Nghị định 72/2013/NĐ-CP; Nghị định 27/2018/NĐ-CP; Thông tư 09/2014/TT-BTTTT';
const POSTAL_LAW = 'Luật Bưu chính 2010; Nghị định 47/2011/NĐ-CP';

const STTTT: DemoAgency = {
  code: 'STTTT',
  kind: 'department',
  nameVi: 'Sở Thông tin và Truyền thông',
  nameEn: 'Department of Information and Communications',
  shortName: 'Thông tin và Truyền thông',
  fields: [
    {
      code: 'STTTT-XB',
      nameVi: 'Xuất bản, in và phát hành',
      nameEn: 'Publishing and printing',
      procedures: [
        {
          nameVi: 'Cấp giấy phép hoạt động in',
          nameEn: 'Printing licence',
          days: 15,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp giấy phép hoạt động in', 'Application form', 1, 0),
            BIZ_CERT_COPY,
            doc('Bản sao giấy tờ chứng minh quyền sở hữu thiết bị in', 'Proof of equipment ownership', 0, 1),
            doc('Bản sao giấy tờ chứng minh về mặt bằng sản xuất', 'Proof of premises', 0, 1),
          ],
          result: 'Giấy phép hoạt động in',
          legalBasis: PUBLISHING_LAW,
        },
        {
          nameVi: 'Đăng ký hoạt động cơ sở in',
          nameEn: 'Register a printing facility',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [
            doc('Tờ khai đăng ký hoạt động cơ sở in', 'Registration form', 1, 0),
            BIZ_CERT_COPY,
            doc('Bản sao giấy tờ chứng minh quyền sở hữu thiết bị in', 'Proof of equipment ownership', 0, 1),
          ],
          result: 'Giấy xác nhận đăng ký hoạt động cơ sở in',
          legalBasis: PUBLISHING_LAW,
        },
        {
          nameVi: 'Cấp giấy phép xuất bản tài liệu không kinh doanh',
          nameEn: 'Non-commercial publication permit',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp giấy phép xuất bản tài liệu không kinh doanh', 'Application form', 1, 0),
            doc('Tài liệu đề nghị cấp giấy phép xuất bản (02 bản in)', 'Publication draft (2 prints)', 2, 0),
          ],
          fees: [
            fee(
              'Phí thẩm định nội dung tài liệu không kinh doanh (theo trang)',
              'Content review fee',
              100000,
            ),
          ],
          result: 'Giấy phép xuất bản tài liệu không kinh doanh',
          legalBasis: PUBLISHING_LAW,
        },
        {
          nameVi: 'Cấp giấy xác nhận đăng ký hoạt động phát hành xuất bản phẩm',
          nameEn: 'Register book distribution',
          days: 15,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn đề nghị xác nhận đăng ký hoạt động phát hành xuất bản phẩm', 'Application form', 1, 0),
            BIZ_CERT_COPY,
          ],
          result: 'Giấy xác nhận đăng ký hoạt động phát hành xuất bản phẩm',
          legalBasis: PUBLISHING_LAW,
        },
        {
          nameVi: 'Cấp giấy phép nhập khẩu xuất bản phẩm không kinh doanh',
          nameEn: 'Non-commercial import of publications',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp giấy phép nhập khẩu xuất bản phẩm', 'Application form', 1, 0),
            doc('Danh mục xuất bản phẩm nhập khẩu', 'List of publications', 3, 0),
          ],
          result: 'Giấy phép nhập khẩu xuất bản phẩm không kinh doanh',
          legalBasis: PUBLISHING_LAW,
        },
        {
          nameVi: 'Cấp giấy phép tổ chức triển lãm, hội chợ xuất bản phẩm',
          nameEn: 'Book fair permit',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc(
              'Đơn đề nghị cấp giấy phép tổ chức triển lãm, hội chợ xuất bản phẩm',
              'Application form',
              1,
              0,
            ),
            doc('Danh mục xuất bản phẩm tham gia triển lãm, hội chợ', 'List of publications', 1, 0),
            doc('Kế hoạch tổ chức triển lãm, hội chợ', 'Event plan', 1, 0),
          ],
          result: 'Giấy phép tổ chức triển lãm, hội chợ xuất bản phẩm',
          legalBasis: PUBLISHING_LAW,
        },
      ],
    },
    {
      code: 'STTTT-BC',
      nameVi: 'Báo chí',
      nameEn: 'Press',
      procedures: [
        {
          nameVi: 'Cấp giấy phép xuất bản bản tin (địa phương)',
          nameEn: 'Newsletter publication permit',
          days: 15,
          online: 'none',
          level: 'province',
          documents: [
            doc('Tờ khai đề nghị cấp giấy phép xuất bản bản tin', 'Application form', 1, 0),
            doc(
              'Sơ yếu lý lịch của người chịu trách nhiệm xuất bản bản tin',
              'CV of the responsible person',
              1,
              0,
            ),
            doc('Mẫu trình bày tên gọi và măng-sét bản tin', 'Masthead sample', 1, 0),
          ],
          result: 'Giấy phép xuất bản bản tin',
          legalBasis: PRESS_LAW,
        },
        {
          nameVi: 'Văn bản chấp thuận thay đổi nội dung giấy phép xuất bản bản tin (địa phương)',
          nameEn: 'Amend a newsletter permit',
          days: 7,
          online: 'full',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị thay đổi nội dung giấy phép', 'Amendment request', 1, 0),
            doc('Bản sao giấy phép xuất bản bản tin', 'Copy of permit', 0, 1),
          ],
          result: 'Văn bản chấp thuận thay đổi nội dung giấy phép xuất bản bản tin',
          legalBasis: PRESS_LAW,
        },
        {
          nameVi:
            'Trưng bày tranh, ảnh và các hình thức thông tin khác bên ngoài trụ sở cơ quan đại diện nước ' +
            'ngoài, tổ chức nước ngoài',
          nameEn: 'Outdoor display by foreign organisations',
          days: 7,
          online: 'none',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị trưng bày', 'Request letter', 1, 0),
            doc('Nội dung tranh, ảnh và thông tin dự kiến trưng bày', 'Display content', 1, 0),
          ],
          result: 'Văn bản chấp thuận trưng bày',
          legalBasis: 'Nghị định 88/2012/NĐ-CP',
        },
      ],
    },
    {
      code: 'STTTT-TTDT',
      nameVi: 'Phát thanh, truyền hình và thông tin điện tử',
      nameEn: 'Broadcasting and online information',
      procedures: [
        {
          nameVi: 'Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp',
          nameEn: 'Aggregated news website licence',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc(
              'Đơn đề nghị cấp giấy phép thiết lập trang thông tin điện tử tổng hợp',
              'Application form',
              1,
              0,
            ),
            BIZ_CERT_COPY,
            doc('Đề án hoạt động có chữ ký, dấu của người đứng đầu tổ chức', 'Operating plan', 1, 0),
            doc('Văn bản chấp thuận của các cơ quan cung cấp nguồn tin', 'Consent of news sources', 0, 1),
          ],
          fees: [
            fee('Phí thẩm định cấp giấy phép trang thông tin điện tử tổng hợp', 'Appraisal fee', 5000000),
          ],
          result: 'Giấy phép thiết lập trang thông tin điện tử tổng hợp',
          legalBasis: INTERNET_LAW,
        },
        {
          nameVi:
            'Cấp giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ trò chơi điện tử công cộng',
          nameEn: 'Public gaming venue certificate',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp giấy chứng nhận đủ điều kiện hoạt động', 'Application form', 1, 0),
            BIZ_CERT_COPY,
            ID_COPY,
          ],
          fees: [
            fee('Phí thẩm định điều kiện hoạt động điểm trò chơi điện tử công cộng', 'Appraisal fee', 600000),
          ],
          result: 'Giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ trò chơi điện tử công cộng',
          legalBasis: INTERNET_LAW,
        },
        {
          nameVi: 'Cấp Giấy chứng nhận đăng ký thu tín hiệu truyền hình nước ngoài trực tiếp từ vệ tinh',
          nameEn: 'Satellite TV reception registration',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [
            doc(
              'Tờ khai đăng ký thu tín hiệu truyền hình nước ngoài trực tiếp từ vệ tinh',
              'Registration form',
              1,
              0,
            ),
            BIZ_CERT_COPY,
            doc('Danh mục kênh chương trình truyền hình nước ngoài đề nghị thu', 'List of channels', 1, 0),
          ],
          result: 'Giấy chứng nhận đăng ký thu tín hiệu truyền hình nước ngoài trực tiếp từ vệ tinh',
          legalBasis: 'Nghị định 06/2016/NĐ-CP; Thông tư 19/2016/TT-BTTTT',
        },
      ],
    },
    {
      code: 'STTTT-BCVT',
      nameVi: 'Bưu chính',
      nameEn: 'Postal services',
      procedures: [
        {
          nameVi: 'Cấp giấy phép bưu chính (phạm vi nội tỉnh)',
          nameEn: 'Postal licence (within the province)',
          days: 30,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Giấy đề nghị cấp giấy phép bưu chính', 'Application form', 1, 0),
            BIZ_CERT_COPY,
            doc('Điều lệ tổ chức và hoạt động của doanh nghiệp', 'Company charter', 1, 0),
            doc('Phương án kinh doanh', 'Business plan', 1, 0),
            doc('Mẫu hợp đồng cung ứng và sử dụng dịch vụ bưu chính', 'Service contract template', 1, 0),
          ],
          fees: [fee('Phí thẩm định điều kiện hoạt động bưu chính', 'Appraisal fee', 10000000)],
          result: 'Giấy phép bưu chính',
          legalBasis: POSTAL_LAW,
        },
        {
          nameVi: 'Cấp văn bản xác nhận thông báo hoạt động bưu chính',
          nameEn: 'Confirm a postal activity notice',
          days: 7,
          online: 'full',
          level: 'province',
          documents: [
            doc('Văn bản thông báo hoạt động bưu chính', 'Activity notice', 1, 0),
            BIZ_CERT_COPY,
            doc('Mẫu hợp đồng cung ứng dịch vụ bưu chính', 'Service contract template', 1, 0),
          ],
          result: 'Văn bản xác nhận thông báo hoạt động bưu chính',
          legalBasis: POSTAL_LAW,
        },
      ],
    },
  ],
};

// -----------------------------------------------------------------------------------------------------------
// 10. Sở Lao động - Thương binh và Xã hội

const WORK_PERMIT_LAW = 'Bộ luật Lao động 2012; Nghị định 11/2016/NĐ-CP; Thông tư 40/2016/TT-BLĐTBXH';
const UNEMPLOYMENT_LAW = 'Luật Việc làm 2013; Nghị định 28/2015/NĐ-CP; Thông tư 28/2015/TT-BLĐTBXH';
const MERIT_LAW =
  'Pháp lệnh Ưu đãi người có công với cách mạng 2005 (sửa đổi 2012); Nghị định 31/2013/NĐ-CP; ' +
  'Thông tư 05/2013/TT-BLĐTBXH';
const SOCIAL_AID_LAW = 'Nghị định 103/2017/NĐ-CP; Nghị định 136/2013/NĐ-CP';
const VOCATIONAL_LAW = 'Luật Giáo dục nghề nghiệp 2014; Nghị định 143/2016/NĐ-CP; Nghị định 140/2018/NĐ-CP';
const MERIT_REQUEST = doc(
  'Đơn đề nghị (có xác nhận của Ủy ban nhân dân cấp xã)',
  'Request certified by the commune',
  1,
  0,
);

const SLDTBXH: DemoAgency = {
  code: 'SLDTBXH',
  kind: 'department',
  nameVi: 'Sở Lao động - Thương binh và Xã hội',
  nameEn: 'Department of Labour, Invalids and Social Affairs',
  shortName: 'Lao động - TB và XH',
  fields: [
    {
      code: 'SLDTBXH-VL',
      nameVi: 'Việc làm',
      nameEn: 'Employment',
      procedures: [
        {
          nameVi: 'Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam',
          nameEn: 'Work permit for a foreign worker',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [
            doc(
              'Văn bản đề nghị cấp giấy phép lao động của người sử dụng lao động',
              'Employer request',
              1,
              0,
            ),
            HEALTH_CERT,
            CRIMINAL_RECORD,
            doc(
              'Văn bản chứng minh là nhà quản lý, giám đốc điều hành, chuyên gia hoặc lao động kỹ thuật',
              'Proof of qualification',
              0,
              1,
            ),
            doc('Bản sao hộ chiếu còn giá trị', 'Copy of passport', 0, 1),
          ],
          fees: [fee('Lệ phí cấp giấy phép lao động', 'Work permit fee', 400000)],
          result: 'Giấy phép lao động',
          legalBasis: WORK_PERMIT_LAW,
        },
        {
          nameVi: 'Cấp lại giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam',
          nameEn: 'Reissue a work permit',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị cấp lại giấy phép lao động', 'Reissue request', 1, 0),
            doc(
              'Giấy phép lao động còn thời hạn đã được cấp (trừ trường hợp bị mất)',
              'Current permit',
              1,
              0,
            ),
            PHOTOS,
          ],
          fees: [fee('Lệ phí cấp lại giấy phép lao động', 'Reissue fee', 300000)],
          result: 'Giấy phép lao động',
          legalBasis: WORK_PERMIT_LAW,
        },
        {
          nameVi: 'Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động',
          nameEn: 'Work permit exemption confirmation',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị xác nhận không thuộc diện cấp giấy phép lao động', 'Request letter', 1, 0),
            doc(
              'Giấy tờ chứng minh người lao động thuộc diện không cấp giấy phép',
              'Proof of exemption',
              0,
              1,
            ),
          ],
          result: 'Văn bản xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động',
          legalBasis: WORK_PERMIT_LAW,
        },
        {
          nameVi: 'Báo cáo giải trình nhu cầu, thay đổi nhu cầu sử dụng người lao động nước ngoài',
          nameEn: 'Approve demand for foreign workers',
          days: 15,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Báo cáo giải trình nhu cầu sử dụng người lao động nước ngoài', 'Demand report', 1, 0),
            BIZ_CERT_COPY,
          ],
          result: 'Văn bản chấp thuận nhu cầu sử dụng người lao động nước ngoài',
          legalBasis: WORK_PERMIT_LAW,
        },
        {
          nameVi: 'Giải quyết hưởng trợ cấp thất nghiệp',
          nameEn: 'Unemployment benefit',
          days: 20,
          online: 'partial',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Đề nghị hưởng trợ cấp thất nghiệp', 'Benefit application', 1, 0),
            doc(
              'Bản sao hợp đồng lao động đã chấm dứt hoặc quyết định thôi việc',
              'Termination document',
              0,
              1,
            ),
            doc('Sổ bảo hiểm xã hội', 'Social insurance book', 1, 0, true),
            ID_COPY,
          ],
          result: 'Quyết định về việc hưởng trợ cấp thất nghiệp',
          legalBasis: UNEMPLOYMENT_LAW,
        },
        {
          nameVi: 'Cấp giấy phép hoạt động dịch vụ việc làm cho doanh nghiệp hoạt động dịch vụ việc làm',
          nameEn: 'Employment agency licence',
          days: 7,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị cấp giấy phép hoạt động dịch vụ việc làm', 'Application form', 1, 0),
            BIZ_CERT_COPY,
            doc('Giấy chứng nhận đã thực hiện ký quỹ', 'Deposit certificate', 1, 0),
            doc('Giấy tờ chứng minh địa điểm hoạt động', 'Proof of premises', 0, 1),
          ],
          result: 'Giấy phép hoạt động dịch vụ việc làm',
          legalBasis: 'Luật Việc làm 2013; Nghị định 52/2014/NĐ-CP',
        },
      ],
    },
    {
      code: 'SLDTBXH-NCC',
      nameVi: 'Người có công',
      nameEn: 'Veterans and people with merit',
      procedures: [
        {
          nameVi: 'Giải quyết chế độ trợ cấp thờ cúng liệt sĩ',
          nameEn: 'Allowance for worship of a martyr',
          days: 15,
          online: 'none',
          level: 'province',
          documents: [
            MERIT_REQUEST,
            doc(
              'Văn bản ủy quyền của các thân nhân liệt sĩ (nếu có)',
              'Power of attorney of relatives',
              1,
              0,
            ),
            doc('Bản sao Bằng Tổ quốc ghi công', 'Copy of martyr certificate', 0, 1),
          ],
          result: 'Quyết định trợ cấp thờ cúng liệt sĩ',
          legalBasis: MERIT_LAW,
        },
        {
          nameVi: 'Cấp giấy giới thiệu đi thăm viếng mộ liệt sĩ và hỗ trợ thăm viếng mộ liệt sĩ',
          nameEn: 'Visit to a martyr grave',
          days: 5,
          online: 'partial',
          level: 'province',
          documents: [
            MERIT_REQUEST,
            doc('Giấy báo tin mộ liệt sĩ (nếu có)', 'Grave notification (if any)', 0, 1),
          ],
          result: 'Giấy giới thiệu thăm viếng mộ liệt sĩ',
          legalBasis: MERIT_LAW,
        },
        {
          nameVi:
            'Di chuyển hài cốt liệt sĩ đang an táng tại nghĩa trang liệt sĩ đi nơi khác theo nguyện vọng ' +
            'của đại diện thân nhân',
          nameEn: 'Relocate the remains of a martyr',
          days: 10,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            MERIT_REQUEST,
            doc('Bản sao Bằng Tổ quốc ghi công', 'Copy of martyr certificate', 0, 1),
            doc('Giấy xác nhận vị trí mộ của Ban quản lý nghĩa trang', 'Cemetery confirmation', 1, 0),
          ],
          result: 'Giấy giới thiệu di chuyển hài cốt liệt sĩ',
          legalBasis: MERIT_LAW,
        },
        {
          nameVi: 'Giải quyết chế độ người hoạt động kháng chiến bị nhiễm chất độc hóa học',
          nameEn: 'Benefits for Agent Orange victims',
          days: 30,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Bản khai cá nhân (có xác nhận của Ủy ban nhân dân cấp xã)', 'Personal statement', 1, 0),
            doc(
              'Giấy tờ chứng minh thời gian hoạt động ở vùng bị rải chất độc hóa học',
              'Proof of service',
              0,
              1,
            ),
            doc('Bệnh án điều trị hoặc giấy chứng nhận bị dị dạng, dị tật', 'Medical record', 0, 1),
          ],
          result: 'Quyết định trợ cấp hằng tháng',
          legalBasis: MERIT_LAW,
        },
      ],
    },
    {
      code: 'SLDTBXH-BTXH',
      nameVi: 'Bảo trợ xã hội',
      nameEn: 'Social protection',
      procedures: [
        {
          nameVi:
            'Đăng ký thành lập cơ sở trợ giúp xã hội ngoài công lập thuộc thẩm quyền thành lập của Sở Lao ' +
            'động - Thương binh và Xã hội',
          nameEn: 'Register a private social assistance facility',
          days: 5,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Tờ khai đăng ký thành lập cơ sở trợ giúp xã hội', 'Registration form', 1, 0),
            doc('Dự thảo quy chế hoạt động của cơ sở', 'Draft operating rules', 1, 0),
            doc('Bản sao giấy tờ chứng minh quyền sử dụng cơ sở vật chất', 'Proof of premises', 0, 1),
          ],
          result: 'Giấy chứng nhận đăng ký thành lập cơ sở trợ giúp xã hội',
          legalBasis: SOCIAL_AID_LAW,
        },
        {
          nameVi:
            'Cấp giấy phép hoạt động đối với cơ sở trợ giúp xã hội có giấy phép hoạt động do Sở Lao động ' +
            '- Thương binh và Xã hội cấp',
          nameEn: 'Operating licence for a social assistance facility',
          days: 15,
          online: 'none',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị cấp giấy phép hoạt động', 'Application form', 1, 0),
            doc(
              'Bản sao quyết định thành lập hoặc giấy chứng nhận đăng ký thành lập',
              'Establishment certificate',
              0,
              1,
            ),
            doc('Danh sách nhân viên, chứng chỉ hành nghề của người làm công tác xã hội', 'Staff list', 1, 0),
            doc('Quy chế hoạt động của cơ sở', 'Operating rules', 1, 0),
          ],
          result: 'Giấy phép hoạt động cơ sở trợ giúp xã hội',
          legalBasis: SOCIAL_AID_LAW,
        },
        {
          nameVi:
            'Tiếp nhận đối tượng bảo trợ xã hội có hoàn cảnh đặc biệt khó khăn vào cơ sở trợ giúp xã hội ' +
            'cấp tỉnh',
          nameEn: 'Admission to a provincial social care centre',
          days: 7,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Đơn đề nghị của đối tượng hoặc người giám hộ', 'Application', 1, 0),
            doc('Tờ khai thông tin của đối tượng', 'Personal data form', 1, 0),
            doc('Giấy xác nhận khuyết tật hoặc giấy tờ chứng minh hoàn cảnh', 'Proof of eligibility', 0, 1),
            ID_COPY,
          ],
          result: 'Quyết định tiếp nhận đối tượng vào cơ sở trợ giúp xã hội',
          legalBasis: SOCIAL_AID_LAW,
        },
      ],
    },
    {
      code: 'SLDTBXH-GDNN',
      nameVi: 'Giáo dục nghề nghiệp',
      nameEn: 'Vocational training',
      procedures: [
        {
          nameVi:
            'Cấp giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp đối với trung tâm giáo dục nghề ' +
            'nghiệp, trường trung cấp, doanh nghiệp',
          nameEn: 'Register vocational training activity',
          days: 10,
          online: 'full',
          level: 'province',
          documents: [
            doc(
              'Văn bản đề nghị cấp giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp',
              'Application form',
              1,
              0,
            ),
            doc('Bản sao quyết định thành lập hoặc cho phép thành lập', 'Establishment decision', 0, 1),
            doc(
              'Báo cáo thực trạng về cơ sở vật chất, thiết bị, chương trình, đội ngũ nhà giáo',
              'Capacity report',
              1,
              0,
            ),
          ],
          result: 'Giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp',
          legalBasis: VOCATIONAL_LAW,
        },
        {
          nameVi:
            'Cấp giấy chứng nhận đăng ký bổ sung hoạt động giáo dục nghề nghiệp đối với trung tâm giáo ' +
            'dục nghề nghiệp, trường trung cấp, doanh nghiệp',
          nameEn: 'Add vocational training programmes',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị đăng ký bổ sung hoạt động giáo dục nghề nghiệp', 'Application form', 1, 0),
            doc('Báo cáo các điều kiện bảo đảm cho ngành, nghề đăng ký bổ sung', 'Capacity report', 1, 0),
          ],
          result: 'Giấy chứng nhận đăng ký bổ sung hoạt động giáo dục nghề nghiệp',
          legalBasis: VOCATIONAL_LAW,
        },
        {
          nameVi: 'Cho phép thành lập trung tâm giáo dục nghề nghiệp tư thục',
          nameEn: 'Establish a private vocational centre',
          days: 15,
          online: 'none',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị cho phép thành lập', 'Application letter', 1, 0),
            doc('Đề án thành lập trung tâm giáo dục nghề nghiệp', 'Establishment plan', 1, 0),
            doc('Bản sao giấy tờ chứng minh quyền sử dụng đất, cơ sở vật chất', 'Proof of premises', 0, 1),
          ],
          result: 'Quyết định cho phép thành lập trung tâm giáo dục nghề nghiệp tư thục',
          legalBasis: VOCATIONAL_LAW,
        },
      ],
    },
  ],
};

// -----------------------------------------------------------------------------------------------------------
// 11. Sở Văn hóa, Thể thao và Du lịch

const TOURISM_LAW = 'Luật Du lịch 2017; Nghị định 168/2017/NĐ-CP; Thông tư 33/2018/TT-BTC';
const PERFORMANCE_LAW = 'Nghị định 79/2012/NĐ-CP; Nghị định 15/2016/NĐ-CP; Thông tư 288/2016/TT-BTC';
const KARAOKE_LAW = 'Nghị định 54/2019/NĐ-CP; Thông tư 212/2016/TT-BTC';
const SPORTS_LAW = 'Luật Thể dục, thể thao 2006 (sửa đổi 2018); Nghị định 36/2019/NĐ-CP';
const GUIDE_FEE = fee('Phí thẩm định cấp thẻ hướng dẫn viên du lịch', 'Tour guide card fee', 650000);

const SVHTTDL: DemoAgency = {
  code: 'SVHTTDL',
  kind: 'department',
  nameVi: 'Sở Văn hóa, Thể thao và Du lịch',
  nameEn: 'Department of Culture, Sports and Tourism',
  shortName: 'Văn hóa, Thể thao và Du lịch',
  fields: [
    {
      code: 'SVHTTDL-DL',
      nameVi: 'Du lịch',
      nameEn: 'Tourism',
      procedures: [
        {
          nameVi: 'Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa',
          nameEn: 'Domestic travel agency licence',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa', 'Application form', 1, 0),
            BIZ_CERT_COPY,
            doc('Giấy chứng nhận ký quỹ kinh doanh dịch vụ lữ hành nội địa', 'Deposit certificate', 1, 0),
            doc(
              'Bản sao văn bằng, chứng chỉ của người phụ trách kinh doanh dịch vụ lữ hành',
              'Manager qualification',
              0,
              1,
            ),
          ],
          fees: [
            fee('Phí thẩm định cấp giấy phép kinh doanh dịch vụ lữ hành nội địa', 'Appraisal fee', 3000000),
          ],
          result: 'Giấy phép kinh doanh dịch vụ lữ hành nội địa',
          legalBasis: TOURISM_LAW,
        },
        {
          nameVi: 'Cấp thẻ hướng dẫn viên du lịch nội địa',
          nameEn: 'Domestic tour guide card',
          days: 10,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp thẻ hướng dẫn viên du lịch', 'Application form', 1, 0),
            doc('Sơ yếu lý lịch có xác nhận', 'Certified CV', 1, 0),
            doc('Bản sao văn bằng, chứng chỉ nghiệp vụ hướng dẫn du lịch', 'Guide qualification', 0, 1),
            HEALTH_CERT,
            PHOTOS,
          ],
          fees: [GUIDE_FEE],
          result: 'Thẻ hướng dẫn viên du lịch nội địa',
          legalBasis: TOURISM_LAW,
        },
        {
          nameVi: 'Cấp thẻ hướng dẫn viên du lịch quốc tế',
          nameEn: 'International tour guide card',
          days: 10,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp thẻ hướng dẫn viên du lịch', 'Application form', 1, 0),
            doc('Sơ yếu lý lịch có xác nhận', 'Certified CV', 1, 0),
            doc('Bản sao văn bằng và chứng chỉ ngoại ngữ', 'Degree and language certificate', 0, 1),
            HEALTH_CERT,
            PHOTOS,
          ],
          fees: [GUIDE_FEE],
          result: 'Thẻ hướng dẫn viên du lịch quốc tế',
          legalBasis: TOURISM_LAW,
        },
        {
          nameVi: 'Cấp đổi thẻ hướng dẫn viên du lịch quốc tế, thẻ hướng dẫn viên du lịch nội địa',
          nameEn: 'Renew a tour guide card',
          days: 10,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp đổi thẻ hướng dẫn viên du lịch', 'Renewal form', 1, 0),
            doc('Giấy chứng nhận đã qua khóa cập nhật kiến thức', 'Refresher course certificate', 0, 1),
            PHOTOS,
          ],
          fees: [GUIDE_FEE],
          result: 'Thẻ hướng dẫn viên du lịch',
          legalBasis: TOURISM_LAW,
        },
        {
          nameVi: 'Công nhận hạng cơ sở lưu trú du lịch: hạng 1 sao, 2 sao đối với khách sạn, làng du lịch',
          nameEn: 'Hotel star rating (1-2 stars)',
          days: 30,
          online: 'none',
          level: 'province',
          calendarDays: true,
          documents: [
            doc('Đơn đề nghị công nhận hạng cơ sở lưu trú du lịch', 'Application form', 1, 0),
            doc('Bản tự đánh giá chất lượng cơ sở lưu trú du lịch theo tiêu chuẩn', 'Self-assessment', 1, 0),
            doc('Danh sách người quản lý và nhân viên kèm văn bằng, chứng chỉ', 'Staff list', 1, 0),
          ],
          fees: [fee('Phí thẩm định cơ sở lưu trú du lịch hạng 1 sao, 2 sao', 'Appraisal fee', 1500000)],
          result: 'Quyết định công nhận hạng cơ sở lưu trú du lịch',
          legalBasis: TOURISM_LAW,
        },
        {
          nameVi: 'Công nhận cơ sở kinh doanh dịch vụ ăn uống đạt tiêu chuẩn phục vụ khách du lịch',
          nameEn: 'Tourist-standard restaurant recognition',
          days: 15,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị công nhận cơ sở đạt tiêu chuẩn phục vụ khách du lịch', 'Application form', 1, 0),
            doc('Bản tự đánh giá cơ sở đạt tiêu chuẩn phục vụ khách du lịch', 'Self-assessment', 1, 0),
            BIZ_CERT_COPY,
          ],
          result: 'Quyết định công nhận và biển hiệu đạt tiêu chuẩn phục vụ khách du lịch',
          legalBasis: TOURISM_LAW,
        },
      ],
    },
    {
      code: 'SVHTTDL-NTBD',
      nameVi: 'Nghệ thuật biểu diễn',
      nameEn: 'Performing arts',
      procedures: [
        {
          nameVi:
            'Cấp giấy phép tổ chức biểu diễn nghệ thuật, trình diễn thời trang cho các tổ chức thuộc địa ' +
            'phương',
          nameEn: 'Performance or fashion show permit',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp giấy phép tổ chức biểu diễn nghệ thuật', 'Application form', 1, 0),
            doc(
              'Kịch bản, danh mục tác phẩm gắn với tác giả, người chịu trách nhiệm chương trình',
              'Programme and script',
              1,
              0,
            ),
            doc(
              'Bản nhạc hoặc kịch bản đối với tác phẩm đề nghị công diễn lần đầu',
              'Scores of new works',
              0,
              1,
            ),
          ],
          fees: [
            fee(
              'Phí thẩm định chương trình nghệ thuật biểu diễn (đến 50 phút)',
              'Programme review fee',
              1500000,
            ),
          ],
          result: 'Giấy phép tổ chức biểu diễn nghệ thuật, trình diễn thời trang',
          legalBasis: PERFORMANCE_LAW,
        },
        {
          nameVi: 'Cấp giấy phép tổ chức thi người đẹp, người mẫu trong phạm vi địa phương',
          nameEn: 'Beauty or model contest permit',
          days: 15,
          online: 'none',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp giấy phép tổ chức thi người đẹp, người mẫu', 'Application form', 1, 0),
            doc('Đề án tổ chức cuộc thi', 'Contest plan', 1, 0),
            doc('Quy chế cuộc thi', 'Contest rules', 1, 0),
          ],
          result: 'Giấy phép tổ chức thi người đẹp, người mẫu',
          legalBasis: PERFORMANCE_LAW,
        },
      ],
    },
    {
      code: 'SVHTTDL-VHCS',
      nameVi: 'Văn hóa cơ sở và quảng cáo',
      nameEn: 'Local culture and advertising',
      procedures: [
        {
          nameVi: 'Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke',
          nameEn: 'Karaoke licence',
          days: 5,
          online: 'partial',
          level: 'province',
          documents: [
            doc(
              'Đơn đề nghị cấp giấy phép đủ điều kiện kinh doanh dịch vụ karaoke',
              'Application form',
              1,
              0,
            ),
            BIZ_CERT_COPY,
            doc('Bản sao giấy tờ về phòng cháy và chữa cháy', 'Fire safety documents', 0, 1),
          ],
          fees: [
            fee(
              'Phí thẩm định cấp giấy phép kinh doanh karaoke (từ 01 đến 03 phòng)',
              'Appraisal fee (1-3 rooms)',
              2000000,
            ),
          ],
          result: 'Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke',
          legalBasis: KARAOKE_LAW,
        },
        {
          nameVi: 'Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ vũ trường',
          nameEn: 'Dance club licence',
          days: 5,
          online: 'partial',
          level: 'province',
          documents: [
            doc(
              'Đơn đề nghị cấp giấy phép đủ điều kiện kinh doanh dịch vụ vũ trường',
              'Application form',
              1,
              0,
            ),
            BIZ_CERT_COPY,
            doc('Bản sao giấy tờ về phòng cháy và chữa cháy', 'Fire safety documents', 0, 1),
          ],
          fees: [fee('Phí thẩm định cấp giấy phép kinh doanh vũ trường', 'Appraisal fee', 6000000)],
          result: 'Giấy phép đủ điều kiện kinh doanh dịch vụ vũ trường',
          legalBasis: KARAOKE_LAW,
        },
        {
          nameVi: 'Tiếp nhận hồ sơ thông báo sản phẩm quảng cáo trên bảng quảng cáo, băng-rôn',
          nameEn: 'Notify a billboard or banner advert',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [
            doc('Văn bản thông báo sản phẩm quảng cáo', 'Advertising notice', 1, 0),
            doc(
              'Ma-két sản phẩm quảng cáo in mầu có chữ ký của người chịu trách nhiệm',
              'Colour mock-up',
              1,
              0,
            ),
            doc(
              'Bản sao giấy tờ chứng minh sự hợp chuẩn, hợp quy của sản phẩm quảng cáo',
              'Product conformity',
              0,
              1,
            ),
          ],
          result: 'Văn bản tiếp nhận thông báo sản phẩm quảng cáo',
          legalBasis: 'Luật Quảng cáo 2012; Nghị định 181/2013/NĐ-CP',
        },
        {
          nameVi:
            'Cấp phép nhập khẩu văn hóa phẩm không nhằm mục đích kinh doanh thuộc thẩm quyền của Sở Văn ' +
            'hóa, Thể thao và Du lịch',
          nameEn: 'Non-commercial import of cultural goods',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp phép nhập khẩu văn hóa phẩm', 'Application form', 1, 0),
            doc('Bản sao vận đơn hoặc giấy báo nhận hàng', 'Bill of lading', 0, 1),
          ],
          result: 'Giấy phép nhập khẩu văn hóa phẩm',
          legalBasis: 'Nghị định 32/2012/NĐ-CP; Thông tư 22/2018/TT-BVHTTDL',
        },
      ],
    },
    {
      code: 'SVHTTDL-TDTT',
      nameVi: 'Thể dục thể thao',
      nameEn: 'Sports',
      procedures: [
        {
          nameVi: 'Cấp Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao',
          nameEn: 'Sports business certificate',
          days: 7,
          online: 'full',
          level: 'province',
          documents: [
            doc(
              'Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao',
              'Application form',
              1,
              0,
            ),
            doc('Bản tóm tắt tình hình chuẩn bị các điều kiện kinh doanh', 'Readiness summary', 1, 0),
            BIZ_CERT_COPY,
          ],
          result: 'Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao',
          legalBasis: SPORTS_LAW,
        },
        {
          nameVi: 'Cấp lại Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao',
          nameEn: 'Reissue a sports business certificate',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp lại Giấy chứng nhận', 'Reissue request', 1, 0),
            doc('Giấy chứng nhận đã được cấp (trường hợp bị hư hỏng)', 'Damaged certificate', 1, 0),
          ],
          result: 'Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao',
          legalBasis: SPORTS_LAW,
        },
        {
          nameVi:
            'Đăng cai tổ chức giải thi đấu vô địch từng môn thể thao của tỉnh, thành phố trực thuộc Trung ' +
            'ương',
          nameEn: 'Host a provincial championship',
          days: 10,
          online: 'none',
          level: 'province',
          documents: [
            doc('Đơn đề nghị đăng cai tổ chức giải thi đấu', 'Application form', 1, 0),
            doc('Điều lệ giải thi đấu', 'Competition rules', 1, 0),
            doc('Kế hoạch tổ chức giải và phương án bảo đảm an ninh, y tế', 'Event and safety plan', 1, 0),
          ],
          result: 'Quyết định cho phép đăng cai tổ chức giải thi đấu',
          legalBasis: SPORTS_LAW,
        },
      ],
    },
  ],
};

// -----------------------------------------------------------------------------------------------------------
// 12. Sở Khoa học và Công nghệ

const SCIENCE_LAW = 'Luật Khoa học và Công nghệ 2013; Nghị định 08/2014/NĐ-CP';
const STANDARDS_LAW =
  'Luật Tiêu chuẩn và Quy chuẩn kỹ thuật 2006; Thông tư 28/2012/TT-BKHCN; Thông tư 183/2016/TT-BTC';
const RADIATION_LAW = 'Luật Năng lượng nguyên tử 2008; Nghị định 07/2010/NĐ-CP; Thông tư 287/2016/TT-BTC';
const IP_LAW = 'Luật Sở hữu trí tuệ 2005 (sửa đổi 2009); Nghị định 105/2006/NĐ-CP; Nghị định 119/2010/NĐ-CP';

const SKHCN: DemoAgency = {
  code: 'SKHCN',
  kind: 'department',
  nameVi: 'Sở Khoa học và Công nghệ',
  nameEn: 'Department of Science and Technology',
  shortName: 'Khoa học và Công nghệ',
  fields: [
    {
      code: 'SKHCN-HDKH',
      nameVi: 'Hoạt động khoa học và công nghệ',
      nameEn: 'Science and technology',
      procedures: [
        {
          nameVi: 'Cấp Giấy chứng nhận đăng ký hoạt động lần đầu cho tổ chức khoa học và công nghệ',
          nameEn: 'Register a science and technology organisation',
          days: 15,
          online: 'none',
          level: 'province',
          documents: [
            doc('Đơn đăng ký hoạt động khoa học và công nghệ', 'Registration form', 1, 0),
            doc('Quyết định thành lập tổ chức khoa học và công nghệ', 'Establishment decision', 1, 0),
            doc('Điều lệ tổ chức và hoạt động', 'Charter', 1, 0),
            doc('Hồ sơ nhân lực và cơ sở vật chất - kỹ thuật', 'Staff and equipment files', 1, 0),
          ],
          result: 'Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ',
          legalBasis: `${SCIENCE_LAW}; Thông tư 03/2014/TT-BKHCN`,
        },
        {
          nameVi: 'Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ',
          nameEn: 'Science and technology enterprise certificate',
          days: 7,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị chứng nhận doanh nghiệp khoa học và công nghệ', 'Application form', 1, 0),
            BIZ_CERT_COPY,
            doc(
              'Văn bản xác nhận quyền sở hữu, sử dụng hợp pháp kết quả khoa học và công nghệ',
              'Proof of R&D results',
              0,
              1,
            ),
            doc(
              'Phương án sản xuất, kinh doanh sản phẩm hình thành từ kết quả khoa học và công nghệ',
              'Business plan',
              1,
              0,
            ),
          ],
          result: 'Giấy chứng nhận doanh nghiệp khoa học và công nghệ',
          legalBasis: `${SCIENCE_LAW}; Nghị định 13/2019/NĐ-CP`,
        },
        {
          nameVi: 'Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ không sử dụng ngân sách nhà nước',
          nameEn: 'Register results of a privately funded R&D task',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Phiếu đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ', 'Registration form', 1, 0),
            doc(
              'Báo cáo tổng hợp kết quả thực hiện nhiệm vụ (bản giấy và bản điện tử)',
              'Final report',
              1,
              0,
            ),
          ],
          result: 'Giấy chứng nhận đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ',
          legalBasis: `${SCIENCE_LAW}; Thông tư 14/2014/TT-BKHCN`,
        },
        {
          nameVi:
            'Đăng ký hợp đồng chuyển giao công nghệ (trừ những trường hợp thuộc thẩm quyền của Bộ Khoa ' +
            'học và Công nghệ)',
          nameEn: 'Register a technology transfer contract',
          days: 5,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị đăng ký chuyển giao công nghệ', 'Registration request', 1, 0),
            doc(
              'Bản gốc hoặc bản sao có chứng thực hợp đồng chuyển giao công nghệ',
              'Transfer contract',
              1,
              0,
            ),
            BIZ_CERT_COPY,
          ],
          result: 'Giấy chứng nhận đăng ký chuyển giao công nghệ',
          legalBasis: 'Luật Chuyển giao công nghệ 2017; Nghị định 76/2018/NĐ-CP',
        },
        {
          nameVi:
            'Thay đổi, bổ sung nội dung Giấy chứng nhận đăng ký hoạt động của tổ chức khoa học và công nghệ',
          nameEn: 'Amend a science organisation registration',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị thay đổi, bổ sung nội dung Giấy chứng nhận', 'Amendment request', 1, 0),
            doc(
              'Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ đã được cấp',
              'Current certificate',
              1,
              0,
            ),
            doc('Tài liệu chứng minh nội dung thay đổi', 'Proof of the change', 0, 1),
          ],
          result: 'Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ (thay đổi, bổ sung)',
          legalBasis: `${SCIENCE_LAW}; Thông tư 03/2014/TT-BKHCN`,
        },
      ],
    },
    {
      code: 'SKHCN-TDC',
      nameVi: 'Tiêu chuẩn, đo lường, chất lượng',
      nameEn: 'Standards, metrology and quality',
      procedures: [
        {
          nameVi:
            'Đăng ký công bố hợp chuẩn dựa trên kết quả tự đánh giá của tổ chức, cá nhân sản xuất, kinh ' +
            'doanh',
          nameEn: 'Declare conformity with a standard',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [
            doc('Bản công bố hợp chuẩn', 'Declaration of conformity', 1, 0),
            doc('Báo cáo tự đánh giá kèm kết quả thử nghiệm mẫu', 'Self-assessment and test report', 1, 0),
            BIZ_CERT_COPY,
          ],
          fees: [fee('Lệ phí cấp thông báo tiếp nhận hồ sơ công bố hợp chuẩn', 'Declaration fee', 150000)],
          result: 'Thông báo tiếp nhận hồ sơ công bố hợp chuẩn',
          legalBasis: STANDARDS_LAW,
        },
        {
          nameVi:
            'Đăng ký công bố hợp quy đối với các sản phẩm, hàng hóa, dịch vụ, quá trình, môi trường được ' +
            'quản lý bởi các quy chuẩn kỹ thuật quốc gia do Bộ Khoa học và Công nghệ ban hành',
          nameEn: 'Declare conformity with a technical regulation',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [
            doc('Bản công bố hợp quy', 'Declaration of conformity', 1, 0),
            doc(
              'Bản sao chứng chỉ chứng nhận hợp quy của tổ chức chứng nhận',
              'Conformity certificate',
              0,
              1,
            ),
            BIZ_CERT_COPY,
          ],
          fees: [fee('Lệ phí cấp thông báo tiếp nhận hồ sơ công bố hợp quy', 'Declaration fee', 150000)],
          result: 'Thông báo tiếp nhận hồ sơ công bố hợp quy',
          legalBasis: STANDARDS_LAW,
        },
        {
          nameVi:
            'Kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu thuộc trách nhiệm quản lý của Bộ Khoa học ' +
            'và Công nghệ',
          nameEn: 'Quality inspection of imported goods',
          days: 1,
          online: 'full',
          level: 'province',
          documents: [
            doc(
              'Bản đăng ký kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu',
              'Inspection registration',
              1,
              0,
            ),
            doc(
              'Bản sao hợp đồng, danh mục hàng hóa, hóa đơn, vận đơn, tờ khai hàng hóa nhập khẩu',
              'Trade documents',
              0,
              1,
            ),
            doc('Bản sao chứng chỉ chất lượng', 'Quality certificate', 0, 1),
          ],
          result: 'Thông báo kết quả kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu',
          legalBasis:
            'Luật Chất lượng sản phẩm, hàng hóa 2007; Nghị định 74/2018/NĐ-CP; Thông tư 07/2017/TT-BKHCN',
        },
      ],
    },
    {
      code: 'SKHCN-ATBX',
      nameVi: 'An toàn bức xạ và hạt nhân',
      nameEn: 'Radiation safety',
      procedures: [
        {
          nameVi: 'Cấp giấy phép tiến hành công việc bức xạ - Sử dụng thiết bị X-quang chẩn đoán trong y tế',
          nameEn: 'Licence for medical X-ray equipment',
          days: 15,
          online: 'none',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp giấy phép tiến hành công việc bức xạ', 'Application form', 1, 0),
            doc('Báo cáo đánh giá an toàn bức xạ', 'Radiation safety assessment', 1, 0),
            doc(
              'Bản sao chứng chỉ nhân viên bức xạ của người phụ trách an toàn',
              'Safety officer certificate',
              0,
              1,
            ),
            doc('Bản sao biên bản kiểm định thiết bị X-quang', 'Equipment test report', 0, 1),
          ],
          fees: [
            fee(
              'Phí thẩm định cấp giấy phép sử dụng thiết bị X-quang chẩn đoán trong y tế',
              'Appraisal fee',
              2000000,
            ),
          ],
          result: 'Giấy phép tiến hành công việc bức xạ',
          legalBasis: RADIATION_LAW,
        },
        {
          nameVi:
            'Gia hạn giấy phép tiến hành công việc bức xạ - Sử dụng thiết bị X-quang chẩn đoán trong y tế',
          nameEn: 'Renew a medical X-ray licence',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị gia hạn giấy phép', 'Renewal request', 1, 0),
            doc('Báo cáo đánh giá an toàn bức xạ (cập nhật)', 'Updated safety assessment', 1, 0),
            doc('Bản sao biên bản kiểm định thiết bị X-quang', 'Equipment test report', 0, 1),
          ],
          fees: [fee('Phí thẩm định gia hạn giấy phép', 'Renewal fee', 1000000)],
          result: 'Giấy phép tiến hành công việc bức xạ (gia hạn)',
          legalBasis: RADIATION_LAW,
        },
        {
          nameVi:
            'Cấp chứng chỉ nhân viên bức xạ cho người phụ trách an toàn cơ sở X-quang chẩn đoán trong y tế',
          nameEn: 'Radiation safety officer certificate',
          days: 10,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp chứng chỉ nhân viên bức xạ', 'Application form', 1, 0),
            doc('Bản sao văn bằng chuyên môn', 'Copy of degree', 0, 1),
            doc('Giấy chứng nhận đã qua đào tạo an toàn bức xạ', 'Radiation safety training', 0, 1),
            PHOTOS,
          ],
          fees: [fee('Phí thẩm định cấp chứng chỉ nhân viên bức xạ', 'Certificate fee', 200000)],
          result: 'Chứng chỉ nhân viên bức xạ',
          legalBasis: RADIATION_LAW,
        },
      ],
    },
    {
      code: 'SKHCN-SHTT',
      nameVi: 'Sở hữu trí tuệ',
      nameEn: 'Intellectual property',
      procedures: [
        {
          nameVi: 'Cấp Giấy chứng nhận tổ chức đủ điều kiện hoạt động giám định sở hữu công nghiệp',
          nameEn: 'Industrial property assessor organisation',
          days: 15,
          online: 'partial',
          level: 'province',
          documents: [
            doc(
              'Tờ khai yêu cầu cấp Giấy chứng nhận tổ chức giám định sở hữu công nghiệp',
              'Application form',
              1,
              0,
            ),
            BIZ_CERT_COPY,
            doc(
              'Bản sao Thẻ giám định viên sở hữu công nghiệp của các giám định viên',
              'Assessor cards',
              0,
              1,
            ),
          ],
          result: 'Giấy chứng nhận tổ chức đủ điều kiện hoạt động giám định sở hữu công nghiệp',
          legalBasis: IP_LAW,
        },
        {
          nameVi: 'Cấp lại Giấy chứng nhận tổ chức đủ điều kiện hoạt động giám định sở hữu công nghiệp',
          nameEn: 'Reissue an assessor organisation certificate',
          days: 5,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Tờ khai yêu cầu cấp lại Giấy chứng nhận', 'Reissue request', 1, 0),
            doc('Bản gốc Giấy chứng nhận bị hư hỏng (nếu có)', 'Damaged certificate (if any)', 1, 0),
          ],
          result: 'Giấy chứng nhận tổ chức đủ điều kiện hoạt động giám định sở hữu công nghiệp',
          legalBasis: IP_LAW,
        },
      ],
    },
  ],
};

// -----------------------------------------------------------------------------------------------------------
// 13. Sở Giáo dục và Đào tạo

const SCHOOL_LAW = 'Luật Giáo dục 2005 (sửa đổi 2009); Nghị định 46/2017/NĐ-CP; Nghị định 135/2018/NĐ-CP';
const DIPLOMA_LAW = 'Luật Giáo dục 2005 (sửa đổi 2009); Thông tư 19/2015/TT-BGDĐT';
const EXAM_LAW = 'Thông tư 04/2017/TT-BGDĐT; Thông tư 03/2019/TT-BGDĐT';

const SGDDT: DemoAgency = {
  code: 'SGDDT',
  kind: 'department',
  nameVi: 'Sở Giáo dục và Đào tạo',
  nameEn: 'Department of Education and Training',
  shortName: 'Giáo dục và Đào tạo',
  fields: [
    {
      code: 'SGDDT-HT',
      nameVi: 'Giáo dục và đào tạo thuộc hệ thống giáo dục quốc dân',
      nameEn: 'Schools and education centres',
      procedures: [
        {
          nameVi:
            'Thành lập trường trung học phổ thông công lập hoặc cho phép thành lập trường trung học phổ ' +
            'thông tư thục',
          nameEn: 'Establish an upper secondary school',
          days: 20,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Tờ trình đề nghị thành lập hoặc cho phép thành lập trường', 'Establishment request', 1, 0),
            doc('Đề án thành lập trường', 'Establishment plan', 1, 0),
            doc('Bản sao giấy tờ chứng minh quyền sử dụng đất', 'Proof of land use right', 0, 1),
          ],
          result: 'Quyết định thành lập hoặc cho phép thành lập trường trung học phổ thông',
          legalBasis: SCHOOL_LAW,
        },
        {
          nameVi: 'Cho phép trường trung học phổ thông hoạt động giáo dục',
          nameEn: 'Permit a school to start teaching',
          days: 20,
          online: 'none',
          level: 'province',
          documents: [
            doc('Tờ trình đề nghị cho phép hoạt động giáo dục', 'Request letter', 1, 0),
            doc(
              'Bản sao quyết định thành lập hoặc cho phép thành lập trường',
              'Establishment decision',
              0,
              1,
            ),
            doc('Danh sách cán bộ quản lý, giáo viên kèm bản sao văn bằng', 'Staff list and degrees', 1, 0),
            doc('Quy chế tổ chức và hoạt động của trường', 'School rules', 1, 0),
          ],
          result: 'Quyết định cho phép hoạt động giáo dục',
          legalBasis: SCHOOL_LAW,
        },
        {
          nameVi: 'Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục',
          nameEn: 'Permit a language or IT centre',
          days: 20,
          online: 'none',
          level: 'province',
          documents: [
            doc('Tờ trình đề nghị cho phép hoạt động giáo dục', 'Request letter', 1, 0),
            doc('Bản sao quyết định thành lập trung tâm', 'Establishment decision', 0, 1),
            doc('Danh sách giáo viên kèm văn bằng, chứng chỉ', 'Teacher list', 1, 0),
            doc('Chương trình, tài liệu giảng dạy', 'Curriculum and materials', 1, 0),
          ],
          result: 'Quyết định cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục',
          legalBasis: SCHOOL_LAW,
        },
        {
          nameVi: 'Cấp giấy phép tổ chức hoạt động dạy thêm, học thêm đối với cấp trung học phổ thông',
          nameEn: 'Private tutoring permit (upper secondary)',
          days: 10,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp giấy phép tổ chức hoạt động dạy thêm, học thêm', 'Application form', 1, 0),
            doc('Danh sách người tham gia dạy thêm kèm bản sao văn bằng', 'Tutor list and degrees', 1, 0),
            doc('Bản kế hoạch tổ chức dạy thêm, học thêm', 'Tutoring plan', 1, 0),
          ],
          result: 'Giấy phép tổ chức hoạt động dạy thêm, học thêm',
          legalBasis: 'Thông tư 17/2012/TT-BGDĐT',
        },
        {
          nameVi: 'Công nhận trường trung học đạt chuẩn quốc gia',
          nameEn: 'National standard school recognition',
          days: 20,
          online: 'none',
          level: 'province',
          documents: [
            doc('Tờ trình đề nghị công nhận trường đạt chuẩn quốc gia', 'Request letter', 1, 0),
            doc('Báo cáo tự đánh giá của nhà trường', 'Self-assessment report', 1, 0),
            doc('Báo cáo đánh giá ngoài', 'External evaluation report', 1, 0),
          ],
          result: 'Quyết định công nhận trường trung học đạt chuẩn quốc gia',
          legalBasis: 'Thông tư 18/2018/TT-BGDĐT',
        },
        {
          nameVi: 'Sáp nhập, chia, tách trường trung học phổ thông',
          nameEn: 'Merge or split upper secondary schools',
          days: 20,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Tờ trình đề nghị sáp nhập, chia, tách trường', 'Request letter', 1, 0),
            doc('Đề án sáp nhập, chia, tách trường', 'Reorganisation plan', 1, 0),
            doc('Ý kiến bằng văn bản của các cơ quan có liên quan', 'Opinions of related bodies', 1, 0),
          ],
          result: 'Quyết định sáp nhập, chia, tách trường trung học phổ thông',
          legalBasis: SCHOOL_LAW,
        },
      ],
    },
    {
      code: 'SGDDT-THI',
      nameVi: 'Thi, tuyển sinh',
      nameEn: 'Examinations and admission',
      procedures: [
        {
          nameVi: 'Phúc khảo bài thi trung học phổ thông quốc gia',
          nameEn: 'Re-marking of the national school exam',
          days: 15,
          online: 'full',
          level: 'province',
          calendarDays: true,
          documents: [
            doc('Đơn đề nghị phúc khảo bài thi', 'Re-marking request', 1, 0),
            doc('Giấy chứng nhận kết quả thi', 'Exam result certificate', 0, 1),
          ],
          result: 'Thông báo kết quả phúc khảo',
          legalBasis: EXAM_LAW,
        },
        {
          nameVi: 'Xét tuyển học sinh vào trường phổ thông dân tộc nội trú',
          nameEn: 'Admission to an ethnic boarding school',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đăng ký dự tuyển', 'Application form', 1, 0),
            doc('Bản sao giấy khai sinh', 'Copy of birth certificate', 0, 1, true),
            doc('Học bạ trung học cơ sở', 'Lower secondary school record', 1, 0),
            HOUSEHOLD_COPY,
          ],
          result: 'Quyết định phê duyệt danh sách trúng tuyển',
          legalBasis: 'Thông tư 01/2016/TT-BGDĐT',
        },
        {
          nameVi: 'Chuyển trường đối với học sinh trung học phổ thông',
          nameEn: 'Transfer of an upper secondary pupil',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn xin chuyển trường do cha mẹ hoặc người giám hộ ký', 'Transfer request', 1, 0),
            doc('Học bạ', 'School record', 1, 0),
            doc('Giấy xác nhận trúng tuyển vào lớp 10', 'Grade 10 admission proof', 1, 0),
            doc('Giấy giới thiệu chuyển trường của Hiệu trưởng nơi đi', 'Release letter', 1, 0),
          ],
          result: 'Giấy giới thiệu chuyển trường',
          legalBasis: 'Quyết định 51/2002/QĐ-BGDĐT',
        },
      ],
    },
    {
      code: 'SGDDT-VB',
      nameVi: 'Văn bằng, chứng chỉ',
      nameEn: 'Diplomas and certificates',
      procedures: [
        {
          nameVi: 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc',
          nameEn: 'Certified copy of a diploma',
          days: 1,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp bản sao văn bằng, chứng chỉ từ sổ gốc', 'Request form', 1, 0),
            ID_COPY,
          ],
          result: 'Bản sao văn bằng, chứng chỉ từ sổ gốc',
          legalBasis: DIPLOMA_LAW,
          cases: [{ nameVi: 'Yêu cầu gửi qua bưu điện', nameEn: 'Request by post', days: 3 }],
        },
        {
          nameVi: 'Chỉnh sửa nội dung văn bằng, chứng chỉ',
          nameEn: 'Correct a diploma',
          days: 5,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị chỉnh sửa văn bằng, chứng chỉ', 'Correction request', 1, 0),
            doc('Văn bằng, chứng chỉ đề nghị chỉnh sửa', 'Diploma to be corrected', 1, 0),
            doc('Quyết định thay đổi hoặc cải chính hộ tịch', 'Civil status change decision', 0, 1),
            doc('Giấy khai sinh', 'Birth certificate', 0, 1, true),
          ],
          result: 'Quyết định chỉnh sửa văn bằng, chứng chỉ',
          legalBasis: DIPLOMA_LAW,
        },
        {
          nameVi: 'Công nhận văn bằng tốt nghiệp các cấp học phổ thông do cơ sở nước ngoài cấp',
          nameEn: 'Recognise a foreign school diploma',
          days: 15,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị công nhận văn bằng', 'Recognition request', 1, 0),
            doc('Bản sao văn bằng và bản dịch có chứng thực', 'Diploma and certified translation', 0, 1),
            doc('Bản sao kết quả học tập có chứng thực', 'Transcript', 0, 1),
          ],
          result: 'Giấy công nhận văn bằng',
          legalBasis: 'Thông tư 26/2013/TT-BGDĐT',
        },
      ],
    },
  ],
};

// -----------------------------------------------------------------------------------------------------------
// 14. Sở Y tế

const MEDICAL_LAW = 'Luật Khám bệnh, chữa bệnh 2009; Nghị định 109/2016/NĐ-CP; Thông tư 278/2016/TT-BTC';
const PHARMA_LAW = 'Luật Dược 2016; Nghị định 54/2017/NĐ-CP; Thông tư 277/2016/TT-BTC';
const HEALTH_FOOD_LAW = 'Luật An toàn thực phẩm 2010; Nghị định 15/2018/NĐ-CP; Thông tư 279/2016/TT-BTC';
const COSMETIC_LAW = 'Nghị định 93/2016/NĐ-CP; Thông tư 06/2011/TT-BYT; Thông tư 277/2016/TT-BTC';
const CLINIC_DOCS: DemoDocument[] = [
  doc('Đơn đề nghị cấp giấy phép hoạt động', 'Application form', 1, 0),
  doc(
    'Bản sao chứng chỉ hành nghề của người chịu trách nhiệm chuyên môn',
    'Practice certificate of the head',
    0,
    1,
  ),
  doc(
    'Danh sách người hành nghề, bảng kê khai cơ sở vật chất, thiết bị y tế',
    'Staff and equipment lists',
    1,
    0,
  ),
  doc('Bản sao giấy tờ chứng minh tư cách pháp nhân', 'Proof of legal status', 0, 1),
];

const SYT: DemoAgency = {
  code: 'SYT',
  kind: 'department',
  nameVi: 'Sở Y tế',
  nameEn: 'Department of Health',
  shortName: 'Y tế',
  fields: [
    {
      code: 'SYT-KCB',
      nameVi: 'Khám bệnh, chữa bệnh',
      nameEn: 'Medical practice',
      procedures: [
        {
          nameVi:
            'Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh đối với người Việt Nam thuộc thẩm quyền của Sở ' +
            'Y tế',
          nameEn: 'Medical practice certificate',
          days: 30,
          calendarDays: true,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp chứng chỉ hành nghề', 'Application form', 1, 0),
            doc('Bản sao văn bằng chuyên môn', 'Copy of medical degree', 0, 1),
            doc('Giấy xác nhận quá trình thực hành', 'Practical training certificate', 1, 0),
            HEALTH_CERT,
            PHOTOS,
          ],
          fees: [fee('Phí thẩm định cấp chứng chỉ hành nghề khám bệnh, chữa bệnh', 'Appraisal fee', 360000)],
          result: 'Chứng chỉ hành nghề khám bệnh, chữa bệnh',
          legalBasis: MEDICAL_LAW,
        },
        {
          nameVi:
            'Cấp lại chứng chỉ hành nghề khám bệnh, chữa bệnh đối với người Việt Nam bị mất hoặc hư hỏng ' +
            'chứng chỉ hành nghề thuộc thẩm quyền của Sở Y tế',
          nameEn: 'Reissue a medical practice certificate',
          days: 10,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp lại chứng chỉ hành nghề', 'Reissue request', 1, 0),
            doc('Bản gốc chứng chỉ hành nghề bị hư hỏng (nếu có)', 'Damaged certificate (if any)', 1, 0),
            PHOTOS,
          ],
          fees: [fee('Phí thẩm định cấp lại chứng chỉ hành nghề', 'Reissue fee', 150000)],
          result: 'Chứng chỉ hành nghề khám bệnh, chữa bệnh',
          legalBasis: MEDICAL_LAW,
        },
        {
          nameVi: 'Cấp giấy phép hoạt động đối với phòng khám chuyên khoa thuộc thẩm quyền của Sở Y tế',
          nameEn: 'Specialist clinic licence',
          days: 30,
          calendarDays: true,
          online: 'partial',
          level: 'province',
          documents: CLINIC_DOCS,
          fees: [
            fee('Phí thẩm định cấp giấy phép hoạt động phòng khám chuyên khoa', 'Appraisal fee', 4300000),
          ],
          result: 'Giấy phép hoạt động khám bệnh, chữa bệnh',
          legalBasis: MEDICAL_LAW,
        },
        {
          nameVi: 'Cấp giấy phép hoạt động đối với phòng khám đa khoa thuộc thẩm quyền của Sở Y tế',
          nameEn: 'General clinic licence',
          days: 30,
          calendarDays: true,
          online: 'none',
          level: 'province',
          documents: CLINIC_DOCS,
          fees: [fee('Phí thẩm định cấp giấy phép hoạt động phòng khám đa khoa', 'Appraisal fee', 5700000)],
          result: 'Giấy phép hoạt động khám bệnh, chữa bệnh',
          legalBasis: MEDICAL_LAW,
        },
        {
          nameVi:
            'Cấp giấy phép hoạt động đối với cơ sở dịch vụ tiêm (chích), thay băng, đếm mạch, đo nhiệt ' +
            'độ, đo huyết áp',
          nameEn: 'Nursing service point licence',
          days: 30,
          calendarDays: true,
          online: 'none',
          level: 'province',
          documents: CLINIC_DOCS,
          fees: [fee('Phí thẩm định cấp giấy phép hoạt động cơ sở dịch vụ y tế', 'Appraisal fee', 3100000)],
          result: 'Giấy phép hoạt động khám bệnh, chữa bệnh',
          legalBasis: MEDICAL_LAW,
        },
      ],
    },
    {
      code: 'SYT-DUOC',
      nameVi: 'Dược phẩm',
      nameEn: 'Pharmacy',
      procedures: [
        {
          nameVi: 'Cấp Chứng chỉ hành nghề dược theo hình thức xét hồ sơ',
          nameEn: 'Pharmacist practice certificate',
          days: 20,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp Chứng chỉ hành nghề dược', 'Application form', 1, 0),
            doc('Bản sao văn bằng chuyên môn', 'Copy of pharmacy degree', 0, 1),
            doc('Giấy xác nhận thời gian thực hành chuyên môn', 'Practical training certificate', 1, 0),
            HEALTH_CERT,
            PHOTOS,
          ],
          fees: [fee('Phí thẩm định cấp Chứng chỉ hành nghề dược', 'Appraisal fee', 500000)],
          result: 'Chứng chỉ hành nghề dược',
          legalBasis: PHARMA_LAW,
        },
        {
          nameVi:
            'Cấp lại Chứng chỉ hành nghề dược theo hình thức xét hồ sơ (trường hợp bị hư hỏng hoặc bị mất)',
          nameEn: 'Reissue a pharmacist certificate',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [doc('Đơn đề nghị cấp lại Chứng chỉ hành nghề dược', 'Reissue request', 1, 0), PHOTOS],
          result: 'Chứng chỉ hành nghề dược',
          legalBasis: PHARMA_LAW,
        },
        {
          nameVi:
            'Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược cho cơ sở bán lẻ thuốc (nhà thuốc, quầy ' +
            'thuốc, tủ thuốc trạm y tế xã)',
          nameEn: 'Pharmacy business certificate (retail)',
          days: 20,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện kinh doanh dược', 'Application form', 1, 0),
            doc(
              'Tài liệu kỹ thuật về địa điểm, khu vực bảo quản, trang thiết bị',
              'Premises and storage file',
              1,
              0,
            ),
            doc(
              'Bản sao Chứng chỉ hành nghề dược của người chịu trách nhiệm chuyên môn',
              'Pharmacist certificate',
              0,
              1,
            ),
            BIZ_CERT_COPY,
          ],
          fees: [
            fee('Phí thẩm định điều kiện kinh doanh đối với cơ sở bán lẻ thuốc', 'Appraisal fee', 1000000),
          ],
          result: 'Giấy chứng nhận đủ điều kiện kinh doanh dược',
          legalBasis: PHARMA_LAW,
          cases: [
            {
              nameVi: 'Cơ sở đã được đánh giá đáp ứng Thực hành tốt cơ sở bán lẻ thuốc (GPP)',
              nameEn: 'Already GPP-certified',
              days: 15,
            },
          ],
        },
        {
          nameVi: 'Cấp giấy xác nhận nội dung thông tin thuốc theo hình thức hội thảo giới thiệu thuốc',
          nameEn: 'Approve a drug information seminar',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Đơn đề nghị xác nhận nội dung thông tin thuốc', 'Application form', 1, 0),
            doc('Nội dung thông tin thuốc và tài liệu trình bày tại hội thảo', 'Seminar materials', 1, 0),
            doc('Bản sao Giấy đăng ký lưu hành thuốc', 'Drug registration', 0, 1),
          ],
          result: 'Giấy xác nhận nội dung thông tin thuốc',
          legalBasis: PHARMA_LAW,
        },
      ],
    },
    {
      code: 'SYT-ATTP',
      nameVi: 'An toàn thực phẩm và dinh dưỡng',
      nameEn: 'Food safety and nutrition',
      procedures: [
        {
          nameVi:
            'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn ' +
            'uống thuộc thẩm quyền của Sở Y tế',
          nameEn: 'Food safety certificate (catering)',
          days: 20,
          online: 'partial',
          level: 'province',
          documents: [
            doc(
              'Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
              'Application form',
              1,
              0,
            ),
            doc('Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ', 'Facility description', 1, 0),
            doc(
              'Giấy xác nhận đủ sức khỏe của chủ cơ sở và người trực tiếp chế biến',
              'Staff health certificates',
              0,
              1,
            ),
            doc(
              'Giấy xác nhận đã được tập huấn kiến thức an toàn thực phẩm',
              'Food safety training proof',
              0,
              1,
            ),
            BIZ_CERT_COPY,
          ],
          fees: [
            fee(
              'Phí thẩm định cơ sở dịch vụ ăn uống (dưới 200 suất ăn)',
              'Inspection fee (< 200 meals)',
              700000,
            ),
          ],
          result: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
          legalBasis: HEALTH_FOOD_LAW,
        },
        {
          nameVi:
            'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất thực phẩm ' +
            'thuộc thẩm quyền của Sở Y tế',
          nameEn: 'Food safety certificate (food production)',
          days: 20,
          online: 'partial',
          level: 'province',
          documents: [
            doc(
              'Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
              'Application form',
              1,
              0,
            ),
            doc(
              'Bản thuyết minh về cơ sở vật chất, quy trình sản xuất',
              'Facility and process description',
              1,
              0,
            ),
            doc('Giấy xác nhận đủ sức khỏe của người trực tiếp sản xuất', 'Staff health certificates', 0, 1),
            BIZ_CERT_COPY,
          ],
          fees: [fee('Phí thẩm định cơ sở sản xuất thực phẩm', 'Inspection fee', 2500000)],
          result: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
          legalBasis: HEALTH_FOOD_LAW,
        },
        {
          nameVi:
            'Đăng ký bản công bố sản phẩm sản xuất trong nước đối với thực phẩm bảo vệ sức khỏe, phụ gia ' +
            'thực phẩm hỗn hợp có công dụng mới',
          nameEn: 'Register a food product declaration',
          days: 7,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Bản công bố sản phẩm', 'Product declaration', 1, 0),
            doc('Phiếu kết quả kiểm nghiệm an toàn thực phẩm của sản phẩm', 'Lab test report', 1, 0),
            doc('Bằng chứng khoa học chứng minh công dụng của sản phẩm', 'Scientific evidence', 0, 1),
          ],
          fees: [fee('Phí thẩm định hồ sơ đăng ký bản công bố sản phẩm', 'Review fee', 1500000)],
          result: 'Giấy tiếp nhận đăng ký bản công bố sản phẩm',
          legalBasis: HEALTH_FOOD_LAW,
        },
      ],
    },
    {
      code: 'SYT-MP',
      nameVi: 'Mỹ phẩm và trang thiết bị y tế',
      nameEn: 'Cosmetics and medical devices',
      procedures: [
        {
          nameVi: 'Cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm sản xuất trong nước',
          nameEn: 'Cosmetic product notification',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [
            doc('Phiếu công bố sản phẩm mỹ phẩm (kèm dữ liệu điện tử)', 'Notification form', 2, 0),
            doc('Bản sao Giấy chứng nhận đủ điều kiện sản xuất mỹ phẩm', 'Manufacturing certificate', 0, 1),
          ],
          fees: [fee('Phí thẩm định hồ sơ công bố sản phẩm mỹ phẩm', 'Review fee', 500000)],
          result: 'Phiếu công bố sản phẩm mỹ phẩm có số tiếp nhận',
          legalBasis: COSMETIC_LAW,
        },
        {
          nameVi: 'Cấp Giấy chứng nhận đủ điều kiện sản xuất mỹ phẩm',
          nameEn: 'Cosmetics manufacturing certificate',
          days: 30,
          calendarDays: true,
          online: 'none',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện sản xuất mỹ phẩm', 'Application form', 1, 0),
            doc('Sơ đồ mặt bằng và thiết kế của cơ sở sản xuất', 'Site plan', 1, 0),
            doc('Danh mục thiết bị hiện có của cơ sở sản xuất', 'Equipment list', 1, 0),
            BIZ_CERT_COPY,
          ],
          fees: [fee('Phí thẩm định điều kiện sản xuất mỹ phẩm', 'Appraisal fee', 6000000)],
          result: 'Giấy chứng nhận đủ điều kiện sản xuất mỹ phẩm',
          legalBasis: COSMETIC_LAW,
        },
        {
          nameVi: 'Công bố đủ điều kiện mua bán trang thiết bị y tế thuộc loại B, C, D',
          nameEn: 'Medical device trading notification (B, C, D)',
          days: 3,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Văn bản công bố đủ điều kiện mua bán trang thiết bị y tế', 'Notification form', 1, 0),
            doc(
              'Bản kê khai nhân sự và văn bằng của người phụ trách chuyên môn',
              'Staff and qualifications',
              1,
              0,
            ),
            doc(
              'Tài liệu chứng minh kho bảo quản và phương tiện vận chuyển',
              'Storage and transport proof',
              0,
              1,
            ),
          ],
          fees: [fee('Phí thẩm định điều kiện mua bán trang thiết bị y tế', 'Appraisal fee', 3000000)],
          result: 'Số công bố đủ điều kiện mua bán trang thiết bị y tế được đăng tải trên cổng thông tin',
          legalBasis: 'Nghị định 36/2016/NĐ-CP; Nghị định 169/2018/NĐ-CP; Thông tư 278/2016/TT-BTC',
        },
      ],
    },
  ],
};

// -----------------------------------------------------------------------------------------------------------
// 15. Sở Nội vụ

const AWARD_LAW =
  'Luật Thi đua, Khen thưởng 2003 (sửa đổi 2013); Nghị định 91/2017/NĐ-CP; Thông tư 12/2019/TT-BNV';
const RELIGION_LAW = 'Luật Tín ngưỡng, tôn giáo 2016; Nghị định 162/2017/NĐ-CP';
const ASSOCIATION_LAW = 'Nghị định 45/2010/NĐ-CP; Nghị định 33/2012/NĐ-CP; Thông tư 03/2013/TT-BNV';
const FUND_LAW = 'Nghị định 30/2012/NĐ-CP; Thông tư 02/2013/TT-BNV';
const ARCHIVE_LAW = 'Luật Lưu trữ 2011; Nghị định 01/2013/NĐ-CP';
const AWARD_DOCS: DemoDocument[] = [
  doc('Tờ trình đề nghị khen thưởng', 'Award proposal', 1, 0),
  doc('Biên bản họp xét của Hội đồng thi đua, khen thưởng', 'Minutes of the awards council', 1, 0),
  doc('Báo cáo thành tích của tập thể, cá nhân có xác nhận của cấp trình', 'Achievement report', 1, 0),
];

const SNV: DemoAgency = {
  code: 'SNV',
  kind: 'department',
  nameVi: 'Sở Nội vụ',
  nameEn: 'Department of Home Affairs',
  shortName: 'Nội vụ',
  fields: [
    {
      code: 'SNV-TDKT',
      nameVi: 'Thi đua - khen thưởng',
      nameEn: 'Emulation and awards',
      procedures: [
        {
          nameVi:
            'Thủ tục tặng Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh về thành tích thực hiện nhiệm ' +
            'vụ chính trị',
          nameEn: 'Certificate of merit of the provincial chairman',
          days: 20,
          online: 'none',
          level: 'province',
          documents: AWARD_DOCS,
          result: 'Quyết định tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
          legalBasis: AWARD_LAW,
        },
        {
          nameVi: 'Thủ tục tặng danh hiệu Chiến sĩ thi đua cấp tỉnh',
          nameEn: 'Provincial emulation fighter title',
          days: 20,
          online: 'none',
          level: 'province',
          documents: [
            ...AWARD_DOCS,
            doc('Văn bản công nhận sáng kiến, đề tài khoa học', 'Recognition of initiatives', 0, 1),
          ],
          result: 'Quyết định tặng danh hiệu Chiến sĩ thi đua cấp tỉnh',
          legalBasis: AWARD_LAW,
        },
        {
          nameVi: 'Thủ tục tặng Cờ thi đua của Ủy ban nhân dân cấp tỉnh',
          nameEn: 'Provincial emulation flag',
          days: 20,
          online: 'none',
          level: 'province',
          documents: AWARD_DOCS,
          result: 'Quyết định tặng Cờ thi đua của Ủy ban nhân dân tỉnh',
          legalBasis: AWARD_LAW,
        },
        {
          nameVi: 'Thủ tục tặng danh hiệu Tập thể lao động xuất sắc',
          nameEn: 'Outstanding labour collective title',
          days: 20,
          online: 'none',
          level: 'province',
          documents: AWARD_DOCS,
          result: 'Quyết định tặng danh hiệu Tập thể lao động xuất sắc',
          legalBasis: AWARD_LAW,
        },
      ],
    },
    {
      code: 'SNV-TG',
      nameVi: 'Tôn giáo',
      nameEn: 'Religious affairs',
      procedures: [
        {
          nameVi:
            'Thủ tục đề nghị tổ chức cuộc lễ ngoài cơ sở tôn giáo, địa điểm hợp pháp đã đăng ký có quy mô ' +
            'tổ chức ở nhiều huyện thuộc một tỉnh',
          nameEn: 'Religious ceremony outside registered venues',
          days: 15,
          calendarDays: true,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị tổ chức cuộc lễ', 'Request letter', 1, 0),
            doc('Chương trình, nội dung, thời gian, địa điểm tổ chức cuộc lễ', 'Ceremony programme', 1, 0),
          ],
          result: 'Văn bản chấp thuận tổ chức cuộc lễ',
          legalBasis: RELIGION_LAW,
        },
        {
          nameVi:
            'Thủ tục đề nghị giảng đạo ngoài địa bàn phụ trách, cơ sở tôn giáo, địa điểm hợp pháp đã đăng ' +
            'ký có quy mô tổ chức ở nhiều huyện thuộc một tỉnh',
          nameEn: 'Preaching outside the assigned area',
          days: 15,
          calendarDays: true,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị giảng đạo', 'Request letter', 1, 0),
            doc('Nội dung, chương trình giảng đạo', 'Preaching programme', 1, 0),
          ],
          result: 'Văn bản chấp thuận giảng đạo',
          legalBasis: RELIGION_LAW,
        },
        {
          nameVi:
            'Thủ tục đăng ký người được bổ nhiệm, bầu cử, suy cử làm chức việc của tổ chức được cấp chứng ' +
            'nhận đăng ký hoạt động tôn giáo có địa bàn hoạt động ở một tỉnh',
          nameEn: 'Register a religious office holder',
          days: 20,
          calendarDays: true,
          online: 'none',
          level: 'province',
          documents: [
            doc('Văn bản đăng ký', 'Registration letter', 1, 0),
            doc('Sơ yếu lý lịch của người được bổ nhiệm, bầu cử, suy cử', 'CV of the person', 1, 0),
            CRIMINAL_RECORD,
          ],
          result: 'Văn bản chấp thuận đăng ký',
          legalBasis: RELIGION_LAW,
        },
        {
          nameVi: 'Thủ tục đăng ký sửa đổi hiến chương của tổ chức tôn giáo có địa bàn hoạt động ở một tỉnh',
          nameEn: 'Amend the charter of a religious organisation',
          days: 30,
          calendarDays: true,
          online: 'none',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị đăng ký sửa đổi hiến chương', 'Request letter', 1, 0),
            doc('Hiến chương sửa đổi', 'Amended charter', 1, 0),
            doc('Bản tóm tắt những nội dung sửa đổi', 'Summary of amendments', 1, 0),
          ],
          result: 'Văn bản chấp thuận hiến chương sửa đổi',
          legalBasis: RELIGION_LAW,
        },
      ],
    },
    {
      code: 'SNV-TCPCP',
      nameVi: 'Tổ chức phi chính phủ',
      nameEn: 'Associations and funds',
      procedures: [
        {
          nameVi: 'Thủ tục thành lập hội',
          nameEn: 'Establish an association',
          days: 30,
          calendarDays: true,
          online: 'none',
          level: 'province',
          interAgency: true,
          documents: [
            doc('Đơn xin phép thành lập hội', 'Application', 1, 0),
            doc('Dự thảo điều lệ hội', 'Draft charter', 1, 0),
            doc('Danh sách những người trong ban vận động thành lập hội', 'Founding committee list', 1, 0),
            doc('Văn bản xác nhận nơi dự kiến đặt trụ sở của hội', 'Proof of head office', 1, 0),
          ],
          result: 'Quyết định cho phép thành lập hội',
          legalBasis: ASSOCIATION_LAW,
        },
        {
          nameVi: 'Thủ tục phê duyệt điều lệ hội',
          nameEn: 'Approve an association charter',
          days: 30,
          calendarDays: true,
          online: 'none',
          level: 'province',
          documents: [
            doc('Đơn đề nghị phê duyệt điều lệ hội', 'Request', 1, 0),
            doc('Điều lệ và biên bản thông qua điều lệ tại đại hội', 'Charter and congress minutes', 1, 0),
            doc('Nghị quyết đại hội', 'Congress resolution', 1, 0),
          ],
          result: 'Quyết định phê duyệt điều lệ hội',
          legalBasis: ASSOCIATION_LAW,
        },
        {
          nameVi: 'Thủ tục cấp giấy phép thành lập và công nhận điều lệ quỹ',
          nameEn: 'Establish a social or charity fund',
          days: 30,
          calendarDays: true,
          online: 'none',
          level: 'province',
          documents: [
            doc('Đơn đề nghị thành lập quỹ', 'Application', 1, 0),
            doc('Dự thảo điều lệ quỹ', 'Draft charter', 1, 0),
            doc('Văn bản cam kết đóng góp tài sản thành lập quỹ', 'Asset pledges', 1, 0),
            doc('Sơ yếu lý lịch của các sáng lập viên', 'CVs of founders', 1, 0),
          ],
          result: 'Quyết định cấp giấy phép thành lập và công nhận điều lệ quỹ',
          legalBasis: FUND_LAW,
        },
        {
          nameVi: 'Thủ tục công nhận quỹ đủ điều kiện hoạt động và công nhận thành viên Hội đồng quản lý quỹ',
          nameEn: 'Recognise a fund as operational',
          days: 15,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị công nhận quỹ đủ điều kiện hoạt động', 'Request', 1, 0),
            doc(
              'Văn bản xác nhận số tiền đóng góp vào tài khoản của quỹ',
              'Bank confirmation of capital',
              1,
              0,
            ),
            doc('Danh sách thành viên Hội đồng quản lý quỹ', 'Board members list', 1, 0),
          ],
          result: 'Quyết định công nhận quỹ đủ điều kiện hoạt động',
          legalBasis: FUND_LAW,
        },
      ],
    },
    {
      code: 'SNV-VTLT',
      nameVi: 'Văn thư và lưu trữ nhà nước',
      nameEn: 'Records and archives',
      procedures: [
        {
          nameVi: 'Cấp Chứng chỉ hành nghề lưu trữ',
          nameEn: 'Archivist practice certificate',
          days: 15,
          online: 'none',
          level: 'province',
          documents: [
            doc('Đơn đề nghị cấp Chứng chỉ hành nghề lưu trữ', 'Application form', 1, 0),
            doc('Bản sao văn bằng chuyên môn', 'Copy of degree', 0, 1),
            doc('Giấy xác nhận thời gian công tác', 'Work experience confirmation', 1, 0),
            PHOTOS,
          ],
          result: 'Chứng chỉ hành nghề lưu trữ',
          legalBasis: `${ARCHIVE_LAW}; Thông tư 09/2014/TT-BNV`,
        },
        {
          nameVi: 'Phục vụ việc sử dụng tài liệu của độc giả tại phòng đọc',
          nameEn: 'Reading room access to archives',
          days: 1,
          online: 'none',
          level: 'province',
          documents: [doc('Phiếu yêu cầu đọc tài liệu', 'Reading request', 1, 0), ID_COPY],
          result: 'Tài liệu lưu trữ được phục vụ tại phòng đọc',
          legalBasis: ARCHIVE_LAW,
        },
        {
          nameVi: 'Cấp bản sao và chứng thực tài liệu lưu trữ',
          nameEn: 'Certified copies of archival records',
          days: 2,
          online: 'partial',
          level: 'province',
          documents: [doc('Phiếu yêu cầu sao, chứng thực tài liệu lưu trữ', 'Copy request', 1, 0), ID_COPY],
          fees: [
            fee('Phí chứng thực tài liệu lưu trữ (mỗi văn bản)', 'Certification fee (per document)', 15000),
          ],
          result: 'Bản sao tài liệu lưu trữ có chứng thực',
          legalBasis: `${ARCHIVE_LAW}; Thông tư 275/2016/TT-BTC`,
        },
      ],
    },
  ],
};

// -----------------------------------------------------------------------------------------------------------
// 16. Bảo hiểm xã hội tỉnh (central vertical agency)

const SOCIAL_INSURANCE_LAW =
  'Luật Bảo hiểm xã hội 2014; Luật Bảo hiểm y tế 2008 (sửa đổi 2014); Quyết định 595/QĐ-BHXH năm 2017';
const BENEFIT_LAW = 'Luật Bảo hiểm xã hội 2014; Nghị định 115/2015/NĐ-CP; Quyết định 166/QĐ-BHXH năm 2019';
const SI_BOOK = doc('Sổ bảo hiểm xã hội', 'Social insurance book', 1, 0, true);
const SI_FORM = doc(
  'Tờ khai tham gia, điều chỉnh thông tin bảo hiểm xã hội, bảo hiểm y tế (mẫu TK1-TS)',
  'Enrolment and change form (TK1-TS)',
  1,
  0,
);

const BHXH: DemoAgency = {
  code: 'BHXH',
  kind: 'central_vertical',
  nameVi: 'Bảo hiểm xã hội tỉnh Bắc Kạn',
  nameEn: 'Bac Kan Provincial Social Security',
  shortName: 'BHXH tỉnh',
  fields: [
    {
      code: 'BHXH-THU',
      nameVi: 'Thu bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp',
      nameEn: 'Insurance contributions',
      procedures: [
        {
          nameVi:
            'Đăng ký đóng, cấp sổ bảo hiểm xã hội, thẻ bảo hiểm y tế đối với người lao động tham gia bảo ' +
            'hiểm xã hội bắt buộc',
          nameEn: 'Enrol employees in compulsory insurance',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [
            SI_FORM,
            doc(
              'Danh sách lao động tham gia bảo hiểm xã hội, bảo hiểm y tế (mẫu D02-TS)',
              'Employee list (D02-TS)',
              1,
              0,
            ),
            doc('Tờ khai thông tin của đơn vị (mẫu TK3-TS)', 'Employer data form (TK3-TS)', 1, 0),
          ],
          result: 'Sổ bảo hiểm xã hội, thẻ bảo hiểm y tế',
          legalBasis: SOCIAL_INSURANCE_LAW,
        },
        {
          nameVi: 'Đăng ký đóng, cấp sổ bảo hiểm xã hội đối với người chỉ tham gia bảo hiểm xã hội tự nguyện',
          nameEn: 'Enrol in voluntary social insurance',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [SI_FORM, ID_COPY],
          result: 'Sổ bảo hiểm xã hội',
          legalBasis: SOCIAL_INSURANCE_LAW,
        },
        {
          nameVi:
            'Đăng ký đóng, cấp thẻ bảo hiểm y tế đối với người chỉ tham gia bảo hiểm y tế theo hộ gia đình',
          nameEn: 'Household health insurance',
          days: 5,
          online: 'partial',
          level: 'province',
          documents: [
            SI_FORM,
            doc(
              'Danh sách người tham gia bảo hiểm y tế theo hộ gia đình (mẫu DK01)',
              'Household members list',
              1,
              0,
            ),
            HOUSEHOLD_COPY,
          ],
          result: 'Thẻ bảo hiểm y tế',
          legalBasis: SOCIAL_INSURANCE_LAW,
        },
        {
          nameVi:
            'Đăng ký điều chỉnh đóng bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp ' +
            '(tăng, giảm lao động, thay đổi mức đóng)',
          nameEn: 'Adjust contributions (staff or wage changes)',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [
            doc(
              'Danh sách lao động tham gia bảo hiểm xã hội, bảo hiểm y tế (mẫu D02-TS)',
              'Employee list (D02-TS)',
              1,
              0,
            ),
            doc(
              'Thẻ bảo hiểm y tế còn giá trị sử dụng (đối với người giảm)',
              'Health cards of leavers',
              1,
              0,
            ),
          ],
          result: 'Thông báo kết quả đóng bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp',
          legalBasis: SOCIAL_INSURANCE_LAW,
        },
      ],
    },
    {
      code: 'BHXH-ST',
      nameVi: 'Cấp sổ bảo hiểm xã hội, thẻ bảo hiểm y tế',
      nameEn: 'Insurance books and cards',
      procedures: [
        {
          nameVi: 'Cấp lại thẻ bảo hiểm y tế do bị mất, hỏng',
          nameEn: 'Replace a lost health insurance card',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [SI_FORM, doc('Thẻ bảo hiểm y tế bị hỏng (nếu có)', 'Damaged card (if any)', 1, 0)],
          result: 'Thẻ bảo hiểm y tế',
          legalBasis: SOCIAL_INSURANCE_LAW,
        },
        {
          nameVi: 'Cấp lại sổ bảo hiểm xã hội do mất, hỏng',
          nameEn: 'Replace a lost social insurance book',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [SI_FORM, doc('Sổ bảo hiểm xã hội bị hỏng (nếu có)', 'Damaged book (if any)', 1, 0)],
          result: 'Sổ bảo hiểm xã hội',
          legalBasis: SOCIAL_INSURANCE_LAW,
        },
        {
          nameVi: 'Điều chỉnh thông tin về nhân thân trên sổ bảo hiểm xã hội, thẻ bảo hiểm y tế',
          nameEn: 'Correct personal data on book or card',
          days: 10,
          online: 'full',
          level: 'province',
          documents: [
            SI_FORM,
            doc(
              'Giấy tờ chứng minh thông tin thay đổi (giấy khai sinh, chứng minh nhân dân)',
              'Proof of the change',
              0,
              1,
              true,
            ),
            SI_BOOK,
          ],
          result: 'Sổ bảo hiểm xã hội, thẻ bảo hiểm y tế đã điều chỉnh',
          legalBasis: SOCIAL_INSURANCE_LAW,
        },
        {
          nameVi: 'Gộp sổ bảo hiểm xã hội',
          nameEn: 'Merge social insurance books',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [SI_FORM, doc('Các sổ bảo hiểm xã hội đề nghị gộp', 'Books to be merged', 1, 0)],
          result: 'Sổ bảo hiểm xã hội đã gộp',
          legalBasis: SOCIAL_INSURANCE_LAW,
        },
      ],
    },
    {
      code: 'BHXH-CD',
      nameVi: 'Giải quyết chế độ bảo hiểm xã hội',
      nameEn: 'Insurance benefits',
      procedures: [
        {
          nameVi: 'Giải quyết hưởng lương hưu',
          nameEn: 'Retirement pension',
          days: 20,
          online: 'partial',
          level: 'province',
          documents: [
            SI_BOOK,
            doc(
              'Quyết định nghỉ việc hưởng chế độ hưu trí hoặc văn bản chấm dứt hợp đồng lao động',
              'Retirement decision',
              1,
              0,
            ),
            doc(
              'Biên bản giám định mức suy giảm khả năng lao động (nếu có)',
              'Disability assessment (if any)',
              1,
              0,
            ),
          ],
          result: 'Quyết định hưởng lương hưu',
          legalBasis: BENEFIT_LAW,
        },
        {
          nameVi: 'Giải quyết hưởng bảo hiểm xã hội một lần',
          nameEn: 'Lump-sum social insurance',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            SI_BOOK,
            doc('Đơn đề nghị hưởng bảo hiểm xã hội một lần (mẫu 14-HSB)', 'Application (14-HSB)', 1, 0),
            ID_COPY,
          ],
          result: 'Quyết định hưởng trợ cấp bảo hiểm xã hội một lần',
          legalBasis: BENEFIT_LAW,
        },
        {
          nameVi: 'Giải quyết hưởng chế độ ốm đau, thai sản, dưỡng sức phục hồi sức khỏe',
          nameEn: 'Sickness and maternity benefits',
          days: 6,
          online: 'full',
          level: 'province',
          documents: [
            doc('Danh sách người lao động đề nghị hưởng chế độ (mẫu 01B-HSB)', 'Claim list (01B-HSB)', 1, 0),
            doc(
              'Giấy chứng nhận nghỉ việc hưởng bảo hiểm xã hội hoặc giấy ra viện',
              'Sick leave or discharge paper',
              1,
              0,
            ),
            doc(
              'Bản sao giấy khai sinh của con (chế độ thai sản)',
              'Child birth certificate (maternity)',
              0,
              1,
              true,
            ),
          ],
          result: 'Danh sách giải quyết hưởng chế độ và tiền trợ cấp',
          legalBasis: BENEFIT_LAW,
        },
        {
          nameVi: 'Giải quyết hưởng chế độ tử tuất',
          nameEn: 'Survivor benefits',
          days: 12,
          online: 'none',
          level: 'province',
          documents: [
            SI_BOOK,
            doc('Bản sao giấy chứng tử hoặc giấy báo tử', 'Death certificate', 0, 1, true),
            doc('Tờ khai của thân nhân (mẫu 09-HSB)', 'Relatives statement (09-HSB)', 1, 0),
            doc(
              'Biên bản giám định mức suy giảm khả năng lao động của thân nhân (nếu có)',
              'Relatives disability assessment',
              1,
              0,
            ),
          ],
          result: 'Quyết định hưởng chế độ tử tuất',
          legalBasis: BENEFIT_LAW,
        },
        {
          nameVi: 'Giải quyết hưởng trợ cấp tai nạn lao động, bệnh nghề nghiệp',
          nameEn: 'Work accident and occupational disease benefit',
          days: 10,
          online: 'none',
          level: 'province',
          documents: [
            SI_BOOK,
            doc('Biên bản điều tra tai nạn lao động', 'Accident investigation record', 1, 0),
            doc('Giấy ra viện sau khi đã điều trị thương tật', 'Hospital discharge paper', 1, 0),
            doc(
              'Biên bản giám định mức suy giảm khả năng lao động của Hội đồng giám định y khoa',
              'Medical assessment',
              1,
              0,
            ),
          ],
          result: 'Quyết định hưởng trợ cấp tai nạn lao động, bệnh nghề nghiệp',
          legalBasis: `${BENEFIT_LAW}; Luật An toàn, vệ sinh lao động 2015`,
        },
      ],
    },
  ],
};

// -----------------------------------------------------------------------------------------------------------
// 17. Công an tỉnh (central vertical agency)

const PASSPORT_LAW = 'Nghị định 136/2007/NĐ-CP; Nghị định 94/2015/NĐ-CP; Thông tư 219/2016/TT-BTC';
const FOREIGNER_LAW = 'Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam 2014';
const VEHICLE_LAW = 'Luật Giao thông đường bộ 2008; Thông tư 15/2014/TT-BCA; Thông tư 229/2016/TT-BTC';
const SEAL_LAW = 'Nghị định 99/2016/NĐ-CP; Thông tư 218/2016/TT-BTC';
const FIRE_LAW =
  'Luật Phòng cháy và chữa cháy 2001 (sửa đổi 2013); Nghị định 79/2014/NĐ-CP; Thông tư 66/2014/TT-BCA';
const PASSPORT_FORM = doc(
  'Tờ khai đề nghị cấp hộ chiếu phổ thông (mẫu X01)',
  'Passport application (X01)',
  1,
  0,
);
const VEHICLE_FORM = doc('Giấy khai đăng ký xe', 'Vehicle registration form', 1, 0);

const CAT: DemoAgency = {
  code: 'CAT',
  kind: 'central_vertical',
  nameVi: 'Công an tỉnh Bắc Kạn',
  nameEn: 'Bac Kan Provincial Police',
  shortName: 'Công an tỉnh',
  fields: [
    {
      code: 'CAT-XNC',
      nameVi: 'Quản lý xuất nhập cảnh',
      nameEn: 'Immigration',
      procedures: [
        {
          nameVi: 'Cấp hộ chiếu phổ thông (thực hiện tại cấp tỉnh)',
          nameEn: 'Ordinary passport',
          days: 8,
          online: 'partial',
          level: 'province',
          documents: [
            PASSPORT_FORM,
            PHOTOS,
            ID_COPY,
            doc(
              'Bản sao giấy khai sinh (đối với trẻ em dưới 14 tuổi)',
              'Birth certificate (under 14)',
              0,
              1,
              true,
            ),
          ],
          fees: [fee('Lệ phí cấp hộ chiếu phổ thông', 'Passport fee', 200000)],
          result: 'Hộ chiếu phổ thông',
          legalBasis: PASSPORT_LAW,
        },
        {
          nameVi: 'Cấp lại hộ chiếu phổ thông do bị hư hỏng hoặc bị mất (thực hiện tại cấp tỉnh)',
          nameEn: 'Replace a lost or damaged passport',
          days: 8,
          online: 'partial',
          level: 'province',
          documents: [
            PASSPORT_FORM,
            PHOTOS,
            doc(
              'Đơn trình báo mất hộ chiếu hoặc hộ chiếu bị hư hỏng',
              'Loss report or damaged passport',
              1,
              0,
            ),
            ID_COPY,
          ],
          fees: [fee('Lệ phí cấp lại hộ chiếu do bị hư hỏng hoặc bị mất', 'Replacement fee', 400000)],
          result: 'Hộ chiếu phổ thông',
          legalBasis: PASSPORT_LAW,
        },
        {
          nameVi: 'Cấp thẻ tạm trú cho người nước ngoài tại Việt Nam',
          nameEn: 'Temporary residence card for foreigners',
          days: 5,
          online: 'none',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị của cơ quan, tổ chức, cá nhân bảo lãnh', 'Sponsor request', 1, 0),
            doc('Tờ khai đề nghị cấp thẻ tạm trú (mẫu NA8)', 'Application (NA8)', 1, 0),
            doc('Hộ chiếu của người nước ngoài', 'Passport of the foreigner', 1, 0),
            doc(
              'Giấy phép lao động hoặc giấy tờ chứng minh mục đích cư trú',
              'Work permit or proof of purpose',
              0,
              1,
            ),
            PHOTOS,
          ],
          result: 'Thẻ tạm trú',
          legalBasis: FOREIGNER_LAW,
        },
        {
          nameVi: 'Gia hạn tạm trú cho người nước ngoài tại Việt Nam',
          nameEn: 'Extend a foreigner stay',
          days: 5,
          online: 'none',
          level: 'province',
          documents: [
            doc('Tờ khai đề nghị gia hạn tạm trú (mẫu NA5)', 'Application (NA5)', 1, 0),
            doc('Hộ chiếu của người nước ngoài', 'Passport of the foreigner', 1, 0),
          ],
          result: 'Chứng nhận gia hạn tạm trú',
          legalBasis: FOREIGNER_LAW,
        },
        {
          nameVi: 'Khai báo tạm trú cho người nước ngoài tại Việt Nam qua Trang thông tin điện tử',
          nameEn: 'Online residence declaration for foreigners',
          days: 1,
          online: 'full',
          level: 'province',
          documents: [
            doc('Phiếu khai báo tạm trú cho người nước ngoài', 'Residence declaration', 1, 0),
            doc('Thông tin hộ chiếu, thị thực của người nước ngoài', 'Passport and visa details', 0, 1),
          ],
          result: 'Xác nhận đã tiếp nhận khai báo tạm trú',
          legalBasis: `${FOREIGNER_LAW}; Thông tư 53/2016/TT-BCA`,
        },
      ],
    },
    {
      code: 'CAT-DKX',
      nameVi: 'Đăng ký, quản lý phương tiện giao thông cơ giới đường bộ',
      nameEn: 'Vehicle registration',
      procedures: [
        {
          nameVi: 'Đăng ký, cấp biển số xe ô tô lần đầu',
          nameEn: 'First registration of a car',
          days: 2,
          online: 'partial',
          level: 'province',
          documents: [
            VEHICLE_FORM,
            doc('Chứng từ nguồn gốc của xe', 'Vehicle origin documents', 1, 0),
            doc('Chứng từ chuyển quyền sở hữu xe (hóa đơn)', 'Invoice or transfer document', 1, 0),
            doc('Chứng từ nộp lệ phí trước bạ', 'Registration tax receipt', 1, 0),
            ID_COPY,
          ],
          fees: [fee('Lệ phí cấp giấy đăng ký kèm theo biển số ô tô', 'Registration and plate fee', 200000)],
          result: 'Giấy chứng nhận đăng ký xe và biển số',
          legalBasis: VEHICLE_LAW,
        },
        {
          nameVi: 'Đăng ký sang tên xe ô tô trong cùng tỉnh',
          nameEn: 'Transfer car ownership (same province)',
          days: 2,
          online: 'partial',
          level: 'province',
          documents: [
            VEHICLE_FORM,
            doc('Giấy chứng nhận đăng ký xe', 'Vehicle registration certificate', 1, 0),
            doc('Chứng từ chuyển quyền sở hữu xe', 'Transfer document', 1, 0),
            doc('Chứng từ nộp lệ phí trước bạ', 'Registration tax receipt', 1, 0),
          ],
          fees: [fee('Lệ phí cấp đổi giấy đăng ký xe', 'Registration fee', 30000)],
          result: 'Giấy chứng nhận đăng ký xe',
          legalBasis: VEHICLE_LAW,
        },
        {
          nameVi: 'Cấp đổi, cấp lại giấy chứng nhận đăng ký, biển số xe ô tô',
          nameEn: 'Replace registration papers or plates',
          days: 2,
          online: 'partial',
          level: 'province',
          documents: [
            VEHICLE_FORM,
            doc('Giấy chứng nhận đăng ký xe hoặc biển số bị hỏng (nếu có)', 'Damaged papers or plates', 1, 0),
            ID_COPY,
          ],
          fees: [fee('Lệ phí cấp đổi, cấp lại giấy đăng ký, biển số', 'Replacement fee', 100000)],
          result: 'Giấy chứng nhận đăng ký xe, biển số xe',
          legalBasis: VEHICLE_LAW,
          cases: [
            {
              nameVi: 'Cấp lại giấy chứng nhận đăng ký xe bị mất (phải xác minh)',
              nameEn: 'Lost registration paper (verification)',
              days: 30,
            },
          ],
        },
      ],
    },
    {
      code: 'CAT-CD',
      nameVi: 'Đăng ký, quản lý con dấu',
      nameEn: 'Seals',
      procedures: [
        {
          nameVi: 'Đăng ký mẫu con dấu mới',
          nameEn: 'Register a new seal',
          days: 3,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị đăng ký mẫu con dấu', 'Request letter', 1, 0),
            doc(
              'Bản sao quyết định thành lập hoặc giấy phép hoạt động',
              'Establishment decision or licence',
              0,
              1,
            ),
            ID_COPY_REP,
          ],
          fees: [fee('Lệ phí cấp Giấy chứng nhận đăng ký mẫu con dấu', 'Seal certificate fee', 50000)],
          result: 'Giấy chứng nhận đăng ký mẫu con dấu',
          legalBasis: SEAL_LAW,
        },
        {
          nameVi: 'Đăng ký lại mẫu con dấu',
          nameEn: 'Re-register a seal',
          days: 3,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị đăng ký lại mẫu con dấu', 'Request letter', 1, 0),
            doc('Giấy chứng nhận đăng ký mẫu con dấu đã cấp', 'Current seal certificate', 1, 0),
            ID_COPY_REP,
          ],
          fees: [fee('Lệ phí cấp Giấy chứng nhận đăng ký mẫu con dấu', 'Seal certificate fee', 50000)],
          result: 'Giấy chứng nhận đăng ký mẫu con dấu',
          legalBasis: SEAL_LAW,
        },
        {
          nameVi: 'Đăng ký thêm con dấu',
          nameEn: 'Register an additional seal',
          days: 3,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị đăng ký thêm con dấu', 'Request letter', 1, 0),
            doc('Văn bản cho phép sử dụng thêm con dấu của cơ quan có thẩm quyền', 'Authorisation', 0, 1),
            ID_COPY_REP,
          ],
          fees: [fee('Lệ phí cấp Giấy chứng nhận đăng ký mẫu con dấu', 'Seal certificate fee', 50000)],
          result: 'Giấy chứng nhận đăng ký mẫu con dấu',
          legalBasis: SEAL_LAW,
        },
      ],
    },
    {
      code: 'CAT-PCCC',
      nameVi: 'Phòng cháy, chữa cháy',
      nameEn: 'Fire safety',
      procedures: [
        {
          nameVi: 'Thẩm duyệt thiết kế về phòng cháy và chữa cháy',
          nameEn: 'Fire safety design approval',
          days: 10,
          online: 'partial',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị thẩm duyệt thiết kế về phòng cháy và chữa cháy', 'Request letter', 1, 0),
            doc('Bản sao văn bản chấp thuận địa điểm xây dựng', 'Site approval', 0, 1),
            doc(
              'Bản vẽ và bản thuyết minh thiết kế phòng cháy và chữa cháy',
              'Fire safety drawings and report',
              2,
              0,
            ),
          ],
          result: 'Giấy chứng nhận thẩm duyệt thiết kế về phòng cháy và chữa cháy',
          legalBasis: `${FIRE_LAW}; Thông tư 258/2016/TT-BTC`,
          cases: [{ nameVi: 'Dự án, công trình nhóm A', nameEn: 'Group A projects', days: 15 }],
        },
        {
          nameVi: 'Nghiệm thu về phòng cháy và chữa cháy',
          nameEn: 'Fire safety acceptance',
          days: 7,
          online: 'none',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị nghiệm thu về phòng cháy và chữa cháy', 'Request letter', 1, 0),
            doc('Bản sao Giấy chứng nhận thẩm duyệt thiết kế', 'Design approval', 0, 1),
            doc(
              'Biên bản thử nghiệm, nghiệm thu từng phần và tổng thể hệ thống phòng cháy',
              'Test reports',
              1,
              0,
            ),
            doc('Bản vẽ hoàn công hệ thống phòng cháy và chữa cháy', 'As-built drawings', 1, 0),
          ],
          result: 'Văn bản nghiệm thu về phòng cháy và chữa cháy',
          legalBasis: FIRE_LAW,
        },
        {
          nameVi: 'Cấp Giấy chứng nhận huấn luyện nghiệp vụ phòng cháy và chữa cháy',
          nameEn: 'Fire safety training certificate',
          days: 5,
          online: 'none',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị tổ chức huấn luyện và danh sách học viên', 'Request and trainee list', 1, 0),
            PHOTOS,
          ],
          result: 'Giấy chứng nhận huấn luyện nghiệp vụ phòng cháy và chữa cháy',
          legalBasis: FIRE_LAW,
        },
      ],
    },
  ],
};

// -----------------------------------------------------------------------------------------------------------
// 18. Công ty Điện lực Bắc Kạn (enterprise)

const GRID_LAW = 'Luật Điện lực 2004 (sửa đổi 2012); Nghị định 137/2013/NĐ-CP; Thông tư 39/2015/TT-BCT';
const POWER_CONTRACT_LAW =
  'Luật Điện lực 2004 (sửa đổi 2012); Nghị định 137/2013/NĐ-CP; Thông tư 16/2014/TT-BCT';
const POWER_REQUEST = doc('Giấy đề nghị mua điện', 'Electricity supply request', 1, 0);
const PREMISES_COPY = doc(
  'Bản sao giấy tờ xác định chủ thể hoặc quyền sử dụng hợp pháp địa điểm mua điện',
  'Proof of the right to use the premises',
  0,
  1,
);
const CONTRACT_CHANGE_REQUEST = doc(
  'Văn bản đề nghị thay đổi nội dung hợp đồng mua bán điện',
  'Contract change request',
  1,
  0,
);

const PCBK: DemoAgency = {
  code: 'PCBK',
  kind: 'enterprise',
  nameVi: 'Công ty Điện lực Bắc Kạn',
  nameEn: 'Bac Kan Power Company',
  shortName: 'Điện lực Bắc Kạn',
  fields: [
    {
      code: 'PCBK-CD',
      nameVi: 'Cấp điện',
      nameEn: 'Grid connection',
      procedures: [
        {
          nameVi: 'Cấp điện mới từ lưới điện hạ áp',
          nameEn: 'New low-voltage connection',
          days: 5,
          daysOnline: 4,
          online: 'full',
          level: 'province',
          documents: [POWER_REQUEST, ID_COPY, PREMISES_COPY],
          result: 'Hợp đồng mua bán điện; công tơ được lắp đặt và đóng điện',
          legalBasis: GRID_LAW,
          cases: [
            { nameVi: 'Khách hàng sinh hoạt tại thành phố, thị trấn', nameEn: 'Household in town', days: 3 },
          ],
        },
        {
          nameVi: 'Cấp điện mới từ lưới điện trung áp',
          nameEn: 'New medium-voltage connection',
          days: 7,
          online: 'partial',
          level: 'province',
          documents: [
            POWER_REQUEST,
            BIZ_CERT_COPY,
            PREMISES_COPY,
            doc(
              'Hồ sơ nghiệm thu công trình điện của khách hàng',
              'Acceptance file of the customer works',
              1,
              0,
            ),
          ],
          result: 'Hợp đồng mua bán điện; công trình được đóng điện',
          legalBasis: GRID_LAW,
        },
        {
          nameVi: 'Thỏa thuận đấu nối vào lưới điện trung áp',
          nameEn: 'Medium-voltage connection agreement',
          days: 2,
          online: 'full',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị đấu nối', 'Connection request', 1, 0),
            doc(
              'Thông tin về công suất, vị trí và thiết kế trạm biến áp dự kiến',
              'Load and substation data',
              1,
              0,
            ),
          ],
          result: 'Thỏa thuận đấu nối',
          legalBasis: GRID_LAW,
        },
        {
          nameVi: 'Thay đổi công suất sử dụng điện, chuyển đổi công tơ 1 pha sang 3 pha',
          nameEn: 'Change contracted capacity or meter phase',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [
            CONTRACT_CHANGE_REQUEST,
            doc('Bảng kê công suất thiết bị sử dụng điện', 'Appliance load list', 1, 0),
          ],
          result: 'Phụ lục hợp đồng mua bán điện; công tơ được thay đổi',
          legalBasis: GRID_LAW,
        },
        {
          nameVi: 'Di dời công tơ, đường dây cấp điện trong khuôn viên của khách hàng',
          nameEn: 'Relocate a meter or service line',
          days: 5,
          online: 'full',
          level: 'province',
          documents: [doc('Giấy đề nghị di dời công tơ, đường dây', 'Relocation request', 1, 0), ID_COPY],
          result: 'Biên bản treo tháo công tơ sau khi di dời',
          legalBasis: GRID_LAW,
        },
      ],
    },
    {
      code: 'PCBK-HD',
      nameVi: 'Hợp đồng mua bán điện',
      nameEn: 'Electricity contracts',
      procedures: [
        {
          nameVi: 'Thay đổi chủ thể hợp đồng mua bán điện',
          nameEn: 'Change the contract holder',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [CONTRACT_CHANGE_REQUEST, ID_COPY, PREMISES_COPY],
          result: 'Hợp đồng mua bán điện mới',
          legalBasis: POWER_CONTRACT_LAW,
        },
        {
          nameVi: 'Thay đổi mục đích sử dụng điện',
          nameEn: 'Change the electricity use purpose',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [
            CONTRACT_CHANGE_REQUEST,
            doc('Giấy tờ chứng minh mục đích sử dụng điện mới (nếu có)', 'Proof of new use (if any)', 0, 1),
          ],
          result: 'Phụ lục hợp đồng mua bán điện',
          legalBasis: POWER_CONTRACT_LAW,
        },
        {
          nameVi: 'Thay đổi định mức sử dụng điện cho hộ sử dụng chung công tơ',
          nameEn: 'Change shared-meter household quota',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [
            CONTRACT_CHANGE_REQUEST,
            doc(
              'Bản sao sổ hộ khẩu hoặc giấy xác nhận tạm trú của các hộ dùng chung',
              'Residence of sharing households',
              0,
              1,
              true,
            ),
          ],
          result: 'Phụ lục hợp đồng mua bán điện',
          legalBasis: POWER_CONTRACT_LAW,
        },
        {
          nameVi: 'Gia hạn hợp đồng mua bán điện',
          nameEn: 'Renew an electricity contract',
          days: 2,
          online: 'full',
          level: 'province',
          documents: [
            CONTRACT_CHANGE_REQUEST,
            doc('Bản sao hợp đồng thuê nhà (còn hiệu lực)', 'Lease contract', 0, 1),
          ],
          result: 'Phụ lục gia hạn hợp đồng mua bán điện',
          legalBasis: POWER_CONTRACT_LAW,
        },
        {
          nameVi: 'Tạm ngừng, ngừng cung cấp điện theo yêu cầu của khách hàng',
          nameEn: 'Suspend supply on request',
          days: 1,
          online: 'full',
          level: 'province',
          documents: [doc('Văn bản đề nghị ngừng cung cấp điện', 'Suspension request', 1, 0), ID_COPY],
          result: 'Biên bản ngừng cấp điện',
          legalBasis: POWER_CONTRACT_LAW,
        },
        {
          nameVi: 'Chấm dứt hợp đồng mua bán điện',
          nameEn: 'Terminate an electricity contract',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [
            doc('Văn bản đề nghị chấm dứt hợp đồng mua bán điện', 'Termination request', 1, 0),
            ID_COPY,
          ],
          result: 'Biên bản thanh lý hợp đồng mua bán điện',
          legalBasis: POWER_CONTRACT_LAW,
        },
      ],
    },
    {
      code: 'PCBK-DD',
      nameVi: 'Đo đếm điện năng và hóa đơn',
      nameEn: 'Metering and billing',
      procedures: [
        {
          nameVi: 'Kiểm tra, kiểm định công tơ theo yêu cầu của khách hàng',
          nameEn: 'Meter test on request',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [
            doc('Giấy đề nghị kiểm tra, kiểm định công tơ', 'Meter test request', 1, 0),
            doc('Hóa đơn tiền điện gần nhất', 'Latest electricity bill', 0, 1),
          ],
          result: 'Biên bản kiểm tra, kết quả kiểm định công tơ',
          legalBasis: 'Luật Điện lực 2004 (sửa đổi 2012); Luật Đo lường 2011; Thông tư 27/2013/TT-BCT',
        },
        {
          nameVi: 'Giải quyết kiến nghị về chỉ số công tơ, hóa đơn tiền điện',
          nameEn: 'Billing or meter reading complaint',
          days: 3,
          online: 'full',
          level: 'province',
          documents: [
            doc('Đơn kiến nghị', 'Complaint', 1, 0),
            doc('Hóa đơn tiền điện kỳ kiến nghị', 'Disputed bill', 0, 1),
          ],
          result: 'Văn bản trả lời kiến nghị; hóa đơn điều chỉnh (nếu có)',
          legalBasis: POWER_CONTRACT_LAW,
        },
        {
          nameVi: 'Cấp bản sao hóa đơn, xác nhận thanh toán tiền điện',
          nameEn: 'Bill copy or payment confirmation',
          days: 1,
          online: 'full',
          level: 'province',
          documents: [doc('Giấy đề nghị cấp bản sao hóa đơn, xác nhận thanh toán', 'Request', 1, 0), ID_COPY],
          result: 'Bản sao hóa đơn tiền điện hoặc giấy xác nhận thanh toán',
          legalBasis: POWER_CONTRACT_LAW,
        },
      ],
    },
  ],
};

// -----------------------------------------------------------------------------------------------------------

/** The 18 agencies of the seed province: 15 departments, 2 central vertical agencies, 1 enterprise. */
export const DEMO_AGENCIES: DemoAgency[] = [
  STP,
  SKHDT,
  STC,
  SCT,
  SNN,
  SGTVT,
  SXD,
  STNMT,
  STTTT,
  SLDTBXH,
  SVHTTDL,
  SKHCN,
  SGDDT,
  SYT,
  SNV,
  BHXH,
  CAT,
  PCBK,
];
