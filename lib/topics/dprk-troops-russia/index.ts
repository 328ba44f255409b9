// The pack of one tracked story: North Korea's troops sent to Russia for its war against
// Ukraine (autumn 2024). Everything the engine knows about this story lives in this folder:
// how to tell an article is about it (topic.ts), and its actors, sources, places, counted
// forces and event families (lexicon.ts). How news reports say things in general (reporting
// verbs, denials, silences, dates) is not here but in lib/news-english.ts and lib/dates.ts.
export { DPRK_TROOPS_RUSSIA } from './topic';
export * as lexicon from './lexicon';
