// The corpus as the background keeps it: reports in IndexedDB and the search index
// built from them, persisted so a restarted service worker does not rebuild it.

import { explainStorageError, installSeedReports, type CrosscheckDB } from '../../adapters/db';
import { buildCorpusIndex, deserializeCorpusIndex, serializeCorpusIndex, type CorpusIndex } from '../../lib/corpus-index';
import { withoutReports, withReport, withReports } from '../../lib/corpus-index-add';
import { prepareIndex } from '../../lib/match';
import { copyLinks, CopyIndex, copySignature, isCurrentSignature, type SignedReport } from '../../lib/near-duplicates';
import { detailsOf, type ReportDetails } from '../../lib/report-details';
import { exportReportsJson, makeUserReport, parseImportFiles, userReportId } from '../../lib/report-import';
import { reportLead } from '../../lib/report-name';
import type { CorpusStats, ImportFile, ImportSummary, NewReport, ReportListing } from '../../lib/protocol';
import { DEFAULT_PACK, type TopicPack } from '../../lib/topics';
import type { Report } from '../../lib/types';
import type { ShippedSeeds } from './seeds';

const INDEX_KEY = 'corpus-index';
/**
 * The index is persisted again this long after the last change made in place (a remembered
 * article, an import, a deletion), not after each: writing it holds the worker up (tens of MB
 * at 1,000 articles, bench storage.remembered1000), and a reader going from article to
 * article, or importing file after file, should not wait for it. Should the worker stop
 * first, the cache stays cleared and the next start rebuilds, as after any other change.
 */
const PERSIST_AFTER_CHANGE_MS = 2_000;

/** A database step whose storage failures (no IndexedDB, quota exceeded) come out as errors a reader can act on. */
async function stored<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw explainStorageError(error);
  }
}

/** A report as extension pages receive it: its signature is the background's own bookkeeping. */
function shown<R extends Report>(report: R): Omit<R, 'signature'> {
  const { signature: _signature, ...rest } = report;
  return rest;
}

/** The details of those of `ids` whose report was found. */
function present(ids: readonly string[], details: ReadonlyMap<string, ReportDetails | null>): Map<string, ReportDetails> {
  return new Map(ids.flatMap((id) => {
    const found = details.get(id);
    return found ? [[id, found] as const] : [];
  }));
}

/** `report` signed, and linked to the story it copies in `corpus` (synchronous: it runs inside transactions). */
function linkCopy(report: Report, corpus: CopyIndex): Report {
  const signature = copySignature(report.text);
  return { ...report, signature, copyOf: corpus.findCopyOf(signature, report.id) };
}

/** What the copy index keeps of a stored report. */
function signed(report: Report): SignedReport {
  return { id: report.id, signature: report.signature ?? copySignature(report.text), copyOf: report.copyOf ?? null };
}

/** The seeds with their signatures, and each seed that copies an earlier one linked to it. */
function signedSeeds(seeds: readonly Report[]): Report[] {
  const withSignatures = seeds.map((s) => ({ ...s, signature: copySignature(s.text) }));
  const links = copyLinks(withSignatures);
  return withSignatures.map((s) => ({ ...s, copyOf: links.get(s.id) ?? null }));
}

const isReportList = (seeds: ShippedSeeds | readonly Report[]): seeds is readonly Report[] => Array.isArray(seeds);

export class Corpus {
  private index: Promise<CorpusIndex> | null = null;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  /** Every report's signature and copy link, read once and then kept up to date by add, import and remove. */
  private signatures: Promise<CopyIndex> | null = null;
  private readonly shipped: ShippedSeeds;
  /** The shipped seeds with their signatures and copy links, worked out on first use. */
  private signedSeedList: Report[] | null = null;
  /** Report details read for the index in memory (null: a report not found). */
  private knownDetails: { index: Promise<CorpusIndex> | null; details: Map<string, ReportDetails | null> } = { index: null, details: new Map() };

  constructor(
    private readonly db: CrosscheckDB,
    /** The shipped seeds, or (in tests) a list of reports to use as seeds. */
    seeds: ShippedSeeds | readonly Report[],
    private readonly onChange: () => void = () => undefined,
    /** The story the reports are read for: the one Crosscheck tracks (pages are read for it too). */
    readonly pack: TopicPack = DEFAULT_PACK,
  ) {
    this.shipped = isReportList(seeds) ? { count: seeds.length, reports: () => seeds } : seeds;
  }

  private get seeds(): Report[] {
    this.signedSeedList ??= signedSeeds(this.shipped.reports());
    return this.signedSeedList;
  }

