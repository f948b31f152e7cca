// Every procedure declares the shape of its answer (`.output(schema)`): tRPC parses each answer with it,
// and the schemas are what an API description is made from. The router is walked, so a new procedure
// without an output schema, or with one that JSON Schema cannot express, fails here.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appRouter } from '@/server/app-router';

type ProcedureDef = { _def: { type: string; output?: unknown } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>).sort(([a], [b]) => a.localeCompare(b));

const isZod = (parser: unknown): parser is z.ZodType => parser instanceof z.ZodType;

describe('output schemas', () => {
  it('walks the whole router', () => {
    expect(procedures.length).toBeGreaterThan(60);
  });

  it('every procedure has an output parser, a zod schema', () => {
    expect(procedures.filter(([, p]) => !isZod(p._def.output)).map(([path]) => path)).toEqual([]);
  });

  it('every output schema says what it is (a description for the API description)', () => {
    const undescribed = procedures.filter(([, p]) => isZod(p._def.output) && !p._def.output.description).map(([path]) => path);
    expect(undescribed).toEqual([]);
  });

  for (const [path, p] of procedures) {
    it(`${path}: its output is expressible as JSON Schema, with no free-form answer`, () => {
      const output = p._def.output;
      if (!isZod(output)) throw new Error(`${path} has no output schema`);
      // Throws on what JSON cannot carry (dates, bigints, maps, transforms).
      const schema = z.toJSONSchema(output, { io: 'output' }) as Record<string, unknown>;
      // A whole answer of any shape (z.any(), z.unknown()) describes nothing.
      const { $schema: _draft, description: _description, ...shape } = schema;
      expect(Object.keys(shape).length, `${path}: ${JSON.stringify(schema)}`).toBeGreaterThan(0);
    });
  }
});
