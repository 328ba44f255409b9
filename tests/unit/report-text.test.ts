import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { loadSeedReports } from '../../cli/load-reports';
import { parseReportText, parseDateLine } from '../../lib/report-text';

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

// Read by hand from each seed: the lines that are site furniture or metadata,
// and what is known of the report. Every other line of the capture is the report.
const EXPECTED: Record<string, {
  title: string | null; outlet: string | null; date: string | null; author: string | null;
  notBody: string[];
}> = {
  '000_9e25b9b5bbba87cf': {
    title: 'South Korea confirms no troop deployment to Ukraine', outlet: null, date: null,
    author: 'Aghakazim Guliyev', notBody: ['By Aghakazim Guliyev'],
  },
  '001_14d4b8edd7d3672e': {
    title: 'South Korean Defense Ministry: North Korea may send military personnel to Ukraine to support Russia',
    outlet: 'Athens News', date: '2024-10-08', author: null,
    notBody: ['October 8, 2024', 'Athens News', 'News in English from Greece', 'Source link', 'Verified by MonsterInsights'],
  },
  '002_6ffb8df8e807f53f': {
    title: 'South Korea Demands Immediate Withdrawal of North Korean Troops from Russia', outlet: null, date: null, author: null,
    notBody: ['Date:', 'LEAVE A REPLY', 'Please enter your comment!', 'Please enter your name here', 'Share post:',
      'Subscribe', 'spot_imgspot_img', 'Popular', 'More like this', 'Related',
      'Netanyahu: No Ceasefire Without Hostage List as Tel Aviv Faces Tensions',
      'Israeli Prime Minister Benjamin Netanyahu warned Saturday that the...',
      'Ski Lift Accident in Spain Leaves 30 Injured, Some Seriously', 'A ski lift accident at the Astún ski resort...',
      'Israel to Release Over 1,800 Palestinian Prisoners in Ceasefire Deal, Egypt Says',
      'Israel will release more than 1,800 Palestinian prisoners as...',
      'UK Prime Minister Starmer Signs Historic 100-Year Partnership with Ukraine in Kyiv',
      'U.K. Prime Minister Keir Starmer and Ukrainian President Volodymyr...'],
  },
  '003_0bc07d4d54873c3e': {
    title: null, outlet: null, date: null, author: null,
    notBody: ['Related article: North Koreans Fighting for Russia Put Warm Words into Practice'],
  },
  '004_8cbaaadb9775d755': {
    title: 'North Korea sends troops to aid Russia’s war in Ukraine: Seoul', outlet: null, date: null, author: null,
    notBody: ['Exit mobile version'],
  },
};

const reports = loadSeedReports();

describe('seed reports', () => {
  it('gives one report per seed, with the file name as id', () => {
    const files = readdirSync('seeds').filter((n) => n.endsWith('.txt')).map((n) => n.replace(/\.txt$/, ''));
    expect(reports.map((r) => r.id)).toEqual(files.sort());
    expect(reports.every((r) => r.origin === 'seed')).toBe(true);
  });

  for (const [id, expected] of Object.entries(EXPECTED)) {
    describe(id, () => {
      const report = reports.find((r) => r.id === id)!;
      const raw = readFileSync(`seeds/${id}.txt`, 'utf8');

      it('states only the metadata the text states', () => {
        expect({ title: report.title, outlet: report.outlet, date: report.date, author: report.author })
          .toEqual({ title: expected.title, outlet: expected.outlet, date: expected.date, author: expected.author });
      });

      it('drops every line of site furniture', () => {
        const bodyLines = report.text.split('\n\n');
        for (const line of expected.notBody) {
          expect(bodyLines.map(normalise), line).not.toContain(normalise(line));
          if (line.length > 12) expect(normalise(report.text), line).not.toContain(normalise(line));
        }
        expect(report.text).not.toMatch(/Exit mobile version|Verified by MonsterInsights|Share post|LEAVE A REPLY|spot_img/);
      });

      it('keeps every other line of the report, and the headline only once', () => {
        const body = normalise(report.text);
        const skip = new Set([...expected.notBody, expected.title ?? ''].map(normalise));
        const lines = raw.split('\n').map(normalise).filter((l) => l && !skip.has(l));
        expect(lines.length).toBeGreaterThan(5);
        for (const line of lines) expect(body, line).toContain(line);
        if (expected.title) expect(body).not.toContain(normalise(expected.title));
      });
    });
  }

  it('undoes hard wraps inside a paragraph (003)', () => {
    const report = reports.find((r) => r.id === '003_0bc07d4d54873c3e')!;
    expect(report.text).toContain('in support of Russia,” Yonhap quoted a government source in Seoul as saying.');
    expect(report.text).toContain('step in Russian-North Korean military ties.');
    expect(report.text.split('\n\n')[0]).toMatch(/^South Korea may soon deploy .* citing an anonymous government source\.$/);
  });
});

describe('parseReportText on other captures', () => {
  it('reads a date stated as "Date: 12 November 2024" and a byline at the top', () => {
    const r = parseReportText('x', 'Kremlin says nothing on North Korean troops\nBy Jane Roe\nDate: 12 November 2024\n\nThe Kremlin again declined to comment on reports.');
    expect(r).toMatchObject({ title: 'Kremlin says nothing on North Korean troops', author: 'Jane Roe', date: '2024-11-12' });
    expect(r.text).toBe('The Kremlin again declined to comment on reports.');
  });

  it('leaves everything unknown as null rather than guessing', () => {
    const r = parseReportText('y', 'In September 2023, Putin met Kim Jong Un. Reuters reported the talks lasted hours.');
    expect(r).toMatchObject({ title: null, outlet: null, date: null, author: null });
    expect(r.text).toContain('Reuters reported');
  });

  it('keeps a short report whole even when it ends in a "Comments" line', () => {
    const r = parseReportText('z', 'Comments\n\nSeoul said 1,500 troops arrived.');
    expect(r.text).toContain('Seoul said 1,500 troops arrived.');
  });

  it('parses the date forms captures use', () => {
    expect(parseDateLine('October 8, 2024')).toBe('2024-10-08');
    expect(parseDateLine('8 Oct. 2024')).toBe('2024-10-08');
    expect(parseDateLine('2024-10-25T09:00:00Z')).toBe('2024-10-25');
    expect(parseDateLine('In October 2024')).toBeNull();
    expect(parseDateLine('February 31, 2024')).not.toBe('2024-02-31x');
  });
});
