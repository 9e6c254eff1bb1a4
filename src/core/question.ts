import abbreviations from './abbreviations.json' with { type: 'json' };
import type { Nlp } from './nlp.js';
import type { SearchIndex } from './search-index.js';
import { correctSpelling } from './spelling-correction.js';
import { worldCitiesNamed } from './glossary.js';
import { PHRASE_FILLER, PHRASE_JOIN, readWordnetTerms } from './synonyms.js';
import { analyseText, ENTITY_PREFIX, escapeRegExp, MONTH_NAMES, termOfWord } from './terms.js';

/** What answer a question expects, from its wh-words (after Li & Roth's coarse classes). */
export type Intent = 'author' | 'published' | 'title' | 'lead' | 'person' | 'date' | 'number' | 'reason' | 'other';

/** One query term with its weight. */
export interface QueryTerm {
  term: string;
  /** Term id in the index, or undefined when the corpus never uses it. */
  id: number | undefined;
  /** Occurrences in the question times the term's role weight. */
  weight: number;
  /** Added as a synonym of a question word, not typed. */
  synonym?: boolean;
  /**
   * The entity term of the outlet or person whose name this term is (part of), as the question names them
   * ("the global times", "brown"): a document's source, which every sentence of that document speaks for.
   */
  source?: string;
  /** The term only names the article asked about ("liaison" in "the mtt liaison office article"): framing for sentences, in full for the document's header. */
  describes?: true;
}

/** A question, ready to rank. */
export interface Query {
  text: string;
  terms: QueryTerm[];
  intent: Intent;
  /** The question set names aside ("apart from the US, which…"), cut from `text`: the entities it cut (slugs; may be none). */
  setAside?: string[];
  /** The question asks what readers or commenters said. */
  wantsComments: boolean;
  /** The question asks about the site or a poster (see PAGE_ASKED): page lines may answer it. */
  wantsPage: boolean;
  /** The question asks about the article's sections (see HEADING_ASKED): section headings may answer it. */
  wantsHeading: boolean;
  /** The question asks what an article says at its start (its gist, "in a nutshell") or at its end (its conclusion, "wrap-up"). */
  part?: 'start' | 'end';
  /** The question asks what someone should do ("what should Japan do…", "does MTT reckon Japan should…"). */
  wantsAdvice: boolean;
  /** The question asks what will or would happen ("would NATO jets be able to…", "how will China react…"). */
  wantsPrediction: boolean;
  /** The question compares ("more than", "compared to the year before", "go up"). */
  wantsComparison: boolean;
  /**
   * The words of a quoted phrase whose pronoun the question asks to be resolved ("who's 'it'", "which ally is he on about
   * in 'its ally's concerns'"): the answer names who or what it stands for, in the sentence before the one that says it.
   */
  referent?: string;
  /** Phrases of two words or more the question quotes, lower-cased to their words ("'they are only talks'" → "they are only talks"). */
  quoted?: string[];
  /**
   * Per quoted phrase, the term id of its rarest word the corpus has (-1 when it has none): only a sentence holding
   * that word can hold the phrase, so the ranking reads no other sentence's words for it.
   */
  quotedRarest?: number[];
  /** Words that were unknown to the corpus and replaced: typo → correction. */
  corrections: Array<[string, string]>;
  /** Entities the question names. */
  entities: string[];
}

/** A word for a text the corpus holds, as questions name it ("the article", "brown's piece", "the thread"). */
export const TEXT_WORD = String.raw`(?:article|piece|story|report|op-?ed|column|essay|write-?up|blog(?: post)?|post(?!-)|thread)s?`;
const AUTHOR = /\b(who (wrote|writes|authored|penned|co-?wrote|co-?authored|is the author)|who(?:[’']s| is| was| are| were) the (?:other|third|second|fourth|remaining|last|first|main|lead) (?:co-?)?(?:writer|author|reporter|journalist|correspondent|columnist)s?\b|(?:which|what) (?:[\w’'-]+ )?(?:reporter|journalist|writer|correspondent|columnist)s? (?:wrote|writes|authored|penned|co-?wrote|co-?authored)|who(?:[’']s| is| was| are| were) the (?:writer|author|reporter|journalist|correspondent|columnist)s? (?:of|behind|for)|(?:what|who)(?:[’']s| is| are) the (?:author|writer)(?:[’']?s|s[’'])? names?|names? of the (?:reporter|journalist|writer|author)s? (?:who|that) (?:wrote|writes|authored|penned)|written by|authors? of|(?:credited|listed|named|billed) (?:as|among) (?:(?:a|an|the|one of the) )?(?:co-?)?(?:writer|author|reporter|journalist)s?|credited with (?:writing|co-?writing|authoring)|(?:which|what) (?:[\w’'-]+ )?(?:reporter|journalist|writer|correspondent|columnist|author)s? (?:is|are|was|were|gets?|got) (?:credited|listed|bylined)|(?:written|penned|authored|co-?written|bylined|(?:article|piece|story|column|op-?ed|report)(?: (?:is|was))?) by whom|whose (article|piece|story|column|op-?ed|report)|how many (?:[\w’'-]+ )?(?:co-?)?(?:authors|writers|bylines)|how many (?:people|persons|journalists|reporters) (?:wrote|co-?wrote|authored|penned|worked on|(?:are|were) credited))\b/i;
/**
 * "Just Walker writing it, or who else?", "who else wrote it": the other writers of a text, the pronoun or a word for
 * the text right after the writing verb ("who else wrote about the pact" asks for other sources, not a byline).
 */
const AUTHOR_ELSE = new RegExp(String.raw`\b(?:writ(?:ing|es|e)|wrote|authored|penned|co-?wrote|co-?writing)\s+(?:it|(?:the|that|this)\s+(?:[\w’'-]+\s+){0,3}?${TEXT_WORD})\b.{0,30}\bwho else\b|\bwho else\s+(?:wrote|writes|authored|co-?wrote|penned|worked on)\s+(?:it|this|that|(?:the|that|this)\s+(?:[\w’'-]+\s+){0,3}?${TEXT_WORD})\b`, 'i');
/** Who is credited on a text ("who is credited on the nato office piece"): its writer; credit for an idea or a deal is not. */
const AUTHOR_CREDITED = new RegExp(String.raw`\bwho(?:[’']s| is| are| was| were| gets?| got) (?:credited|bylined) (?:on|for|in)\s+(?:(?:the|that|this|his|her|their|both)\s+)?(?:[\w’'-]+\s+){0,4}?${TEXT_WORD}\b`, 'i');
/**
 * The writer asked in other words: "who actually wrote…", "Mita co-wrote the mtt piece on the evac too, right?", "whose
 * name's on the piece", "is there a journalist named on the time news article". Not when another question follows the
 * writer ("Mita wrote this piece - what did Tomita say?"), nor whose name is on a list ("whose names are on the sanctions list").
 */
const AUTHOR_NAMED = new RegExp(String.raw`\bwho\s+(?:actually|really|originally|exactly|even)\s+(?:wrote|writes|authored|penned|co-?wrote|co-?authored)\b|(?:(?<=\p{L}\s)wrote|\bco-?wrote|\bco-?authored|\bpenned)\s+(?:the|that|this)\s+(?:[\w’'-]+\s+){0,4}?${TEXT_WORD}\b(?![^?]*?(?:\s[-–—]+|[.?])\s*(?:so\s+|but\s+)?(?:what|who|how|why|when|where|which|did|does|do|is|was)\b)|\bwhose\s+names?(?:[’']s|\s+is|\s+are|\s+was|\s+were)?\s+(?:(?:actually|really)\s+)?(?:on|under|atop|above)\s+(?:it\b|(?:the|that|this)\s+(?:[\w’'-]+\s+){0,4}?(?:${TEXT_WORD}|bylines?)\b)|\b(?:journalists?|reporters?|writers?|authors?)\s+(?:(?:is|are|was|were)\s+)?(?:named|listed|credited)\s+(?:on|for|in|under)\s+(?:the|that|this)\s+(?:[\w’'-]+\s+){0,5}?${TEXT_WORD}\b`, 'iu');
/**
 * Who "worked on" or "contributed to" a text ("which MTT writer worked on the NATO office piece"): a writer, when what they
 * worked on is an article, not talks or a treaty; or whom someone wrote it with ("who did she co-write the afghanistan
 * evacuation article with").
 */
const AUTHOR_WORKED = new RegExp(String.raw`\b(?:who|(?:which|what) (?:[\w’'-]+ )?(?:reporters?|journalists?|writers?|correspondents?|columnists?|authors?))\s+(?:worked|collaborated|contributed)\s+(?:on|to)\s+(?:(?:the|that|this|his|her|their)\s+)?(?:[\w’'-]+\s+){0,3}?${TEXT_WORD}\b|\bwho\s+did\s+(?:[\w’'-]+\s+){1,3}?(?:co-?write|co-?author|write|pen)\s+(?:(?:the|that|this|his|her|their)\s+)?(?:[\w’'-]+\s+){0,4}?${TEXT_WORD}\s+with\b`, 'i');
/**
 * When an article itself came out ("when was brown's piece published", "what date
 * is the article from", "publication date of the NATO story"): answered by its
 * dateline, as "who wrote" is by its byline. The publication word must go with a
 * word for the text, so "when was the pact signed" stays a date question.
 */
