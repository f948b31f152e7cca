// Output schemas of the market settings as versions: what is in force (with its document), what waits
// for its date, every version recorded, a new document's versions.
import 'server-only';
import { z } from 'zod';
import { SETTING_KEYS, type SettingKey } from '@/server/settings/domain/settings';
import type { settingHistory } from './queries';
import type { addSettingVersions } from './settings';
import { type Describes, type Proves, epochMsOut, idOut } from '@/server/kernel/outputs';

export const settingKeyOut = z
  .enum(SETTING_KEYS as [SettingKey, ...SettingKey[]])
  .describe('设置项：保证金比例(基点)、付款期限(天)、延时窗口/延时(秒)、复垦验收期限(年)、验收前暂扣价款比例(基点)');

const version = {
  id: z.number().int().min(0).describe('版本 id；0 为未经记录的默认值 (0: a default no one recorded)'),
  key: settingKeyOut,
  value: z.number().int().describe('取值，按设置项的单位 (value in the setting’s unit)'),
  documentNo: z.string().describe('依据文号；— 为无 (policy document number; — for none)'),
  effectiveFrom: epochMsOut.describe('生效时刻 (the moment it takes effect)'),
  recordedAt: epochMsOut.describe('记录时刻；默认值为 0 (when it was recorded; 0 for a default)'),
  recordedBy: idOut.nullable().describe('记录人 (user id)；null 为默认值或迁移前的取值'),
};

export const settingVersionOut = z.object(version).describe('设置版本 (a version of a setting)');

/** What is in force at a moment: one version per setting. */
export const settingsInForceOut = z
  .object({
    at: epochMsOut.describe('查询时刻 (the moment looked at)'),
    rows: z.array(settingVersionOut).describe('每个设置项在该时刻有效的版本'),
  })
  .describe('某时刻有效的交易设置及其依据文件 (settings in force at a moment, with their documents)');

/** Now: what is in force, and what waits for its date. */
export const settingsCurrentOut = settingsInForceOut
  .extend({ pending: z.array(settingVersionOut).describe('已记录、尚未生效的版本，按生效时间升序') })
  .describe('现行交易设置及待生效版本 (settings in force now, and versions waiting for their date)');

const historyRowOut = z.object({ ...version, recordedByName: z.string().nullable().describe('记录人姓名') }).describe('设置版本及记录人');
type _History = Proves<Describes<typeof historyRowOut, Awaited<ReturnType<typeof settingHistory>>[number]>>;
export const settingsHistoryOut = z.array(historyRowOut).describe('全部已记录的设置版本，最新记录在前');

export const settingVersionsAddedOut = z
  .object({ effectiveFrom: epochMsOut.describe('生效时刻'), documentNo: z.string().describe('依据文号'), versions: z.array(settingVersionOut) })
  .describe('新记录的设置版本 (the versions a document recorded)');
type _Added = Proves<Describes<typeof settingVersionsAddedOut, Awaited<ReturnType<typeof addSettingVersions>>>>;
