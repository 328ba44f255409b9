import type { ActorEntry, EventFamily, ForceOwner, LexiconEntry, RoleName, SourceEntry } from '../types';

// The names, sources and verbs of the tracked story, as data. The claim parser knows no
// country, agency or outlet by itself: everything it recognises is listed here, with
// its aliases folded onto one canonical name, so that "NIS", "Seoul's spy agency" and
// "South Korea's intelligence agency" count as one original source.
//
// Alias syntax (matched on folded text, see lib/normalise.ts): lower case; a space also
// matches a hyphen or a line break; a final `*` accepts any word ending; a leading `=`
// makes the alias case-sensitive ("=US" is the country, not "us").

/** The story's own actors: a sentence is about the story only when it concerns one of them. */
export const STORY_ACTORS: readonly string[] = ['North Korea', 'Russia', 'South Korea', 'Ukraine'];

export const ACTORS: readonly ActorEntry[] = [
  {
    id: 'North Korea',
    kind: 'state',
    aliases: [
      'north korea', 'north korean', 'north koreans', 'n. korea', 'n. korean', 'n.korea', 'dprk', 'd.p.r.k.',
      "democratic people's republic of korea", 'pyongyang', 'kim jong un', "korean people's army", '=KPA', 'kcna',
      "the north's", 'the north korean regime',
      // Korean and wire coverage calls it "the North" once named ("the North is dispatching
      // troops"); the capital N tells it from a direction, and "!" from "the North Atlantic".
      '=the North!', '=The North!',
    ],
  },
  {
    id: 'South Korea',
    kind: 'state',
    aliases: [
      'south korea', 'south korean', 'south koreans', 's. korea', 's. korean', 'seoul', '=ROK', 'republic of korea',
      'yoon suk yeol', 'yoon suk-yeol', 'president yoon', '=NIS', 'national intelligence service', 'kim yong hyun',
      'kim hong kyun', "the south's", 'cho tae yong', 'shin won sik', 'han duck soo',
    ],
  },
  {
    id: 'Russia',
    kind: 'state',
    aliases: [
      'russia', 'russian', 'russians', 'moscow', 'kremlin', 'putin', 'peskov', 'zakharova', 'lavrov', 'shoigu',
      'belousov', 'zinoviev', 'russian federation', 'president of russia',
    ],
  },
  {
    id: 'Ukraine',
    kind: 'state',
    aliases: [
      'ukraine', 'ukrainian', 'ukrainians', 'kyiv', 'kiev', 'zelensky*', 'zelenskiy', 'zelenski', 'budanov', 'umerov',
      'sybiha', 'syrskyi', 'yermak', '=HUR', '=GUR', 'kuleba',
    ],
  },
  {
    id: 'United States',
    kind: 'state',
    aliases: [
      'united states', '=U.S.', '=US', '=USA', 'washington', 'pentagon', 'white house', 'state department', 'blinken',
      'lloyd austin', 'biden', 'john kirby', 'sabrina singh', 'robert wood', 'linda thomas greenfield', 'american',
      'americans',
    ],
  },
  { id: 'NATO', kind: 'organisation', aliases: ['=NATO', 'north atlantic treaty organization', 'rutte', 'stoltenberg'] },
  { id: 'United Nations', kind: 'organisation', aliases: ['united nations', '=U.N.', '=UN', 'security council'] },
  { id: 'European Union', kind: 'organisation', aliases: ['european union', '=EU'] },
  { id: 'Japan', kind: 'state', aliases: ['japan', 'japanese', 'tokyo'] },
  { id: 'China', kind: 'state', aliases: ['china', 'chinese', 'beijing', 'xi jinping'] },
  { id: 'United Kingdom', kind: 'state', aliases: ['britain', 'british', '=UK', '=U.K.', 'united kingdom', 'lammy', 'starmer'] },
];

/**
 * Original sources. Order matters only for readability; matching prefers the longest alias.
 * A source's aliases name it as a speaker ("Seoul's spy agency said"); the claim parser
 * decides from the sentence's frame whether it is the speaker.
 */
