// One name for each thing: the glossary's terms (ui's land types, assets and rights, modes, roles) are
// defined once, and no other message gives the same thing (the same English term) another Chinese name.
import { describe, expect, it } from 'vitest';
import { adminMessages } from '@/messages/admin';
import { auditMessages } from '@/messages/audit';
import { errorMessages } from '@/messages/errors';
import { holdingMessages } from '@/messages/holdings';
import { integrityMessages } from '@/messages/integrity';
import { marketMessages } from '@/messages/market';
import { proceedsMessages } from '@/messages/proceeds';
import { projectMessages } from '@/messages/projects';
import { statsMessages } from '@/messages/stats';
import { uiMessages } from '@/messages/ui';

const others = { audit: auditMessages, errors: errorMessages, market: marketMessages, admin: adminMessages, projects: projectMessages, holdings: holdingMessages, proceeds: proceedsMessages, stats: statsMessages, integrity: integrityMessages };
const GLOSSARY = /^(landType|asset|mode|role)_/;
const terms = Object.keys(uiMessages.zh).filter((k) => GLOSSARY.test(k)) as (keyof typeof uiMessages.zh)[];

describe('the glossary', () => {
  it('has the land types, the assets and rights, the modes and the roles', () => {
    expect(terms).toEqual(expect.arrayContaining(['landType_ordinary', 'landType_high_standard', 'landType_other', 'asset_NEW_LAND', 'mode_auction', 'role_zone']));
  });

  it('defines each term in one place', () => {
    for (const [ns, catalog] of Object.entries(others)) {
      for (const key of Object.keys(catalog.zh)) expect(GLOSSARY.test(key), `${ns}.${key} redefines a glossary term`).toBe(false);
    }
  });

  it('no other message calls the same thing by another Chinese name', () => {
    for (const term of terms) {
      const en = uiMessages.en[term];
      for (const [ns, catalog] of Object.entries(others)) {
        for (const [key, text] of Object.entries(catalog.en as Record<string, string>)) {
          if (text === en) expect((catalog.zh as Record<string, string>)[key], `${ns}.${key} names "${en}" otherwise than ui.${term}`).toBe(uiMessages.zh[term]);
        }
      }
    }
  });
});
