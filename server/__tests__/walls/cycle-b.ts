// Fixture for walls.test.ts: the other half of the cycle, imported back by a relative path.
import { a } from './cycle-a';

export const b = 1;
export const callA = () => a();