export const SOURCES: readonly SourceEntry[] = [
  {
    id: "South Korea's National Intelligence Service",
    actor: 'South Korea',
    kind: 'intelligence',
    aliases: [
      'national intelligence service', '=NIS', "seoul's spy agency", "south korea's spy agency", 'south korean spy agency',
      "seoul's intelligence agency", "south korea's intelligence agency", 'south korean intelligence agency',
      "seoul's intelligence service", "south korea's intelligence service", 'south korean intelligence service',
      "seoul's national intelligence service", "south korea's national intelligence service", 'south korean intelligence',
      "seoul's intelligence", 'south korean spy service', "seoul's spy service", 'south korean spies', 'spy agency',
    ],
  },
  {
    id: "South Korea's Defence Ministry",
    actor: 'South Korea',
    kind: 'official',
    aliases: [
      'south korean defense ministry', 'south korean defence ministry', "south korea's defense ministry",
      "south korea's defence ministry", "seoul's defense ministry", "seoul's defence ministry",
      'south korean defense minister*', 'south korean defence minister*', "south korea's defense minister",
      "south korea's defence minister", 'south korean ministry of defense', 'south korean ministry of national defense', 'kim yong hyun',
      "south korea's joint chiefs of staff", 'joint chiefs of staff', 'jcs',
    ],
  },
  {
    id: "South Korea's Foreign Ministry",
    actor: 'South Korea',
    kind: 'official',
    aliases: [
      'south korean foreign ministry', "south korea's foreign ministry", 'south korean vice foreign minister',
      'south korean foreign minister', 'kim hong kyun', 'cho tae yul',
    ],
  },
  {
    id: "South Korea's presidential office",
    actor: 'South Korea',
    kind: 'official',
    aliases: ['yoon suk yeol', 'yoon suk-yeol', 'president yoon', 'south korean president', "south korea's president", 'presidential office', 'shin won sik'],
  },
  {
    id: 'an anonymous South Korean government source',
    actor: 'South Korea',
    kind: 'anonymous',
    aliases: [
      'anonymous government source', 'government source in seoul', 'south korean government source',
      "yonhap's source", 'a government source', 'senior government official in seoul', 'south korean official',
      'south korean officials', 'officials in seoul', 'seoul officials', 'senior official in seoul', 'official in seoul',
      'senior south korean official', 'presidential official',
    ],
  },
  { id: 'South Korean media', actor: 'South Korea', kind: 'media', aliases: ['south korean media', 'south korean media reports', 'korean media'] },
  { id: 'Yonhap', actor: 'South Korea', kind: 'outlet', aliases: ['yonhap', 'yonhap news agency', 'yonhap news'] },
  {
    id: 'Zelensky',
    actor: 'Ukraine',
    kind: 'person',
    aliases: ['zelensky*', 'zelenskiy', 'zelenski', 'ukrainian president', "ukraine's president", 'president of ukraine'],
  },
  {
    id: "Ukraine's military intelligence (HUR)",
    actor: 'Ukraine',
    kind: 'intelligence',
    aliases: [
      '=HUR', '=GUR', 'budanov', 'main intelligence directorate', "ukraine's military intelligence", 'ukrainian military intelligence',
      "ukraine's intelligence", 'ukrainian intelligence', "kyiv's military intelligence", 'defence intelligence of ukraine',
      'defense intelligence of ukraine', "ukraine's defence intelligence", "ukraine's defense intelligence",
      // Before the generic "spy agency", which names Seoul's.
      "ukraine's spy agency", 'ukrainian spy agency', "kyiv's spy agency", "ukraine's intelligence agency", 'ukrainian intelligence agency',
      "ukraine's military intelligence agency", 'ukrainian military intelligence agency', "kyiv's intelligence",
    ],
  },
  {
    id: "Ukraine's armed forces",
    actor: 'Ukraine',
    kind: 'official',
    aliases: [
      'ukrainian military', "ukraine's military", 'ukrainian army', "ukraine's general staff", 'general staff of the armed forces of ukraine',
      'syrskyi', 'ukrainian officials', 'ukrainian special operations forces', "ukraine's special operations forces", 'umerov',
      'ukrainian defense ministry', 'ukrainian defence ministry',
    ],
  },
  { id: 'Ukrainian media', actor: 'Ukraine', kind: 'media', aliases: ['ukrainian media', 'ukrainian media reports'] },
  { id: 'the Kremlin', actor: 'Russia', kind: 'official', aliases: ['kremlin', 'peskov', 'dmitry peskov', 'kremlin spokesman'] },
  { id: 'Putin', actor: 'Russia', kind: 'person', aliases: ['putin', 'vladimir putin', 'president of russia', 'russian president'] },
  {
    id: "Russia's Foreign Ministry",
    actor: 'Russia',
    kind: 'official',
    aliases: ['russian foreign ministry', "russia's foreign ministry", 'zakharova', 'maria zakharova', 'lavrov', 'sergei lavrov'],
  },
  {
    id: "Russia's Defence Ministry",
    actor: 'Russia',
    kind: 'official',
    aliases: [
      'russian ministry of defense', 'russian ministry of defence', 'russian defense ministry', 'russian defence ministry',
      "russia's defense ministry", "russia's defence ministry", 'belousov', 'shoigu',
    ],
  },
  { id: "Russia's ambassador to Seoul", actor: 'Russia', kind: 'official', aliases: ['zinoviev', 'georgiy zinoviev', 'russian ambassador', 'russian embassy'] },
  {
    id: "North Korea's UN mission",
    actor: 'North Korea',
    kind: 'official',
    aliases: [
      'north korean representative at the united nations', 'north korean representative to the united nations',
      'north korean representative at the un', 'north korean envoy to the un', 'north korean ambassador to the un',
      "north korea's un ambassador", "north korea's un envoy", "north korea's mission to the un", "north korea's un mission",
      'north korean mission to the un', 'north korean delegate', 'kim song', "north korea's mission to the united nations",
      'north korean mission to the united nations', "north korea's envoy to the united nations", "north korea's ambassador to the united nations",
      "north korea's representative to the united nations", "north korea's un representative",
    ],
  },
  {
    id: 'KCNA',
    actor: 'North Korea',
    kind: 'official',
    aliases: ['kcna', 'korean central news agency', "north korea's state news agency", 'north korean state media', "north korea's state media"],
  },
  {
    id: 'North Korea',
    actor: 'North Korea',
    kind: 'official',
    aliases: [
      'north korean foreign ministry', "north korea's foreign ministry", 'kim yo jong', 'choe son hui', 'kim jong un',
      'north korean vice foreign minister', "north korea's vice foreign minister", 'north korean officials', 'north korean foreign minister',
    ],
  },
  {
    id: 'the Pentagon',
    actor: 'United States',
    kind: 'official',
    aliases: ['pentagon', 'sabrina singh', 'pat ryder', 'lloyd austin', 'us defense department', 'department of defense', 'defense secretary'],
  },
  {
    id: 'US State Department',
    actor: 'United States',
    kind: 'official',
    aliases: ['state department', 'blinken', 'antony blinken', 'matthew miller', 'secretary of state'],
  },
  { id: 'the White House', actor: 'United States', kind: 'official', aliases: ['white house', 'john kirby', 'kirby', 'jake sullivan', 'national security council'] },
  { id: 'US mission to the UN', actor: 'United States', kind: 'official', aliases: ['robert wood', 'linda thomas greenfield', 'us ambassador to the un'] },
  { id: 'NATO', actor: 'NATO', kind: 'official', aliases: ['=NATO', 'rutte', 'mark rutte', 'stoltenberg'] },
  { id: 'Institute for the Study of War', actor: null, kind: 'outlet', aliases: ['institute for the study of war', '=ISW'] },
  { id: 'BBC Russian', actor: null, kind: 'outlet', aliases: ['bbc russian'] },
  { id: 'BBC', actor: null, kind: 'outlet', aliases: ['=BBC'] },
  { id: 'Reuters', actor: null, kind: 'outlet', aliases: ['reuters'] },
  { id: 'AFP', actor: null, kind: 'outlet', aliases: ['=AFP', 'agence france presse'] },
  { id: 'Associated Press', actor: null, kind: 'outlet', aliases: ['associated press', '=AP'] },
  { id: 'CNN', actor: null, kind: 'outlet', aliases: ['=CNN'] },
  { id: 'The Kyiv Independent', actor: null, kind: 'outlet', aliases: ['kyiv independent'] },
  { id: 'Ukrainska Pravda', actor: null, kind: 'outlet', aliases: ['ukrainska pravda'] },
  { id: 'Defence Express', actor: null, kind: 'outlet', aliases: ['defence express', 'defense express'] },
  { id: 'The New York Times', actor: null, kind: 'outlet', aliases: ['new york times'] },
  { id: 'The Wall Street Journal', actor: null, kind: 'outlet', aliases: ['wall street journal'] },
  { id: 'The Washington Post', actor: null, kind: 'outlet', aliases: ['washington post'] },
  { id: 'NK News', actor: null, kind: 'outlet', aliases: ['nk news'] },
  { id: 'TASS', actor: 'Russia', kind: 'outlet', aliases: ['=TASS'] },
  { id: 'RIA Novosti', actor: 'Russia', kind: 'outlet', aliases: ['ria novosti'] },
  { id: 'Caliber.Az', actor: null, kind: 'outlet', aliases: ['caliber.az'] },
  { id: 'Radio Free Europe', actor: null, kind: 'outlet', aliases: ['radio free europe', 'rfe/rl', 'radio liberty'] },
  { id: 'Western media', actor: null, kind: 'media', aliases: ['western media'] },
  { id: 'Russian media', actor: 'Russia', kind: 'media', aliases: ['russian media'] },
  { id: 'Japanese media', actor: 'Japan', kind: 'media', aliases: ['japanese media'] },
];

