// The cheap check's literal pieces (lib/literal-prefilter.ts) for each topic's two clauses,
// worked out ahead of time: working them out in the page is about 1 ms of cold script on
// every page load (timed in Chromium, fresh page each time), for a result that never
// changes. Each entry holds the terms it was worked out from (joined by newlines): lib/topic.ts
// uses the pieces only for those exact terms, and tests/unit/literal-prefilter.test.ts fails
// when an entry no longer matches its topic (it prints the entry to paste here).

export interface KnownPieces {
  /** The clause's terms, joined by "\n", as lib/topic.ts' quickClauseTerms lists them. */
  terms: string;
  pieces: readonly string[] | null;
}

export const QUICK_PIECES: Readonly<Record<string, { subject: KnownPieces; context: KnownPieces }>> = {
  'dprk-troops-russia': {
    subject: {
      terms: 'North Korea\nNorth Korean\nNorth Koreans\nN. Korea\nN. Korean\nN.Korea\nN.Korean\nDPRK\nD.P.R.K.\nDemocratic People’s Republic of Korea\nPyongyang\nKim Jong Un\nKim Jong-un\nKorean People’s Army\nKPA\n=the North\n=The North\nNorth Koreans\nN. Koreans\nKorea*',
      pieces: ['dprk', 'd.p.r.k.', 'pyongyang', 'kpa', 'korea', 'north', 'jong'],
    },
    context: {
      terms: 'Russia\nRussian\nRussians\nRussia’s\nRussian Federation\nMoscow\nKremlin\nPutin\nVladimir Putin\nPeskov\nLavrov\nShoigu\nBelousov\nUkraine\nUkrainian\nUkrainians\nUkraine’s\nKyiv\nKiev\nZelensky\nZelenskyy\nZelenskiy\nKursk\nSudzha\nDonbas\nDonbass\nDonetsk\nLuhansk\nZaporizhzhia\nKherson\nKharkiv\nPokrovsk\ntroops\ntroop\nsoldiers\nsoldier\nservicemen\nservice members\nspecial forces\nspecial operations forces\nforces\nmilitary force\nexpeditionary force\ncontingent\nbrigades\nbrigade\nbattalions\nbattalion\nregiments\nregiment\ninfantry\ninfantrymen\nfighters\ncombatants\nmercenaries\nsnipers\ncannon fodder\nboots on the ground\ncasualties\nprisoners of war\nPOWs\nPOW\npersonnel\nmilitary personnel\nunits\narmy\narmed forces\nmilitary\nofficers\ngenerals\nvolunteers\nconscripts\nrecruits\nmen',
      pieces: ['russia', 'moscow', 'kremlin', 'putin', 'peskov', 'lavrov', 'shoigu', 'belousov', 'ukraine', 'ukrainian', 'kyiv', 'kiev', 'zelensky', 'zelenskiy', 'kursk', 'sudzha', 'donbas', 'donetsk', 'luhansk', 'zaporizhzhia', 'kherson', 'kharkiv', 'pokrovsk', 'troop', 'soldier', 'forces', 'contingent', 'brigade', 'battalion', 'infantry', 'fighters', 'combatants', 'mercenaries', 'snipers', 'casualties', 'pow', 'personnel', 'units', 'army', 'military', 'officers', 'generals', 'volunteers', 'conscripts', 'recruits', 'men', 'service', 'expeditionary', 'cannon', 'prisoners', 'ground'],
    },
  },
};
