import { createHash } from 'node:crypto';
import { appendFileSync, chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { absentWorldEntities, emptyGlossary, withWorldEntities } from '../../src/core/glossary.js';
import { readSeeds } from '../../src/core/ingest.js';
import { tempDir } from './support.js';

const isRoot = process.getuid?.() === 0;
const GOOD = 'A good title\n\nJane Roe\n\nThe office opened on Monday. It has four rooms.\n';
const NOTES = '# Notes\n\nThe notes file is Markdown and is read too.\n';

let dir: { path: string; cleanup: () => void };
const at = (name: string) => join(dir.path, name);

beforeEach(() => {
  dir = tempDir('ingest');
});
afterEach(() => {
  try {
    chmodSync(at('locked.txt'), 0o644);
  } catch {
    // not created in this test
  }
  dir.cleanup();
});

/** A folder with one file of every kind that must be read or skipped. */
function writeMixedFolder(): void {
  writeFileSync(at('b-good.txt'), GOOD);
  writeFileSync(at('a-notes.md'), NOTES);
  writeFileSync(at('empty.txt'), '');
  writeFileSync(at('blank.txt'), '  \n\n\t\n');
  writeFileSync(at('binary.txt'), Buffer.from([0x48, 0x69, 0x00, 0x01, 0x02, 0x48, 0x69]));
  writeFileSync(at('latin1.txt'), Buffer.from('Caf\xe9 in M\xfcnchen, na\xefve r\xe9sum\xe9.\n', 'latin1'));
  writeFileSync(at('data.json'), JSON.stringify({ not: 'a seed' }));
  writeFileSync(at('image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]));
  mkdirSync(at('folder.txt'));
}

describe('readSeeds on a folder of mixed files', () => {
  it('reads the .txt and .md files in name order and only those', () => {
    writeMixedFolder();
    const seeds = readSeeds(dir.path);
    expect(seeds.files.map((f) => f.id)).toEqual(['a-notes.md', 'b-good.txt']);
    expect(seeds.files[1]!.text).toBe(GOOD);
    expect(seeds.files[0]!.text).toBe(NOTES);
  });

  it.each([
    ['empty.txt', /empty/],
    ['blank.txt', /empty/],
    ['binary.txt', /binary|NUL/i],
    ['latin1.txt', /UTF-8/],
    ['folder.txt', /regular file/],
  ])('skips %s with a warning that names it and says why', (name, why) => {
    writeMixedFolder();
    const { warnings } = readSeeds(dir.path);
    const mine = warnings.filter((w) => w.startsWith(`${name}:`));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatch(why);
  });

  it('warns once per skipped file, and never about files it reads or ignores', () => {
    writeMixedFolder();
    const { warnings } = readSeeds(dir.path);
    expect(warnings).toHaveLength(5);
    for (const name of ['b-good.txt', 'a-notes.md', 'data.json', 'image.png']) expect(warnings.join('\n')).not.toContain(name);
  });

  it.skipIf(isRoot)('skips an unreadable file with a warning naming it (not as root: root reads anything)', () => {
    writeFileSync(at('good.txt'), GOOD);
    writeFileSync(at('locked.txt'), GOOD);
    chmodSync(at('locked.txt'), 0o000);
    const seeds = readSeeds(dir.path);
    expect(seeds.files.map((f) => f.id)).toEqual(['good.txt']);
    expect(seeds.warnings).toEqual([expect.stringMatching(/^locked\.txt: skipped, unreadable/)]);
  });

  it('skips a file over the size limit with a warning', () => {
    writeFileSync(at('big.txt'), 'word '.repeat(100));
    writeFileSync(at('small.txt'), GOOD);
    const seeds = readSeeds(dir.path, { maxFileBytes: 200 });
    expect(seeds.files.map((f) => f.id)).toEqual(['small.txt']);
    expect(seeds.warnings).toEqual([expect.stringMatching(/^big\.txt: skipped, 500 bytes/)]);
  });

  it('reads an upper-case extension', () => {
    writeFileSync(at('LOUD.TXT'), GOOD);
    expect(readSeeds(dir.path).files.map((f) => f.id)).toEqual(['LOUD.TXT']);
  });

  it('drops a UTF-8 byte-order mark but hashes the bytes as they are', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GOOD)]);
    writeFileSync(at('bom.txt'), bytes);
    const [file] = readSeeds(dir.path).files;
    expect(file!.text).toBe(GOOD);
    expect(file!.bytes).toBe(bytes.length);
    expect(file!.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('keeps the text byte-exact: CRLF, tabs and non-ASCII letters are not normalised', () => {
    const text = 'Title\r\n\r\n\tCafé “quoted” — 東京 🙂\r\n';
    writeFileSync(at('crlf.txt'), text);
    expect(readSeeds(dir.path).files[0]!.text).toBe(text);
  });

  it('an empty folder gives no files and no warnings', () => {
    const seeds = readSeeds(dir.path);
    expect(seeds.files).toEqual([]);
    expect(seeds.warnings).toEqual([]);
    // No corpus glossary: the world's countries and organisations only, none of which an empty corpus mentions.
    expect(seeds.glossary.entities.germany).toMatchObject({ kind: 'country', general: true });
    expect(seeds.worldEntities).toContain('germany');
    expect(Object.values(seeds.glossary.entities).every((e) => e.general === true)).toBe(true);
    expect(seeds.glossary.people).toEqual([]);
  });

  it('a missing folder throws (the caller reports it; nothing to serve)', () => {
    expect(() => readSeeds(at('does-not-exist'))).toThrow();
  });
});

describe('glossary.json beside the seeds', () => {
  it('is read when valid', () => {
    writeFileSync(at('a.txt'), GOOD);
    writeFileSync(at('glossary.json'), JSON.stringify({ entities: { nato: { kind: 'organisation', forms: ['nato', 'otan'] } } }));
    const seeds = readSeeds(dir.path);
    expect(seeds.glossary.entities.nato?.forms).toEqual(['nato', 'otan']);
    expect(seeds.warnings).toEqual([]);
  });

  it.each([
    ['not JSON', '{ entities: '],
    ['an entity without forms', JSON.stringify({ entities: { nato: { kind: 'organisation', forms: [] } } })],
    ['a part of an entity it does not define', JSON.stringify({ entities: { iturup: { kind: 'place', forms: ['iturup'], partOf: ['kurils'] } } })],
    ['a person speaking for an entity it does not define', JSON.stringify({ entities: {}, people: [{ name: 'Qin Gang', forms: ['qin'], speaksFor: ['china'] }] })],
  ])('is ignored with a warning when it is %s', (_why, content) => {
    writeFileSync(at('a.txt'), GOOD);
    writeFileSync(at('glossary.json'), content);
    const seeds = readSeeds(dir.path);
    expect(seeds.glossary).toEqual(withWorldEntities(emptyGlossary, absentWorldEntities([GOOD])));
    expect(seeds.warnings).toEqual([expect.stringMatching(/^glossary\.json: ignored/)]);
    expect(seeds.files).toHaveLength(1);
  });

  it('a file of the wrong shape is told in one readable line: where in it, and what, never the folder', () => {
    writeFileSync(at('a.txt'), GOOD);
    writeFileSync(at('glossary.json'), JSON.stringify({ entities: { iturup: { kind: 'place', forms: ['iturup'], partOf: ['kurils'] } } }));
    writeFileSync(at('metadata.json'), JSON.stringify({ 'a.txt': 5 }));
    const warnings = readSeeds(dir.path).warnings;
    rmSync(at('metadata.json'));
    expect(warnings).toEqual([
      expect.stringMatching(/^glossary\.json: ignored, at entities\.iturup\.partOf: .*part of "kurils"/),
      'metadata.json: ignored, at a.txt: Invalid input: expected object, received number',
    ]);
    expect(warnings.join('\n')).not.toContain(dir.path);
  });
});

describe('the world\'s countries under the glossary', () => {
  it('adds a country the corpus never mentions, not one it mentions, and never overrides the glossary', () => {
    writeFileSync(at('a.txt'), 'Talks in Norway\n\nThe Swedish delegation met Australian officials on Monday. Tell us how to polish the plan.\n');
    writeFileSync(at('glossary.json'), JSON.stringify({ entities: { nato: { kind: 'organisation', forms: ['nato'] }, sweden: { kind: 'country', forms: ['sweden'] } } }));
    const { glossary, worldEntities } = readSeeds(dir.path);
    const { entities } = glossary;
    expect(entities.germany).toEqual({ kind: 'country', forms: ['germany', 'german', 'germans'], general: true });
    expect(entities.chad).toMatchObject({ exactForms: ['Chad'] });
    // "Australian" and "Norway" are named: those countries are the corpus's to define (here, it does not).
    expect(entities.australia).toBeUndefined();
    expect(entities.norway).toBeUndefined();
    expect(worldEntities).not.toContain('australia');
    // The verb "polish" is not Poland: exact forms are matched as written.
    expect(entities.poland).toMatchObject({ exactForms: ['Polish'] });
    expect(entities.sweden).toEqual({ kind: 'country', forms: ['sweden'] });
    expect(entities.nato).toEqual({ kind: 'organisation', forms: ['nato'] });
  });

  it('a form the glossary gives another entity stays that entity\'s', () => {
    const g = withWorldEntities({ entities: { georgia: { kind: 'place', forms: ['tbilisi'] } }, people: [{ name: 'Ines Israeli', forms: ['israeli'] }], rewrites: [] }, ['georgia', 'israel']);
    expect(g.entities.georgia).toEqual({ kind: 'place', forms: ['tbilisi'] });
    expect(g.entities.israel?.forms).toEqual(['israel', 'israelis']);
  });

  it('capitals are no country names: "the Hague ruling", "the Minsk agreements" name no country', () => {
    const g = withWorldEntities(emptyGlossary, absentWorldEntities(['']));
    const forms = Object.values(g.entities).flatMap((e) => [...e.forms, ...(e.exactForms ?? [])].map((f) => f.toLowerCase()));
    for (const city of ['the hague', 'hague', 'minsk', 'geneva', 'helsinki', 'budapest', 'warsaw', 'berlin']) expect(forms).not.toContain(city);
  });
});

describe('fingerprint', () => {
  beforeEach(() => {
    writeFileSync(at('a.txt'), GOOD);
    writeFileSync(at('b.md'), NOTES);
  });

  it('is the same when nothing changed', () => {
    expect(readSeeds(dir.path).fingerprint).toBe(readSeeds(dir.path).fingerprint);
    expect(readSeeds(dir.path).fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when a file changes, even by one byte', () => {
    const before = readSeeds(dir.path).fingerprint;
    appendFileSync(at('a.txt'), ' ');
    expect(readSeeds(dir.path).fingerprint).not.toBe(before);
  });

  it('changes when a file is added, removed or renamed', () => {
    const before = readSeeds(dir.path).fingerprint;
    writeFileSync(at('c.txt'), GOOD);
    const added = readSeeds(dir.path).fingerprint;
    expect(added).not.toBe(before);
    rmSync(at('c.txt'));
    expect(readSeeds(dir.path).fingerprint).toBe(before);
    rmSync(at('b.md'));
    writeFileSync(at('renamed.md'), NOTES);
    expect(readSeeds(dir.path).fingerprint).not.toBe(before);
  });

  it('changes when the glossary or the metadata change', () => {
    const before = readSeeds(dir.path).fingerprint;
    writeFileSync(at('glossary.json'), JSON.stringify({ entities: { x: { kind: 'k', forms: ['xx'] } } }));
    const withGlossary = readSeeds(dir.path).fingerprint;
    expect(withGlossary).not.toBe(before);
    writeFileSync(at('metadata.json'), JSON.stringify({ 'a.txt': { date: '2020-01-01' } }));
    expect(readSeeds(dir.path).fingerprint).not.toBe(withGlossary);
  });

  it('does not change for files it does not read', () => {
    const before = readSeeds(dir.path).fingerprint;
    writeFileSync(at('notes.json'), '{}');
    writeFileSync(at('picture.png'), Buffer.from([1, 2, 3]));
    expect(readSeeds(dir.path).fingerprint).toBe(before);
  });

  it('each file hash is the SHA-256 of its bytes', () => {
    for (const f of readSeeds(dir.path).files) {
      expect(f.hash).toBe(createHash('sha256').update(readFileSync(at(f.id))).digest('hex'));
      expect(f.bytes).toBe(readFileSync(at(f.id)).length);
    }
  });
});