/** How a publication question asks when: "when", "what date / day / year / month", "which date…". */
const WHEN_OUT = String.raw`\b(?:when|what (?:date|day|year|month)|which (?:date|day|year|month))\b`;
/** A word for a published text, a post too ("the time news post"; not "post-war"). */
const PUBLISHED_TEXT = String.raw`\b(?:article|piece|story|op-?ed|column|essay|write-?up|blog post|post(?!-))s?`;
/** A word for the text a publication verb comes before ("publish the story", "put the piece out"). */
const TEXT_OUT = String.raw`(?:[\p{L}\p{N}’'-]+\s+){0,4}?(?:article|piece|story|op-?ed|column|essay|write-?up|blog post)s?`;
const PUBLISHED = new RegExp(
  String.raw`\b(?:publication date|date of publication)\b` +
    // "when was brown's piece published", "what date is the article from": a word for the text, then a publication verb.
    // "From" only ends the question ("what date is the article from?"): "…take the islands from Japan" is an event.
    String.raw`|\b(?:when|what (?:date|day|year|month)|which (?:date|day|year|month)|how long ago|how old)\b.*${PUBLISHED_TEXT}\b.*(?:\b(?:published|posted|written|put out|put up|released|came out|come out|go up|went up|dated)\b|\bfrom\s*[?.!]*\s*$)` +
    // "when did time news publish / run the story", "what date did time news put the nato office story out": the
    // publishing verb before the word for the text (a split "put … out" around it).
    String.raw`|${WHEN_OUT}.*\b(?:publish|published|run|ran|release|released|post|posted|put (?:out|up)|bring out|brought out)\s+(?:(?:the|that|this|its|their|his|her|[\p{L}.-]+[’']s)\s+)?${TEXT_OUT}\b` +
    String.raw`|${WHEN_OUT}.*\bput\s+(?:the|that|this|its|their|his|her)\s+${TEXT_OUT}\s+(?:out|up|online)\b` +
    // "time news piece posted when exactly": the word for the text, its publishing verb, then the question word.
    String.raw`|${PUBLISHED_TEXT}\s+(?:(?:was|got|been|first)\s+)?(?:published|posted|put (?:out|up|online)|uploaded|dated|released)\s+(?:on\s+)?${WHEN_OUT}` +
    // "when was it published", "when was it actually put up": a pronoun right before a verb that can only mean
    // publishing ("when did it come out that…" and "when was it put out that…" are about an event, "when was that treaty
    // that Japan published signed" about a treaty).
    String.raw`|${WHEN_OUT}.*\b(?:it|this|that)\s+(?:(?:was|got|been|first|actually|really|originally|even)\s+){0,2}(?:published|posted|dated|uploaded|put (?:up|out|online))\b(?!\s+that\b)` +
    // "what's the date on it", "the date of brown's piece": the date a text carries (not "the date of the drills").
    String.raw`|\bdate\s+(?:on|of)\s+(?:(?:it|this|that)\s*(?:[?.!]|$)|(?:the|that|this|its|their|his|her|[\p{L}.-]+[’']s)\s+(?:[\w’'-]+\s+){0,4}?${PUBLISHED_TEXT}\b)` +
    // "how old is that time news nato piece": the age of a text.
    String.raw`|\bhow old\s+(?:is|was)\s+(?:the|that|this|its|their|his|her|[\p{L}.-]+[’']s)\s+(?:[\w’'-]+\s+){0,5}?${PUBLISHED_TEXT}\b` +
    // "whats the timestamp on the time news post": a text's timestamp.
    String.raw`|\btime-?stamps?\s+(?:on|of|for)\s+(?:the|that|this|its|their|his|her|[\p{L}.-]+[’']s)\s+(?:[\w’'-]+\s+){0,8}?${PUBLISHED_TEXT}\b` +
    // "brown article orig date?", "the piece's date", "the date under the author's name".
    String.raw`|${PUBLISHED_TEXT}(?:[’']s)?\s+(?:(?:orig(?:inal)?|publication|publish(?:ed|ing)?|post(?:ed|ing)?|upload)\s+)?date\b|\bdate\s+(?:under|below|beside|next to|by)\s+(?:the\s+)?(?:author|byline|headline|title)`,
  'iu',
);
/**
 * What an article is called ("what's the headline of the MTT piece", "what does the headline say…", "what is Brown's
 * article titled", "what's the Time News story called?"): answered by its title line, as "who wrote" is by its byline.
 * Not a headline figure, nor someone's title ("what's Liu's title at Tsinghua" names no text), nor an article that
 * "called for" something.
 */
