// The pack of one tracked story: North Korea's troops sent to Russia for its war against
// Ukraine (autumn 2024). Everything the engine knows about this story lives in this folder:
// how to tell an article is about it (topic.ts), and its actors, sources, places, counted
// forces and event families (lexicon.ts). How news reports say things in general (reporting
// verbs, denials, silences, dates) is not here but in lib/news-english.ts and lib/dates.ts.
import type { TopicPack } from '../types';
import {
  ACTORS,
  CORE_FAMILY,
  FORCE_NOUNS,
  FORCE_OWNERS,
  PLACES,
  PREDICATE_AFFINITY,
  PREDICATES,
  REASON_ORDER,
  ROLE_CUES,
  SOURCES,
  STORY_ACTORS,
} from './lexicon';
import { FIGURE_KINDS } from './figures';
import { DPRK_TROOPS_RUSSIA } from './topic';

export { DPRK_TROOPS_RUSSIA } from './topic';

export const DPRK_TROOPS_RUSSIA_PACK: TopicPack = {
  id: DPRK_TROOPS_RUSSIA.id,
  topic: DPRK_TROOPS_RUSSIA,
  actors: ACTORS,
  storyActors: STORY_ACTORS,
  sources: SOURCES,
  places: PLACES,
  broadPlaces: ['the front line'],
  events: PREDICATES,
  eventAffinity: PREDICATE_AFFINITY,
  coreEvent: CORE_FAMILY,
  casualtyEvent: 'casualty',
  mainEvents: [CORE_FAMILY, 'fight'],
  reasonOrder: REASON_ORDER,
  roleCues: ROLE_CUES,
  forceOwners: FORCE_OWNERS,
  forceNouns: FORCE_NOUNS,
  figureKinds: FIGURE_KINDS,
};
