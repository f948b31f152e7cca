// Serial ranges (domain.md step 2): every milli-mu unit of a lot has a serial number, and a sale takes
// the next contiguous range of the lot, as registries of tradable rights split certificates. Units only
// leave a county at settlement, so a lot's sold units are always the front of its range.

export interface SerialRange {
  /** First serial in the range. */
  start: number;
  /** One past the last serial. */
  end: number;
}

/** The range a settlement of `qtyMilliMu` takes when `soldMilliMu` of the lot has already been sold. */
export function nextSaleRange(lot: { serialStart: number; qtyMilliMu: number }, soldMilliMu: number, qtyMilliMu: number): SerialRange {
  if (qtyMilliMu <= 0 || soldMilliMu < 0 || soldMilliMu + qtyMilliMu > lot.qtyMilliMu) {
    throw new RangeError(`sale of ${qtyMilliMu} after ${soldMilliMu} exceeds lot of ${lot.qtyMilliMu}`);
  }
  const start = lot.serialStart + soldMilliMu;
  return { start, end: start + qtyMilliMu };
}

/** What of the lot the county still holds after `soldMilliMu` has been sold. */
export function remainingRange(lot: { serialStart: number; qtyMilliMu: number }, soldMilliMu: number): SerialRange | null {
  if (soldMilliMu >= lot.qtyMilliMu) return null;
  return { start: lot.serialStart + soldMilliMu, end: lot.serialStart + lot.qtyMilliMu };
}

/** "000001348889–000001948888": the first and last serial, zero-padded so ranges sort as text. */
export const formatSerialRange = (r: SerialRange) => `${String(r.start).padStart(12, '0')}–${String(r.end - 1).padStart(12, '0')}`;
