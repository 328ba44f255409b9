// General news English: how reports say that someone said, denied, or would not comment,
// whatever the story. Topic packs (lib/topics/<id>/) hold what one story knows (its actors,
// sources, places and events); this module holds what every story's reporting shares, and
// the claim parser reads both.

/** Objects that make a denial or a silence be about the core event. */
export const GENERIC_OBJECT = /\b(?:claims?|reports?|allegations?|rumou?rs?|statements?|information|accusations?|speculation|talk|it|this|assertions?|comment|requests?|figures?|estimates?|questions?)\b/;

/** A denial: the speaker says the event is not happening or will not happen. */
export const DENIAL_CUES =
  /\b(?:den(?:y|ies|ied|ying)|dismiss(?:ed|es|ing)?|reject(?:ed|s|ing)?|refut(?:ed|es|ing)|rebuff(?:ed|s)?|rul(?:ed|es|ing) out|brush(?:ed|es)? (?:off|aside)|groundless|baseless|unfounded|fake news|(?:another|a|just|more|pure|complete) fakes?(?=\s*["'.,;]|\s*$|\s+(?:news|story|stories|and))|fabricat\w*|(?:complete |utter )?nonsense|(?:call(?:ed|s|ing)?|label(?:l?ed|s)?|brand(?:ed|s)?|describ(?:ed|es|ing)|characteri[sz](?:ed|es|ing))\s+(?:[\w']+\s+){0,3}?(?:claims?|reports?|allegations?|accusations?)(?:\s+(?:of|about|on|that)\s+[^,.;"]{1,60}?)?\s+(?:as\s+)?["']?(?:(?:a|an|the|another|mere|just)\s+)?["']?(?:rumou?rs?|lies?|propaganda|smears?)|no truth|not true|(?:will|would|shall) not (?:dispatch|send|deploy|participate|take part)|won't (?:send|deploy|dispatch)|no plans? to (?:send|deploy|dispatch)|(?:there is|there's|there are) (?:absolutely )?no (?:discussion|plans?|troops|soldiers|deployment|truth)|(?:has|have) no intention|(?:is|are|was|were) not (?:under consideration|being considered|on the table)|out of the question|(?:not|never) (?:send|sent|deploy|deployed|dispatch|dispatched) (?:any )?(?:troops|soldiers)|(?:confirm\w*|insist\w*|stress\w*) (?:that )?(?:there (?:is|are|will be) )?no (?:troops?|soldiers|deployment|plans?))\b/g;

/**
 * Silence: the actor has not confirmed, commented or responded, could not verify, or did
 * not deny (a denial verb under a negation is no denial: "Putin did not deny them",
 * "neither confirmed nor denied").
 */
export const NO_COMMENT_CUES =
  /\b(?:neither\b[^.;]{1,60}?\bnor\b[^.;]{1,60}?\b(?:has|have|had) (?:yet )?(?:officially |publicly )?(?:responded|commented|confirmed|reacted|acknowledged|admitted|mentioned|addressed)|(?:did|do|does|has|have|had|would|will) not (?:publicly |explicitly |officially )?(?:deny|denied|dispute|disputed)|didn't (?:deny|dispute)|(?:could not|cannot|can not|can't|couldn't|(?:was|were|is|are) unable to|unable to|not able to|(?:not|no longer) in a position to)\s+(?:independently |immediately |yet |officially )?(?:confirm|verify)|(?:has|have|had) never (?:officially |publicly )?(?:acknowledged|confirmed|commented on|admitted)|(?:has|have|had) not (?:yet )?(?:officially |publicly )?(?:mentioned|reported on|addressed|admitted)|(?:has|have|had) not (?:yet )?(?:officially |publicly |independently )?(?:responded|commented|confirmed|acknowledged|reacted)|(?:could|can|cannot|can't) (?:not )?be (?:independently |immediately )?(?:verified|confirmed)|(?:is|was|are|were) not aware of|(?:had|has|have) no (?:information|knowledge) (?:about|on|of)|(?:did|do|does) not (?:immediately )?(?:publicly )?(?:comment|respond|confirm|reply|acknowledge)|(?:didn't|don't|doesn't|hasn't|haven't) (?:yet )?(?:immediately |publicly |officially )?(?:comment(?:ed)?|respond(?:ed)?|confirm(?:ed)?|acknowledge[sd]?)|declin(?:ed|es|ing) to (?:comment|confirm|discuss|say|elaborate)|(?:(?:does|do|did) not|doesn't|don't|didn't) (?:feel|see) (?:the|any|a) need to (?:\w+ ){0,2}?(?:confirm|comment|respond)|refus(?:ed|es|ing) (?:to )?(?:comment|confirm|discuss|talk|say)|without (?:explicitly |officially |publicly )?(?:confirming|acknowledging)|no (?:immediate )?comment|(?:there (?:has|have|had) been|there (?:is|was)) no (?:immediate |official |public )?(?:statement|response|reaction|comment|word)s? from|(?:has|have|had|is|are|was|were) yet to (?:officially |publicly |independently )?(?:confirm|comment|respond|acknowledge)|would not (?:confirm|comment|say)|neither (?:confirm\w* nor den\w*|den\w* nor confirm\w*)|(?:has|have) not been (?:officially )?confirmed|(?:has|have|had) not (?:yet )?publicly)\b/g;

/** Words that report speech or findings: what turns a name into the source of a claim. */
export const REPORTING_VERBS =
  /^(?:(?:has|have|had|also|later|earlier|previously|recently|publicly|officially|reportedly|on \w+|\w+day)\s+)*(?:said|says|say|called(?! (?:in|up|off|on)\b)|calls(?! (?:in|up|off|on)\b)|stated|states|issued (?:a |the |an )?(?:warning|statement|denial)|told|reported|reports|confirmed|confirms|noted|notes|added|warned|warns|claimed|claims|estimated|estimates|believes|believe|assessed|assesses|announced|announces|revealed|disclosed|insisted|insists|stressed|emphasi[sz]ed|acknowledged|denied|denies|dismissed|dismisses|rejected|rejects|refuted|ruled out|remarked|wrote|posted|shared|suggested|suggests|indicated|indicates|cited|quoted|quotes|weighed in|pointed|point to|points to|cautioned|caution|cautions|explained|told reporters|briefed|informed|recalled|commented|described|describing|characteri[sz]ed|urged|condemned|expressed|raised|believes)\b/;

/** Phrases before a source that make it the source ("according to X", "citing X"). */
export const SOURCE_PREFIX = /(?:according to|citing(?: insights from| information from| sources in| a report by)?|as (?:conveyed|reported|cited|quoted|relayed) by|quoted by|sources (?:in|at|within|from)|per|data from|intelligence from|a report (?:by|from)|reported by|statement (?:by|from))\s+(?:(?:the|a|an)\s+)?(?:[\p{L}.]+(?:\s[\p{L}]+)?'s\s+)?$/u;

/**
 * A statement that says it is the speaker's first on the matter ("confirmed for the first
 * time", "its first acknowledgement"): whatever the same side said before was no
 * confirmation, so an undated silence or denial of that side stands before it.
 */
export const FIRST_STATEMENT_CUES =
  /\b(?:for the first time|(?:its|their|his|her|the) first (?:official |public )?(?:acknowledg(?:e)?ment|confirmation|admission))\b/i;

/**
 * A thing said to be the first of its kind ("suffered their first casualties", "its first
 * losses"): nothing of the kind came before it. Group 1 holds the words after "first", read
 * against an event family's words.
 */
export const FIRST_OF_KIND = /\b(?:its|their|the|his|her)\s+first\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/giu;

/**
 * What follows a verb of sending when no one under arms is sent: diplomacy and messages
 * ("plans to send a delegation", "sent a letter", "dispatched an envoy"). Read right after
 * the verb, a few words at most; a story's forces nouns are its own and need no list here.
 */
export const SENT_NOT_FORCES =
  /^\s+(?:(?:a|an|the|its|his|her|their|our|two|three|several|high-level|senior|government|official|special|peace|more|new|further|additional|lethal|defensive|military|[\d,.]+|(?:hundreds|thousands|millions) of)\s+){0,3}(?:delegations?|envoys?|emissar(?:y|ies)|diplomats?|ministers?|messages?|letters?|notes?|signals?|warnings?|condolences|greetings|congratulations|invitations?|requests?|inquir(?:y|ies)|queries|questions?|replies|reply|responses?|aid|humanitarian aid|funds|money|weapons|arms|ammunition|munitions|(?:artillery )?shells|missiles|rockets|drones|howitzers|artillery|military equipment|equipment)\b/;

/**
 * A speaker worried about an event, read on folded text right before the event's words
 * ("voiced concern about North Korea supplying weapons", "deeply concerned about the
 * information that North Korea is sending troops"): a reaction to reports of it, which
 * neither confirms nor disputes what another source states as fact.
 */
export const CONCERN_BEFORE =
  /\b(?:(?:voic|express|rais|shar|reiterat|underlin)(?:ed|es|e|ing)\s+(?:(?:its|their|his|her|deep|grave|serious|growing|strong|increasing|mounting)\s+){0,2}concerns?|(?:deeply |gravely |seriously |increasingly )?(?:concerned|worried|alarmed)\s+(?:about|over|by|at|that)|concerns?\s+(?:about|over|that))\s+(?:[\w'’-]+\s+){0,8}$/;

/**
 * An event set as the circumstance of what a sentence states, read on folded text right
 * before the event's words ("Seoul weighs arms for Kyiv as Pyongyang sends troops", "strikes
 * approved in response to the deployment", "aid in return for the troops sent"): the news is
 * the sentence's other event, this one its background. Not "this comes as …", where what
 * follows is the news, nor "following" or "after", which news uses for an earlier event it
 * states with its own figures ("following reports of 3,000 troops deployed"), nor an "as"
 * that compares, names or dates ("as early as October", "such as", "known as", "as of Monday").
 */
export const BACKGROUND_BEFORE =
  /(?:^|\b)(?:(?<!\b(?:comes?|came|coming|such|known|described|seen|same|early|late|soon|long|far|much|many|well) )as(?! (?:many|much|well|far|part|a result|of|early|late|recently|long|soon)\b)|amid|while|in response to|in return for|in exchange for)\s+(?:[\w'’-]+\s+){0,5}$/;

/**
 * Words right before an event's that put it ahead, not done ("may send", "plans to deploy",
 * "is expected to be deployed", "pledged to send", "a possible deployment", "if North Korea
 * sends"), read on folded text. Not a hedged past ("may have sent"): that is reported done.
 */
export const EXPECTED_BEFORE =
  /\b(?:(?:will|would|shall|may|might|could|can|plans? to|planning to|planned to|intends? to|intending to|preparing to|prepares to|expected to|likely to|set to|about to|ready to|pledged to|pledges to|promised to|threaten(?:s|ed)? to|possible|possibility of|potential|prospect of|future)\s+(?!have\b)(?:(?:be|not|also|soon|further|additional|more|its|their|his|her|the|a|an|[\w'’-]+ly)\s+){0,3}|(?:if|unless|whether|in case)\s+(?:[\w'’-]+\s+){0,4})$/;
/** An event word that says it happened: a past form, or a present one that is under way ("sent", "deployed", "arrived", "is sending"). */
export const DONE_WORD = /^(?:\w+ed|sent|moved|arriv\w*)$/;
/** Words right before an event's that say it happened or is under way ("has sent", "began sending", "are being deployed"). */
export const DONE_BEFORE = /\b(?:has|have|had|began|begun|started|continues?|continued|already|is|are|was|were|been)\s+(?:(?:been|being|also|now|already|reportedly|allegedly|[\w'’-]+ly)\s+){0,2}$/;
