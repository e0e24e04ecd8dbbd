import { createUseT, defineMessages } from '@chiso/ui';

/** Every text the portal shows: Vietnamese first, English beside it. */
export const portalMessages = defineMessages({
  vi: {
    'app.title': 'Chỉ số',
    'app.documentTitle': 'Chỉ số — Dịch vụ công',
    'nav.home': 'Trang chủ',
    'nav.provinces': 'Tỉnh, thành phố',
    'home.heading': 'Đo lường chất lượng dịch vụ công',
    'home.lead':
      'Chỉ số hài lòng của người dân, tiến độ giải quyết thủ tục hành chính và kết quả xếp hạng các cơ quan, địa phương — công khai, minh bạch.',
    'home.searchLabel': 'Tìm thủ tục, cơ quan hoặc địa phương',
    'home.searchPlaceholder': 'Ví dụ: cấp đổi giấy phép lái xe',
    'home.searchButton': 'Tìm kiếm',
    'home.searchSoon': 'Chức năng tìm kiếm sẽ sớm có. Bạn đã tìm: “{query}”.',
    'home.provincesCard': 'Danh sách tỉnh, thành phố theo từng năm',
    'home.provincesCardLead':
      'Xem 63 tỉnh, thành phố trước ngày 01/7/2025 và 34 tỉnh, thành phố sau sắp xếp.',
    'provinces.heading': 'Tỉnh, thành phố',
    'provinces.year': 'Năm',
    'provinces.asOf': 'Đơn vị hành chính cấp tỉnh có hiệu lực ngày {date}.',
    'provinces.count': '{count} tỉnh, thành phố',
    'provinces.columnName': 'Tỉnh, thành phố',
    'provinces.columnRegion': 'Vùng',
    'provinces.noRegion': '—',
    'provinces.byRegion': 'Số tỉnh, thành phố theo vùng',
    'provinces.chartSeries': 'Số tỉnh, thành phố',
    'provinces.loading': 'Đang tải danh sách…',
    'provinces.error': 'Không tải được danh sách. Vui lòng thử lại sau.',
    'notFound.heading': 'Không tìm thấy trang',
    'notFound.back': 'Về trang chủ',
  },
  en: {
    'app.title': 'Chỉ số',
    'app.documentTitle': 'Chỉ số — Public services',
    'nav.home': 'Home',
    'nav.provinces': 'Provinces',
    'home.heading': 'Measuring the quality of public services',
    'home.lead':
      'Citizen satisfaction, the handling of administrative procedures and the rankings of agencies and provinces — open and transparent.',
    'home.searchLabel': 'Search procedures, agencies or places',
    'home.searchPlaceholder': 'For example: renewing a driving licence',
    'home.searchButton': 'Search',
    'home.searchSoon': 'Search is coming soon. You searched for “{query}”.',
    'home.provincesCard': 'Provinces year by year',
    'home.provincesCardLead':
      'See the 63 provinces before 1 July 2025 and the 34 provinces after the reorganisation.',
    'provinces.heading': 'Provinces',
    'provinces.year': 'Year',
    'provinces.asOf': 'Province-level units in force on {date}.',
    'provinces.count': '{count} provinces',
    'provinces.columnName': 'Province',
    'provinces.columnRegion': 'Region',
    'provinces.noRegion': '—',
    'provinces.byRegion': 'Provinces by region',
    'provinces.chartSeries': 'Provinces',
    'provinces.loading': 'Loading the list…',
    'provinces.error': 'The list could not be loaded. Please try again later.',
    'notFound.heading': 'Page not found',
    'notFound.back': 'Back to the home page',
  },
});

export const useT = createUseT(portalMessages);
