// Every topic Crosscheck can track. Adding one = adding a definition file and listing it here.
import { DPRK_TROOPS_RUSSIA } from './dprk-troops-russia/index';
import type { TopicDefinition } from './types';

export type { TermGroup, TopicDefinition } from './types';

export const TOPICS: readonly TopicDefinition[] = [DPRK_TROOPS_RUSSIA];

export const DEFAULT_TOPIC: TopicDefinition = DPRK_TROOPS_RUSSIA;
