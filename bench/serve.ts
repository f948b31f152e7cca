// The server's command line as `npm run serve` has it in package.json, V8 flags included, so that the
// benchmark measures the process an operator runs.
import fs from 'node:fs';

export function serveArgs(): string[] {
  const { scripts } = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: { serve: string } };
  const [program, ...args] = scripts.serve.trim().split(/\s+/);
  if (program !== 'node') throw new Error(`package.json's serve script should start with node: ${scripts.serve}`);
  return args;
}
