// Market settings and their defaults (deposit 20%, payment due in 10 days, anti-sniping
// window and extension 5 minutes each). Stored as integers; the province may change them.
export const SETTING_DEFAULTS = {
  depositRateBp: 2000,
  paymentDays: 10,
  antiSnipingWindowSeconds: 300,
  antiSnipingExtensionSeconds: 300,
} as const;

export type SettingKey = keyof typeof SETTING_DEFAULTS;
export type MarketSettings = Record<SettingKey, number>;