/**
 * What happened, by family, each with what it is for the engine (EventFamily in
 * lib/topics/types.ts). A claim's families decide which corpus claims are about the same event.
 */
export const PREDICATES: readonly EventFamily[] = [
  {
    family: 'deploy',
    label: 'deployment',
    forces: true, story: true, anchors: true,
    pattern:
      /\b(?:deploy\w*|redeploy\w*|dispatch\w*|send|sends|sending|sent|mobili[sz]\w*|transferr?\w*|stationed|stationing|positioned|arriv\w*|relocat\w*|presence of|troop movements?|military force|boots on the ground|moved (?:to|into)|been moved|reinforce\w*)\b/g,
  },
  { family: 'train', label: 'training', forces: true, story: true, anchors: true, pattern: /\b(?:train|trained|training|trains|drills?|exercises)\b/g },
  {
    family: 'fight',
    label: 'combat',
    forces: true, story: true, anchors: false, generic: true, specificity: 0.6,
    pattern: /\b(?:fight\w*|combat|battl\w*|front ?lines?|frontlines?|hostilities|assaults?|war zone|conflict zone|military operations?|participate in the war|clash\w*|skirmish\w*|(?:counter-?)?offensives?|engaged in (?:combat|fighting|battle))\b/g,
  },
  {
    family: 'casualty',
    label: 'casualties',
    forces: true, story: true, anchors: true, firstMeansNoneBefore: true,
    pattern: /\b(?:kill\w*|dead|died|deaths?|wounded|injur\w*|casualt\w*|captur\w*|prisoners?|pows?|losses|fatalit\w*|perish\w*|lost (?:their|his) li(?:ves|fe))\b/g,
  },
  { family: 'withdraw', label: 'withdrawal', forces: true, story: true, anchors: true, pattern: /\b(?:withdraw\w*|pull(?:ed|ing)? out)\b/g },
  {
    family: 'condemn',
    label: 'condemnation',
    reaction: true, generic: true, specificity: 0.85,
    pattern: /\b(?:condemn\w*|denounc\w*|summon\w*|protest\w*|countermeasures?|diplomatic action|respond (?:decisively|firmly|strongly|with all)|reckless|illegal|escalat\w*|(?:deep|grave|serious) concern|deeply concerned|(?:highly )?concerning|alarm(?:ed|ing)?|provocation)\b/g,
  },
  {
    family: 'cooperate',
    label: 'cooperation',
    reaction: true, generic: true, specificity: 0.85,
    pattern: /\b(?:cooperat\w*|military ties|ties|alliance|partnership|relations|comrades?(?:-in-arms)?)\b/g,
  },
  {
    family: 'supply',
    label: 'arms supplies',
    story: true, anchors: true, recipient: true,
    pattern:
      /\b(?:(?:suppl\w*|deliver\w*|provid\w*|sell\w*|sold|ship\w*|transfer\w*|send|sends|sending|sent)\s+(?:of\s+)?(?:[\w-]+\s+){0,4}?(?:weapons|arms|ammunition|munitions|shells|missiles|rockets|howitzers|artillery|(?:rocket )?launchers)|(?:weapons|arms|ammunition|munitions|shells|missiles?)\s+(?:supplies|shipments|deliveries|transfers|exports))\b/g,
  },
  {
    family: 'compensate',
    label: 'compensation',
    story: true, recipient: true,
    pattern:
      /\b(?:in (?:exchange|return) for|compensat\w*|rewards?|payments?|financial assistance|(?:advanced|military|space|satellite|missile|nuclear|sensitive) technolog\w*|technology transfers?)\b/g,
  },
  {
    family: 'monitor',
    label: 'monitoring',
    forces: true, story: true, anchors: true,
    pattern: /\b(?:monitor\w*|analy[sz]e|intelligence gathering|interrogat\w*|assess (?:the )?operations|battlefield tactics|(?:send\w*|deploy\w*|dispatch\w*)\s+(?:[\w-]+\s+){0,2}(?:analysts|observers)|analysts and observers)\b/g,
  },
  { family: 'guard', label: 'guard duty', forces: true, story: true, anchors: true, pattern: /\b(?:guard\w*|border sections?|sections of the [\w-]+ border)\b/g },
  { family: 'recruit', label: 'recruitment', forces: true, story: true, anchors: true, pattern: /\b(?:recruit\w*|volunteers?|mercenar\w*)\b/g },
  { family: 'visit', label: 'visit', generic: true, specificity: 0.6, pattern: /\b(?:visit(?:s|ed)?|delegations?|met with)\b/g },
  {
    family: 'involve',
    label: 'involvement',
    reaction: true,
    pattern: /\b(?:involvement|(?:get|gets|got|getting|become|becomes|became|becoming) involved|involved in the (?:\w+ )?(?:conflict|war|crisis|fighting)|interven(?:e|es|ed|ing|tion)|participation|(?:enter|enters|entered|entering|join|joins|joined|joining) the (?:\w+ )?(?:conflict|war|crisis|fighting))\b/g,
  },
  {
    family: 'pact',
    label: 'mutual defence pact',
    story: true, anchors: true,
    pattern: /\b(?:pact|treaty|mutual (?:assistance|agreement|defen[cs]e)|strategic partnership agreement|(?:signed|ratified|ratifies|ratify|ratifying) (?:a |an |the )?(?:\w+ )?agreement|ratification)\b/g,
  },
  {
    family: 'justify',
    label: 'defence of the ties as lawful',
    pattern:
      /\b(?:not (?:directed|aimed|targeted) (?:against|at)|(?:within the framework of|in line with|complie[sd] with|consistent with) international law|sovereign right|matter of (?:national )?sovereignty|right to (?:strengthen|develop|deepen))\b/g,
  },
  { family: 'challenge', label: 'challenges', reaction: true, pattern: /\b(?:(?:language|communication) (?:barriers?|problems|difficulties|gaps)|lack(?:s|ed|ing)? (?:of )?(?:[\w-]+ ){0,2}(?:experience|skills|training|preparation)|(?:poorly|barely|hastily|inadequately|badly) (?:trained|prepared|equipped)|ill-(?:prepared|equipped|trained)|inexperienc\w*|insufficient (?:[\w-]+ ){0,2}(?:training|experience|grasp|skills|preparation)|unfamiliar with|(?:practical|logistical) (?:challenges|problems|difficulties))\b/g },
  { family: 'sanction', label: 'sanctions', reaction: true, pattern: /\b(?:sanctions?)\b/g },
  {
    family: 'impact',
    label: 'impact on the war',
    reaction: true, generic: true,
    pattern: /\b(?:impact|game[- ]changer|turn(?:ing)? the tide|tip the balance|change the course|(?:big|major|significant|real|little|no|any) difference|(?:significant|decisive|major) effect)\b/g,
  },
];

