// Market settings and their defaults (deposit 20%, payment due in 10 days, anti-sniping
// window and extension 5 minutes each, no holdback of proceeds). Stored as integers; the province may change them.
export const SETTING_DEFAULTS = {
  depositRateBp: 2000,
  paymentDays: 10,
  antiSnipingWindowSeconds: 300,
  antiSnipingExtensionSeconds: 300,
  /** Share of each trade's proceeds held until the project's reclamation is accepted (basis points; 0 = none). */
  holdbackBp: 0,
} as const;

export type SettingKey = keyof typeof SETTING_DEFAULTS;
export type MarketSettings = Record<SettingKey, number>;

