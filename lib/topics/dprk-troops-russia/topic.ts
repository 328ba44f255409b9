// North Korea's deployment of troops to Russia for the war against Ukraine (from autumn
// 2024). Checked against the seeds by tests/unit/topic.test.ts: every seed fires the
// subject, a force and a setting group.
import type { TopicDefinition } from '../types';

export const DPRK_TROOPS_RUSSIA: TopicDefinition = {
  id: 'dprk-troops-russia',
  label: 'North Korean troops in Russia’s war against Ukraine',
  subject: [
    {
      id: 'north-korea',
      label: 'North Korea',
      terms: [
        'North Korea', 'North Korean', 'North Koreans', 'N. Korea', 'N. Korean', 'N.Korea', 'N.Korean',
        'DPRK', 'D.P.R.K.', 'Democratic People’s Republic of Korea', 'Pyongyang',
        'Kim Jong Un', 'Kim Jong-un', 'Korean People’s Army', 'KPA',
        // Korean and wire coverage calls it "the North" once named; the capital N tells it from a direction.
        '=the North', '=The North',
      ],
    },
  ],
  force: [
    {
      id: 'troops',
      label: 'troops',
      terms: [
        'troops', 'troop', 'soldiers', 'soldier', 'servicemen', 'service members', 'special forces',
        'special operations forces', 'forces', 'military force', 'expeditionary force', 'contingent', 'brigades', 'brigade',
        'battalions', 'battalion', 'regiments', 'regiment', 'infantry', 'infantrymen', 'fighters', 'combatants',
        'mercenaries', 'snipers', 'cannon fodder', 'boots on the ground', 'casualties', 'prisoners of war', 'POWs', 'POW',
      ],
      // Forces that are weapons, markets or police, not men sent to a war.
      except: [
        'nuclear forces', 'strategic forces', 'missile forces', 'rocket forces', 'nuclear force', 'market forces',
        'security forces', 'police forces', 'task force',
      ],
    },
  ],
  weakForce: [
    {
      id: 'military',
      label: 'military',
      terms: [
        'personnel', 'military personnel', 'units', 'army', 'armed forces', 'military', 'officers', 'generals',
        'volunteers', 'conscripts', 'recruits', 'men',
      ],
      except: ['housing units', 'missile units', 'rocket units', 'military cooperation', 'military ties', 'military technology'],
    },
  ],
  setting: [
    {
      id: 'russia',
      label: 'Russia',
      terms: [
        'Russia', 'Russian', 'Russians', 'Russia’s', 'Russian Federation', 'Moscow', 'Kremlin', 'Putin', 'Vladimir Putin',
        'Peskov', 'Lavrov', 'Shoigu', 'Belousov',
      ],
    },
    {
      id: 'ukraine-war',
      label: 'war in Ukraine',
      terms: [
        'Ukraine', 'Ukrainian', 'Ukrainians', 'Ukraine’s', 'Kyiv', 'Kiev', 'Zelensky', 'Zelenskyy', 'Zelenskiy',
        'Kursk', 'Sudzha', 'Donbas', 'Donbass', 'Donetsk', 'Luhansk', 'Zaporizhzhia', 'Kherson', 'Kharkiv', 'Pokrovsk',
      ],
    },
  ],
  action: [
    {
      id: 'deployment',
      label: 'deployment',
      terms: [
        'deploy*', 'dispatch*', 'sent', 'send', 'sending', 'sends', 'arriv*', 'stationed', 'transferred', 'mobiliz*',
        'mobilis*', 'train*', 'front line', 'front lines', 'frontline', 'frontlines', 'war zone', 'combat zone',
      ],
    },
    {
      id: 'combat',
      label: 'combat',
      terms: [
        'fight*', 'combat', 'battle*', 'battlefield', 'assault*', 'attack*', 'clash*', 'skirmish*', 'offensive',
        'counteroffensive', 'advanc*', 'repel*', 'trenches', 'killed', 'wounded', 'injured', 'captured', 'casualties',
        'dead', 'losses',
      ],
    },
  ],
  people: ['North Koreans', 'N. Koreans'],
  peopleActions: ['combat'],
  otherOwners: [
    'American', 'Americans', 'U.S.', '=US', 'United States', 'Washington', 'Pentagon’s', 'NATO', 'Western', 'allied',
    'Ukrainian', 'Ukraine’s', 'Ukraine', 'Kyiv’s', 'Kyiv', 'Russian', 'Russia’s', 'Russia', 'Moscow’s', 'Moscow',
    'South Korean', 'South Korea’s', 'South Korea', 'Seoul’s', 'Seoul', 'British', 'French', 'German', 'Polish',
    'Chinese', 'China’s', 'Japanese', 'Belarusian', 'Chechen', 'Syrian', 'Israeli', '=UN', 'U.N.', 'peacekeeping',
    // Leaders, for "his troops" and "Putin's soldiers".
    'Putin', 'Zelensky', 'Zelenskyy', 'Yoon', 'Biden', 'Trump', 'Lukashenko', 'Syrskyi', 'Gerasimov',
  ],
  nearTopic: [
    {
      id: 'missile-tests',
      label: 'missile tests',
      terms: [
        'missile', 'missiles', 'ballistic', 'ICBM', 'ICBMs', 'intercontinental', 'Hwasong*', 'launched', 'launch',
        'warhead', 'warheads', 'nuclear', 'satellite', 'hypersonic', 'uranium', 'strategic forces',
      ],
    },
    {
      id: 'munitions',
      label: 'arms supplies',
      terms: [
        'artillery shells', 'shells', 'munitions', 'ammunition', 'rounds', 'rockets', 'KN-23', 'KN-24',
        'arms transfers', 'arms deliveries', 'weapons shipments', 'containers', 'rail cars', 'howitzers',
      ],
    },
    {
      id: 'south-korean-politics',
      label: 'South Korean politics',
      terms: [
        'impeach*', 'martial law', 'National Assembly', 'Constitutional Court', 'People Power Party', 'Democratic Party',
        'opposition leader', 'insurrection', 'ruling party', 'lawmakers', 'parliament', 'election', 'approval rating',
      ],
    },
    {
      id: 'diplomacy',
      label: 'Korean peninsula diplomacy',
      terms: [
        'summit', 'denucleari*', 'talks', 'negotiations', 'dialogue', 'envoy', 'sanctions', 'treaty', 'pact',
        'reunification', 'inter-Korean', 'demilitarized zone', 'DMZ', 'border', 'balloons',
      ],
    },
    {
      id: 'labour',
      label: 'North Korean workers',
      terms: ['workers', 'laborers', 'labourers', 'construction sites', 'students', 'tourists', 'tourism'],
    },
  ],
  quickSubject: ['Korea*'],
};