/** How close two event families are (symmetric); unlisted pairs are unrelated. */
export const PREDICATE_AFFINITY: Record<string, Record<string, number>> = {
  deploy: { train: 0.7, fight: 0.7, guard: 0.4, withdraw: 0.3, casualty: 0.3 },
  train: { fight: 0.5 },
  fight: { casualty: 0.4, guard: 0.4 },
  withdraw: { condemn: 0.7 },
  cooperate: { visit: 0.3, pact: 0.6, justify: 0.5 },
  monitor: { deploy: 0.5 },
  involve: { deploy: 0.5, fight: 0.4, monitor: 0.3 },
  recruit: { deploy: 0.5 },
  supply: { cooperate: 0.3, compensate: 0.5 },
  compensate: { cooperate: 0.3 },
};

/** The event a bare denial or silence is about ("dismissed the claims as groundless"). */
export const CORE_FAMILY = 'deploy';





/** Roles that separate intelligence observers from combat troops. */
export const ROLE_CUES: readonly { role: RoleName; pattern: RegExp }[] = [
  {
    role: 'intelligence',
    pattern:
      /\b(?:intelligence (?:personnel|officers|units|team|gathering|agents)|personnel for intelligence|(?:send\w*|deploy\w*|dispatch\w*)\s+(?:[\w-]+\s+){0,3}(?:analysts|observers|monitors)|analysts and observers|observers and analysts|military observers|monitoring (?:team|group|unit)|to (?:monitor|observe|study|analy[sz]e|assess)|(?:help )?(?:question|interrogat\w*) (?:any|captured|prisoners)|interrogat\w*)\b/,
  },
  {
    role: 'combat',
    pattern:
      /\b(?:combat (?:troops|units|role|forces|operations|zone)|ground (?:troops|forces)|troop deployment|(?:send|sending|deploy|deploying|dispatch|dispatching) (?:combat )?troops|to fight|fight in|fighting|front ?lines?|frontline|battlefield|assaults?|soldiers or officers)\b/,
  },
];