const TITLE_ASKED = new RegExp(
  // "The headline says Japan wants to…, so what is it doing?": what a headline states is the premise, not what is asked
  // (unless the question asks what it says: "tell me what the headline says").
  String.raw`\bwhat\s+(?:(?:the|that|this|its|their)\s+)?headlines?\b|\bheadlin(?:e|es|ed)\b(?!\s+(?:figures?|numbers?|rates?|inflation|growth|says|said|claims|claimed|suggests|suggested|reads|promises|promised|implies|implied|asserts|declares|calls|frames|talks about|is about)\b)` +
    // "the title of the MTT piece", "the name of that thread": a determiner and at most three words before the text's word.
    String.raw`|\b(?:title|titled|name)\s+of\s+(?:the|that|this|his|her|their|its)\s+(?:[\w’'-]+\s+){0,3}?${TEXT_WORD}\b` +
    String.raw`|\b${TEXT_WORD}(?:[’']s)?\s+(?:title|name)\b` +
    // "what's the Time News story (about the NATO office) called?"
    String.raw`|\b(?:what(?:[’']s|\s+is|\s+was)|how\s+is)\s+(?:(?:the|that|this)\s+)?(?:[\w’'-]+\s+){0,4}?${TEXT_WORD}\s+(?:(?:about|on|by|from|in)\s+(?:[\w’'-]+\s+){1,5}?)?(?:called|named|titled)\b`,
  'i',
);
const PERSON = /^\s*(who|whom|whose)\b|\b(which|what)( \w+)? (person|people|minister|official|officials|leader|spokes\w+|ambassador|president|prime minister|politician|diplomat|general|expert|analyst|journalist|secretary[- ]general|head|chief)\b|\bwho('s| is| was| are| were| did| said| says| confirmed| announced)\b|\bnames? of the\b(?! (?:(?!(?:of|the|a|an|to|in|on|at|for|by|with|from)\b)[\w-]+ ){0,3}?(?:city|cities|town|base|bases|port|island|islands|region|prefecture|location|place|venue|airport|airfield|country|countries|plan|document|documents|treaty|pact|agreement|exercise|operation|ship|missile|missiles)\b)/i;
/**
 * "When" that asks ("when did…", "when, in the article, did…", "when's…", "…and from when?", "when and where"), not the
 * clause of another question ("what did X say when they met", "when the Skripals were
 * poisoned, did Japan…").
 */
export const WHEN_ASKED = new RegExp(String.raw`\bwhen(?:['’](?:s|d)\b| in (?:(?:early|late|mid)[ -])?(?:\d{4}|${MONTH_NAMES}),? (?:did|does|do|is|was|were|are|will|would|has|have|had)\b|(?:\s*,[^,]*,)?[\s,]+(?:exactly |precisely |roughly )?(?:did|does|do|is|was|were|are|will|would|has|have|had|can|could|should|might|must|shall)\b| and where\b|\W*$)|\bwhere and when\b|\b(?:since|until) when\b`, 'i');
/** "Who's in the Quad", "who is part of AUKUS", "who are the members of…": members, which are countries as often as people. */
const MEMBERSHIP = /\bwho(?:[’']s| is| are| was| were)\s+(?:(?:in|inside|within|on)\s+(?!charge\b|command\b|power\b|office\b)|(?:the )?(?:part|members?) of\b|a member of\b)|\bwho (?:belongs|belong|joined|signed up) (?:to\b)?/i;
/**
 * A terse date question, a noun phrase with no verb to the end: "date of the isis kabul bombing?", "year of that pact?";
 * not an article's date ("year of the brown article?" asks for its dateline). Read by the intent here and by the time check.
 */
export const TERSE_DATE = String.raw`(?:the\s+)?(?:(?:exact|actual|precise)\s+)?(?:date|year)\s+of\s+(?:the|that|this)\s+(?![^?]*\b${TEXT_WORD}\s*\?*\s*$)(?:(?!\b(?:was|is|were|are|did|does|do|has|had|so|why|what|how|when)\b)[^?.!,;]){1,60}\?*\s*$`;
const DATE = new RegExp(String.raw`\b(?:what (?:year|month|date|day|time of year)|which (?:year|month|date|day)|until what|how long ago|in what year)\b|^\W*${TERSE_DATE}`, 'i');
/**
 * A question that asks for a figure by name: "what number / percentage…", "which number", "what's the actual number",
 * "what is the exact figure".
 */
export const NUMBER_ASK = /\b(?:(?:what|which) (?:number|percentage|percent|share|proportion|amount|figure|fraction|slice|portion|chunk)(?! of (?:the )?(?:article|piece|story|page|thread|comment|text)s?\b)|what(?:[’']?s| is| was| are| were) the (?:(?:actual|exact|real|precise|right|correct|true|total|official) )?(?:number|figure|count|tally|total|percentage)(?! of (?:the )?(?:article|piece|story|page|thread|comment)s?\b))\b/i;
const NUMBER = new RegExp(String.raw`\b(?:how (?:many|much|often)|number of|what % )\b|${NUMBER_ASK.source}`, 'i');
/** Phrases that only frame a question; removed before analysis ("according to the article" is not about accords). */
const FRAMING_PHRASES = /\baccording to\b|\bin the (article|piece|text)\b/gi;
const termOf = (word: string, nlp: Nlp) => termOfWord(word, 'word', nlp);
const REASON = /^\s*why\b|\b(for what reason|what reasons?|(?:any|a|the|some|their|his|her|its) reasons? (?:why|for)|(?:say|said|says|tell|told|give|gave|explain|explained|explains) why|how come|what for|what made|what led|what pushed|what caused|whose fault|blam(?:e|es|ed|ing) (?:who|whom|what)|(?:who|what)(?:[’']s| is| was) to blame)\b/i;

/** What a question asks for, from its form: the first of author, publication date, lead, headline, date, number, person, reason. */
export function intentOf(text: string): Intent {
  return AUTHOR.test(text) || AUTHOR_NAMED.test(text) || AUTHOR_WORKED.test(text) || AUTHOR_CREDITED.test(text) || AUTHOR_ELSE.test(text) ? 'author' : PUBLISHED.test(text) ? 'published' : LEAD_ASKED.test(text) ? 'lead' : TITLE_ASKED.test(text) ? 'title' : DATE.test(text) || WHEN_ASKED.test(text) ? 'date' : NUMBER.test(text) ? 'number' : PERSON.test(text) && !MEMBERSHIP.test(text) ? 'person' : REASON.test(text) ? 'reason' : 'other';
}
/** A question about what should be done: a modal of obligation or a word for advice. */
const ADVICE_ASKED = /\b(?:should|ought to|needs? to|(?<!n[’']t |not )ha(?:s|ve) to(?! do with)|must(?! have)|advice|advise[ds]?|recommend\w*|prescription)\b/i;
/**
 * A question about what will or would happen: it opens with "would" or "will" ("so, will…", "do you think X will…"), its
 * wh-word takes them, at most one word between ("what would happen", "how will China react", "which country would…"), or
 * it asks what is going to be ("what is Japan going to do", "is Japan going to…"; chat's "gonna" counts as "will"). Not a
 * "will" inside a clause ("is Japan hoping they will…", "who said they will…").
 */
const PREDICTION_ASKED = new RegExp(
  String.raw`^\W*(?:(?:so|and|but|ok|okay)\b,?\s*)?(?:` +
    String.raw`(?:(?:do|does) (?:you|we|they|people|experts|analysts|[\w’'-]+) (?:think|reckon|expect|believe) (?:that )?(?:[\w’'-]+\s+){1,4}?)?(?:would|will|gonna)\b` +
    String.raw`|(?:what|how|who|where|when|why|which|whose)(?:[’']s)?(?:\s+(?!(?:said|says|say|think|thinks|claimed|claims|hopes?|expects?|warned|believes?)\b)[\w’'-]+)?\s+(?:would|will|gonna)\b` +
    String.raw`|(?:(?:what|how|who|where|when|why|which)(?:[’']s|\s+is|\s+are)|is|are)\s+(?:[\w’'-]+\s+){0,4}?going to\b)`,
  'i',
);
/** A phrase the question quotes: opened and closed by quotation marks at word edges ("'its ally's concerns'" keeps its apostrophe). */
const QUOTED_SPAN = /(?:^|[\s(:])['‘"“]([^"“”]+?)['’"”](?=[\s?.,!;:)]|$)/gu;
/** A word that stands for someone named elsewhere. */
const REFERRING_WORD = /\b(?:he|she|it|they|them|him|his|her|its|their|we|us|our|this|that|these|those)\b/i;
/** Asks whom or what a word stands for: "who's 'it'", "which ally is he on about", "who is 'he' supposed to be", "what does 'they' refer to". */
const REFERENT_ASKED =
  /\b(?:who|whom|which|what)\b.*\b(?:on about|talking about|referring to|refer(?:s|red)? to|supposed to be|meant by|mean by)\b|\b(?:who|whom|which \w+)\s+(?:does|did|do)\s+\w+\s+mean\b|\b(?:who|what|which)(?:[’']s| is| are| was| were)\s+['‘"“]/i;

/** A text's words, lower-cased and joined by single spaces, curly apostrophes made straight: how quoted phrases are matched. */
export function phraseWords(text: string): string {
  return ` ${text.toLowerCase().replace(/[’‘]/g, "'").replace(/[^\p{L}\p{N}']+/gu, ' ').trim()} `;
}

/** The phrases of two words or more the question quotes, as {@link phraseWords} spells them. */
function quotedPhrases(text: string): string[] {
  return [...text.matchAll(QUOTED_SPAN)]
    .filter((m) => !/\bbut\b/i.test(text.slice(m.index + m[0].length)))
    .map((m) => phraseWords(m[1]!))
    .filter((p) => p.trim().split(' ').length >= 2);
}

/** The term id of the phrase's rarest word that the corpus has, or -1 when it has none of them. */
function rarestTerm(phrase: string, index: SearchIndex, nlp: Nlp): number {
  let best = -1;
  for (const word of phrase.trim().split(' ')) {
    const id = index.termId.get(termOf(word, nlp));
    if (id !== undefined && (best < 0 || index.df[id]! < index.df[best]!)) best = id;
  }
  return best;
}

/** The quoted phrase with a referring word whose referent the question asks for, or undefined. */
function referentAsked(text: string): string | undefined {
  if (!REFERENT_ASKED.test(text)) return undefined;
  for (const m of text.matchAll(QUOTED_SPAN)) if (REFERRING_WORD.test(m[1]!)) return m[1]!;
  return undefined;
}

/**
 * A question that compares: a comparative with "than", "compared to / with", a change by or from something ("go up by",
 * "rise from", "increase since"). Superlatives are left out ("the 'most severe security environment'" quotes a phrase),
 * and so is a bare "go up" ("where is the base going up").
 */
const COMPARISON_ASKED =
  /\b(?:more|less|fewer|bigger|smaller|larger|greater|higher|lower|worse|better|stronger|weaker)\b.{0,30}\bthan\b|\bcompared? (?:to|with)\b|\b(?:(?:go|goes|gone|went|going) (?:up|down)|increas(?:e|es|ed|ing)|ris(?:e|es|en|ing)|rose|grow|grew|grown|fall|fell|fallen|drop(?:s|ped)?|declin(?:e|es|ed))\s+(?:by|from|since|compared)\b/i;
/**
 * The question asks about the site, a poster or the page rather than what an article says: how to support or follow the
 * outlet, its accounts, web site or sister sites, a forum poster's name, join date or message count, the links the page
 * cites ("links with" and "links between" are ties), its hashtags or category, whether a post or reply was edited.
 * Only then are page lines (`page` sentences: donation and follow lines, links, the poster's profile, hashtags, the
 * category, a post's edit mark) ranked. So does the foot of the page ("who's the artist they plug at the bottom of the pages").
 */
const PAGE_ASKED =
  /\b(?:donat(?:e|es|ed|ing|ions?)|paypal|patreon|twitter|facebook|pinterest|instagram|social media|(?:twitter|x|instagram|account) handle|websites?|web site|web ?address(?:es)?|homepage|home page|url|e-?mail address|moderators?|mods|subscri(?:be|ption)|newsletter|usernames?|user ?names?|member since|join date|message count|how many (?:messages|posts)|reaction score|banned|profile|sister (?:site|paper|outlet|publication)s?|part of the .{1,40} group|same (?:thing|outlet|site|paper|company|publication) as|original poster|last edited|comments? (?:section|box|form|field)s?|leave a comment|(?:place|space|somewhere) to (?:comment|leave a comment))\b|\b(?:posts?|repl(?:y|ies)|comments?|messages?)\b.{0,40}\bedit(?:ed|s|ing)?\b|\bedit(?:ed|s|ing)?\b.{0,40}\b(?:posts?|repl(?:y|ies)|comments?|messages?)\b|\bjoin(?:ed)?\b.{0,40}\b(?:forum|site|board)s?\b|\b(?:still|no longer|not|n[’']t|never)\s+(?:be\s+)?allowed to (?:post|comment)\b|\ballowed to (?:post|comment)\s+(?:there|here|anymore|any more|again)\b|\bhow (?:can|could|do|should) (?:i|we|you|one|people|readers) (?:support|fund|follow|contact|reach)\b|\bwho (?:re-?posted|posted|started|opened|shared)\b.{0,60}\b(?:forum|thread|board)\b|\b(?:what|which|any|the|a)\s+(?:[\w’'-]+\s+){0,2}?(?:hyper)?links?\b(?!\s+(?:between|with|among)\b)|\b(?:hyper)?links?\s+(?:to|at|in|under)\s+(?:the\s+)?(?:source|original|bottom|end)\b|\bcit(?:e|es|ed|ing)\s+(?:a\s+|any\s+|the\s+)?(?:link|url|web\s*page)|\bhash-?tags?\b|\btag(?:s|ged)\b|\bcategor(?:y|ies|ised|ized)\b|\bfiled (?:under|in)\b|\b(?:bottom|foot) of (?:the |each |every |all the |their |its )?(?:[\w.’'-]+\s+){0,2}?(?:pages?|site)\b|\bfooters?\b/i;
/**
 * The question asks for a site's address: its words may be the address's ("the modern tokyo news site" →
 * moderntokyonews.com). Not a link: "what link does the modern tokyo times piece cite" asks for the article's cited link.
 */
const ADDRESS_ASKED = /\b(?:url|web ?address(?:es)?|websites?|web site|homepage|home page|domain)\b/i;
/**
 * The question asks about the article's sections ("what are the section headings of Brown's piece", "which section
 * covers the neutrality pact", "what is the section on the US called"): only then are section headings ranked. Not
 * "in the section on X, what does Brown say…", which asks what the section says. Nor the verb: "heading off to", "where is
 * its security heading?".
 */
const HEADING_ASKED = /(?<!\b(?:is|are|was|were|be|been|am|[’']s|[’']re)\s+)\b(?:sub-?)?headings?\b(?!\s+(?:off|back|out|home|down|up|over|to|for|towards?|into|north|south|east|west)\b)|\bsub-?heads?\b|\bsub-?titles?\b|\b(?:what|which)\s+(?:[\w’'-]+\s+){0,2}?sections?\b|\bsections?\b.{0,60}\b(?:called|named|titled|headed)\b/i;
/** Where an article sums up: its conclusion ("in Brown's wrap-up", "what does he conclude", "his closing words"). */
const END_ASKED = new RegExp(
  String.raw`\b(?:wrap-?up|wraps? up|wrapping up|conclu(?:sion|sions|de|des|ded|ding)|(?:closing|final|last) (?:lines?|paragraphs?|words?|section|thoughts?|remarks?)|sums? up|summing up|ends? (?:by|with)|in the end of)\b` +
    // "how does the mtt nato piece end?", "how did brown's article end".
    String.raw`|\bhow (?:does|did|do) (?:the|that|this|[\w’'-]+[’']s)\s+(?:[\w’'-]+\s+){0,6}?${TEXT_WORD}\s+end\b`,
  'i',
);
/**
 * Where an article states its gist: its opening ("in a nutshell, what's Brown's argument", "tl;dr of…", "the main
 * point", "the opening line"). Not what it is said to open with, before another question: "brown opens with the drills
 * on iturup - on which days were they?".
 */
const START_ASKED = /\b(?:in a nutshell|tl;? ?dr|gist|(?:main|central|core|overall|basic|key) (?:argument|point|thesis|claim|message|takeaway)|thesis|(?:opening|first) (?:lines?|paragraphs?|sentences?|words?)|introduction|lede|standfirst|(?:starts?|opens?|begins?) (?:by|with)(?![^?]*\s[-–—:]\s+(?:on |in |at |for |from )?(?:what|which|when|where|who|how|why)\b))\b/i;
/** Words for an article, as a question names one ("the global times piece"). */
const ARTICLE_NOUN = String.raw`(?:piece|article|story|report|op-?ed|column|post|essay|analysis|commentary)`;
/** The article named: "the global times piece", "brown's article", "that mtt nato story". */
const ARTICLE_NAMED = String.raw`(?:the|that|this|[\w.’'-]+[’']s?)\s+(?:[\w.’'-]+\s+){0,4}?${ARTICLE_NOUN}`;
/**
 * The gist of a whole article asked for: what it is about ("what's Brown's article about?", "what is the global times
 * piece even about?"), a summary of it ("summarize brown's article", "give me a summary of the global times piece",
 * "sum up the time news article"). Read before the conclusion's words: "sum up the article" asks for all of it.
 */
const ARTICLE_GIST = new RegExp(
  String.raw`\bwhat(?:[’']s|\s+is|\s+was)\s+${ARTICLE_NAMED}\s+(?:(?:all|even|really|mainly|mostly|actually|basically)\s+)?about\s*[?.!]*\s*$` +
    String.raw`|\b(?:summar(?:y|ies|ise|ize)|sum\s+up|recap|overview|rundown|run-down|tl;? ?dr)(?:\s+of)?\s+${ARTICLE_NAMED}\b`,
  'i',
);
/**
 * The line under a headline asked for ("what's the one-line summary right under it say?", "the standfirst of Brown's
 * piece"): the article's first line, a standfirst or a lede, not the headline it is under.
 */
const LEAD_ASKED = new RegExp(
  String.raw`\b(?:line|one-?liner|summary|sentence|text|blurb|words?|teaser|bit)\s+(?:right\s+|just\s+|directly\s+)?(?:under|below|beneath|underneath)\s+(?:it|(?:the|its|his|her|that|this|their|[\w’'-]+[’']s)\s+(?:[\w’'-]+\s+)?(?:headlines?|titles?|bylines?))\b` +
    String.raw`|\b(?:sub-?headlines?|straplines?|standfirsts?|deks?|taglines?|one-line summary|summary line)\b`,
  'i',
);
const COMMENTS = /\b(comments?|commenters?|commented|readers?|posters?|users?|replies|reply|members?)\b/i;
/**
 * Where the comments are: the forum, its thread, what was posted there. These ask for the comments only when the question
 * names no article nor its author: "brown's piece in that forum thread", "the forum repost", "brown on the forum quotes
 * abe" ask what the article (the thread's first post) says; "someone in the forum thread said…" asks the readers.
 */
const COMMENTS_WHERE = /\b(forum|posted|(?:in|on) the thread)\b/i;
/** Words that name an article (not a post: a forum post may be a reader's). */
const ARTICLE_NAMES = /\b(?:piece|article|story|op-?ed|column|essay|analysis|commentary|re-?post)s?\b/i;
/**
 * A premise set against what is asked: "the forum replies are all X, but Brown himself…", "readers say Y. what does
 * the article itself say?". Everything before the turn is context, not asked for.
 */
const PREMISE_BEFORE_SELF = new RegExp(
  String.raw`^.*\b(?:but|yet|though|whereas|while|what about|what does|what did|does|did|is there|are there|was there|were there)\b(?=[^.?!]{0,60}?\b(?:himself|herself|themselves|${TEXT_WORD}\s+itself)\b)`,
  'is',
);

/**
 * A question's opening clause that "but" turns from, to a question: "the forum says X, but what did Brown say…", "the
 * replies are all pakistan this, cpec that lol. but in the mtt afghanistan article, which power…".
 */
const PREMISE_BUT = new RegExp(
  String.raw`^[^?!]{10,200}?[,;]?\s+but\s+(?=(?:(?:in|from|per|according to)\s+(?:the\s+|that\s+|this\s+)?[^,;:?!.]{0,40}?\b${TEXT_WORD}\b,?\s+)?(?:what|who|how|why|when|where|which|does|did|do|is|are|was|were|has|have|can|could|should|would)\b)`,
  'i',
);
/**
 * A whole sentence, or a clause that "but" turns from, before words that turn to the article proper: "… lol. in the
 * actual article tho, …", "…. the piece itself:", "the page has a 'related news' box, but in the actual article text …".
 */
const PREMISE_SENTENCE = new RegExp(
  String.raw`^([^?!]*?(?:[.!?]+|[,;]?\s+but)\s+)(?=(?:but\s+|and\s+|so\s+|ok\s+|anyway,?\s+)?(?:in|from|according to)\s+the\s+(?:actual|real|main)\s+${TEXT_WORD}\b|(?:but\s+|so\s+)?(?:in\s+)?the\s+${TEXT_WORD}\s+(?:itself|proper)\b)`,
  'i',
);
/** A whole sentence, then a word that turns from it to the question: "… lol. anyway, does mtt…", "…! btw who…". */
const PREMISE_ANYWAY = /^[^?!]*?[^\s.?!]{2}['’"”)]?\s*[.!?]+\s+(?:(?:ok|okay|so|but)\s+)?(?:anyway|anyways|anyhow|btw|by the way|moving on|on another note|(?:apart|aside) from that|that aside|besides that|other than that)\b[,:]?\s*/iu;
/** Words for reader comments and page lines. */
const NOISE_WORDS = /\b(?:comments?|commenters?|forum|posters?|replies|reply|thread|posts?(?!-)|links?|hashtags?|donat\w*|sidebar|footer|paypal|patreon)\b/i;
/** Words for the parts of a web page around an article: what a premise set against "the actual article" is about. */
const PAGE_PARTS = /\b(?:page|headings?|box|banners?|menus?|sidebar|footer|header|ads?|adverts?|advertisements?|related (?:news|articles|stories|posts)|you may also like)\b/i;

/** The article itself, as against its page or comments: "the actual article", "the real piece", "the article itself". */
const ACTUAL_ARTICLE = new RegExp(String.raw`\b(?:actual|real|main)\s+${TEXT_WORD}\b|\b${TEXT_WORD}\s+itself\b`, 'i');
/** Words that point back at what was said before: "does the article agree", "back that up", "say so". */
const POINTS_BACK = /\b(?:agrees?|disagrees?|confirms?|back(?:s|ed)?\s+(?:\w+\s+)?up|say\s+so|true|right|that|this|those|these|it)\b/i;
/** "The article", "this piece": the text a page's comments and lines are set against. */
const THE_ARTICLE = /\b(?:the|this|that)\s+(?:article|piece|story|op-?ed|essay|write-?up)\b/i;
/** A question's opening clause that sets something aside, with the dash or mark that ends it: "forget the replies -", "ignoring the comments,". */
const SET_ASIDE_FIRST = /^\W*(?:ignor(?:e|ing)|disregard(?:ing)?|skip(?:ping)?|never ?mind|forget(?: about)?|leav(?:e|ing) (?:out|aside))\s[^.?!;:,\u2013\u2014]{0,80}?(?:\s-+\s|\s*[.?!;:,\u2013\u2014]+)\s*/i;

/**
 * The question without a premise about reader comments or page lines that it turns away from ("the forum replies are
 * all 'join CPEC', but Brown himself…"): those words are what the asker does not want quoted.
 */
function withoutNoisePremise(text: string, nlp: Nlp): string {
  // "Forget the CPEC stuff in the replies - what…": the clause the question opens by setting aside, to its dash or mark.
  // Kept when it names an outlet or a person: "forget the replies under Brown's piece - …" says which article is asked about.
  const aside = SET_ASIDE_FIRST.exec(text)?.[0];
  const namesSource = (clause: string) => analyseText(clause, nlp).entities.some((e) => sourceForms(e, nlp) !== undefined);
  if (aside !== undefined && (COMMENTS.test(aside) || PAGE_ASKED.test(aside)) && /\p{L}/u.test(text.slice(aside.length)) && !namesSource(aside)) return text.slice(aside.length);
  // "Haidian's post ends with a yahoo link about Trump, but what did Trump say in Brown's article?", "haidian's profile
  // brags 4,888 messages lol, but what's brown's count for…": a premise about the page turned away from by "but", when
  // what follows names its own source (else the premise says which article).
  const turned = PREMISE_BUT.exec(text)?.[0];
  // "…, but what does the actual article say…" turns to the article as plainly as a name would.
  // So does "the commenters think…, but what does the article say…", when the premise does not say which article
  // ("the footer on the mtt nato article…, but who wrote the piece", "the commenters under the forum post…" do).
  // Not when the rest points back at the premise ("…, but does the article agree / back that up?"): the premise is what is asked.
  const toArticle = (rest: string) => namesSource(rest) || ACTUAL_ARTICLE.test(rest) || (THE_ARTICLE.test(rest) && !POINTS_BACK.test(rest) && !ARTICLE_NAMES.test(turned!) && !COMMENTS_WHERE.test(turned!) && !namesSource(turned!));
  if (turned !== undefined && (NOISE_WORDS.test(turned) || PAGE_ASKED.test(turned) || COMMENTS.test(turned)) && toArticle(text.slice(turned.length))) return text.slice(turned.length);
  // "The mtt afghanistan page is half donation begging lol. in the actual article tho, were…": a sentence about page
  // lines or comments, then one that turns to the article proper. The names the premise uses still say which article.
  const before = PREMISE_SENTENCE.exec(text)?.[1];
  if (before !== undefined && (NOISE_WORDS.test(before) || COMMENTS.test(before) || PAGE_PARTS.test(before))) {
    const names = [...before.matchAll(/[\p{L}.’'-]+/gu)].map((m) => m[0]).filter((w) => !/^(?:the|a|an)$/i.test(w) && isNameWord(w.toLowerCase().replace(/[’']s$/u, ''), nlp));
    // "in the actual article" → "in the mtt afghanistan article".
    return text.slice(before.length).replace(new RegExp(String.raw`(?:(?:actual|real|main)\s+)?(?=${TEXT_WORD}\b)`, 'i'), names.length > 0 ? names.join(' ') + ' ' : '');
  }
  // "mtt's footer says 'modern tokyo news is part of…' lol. anyway, does mtt…": a remark on the page's parts, then
  // "anyway", before a question that names what it asks about. Not a remark on a reply or a thread ("zakharova's
  // reply was harsh. anyway, did japan answer her?", "the thread says join cpec lol. anyway, what would japan get out
  // of it?"): those say what is asked about.
  const remark = PREMISE_ANYWAY.exec(text)?.[0];
  // A remark on the forum's replies, when the question then turns to the article ("one of the forum replies says
  // trade would be good. apart from that, what plan has japan pursued, per the article?").
  const onReplies = (r: string, rest: string) => COMMENTS.test(r) && COMMENTS_WHERE.test(r) && (ACTUAL_ARTICLE.test(rest) || THE_ARTICLE.test(rest));
  if (remark !== undefined && (PAGE_PARTS.test(remark) || PAGE_ASKED.test(remark) || onReplies(remark, text.slice(remark.length))) && analyseText(text.slice(remark.length), nlp).entities.length > 0) return text.slice(remark.length);
  const premise = PREMISE_BEFORE_SELF.exec(text)?.[0];
  if (premise === undefined || !(COMMENTS.test(premise) || PAGE_ASKED.test(premise))) return text;
  return text.slice(premise.length).replace(/^[\s,;:-]+/, '');
}

/**
 * What a question sets aside, to its clause's end: "ignore the hashtags and the 'you may also like' junk", "not counting
 * the comments", "leaving the forum replies aside". What it names is not asked for (page lines, reader comments).
 */
const NOT_ASKED = /\b(?:ignor(?:e|ing)|disregard(?:ing)?|skip(?:ping)?|leav(?:e|ing) (?:out|aside)|(?:aside|apart) from|excluding|except(?: for)?|not counting|never ?mind|forget(?: about)?|not (?:in |from |by )?the)\s[^.?!;,:]{0,60}|\b(?:leav(?:e|ing)|put(?:ting)?|set(?:ting)?)\s[^.?!;,:]{0,40}?\baside\b/gi;

/**
 * Words that frame a question rather than say what it is about ("what kind of
 * stuff", "according to the article"). They keep a small weight: general English,
 * not knowledge of this corpus.
 */
const FRAMING = new Set(['kind', 'sort', 'type', 'stuff', 'thing', 'tell', 'mention', 'article', 'piece', 'text', 'accord', 'happen', 'exact', 'actual', 'realli', 'mean', 'know', 'explain', 'think', 'pleas', 'bot', 'corpus', 'say', 'said', 'wrote', 'write', 'author', 'comment', 'comment', 'reader', 'forum', 'user', 'number', 'year', 'month', 'date', 'much', 'mani', 'name', 'person', 'peopl', 'someth', 'anyth', 'publish']);



/**
 * Verbs that only say when or how often something happens when another verb follows
 * ("has started going easy", "used to be tougher", "keeps saying"): the question is
 * about the verb that follows, so they count as framing.
 */
const ASPECT_ING = new Set(['start', 'starts', 'started', 'starting', 'begin', 'begins', 'began', 'begun', 'keep', 'keeps', 'kept', 'keeping', 'stop', 'stops', 'stopped', 'continue', 'continues', 'continued', 'quit']);
const ASPECT_TO = new Set(['start', 'starts', 'started', 'begin', 'begins', 'began', 'begun', 'continue', 'continues', 'continued', 'tend', 'tends', 'tended', 'seem', 'seems', 'seemed', 'used']);
/** Words in -ing that are not verb forms. */
const NOT_VERB_ING = new Set(['thing', 'things', 'anything', 'something', 'nothing', 'everything', 'morning', 'evening', 'during', 'spring', 'string', 'king', 'ring', 'wing', 'sing', 'bring']);

/** A word for an article that is no other thing too (TEXT_WORD without "report", "post", "column", "blog"). */
const ARTICLE_WORD = String.raw`(?:article|piece|story|op-?ed|essay|write-?up|thread)s?`;

/**
 * A statement before a question that says it asks what an article says: "haidian's forum profile says location: china
 * lol. where in china did putin meet xi, per the article haidian posted?". What the statement says of the page is not
 * asked (page lines stay out); the words it uses still rank.
 */
const STATED_THEN_ARTICLE = new RegExp(
  String.raw`^[^?!.]{10,200}?[.!]+\s+(?=[^.?!]*\b(?:per|according to|in|from)\s+(?:the|this|that|his|her|their|[\p{L}-]+[’']s)\s+(?:[\p{L}\p{N}’'-]+\s+){0,3}?${ARTICLE_WORD}\b[^.?!]*\?*\s*$)`,
  'iu',
);

/**
 * The words a question names an article by, before its word for it ("the mtt liaison office article", "brown's
 * united front piece"): which article, not what in it is asked (group 1). Not words that are also verbs ("what does the
 * liaison office report to?") or other things ("the column of tanks").
 */
const DESCRIBED_TEXT = new RegExp(String.raw`\b(?:the|that|this|his|her|their|its|[\p{L}.-]+[’']s)\s+((?:[\p{L}\p{N}-]+\s+){1,4}?)${ARTICLE_WORD}\b`, 'giu');

/**
 * The same after the word for the article, where the question says whose article it reads ("according to the time news
 * piece on the nato office", "in the mtt piece about afghanistan, …"): up to a comma or the end (group 1).
 */
const DESCRIBED_AFTER = new RegExp(String.raw`\b(?:according to|per|in|from)\s+(?:the\s+)?(?:[\p{L}\p{N}.’'-]+\s+){1,4}?${ARTICLE_WORD}\s+(?:on|about|covering|regarding)\s+([^,;:?!.]+?)(?=\s*(?:[,;:?!.]|$))`, 'giu');

/**
 * The terms only the words naming an article give ("liaison" and "office" in "how does the mtt liaison office article
 * describe north korea and japan relations?"): the article's description, not the question's content. Source names
 * keep their own weight (see sourceNameTerms), and a word the question also uses elsewhere is content.
 */
function describingTerms(text: string, terms: readonly string[], sources: ReadonlyMap<string, string>, nlp: Nlp): Set<string> {
  if (text.search(DESCRIBED_TEXT) < 0 && text.search(DESCRIBED_AFTER) < 0) return new Set();
  const cut = (m: string, words: string) => m.replace(words, ' ');
  const rest = new Set(analyseText(text.replace(DESCRIBED_TEXT, cut).replace(DESCRIBED_AFTER, cut), nlp).terms);
  return new Set(terms.filter((t) => !rest.has(t) && !sources.has(t) && !t.startsWith('!')));
}

/** A time clause inside a question ("…muted when russia did those drills on iturup"): when the asked thing happened, not the thing. */
const TIME_CLAUSE = /(?<=\p{L}[,]?\s+)(?<!\bback\s+)(?:when|after|once|while)\s+(?!(?:did|does|do|is|was|were|will|has|have|had)\b)[^,;:?!.]+/giu;

/**
 * After a how-many question, a short last one offering a count (group 1): "…? like 500?", "…? three if u count north
 * korea?". The match is the guess alone: the ranking weighs its words as framing, the checks require none of its names.
 */
export const COUNT_GUESS = /(?<=\bhow (?:many|much)\b[^?]*\?\s*)([^?]{1,60}?)\s*\?+\s*$/iu;

/** The terms a question uses only inside the clauses `pattern` finds. */
function clauseOnlyTerms(text: string, terms: readonly string[], pattern: RegExp, nlp: Nlp): Set<string> {
  if (text.search(pattern) < 0) return new Set();
  const rest = new Set(analyseText(text.replace(pattern, ' '), nlp).terms);
  return new Set(terms.filter((t) => !rest.has(t) && !t.startsWith('!') && !t.startsWith(ENTITY_PREFIX)));
}

/** The terms of aspect verbs that a verb follows: framing, not content. */
function aspectTerms(text: string, nlp: Nlp): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}'’]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1]!;
    const ing = ASPECT_ING.has(w) && next.length > 4 && next.endsWith('ing') && !NOT_VERB_ING.has(next);
    const to = next === 'to' && i + 2 < words.length && (ASPECT_TO.has(w) || (w === 'use' && /^(be|have)$/.test(words[i + 2]!)));
    if (ing || to) out.add(termOf(w, nlp));
  }
  return out;
}

const ABBREVIATION_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’/-])(${Object.keys(abbreviations.expand)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(?![\p{L}\p{N}/-]|['’](?!s\b)|\.\p{L})`,
  'giu',
);

/**
 * A question with the informal abbreviations people type in chat spelt out ("govt" → "government", "the FM's" → "the
 * foreign minister's"; see abbreviations.json) and "-wise" dropped.
 */
export function expandAbbreviations(text: string): string {
  // "economy-wise", "security-wise": the noun is what is asked about.
  return text
    .replace(ABBREVIATION_RE, (m) => (abbreviations.expand as Record<string, string>)[m.toLowerCase()] ?? m)
    .replace(/(\p{L})-wise\b/giu, '$1')
    .replace(ENVOY_IDIOM, (_m, country: string, place: string) => `${country} ambassador to ${place}`);
}

/** "Tokyo's man in Washington", "japan's woman in beijing": the country's envoy there, as the articles name one. */
const ENVOY_IDIOM = /\b(\p{L}+[’']s)\s+(?:man|woman|guy|gal|person|rep)\s+in\s+(?!(?:charge|command|power|office|question|the|a|an|this|that|his|her|their|its|my|your|our)\b)(\p{L}+)/giu;

/** Chat around a question: a greeting or preamble before it, thanks after it. */
const CHAT_BEFORE = /^(?:\W*(?:(?:hi+|hello+|hey+|heya|hiya|howdy|yo+|gm|good (?:morning|afternoon|evening))(?: (?:there|all|everyone|everybody|guys|folks|team))?(?: @?bot)?|@bot|quick question|just curious|i(?:['’]m| am) (?:just )?curious|(?:so )?i was wondering|i wonder)(?=[\s,:;.!]|$)[\s,:;.!-]*)+/i;
/** Thanks at the end: after the question's punctuation ("…? thank you", "…, cheers"), or a bare "thanks" / "thx" not asked about ("… thanks!"; "did Ukraine express thanks?" keeps its word, and so do "…thank you" and "…cheers" with nothing before them). */
const CHAT_AFTER = /(?:([?!.,;:])\s*(?:thanks|thank (?:you|u)|thx|ty|cheers|just curious)(?: (?:in advance|so much|a lot))?\W*|\s(?:thanks|thx|ty)(?: (?:in advance|so much|a lot))?[\s!.]*)$/i;

/**
 * A tag that asks to be told whether the question's premise holds, at the end: "…, right?", "… did I read that
 * right?", "… or not lol". It adds no words of the answer's ("right" would find "the leadership is right"). A bare
 * "right" / "correct" / "true" is a tag only after a mark ("is Brown right?" asks about Brown).
 */
const TAG_AFTER = new RegExp(
  String.raw`(?:(?:[,;:?!.]|\s-+)\s*(?:right|correct|true|yes or no)|\s*[,;:?!.-]?\s*(?:(?:did|do) i (?:read|get|understand|have) (?:that|this|it) (?:right|correctly)|am i (?:right|wrong|reading (?:that|this|it) right)|is that (?:right|correct|true|so)|or not|or what|or am i wrong))` +
    String.raw`(?:\s*[?!.,]*\s*(?:or not|lol|lmao|haha|tho|though))*[\s?!.]*$`,
  'i',
);

/**
 * A question without the chat around it ("hey bot, quick question: why…", "…? thanks!"), so
 * that its first words are the question's: several readings look there ("why…", "when did…").
 */
export function stripChat(text: string): string {
  const stripped = text.replace(CHAT_BEFORE, '');
  // Thanks can only be among the last words: matching the tail keeps a long question linear.
  const at = Math.max(0, stripped.length - 60);
  const result = stripped.slice(0, at) + stripped.slice(at).replace(CHAT_AFTER, (_all: string, mark: string | undefined) => (mark === '?' ? '?' : '')).replace(TAG_AFTER, '?');
  return /[\p{L}\p{N}]/u.test(result) ? result : text;
}

let englishWords: ReadonlySet<string> | undefined;
/**
 * The word is English: a WordNet word, or one with an inflection taken off ("relaxed",
 * "stopped", "parties", "hoping"). Compared as words, not terms: a typo can share a stem
 * with a real word ("goverment" and "gover…"). Read on the first unknown word.
 */
export function isEnglish(word: string): boolean {
  const words = (englishWords ??= new Set(readWordnetTerms().keys()));
  const w = word.toLowerCase();
  const bases = [w];
  const strip = (suffix: string, ...ends: string[]) => {
    if (!w.endsWith(suffix) || w.length <= suffix.length + 2) return;
    const stem = w.slice(0, -suffix.length);
    for (const end of ends) bases.push(stem + end);
    // "stopped" → "stop", "planning" → "plan"
    if (stem.length > 2 && stem.at(-1) === stem.at(-2)) bases.push(stem.slice(0, -1));
  };
  strip('s', '');
  strip('es', '');
  strip('ies', 'y');
  strip('ed', '', 'e');
  strip('ied', 'y');
  strip('ing', '', 'e');
  strip('er', '', 'e');
  strip('est', '', 'e');
  return bases.some((b) => words.has(b));
}

/** Weights of the kinds of query term, relative to a content word as typed (1). */
export interface QueryParams {
  /** A framing word ("kind", "stuff", "article"): present, but says little. */
  framing: number;
  /** An entity term when the question names it in a form the corpus also uses: the name should not count twice in full. */
  entity: number;
  /** A spelling correction: a guess may be wrong. */
  correction: number;
  /** A WordNet synonym: bridges paraphrase, but exact words should win. */
  synonym: number;
  /**
   * A synonym of a question word the corpus never uses, when that word has at most
   * {@link UNKNOWN_WORD_SYNONYMS} of them ("unsafe" → insecure, danger): no exact word can win there, and
   * the synonyms are the only way the question's word is heard. A vague word with many ("go" → depart,
   * function, run, tour…) keeps {@link synonym}.
   */
  unknownWordSynonym: number;
  /**
   * A synonym of two words the question uses together, a thesaurus phrase ("bad omen" → bode, "sit on its hands" →
   * proactive): a phrase says more than either word, so its synonyms count for more than a single word's. 0.6 gave
   * twelve open sets a first answer and cost held-out 13 and 46 one each (both near ties); 0.45 and 0.5 gained less,
   * 0.7 cost six sets one each.
   */
  phraseSynonym: number;
  /** A negated word's `!term`, beside the plain term: a negated question prefers negated sentences. */
  negation: number;
  /**
   * A name's own word beside its entity term ("moscow" beside @russia): the exact form is a weaker sign than the
   * entity. At 1, a sentence that happens to use the question's form scored the name twice (word and entity) against
   * once for a sentence that names it otherwise ("Washington" asked, "the United States" written).
   */
  aliasLiteral: number;
}

export const defaultQueryParams: QueryParams = { framing: 0.5, entity: 0.7, correction: 0.7, synonym: 0.35, unknownWordSynonym: 0.5, phraseSynonym: 0.6, negation: 1, aliasLiteral: 0.5 };

/** At most this many synonyms make an unknown question word specific enough for {@link QueryParams.unknownWordSynonym}. */
const UNKNOWN_WORD_SYNONYMS = 5;

/**
 * "Apart from the US, which countries…", "…for china and japan together? not the pakistan bit": a name the question sets
 * aside (group 1: up to seven words after the phrase; a trailing "not…" only as a last fragment of up to six words).
 */
const SET_ASIDE = /\b(?:apart from|aside from|besides|other than|except(?: for)?|excluding|not counting|(?<=[?.!,;\u2013\u2014-]\s*)not(?=(?:\s+[\p{L}.’'-]+){1,6}\s*[?.!]*\s*$))\s+([\p{L}.’'-]+(?:(?:\s+|\s*,\s*)[\p{L}.’'-]+){0,6})/giu;
/** Words a list of set-aside names may have between the names. */
const NAME_LIST_GLUE = /^(?:the|and|or|nor)$/i;

/**
 * The question without the names it sets aside ("apart from the US", "other than China"):
 * the answer is about others, so neither the ranking nor the checks should look for them.
 * Only a phrase that is a name (and "the") is cut: "besides selling weapons" keeps its words.
 */
export function withoutSetAside(text: string, nlp: Nlp): string {
  const cut = text.replace(SET_ASIDE, (all: string, phrase: string) => {
    // The longest leading run of the phrase's words that is names ("the", "and", "or" between them) and ends on a
    // name: "besides Japan how many…" cuts "Japan", "apart from China and Russia, which…" both.
    const words = [...phrase.matchAll(/[\p{L}.’'-]+/gu)];
    const isName = (w: string) => isNameWord(w.toLowerCase().replace(/[’']s$|[^\p{L}.’'-]/gu, ''), nlp);
    for (let n = words.length; n > 0; n--) {
      const head = words.slice(0, n).map((m) => m[0]);
      if (!isName(head[n - 1]!) || !head.every((w) => isName(w) || NAME_LIST_GLUE.test(w))) continue;
      const end = words[n - 1]!.index + words[n - 1]![0].length;
      if (analyseText(phrase.slice(0, end), nlp).entities.length > 0) return ' ' + phrase.slice(end);
    }
    return all;
  });
  // "Apart from the US, where…": the question proper starts after the cut.
  return cut === text ? text : cut.replace(/^[\s,;:-]+/, '').replace(/\s+([,?.!])/g, '$1').replace(/\s{2,}/g, ' ');
}

/** The entities of a question that its cut form no longer names (slugs). */
function entitiesCut(question: string, cut: string, nlp: Nlp): string[] {
  const kept = new Set(analyseText(cut, nlp).entities);
  return analyseText(question, nlp).entities.filter((e) => !kept.has(e));
}

/** Reads a question: its terms (spell-corrected against the corpus), intent and entities. */
export function parseQuestion(question: string, index: SearchIndex, nlp: Nlp, params: QueryParams = defaultQueryParams): Query {
  const unset = withoutSetAside(question, nlp);
  const text = withoutNoisePremise(unset, nlp);
  const read = analyseText(text.replace(FRAMING_PHRASES, ' '), nlp);
  // A question about a part (Kunashir) asks about it, not about the whole it belongs to (the Kurils): the
  // whole's entity term, which the term pipeline adds for the corpus's sake, is left out unless its own name is typed.
  const wholes = wholesNotNamed(text, read.entities, nlp);
  const analysis = wholes.size === 0 ? read : { ...read, terms: read.terms.filter((t) => !(t.startsWith(ENTITY_PREFIX) && wholes.has(t.slice(ENTITY_PREFIX.length)))), entities: read.entities.filter((e) => !wholes.has(e)) };
  const corrections: Array<[string, string]> = [];
  const synonymOf = new Map<string, number>();
  const counts = new Map<string, number>();
  const add = (term: string, w: number) => counts.set(term, (counts.get(term) ?? 0) + w);
  // The words of a name the question uses: one-word forms ("kremlin") and the words of longer ones it contains ("uncle sam").
  const spoken = namedFormWords(text, analysis.entities, nlp);
  const aliasTerms = new Set(analysis.words.filter((w) => isEntityWord(w, nlp) || spoken.has(w.toLowerCase())).map((w) => termOfWord(w, 'word', nlp)));
  const unknownAliases = [...aliasTerms].some((t) => !index.termId.has(t));
  const aspects = aspectTerms(text, nlp);
  const sources = sourceNameTerms(text, analysis.entities, nlp);
  const intent = intentOf(text);
  // Asked about the article itself (who wrote it, when, its headline), the words naming it are what is asked.
  const aboutText = intent === 'author' || intent === 'published' || intent === 'title' || intent === 'lead';
  const described = aboutText ? new Set<string>() : describingTerms(text, analysis.terms, sources, nlp);
  // …and so they are when nothing else is asked ("what about the ferry piece?").
  if (!analysis.terms.some((t) => !described.has(t) && !t.startsWith(ENTITY_PREFIX) && !t.startsWith('!') && !sources.has(t) && !FRAMING.has(t) && !aspects.has(t) && !aliasTerms.has(t))) described.clear();
  // A time clause inside the question says when, not what is asked; in who, when and how-many questions it says which thing is asked.
  const context = intent === 'date' || intent === 'number' || intent === 'person' ? new Set<string>() : clauseOnlyTerms(text, analysis.terms, TIME_CLAUSE, nlp);
  // "How many scrambles…? like 500?": a count offered as a guess is what the answer may correct, not words it must share.
  for (const t of clauseOnlyTerms(text, analysis.terms, COUNT_GUESS, nlp)) context.add(t);
  for (const term of analysis.terms) {
    // A name the corpus only knows under another form ("kremlin") counts once, through its entity.
    if (aliasTerms.has(term) && !index.termId.has(term)) continue;
    if (term.startsWith(ENTITY_PREFIX)) add(term, (unknownAliases ? 1 : params.entity) * (described.has(term) ? params.framing : 1));
    else if (term.startsWith('!')) add(term, params.negation);
    else if (aliasTerms.has(term)) add(term, params.aliasLiteral);
    else add(term, FRAMING.has(term.replace(/^!/, '')) || aspects.has(term) || described.has(term) || context.has(term) ? params.framing : 1);
  }
  for (const word of analysis.words) {
    const term = termOfWord(word, 'word', nlp);
    if (index.termId.has(term) || aliasTerms.has(term) || FRAMING.has(term)) continue;
    // A real English word the corpus lacks is no typo ("relaxed" is not "related").
    if (isEnglish(word)) continue;
    const fixed = correctSpelling(word, index);
    if (fixed === undefined) continue;
    const fixedTerm = termOfWord(fixed, 'word', nlp);
    const weight = counts.get(term) ?? 0;
    counts.delete(term);
    add(fixedTerm, weight * params.correction);
    // "hyashi" → "hayashi": a name the glossary knows counts through its entity too, as when typed right.
    for (const e of analyseText(fixed, nlp).terms) if (e.startsWith(ENTITY_PREFIX) && !counts.has(e)) add(e, params.entity * params.correction);
    corrections.push([word, fixed]);
  }
  // A site named in words is found by its address: "the modern tokyo news site" → moderntokyonews.com (only when an address is asked).
  if (ADDRESS_ASKED.test(text)) {
    const seq = analysis.sequence;
    for (let i = 0; i < seq.length; i++) {
      for (let n = 2; n <= 3 && i + n <= seq.length; n++) {
        const joined = termOfWord(seq.slice(i, i + n).join(''), 'word', nlp);
        if (index.termId.has(joined) && !counts.has(joined)) add(joined, 1);
      }
    }
  }
  const pairs = (words: string[]) => words.slice(1).map((w, i) => [termOf(words[i]!, nlp) + PHRASE_JOIN + termOf(w, nlp), 1] as const);
  // Two words in a row, and again without the small words a thesaurus key leaves out ("footing the bill" → foot_bill).
  const content = analysis.sequence.filter((w) => !PHRASE_FILLER.has(w));
  const phrases = [...pairs(analysis.sequence), ...(content.length < analysis.sequence.length ? pairs(content) : [])];
  for (const [term, weight] of [...counts, ...phrases]) {
    if (term.startsWith(ENTITY_PREFIX) || term.startsWith('!') || weight < 1) continue;
    const synonyms = index.synonyms.get(term) ?? [];
    const specificUnknown = !index.termId.has(term) && !term.includes(PHRASE_JOIN) && synonyms.length <= UNKNOWN_WORD_SYNONYMS;
    for (const synonym of synonyms) {
      if (counts.has(synonym) && !synonymOf.has(synonym)) continue;
      synonymOf.set(synonym, Math.max(synonymOf.get(synonym) ?? 0, weight * (specificUnknown ? params.unknownWordSynonym : term.includes(PHRASE_JOIN) ? params.phraseSynonym : params.synonym)));
    }
  }
  // "places like Baghdad and Damascus": a city the corpus never names stands for its country, as a word for it would.
  // One it names is left to its own word ("the Shanghai Cooperation Organisation" is no Chinese city's).
  for (const { city, country, name } of worldCitiesNamed(text)) {
    if (city.split(/\s+/).every((w) => index.termId.has(termOfWord(w, 'word', nlp)))) continue;
    const term = country in nlp.glossary.entities ? ENTITY_PREFIX + country : termOfWord(name, 'word', nlp);
    if (index.termId.has(term) && !counts.has(term)) synonymOf.set(term, Math.max(synonymOf.get(term) ?? 0, params.unknownWordSynonym));
  }
  for (const [synonym, weight] of synonymOf) counts.set(synonym, weight);
  const asked = text.replace(NOT_ASKED, ' ');
  const referent = referentAsked(text);
  const quoted = quotedPhrases(text);
  const terms: QueryTerm[] = [...counts].map(([term, weight]) => {
    const source = synonymOf.has(term) ? undefined : sources.get(term);
    return { term, id: index.termId.get(term), weight, ...(synonymOf.has(term) && { synonym: true }), ...(source !== undefined && { source }), ...(described.has(term) && !synonymOf.has(term) && { describes: true }) };
  });
  return {
    text,
    terms,
    intent,
    wantsComments: COMMENTS.test(asked) || (COMMENTS_WHERE.test(asked) && !ARTICLE_NAMES.test(asked) && !analysis.entities.some((e) => namesAuthor(e, index, nlp))),
    wantsPage: PAGE_ASKED.test(asked.replace(STATED_THEN_ARTICLE, '')),
    wantsHeading: HEADING_ASKED.test(text),
    ...(ARTICLE_GIST.test(text) ? { part: 'start' as const } : END_ASKED.test(text) ? { part: 'end' as const } : START_ASKED.test(text) ? { part: 'start' as const } : {}),
    wantsAdvice: ADVICE_ASKED.test(text),
    wantsPrediction: PREDICTION_ASKED.test(text),
    wantsComparison: COMPARISON_ASKED.test(text),
    ...(unset !== question && { setAside: entitiesCut(question, unset, nlp) }),
    ...(referent !== undefined && { referent }),
    ...(quoted.length > 0 && { quoted, quotedRarest: quoted.map((phrase) => rarestTerm(phrase, index, nlp)) }),
    corrections,
    entities: analysis.entities,
  };
}

/** The text in lower case with a space at each end and in place of other marks, so that ` ${form} ` finds a whole form in it. */
function spacedLowerCase(text: string): string {
  return ` ${withoutPossessive(text.toLowerCase()).replace(/’/g, "'").replace(/[^\p{L}\p{N}.' -]+/gu, ' ')} `;
}

/**
 * A text or a glossary form without its possessive "'s", straight apostrophe or curly: "Russia’s" names Russia as "Russia's"
 * does, and the form "kabul's new rulers" is found in "Kabul’s new rulers" (compared as "kabul new rulers").
 */
function withoutPossessive(text: string): string {
  return text.replace(/['’]s\b/gi, '');
}

/**
 * The wholes the term pipeline added for parts the text names (Kyrgyzstan → Central Asia) that the text does not
 * name by their own forms.
 */
export function wholesNotNamed(text: string, entities: string[], nlp: Nlp): Set<string> {
  return new Set(entities.flatMap((e) => nlp.glossary.entities[e]?.partOf ?? []).filter((w) => !namesItself(text, w, nlp)));
}

/** The places a text names itself, as entity terms: "Kyrgyzstan" is not also Central Asia. */
export function placesNamed(text: string, nlp: Nlp): string[] {
  const { entities } = analyseText(text, nlp);
  const wholes = wholesNotNamed(text, entities, nlp);
  return entities.filter((e) => !wholes.has(e)).map((e) => ENTITY_PREFIX + e);
}

/** The question names the entity by one of its own forms (not only through a part of it). */
function namesItself(text: string, entity: string, nlp: Nlp): boolean {
  const lower = spacedLowerCase(text);
  return (nlp.glossary.entities[entity]?.forms ?? []).some((f) => lower.includes(` ${withoutPossessive(f)} `));
}

/** True when the entity is a person who wrote one of the articles (a byline name: "brown"). */
function namesAuthor(entity: string, index: SearchIndex, nlp: Nlp): boolean {
  if (!nlp.personForms.has(entity)) return false;
  const id = index.termId.get(ENTITY_PREFIX + entity);
  return id !== undefined && (index.sourceDocs.get(id)?.length ?? 0) > 0;
}

/** The entity terms of the outlets and people the question names as sources ("the Global Times", "Brown"), each once. */
export function sourceEntities(query: Pick<Query, 'terms'>): string[] {
  return [...new Set(query.terms.flatMap((q) => (q.source === undefined ? [] : [q.source])))];
}

/** The forms of an entity that can be a source, an outlet or a person; undefined for any other entity. */
function sourceForms(entity: string, nlp: Nlp): readonly string[] | undefined {
  const e = nlp.glossary.entities[entity];
  return e?.kind === 'outlet' ? [...e.forms, ...(e.exactForms ?? [])] : nlp.personForms.get(entity);
}

/**
 * The terms of the names of outlets and people that the text uses, each with its entity term: "according to
 * the Global Times" → global, time and @global-times, all with @global-times.
 */
function sourceNameTerms(text: string, entities: string[], nlp: Nlp): Map<string, string> {
  const lower = spacedLowerCase(text);
  const out = new Map<string, string>();
  for (const e of entities) {
    const forms = sourceForms(e, nlp);
    if (forms === undefined) continue;
    const term = ENTITY_PREFIX + e;
    out.set(term, term);
    const used = forms.map((f) => withoutPossessive(f.toLowerCase())).filter((form) => lower.includes(` ${form} `));
    // A word of the name typed again outside it ("according to the Modern Tokyo Times, what did Tokyo approve?") is a word of the question too.
    const outside = used.reduce((text, form) => text.split(` ${form} `).join('  '), lower);
    for (const form of used) for (const w of form.split(/\s+/)) if (!outside.includes(` ${w} `)) out.set(termOfWord(w, 'word', nlp), term);
  }
  return out;
}

/** The words of the entities' multi-word forms that the text contains ("uncle sam" → uncle, sam). */
function namedFormWords(text: string, entities: string[], nlp: Nlp): Set<string> {
  // "uncle sam's navy": the possessive is no part of the name, straight apostrophe or curly (spacedLowerCase).
  const lower = spacedLowerCase(text);
  const out = new Set<string>();
  for (const e of entities) {
    for (const form of nlp.glossary.entities[e]?.forms ?? []) {
      const f = withoutPossessive(form);
      if (/\s/.test(f) && lower.includes(` ${f} `)) for (const w of f.split(/\s+/)) out.add(w);
    }
  }
  return out;
}

/** The glossary's name forms, whole ("port elwen") and word by word ("elwen"; exact forms lower-cased), per NLP instance. */
const nameForms = new WeakMap<Nlp, { forms: Set<string>; words: Set<string> }>();
function namesOf(nlp: Nlp): { forms: Set<string>; words: Set<string> } {
  let names = nameForms.get(nlp);
  if (!names) {
    const entities = Object.values(nlp.glossary.entities);
    const people = nlp.glossary.people.flatMap((p) => p.forms);
    const forms = new Set([...entities.flatMap((e) => e.forms), ...people]);
    // A country added from the world list lends only its one-word names: "world" of "world bank" and "coast" of
    // "ivory coast" are no name words ("besides Japan and the coast guard, who…" keeps "coast guard").
    const named = entities.flatMap((e) => [...e.forms, ...(e.exactForms ?? []).map((f) => f.toLowerCase())].filter((f) => e.general !== true || !/\s/.test(f)));
    names = { forms, words: new Set([...named, ...people].flatMap((f) => f.split(/\s+/))) };
    nameForms.set(nlp, names);
  }
  return names;
}

/** The word is one of the words of an entity's or a person's forms ("elwen" of "port elwen"). */
function isNameWord(word: string, nlp: Nlp): boolean {
  return namesOf(nlp).words.has(word);
}

/** True for a word that is one of the glossary's forms of an entity or a person. */
function isEntityWord(word: string, nlp: Nlp): boolean {
  return namesOf(nlp).forms.has(word);
}
