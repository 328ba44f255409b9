// Every story Crosscheck can track. Adding one = adding a pack folder and listing it here.
// Only the extension's and the CLI's entry points read these lists; the engine is handed a
// pack. The definitions are listed apart from the packs so that the content script's quick
// check bundles only the few words it needs, not a pack's lexicon.
import { DPRK_TROOPS_RUSSIA_PACK } from './dprk-troops-russia/index';
import { DPRK_TROOPS_RUSSIA } from './dprk-troops-russia/topic';
import type { TopicDefinition, TopicPack } from './types';

export type { TermGroup, TopicDefinition, TopicPack } from './types';

export const TOPIC_PACKS: readonly TopicPack[] = [DPRK_TROOPS_RUSSIA_PACK];
export const DEFAULT_PACK: TopicPack = DPRK_TROOPS_RUSSIA_PACK;

/** The topic definitions alone (what the quick check and the popup's labels need). */
export const TOPICS: readonly TopicDefinition[] = [DPRK_TROOPS_RUSSIA];
export const DEFAULT_TOPIC: TopicDefinition = DPRK_TROOPS_RUSSIA;