  /** On install and on update: the shipped seeds replace the old ones, added reports stay. */
  async installSeeds(): Promise<void> {
    await stored(() => installSeedReports(this.db, this.seeds));
    this.signatures = null;
    this.changed();
  }

  /** Installs the seeds when the database lacks them (a first start that missed onInstalled, a cleared profile). */
  async ensureSeeds(): Promise<void> {
    const present = await stored(() => this.db.reports.where('origin').equals('seed').count());
    if (present < this.shipped.count) await this.installSeeds();
  }

  async getIndex(): Promise<CorpusIndex> {
    this.index ??= this.loadIndex().catch((error: unknown) => {
      this.index = null;
      throw error;
    });
    return this.index;
  }

  private async loadIndex(): Promise<CorpusIndex> {
    await this.ensureSeeds();
    const cached = await stored(() => this.db.cache.get(INDEX_KEY));
    // null: the cache was written by another version of the index format; rebuild below.
    const restored = cached ? deserializeCorpusIndex(cached.value, this.pack) : null;
    if (restored) return restored;
    const index = buildCorpusIndex(await stored(() => this.db.reports.toArray()), this.pack);
    // The cache only saves time at the next start: a full disk must not stop this analysis.
    await this.db.cache.put({ key: INDEX_KEY, stamp: String(Date.now()), value: serializeCorpusIndex(index) }).catch(() => undefined);
    return index;
  }

  async stats(): Promise<CorpusStats> {
    await this.ensureSeeds();
    const [reports, seeds] = await stored(() => Promise.all([
      this.db.reports.count(),
      this.db.reports.where('origin').equals('seed').count(),
    ]));
    return { reports, seeds, added: reports - seeds };
  }

  async list(): Promise<ReportListing[]> {
    await this.ensureSeeds();
    const all = await stored(() => this.db.reports.orderBy('addedAt').reverse().toArray());
    return all.map(({ text, signature: _signature, ...rest }) => ({ ...rest, lead: reportLead(text) }));
  }

  async get(id: string): Promise<Report | undefined> {
    const report = await stored(() => this.db.reports.get(id));
    return report && shown(report);
  }

