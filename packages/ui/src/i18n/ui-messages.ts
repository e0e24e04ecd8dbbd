import { createUseT, defineMessages } from './locale.js';

/** Texts of the shared pieces in this package. */
export const uiMessages = defineMessages({
  vi: {
    'layout.skipToContent': 'Bỏ qua, đến nội dung chính',
    'layout.language': 'Ngôn ngữ',
    'layout.languageVi': 'Tiếng Việt',
    'layout.languageEn': 'English',
    'layout.mainNavigation': 'Điều hướng chính',
    'layout.menu': 'Trình đơn',
    'layout.demoNotice':
      'Dữ liệu mẫu: các con số trên trang này được tạo để trình diễn, không phải số liệu chính thức.',
    'layout.footerAbout': 'Chỉ số — nền tảng mở đo lường và cải thiện dịch vụ công.',
    'figure.notPublishable': 'Chưa đủ mẫu để công bố',
    'figure.notPublishableDetail': 'Cần ít nhất {minimum} người trả lời; hiện có {n}.',
    'figure.interval': 'Khoảng tin cậy 95%: {low} – {high}',
    'figure.sampleSize': 'n = {n}',
    'figure.showDefinition': 'Định nghĩa',
    'figure.hideDefinition': 'Ẩn định nghĩa',
    'chart.loading': 'Đang tải biểu đồ…',
    'page.loading': 'Đang tải…',
  },
  en: {
    'layout.skipToContent': 'Skip to main content',
    'layout.language': 'Language',
    'layout.languageVi': 'Tiếng Việt',
    'layout.languageEn': 'English',
    'layout.mainNavigation': 'Main navigation',
    'layout.menu': 'Menu',
    'layout.demoNotice':
      'Demo data: the figures on this site are made up for demonstration, not official statistics.',
    'layout.footerAbout': 'Chỉ số — an open platform for measuring and improving public services.',
    'figure.notPublishable': 'Not publishable: sample too small',
    'figure.notPublishableDetail': 'At least {minimum} respondents are needed; there are {n}.',
    'figure.interval': '95% confidence interval: {low} – {high}',
    'figure.sampleSize': 'n = {n}',
    'figure.showDefinition': 'Definition',
    'figure.hideDefinition': 'Hide definition',
    'chart.loading': 'Loading the chart…',
    'page.loading': 'Loading…',
  },
});

export const useUiT = createUseT(uiMessages);
