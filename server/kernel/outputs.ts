// Pieces of the procedures' output schemas (`.output(...)`) shared by every module: the integer units,
// the page envelope, and the check that a schema names exactly the fields of the type it describes.
// Outputs go out as plain JSON (no transformer): moments are epoch milliseconds, money integer fen,
// areas integer thousandths of a mu (server/kernel/units.ts), never Dates, bigints or Maps.
import 'server-only';
import { z } from 'zod';

/** A row's id (or another row's, by reference). */
export const idOut = z.number().int().describe('id');
/** Money in fen (分): 100 fen = 1 元. */
export const fenOut = z.number().int().describe('金额，单位：分 (fen)');
/** A price per mu in fen (分/亩). */
export const fenPerMuOut = z.number().int().describe('单价，单位：分/亩 (fen per mu)');
/** An area or a quantity of quota in thousandths of a mu (千分之一亩). */
export const milliMuOut = z.number().int().describe('面积/指标数量，单位：千分之一亩 (milli-mu)');
/** A moment, as epoch milliseconds. */
export const epochMsOut = z.number().int().describe('时刻，epoch 毫秒 (epoch milliseconds)');
/** A count of things. */
export const countOut = z.number().int().describe('数量 (count)');
/** A calendar year (China time). */
export const yearOut = z.number().int().describe('年度 (calendar year, China time)');
/** A rate in basis points: 10000 = 100%. */
export const basisPointsOut = z.number().int().describe('比例，基点 (basis points, 10000 = 100%)');

/** The envelope of a page of a longer list: how many rows in all, which page (1-based), rows per page. */
export const pageEnvelope = {
  total: countOut.describe('全部页的行数 (rows over all pages)'),
  page: z.number().int().describe('页码，从 1 起 (1-based page number)'),
  pageSize: z.number().int().describe('每页行数 (rows per page)'),
};

/** A mutation that answers only that it was done. */
export const okOut = z.object({ ok: z.literal(true) }).describe('已完成 (done)');

// --- proof that a schema describes a type ------------------------------------------------------------

/** Whether A and B are each assignable to the other: same fields, same types (deeply). */
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * True when the schema's parsed type is the type `T` a query or use case returns: a field missing from
 * the schema (which tRPC would strip from the response) or one it has too many fails to compile.
 * Used as `type _x = Describes<typeof schema, Row>` beside each schema of a whole row.
 */
export type Describes<S extends z.ZodType, T> = Mutual<z.output<S>, T> extends true ? true : { schema: z.output<S>; returns: T };

/** Compiles only for `true`: `Proves<Describes<…>>`. */
export type Proves<T extends true> = T;

/** Whether a union of string literals is exactly the values of an enum schema (retyped from a domain union type). */
export type SameValues<S extends z.ZodType, T> = Mutual<z.output<S>, T> extends true ? true : { schema: z.output<S>; domain: T };
