import { defineMessages } from '@/lib/i18n/define';

// Interface text shared by every page. Page-specific text sits in the same table, grouped by prefix.
export const uiMessages = defineMessages(
  {
    appName: '指标交易平台',
    appSubtitle: '山西省城乡建设用地增减挂钩节余指标交易',
    language: 'English',
    signIn: '登录',
    signOut: '退出',
    username: '用户名',
    password: '密码',
    mu: '亩',
    yuan: '元',
    wanYuan: '万元',
    yuanPerMu: '元/亩',
    role_province: '省厅',
    role_city: '市局',
    role_county: '县',
    role_zone: '开发区',
  },
  {
    appName: 'Quota Exchange',
    appSubtitle: 'Shanxi surplus linking-quota trading',
    language: '中文',
    signIn: 'Sign in',
    signOut: 'Sign out',
    username: 'User name',
    password: 'Password',
    mu: 'mu',
    yuan: 'yuan',
    wanYuan: '10k yuan',
    yuanPerMu: 'yuan/mu',
    role_province: 'Province',
    role_city: 'City',
    role_county: 'County',
    role_zone: 'Zone',
  },
);