  /**
   * What the listed reports add to a page's matches: their copy links, and the first words of
   * those without a headline. Kept for the index they were read with: every change of the
   * reports gives the corpus another index, and each analysis lists reports it listed before
   * (reading 187 whole reports took 15 to 40 ms at 10,000 reports).
   */
  async details(ids: readonly string[]): Promise<Map<string, ReportDetails>> {
    const index = this.index;
    if (this.knownDetails.index !== index) this.knownDetails = { index, details: new Map() };
    const known = this.knownDetails.details;
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length > 0) {
      const reports = await stored(() => this.db.reports.bulkGet(missing));
      // Kept only for an index in memory that no other has replaced meanwhile.
      const keep = index !== null && this.knownDetails.details === known && this.index === index;
      const read = new Map(missing.map((id, i) => [id, reports[i] ? detailsOf(reports[i]) : null] as const));
      if (!keep) return present(ids, read);
      for (const [id, details] of read) known.set(id, details);
    }
    return present(ids, known);
  }

  /**
   * Every report of the corpus with its signature. Reports stored before signatures existed
   * (or by another signature version) are signed here in memory, not rewritten.
   */
  private loadSignatures(): Promise<CopyIndex> {
    this.signatures ??= (async () => {
      // (Seeds installed later reset this index: installSeeds.)
      const index = new CopyIndex();
      await stored(() => this.db.reports.each((r) => {
        const signature = isCurrentSignature(r.signature) ? r.signature : copySignature(r.text);
        index.add({ id: r.id, signature, copyOf: r.copyOf ?? null });
      }));
      return index;
    })().catch((error: unknown) => {
      this.signatures = null;
      throw error;
    });
    return this.signatures;
  }

  /**
   * A new report signed and, when it is a syndicated copy of a report already in the corpus,
   * linked to that report's story (`copyOf`) so that it is counted as the same voice rather
   * than a second one. Every path that adds reports stores what this returns: `store` for
   * one report (added by the reader, or remembered from reading), `import` for many.
   */
  async signAndLink(report: Report): Promise<Report> {
    return linkCopy(report, await this.loadSignatures());
  }

  async add(input: NewReport): Promise<Report> {
    return this.store(makeUserReport(input, Date.now()));
  }

  /**
   * Stores one report made by any path (the reader's, or one remembered from reading): signed,
   * linked to the story it copies, and kept in the copy index for the next one.
   */
  async store(unsigned: Report): Promise<Report> {
    const report = await this.signAndLink(unsigned);
    const existing = await stored(() => this.db.reports.get(report.id));
    if (existing?.origin === 'seed') throw new Error('That report is already in the corpus as a seed report');
    await stored(() => this.db.transaction('rw', this.db.reports, this.db.cache, async () => {
      await this.db.reports.put(report);
      await this.db.cache.clear();
    }));
    (await this.loadSignatures()).add(signed(report));
    this.changed();
    return shown(report);
  }

  async remove(id: string): Promise<void> {
    const report = await stored(() => this.db.reports.get(id));
    if (!report) return;
    if (report.origin === 'seed') throw new Error('Seed reports ship with Crosscheck and cannot be deleted');
    await stored(() => this.db.transaction('rw', this.db.reports, this.db.cache, async () => {
      await this.db.reports.delete(id);
      await this.db.cache.clear();
    }));
    (await this.signatures)?.remove(id);
    await this.indexWithout([id]);
    this.onChange();
  }

  /**
   * Adds the reports of imported files. A report's id comes from its address, so a file can
   * name the address of a report the reader added: the reader's stays as it is, and an
   * imported one with other text is kept beside it under an id of its own (the summary
   * says so); one with the same text is already there.
   */
  async import(files: ImportFile[]): Promise<ImportSummary> {
    const { reports, summary } = parseImportFiles(files, Date.now());
    const seedIds = new Set(this.shipped.reports().map((s) => s.id));
    const keptBoth: NonNullable<ImportSummary['keptBoth']> = [];
    let added = 0;
    if (reports.length > 0) {
      // Read before the transaction: a transaction must not wait on anything but the database.
      const corpus = await this.loadSignatures();
      // The index as it stands before the import, so the import grows it instead of dropping it (a
      // rebuild reads every report again: seconds per thousand). Without one, the next analysis builds it.
      await this.getIndex().catch(() => undefined);
      let linked: Report[] = [];
      await stored(() => this.db.transaction('rw', this.db.reports, this.db.cache, async () => {
        const existing = new Map((await this.db.reports.bulkGet(reports.map((r) => r.id))).flatMap((r) => (r ? [[r.id, r] as const] : [])));
        const toPut: Report[] = [];
        const taken = new Set<string>();
        for (const report of reports) {
          if (seedIds.has(report.id)) continue;
          const mine = existing.get(report.id) ?? toPut.find((r) => r.id === report.id);
          if (!mine) {
            toPut.push(report);
            taken.add(report.id);
            continue;
          }
          if (mine.text === report.text) continue;
          const ownId = userReportId(`${report.url ?? ''}\n${report.text}`);
          if (taken.has(ownId) || (await this.db.reports.get(ownId))) continue;
          toPut.push({ ...report, id: ownId });
          taken.add(ownId);
          keptBoth.push({ title: report.title, url: report.url });
        }
        // Each imported copy is linked to its story, in the corpus or earlier in this import.
        // (Added to the in-memory index as it goes, so a later entry finds an earlier one; dropped below if the write fails.)
        linked = toPut.map((report) => {
          const r = linkCopy(report, corpus);
          corpus.add(signed(r));
          return r;
        });
        await this.db.reports.bulkAdd(linked);
        added = linked.length;
        await this.db.cache.clear();
      })).catch((error: unknown) => {
        this.signatures = null;
        throw error;
      });
      if (added > 0) {
        // Answered once the index holds them and is persisted: the import costs the reading of its
        // reports' claims and the index's write, and neither the next page's analysis nor a restarted worker does.
        const grown = this.changeIndex((index) => withReports(index, linked), false);
        if (grown) await this.persistNow(grown).catch(() => undefined);
        this.onChange();
      }
    }
    return { added, skipped: summary.skipped, ...(keptBoth.length > 0 ? { keptBoth } : {}) };
  }

  /**
   * Keeps an article the reader read (remembered reading), signed and linked to the story it
   * copies when it is a syndicated copy of a report already there, so it joins that voice
   * instead of adding one. Reading the same address again replaces the report, keeping when
   * it was first read; a report the reader added by hand at that address is left as it is.
   */
  async remember(unsigned: Report): Promise<'added' | 'updated' | 'kept-yours'> {
    // Signed before the transaction: a transaction must not wait on anything but the database.
    const report = await this.signAndLink(unsigned);
    const outcome = await stored(() => this.db.transaction('rw', this.db.reports, this.db.cache, async () => {
      if (report.url && (await this.db.reports.where('url').equals(report.url).filter((r) => r.origin !== 'reading').count()) > 0) return 'kept-yours' as const;
      const earlier = await this.db.reports.get(report.id);
      await this.db.reports.put(earlier ? { ...report, addedAt: earlier.addedAt } : report);
      await this.db.cache.clear();
      return earlier ? ('updated' as const) : ('added' as const);
    }));
    if (outcome !== 'kept-yours') {
      (await this.loadSignatures()).add(signed(report));
      this.extendIndex(report);
      this.onChange();
    }
    return outcome;
  }

  /**
   * A remembered article joins the index in memory instead of dropping it (a rebuild reads
   * every report again), a turn of the event loop later so the page's answer is not held up.
   */
  private extendIndex(report: Report): void {
    void this.changeIndex((index) => withReport(index, report), true)?.catch(() => undefined);
  }

  /** Deleted reports leave the index in memory (their claims go; nothing is read again). */
  private async indexWithout(ids: readonly string[]): Promise<void> {
    await this.changeIndex((index) => withoutReports(index, ids), false)?.catch(() => undefined);
  }

  /**
   * Changes the index in memory after a write to the reports, instead of dropping it, and
   * persists it again a little later, since the write cleared the cache. Nothing to change
   * when no index is in memory: the next analysis builds one from the database, which holds
   * the write (null is returned). Should the change fail, the index is dropped and rebuilt the same way.
   * `later`: a turn of the event loop later, so the request that made the write is answered first.
   */
  private changeIndex(change: (index: CorpusIndex) => CorpusIndex, later: boolean): Promise<CorpusIndex> | null {
    const previous = this.index;
    if (!previous) return null;
    // A persist waiting for the corpus to be still would write the index this change replaces.
    this.cancelPersist();
    const changed = (index: CorpusIndex) => {
      const next = change(index);
      // What matching reads of the whole index is built here too, not in the next page's analysis.
      prepareIndex(next);
      return next;
    };
    const next = previous.then((index) => (later ? new Promise<CorpusIndex>((resolve) => setTimeout(() => resolve(changed(index)), 0)) : changed(index)));
    const current: Promise<CorpusIndex> = next.catch((error: unknown) => {
      if (this.index === current) this.index = null;
      throw error;
    });
    this.index = current;
    this.persistLater(current);
    return current;
  }

  /** Persists the index once the corpus has been still for PERSIST_AFTER_CHANGE_MS (the write waits for the change itself). */
  private persistLater(pending: Promise<CorpusIndex>): void {
    this.cancelPersist();
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      void this.persistIndex(pending).catch(() => undefined);
    }, PERSIST_AFTER_CHANGE_MS);
  }

  /** Persists the index as soon as it is ready, in place of the later write its change scheduled. */
  private async persistNow(pending: Promise<CorpusIndex>): Promise<void> {
    this.cancelPersist();
    await this.persistIndex(pending);
  }

  private cancelPersist(): void {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = null;
  }

  /** Writes the index to the cache unless the corpus changed meanwhile (then the cache stays cleared and the next start rebuilds). */
  private async persistIndex(pending: Promise<CorpusIndex>): Promise<void> {
    const index = await pending;
    await this.db.transaction('rw', this.db.reports, this.db.cache, async () => {
      if (this.index !== pending || (await this.db.reports.count()) !== index.reports.length) return;
      await this.db.cache.put({ key: INDEX_KEY, stamp: String(Date.now()), value: serializeCorpusIndex(index) });
    });
  }

  /** Every report kept at this address (the article a page shows must not be matched against itself). */
  async idsAt(addresses: readonly string[]): Promise<string[]> {
    if (addresses.length === 0) return [];
    return (await stored(() => this.db.reports.where('url').anyOf([...addresses]).primaryKeys())).map(String);
  }

  /** Removes every remembered article; the reader's own and the seeds stay. */
  async forgetReading(): Promise<number> {
    const removed = await stored(() => this.db.transaction('rw', this.db.reports, this.db.cache, async () => {
      const ids = (await this.db.reports.where('origin').equals('reading').primaryKeys()).map(String);
      await this.db.reports.bulkDelete(ids);
      if (ids.length > 0) await this.db.cache.clear();
      return ids;
    }));
    if (removed.length > 0) {
      const signatures = await this.signatures;
      for (const id of removed) signatures?.remove(id);
      await this.indexWithout(removed);
      this.onChange();
    }
    return removed.length;
  }

  async exportJson(): Promise<string> {
    // Signatures and copy links are this corpus's bookkeeping: an import computes them again.
    const reports = await stored(() => this.db.reports.where('origin').equals('user').toArray());
    return exportReportsJson(reports.map(({ signature: _s, copyOf: _c, ...report }) => report), Date.now());
  }

  private changed(): void {
    this.index = null;
    this.onChange();
  }
}