/** Places worth naming in a reason ("both: about 1,500 special forces in Russia's Far East"). */
export const PLACES: LexiconEntry[] = [
  { id: "Russia's Far East", aliases: ['far east', "russia's far east", 'russian far east', 'primorsky', 'primorye', 'ussuriysk', 'vladivostok', 'khabarovsk'] },
  { id: 'Kursk', aliases: ['kursk', 'kursk region', 'kursk oblast', 'sudzha'] },
  { id: 'the front line', aliases: ['front line', 'front lines', 'frontline', 'frontlines', 'battlefield', 'combat zone', 'war zone'] },
  { id: 'Donbas', aliases: ['donbas', 'donbass', 'donetsk', 'luhansk', 'pokrovsk'] },
];

/** Whose troops: demonyms and possessives before a force noun, names after "of" / "from". */
export const FORCE_OWNERS: readonly ForceOwner[] = [
  { actor: 'North Korea', adjectives: ['north korean', "north korea's", "pyongyang's", 'dprk'], names: ['north korea', 'the dprk', 'pyongyang'] },
  { actor: 'South Korea', adjectives: ['south korean', "south korea's", "seoul's"], names: ['south korea'] },
  { actor: 'Russia', adjectives: ['russian', "russia's"], names: ['russia'] },
  { actor: 'Ukraine', adjectives: ['ukrainian', "ukraine's"], names: ['ukraine'] },
  { actor: 'United States', adjectives: ['american'], names: [] },
  { actor: 'China', adjectives: ['chinese'], names: [] },
  { actor: 'Japan', adjectives: ['japanese'], names: [] },
  { actor: 'United Kingdom', adjectives: ['british'], names: [] },
];

/** Nouns for a body of forces, singular or as news writes them. */
export const FORCE_NOUNS: readonly string[] = [
  'troops', 'soldier', 'forces', 'personnel', 'servicemen', 'units', 'special forces', 'fighter', 'brigade', 'battalion',
];

/** Order in which a reason names a shared event: the most telling first. */
export const REASON_ORDER: readonly string[] = [
  'casualty', 'guard', 'pact', 'justify', 'withdraw', 'train', 'monitor', 'supply', 'compensate', 'recruit', 'deploy', 'visit', 'involve',
  'impact', 'challenge', 'sanction', 'condemn', 'cooperate', 'fight',
];
