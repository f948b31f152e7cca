// Fixture for walls.test.ts: cycle-a and cycle-b import each other, so import-x/no-cycle must report
// both. The folder is left out of the normal lint run (eslint.config.mjs ignores it).
import { b } from '@/server/__tests__/walls/cycle-b';

export const a = () => b + 1;
