import { FLAG } from './build-index.js';
import { entitySpans, isLargeArea, personSlug, spacedWords, worldCityCountry, worldEntitiesNamed, type Glossary } from './glossary.js';
import type { Nlp } from './nlp.js';
import { COUNT_GUESS, intentOf, isEnglish, NUMBER_ASK, placesNamed, sourceEntities, TERSE_DATE, TEXT_WORD, WHEN_ASKED, type Query } from './question.js';
import { defaultRankParams } from './rank.js';
import { editDistance } from './spelling-correction.js';
import { KIND, type SearchIndex } from './search-index.js';
import { analyseText, ENTITY_PREFIX, escapeRegExp, HYPHENATED_NUMBER, MONTH_NAMES, NUMBER_WORD_ALTERNATION, termOfTextWord, termOfWord } from './terms.js';

/** A sentence before the question proper, ending in a full stop (not one after a single letter, as in "U.S.") or "!". */
const LEAD_SENTENCE = String.raw`[^?!]*?[^\s.?!]{2}[.!]+\s+`;
/** A condition before the question proper, up to its comma: "if nato does set up that office, which city…". */
const CONDITION_LEAD = String.raw`(?:if|assuming|supposing|provided|in case)\b[^?!,]{1,80},\s*`;
/** Marks and a chat word before the question proper: "so", "ok", "hey". */
const CHAT_LEAD = String.raw`\W*(?:(?:so|and|but|ok|okay|hey)\W+)?`;
/** A lead-in before a dash and the question proper: "qin gang's europe tour — which cities…". */
const DASH_LEAD = String.raw`[^?!—–]{3,120}?\s[—–-]+\s+`;
/**
 * A question's first words before the question proper: "so what did ...", "ok when ...", a statement before it
 * ("a guy in the forum says X. does japan's foreign minister say…": the words of a sentence ending in a full stop, not
 * one after a single letter, as in "U.S.", or an exclamation mark), a condition ("if nato does set up that office,
 * which city…") or a lead-in before a dash ("qin gang's europe tour — which cities…").
 */
const OPENER = String.raw`^(?:${LEAD_SENTENCE}|${CONDITION_LEAD}|${DASH_LEAD})?${CHAT_LEAD}`;
/** {@link OPENER} as a pattern: what a match of a pattern built on it starts with, and is no part of what it asks. */
const OPENER_RE = new RegExp(OPENER, 'i');
/** A year as the checks read one: 1800-2099. */
const YEAR_DIGITS = String.raw`1[89]\d\d|20\d\d`;

/**
 * Answer checks: what a sentence must hold to answer the question at all, read from
 * the question's form (the "expected answer type" check of classic question
 * answering: a question with no candidate of the right type is answered NIL).
 *
 * - count: "how many troops" wants a count, and a count of troops, not of islands ("how much … in yen": of yen);
 * - statement: "what did X say", "how did X react", "X's position on" want words
 *   said or a reaction, by X;
 * - outcome: "what came out of", "who won", "did X end up" want a reported result,
 *   not an announcement of what will happen;
 * - time: "when" wants an expression of time, "what date" / "which year" a date, "which month" a month;
 * - place: "where" wants a named place;
 * - role: "which minister" wants a minister: the title, or a person the corpus gives it;
 * - person: "who is in charge of X" wants a person named;
 * - entities: every country, organisation or person the question names must be in
 *   the sentence or the one either side, or (a country, not a person) be what its document is about;
 * - years: a year the question names must be one the document mentions;
 * - ordinals: "the 8th meeting", "the third round of talks" ask for one occurrence of a series: its document
 *   must mention that ordinal ("the 9th meeting" does not tell of the 8th).
 *
 * All of it is general English, not knowledge of this corpus.
 */
export interface AnswerChecks {
  /** Set for count questions: the counted thing's term (none: any number will do), and whether it counts people. */
  count?: { head?: string; people?: boolean; pronoun?: true; measure?: Measure; forms?: string[]; acts?: string[]; besides?: string; of?: string; within?: string[]; known?: string[]; ago?: true };
  /**
   * Set for statement questions: the speaker's entity terms (may be empty), and the terms of what
   * they were asked to have said something about ("about the air drills"; may be empty).
   */
  /**
   * `worldSpeakers`: forms of each country or organisation of the world list that speaks in the question but that the
   * glossary does not define ("what did Australia say…"): the sentence must report words and name it.
   */
  /**
   * `names`: the words of a speaker that neither list knows and that look like a name ("Blinken", "Boris Johnson":
   * capitalised past the first word, or no English word): a corpus that never uses one does not report what they said.
   */
  statement?: { speakers: string[]; owners?: string[]; about?: string[]; worldSpeakers?: string[][]; names?: string[]; titleOf?: { country: string; title: string }; inText?: true };
  /**
   * Set for "how did X turn out", "what came out of X": a line must report something done, not to come. `'whether'`
   * for "was X postponed, or did it go ahead": a line must report something past (one that also speaks of a schedule,
   * "departing on a scheduled tour", tells it).
   */
  outcome?: true | 'whether';
  /** Set for "did X apologise / say sorry / express regret": a line must tell of an apology or regret, not only of the fault. */
  apology?: true;
  /** Set for "did X take back / retract / walk back" a remark: a line must tell of a retraction, not only of the remark. */
  retraction?: true;
  /** Set for "when did X become / take office as…": a line must tell of taking up the post. */
  accession?: true;
  /** Set for "what university / which institute…": a line must name an institution by a word for one. */
  institution?: true;
  /** Set for "how did Japan vote at the UN on…", "did X abstain": a line must tell of a vote. */
  vote?: true;
  /** Set for "is there any polling on what ordinary Japanese think…", "what do surveys say": a line must tell of a poll. */
  poll?: true;
  /** Set for "what phrase does the Bluebook use for…", "what term did X use": a line must quote words. */
  phrase?: true;
  /** Set for time questions: "when" takes any expression of time, "what year" / "what date" an actual date. */
  time?: 'any' | 'date' | 'month' | 'day' | 'span';
  /** Set for "when is Putin supposed to visit Japan next?": a time still to come is asked; a line must speak of the future. */
  ahead?: true;
  /** Set for "why" questions: the sentence, or the one that goes on from it, must give a reason (a word of cause or purpose). */
  reason?: true;
  /** Set for "where" questions: the sentence must name a place. */
  place?: true;
  /**
   * Set for a choice offered at the end ("which system was it, bastion or bal?", "c-2s or c-130s?") when the corpus
   * uses none of the options: the terms of each; a line must use one, so none answers.
   */
  choice?: string[];
  /** "What deals did X and Y sign", "which agreements were concluded": the sentence must report an agreement. */
  agreement?: true;
  /** "Who replaced X", "who took over from X as Y": the sentence must tell of someone taking a post over. */
  succession?: true;
  /** "Which airport / base / port / station…": a facility, named with a word of its kind ({@link FACILITY_WORDS}). */
  facility?: Facility;
  /**
   * Set for "which countries…", "which NATO members…": the countries the question names (slugs); the sentence must
   * name another ("which countries went to Madrid" is not answered by a line that names only Japan, when Japan is asked about).
   */
  country?: string[];
  /**
   * With `country`, for "which countries" (plural): a line naming two or more countries besides those named is
   * preferred ({@link AnswerChecker.weaker}); one naming a single other country still answers.
   */
  countries?: true;
  /** Set for "which countries" (plural), more than one country asked for or not. */
  countriesAsked?: true;
  /**
   * With `country`, for "which Central Asian country…", "which of the Central Asian countries…": the region (slug) the
   * country asked for is part of, by the glossary's `partOf`; a line must name one of its countries.
   */
  countryIn?: string;
  /** Set for "where in Japan…": entity terms of the place asked within; naming only it is no answer. */
  within?: string[];
  /** With `within`: the place as the question names it, lower case ("tokyo" of "which part of Tokyo"): naming it again is no answer. */
  withinName?: string;
  /** Set for "which city / base / port…": a place smaller than a country; naming a country or a region is no answer. */
  local?: true;
  /** Set for "what are the 8 points of…": the sentence must list (at least two or three items), not name the list. */
  list?: number;
  /**
   * Set for "which European powers…", "which NATO members exactly…": the words of the kind asked for (a modifier and a
   * plural noun). A sentence that only says "some European powers" does not say which.
   */
  which?: string[];
  /** Set for "who runs / controls / holds the Senkaku Islands": the sentence must say who controls, holds or occupies a place. */
  control?: true;
  /**
   * Set for "which TV network / newspaper / news agency…", "which airline…": the glossary kinds of the firm asked for
   * (`outlet` or `media`; `airline`); the sentence must name one.
   */
  firm?: string[];
  /**
   * Set for "what's the name of the Russian base in Tajikistan": the term of the thing whose name is asked, and the
   * question's words (lower case). A sentence that speaks of the thing without a name beside it ("a military base in
   * Tajikistan") does not give it; one that never speaks of it says nothing either way.
   */
  name?: { head: string; asked: string[] };
  /**
   * Set for "what does CPEC stand for?": the acronym (upper case) whose long form is asked. A sentence that uses it
   * without its long form beside it ("Japan Joining CPEC…", "CHINA-Pakistan (CPEC)") does not give it; one whose words'
   * initials spell it does ("the National Security Strategy (NSS)"). Like the name check, it declines at once.
   */
  expansion?: string;
  /**
   * Set for "which minister" / "what US president": the title's terms ("defence minister": both words, a
   * title's own modifier); the sentence must name a person with the title, or someone the corpus gives it.
   */
  role?: string[];
  /**
   * Set for "what is Gerasimov's job", "what was his title": the people the question names (entity terms); the
   * sentence must name one of them and a title or post.
   */
  job?: string[];
  /** With `job`, for a job held before ("what job did he have before that?"): the titles the question gives (lower case, singular); a line must give another. */
  jobBesides?: string[];
  /** Set for "what's Brown's full name": the people asked about, as their glossary names; the sentence must spell one out. */
  fullName?: string[];
  /** Set for "ambassador to NATO", "envoy in Beijing": entity terms of where the title holder is posted. */
  roleTo?: { entities: string[]; words: string };
  /**
   * Countries the question names as a person's nationality ("the Norwegian secretary-general", "Japan's prime minister"),
   * as entity terms: a sentence naming someone of that country (glossary `nationality`) names it.
   */
  nationals?: string[];
  /** People the question compares the one asked for with ("…, compared with Kishida"): with `role` or `person`, a line must name someone else. */
  peopleBesides?: string[];
  /** With `person`, for "which Japanese official": the countries (entity terms) one of whose people a line must name, of those the glossary knows. */
  personOf?: string[];
  /** Set for "which Chinese ambassador", "Russia's foreign minister": the country whose title holder is asked for (entity term). */
  roleOf?: string;
  /** Set for "who is in charge of / leading / heading X" (and other person checks): the sentence must name a person. */
  person?: true;
  /** Set for "who is in charge of / leading / heading X": the person comes with a word of leading ({@link LEADING}). */
  leader?: true;
  /** Entity terms (`@name`) the question names. */
  entities: string[];
  /**
   * Set when the question names two or more sources (the outlets or authors of different documents) and asks
   * across them ("do both the Global Times piece and the Time News one say…"), or two texts by their topics ("in
   * both the NATO office story and the Central Asia talks"): entity terms of which one suffices, since no one
   * sentence of one article is by the other's outlet or author, or names the other's topic.
   */
  anySource?: string[];
  /** Years the question names. */
  years: string[];
  /** Ordinals of an occurrence the question names ("the 8th meeting": 8), second or later. */
  ordinals: number[];
}

/** How many words before a title may name whose it is: "the [Japanese] ambassador", "[Russia’s] foreign minister". */
const OWNER_GAP = 2;
/** Counted nouns (stems) that a list of countries answers: "how many countries / nations / allies…". */
const COUNTED_COUNTRIES = new Set(['countri', 'nation', 'state', 'alli', 'partner', 'member', 'neighbor']);
/** Counted nouns (stems) of places in general, that a list of countries answers as well as any list of names. */
const GENERAL_PLACES = new Set(['place', 'locat', 'venu', 'stop']);
/** Counted nouns (stems) of places and people that a list of names answers: "how many cities / officers…". */
const COUNTED_NAMES = new Set(['citi', 'town', 'capit', 'island', 'base', 'port', 'prefectur', 'place', 'stop', 'locat', 'venu', 'general', 'minist', 'leader', 'head', 'offic', 'offici']);
/** Counted nouns (stems) that words for countries count: "how many european countries" is answered by "the two most important maritime NATO powers". */
const COUNTRY_HEADS = new Set(['countri', 'nation', 'state', 'power']);
/** Words that count countries, for {@link COUNTRY_HEADS}. */
const COUNTRY_WORDS = /^(?:countries|country|nations?|states?|powers?)$/i;
/** Counted nouns (stems) of warplanes, that any word for one counts: "how many warplanes" is answered by "four Su-30MKI fighters". */
const AIRCRAFT_HEADS = new Set(['warplan', 'plane', 'airplan', 'aeroplan', 'aircraft', 'fighter', 'jet']);
/** Words that count warplanes, for {@link AIRCRAFT_HEADS}. */
const AIRCRAFT_WORDS = /^(?:(?:war|air|aero)?planes?|aircraft|fighters?|jets?)$/i;
/** Counted nouns (stems) of people in general, that a list of people's names answers: "how many people were poisoned" ("Sergei and Yulia Skripal"). */
const COUNTED_PEOPLE = new Set(['peopl', 'person', 'individu']);
/** A capitalised name of one to four words ("South Korea", "General Valery Gerasimov"), perhaps after "the" ("the Russian Federation"). */
const LIST_NAME = String.raw`(?:the\s+)?\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){0,3}`;
/** A list of names: "A and B", "A, B and C", "A, B, or C". */
const NAME_LIST = new RegExp(String.raw`${LIST_NAME}(?:\s*,\s*${LIST_NAME})*,?\s+(?:and|or)\s+${LIST_NAME}`, 'gu');
/** A list of names that ends on a group of countries: "Australia, India, and some European powers". */
const NAME_LIST_GROUP = new RegExp(String.raw`(${LIST_NAME}(?:\s*,\s*${LIST_NAME})+),?\s+(?:and|or)\s+(?:some|other|several|many|various|a few|a number of)\s+(?:[\p{L}-]+\s+)?(?:powers|nations|countries|states)\b`, 'gu');
/** The titles of {@link ROLE}: one may stand for another the synonyms relate ("envoy" → "ambassador"; not "diplomat", whose stem "Diplomatic Bluebook" shares). */
const TITLE_WORDS = ['president', 'minister', 'premier', 'chancellor', 'spokesperson', 'spokesman', 'spokeswoman', 'ambassador', 'secretary', 'admiral', 'envoy', 'governor', 'mayor', 'senator', 'chair', 'chairman', 'chairwoman', 'chairperson', 'commander', 'professor', 'dean', 'director'];
/** "What's Brown's full name", "the brown guy… whats his full name?", "her first name". */
const FULL_NAME_ASKED = /\b(?:full|first|given|whole|complete)\s+names?\b/i;
/**
 * "What is Gerasimov's job", "what was his title / role / post", "what's her background / career", "what job does Liu
 * have": someone's post asked for (not "abe's background with putin").
 */
const JOB_ASKED = /\bwhat(?:[’']s|\s+is|\s+was|\s+were)\s+(?:[\w’'-]+\s+){0,3}?(?:[\w-]+[’']s?|his|her|their)\s+(?:job|title|role|post|rank|occupation|profession|background(?!\s+(?:with|on|to|of|in)\b)|career)s?\b|\bwhat\s+(?:job|title|post|rank|occupation|profession)s?\s+(?:does|did|do|is|was|has|had)\b/i;
/** A job held before the one named: "before that", "previously", "his former job", "used to be". */
const EARLIER_JOB = /\b(?:before (?:that|this|then|it)|previously|formerly|used to be|(?:previous|former|prior|earlier|old|last) (?:job|role|post|title|position|career|work)s?)\b/i;
/** "What was Tomita doing before he became ambassador", "what did Hayashi do before taking the post": a career before the post named, asked without the word "job". */
const CAREER_BEFORE = /\bwhat\s+(?:was|did|had)\s+(?:[\w’'-]+\s+){1,8}?(?:doing|do|done)\s+before\s+(?:(?:(?:he|she|they)\s+(?:became|was\s+(?:made|appointed|named))|becoming|being\s+(?:made|appointed|named))\b|(?:(?:he|she|they)\s+)?(?:got|took|taking|getting|joined|joining)\s+(?:the|that|this|his|her|their)\s+(?:job|post|role|office|position|seat)\b)/i;
/** A title or a post, beside a name: "Chief of the General Staff Valery Gerasimov", "Liu Jiangyong, vice dean". */
const JOB_TITLE = new RegExp(String.raw`\b(?:${TITLE_WORDS.join('|')}|chief|head|heads|vice|deputy|general|officer|leader|official|analyst|lecturer|researcher|editor|founder|artist|correspondent|journalist|reporter|columnist|pm|king|emperor)s?\b`, 'i');
/** {@link JOB_TITLE}, every match. */
const JOB_TITLES = new RegExp(JOB_TITLE.source, 'gi');
/** The titles a text gives, lower case and singular: "Ambassadors" → "ambassador". */
const titlesIn = (text: string) => [...text.matchAll(JOB_TITLES)].map((m) => m[0].toLowerCase().replace(/s$/, ''));
/** "Which Japanese minister", "what US president": a person asked for by title (group 1). */
const ROLE = new RegExp(
  String.raw`(?:${OPENER}(?:which|what|(?:what|who)(?:[’']s| is| was) the name of|who(?:[’']s| is| was))|\bnames? of)(?:\s+the)?\s+(?:(?!(?:did|does|do|is|was|are|were|has|have|had|will|would|can|could|should|the|a|an)\b)[\w’'-]+\s+){0,4}?(president|minister|premier|chancellor|spokes(?:person|man|woman)|ambassador|secretary|admiral|envoy|governor|mayor|senator|chair(?:man|woman|person)?|commander|chief(?!\s+(?:reasons?|concerns?|worry|worries|aims?|goals?|points?|arguments?|problems?|causes?|factors?|threats?|rivals?|targets?|priority|priorities|objectives?|purposes?|complaints?|issues?)\b)|professor|dean|director)s?\b`,
  'i',
);

/** "Which (Japanese) official / diplomat / politician": a person asked for, by no particular title. */
const OFFICIAL_ASKED = /\b(?:which|what)\s+(?!(?:did|do|does|is|are|was|were|has|have|had|will|would|can|could)\b)(?:[\w-]+\s+){0,2}?(?:officials?|diplomats?|politicians?|lawmakers?|bureaucrats?)\b(?!\s+(?:of|from)\s+(?:the\s+)?(?:article|piece|story)\b)/i;
/** "Who are the two guys running…", "who's the man behind…": people asked for, whom a line must name. */
const WHO_PEOPLE = /\bwho(?:[’']s|[’']re|\s+is|\s+are|\s+was|\s+were)\s+(?:the\s+)?(?:(?:two|three|four|main|key|top)\s+)?(?:guys?|men|man|woman|women|people|persons?|individuals?|figures?)\b/i;
/** Where a title holder is posted, right after the title: "ambassador [to NATO]", "envoy [in Beijing]" (group 1: a few words). */
const POSTED_TO = /^\s+(?:to|at|in)\s+(?:the\s+)?((?:(?!(?:from|of|for|in|at|to|and|or|who|that|which|is|was|are|were|now|today|currently|these|this)\b)[\p{L}.-]+\s*){1,3})/iu;
/** A title with where it is held, in running text: "ambassador to America", "envoy in Washington" (group 1: the place, capitalised). */
const TITLE_POSTED = /\b(?:ambassadors?|envoys?|representatives?|delegates?|emissar(?:y|ies)|consuls?)\s+(?:to|at|in)\s+(?:the\s+)?(\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)*)/gu;

/** A word for a person that a nationality or a country's possessive can stand before: "the Norwegian secretary-general", "Japan's foreign minister". */
const NATIONAL_PERSON = String.raw`(?:(?:foreign|defen[cs]e|prime|former|top|chief|senior)\s+)?(?:${TITLE_WORDS.join('|')}|secretary[- ]general|leader|pm|diplomat|official|politician|spy|general|spokes\w+|head of state)s?\b`;
/** One word of {@link NATIONAL_PERSON}, whole. */
const NATIONAL_PERSON_WORD = new RegExp(String.raw`^${NATIONAL_PERSON}$`, 'i');

/**
 * "What's the (official) name of the", "what was the name or number of a", "the name of russia's": the words before the
 * thing whose name is asked.
 */
const NAME_ASKED = /\b(?:what|which)(?:[’']s|\s+is|\s+was|\s+are|\s+were)?\s+(?:the\s+|its\s+|their\s+)?(?:(?:official|full|actual|real|proper|exact)\s+)?names?\s+(?:(?:or|and)\s+(?:[\w-]+\s+){1,2}?)?(?:of|for)\s+(?:the|that|this|a|an|its|their|his|her|(?!(?:it|that|this|what|who|he|she|there)[’']s)[\w-]+[’']s)\s+/i;
/** "Who (actually) runs / controls / holds…", "which country administers…": who has a place is asked, not who claims or disputes it. */
const CONTROL_ASKED = /\b(?:who|whose|which (?:country|side|state|nation))\b[^?.!]{0,20}?\b(?:runs?|running|controls?|controlling|administers?|administering|owns?|governs?|rules?|holds?|occupies|in control of|has control (?:of|over))\b/i;
/** "Up til what year did Japan hold those islands", "how long has Russia run the Kurils": when a place was held is asked. */
const CONTROL_PERIOD_ASKED = /\b(?:until|til+|up to|since|how long|when)\b[^?.!]{0,40}?\b(?:did|does|do|has|have|had|was|were)\b[^?.!]{0,40}?\b(?:hold|held|control|controlled|run|ran|own|owned|govern|governed|rule|ruled|administer|administered|occupy|occupied|possess|possessed)\s+((?:[\p{L}’'-]+\s*){1,4})/iu;
/** What a control question's verb must take for it to ask who held a place: a place (its entity) or a word for land. */
const LAND_WORDS = /\b(?:islands?|isles?|territor(?:y|ies)|lands?|chain|archipelago|peninsula|region|province|prefecture)\b/i;
/** Words that say who controls a place: "which Japan controlled until 1945", "Russian-held", "occupied", "seized". */
const CONTROL_SAID = /\b(?:control\w*|runs?|running|ran|administ\w+|own(?:s|ed|ership)?|govern\w*|rul(?:e|es|ed|ing)|held|holds?|holding|occup\w+|sovereign\w*|jurisdiction|possess\w*|annex\w*|seiz\w+|took|taken|captur\w+)\b/i;
/**
 * "Which (American TV) network / TV channel / newspaper / news agency…": a news outlet asked for, which a line names
 * ("confirmed this Wednesday on CNN"), or a "media outlet". Not a bare "outlet" or "site", which ask whose an article is as often; not a bare
 * "channel" ("through which channels did Tokyo talk to Moscow") or "network of".
 */
const OUTLET_ASKED = /\b(?:which|what)\s+(?:[\w-]+\s+){0,3}?(?:(?:tv|television|cable|news|media|broadcast)\s+)?(?:networks?(?!\s+of\b)|(?:tv|television|news|cable)\s+channels?|broadcasters?|news\s?papers?|news agenc(?:y|ies)|wire services?|(?:tv|television|radio) stations?|media (?:outlets?|organi[sz]ations?|groups?|houses?))\b/i;
/** "Which (Japanese) airline…": an airline asked for, which a line names ("Malaysian Airlines Flight 17"). Not a bare "carrier": an aircraft carrier as often. */
const AIRLINE_ASKED = /\b(?:which|what)\s+(?:[\w-]+\s+){0,3}?(?:airlines?|airways|air carriers?)\b/i;
/**
 * Firms asked for by their kind, with the glossary kinds that name one: news outlets (the outlets of the corpus's
 * articles, and the media they cite) and airlines.
 */
const FIRMS_ASKED: ReadonlyArray<readonly [RegExp, string[]]> = [
  [OUTLET_ASKED, ['outlet', 'media']],
  [AIRLINE_ASKED, ['airline']],
];
/** Words for a person, beside {@link PEOPLE} and titles: whose name the person checks ask for. */
const NAMED_PERSON = /^(?:reporter|journalist|author|writer|person|man|woman|guy|girl|boy|spokesperson|poster|commenter|user|expert|analyst|scholar|professor|pilot|spy|agent)s?$/i;

/** "Who is in charge of / leading / heading / running X": only a person answers, not a country or a unit. */
const LEADER = new RegExp(
  OPENER + String.raw`who(?:[’']?s| is| was| will be| would be| are| were)?(?: (?:gonna|going to|will) be| (?:gonna|going to))?\s+(?:in charge|leading|heading|commanding|running|chairing|directing|the (?:head|leader|chief|boss|commander) of|at the head of)\b|${OPENER}who\s+(?:(?:currently|actually|now)\s+)?(?:commands|heads|chairs|directs|headed|commanded|chaired)\b(?!\s+(?:to|for|back|off|out|home|into|over|down|up|west|east|north|south|abroad)\b)`,
  'i',
);

/** Words that say someone leads: what answers "who is in charge of / leading / heading…". */
const LEADING = /\b(?:lead(?:s|er|ers|ership|ing)?|led|head(?:s|ed|ing)?|chief|ceo|in charge|command(?:s|er|ing|ed)?|direct(?:or|s|ed|ing)|chair(?:man|woman|person|s|ed|ing)?|run(?:s|ning)?|ran|boss|manager|coach|president|prime minister|premier|secretary(?:[- ]general)?|general|governor|mayor|chancellor|minister|king|emperor|dean|captain)\b/i;

/** Words that make a title a different title: a defence minister is not a prime minister. */
const TITLE_MODIFIER = /^(?:prime|foreign|defen[cs]e|finance|economy|economic|trade|justice|interior|home|deputy|vice|chief|senior|state|cabinet|press)$/;

/**
 * Verbs by which a country (or a force acting for one) holds or sends what is counted ("Washington already has tens of
 * thousands of troops", "The Indian Air Force is fielding … around 150 personnel"): at most {@link HOLDER_GAP} words
 * before the number or earlier in its clause, the holder at most as many words before the verb.
 */
const HOLDS = /^(?:has|have|had|keeps?|kept|maintains?|maintained|stations?|stationed|sends?|sending|sent|deploys?|deploying|deployed|dispatch(?:es|ed|ing)?|fields?|fielding|fielded)$/i;
const HOLDER_GAP = 4;
/** Words that end the counted phrase after "how many": verbs, prepositions, pronouns. */
const COUNT_STOP = new Set(['do', 'does', 'did', 'are', 'is', 'were', 'was', 'have', 'has', 'had', 'will', 'would', 'can', 'could', 'should', 'in', 'on', 'at', 'of', 'for', 'to', 'from', 'by', 'with', 'there', 'that', 'which', 'who', 'they', 'it', 'he', 'she', 'we', 'you', 'i', 'get', 'got', 'go', 'went', 'been', 'being']);
/** Counted words that ask for a number and nothing more. */
const BARE_COUNT = new Set(['times', 'time', 'much', 'more', 'less', 'fewer', 'percent', 'percentage', 'per', 'cent']);
/** A word of {@link BARE_COUNT}, or a typo of one that is no English word ("how many tims"): the question counts nothing named. */
const bareCount = (word: string) => BARE_COUNT.has(word) || (word.length >= 4 && !isEnglish(word) && [...BARE_COUNT].some((b) => b.length >= 4 && editDistance(word, b) === 1));
const COUNT = /\bhow (many|much)\b\s*([^?.!,;]*)/i;
/** Counted nouns (terms) a byline counts by its names: "how many authors / writers…". */
const WRITERS = new Set(['author', 'writer', 'journalist', 'byline']);
/** "How many of them / of those / of these": the counted thing is named earlier, not after the words. */
const COUNTED_PRONOUN = /^(?:of\s+)?(?:them|those|these|em|'em)\b/i;
/** "How many of its own…": a possessive before what is counted ("of the Central Asian countries…" is read as before). */
const COUNTED_OWN = /^of\s+(?:its|their|his|her|our)\s+(?:own\s+)?(?=\p{L})(?!ones?\b)/iu;
/** "How many [of them] are (actually) [pilots]": the words after the verb (group 1), where the counted noun may stand. */
const COUNTED_COMPLEMENT = /^(?:of\s+(?:them|those|these)\s+)?(?:are|were|is|was)\s+(?:(?:actually|really|just|in fact)\s+)?(.+)$/i;
/** Counted units of time, as terms: a date in the sentence lets the count be worked out. */
const TIME_UNIT = /^(?:year|day|week|month|decad|centuri|hour|minut)$/;
/** Words for people, counted alike ("how many citizens" is answered by "one Japanese national"). */
const PEOPLE = /\b(people|persons?|citizens?|nationals?|civilians?|residents?|soldiers?|troops?|personnel|servicem[ae]n|officers?|staff|workers?|members?|officials?|diplomats?|refugees?|evacuees?|victims?|casualties|dead|killed|wounded|injured|deaths?|lives|individuals?|men|women|children)\b/i;
/** An amount written with the currency's symbol ("$52", "¥ 6.8"), by the term of the currency's name. */
const CURRENCY_SYMBOLS = [['dollar', '$'], ['yen', '¥'], ['euro', '€'], ['pound', '£'], ['yuan', '¥'], ['rupe', '₹'], ['won', '₩']] as const;
const CURRENCY_AMOUNT = new Map<string, RegExp>(CURRENCY_SYMBOLS.map(([term, symbol]) => [term, new RegExp(`[${symbol}]\\s?\\d`)]));
/** A unit a "how much" question asks its answer in ("in yen", "in dollars"): group 1. */
const UNIT_IN = /\bin (yen|dollars?|euros?|pounds?|rubles?|roubles?|yuan|rupees?|won|kilomet(?:re|er)s?|km|miles?|tons?|tonnes?)\b/i;
/**
 * A question of temperature ("how cold does Moscow get in January", "how hot is Tokyo in summer"): only a number of
 * degrees answers it, not the Cold War nor any other number of the topic. Other measures are left out: "how far / deep /
 * big" are as often figurative ("how far will Japan go"), and "how old / tall" are answered in too many ways.
 */
const TEMPERATURE_ASK = /\bhow (?:cold|hot|warm|chilly|freezing)\b/i;
/**
 * What an amount is measured in, when only an amount of that kind answers: money ("how much trade / aid / money",
 * where "five Central Asian countries" or "the 9th meeting" is no sum), and distance ("how far can the missiles reach",
 * "what range do they have", where "new missiles deployed in 2016" gives none).
 */
export type Measure = 'money' | 'distance' | 'change' | 'ordinal';
/**
 * "How many transport planes is Japan's side bringing", "how many troops does the US send": the holder is the subject of a
 * verb of {@link HOLDS}'s kind after the counted phrase (group 1); the count is that country's ("two C-17 transport
 * aircraft" the Indian Air Force fields are not Japan's).
 */
const COUNTED_HOLDER = /^(?:is|are|was|were|will|would|does|do|did|has|have|had|can|could)\s+((?:[\p{L}.’'-]+\s+){1,4}?)(?:(?:be|been|actually|really|still|now)\s+)?(?:bring(?:s|ing)?|brought|send(?:s|ing)?|sent|field(?:s|ing|ed)?|deploy(?:s|ing|ed)?|dispatch(?:es|ed|ing)?|contribut(?:e|es|ed|ing)|commit(?:s|ted|ting)?|station(?:s|ed|ing)?|keep(?:s|ing)?|kept|maintain(?:s|ed|ing)?|have|has|had)\b/iu;
/** After "how many": where the counted are, right after them ("troops are stationed in the Philippines", "are in okinawa"); group 1 is the place. */
const COUNTED_WHERE = /^(?:[\p{L}-]+\s+){0,3}?(?:(?:are|were|is|was)\s+(?:(?:still|currently|now|actually)\s+)?(?:(?:stationed|based|deployed|posted|living|present|garrisoned)\s+)?)?(?:in|inside)\s+((?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?)/iu;
/** Words of a clause at most between a number and the place it counts in. */
const WHERE_GAP = 12;
/** A "how much" head that is counted in money (the word as typed). */
const MONEY_HEAD = /^(?:money|cash|funds?|funding|investments?|aid|trade|spending|budgets?|costs?|prices?|revenues?|profits?|loans?|subsid(?:y|ies)|exports?|imports?|sales|compensation|debt)$/i;
/** "How far can they reach / fly / strike", "what range": a distance. "How far will Japan go" is figurative and left out. */
const DISTANCE_ASK = /\bhow far\b[^?.!]*?\b(?:reach|reaches|fly|flies|travel|travels|strike|hit|range)\b|\bhow far\s+(?:away\s+)?(?:is|are|was|were|lies|lie)\b[^?.!]*?\bfrom\b(?=.*\b(?:km|kms|kilomet(?:re|er)s?|miles?|away)\b)|\b(?:what|which)(?:[’']s| is| was| are)? (?:(?:the|their|its)\s+)?(?:[\w-]+\s+)?range\b/i;
/** The auxiliary a "how much" question goes on with when what follows is no counted noun ("how much has trade fallen"). */
const MUCH_AUX = String.raw`^(?:has|have|had|did|does|do|is|was|were|are|will|would)`;
/** After "how much": an auxiliary, the sum, then a verb of change ("has trade between japan and russia fallen"); group 1 is the sum's phrase. */
const MONEY_CHANGE = new RegExp(String.raw`${MUCH_AUX}\s+((?:[\w’'-]+\s+){0,6}?)(?:fallen|fell|fall|dropped|drop|declined|decline|shrunk|shrank|shrink|risen|rose|rise|grown|grew|grow|increased|increase|decreased|decrease|gone (?:up|down)|go (?:up|down)|changed|change|jumped|jump|plunged|plunge|slumped|slump|surged|surge)\b`, 'i');
/** After "how much": an auxiliary, then a verb of degree ("does hayashi's speech lean on moscow", "does tokyo rely on…"): how far, not a number. */
const MUCH_DEGREE = new RegExp(String.raw`${MUCH_AUX}\s+(?:[\w’'-]+\s+){0,6}?(?:lean|leans|leaned|leant|rely|relies|relied|depend|depends|depended|care|cares|cared|matter|matters|mattered|trust|trusts|trusted|like|likes|liked|want|wants|wanted|worry|worries|worried|fear|fears|feared|value|values|valued|emphasi[sz]e|emphasi[sz]es|emphasi[sz]ed|stress|stresses|stressed|focus|focuses|focused)\b`, 'i');
/** After "how much": a noun of degree ("weight they throw around", "influence does russia have"): how far, not a number. */
const MUCH_DEGREE_NOUN = /^(?:weight|influence|clout|sway|say|leverage|attention|importance|credibility|trust|respect|interest|effort|emphasis|pull|power|control|freedom|autonomy|independence|leeway)\b/i;
/** After "how much": an auxiliary, then what something cost, or what is spent or paid ("did the evacuation end up costing Japan"). */
const MONEY_SPENT = new RegExp(String.raw`${MUCH_AUX}\b.*\b(?:cost|costs|costing|spend|spends|spending|spent|pay|pays|paying|paid)\b`, 'i');
const MULTIPLIER = String.raw`(?:\s*(?:thousand|million|billion|trillion|bn|mn))?`;
/** A sum of money: a currency sign before digits, a number before a currency's name, or millions and billions. */
const MONEY_AMOUNT = String.raw`[${CURRENCY_SYMBOLS.map(([, symbol]) => symbol).join('')}]\s?\d|\b(?:\d[\d,.]*|${NUMBER_WORD_ALTERNATION})${MULTIPLIER}\s*(?:yen|dollars?|usd|rubles?|roubles?|euros?|yuan|rupees?|pounds? sterling)\b|\b\d[\d,.]*\s*(?:million|billion|trillion|bn)\b`;
const MEASURED: Record<Measure, RegExp> = {
  money: new RegExp(MONEY_AMOUNT, 'i'),
  distance: new RegExp(String.raw`\b(?:\d[\d,.]*|${NUMBER_WORD_ALTERNATION})${MULTIPLIER}\s*(?:-\s*)?(?:km|kilomet(?:re|er)s?|(?:nautical )?miles?)\b`, 'i'),
  // "How much has trade fallen": a sum of money, a share or a multiple.
  change: new RegExp(String.raw`${MONEY_AMOUNT}|\d\s*%|\b(?:percent|per cent|half|halved|doubled|tripled|twice|threefold|fourfold|tenfold)\b`, 'i'),
  // "Which round of talks is this": a place in a series ("the 9th meeting", "the third such meeting", "the first time").
  ordinal: /\b(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|twentieth|last|latest|most recent|previous|next)\b/i,
};
/** "What's the population of Iturup?", "how populous is it": how many people live there. */
const POPULATION_ASK = /\bwhat(?:[’']?s|\s+is|\s+was)\s+(?:the\s+(?:total\s+|current\s+)?population\s+of\b|(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+[’']s\s+(?:total\s+|current\s+)?population\s*(?:\?|$))|\bhow\s+populous\b/iu;
/** "Which round of the talks is this?", "what number meeting was it?": a place in a series is asked. */
const ORDINAL_ASK = /\b(?:which|what)\s+(?:number\s+)?(?:round|instal+ment|iteration)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,5}?(?:talks|meetings?|dialogue|negotiations|consultations|summits?|exercises?|drills)\b|\bwhat\s+number\s+(?:meeting|summit|round|visit|session|time)\b/i;

/** A speaker named by a country's title holder: "the american ambassador (to japan)", "china's envoy"; group 1 is before the title. */
const SPEAKER_TITLE = new RegExp(String.raw`^(?:the\s+)?((?:[\p{L}’'-]+\s+){1,3}?)(${TITLE_WORDS.join('|')})s?\b`, 'iu');
/** A title straight after a possessive ("[Washington's] ambassador in Tokyo"); group 2 is the title, as in {@link SPEAKER_TITLE}. */
const OWN_TITLE = new RegExp(String.raw`^()(${TITLE_WORDS.join('|')})s?\b`, 'iu');
/** "What phrase / wording / expression does X use": X (group 1) is whose words are asked for. */
const PHRASE_ASKED = /\bwhat\s+(?:exact\s+)?(?:phrase|wording|expression|catchphrase|slogan)s?\s+(?:does|did|do|is|was)\s+((?:\S+\s+){1,6}?)(?:use|used|using|give|apply|pick|choose)\b/i;
/** A post someone holds: "prime minister", "foreign minister", "president", "ambassador", "secretary general". */
const POST = String.raw`(?:prime minister|minister|president|premier|chancellor|ambassador|envoy|spokes(?:person|man|woman)|secretary(?:[ -]general)?|chair(?:man|woman|person)?|governor|mayor|director|commander|dean)`;
/**
 * A remark as the object of a verb of taking back ("his 'brain dead' remark", "those comments"): not "take back the
 * islands", a territory regained.
 */
const REMARK_OF = String.raw`(?:(?:(?:the|his|her|their|its|that|this|those|these|any|a)\s+)?(?:(?:['‘“"][^'’”"]{1,40}['’”"]|[\p{L}-]+)\s+){0,2}?(?:remarks?|comments?|words?|statements?|accusations?|criticism|jibe|jab)|what\s+(?:he|she|they|it)\s+said)`;
/**
 * Acts a question asks whether someone did, and what a line must say to tell of one ("regrettable" judges a thing; it
 * apologises for nothing): each sets its check (`AnswerChecks` field of the same name) and is failed under that name.
 */
const REPORTED_ACTS = [
  // "Did Motegi ever say sorry for the botched evacuation?", "has Tokyo apologised", "did they express regret".
  {
    act: 'apology',
    asked: /\b(?:apologi[sz](?:e|es|ed|ing)|apolog(?:y|ies)|(?:say|says|said|saying) sorry|(?:express|expressed|expresses|show|showed|shown) (?:any )?(?:regret|remorse|contrition))\b/i,
    said: /\b(?:apolog\w*|sorry|regrets?|regretted|regretting|remorse|contrit\w*|mea culpa)\b/i,
  },
  // "Did Macron ever take back his 'brain dead' remark?", "has Tokyo walked back…": a retraction, which the remark itself does not tell of.
  {
    act: 'retraction',
    asked: new RegExp(String.raw`\b(?:(?:take|takes|took|taken|taking)\s+back\s+(?:${REMARK_OF})|(?:take|takes|took|taken|taking)\s+(?:${REMARK_OF})\s+back|(?:walk|walks|walked|walking)\s+(?:(?:it|that|this|them|those)\s+)?back|(?:take|takes|took|taken|taking)\s+(?:it|that|this)\s+back(?=[^?]*(?:['‘“"]|\b(?:said|remarks?|comments?|words?|called|quote)\b))|retract(?:s|ed|ing)?|backtrack(?:s|ed|ing)?|(?:withdr[ae]w|withdrawn?|withdraws|withdrawing)\s+(?:${REMARK_OF}))\b`, 'iu'),
    said: /\b(?:retract\w*|took (?:\w+ )?back|taken (?:\w+ )?back|walk(?:ed|s)? (?:\w+ )?back|withdr\w*|backtrack\w*|back(?:ed)? down|recant\w*|u-turn\w*|reversed|apolog\w*|clarif\w*)\b/i,
  },
  // "When did Kishida become prime minister?", "since when has Hayashi been foreign minister": taking up a post, which
  // a line must tell of (a meeting the prime minister attended in January says nothing of it).
  {
    act: 'accession',
    asked: new RegExp(String.raw`\b(?:when|what year)\b[^?]*?\b(?:(?:become|became)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+)?${POST}|take office|took office|get elected|got elected|elected|appointed|sworn in|take over as|took over as|come to power|came to power|assume office|assumed office)\b|\bsince when\s+(?:has|have|had)\s+(?:\S+\s+){1,3}?been\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+)?${POST}\b`, 'i'),
    said: /\b(?:became|become|becomes|becoming|elected|election|appointed|appointment|took office|taking office|sworn|took over|came to power|assumed|inaugurat\w*|since (?:becoming|taking|being)|succeeded|successor|new (?:prime minister|foreign minister|president|premier|leader))\b/i,
  },
  // "What university is Brown at?", "which think tank does she work for": an institution, which a line must name by a
  // word for one ("Tsinghua University", "the Institute of Modern International Relations").
  {
    act: 'institution',
    asked: /\b(?:what|which)\s+(?:university|universities|uni|college|institute|think[ -]?tank|academy)\b/i,
    said: /\b(?:universit(?:y|ies)|college|institute|institution|think[ -]?tank|school|academy|centre|center|foundation|council)\b/i,
  },
  // "How did Japan vote at the UN on…", "did X vote against", "did X abstain on the resolution".
  {
    act: 'vote',
    asked: /\b(?:vot(?:e|es|ed|ing)\s+(?:for|against|on|in favou?r|at|to)|how\s+did\s+(?:\S+\s+){1,4}?vote|did\s+(?:\S+\s+){1,4}?vote|abstain(?:ed|s)?\s+(?:on|from|in))\b/i,
    said: /\b(?:vot(?:e|es|ed|ing)|abstain\w*|abstention|ballot|veto\w*)\b/i,
  },
  // "Is there any polling on…", "what do the polls / surveys say", "an opinion poll": a poll, a survey, respondents.
  {
    act: 'poll',
    asked: /\b(?:polling|polls?|opinion polls?|surveys?|surveyed|approval ratings?)\b/i,
    said: /\b(?:poll\w*|survey\w*|respondents?|approval ratings?)\b/i,
  },
  // "What phrase does the Bluebook use for the relationship", "what wording did Zakharova use": the words themselves,
  // which a line quotes (in marks that pair up: the forum repost ends sentences with a stray `."`). Not "what term /
  // words does X use", answered as often by a name or the writer's own words ("Northern Territories", "shoddy"), nor
  // "what does X call Y", answered as often by a judgement ("was an abject failure"): that cost three answers.
  {
    act: 'phrase',
    asked: PHRASE_ASKED,
    said: /“[^“”]+”|"[^"]+"|«[^«»]+»|‘[^‘’]+’/,
  },
] as const;
/**
 * "When is Putin supposed to visit Japan next?", "when will the office open?", "what date is the next meeting set for?":
 * a time still to come. Not "when did…", "when was…" (past), nor "when will it be known that…" asked of a past event.
 */
const AHEAD_ASKED = /\b(?:(?:is|are)\s+(?:\S+\s+){1,4}?(?:(?:supposed|scheduled|expected|due|set|planned|planning|going)\s+to|due\s+(?:in|at|back|for))|will|(?:is|are)\s+(?:\S+\s+){0,4}?gonna|upcoming|(?:the\s+)?next\s+(?:one|meeting|visit|summit|round|session|trip|time))\b/i;
/**
 * Where a question of what was said may start: after a lead sentence or chat words, as {@link OPENER} allows, or after
 * a subordinate clause that opens the question ("after zakharova trashed the meeting, did kazakhstan react", "unlike
 * moscow, what did astana say"). Not after OPENER's lead-in before a dash: it cost held-out 61 a first answer and
 * held-out 52 a false abstention ("the ferry plan — what did Greta Holm say" is often what was said).
 */
const STATEMENT_OPENER = String.raw`^(?:${LEAD_SENTENCE}|(?:after(?! all\b)|when|once|unlike|apart from|besides|given)\b[^?!,]{1,80},\s*)?${CHAT_LEAD}`;
/**
 * A speaker within one clause: no comma, dash or question word ("how do the papers sum up beijing, and what do they
 * say…" is no speaker "the papers sum up beijing, and what do they").
 */
const ONE_CLAUSE = String.raw`(?:(?!\b(?:and|but|what|how|which|who|why)\b)[^?!,;—–])+?`;
/** The question asks what was said, or how someone reacted; group 1 is the speaker. */
const STATEMENT = [
  String.raw`what (?:did|does|do|has|have|had|was|is|were|are|will|would) ([^?!]+?) (?:say|said|saying|tell|told|think|make of|reply|replied|respond|answer|announce|claim|argue|call|accuse|warn|critici[sz]e|condemn|blame|slam|urge|demand)\b`,
  String.raw`(?:did|does|has|have|had) ([^?!]+?) (?:say|said|have anything to say|had anything to say|slam|slammed|blast|blasted|comment|commented|react|reacted|respond|responded|weigh in|speak out|speak|hit back|push back|fire back|strike back|clap back|clapped back|lash out|reply|replied|retort|retorted|protest|protested|object|objected|complain|complained|put out (?:anything|something|a statement|any statement|a response)|(?:issue|release) (?:anything|a statement|any statement|a response|a protest)|(?:lodge|file|issue|send|make) (?:a|an|any) (?:formal |official |diplomatic )?(?:complaint|protest|objection)s?)\b(?! (?:to|with)\b)`,
  // "Who in Japan put out a statement about the drills?", "who over in moscow accused tokyo of…": the place or body
  // asked about is who speaks.
  String.raw`who (?:(?:over|up|down|back|out) )?(?:in|from|at|on|among) ([^?!]+?) (?:(?:actually|ever|even|officially|publicly) )?(?:said|commented|reacted|responded|replied|protested|objected|complained|accused|slammed|blasted|critici[sz]ed|condemned|warned|blamed|claimed|(?:put out|issued|released|made) (?:a |an |any )?(?:official |formal |public )?(?:statement|comment|response|protest|complaint))\b`,
  // Without the auxiliary, as hurried or non-native English asks it: "what jp mofa said about the drills?".
  String.raw`what (?!(?:did|does|do|has|have|had|was|is|were|are|will|would)\b)([^?!]+?) (?:said|says)\b(?= about\b| on\b| regarding\b|\s*\?|\s*$)`,
  String.raw`how (?:did|does|do|has|have|had|was|were|is|are) ([^?!]+?) (?:react|reacted|respond|responded|reply|replied|view|see|feel|take|describe|described|characteri[sz]e|portray|depict|label|call)\b`,
  // "Why did Moscow claim Tokyo had lost its independence", "why did she call it…": why someone said it, in their words
  // (not "why did the envoy say nothing": a silence is asked about).
  // Not "call for / on / off" (a demand, an appeal, a cancellation).
  String.raw`why (?:did|does|do|would) (${ONE_CLAUSE}) (?:say|claim|argue|insist|accuse|call(?! (?:on|for|off|in|back|up|out)\b)|slam|warn)\b(?! (?:nothing|little|no)\b)`,
  // "How does Brown say Trump's rhetoric changed…", "how did she explain it": the manner of what was said.
  String.raw`how (?:did|does|do) (${ONE_CLAUSE}) (?:say|argue|explain|claim)\b`,
  // Whose position: the words straight after "what's", not a thing asked about first ("what knock-on effect on
  // pyongyang's attitude does the piece predict" asks an effect, not Pyongyang's words).
  String.raw`(?:what|how)\b(?:[’']s|\s+(?:is|was|are|were))?\s+((?:(?!\b(?:on|about|upon|towards?|into|for|with|from|by|does|did|do|would|will|could|can)\b)[\w ’'-])+?)[’']s (?:official |real |actual |own |personal |main |big )?(?:position|stance|view|views|reaction|response|attitude|opinion|take|beef|gripe|grievance|complaint|objection)s?\b`,
  // Without "what": "zakharova's take on the nato tokyo office?" (a take or a reaction is said; an attitude or a view,
  // asked without "what", is as often shown: "Trump's attitude towards Putin?").
  String.raw`((?!(?:why|what|how|who|when|where|which|whose|is|are|was|were|do|does|did|has|have|had)\b)(?:[\w’'-]+\s+){0,2}?[\w’'-]+?)[’']s (?:official |real |actual |own |personal )?(?:take|reaction|response)(?=\s+(?:on|about|of|regarding|toward|towards|to)\b)`,
  String.raw`(?:what|how)\b.*?\b(?:position|stance|views?|reaction|response|attitude|opinion) of ([^?!]+?)(?: on| to| toward| towards| about|\?|$)`,
].map((body) => new RegExp(STATEMENT_OPENER + body, 'id')).concat(
  // A reaction asked after a dash or another question ("qin's jab in berlin — how did the german government react?",
  // "…did either say yes? what did beijing answer?"): only reacting verbs, as a lead-in before "what did X say" is often
  // what was said.
  [
    String.raw`(?:did|does|has|have|had) ([^?!]+?) (?:react|reacted|respond|responded|reply|replied|answer|answered|hit back|push back)\b`,
    String.raw`how (?:did|does|has|have|had) ([^?!]+?) (?:react|reacted|respond|responded|reply|replied)\b`,
    String.raw`what (?:did|does|has|have|had) ([^?!]+?) (?:answer|reply|respond|say back)\b`,
    // "zakharova trashed the meeting, sure — but what was her take on the drill?": whose take, by the pronoun.
    String.raw`what(?:[’']s|\s+is|\s+was|\s+were)\s+(his|her|their)\s+(?:own |official |real |actual )?(?:take|view|views|position|stance|reaction|response|opinion|attitude)\b`,
  ].map((body) => new RegExp(String.raw`^[^?!]*?(?:\s[—–-]+|\?)\s+(?:(?:so|and|but|ok|okay)\W+)?` + body, 'id')),
);
/** Words for the press, which speaks in its own lines: "according to the chinese paper". */
const MEDIA_WORD = /\b(?:paper|newspaper|outlet|site|website|media|press|tabloid|daily|outlets|papers)\b/i;
/** A subject pronoun: the rest of a question speaks of whom it is according to ("…, how many personnel is it sending?"). */
const SUBJECT_PRONOUN = /\b(?:it|they|he|she)\b/i;
/** Whom an answer is according to (group 1), to the next mark: "according to the Indian Air Force,", "in the words of Zakharova?". */
const ACCORDING_TO = /\b(?:according to|in the words of)\s+([^?!,.;:]{2,60}?)\s*(?:[,?!.;:]|$)/i;
/** A take, view or reaction of a pronoun's ("what was her take"), at the end of a statement pattern's match. */
const PRONOUN_TAKE = /\b(?:his|her|their)\s+(?:own |official |real |actual )?(?:take|views?|position|stance|reaction|response|opinion|attitude)$/i;
/** A ministry as the glossary names one, with no country of its own (entity term): "the Foreign Ministry". */
const MINISTRY = /^@[a-z]+-ministry$/;
/** A leader named by country and title: "the Chinese leader", "the Russian president". */
const TITLED_LEADER = /\bthe\s+\p{Lu}\p{L}+\s+(?:[Ll]eader|[Pp]resident|[Pp]remier|[Pp]rime [Mm]inister|[Hh]ead of [Ss]tate)\b/u;
/** After "continued", what makes it no saying verb: "continued with his tour", "continued to rise". */
const NOT_TOLD = String.raw`(?! (?:with|to|in|on|at|for|its|his|her|their|the|a|an|until|despite)\b)`;
/** A sentence that reports words or a reaction: a quotation or a verb or noun of saying or reacting. */
const SAID = new RegExp(String.raw`[“”"«»]|\b(says?|said|saying|tells?|told|stat(ed|ing)|(?<!(?:united|failed|member|the|these|those|other|many|some|all|both|rogue|client|buffer|arab|baltic|gulf|small|major|nuclear|neighbou?ring|several|two|three|four|five|asian|western|european|african|island) )states|announc\w*|declar\w*|warn\w*|accus\w*|critici[sz]\w*|condemn\w*|call(ed|s|ing)|label+(ed|s)?|describ\w*|claim\w*(?! by)|argu\w*|not(ed|es)|add(ed|s)|continu(ed|es)${NOT_TOLD}|stress\w*|insist\w*|urg(ed|es)|clarif\w*|confirm\w*|den(ied|ies|y)|react\w*|respon\w*|repl(ied|ies|y)|welcom\w*|oppos\w*|reject\w*|protest\w*|express\w*|prais\w*|slam\w*|blast\w*|assert\w*|maintain(?:s|ed|ing)?(?=\s*(?:that\b|[“"«,:]))|remark\w*|comment\w*|emphasi[sz]\w*|hail\w*|object(ed|s|ion)|voic\w*|concerns?|alarm\w*|baffle\w*|dismay\w*|anger|angr\w*|outrage\w*|position|stance|view(s|ed)?|believ\w*|think(s|ing)?|thought|according to|spokes\w*|greet\w*|nervous\w*|apprehensi\w*|worr(y|ied|ies)|fear(s|ed)?|suspicio\w*|expect(s|ed|ing)?|predict\w*|hop(e|es|ed|ing)|wants?|wanted|estimat\w*|(?:sees?|saw|seen|regards?|regarded|perceives?|perceived)(?=\s+(?:\S+\s+){1,6}?as\b(?! well\b)))\b`, 'i');

/** The question asks how something ended: a result, a winner, what came of it. */
const OUTCOME = /\b(came out of|come out of|comes out of|outcomes?|results? of|resulted|how did .+? go\b|how (?:did|has|have) .+? turn(?:ed)? out|turned out|who won|did .+? win|came out on top|come out on top|(?:did|has|have) [^?]+? end up|ended up|what happened (?:at|in|during|with|to)|did .+? (?:succeed|work out|pass)|what (?:got|was|were|has been|have been|had been) (?:agreed|decided|signed|settled|concluded|achieved|accomplished|resolved)|what did .+? (?:agree|decide|sign|settle|conclude|achieve|accomplish|resolve)\b)/i;
/**
 * "Was the drill postponed in the end, or did it go ahead on schedule?": whether something happened, which a line in the
 * future tense ("are set to hold") cannot tell. Only as a yes-or-no question: "where did the first meeting take place",
 * "how many were evacuated in the end" ask other things.
 */
const OUTCOME_WHETHER = new RegExp(
  OPENER + String.raw`(?:was|were|did|has|have|had)\b[^?]*?\b(?:go(?:ne)? ahead|take place|taken place|go forward|come off|postponed|delayed|cancell?ed|called off|scrapped|shelved|put off|in the end)\b`,
  'i',
);
/**
 * "What deals did Putin and Xi sign?", "which agreements came out of the talks", "what was agreed", "did they sign any
 * agreements": the answer is an agreement, which no sentence reports without a word for one or for agreeing (a meeting
 * and praise are not a deal).
 */
const AGREEMENT_ASKED = new RegExp(
  OPENER +
    String.raw`(?:(?:what|which) (?:\w+ )?(?:deals?|agreements?|accords?|pacts?|treaties|treaty|contracts?|memorand(?:a|ums?)|mous?)\b` +
    String.raw`|what (?:got|was|were|has been|have been|had been) (?:agreed|signed|inked)\b` +
    // "Did Putin and Xi sign any actual agreements at that meeting?": whether a deal was made, which a line must report.
    String.raw`|(?:did|do|does|has|have|had) [^?]+? (?:sign|ink|conclude|strike|reach|seal) (?:any|an|a|some)\s+(?:\w+\s+)?(?:deals?|agreements?|accords?|pacts?|treaties|treaty|contracts?)\b` +
    // "Did Japan and the five sign a joint statement at the end?": a joint text, signed, issued or adopted.
    String.raw`|(?:did|do|does|has|have|had) [^?]+? (?:sign|ink|issue|adopt|release|agree on|put out) (?:any|an|a|some)\s+joint\s+(?:statements?|declarations?|communiqu[eé]s?)\b` +
    String.raw`|what (?:did|do|does|has|have|had|will|would) [^?]+? (?:sign|ink|agree (?:on|to|upon))(?! (?:off|up|out)\b)(?:\s*$|\s*[?.!]|\s+(?:when|at|in|during|after|on|with|last|this|the (?:last|first|latest|most recent|previous) (?:time|meeting|call|talks?)|that (?:time|day))\b))`,
  'i',
);
/** Words for an agreement or for agreeing. */
const AGREEMENT = /\b(?:sign(?:s|ed|ing|ings|atory|atories|ature|atures)?|ink(?:s|ed|ing)?|agree\w*|deals?|accords?|pacts?|treat(?:y|ies)|contracts?|memorand\w*|MoUs?|ratif\w*|conclu(?:de|des|ded|ding|sion)|compacts?|consensus|arrangements?|framework|protocols?|joint (?:statement|declaration|communiqu[eé])s?)\b/i;
/** "Who replaced / succeeded / took over from X", "who is X's successor": a change of holder is asked. */
const SUCCESSION_ASKED = /\bwho\b[^?.!]*?\b(?:replac(?:ed|es|ing)|succeed(?:ed|s|ing)?|took over from|has taken over from|takes over from|(?:took|taken|take) (?:his|her|their) place)\b|\b(?:successor|predecessor)\b/i;
/** Words that tell of a post changing hands. */
const SUCCESSION = /\b(?:replac\w*|succe(?:ed|eded|eds|eding|ssor|ssors|ssion)|predecessors?|took over|taken over|takes over|take over|stepp?(?:ed|ing|s)? down|resign\w*|appoint\w*|named (?:as )?(?:the )?new|(?:was|were|is|has been|had been) named|took office|sworn in|elected|outgoing|incoming|former|ex-\w+)\b/i;
/** A sentence about what is still to come: it cannot report an outcome. */
const FUTURE = /\b(will|shall|'ll|set to|going to|plans? to|planned|planning|to be held|is to|are to|expected to|next (?:week|month|year)|upcoming|intends? to|scheduled|would|(?:near|coming) future|soon)\b/i;
/** A sentence that reports something done: a verb in the past tense (regular, or one of the common irregular ones). */
/** Verbs that tell of something that happened or did not: "was", "had", "went ahead", "continued", "postponed". */
const EVENT_PAST = /\b(?:was|were|had|did|went ahead|took place|happened|fell|continued|postponed|delayed|cancell?ed|called off|scrapped|began|ended|held)\b/i;
const PAST = /\b(\w{2,}ed|won|lost|beat|began|came|went|took|made|gave|held|met|saw|said|told|found|got|left|ran|set|sent|brought|kept|fell|rose|grew|became|chose|drew|fought|led|paid|sold|spent|stood|struck|threw|wrote|did|was|were|had)\b/i;

/** A sentence that opens by pointing at what the one before told ("This fits a pattern…"), not at a time ("This week…"). */
const POINTS_BACK = /^(?:(?:This|These|That|Those|Such)\b(?!\s+(?:week|weekend|month|year|morning|afternoon|evening|night|time|summer|winter|spring|autumn|fall|decade|century)\b)|(?:It|They)\s)/;
/** How far a name counts around a reader's comment line (an article sentence: one). */
const COMMENT_RADIUS = 3;

/** How many of the best sentences are read to see whether a document announces an event rather than reports it. */
const ANNOUNCE_DEPTH = 3;

/** "How long ago…"; "when" itself is {@link WHEN_ASKED}. */
const HOW_LONG_AGO = new RegExp(OPENER + String.raw`how long ago\b`, 'i');
/** "Which month…": a month, named or by "next month"; "next year" is no answer. */
const WHICH_MONTH = new RegExp(OPENER + String.raw`(?:what|which|in what|in which) month\b`, 'i');
/** A month said: named (capitalised; "May" only where it is the month, "in May", "May 2023"), or "next / last month". */
const MONTH_SAID = new RegExp(String.raw`\b(?:[Nn]ext|[Ll]ast|[Tt]his|[Cc]oming|[Pp]revious|[Pp]ast) month\b|\b(?:${MONTH_NAMES.replace('May|', '')})\b|\b(?:in|since|until|by|early|late|mid-?|of) May\b|\bMay \d`);
/** "What (exact) date…", "which day…": a day, not "last week" or a year. */
const WHICH_DAY = new RegExp(OPENER + String.raw`(?:what|which|on what|on which) (?:(?:exact|precise|specific|actual|particular) )?(?:date|day)\b`, 'i');
/** A day said: a weekday, yesterday or today, a month with its day ("June 19", "19 June", "June 19 and 21"), or digits ("19/06/2018", "2023-05-10"). */
const DAY_SAID = new RegExp(String.raw`\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tomorrow)\b|\b(?:${MONTH_NAMES})\s+\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTH_NAMES})\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b`, 'i');
/**
 * A year or a month named: a date a span can be worked out from ("until 1945", "from January 16 to 26"). Case counts:
 * "May" the month, not "may" the verb.
 */
const CALENDAR_SAID = new RegExp(String.raw`\b(?:${YEAR_DIGITS})\b|\b(?:${MONTH_NAMES})\b`);
/**
 * "Which year…" (and "in what day", "on which month", which the month and day readings above leave): only a date
 * answers it, not "recently" or "after the talks".
 */
const WHICH_DATE = new RegExp(OPENER + String.raw`(?:(?:what|which|in what|in which|on what|on which) (?:year|month|date|day)\b|${TERSE_DATE})`, 'i');
/**
 * "What year" asked after a remark ("mtt says nato took kosovo away from serbia - what year did kosovo declare independence?",
 * "…constitution exemplary, so in which year did it come into force?"): a clause that asks for a year or date and the verb it asks of.
 */
const LATE_WHICH_YEAR = /(?:[-–—,;:?]|\s(?:and|but|so))\s*(?:(?:so|and|but|ok|okay)\s+)?(?:what|which|in what|in which|on what|on which) (?:year|date)\s+(?:did|was|were|is|does|do|has|had|will)\b/i;
/** How a "which place" question opens: "which", "in what", "the name of the" (and, with `plural`, "what are the names of"). */
const whichOpener = (plural: boolean) => String.raw`(?:which|what|in which|in what|at which|at what|(?:what|what[’']?s|what is|what was${plural ? '|what are' : ''}) the names? of(?: the)?)`;
/** Words that cannot stand between "which" and the place noun it asks for ("which [Pakistani] airport"): auxiliaries and prepositions. */
const NOT_BEFORE_PLACE = 'did|does|do|is|was|are|were|has|have|had|will|would|can|could|should|of|the|a|an|to|in|on|at|for|by|with|from';
/** A question about where; "where does X stand" asks for a position, not a place. */
const WHERE = new RegExp(
  OPENER +
    String.raw`(?:where\b(?!.*\b(?:stands?|says?|said|sets? out|states?|stated|mentions?|mentioned|writes?|wrote|describes?|described|argues?|argued)\b)` +
    String.raw`|${whichOpener(true)} (?:(?!(?:${NOT_BEFORE_PLACE})\b)[\w-]+ ){0,3}?(?:city|cities|town|base|bases|port|island|islands|region|prefecture|location|place|venue|airport|airfield)\b)`,
  'i',
);
/**
 * "Which airport / air base / port…" (group 1): a facility, which a text names with its kind ("Hyakuri Air Base",
 * "the port of Gwadar"), unlike a city or an island, named alone ("in Moscow", "on Iturup"). Only the place noun the
 * question asks for: "which island has a port", "which prefecture hosts US bases" ask for no facility.
 */
const FACILITY = new RegExp(
  OPENER +
    String.raw`${whichOpener(false)} ` +
    String.raw`(?:(?!(?:${NOT_BEFORE_PLACE}|city|cities|town|towns|island|islands|region|prefecture|country|countries|location|place|venue)\b)[\w-]+ ){0,3}?` +
    String.raw`(airports?|airfields?|air ?bases?|bases?|ports?|seaports?|harbou?rs?|stations?)\b(?!\s+(?:city|cities|town|towns)\b)`,
  'i',
);
type Facility = 'airport' | 'base' | 'port' | 'station';
/** Words that name a facility of each kind ("Hyakuri Air Base", "a naval facility on Matua", "Khmeimim airbase"). */
const FACILITY_WORDS: Record<Facility, RegExp> = {
  airport: /\b(?:airports?|airfields?|air ?bases?|aerodromes?|airstrips?|air stations?)\b/i,
  base: /\b(?:(?:air|naval|military|army) ?)?bases?\b|\b(?:airbases?|airfields?|facilit(?:y|ies)|installations?|garrisons?|camps?|stations?|outposts?)\b/i,
  port: /\b(?:(?:sea)?ports?|harbou?rs?|docks?|naval bases?|terminals?)\b/i,
  station: /\b(?:stations?|bases?|facilit(?:y|ies)|installations?)\b/i,
};
/** The noun of a {@link WHERE} match that asks for a place smaller than a country: "which city", "what air base". */
const LOCAL_ASKED = /\b(?:city|cities|town|base|bases|port|prefecture|airport|airfield)$/i;
/** "Where in Japan is…": the place the answer lies within (group 1). */
const WHERE_IN = new RegExp(OPENER + String.raw`where\s+in\s+([\p{L}][\p{L}-]*(?:\s+[\p{L}][\p{L}-]*)?)`, 'iu');

/** "… in Japan" after "which city": where the city asked for lies (group 1: one or two words). */
const IN_PLACE = /\bin\s+(?:the\s+)?([\p{L}][\p{L}-]*(?:\s+[\p{L}][\p{L}-]*)?)/iu;

/** "Which part of Tokyo…", "what area of Japan": a place within X (group 1), not X's plan or X's army ("which part of japan's plan"). */
const PART_OF = new RegExp(OPENER + String.raw`(?:(?:in|at|on|to) )?(?:which|what) (?:part|area|district|neighbou?rhood|corner)s? of (?:the )?(.*)$`, 'iu');

/**
 * The place a "which part of X…" question asks within: X of one or two words that the
 * question's verb follows ("which part of Japan hosts…", "…of Tokyo is…", "…of Japan?"),
 * as entity terms; none when X goes on as a noun phrase ("the Japan India exercise").
 */
function partOfPlace(question: string, nlp: Nlp): { entities: string[]; name: string } {
  const none = { entities: [], name: '' };
  const rest = PART_OF.exec(question)?.[1];
  if (rest === undefined) return none;
  const words = [...rest.matchAll(/[\p{L}][\p{L}-]*/gu)];
  const tags = nlp.nlp.readDoc(rest).tokens().out(nlp.its.pos) as string[];
  for (let k = 1; k <= Math.min(2, words.length); k++) {
    const last = words[k - 1]!;
    const end = last.index + last[0].length;
    const after = rest.slice(end);
    if (/^[’']/.test(after)) return none;
    const ends = /^\s*(?:[?,.!]|$)/.test(after);
    // wink tags "hosts", "borders" after a name as nouns: a noun right before a determiner or a name is a verb here.
    const verb = !ends && !/-/.test(rest.slice(0, end)) && (['AUX', 'VERB'].includes(tags[k] ?? '') || (tags[k] === 'NOUN' && ['DET', 'PROPN', 'PRON'].includes(tags[k + 1] ?? '')));
    if (!ends && !verb) continue;
    return { entities: placesNamed(rest.slice(0, end), nlp), name: rest.slice(0, end).toLowerCase() };
  }
  return none;
}

/**
 * Words that ask for more countries than one: a list ("which ones do they list"), or one set aside ("besides the US",
 * which the question's text keeps when it is no name, else {@link Query.setAside} tells).
 */
const COUNTRIES_MANY = /\b(?:apart from|aside from|besides|other than|except|excluding|not counting|on top of|lists?|listed|name (?:them|all|every)|all (?:the|of the)|every)\b/i;
/** "Which countries…", "what other nations…", "which two countries": a country asked for; not "what do the nations of…" (a verb after "what"). */
const WHICH_COUNTRY = /\b(?:which|what)\s+(?:(?:one\s+)?of\s+(?:the|these|those)\s+)?(?:(?!(?:do|does|did|are|is|was|were|have|has|had|can|could|should|will|would|must|might)\b)[\w-]+\s+){0,2}?(?:countries|country|nations|nation|member states|member countries)\b/i;
/** "Which NATO members…", "which G7 member…" (group 1: the organisation, when the glossary says it is one). */
const WHICH_MEMBER = /\b(?:which|what)\s+(?!(?:do|does|did|are|is|were|was|have|has|had|will|would|can|could|should|might|must)\b)((?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:members?|member states?)\b|\b(?:which|what)\s+(?:members?|member states?)\s+of\s+(?:the\s+)?((?:[\w-]+\s*){1,4})/i;

/** "What does CPEC stand for?", "what's NSS short for", "the full form of JASDF": the long form of an acronym is asked. */
const EXPANSION_ASKED =
  /\b(?:what|wat)(?:[’']s|\s+(?:does|do|did|is|was))\s+(?:the\s+)?(?:acronym\s+|abbreviation\s+|initials\s+)?["“'‘]?([A-Za-z][A-Za-z&.]{1,9})["”'’]?\s+(?:actually\s+|even\s+|really\s+|exactly\s+)?(?:stands?\s+for|short\s+for|an?\s+(?:acronym|abbreviation)\s+for)\b|\b(?:full\s+form|long\s+form|expansion)\s+of\s+(?:the\s+)?(?:acronym\s+|abbreviation\s+)?["“'‘]?([A-Za-z][A-Za-z&.]{1,9})\b/i;
/** "What are the 8 points of…", "list the five ministers", "name the three documents": a list asked for by its length (group 1). */
const LIST = /\b(?:(?:what|which) (?:are|were) the|list (?:all )?the|name the|tell me the)\s+(\d+|two|three|four|five|six|seven|eight|nine|ten)\b/i;
const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** "Which European powers", "which NATO members": the words after "which", up to the first that is no noun or adjective. */
const WHICH = /\bwhich\s+([^?.!,;]+)/i;
/** Words that leave a kind unnamed: "some European powers", "other NATO members". */
const VAGUE = String.raw`(?:some|several|other|certain|various|a few|a number of|unnamed|unspecified|numerous|many|more)`;
/** After a vague kind, what names its members after all: "some European powers, such as France", "…members including". */
const NAMED_AFTER = /^\s*(?:,\s*)?(?:such as|including|like|namely|notably|especially|in particular|:|\(|—|–)/i;

/** The words of a "which" question's kind when it has a modifier and a plural noun ("european powers"); else undefined. */
function whichKind(question: string, nlp: Nlp): string[] | undefined {
  const m = WHICH.exec(question);
  if (!m) return undefined;
  const tokens = nlp.nlp.readDoc(m[1]!).tokens();
  const words = tokens.out(nlp.its.value) as string[];
  const pos = tokens.out(nlp.its.pos) as string[];
  let n = 0;
  while (n < words.length && NOUN_PHRASE.has(pos[n]!) && !COUNT_STOP.has(words[n]!.toLowerCase())) n++;
  const kind = words.slice(0, n);
  // One word ("which countries") is answered by names of any country in the sentence; a modified kind names its own.
  if (kind.length < 2 || !/s$/i.test(kind.at(-1)!)) return undefined;
  return kind;
}

/** The sentence speaks of the kind only vaguely ("some European powers") and never names its members after it. */
function onlyVaguely(text: string, kind: string[]): boolean {
  const re = new RegExp(String.raw`\b${VAGUE}\s+${kind.map(escapeRegExp).join(String.raw`[\s-]+`)}\b`, 'gi');
  let vague = false;
  for (const m of text.matchAll(re)) {
    if (NAMED_AFTER.test(text.slice(m.index + m[0].length))) return false;
    vague = true;
  }
  return vague;
}

/** How many items a sentence lists: one more than its commas, semicolons and dashes between items, or two for a bare "X and Y". */
function listItems(text: string): number {
  const separators = (text.match(/[,;]|\s[–—]\s/g) ?? []).length;
  return separators > 0 ? separators + 1 : /\band\b/i.test(text) ? 2 : 1;
}

/** A named place in running text: a preposition of place before a capitalised name ("on Matua", "to Kabul", "in the Northern Kurils", "to the island of Skellig Mor"), not a month or a day. */
const PLACE = new RegExp(
  String.raw`\b(?:in|at|on|near|off|to|into|from|around|inside|outside|across|over|via|towards?) (?:the )?(?:(?:[a-z-]+ ){1,3}of (?:the )?)?(?!(?:${MONTH_NAMES}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b)[A-Z][\p{L}-]`,
  'u',
);
/** "The Japanese port of Yokosuka", "the city of Nagoya": a place named after its kind (group 1: the name). */
const PLACE_OF = /\b(?:city|port|town|village|island|capital|prefecture|province|district|region|base|harbou?r) of (?:the )?(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*)/gu;
/** A compass adjective alone ("Western", "North-Eastern"): with no name after it, no place. */
const COMPASS_ADJECTIVE = /^(?:(?:north|south)-?)?(?:north|south|east|west)ern$/i;
/** {@link PLACE} with the whole capitalised name, every match. */
const PLACE_NAMES = new RegExp(PLACE.source + String.raw`[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*`, 'gu');
/** A weekday, a month or a year (or decade: "1990s"), as a regular-expression alternation. */
const DATE_WORDS = String.raw`(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:${MONTH_NAMES})|(?:1[6-9]|20)\d\ds?`;
/** Words before or in a speaker's name that are no part of it ("the", "Mr", "President"). */
const NOT_NAME = /^(?:the|a|an|this|that|these|those|which|what|whose|there|of|in|at|on|for|to|from|by|with|and|or|any|anyone|anybody|someone|somebody|everyone|everybody|nobody|people|one|some|many|most|all|other|others|they|he|she|it|we|you|i|itself|himself|herself|themselves|themself|ourselves|yourself|myself|him|them|its|his|her|their|our|your|mr|mrs|ms|dr|sir|president|prime|minister|foreign|defen[cs]e|secretary|general|spokes\w*|ambassador|envoy|official|officials|chief|head|leader|premier|chancellor|king|queen|senator|governor|mayor|admiral|professor|former|new|top|state|us|uk|eu|un)$/i;

/**
 * The words of a speaker phrase that look like a name: capitalised where the question does not start, or no English
 * word ("lavrov"). `inside`: the phrase does not open the question.
 */
function speakerNames(phrase: string, inside: boolean): string[] {
  const words = [...phrase.matchAll(/[\p{L}][\p{L}’'-]*/gu)];
  return words
    .filter((w) => !NOT_NAME.test(w[0]) && w[0].length > 1 && (((inside || w.index > 0) && /^\p{Lu}/u.test(w[0])) || !isEnglish(w[0])))
    .map((w) => w[0].replace(/[’']s$/, ''));
}

/** A pronoun as the subject of a saying verb: "what do they say…", "what does he claim…". */
const PRONOUN_SUBJECT = /^(?:they|he|she|it|his|her|their)$/i;
/**
 * Words of cause, purpose or motive beside the build's ({@link FLAG.reason}: because, due to, in order to…): "given
 * that…", "seeing this as a way of…", "related to the size of…", "out of fear", "To neutralize this danger, …".
 */
const REASON_SAID = /\b(?:given|seeing|as a way|in a bid|related to|driven by|motivat\w*|out of|for fear|fears?|feared|concerns?|worr\w+|because of|thanks to|amid|after|owing|so as|lest|explains?|explanation|motives?|encourag\w*|prompt\w*|stems? from|results?|consequences?|demonstrates?|important|contribut\w*\s+to)\b|^To \w+|,\s+(?:as|since)\s+(?:they|it|he|she|we|both|the)\b/i;
/** A subject that is an attitude, a policy or an act, not a speaker: "what does Japan's take on Russia say about…". */
const ABSTRACT_SUBJECT = /^(?:take|attitude|approach|policy|policies|stance|reluctance|indifference|behaviou?r|move|decision|choice|fact|record|failure|silence|inaction|willingness|refusal)$/i;
/** Words for the corpus's texts as a subject ("the articles", "these pieces", "your sources"): they speak in all their lines. */
const TEXTS_SUBJECT = /^(?:articles?|pieces?|stor(?:y|ies)|texts?|sources?|corpus|documents?|op-?eds?|columns?)$/i;

/** An outlet (entity slug): "the mtt afghanistan piece" speaks in MTT's voice. */
function isOutlet(entity: string, nlp: Nlp): boolean {
  return nlp.glossary.entities[entity]?.kind === 'outlet';
}

/** A news source: an outlet of the corpus or other media it cites (entity slug: "Nikkei Asia", "CNN"). */
function isNewsSource(entity: string, nlp: Nlp): boolean {
  const kind = nlp.glossary.entities[entity]?.kind;
  return kind === 'outlet' || kind === 'media';
}

/** A person of the glossary (entity slug, as {@link personSlug} names one). */
function isPerson(entity: string, nlp: Nlp): boolean {
  return nlp.personForms.has(entity);
}

/** A word for an article: the head of "the mtt afghanistan piece". */
const TEXT_HEAD = new RegExp(String.raw`^${TEXT_WORD}$`, 'i');
/** {@link TEXT_WORD} or a writer anywhere in a phrase: "the mtt piece", "the author". */
const TEXT_HEAD_ANYWHERE = new RegExp(String.raw`\b(?:${TEXT_WORD}|authors?|writers?)\b`, 'i');

/** The head of a subject phrase: its last word before any preposition ("Japan's relaxed take [on the threat]" → "take"). */
function subjectHead(subject: string): string {
  const before = subject.split(/\s+(?:on|of|to|toward|towards|about|with|in|over|at|for|by|that|among|from|under|behind|within|between|against|across|into)\s+/i)[0]!;
  // "brown's article actually": an adverb after the subject is not its head.
  return before.trim().replace(/(?:\s+(?:actually|really|even|ever|exactly|specifically|precisely|also|just|itself|themselves|himself|herself))+$/i, '').split(/\s+/).at(-1) ?? '';
}

/** What a statement was about, after the saying verb: "say [about the air drills]", "react [to the office plans]" (group 1). */
const aboutAfter = (prepositions: string) => new RegExp(String.raw`^(?:\s+\w+)?\s+(?:${prepositions})\s+(.+?)\s*[?.!]*$`, 'i');
const ABOUT = aboutAfter('about|on|regarding|concerning|to');
const ABOUT_NOT_TO = aboutAfter('about|on|regarding|concerning');
/** The text a statement was read in, ending the words of what it was about: "in Brown's article", "according to MTT". */
const SOURCE_TAIL = new RegExp(String.raw`(?:\s+(?:in|from|within)\s+(?:(?:the|that|this|his|her|their)\s+)?(?:[\w’'-]+\s+){0,3}?${TEXT_WORD}\b|\s+(?:in|during|at|on)\s+(?:(?:the|that|this|his|her|their|a|an)\s+)?(?:[\w’'-]+\s+){0,3}?(?:interview|speech|press conference|briefing|remarks|address|appearance)s?\b|\s*,?\s+(?:according to|per)\s).*$`, 'i');
/** An "on …" that says when, not what about: "what did he say on Monday". */
const WHEN_WORDS = new RegExp(String.raw`^(?:the |that |this )?(?:${DATE_WORDS}|day|morning|evening|night|occasion|weekend)\b`, 'i');
/** Words that give a date: a month, a weekday, a year, or a year or month counted from now. */
const DATE = new RegExp(String.raw`\b(?:(?:next|last|this|previous|past) (?:year|month|week)|yesterday|today|tomorrow|${DATE_WORDS})\b`, 'i');
/** "How long has Liu been vice dean", "how long will the drills last": a span of time asked for (not "how long ago"). */
const HOW_LONG = new RegExp(OPENER + String.raw`(?:for\s+)?how long\b(?!\s+(?:ago|after|before|since|from|until|till|til|to go)\b)`, 'i');
/** A span of time: a number of units ("two years", "20-year"), since or until a time, from one time to another, a date range. */
const SPAN = new RegExp(
  String.raw`\b(?:since|until|till|through|throughout|ever since|for (?:decades|years|months|weeks|centuries|ages|a while|long)|(?:\d[\d,.]*|a|an|${NUMBER_WORD_ALTERNATION}|several|many|a few|few)[\s-]+(?:years?|months?|weeks?|days?|decades?|hours?|centur(?:y|ies))|from\s+\S+(?:\s+\S+){0,2}\s+(?:to|until|till|through)|between\s+\S+(?:\s+\S+)?\s+and\s+\S|\d{4}\s*[-–]\s*\d{2,4}|(?:lasts|lasted|lasting)\b)`,
  'i',
);
/** Words that say when, beside the dates and years wink and the term pipeline flag: any date, or a vaguer time. */
const TIME = new RegExp(
  String.raw`\b(?:(?:next|last|this|coming|previous|past) (?:year|month|week|spring|summer|autumn|fall|winter|decade|century)|yesterday|today|tomorrow|tonight|recently|ago|soon|now|currently` +
    String.raw`|${DATE_WORDS}|since|until|after|before|during|century|decade|era)\b`,
  'i',
);

const YEAR = new RegExp(String.raw`\b(${YEAR_DIGITS})\b`, 'g');

/** Parts of speech of a counted phrase: "how many [Indian air force personnel] are coming". */
const NOUN_PHRASE = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);

/** The noun phrase that opens `text`, lower case, to its last noun: "indian air force personnel", "viper zeros". */
function countedPhrase(text: string, nlp: Nlp): string[] {
  // "Asia-Pacific countries": a hyphen between words joins them into the phrase ("F-2s" keeps its own).
  const tokens = nlp.nlp.readDoc(text.replace(/(\p{L})-(?=\p{L})/gu, '$1 ')).tokens();
  const words = tokens.out(nlp.its.normal) as string[];
  const pos = tokens.out(nlp.its.pos) as string[];
  let end = 0;
  for (let i = 0; i < words.length && NOUN_PHRASE.has(pos[i]!) && !COUNT_STOP.has(words[i]!); i++) if (pos[i] !== 'ADJ') end = i + 1;
  return words.slice(0, end).map((w) => w.replace(/[^\p{L}\p{N}'’-]/gu, ''));
}

/**
 * The thing whose name is asked: the last common noun of the phrase the text opens with ("us submarine being sent…":
 * submarine; "japan-central asia foreign ministers dialogue": dialogue), as typed, lower case.
 */
function namedThing(text: string, nlp: Nlp): string | undefined {
  // "us" opening a phrase is the US, not the pronoun; a hyphen joins words of the phrase.
  const tokens = nlp.nlp.readDoc(text.replace(/^(?:us|uk|eu|un)\b/i, (m) => m.toUpperCase()).replace(/-/g, ' ')).tokens();
  const words = tokens.out(nlp.its.value) as string[];
  const pos = tokens.out(nlp.its.pos) as string[];
  let head: string | undefined;
  for (let i = 0; i < words.length && NOUN_PHRASE.has(pos[i]!) && !COUNT_STOP.has(words[i]!.toLowerCase()); i++) {
    // A name after the noun starts a clause: "the pact [japan signed]".
    if (head !== undefined && analyseText(words[i]!, nlp).entities.length > 0) break;
    if (pos[i] === 'NOUN') head = words[i]!.toLowerCase();
  }
  return head;
}

/**
 * The glossary thing (not a country) that the counted phrase ends on, by one of its forms: "flankers", "viper zeros".
 * "Indian air force personnel" counts personnel, not the air force.
 */
function countedThing(phrase: string[], nlp: Nlp): Glossary['entities'][string] | undefined {
  const text = phrase.join(' ');
  const last = entitySpans(text, nlp.glossary).find((s) => s.end === text.length);
  const thing = last === undefined ? undefined : nlp.glossary.entities[last.entity];
  return thing?.kind === 'country' ? undefined : thing;
}

/** The countries a text names (entity terms), by the glossary. */
function countriesNamed(text: string, nlp: Nlp): string[] {
  return placesNamed(text, nlp).filter((e) => nlp.glossary.entities[e.slice(ENTITY_PREFIX.length)]?.kind === 'country');
}

/** The countries a text names, or means by a body that acts for one (glossary `actsFor`: "JASDF personnel" are Japan's). */
function countriesMeant(text: string, nlp: Nlp): string[] {
  const acting = analyseText(text, nlp).entities.flatMap((e) => (nlp.glossary.entities[e]?.actsFor ?? []).map((c) => ENTITY_PREFIX + c));
  return [...new Set([...countriesNamed(text, nlp), ...acting])];
}

const ORDINAL_WORDS = ['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
/** An ordinal, as a word (second to twelfth) or in digits ("8th", "21st"). "First" is left out: "when did X first…", "first of all". */
const ORDINAL = new RegExp(`\\b(?:(${ORDINAL_WORDS.join('|')})|(\\d{1,3})(?:st|nd|rd|th))\\b`, 'gi');
/** {@link ORDINAL} without its groups, to stand inside another pattern's. */
const ORDINAL_TEXT = String.raw`(?:${ORDINAL_WORDS.join('|')}|\d{1,3}(?:st|nd|rd|th))\b`;
/** Eras named by name and the years they span: "since World War II" answers "since 1945". */
const ERAS: ReadonlyArray<readonly [RegExp, number, number]> = [
  [/\b(?:world war (?:ii|2|two)|second world war|ww ?(?:ii|2))\b/i, 1939, 1945],
  [/\b(?:world war (?:i|1|one)|first world war|great war|ww ?(?:i|1))\b/i, 1914, 1918],
];
/** Years said relative to the article's date: "last year's NATO summit" in a 2023 article mentions 2022. */
const RELATIVE_YEARS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\b(?:last|previous|past) year\b|\ba year ago\b/i, -1],
  [/\bthis year\b/i, 0],
  [/\bnext year\b/i, 1],
];
/** Words for an event that recurs: what an ordinal counts. */
const OCCURRENCE_WORDS = ['meeting', 'summit', 'round', 'session', 'talks', 'dialogue', 'conference', 'exercise', 'drill', 'visit', 'forum', 'edition', 'congress', 'plenum'];
/** Words for a meeting of leaders or ministers: counting one counts any ("how many summits" is answered by "twenty-one meetings"). */
const MEETING_WORDS = ['meeting', 'summit', 'talks', 'session', 'round', 'conference', 'dialogue', 'encounter', 'sit-down'];
/** An ordinal that counts occurrences of an event: "the 8th japan-central asia foreign ministers meeting", "the third round". */
const ORDINAL_OCCURRENCE = new RegExp(`${ORDINAL.source}(?:[\\s-]+[\\w+-]+){0,5}?[\\s-]+(?:${OCCURRENCE_WORDS.join('|')})s?\\b`, 'gi');

/** "Is that the 2nd round or 3rd?", "the second or third meeting": ordinals offered as a choice, of which the answer tells one. */
const ORDINAL_CHOICE = new RegExp(String.raw`\b${ORDINAL_TEXT}(?:[\s-]+[\w+-]+){0,2}?\s+or\s+(?:the\s+|a\s+)?${ORDINAL_TEXT}`, 'gi');

/** The ordinals of a question that ask for one occurrence of a series, those offered as a choice left out. */
function ordinalsAsked(question: string): number[] {
  const offered = new Set([...question.matchAll(ORDINAL_CHOICE)].flatMap((m) => [...m[0].matchAll(ORDINAL)].map(ordinalValue)));
  return [...new Set([...[...question.matchAll(ORDINAL_OCCURRENCE)].map(ordinalValue), ...nextOrdinals(question)].filter((n) => n >= 2 && !offered.has(n)))];
}

/** The number of an ordinal matched by {@link ORDINAL}: "eighth" and "8th" are 8. */
function ordinalValue(m: RegExpExecArray | RegExpMatchArray): number {
  return m[1] ? ORDINAL_WORDS.indexOf(m[1].toLowerCase()) + 2 : Number(m[2]);
}

/** "The next meeting after this 9th one" (group 1 the ordinal), "the one before the 9th" (group 2): the occurrence asked is one on or one back. */
const NEXT_AFTER = new RegExp(String.raw`\bnext\b[^?.!]{0,60}?\bafter\s+(?:this|the|that)\s+(${ORDINAL_TEXT})|\b(?:previous|preceding|last)\b[^?.!]{0,60}?\bbefore\s+(?:this|the|that)\s+(${ORDINAL_TEXT})`, 'i');

/** The occurrences a question asks for by "the next … after the Nth" (N + 1) or "the previous … before the Nth" (N - 1). */
function nextOrdinals(question: string): number[] {
  const m = NEXT_AFTER.exec(question);
  if (!m) return [];
  const n = ordinalValue([...(m[1] ?? m[2]!).matchAll(ORDINAL)][0]!);
  return [m[1] !== undefined ? n + 1 : n - 1];
}

/** Every ordinal a text mentions, second or later ("3rd largest", "the third such meeting"). */
function ordinalsIn(text: string): Set<number> {
  return new Set([...text.matchAll(ORDINAL)].map(ordinalValue).filter((n) => n >= 2));
}

/**
 * The entity terms of the outlets and authors the question names that are the sources of documents ("the Global
 * Times piece", "Brown"), when they are the sources of different documents: what {@link AnswerChecks.anySource} reads.
 * Names of one document's outlet and author together ("MTT's Lee Jay Walker") are one source.
 */
function askedSources(query: Pick<Query, 'terms'>, index: SearchIndex): string[] {
  const sources = sourceEntities(query);
  const docs = sources.map((e) => index.sourceDocs.get(index.termId.get(e) ?? -1) ?? []);
  const distinct = new Set(docs.filter((d) => d.length > 0).map((d) => [...d].sort((a, b) => a - b).join(',')));
  return distinct.size >= 2 ? sources.filter((_, i) => docs[i]!.length > 0) : [];
}

/**
 * "In both the NATO office story and the Central Asia talks": two texts named by their topics. What names one of them
 * (group 1, group 2; one part has a word for a text) is an alternative to what names the other, as sources asked
 * across are.
 */
const BOTH_TEXTS = new RegExp(String.raw`\bboth (?:the |that |this |these )?([^?.!,;]+?) and (?:in |from |on )?(?:the |that |this )?([^?.!,;]+?)(?=[?.!,;]|$)`, 'i');
const HAS_TEXT_WORD = new RegExp(String.raw`\b${TEXT_WORD}\b|\b(?:talks|meeting|summit)\b`, 'i');

/** The entity terms of two texts a question names by topic ("both the NATO office story and the Central Asia talks"), each named in one part only. */
function textsAskedAcross(question: string, nlp: Nlp): string[] {
  const m = BOTH_TEXTS.exec(question);
  if (!m || !(HAS_TEXT_WORD.test(m[1]!) || HAS_TEXT_WORD.test(m[2]!))) return [];
  const [a, b] = [m[1]!, m[2]!].map((part) => new Set(placesNamed(part, nlp)));
  const only = (x: Set<string>, y: Set<string>) => [...x].filter((e) => !y.has(e));
  const [fromA, fromB] = [only(a!, b!), only(b!, a!)];
  return fromA.length > 0 && fromB.length > 0 ? [...fromA, ...fromB] : [];
}

/**
 * "How many months after the Skripal poisoning did Russia hold drills on Iturup?": the time between two events, the
 * first (group 1) named to count from. Each is dated in its own line; the line on the event asked about answers.
 */
const INTERVAL_AFTER = /\bhow (?:many|much)\s+(?:[\w-]+\s+){0,2}?(?:after|before|since)\s+(.+?)\s+(?:did|was|were|had|has|is|will|does|do|would)\b|\bhow long (?:after|before|since)\s+(.+?)\s+(?:did|was|were|had|has|is|will|does|do|would)\b/i;

/** The question's entities without those it names only as the event an interval is counted from ({@link INTERVAL_AFTER}). */
function entitiesOfAnchoredEvent(question: string, entities: string[], nlp: Nlp): string[] {
  const m = INTERVAL_AFTER.exec(question);
  if (!m) return entities;
  const anchor = (m[1] ?? m[2])!;
  const rest = new Set(analyseText(question.replace(anchor, ' '), nlp).entities);
  const kept = entities.filter((e) => rest.has(e));
  return kept.length > 0 ? kept : entities;
}

/**
 * "…who's being quoted there? mao ning?": a short last question after one that asks who, offering a guess; the
 * people it names are candidates (the answer may name another), not names every answer must carry.
 */
const WHO_GUESS = /\bwho\b[^?]*\?\s*((?:(?:is|was) it|maybe|perhaps|or)?\s*[\p{L}][\p{L}.’' -]{0,40}?)\s*\?+\s*$/iu;
/**
 * "Who said X?? was that a chinese expert like liu or somebody on the russian side", "who's the biggest cheerleader…?
 * seoul? canberra?": after asking who, a last question that offers candidates, or two or three short ones (people, or
 * the countries they speak for); the answer names whoever it was.
 */
const WHO_CANDIDATES = /\bwho\b[^?]*\?+\s*((?:was|is|were)\s+(?:that|it|he|she|they|this)\s+[^?]{1,100}?|(?:[^?\s]+(?:\s+[^?\s]+){0,3}\s*\?+\s*){1,2}[^?\s]+(?:\s+[^?\s]+){0,3})\s*\?*\s*$/iu;
/** "The FM who still went on his tour the day Kabul fell - that was Hayashi, no?": a name offered for someone described. */
const TAIL_GUESS = /(?:\b(?:that|it|this)(?:[’']s|\s+was|\s+is|\s+were)|\s[—–-]+)\s+([\p{L}][\p{L}.’' -]{0,40}?),?\s*(?:no|right|yeah|correct|wasn[’']?t (?:it|he|she)|isn[’']?t (?:it|he|she)|or not)\s*\?+\s*$/iu;
/** "…that was some chinese spokesperson right? mao ning?": a name offered after a question that asks to be confirmed. */
const CONFIRM_GUESS = /\b(?:right|no|yeah|yes|correct|eh)\s*\?+\s*((?:(?:is|was) it|maybe|perhaps|or)?\s*[\p{L}][\p{L}.’' -]{0,40}?)\s*\?+\s*$/iu;
/** A claim, then a tag asking to confirm it: "…starting 2025, yeah?", "…in 2016, right?", "…, is that right?". */
const CLAIM_CONFIRMED = /^[^?]*?(?:,\s*|\s+)(?:yeah|yes|right|correct|innit|isn[’']?t it|is that (?:right|true|correct))\s*\?/i;
/** "Trump was the one who called nato 'brain dead' wasnt he?": a person offered for who said or did something. */
const ONE_WHO_GUESS = /^\W*(?:(?:so|and|wait|ok|okay)\W+)?([\p{L}][\p{L}.’' -]{0,40}?)\s+(?:was|is|were)\s+(?:the\s+)?(?:one|guy|person|man|woman|lady|dude|official|minister)\s+(?:who|that)\b/iu;
/** "Who carried out the kabul attack - the taliban?": after asking who, a name offered after a dash. */
const WHO_DASH_GUESS = /\bwho\b[^?]*?\s[\u2013\u2014-]+\s+((?:the\s+)?[\p{L}][\p{L}.’' -]{0,30}?)\s*\?+\s*$/iu;
/** "Was it Qin Gang who said…?": a cleft question offering a person for who said or did something. */
const CLEFT_GUESS = /^\s*(?:so\s+|and\s+)?(?:[^?]{0,60}?,\s*|in\s+[^?,]{1,60}?\s+)?(?:was|is|wasn[’']?t|isn[’']?t)\s+it\s+([\p{L}][\p{L}.’' -]{0,40}?)\s+(?:who|that)\b/iu;

/** The entities the text names outside the spans given (start and end offsets): what is left once they are cut. */
function entitiesOutside(text: string, spans: ReadonlyArray<readonly [number, number]>, nlp: Nlp): Set<string> {
  const rest = [...spans].sort((a, b) => b[0] - a[0]).reduce((t, [a, b]) => t.slice(0, a) + ' ' + t.slice(b), text);
  return new Set(analyseText(rest, nlp).entities);
}

/**
 * A language named as one ("is that 'y' just spanish for 'and'?", "in japanese", "the russian word for it"): no country
 * a line must name.
 */
/** Languages a question may name as such (each also a nationality's adjective). */
const LANGUAGES = 'spanish|french|german|japanese|chinese|russian|english|italian|portuguese|korean|arabic|hindi|urdu|mandarin';
const LANGUAGE_USE = new RegExp(String.raw`\b(?:${LANGUAGES})(?=\s+for\s+['‘“"]|\s+(?:words?|terms?|phrases?|translations?|original|version|spelling|name)\b)|(?<=\bin\s+)(?:${LANGUAGES})(?=\s*(?:[?,.;:!)]|$))`, 'gi');
/** The question's entities without the countries it names only as languages ({@link LANGUAGE_USE}). */
function entitiesBesidesLanguages(question: string, entities: string[], nlp: Nlp): string[] {
  const cut = [...question.matchAll(LANGUAGE_USE)].map((m): [number, number] => [m.index, m.index + m[0].length]);
  if (cut.length === 0) return entities;
  const kept = entitiesOutside(question, cut, nlp);
  const countries = countriesNamed(question, nlp);
  return entities.filter((e) => kept.has(e) || !countries.includes(ENTITY_PREFIX + e));
}

/**
 * The question's entities without the names it offers only as a guess and nowhere else: any name among candidates
 * after asking who ({@link WHO_CANDIDATES}); people after asking who ({@link WHO_GUESS}), in a cleft
 * ({@link CLEFT_GUESS}), after a question that asks to be confirmed ({@link CONFIRM_GUESS}) or as "the one who"
 * ({@link ONE_WHO_GUESS}); any name in a count offered ({@link COUNT_GUESS}); people and outlets at the end
 * ({@link TAIL_GUESS}), and any name there or after a dash ({@link WHO_DASH_GUESS}) once the question has asked who.
 * An outlet offered in a cleft ("was it CNN that broke the story") stays: measured, it found the line that tells who
 * broke it.
 */
function entitiesBesidesGuess(question: string, entities: string[], nlp: Nlp): string[] {
  const candidates = WHO_CANDIDATES.exec(question);
  if (candidates) {
    const at = candidates.index + candidates[0].indexOf(candidates[1]!);
    const rest = entitiesOutside(question, [[at, at + candidates[1]!.length]], nlp);
    return entities.filter((e) => rest.has(e));
  }
  const who = WHO_GUESS.exec(question);
  const cleft = who === null ? (CLEFT_GUESS.exec(question) ?? CONFIRM_GUESS.exec(question) ?? ONE_WHO_GUESS.exec(question)) : null;
  const counted = who === null && cleft === null ? COUNT_GUESS.exec(question) : null;
  const m = who ?? cleft ?? counted ?? TAIL_GUESS.exec(question) ?? WHO_DASH_GUESS.exec(question);
  if (!m || m[1]!.trim().split(/\s+/).length > (counted === null ? 5 : 6)) return entities;
  const at = m.index + m[0].indexOf(m[1]!);
  // After asking who ("who carried out the kabul attack - the taliban?"), a name offered at the end is a guess whatever it names.
  const askedWho = who === null && cleft === null && counted === null && /\bwho\b/i.test(question.slice(0, at));
  const guessed = new Set(analyseText(m[1]!, nlp).entities.filter((e) => counted !== null || askedWho || isPerson(e, nlp) || (who === null && cleft === null && isNewsSource(e, nlp))));
  if (guessed.size === 0) return entities;
  const rest = entitiesOutside(question, [[at, at + m[1]!.length]], nlp);
  return entities.filter((e) => !guessed.has(e) || rest.has(e));
}

/** "Western capitals like", "countries such as": a plural word, then a cue for examples of it. */
const EXAMPLES_CUE = /\b[\p{L}-]+s\s+(?:like|such as|including|e\.g\.?,?)\s+/giu;
/** After a name, the others of its group: "[Kazakhstan] and the other former Soviet republics", "…and the others". */
const OTHER_MEMBERS_WORDS = String.raw`(?:and|&)\s+(?:all\s+)?(?:the\s+)?others?\b`;
const OTHER_MEMBERS = new RegExp(String.raw`^\s*(?:,\s*)?${OTHER_MEMBERS_WORDS}`, 'i');
/** {@link OTHER_MEMBERS} anywhere in a question. */
const OTHER_MEMBERS_ANYWHERE = new RegExp(String.raw`\s${OTHER_MEMBERS_WORDS}`, 'i');

/** What may stand between two examples: commas, "and", "or", and at most one word the glossary does not know ("DC"). */
const EXAMPLE_GAP = /^[\s,]*(?:(?:and|or|&)\s+)?(?:[\p{L}.]+\s*,\s*(?:(?:and|or)\s+)?)?$/u;

/**
 * The entities the question names only as examples of a kind ("how have western capitals like DC, London, Paris
 * reacted"): a line naming the kind ("bafflement in Western capitals") answers without naming them.
 */
function entitiesBesidesExamples(question: string, entities: string[], nlp: Nlp): string[] {
  const lower = question.toLowerCase();
  const cut: Array<[number, number]> = [];
  for (const m of lower.matchAll(EXAMPLES_CUE)) {
    const from = m.index + m[0].length;
    let at = from;
    for (const span of entitySpans(question.slice(from), nlp.glossary)) {
      if (!EXAMPLE_GAP.test(lower.slice(at, from + span.start))) break;
      at = from + span.end;
    }
    if (at > from) cut.push([from, at]);
  }
  // "Kazakhstan and the other former Soviet republics": one member named as an example of the group asked about.
  // (Only when the words are there: the glossary's span patterns are built on first use, which must not delay a first answer.)
  if (OTHER_MEMBERS_ANYWHERE.test(question)) for (const span of entitySpans(question, nlp.glossary)) if (OTHER_MEMBERS.test(question.slice(span.end))) cut.push([span.start, span.end]);
  if (cut.length === 0) return entities;
  const kept = entitiesOutside(question, cut, nlp);
  return entities.filter((e) => kept.has(e));
}

/** A leader's body: "Kishida's cabinet", "Abe's government", "Putin's people". */
const LEADERS_BODY = String.raw`(?:[’']s)\s+(?:cabinet|government|govt|administration|team|people|officials|ministers|ministry|office|side|camp)\b`;
/** "The Abe government", "the Kishida administration": a leader's government, named by the leader, as a speaker. */
const LEADERS_GOVERNMENT = String.raw`(?:(?:[’']s)?\s+(?:cabinet|government|govt|administration))\b`;
/** {@link LEADERS_BODY} and {@link LEADERS_GOVERNMENT} after any word: whether a question can name a leader for their government at all. */
const LEADERS_BODY_ANYWHERE = new RegExp(String.raw`\w${LEADERS_BODY}`, 'i');
const LEADERS_GOVERNMENT_ANYWHERE = new RegExp(String.raw`\w${LEADERS_GOVERNMENT}`, 'i');

/**
 * A person named only for their government ("which three papers did Kishida's cabinet sign off on"): their country is
 * what a line must name, as the articles say "Japan approved…".
 */
function entitiesAsGovernment(question: string, entities: string[], nlp: Nlp, body = LEADERS_BODY): string[] {
  if (!(body === LEADERS_BODY ? LEADERS_BODY_ANYWHERE : LEADERS_GOVERNMENT_ANYWHERE).test(question)) return entities;
  return [...new Set(entities.map((e) => {
    const person = nlp.glossary.people.find((p) => personSlug(p.name) === e);
    if (person?.nationality === undefined) return e;
    const forms = person.forms.map(escapeRegExp).join('|');
    const governs = new RegExp(String.raw`\b(?:${forms})${body}`, 'i');
    const elsewhere = new RegExp(String.raw`\b(?:${forms})\b(?!${body})`, 'i');
    return governs.test(question) && !elsewhere.test(question) ? person.nationality : e;
  }))];
}

/** A phrase that sets something aside ("not the 1945 kurils date, the pact itself"), to the next mark. */
const SET_ASIDE = /\bnot\s+(?:the|that|this|those|these)\s+[^,;:?!.]{1,60}/giu;
/** A question for another person: "who else…", "which other official…" (after what it set aside was cut); "apart from Kishida, who attended…" may be answered by countries. */
const WHO_ELSE = /^\W*(?:who\s+else|which\s+other\s+(?:person|people|officials?|leaders?|ministers?))\b/i;
/** Whom the question compares the one asked for with: "which prime minister…, compared with kishida?" (group 1). */
const COMPARED_WITH = /\b(?:compared (?:with|to)|as opposed to|other than|rather than|instead of|unlike|versus|vs\.?)\s+([^,;:?!.]{1,40})/giu;

/** The people a question compares the one asked for with (entity slugs): named, but not the answer. */
function peopleComparedWith(question: string, nlp: Nlp): string[] {
  return [...question.matchAll(COMPARED_WITH)].flatMap((m) => analyseText(m[1]!, nlp).entities.filter((e) => isPerson(e, nlp)));
}

/** The entities the question names only in a phrase that sets them aside: no line need name them. */
function entitiesBesidesSetAside(question: string, entities: string[], nlp: Nlp): string[] {
  const cut = [...question.matchAll(SET_ASIDE)].map((m): [number, number] => [m.index, m.index + m[0].length]);
  if (cut.length === 0) return entities;
  const kept = entitiesOutside(question, cut, nlp);
  return entities.filter((e) => kept.has(e));
}

/** The checks of a parsed question, as the engine reads them: its text, the entities it names, the sources it asks across. */
export function queryChecks(query: Pick<Query, 'text' | 'entities' | 'terms' | 'setAside'>, index: SearchIndex, nlp: Nlp): AnswerChecks {
  const checks = answerChecks(query.text, query.entities, nlp, [...new Set([...askedSources(query, index), ...textsAskedAcross(query.text, nlp)])]);
  // "Apart from the US, which countries…": the names set aside were cut from the text; more countries are asked for.
  if (query.setAside && checks.countriesAsked) checks.countries = true;
  // "What motivated India, according to the Indian Air Force, to…", "what was the meeting aimed at, according to
  // Zakharova?": the words of whom the answer is according to. Not an outlet, an author or a text ("according to
  // Brown", "according to the chinese paper"): they speak in every line of their own.
  // Not when the rest asks a fact about them ("according to the Indian Air Force, how many personnel is it sending?",
  // "according to the Japanese government, how many Japanese were evacuated?"): a line stating it answers.
  const according = checks.statement || checks.count ? null : ACCORDING_TO.exec(query.text);
  if (according && !TEXT_HEAD_ANYWHERE.test(according[1]!) && !MEDIA_WORD.test(according[1]!)) {
    const named = analyseText(according[1]!, nlp).entities;
    const rest = query.text.slice(0, according.index) + ' ' + query.text.slice(according.index + according[0].length);
    const restNames = analyseText(rest, nlp).entities;
    const speakers = named.map((e) => ENTITY_PREFIX + e);
    const aboutThem = named.some((e) => restNames.includes(e)) || SUBJECT_PRONOUN.test(rest);
    if (speakers.length > 0 && !aboutThem && speakers.every((e) => !index.sourceDocs.has(index.termId.get(e) ?? -1))) checks.statement = { speakers };
  }
  // "Apart from Stoltenberg and Kishida, who else was in the room?": someone besides the people set aside.
  const people = query.setAside?.filter((e) => isPerson(e, nlp)) ?? [];
  if (people.length > 0 && WHO_ELSE.test(query.text)) {
    checks.person = true;
    checks.peopleBesides = [...new Set([...(checks.peopleBesides ?? []), ...people.map((e) => ENTITY_PREFIX + e)])];
  }
  const choice = choiceOffered(query.text, nlp);
  if (choice.length > 0 && choice.every((term) => !index.termId.has(term))) checks.choice = choice;
  return checks;
}

/**
 * Options offered after a comma, a dash or a question mark at the end ("which system was it, bastion or bal?", "what kind
 * of planes - c-2s or c-130s?", "mitsubishi heavy or who?"), one or two words each after an article ("c-130s or the new
 * c-2s"): the term of each one's last noun, name or code. An open second option ("or who", "or something") leaves the
 * first alone. Not a yes-or-no tag ("or not"), nor qualities ("happy or angry", "loud or quiet"), nor names the
 * glossary knows ("ru or cn": the entity check's).
 */
function choiceOffered(question: string, nlp: Nlp): string[] {
  const m = CHOICE_AT_END.exec(question);
  if (!m) return [];
  const open = OPEN_OPTION.test(m[2]!.trim());
  const options = open ? [m[1]!] : [m[1]!, m[2]!];
  if (options.some((o) => CHOICE_STOP.test(o.trim()) || analyseText(o, nlp).entities.length > 0)) return [];
  const named = options.map((o) => {
    const tokens = nlp.nlp.readDoc(o).tokens();
    const words = tokens.out(nlp.its.value) as string[];
    const pos = tokens.out(nlp.its.pos) as string[];
    return words.filter((_, k) => CHOICE_POS.has(pos[k]!)).map((w) => termOfTextWord(w, nlp));
  });
  // Each option's last noun is what it names: "the new c-2s" names c-2s, however often the corpus says "new".
  return named.some((terms) => terms.length === 0) ? [] : named.map((terms) => terms.at(-1)!);
}

/** Two options at the end, after a comma, a dash or a question mark, each perhaps after an article (groups 1 and 2). */
const CHOICE_AT_END = /(?:[,;:?]|\s[—–-]+)\s*(?:(?:was it|is it|were they|are they|maybe|like)\s+)?(?:(?:the|a|an)\s+)?([\p{L}\p{N}][\p{L}\p{N}’'.-]*(?:\s+[\p{L}\p{N}][\p{L}\p{N}’'.-]*)?)\s+or\s+(?:(?:the|a|an)\s+)?([\p{L}\p{N}][\p{L}\p{N}’'.-]*(?:\s+[\p{L}\p{N}][\p{L}\p{N}’'.-]*)?)\s*[?.!]*\s*$/iu;
/** Parts of speech of an option's words that name a thing. */
const CHOICE_POS = new Set(['NOUN', 'PROPN', 'NUM', 'X']);
/** A second option that leaves the choice open: "…or who", "…or something else". */
const OPEN_OPTION = /^(?:who|what|which|something(?: else)?|someone(?: else)?|somebody(?: else)?|anything|whoever|whatever|sth|smth|else)$/i;
/** An option that names no thing: a yes-or-no tag, a quantifier, a vague word ("or not", "either", "something"). */
const CHOICE_STOP = /^(?:not|no|nah|nope|yes|yeah|both|neither|either|none|something|else|what|whatever|anything|anyone|somebody|someone|sth|smth|right|wrong|true|false|more|less|later|sooner|never|ever|so)$/i;

/**
 * A terse question that ends on what it asks for ("nato japan office opening month?", "russian foreign minister name?",
 * "isis kabul attack death toll?"): the topic before it (group 1), an "exact" (group 2), the slot (group 3). At most
 * eight words, and no question word or auxiliary: "what's the name?" is read as it is.
 */
const TERSE_SLOT = /^\W*((?:(?!\b(?:what|who|whom|whose|when|where|which|why|how|is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b)[^?.!,;:\s]+\s+){1,7}?)(exact\s+|actual\s+|precise\s+)?(month|day|date|year|name|death toll|toll|cost|price)\s*\?*\s*$/i;
/** The question a terse one asks, in full ("russian foreign minister name?" → "what is the name of the russian foreign minister?"); others as they are. */
function terseSpelledOut(question: string, nlp: Nlp): string {
  const m = TERSE_SLOT.exec(question);
  if (!m) return question;
  const topic = m[1]!.trim();
  // A statement asked as a question ("japan scrambled jets 390 times last year?", "motegi left on his tour that very
  // day?") or a request ("give me the office opening date") has a verb other than an -ing form; "the year" after
  // "last", "that very", "a" is when or how, not asked.
  const tokens = nlp.nlp.readDoc(topic).tokens();
  const words = tokens.out(nlp.its.normal) as string[];
  const pos = tokens.out(nlp.its.pos) as string[];
  if (pos.some((p, i) => (p === 'VERB' || p === 'AUX') && !/ing$/.test(words[i]!)) || /\b(?:last|next|this|that|very|same|a|an|per)$/i.test(topic)) return question;
  const exact = m[2] ?? '';
  switch (m[3]!.toLowerCase()) {
    case 'month': return `what month ${topic}?`;
    case 'day': case 'date': return `what ${exact}date ${topic}?`;
    case 'year': return `what year ${topic}?`;
    case 'name': return `what is the name of the ${topic}?`;
    case 'cost': case 'price': return `how much did the ${topic} cost?`;
    default: return `how many people died in the ${topic}?`;
  }
}

/**
 * Reads the checks a question implies. `sources`: entity terms of which one suffices, the outlets and authors the
 * question names as sources (see {@link askedSources}) and the topics of texts it asks across (see {@link textsAskedAcross}).
 */
export function answerChecks(asked: string, entities: string[], nlp: Nlp, sources: string[] = []): AnswerChecks {
  const question = terseSpelledOut(asked, nlp);
  const checks: AnswerChecks = {
    entities: entitiesAsGovernment(question, entitiesBesidesLanguages(question, entitiesBesidesSetAside(question, entitiesBesidesExamples(question, entitiesBesidesGuess(question, entitiesOfAnchoredEvent(question, entities, nlp), nlp), nlp), nlp), nlp), nlp).map((e) => ENTITY_PREFIX + e),
    ...(sources.length >= 2 && { anySource: sources }),
    // "That's from 2022, isn't it? When was it put up?": a year guessed for when the article came out is no year it must mention.
    // A year set aside ("not the 1945 date, the pact itself") is no year the answer must mention either.
    // A claim put up for confirmation ("GT says the budget hits 2% starting 2025, yeah?") may have its year wrong: the
    // line that corrects it answers.
    years: intentOf(question) === 'published' ? [] : [...new Set(question.replace(SET_ASIDE, ' ').replace(CLAIM_CONFIRMED, ' ').match(YEAR) ?? [])],
    ordinals: ordinalsAsked(question),
  };
  const count = COUNT.exec(question);
  // "How much does hayashi's speech lean on moscow?", "how much weight do they throw around": a degree, which words answer; no number is asked for.
  if (count && count[1]!.toLowerCase() === 'much' && (MUCH_DEGREE.test(count[2] ?? '') || MUCH_DEGREE_NOUN.test(count[2] ?? ''))) {
    // no count check
  } else if (count) {
    // "how much is the budget in yen": the unit asked for is what the number must count.
    const unit = UNIT_IN.exec(question)?.[1];
    const much = count[1]!.toLowerCase() === 'much';
    // "How many (of them) are actually pilots": the noun after the verb is what is counted.
    const complement = COUNTED_COMPLEMENT.exec(count[2] ?? '')?.[1];
    const afterVerb = complement !== undefined && !much ? countedPhrase(complement, nlp) : [];
    // "How many of its own nationals": the nationals are counted.
    const counted = afterVerb.length > 0 ? complement! : (count[2] ?? '').replace(COUNTED_OWN, '');
    // "Of those 21 meetings, how many were in Russia", "how many of the 21 meetings…": the known total names what is
    // counted, and is itself no answer.
    const known = much ? null : COUNT_OF_KNOWN.exec(question);
    const knownPhrase = known ? countedPhrase(known[2]!, nlp) : [];
    const ownPhrase = afterVerb.length > 0 ? afterVerb : countedPhrase(counted, nlp);
    const phrase = ownPhrase.length > 0 || knownPhrase.length === 0 ? ownPhrase : knownPhrase;
    // "How many times have Abe and Putin met": a count of meetings ("twenty-one meetings", "the 9th meeting").
    const met = !much && /^times?$/i.test(phrase.at(-1) ?? '') && MET.test(counted) ? 'meetings' : undefined;
    const head = unit ?? (much ? undefined : met ?? phrase.at(-1));
    // "How many of them?": what is counted was named before; a list of names counts it as well as a number does.
    const pronoun = COUNTED_PRONOUN.test(counted);
    // "How much trade / aid": a sum of money, wherever the sentence puts it ("$2 billion in bilateral trade").
    const money = much && !unit && MONEY_HEAD.test(phrase.at(-1) ?? '');
    // "How much has trade fallen since…": how far a sum changed, in money, a share or a multiple; and "how much did the
    // botched evacuation end up costing Japan?", "how much does Tokyo spend on…": a sum of money, or a share ("2 percent of GDP").
    const auxiliary = much && !unit && phrase.length === 0;
    const changed = auxiliary ? MONEY_CHANGE.exec(counted) : null;
    const change = changed !== null && changed[1]!.split(/\s+/).some((w) => MONEY_HEAD.test(w));
    const costs = auxiliary && MONEY_SPENT.test(counted);
    // "How many flankers": a glossary form of a thing is counted under any of its names ("four Su-30MKI fighters").
    const thing = unit === undefined && !much ? countedThing(phrase, nlp) : undefined;
    const forms = thing?.forms.filter((f) => !/\s/.test(f));
    // "How many people did Russia poison": what is done to them, the words after the counted phrase (as terms).
    const acts = head === undefined || !COUNTED_PEOPLE.has(termOfWord(head, 'word', nlp)) ? [] : analyseText(counted.split(/\s+/).slice(phrase.length).join(' '), nlp).terms.filter((t) => !t.startsWith(ENTITY_PREFIX));
    // "How many F-2s overall, not just the four going to India": that number is known, another is asked.
    const besides = COUNT_BESIDES.exec(question)?.[1] ?? (knownPhrase.length > 0 ? known![1] : undefined);
    // "How many Afghan nationals": the country the counted phrase names (entity term); a count of another's is no answer.
    const nationality = phrase.length >= 2 ? countriesMeant(phrase.slice(0, -1).join(' '), nlp) : [];
    // Or the subject that holds or sends them: "how many transport planes is Japan's side bringing".
    const holderWords = nationality.length === 0 ? COUNTED_HOLDER.exec(counted.split(/\s+/).slice(phrase.length).join(' '))?.[1] : undefined;
    const holders = holderWords === undefined ? nationality : countriesMeant(holderWords, nlp);
    const of = holders.length === 1 ? holders[0] : undefined;
    checks.count = money ? { measure: 'money' } : change || costs ? { measure: 'change' } : head && !bareCount(head) && !pronoun ? { head: termOfWord(head, 'word', nlp), people: PEOPLE.test(head), ...(forms && forms.length > 0 && { forms }), ...(acts.length > 0 && { acts }), ...(besides !== undefined && { besides: termOfTextWord(besides, nlp) }), ...(of !== undefined && { of }), ...(/\bago\b/i.test(counted) && { ago: true as const }) } : pronoun ? { pronoun: true } : {};
    // "How many are in the Philippines": where the counted are (entity slugs); a line naming it must count them there.
    const where = COUNTED_WHERE.exec(count[2] ?? '');
    const within = where ? analyseText(where[1]!, nlp).entities.filter((e) => ['country', 'place', 'region'].includes(nlp.glossary.entities[e]?.kind ?? '')) : [];
    if (within.length > 0 && checks.count.measure === undefined) checks.count.within = within;
  } else if (DISTANCE_ASK.test(question)) {
    checks.count = { measure: 'distance' };
  } else if (ORDINAL_ASK.test(question)) {
    checks.count = { measure: 'ordinal' };
  } else if (POPULATION_ASK.test(question)) {
    // "What's the population of Iturup?": a number of people, not any number ("At the start of 2018…").
    checks.count = { head: termOfWord('population', 'word', nlp), people: true };
  } else if (NUMBER_ASK.test(question)) {
    checks.count = {};
  } else if (TEMPERATURE_ASK.test(question)) {
    checks.count = { head: termOfWord('degrees', 'word', nlp) };
  }
  // "GT says the budget goes up to 2 percent of GDP. what percent is it at now?": a number the premise before the
  // question gives is known; another is asked for.
  // Not when the question asks to have the number confirmed ("someone said 2 percent. what percent exactly?").
  const stated = checks.count && checks.count.measure === undefined && checks.count.head === undefined && !CONFIRM_NUMBER.test(question) ? premiseNumbers(question, nlp) : [];
  if (stated.length > 0) checks.count!.known = stated;
  for (const pattern of STATEMENT) {
    const m = pattern.exec(question);
    // "Did the protest in Okinawa stop…", "has the reply from Moscow…": a noun after a determiner, not a saying verb.
    // "What was her take": the possessive is whose take, a pronoun for who speaks.
    if (!m || (/^(?:the|a|an|this|that|these|those|its|their|his|her|any|every|each|no)$/i.test(m[1]!.trim()) && !PRONOUN_TAKE.test(m[0]))) continue;
    // "What does Japan's relaxed take on the threat say about…": an attitude or an act "says" what it shows; nobody speaks.
    if (ABSTRACT_SUBJECT.test(subjectHead(m[1]!))) break;
    // "What do the articles say…", "what do these pieces say": the texts themselves, no source named, speak in every line of them.
    if (TEXTS_SUBJECT.test(subjectHead(m[1]!)) && analyseText(m[1]!, nlp).entities.length === 0) break;
    // "The PRC's MFA", "Moscow's MFA spokeswoman": who speaks is after the possessive; the possessor says whose they are
    // (and must still be named, as every entity of the question must).
    const possessive = /^(.*)[’']s\s+(.+)$/.exec(m[1]!);
    // "Tokyo's envoy in Washington": where the envoy sits is no speaker; the words before a preposition are who speaks.
    const ownSpeakers = possessive ? analyseText(possessive[2]!.split(/\s+(?:in|at|to|from|for|of)\s+/i)[0]!, nlp).entities : [];
    const owners = ownSpeakers.length > 0 ? analyseText(possessive![1]!, nlp).entities.map((e) => ENTITY_PREFIX + e) : [];
    // "How did the Abe government respond": a leader named for their government speaks as their country.
    const said = ownSpeakers.length > 0 ? ownSpeakers : analyseText(m[1] ?? '', nlp).entities;
    const governing = entitiesAsGovernment(m[1] ?? '', said, nlp, LEADERS_GOVERNMENT);
    const named = governing.map((e) => ENTITY_PREFIX + e);
    // …and a line need not name the leader, only the country, as for "Abe's cabinet" (see entitiesAsGovernment).
    said.forEach((e, i) => {
      if (governing[i] !== e) checks.entities = [...new Set(checks.entities.map((x) => (x === ENTITY_PREFIX + e ? ENTITY_PREFIX + governing[i]! : x)))];
    });
    // "What did the mtt afghanistan piece say": an article speaks in its outlet's voice; the other names of the phrase
    // say which article it is, not who speaks.
    const sources = TEXT_HEAD.test(subjectHead(m[1]!)) ? named.filter((e) => isOutlet(e.slice(ENTITY_PREFIX.length), nlp)) : [];
    // "mtt's piece drags up the balkans. what do they say…": a pronoun speaks for the one outlet or person named before it.
    const before = PRONOUN_SUBJECT.test(m[1]!.trim()) ? analyseText(question.slice(0, m.indices![1]![0]), nlp).entities.filter((e) => isOutlet(e, nlp) || isPerson(e, nlp)) : [];
    const speakers = sources.length > 0 ? sources : named.length === 0 && before.length === 1 ? [ENTITY_PREFIX + before[0]!] : named;
    // "What does Brown's article say Trump wanted": the article says every line of it, the words it reports too.
    const inText = TEXT_HEAD.test(subjectHead(m[1]!)) && speakers.length > 0;
    // "react to X" is about X; "say to X" is said to X. "Say on Monday" is when, not what about.
    // "the reaction of China to the office": the pattern took the "to"; it belongs to the topic.
    const taken = /\s(?:on|to|toward|towards|about)$/i.exec(m[0])?.[0] ?? '';
    const rest = taken + question.slice(m.index + m[0].length);
    const about = (/\b(?:react|respon|repl|object)\w*/i.test(m[0]) ? ABOUT : ABOUT_NOT_TO).exec(rest);
    // "…about Japan in Brown's article", "…about Japan, according to MTT": where it was said is not what about.
    const topicText = about?.[1]!.replace(SOURCE_TAIL, '');
    const topic = topicText && !WHEN_WORDS.test(topicText) ? analyseText(topicText, nlp).terms.filter((t) => !t.startsWith('!')) : [];
    // A speaker the glossary does not know, but the world list does ("Australia"): named by its forms.
    const worldSpeakers = speakers.length > 0 ? [] : worldEntitiesNamed(possessive ? possessive[2]! : m[1] ?? '').filter((w) => !(w.slug in nlp.glossary.entities)).map((w) => w.forms);
    const phrase = possessive ? possessive[2]! : m[1] ?? '';
    const names = speakers.length > 0 || worldSpeakers.length > 0 ? [] : speakerNames(phrase, m.index + m[0].indexOf(phrase) > 0);
    // "The american ambassador to japan": whose title holder speaks (one country before the title), not where he is posted.
    // "Uncle Sam's ambassador in Tokyo": the same, the country before the "'s".
    const titled = possessive ? OWN_TITLE.exec(possessive[2]!) : SPEAKER_TITLE.exec(phrase);
    const titleCountries = titled ? countriesNamed(possessive ? possessive[1]! : titled[1]!, nlp) : [];
    const titleOf = titleCountries.length === 1 ? { country: titleCountries[0]!, title: termOfWord(titled![2]!.toLowerCase(), 'word', nlp) } : undefined;
    checks.statement = { speakers, ...(owners.length > 0 && { owners }), ...(topic.length > 0 && { about: topic }), ...(worldSpeakers.length > 0 && { worldSpeakers }), ...(names.length > 0 && { names }), ...(titleOf && { titleOf }), ...(inText && { inText: true as const }) };
    break;
  }
  if (intentOf(question) === 'reason') checks.reason = true;
  if (OUTCOME.test(question)) checks.outcome = true;
  else if (OUTCOME_WHETHER.test(question)) checks.outcome = 'whether';
  for (const { act, asked } of REPORTED_ACTS) if (asked.test(question)) checks[act] = true;
  // "What phrase does MTT / Brown / the article use…": a writer's own words, which they need not quote.
  const phraseOf = checks.phrase ? PHRASE_ASKED.exec(question)![1]! : undefined;
  if (phraseOf !== undefined && (TEXT_HEAD_ANYWHERE.test(phraseOf) || analyseText(phraseOf, nlp).entities.some((e) => isOutlet(e, nlp) || sources.includes(ENTITY_PREFIX + e)))) delete checks.phrase;
  if (AGREEMENT_ASKED.test(question)) checks.agreement = true;
  if (SUCCESSION_ASKED.test(question)) checks.succession = true;
  if (WHICH_MONTH.test(question)) checks.time = 'month';
  else if (WHICH_DAY.test(question)) checks.time = 'day';
  else if (WHICH_DATE.test(question) || LATE_WHICH_YEAR.test(question)) checks.time = 'date';
  else if (WHEN_ASKED.test(question) || HOW_LONG_AGO.test(question)) checks.time = 'any';
  // "How long after X did Y", "how long… since what year?": a date answers those, worked out.
  else if (HOW_LONG.test(question) && !/\b(?:what|which) (?:year|date)\b/i.test(question)) checks.time = 'span';
  if (checks.time !== undefined && AHEAD_ASKED.test(question)) checks.ahead = true;
  const partOf = partOfPlace(question, nlp);
  if (partOf.entities.length > 0) {
    checks.place = true;
    checks.within = partOf.entities;
    checks.withinName = partOf.name;
  } else if (WHERE.test(question)) {
    checks.place = true;
    const asked = WHERE.exec(question)![0];
    if (LOCAL_ASKED.test(asked)) checks.local = true;
    const facility = FACILITY.exec(question)?.[1]?.toLowerCase().replace(/s$/, '');
    if (facility) checks.facility = /air/.test(facility) ? 'airport' : facility === 'seaport' || facility.startsWith('harbo') ? 'port' : (facility as Facility);
    // "Where in Japan…", or "which city … in Japan" (a city asked for, then where it lies).
    const within = WHERE_IN.exec(question) ?? (checks.local ? IN_PLACE.exec(question.slice(asked.length)) : null);
    const inside = within ? placesNamed(within[1]!, nlp) : [];
    // "Which Japanese city": the country before the place noun is where it lies.
    // Not the lead-in before the question proper ("if japan joined cpec, which city…").
    const adjective = checks.local && inside.length === 0 ? countriesNamed(asked.replace(OPENER_RE, '').replace(LOCAL_ASKED, ''), nlp) : [];
    if (adjective.length === 1) checks.within = adjective;
    if (inside.length > 0) {
      checks.within = inside;
      // "Where in Tokyo will…": the place's own words, not the verb the two-word group took with it.
      const first = within![1]!.split(/\s+/)[0]!;
      checks.withinName = (placesNamed(first, nlp).length > 0 ? first : within![1]!).toLowerCase();
    }
  }
  const memberMatch = WHICH_MEMBER.exec(question);
  const member = memberMatch?.[1] ?? memberMatch?.[2];
  const ofOrganisation = member !== undefined && analyseText(member, nlp).entities.some((e) => nlp.glossary.entities[e]?.kind === 'organisation');
  const whichCountry = WHICH_COUNTRY.exec(question);
  if (whichCountry || ofOrganisation) {
    const named = new Set([...entities.filter((e) => nlp.glossary.entities[e]?.kind === 'country'), ...worldEntitiesNamed(question).filter((w) => w.kind === 'country').map((w) => w.slug)]);
    // "Which country, China or Russia, …": the countries offered as choices are answers, not set aside.
    const choices = /\bor\b/i.test(question) && named.size >= 2;
    // "Which countries was Motegi visiting": the country of a person asked about is his own, no answer either.
    const own = nlp.glossary.people.filter((p) => p.nationality !== undefined && entities.includes(personSlug(p.name))).map((p) => p.nationality!);
    checks.country = choices ? [] : [...new Set([...named, ...own])];
    // "Apart from the US, which countries…", "which countries do they list": more than the one named, or all of them.
    if (whichCountry && /(?:countries|nations|states)$/i.test(whichCountry[0]) && !choices) {
      checks.countriesAsked = true;
      if (COUNTRIES_MANY.test(question)) checks.countries = true;
    }
    // "Which Central Asian country": a region whose countries the glossary knows, named in the words that ask for the country.
    const regions = whichCountry ? placesNamed(whichCountry[0], nlp).map((e) => e.slice(ENTITY_PREFIX.length)).filter((e) => nlp.glossary.entities[e]?.kind === 'region' && Object.values(nlp.glossary.entities).some((x) => x.kind === 'country' && x.partOf?.includes(e))) : [];
    if (regions.length === 1) checks.countryIn = regions[0]!;
  }
  const which = whichKind(question, nlp);
  if (which) checks.which = which;
  // A place's holder asked for: a place or a region the question names, not a country or an organisation ("who runs NATO" asks for a person).
  const period = CONTROL_PERIOD_ASKED.exec(question);
  // "When did Russia hold the drills" holds an event: only a place held is asked about.
  const isPlace = (e: string) => ['place', 'region'].includes(nlp.glossary.entities[e]?.kind ?? '');
  const heldPlace = period !== null && (LAND_WORDS.test(period[1]!) || analyseText(period[1]!, nlp).entities.some(isPlace));
  if ((CONTROL_ASKED.test(question) || heldPlace) && entities.some(isPlace)) checks.control = true;
  const firm = FIRMS_ASKED.find(([asked]) => asked.test(question));
  if (firm) checks.firm = firm[1];
  const name = NAME_ASKED.exec(question);
  const thing = name ? namedThing(question.slice(name.index + name[0].length), nlp) : undefined;
  // A person's name is asked by the title and person checks ("what's the name of japan's defence minister").
  if (thing !== undefined && !PEOPLE.test(thing) && !NATIONAL_PERSON_WORD.test(thing) && !NAMED_PERSON.test(thing)) {
    checks.name = { head: termOfWord(thing, 'word', nlp), asked: [...question.matchAll(WORD)].map((w) => w[0].toLowerCase()) };
  }
  const acronym = EXPANSION_ASKED.exec(question);
  const letters = acronym ? (acronym[1] ?? acronym[2])!.replace(/[.&]/g, '') : '';
  if (letters.length >= 2 && letters.length <= 8) checks.expansion = letters.toUpperCase();
  const list = LIST.exec(question);
  if (list) checks.list = Number(list[1]) || NUMBER_WORDS.indexOf(list[1]!.toLowerCase()) + 2;
  if (LEADER.test(question)) checks.person = checks.leader = true;
  // "Which Japanese official will chair…": a person asked for by a word with no title of its own; a line must name one.
  const official = OFFICIAL_ASKED.test(question);
  if (official || WHO_PEOPLE.test(question)) checks.person = true;
  // "Which prime minister…, compared with Kishida?": Kishida is named, but not the one asked for.
  const compared = peopleComparedWith(question, nlp);
  if (compared.length > 0) {
    checks.entities = checks.entities.filter((e) => !compared.includes(e.slice(ENTITY_PREFIX.length)));
    checks.peopleBesides = compared.map((e) => ENTITY_PREFIX + e);
  }
  const careerBefore = CAREER_BEFORE.test(question);
  if (JOB_ASKED.test(question) || careerBefore) {
    const people = entities.filter((e) => isPerson(e, nlp)).map((e) => ENTITY_PREFIX + e);
    if (people.length > 0) checks.job = people;
    // "Tomita, japan's ambassador in the US — what job did he have before that?": the title the question gives is the
    // one he has now; an earlier one is asked.
    const given = careerBefore || EARLIER_JOB.test(question) ? titlesIn(question) : [];
    if (people.length > 0 && given.length > 0) checks.jobBesides = given;
  }
  if (FULL_NAME_ASKED.test(question)) {
    const names = nlp.glossary.people.filter((p) => entities.includes(personSlug(p.name))).map((p) => p.name);
    if (names.length > 0) checks.fullName = names;
  }
  // "The Norwegian secretary-general": the country is whose the person is, not a place the sentence must name.
  const nationals = entities.filter((e) => nlp.glossary.entities[e]?.kind === 'country' && nlp.glossary.entities[e]!.forms.some((form) => new RegExp(String.raw`\b${escapeRegExp(form)}(?:[’']s)?\s+${NATIONAL_PERSON}`, 'i').test(question)));
  if (nationals.length > 0) checks.nationals = nationals.map((e) => ENTITY_PREFIX + e);
  // "Which Japanese official": the person named must be Japanese, when the glossary knows whose they are.
  if (nationals.length > 0 && official) checks.personOf = nationals.map((e) => ENTITY_PREFIX + e);
  // "Which ministers sit in on the 2+2 talks": titles in the plural are answered by the posts ("the countries' foreign
  // and defense ministers") as well as by people; their names, when asked for ("the names of the five ministers"), by people.
  const role = ROLE.exec(question);
  if (role && !(/s$/i.test(role[0]) && !/\bnames?\b/i.test(role[0]))) {
    // The word before the title, when it is part of the title ("defence minister", "prime minister"), not a name ("Japanese minister").
    const before = /([a-z]+)\s+$/i.exec(question.slice(0, role.index + role[0].lastIndexOf(role[1]!)))?.[1]?.toLowerCase();
    const modifier = before && TITLE_MODIFIER.test(before) ? termOfWord(before, 'word', nlp) : undefined;
    checks.role = [termOfWord(role[1]!.toLowerCase(), 'word', nlp), ...(modifier ? [modifier] : [])];
    // "Which Chinese ambassador", "who is Japan's envoy": one country named before the title is whose holder is asked.
    const owners = countriesNamed(question.slice(role.index, role.index + role[0].lastIndexOf(role[1]!)), nlp);
    if (owners.length === 1) checks.roleOf = owners[0];
    const posting = POSTED_TO.exec(question.slice(role.index + role[0].length));
    const place = posting?.[1]?.trim();
    if (place) {
      // "to the us": a short name typed in lower case is the abbreviation ("US", "UN", "EU"), as chat writes it.
      const named = analyseText(place, nlp).entities;
      const entities = named.length > 0 || place.length > 3 ? named : analyseText(place.toUpperCase(), nlp).entities;
      checks.roleTo = { entities: entities.map((e) => ENTITY_PREFIX + e), words: place.toLowerCase() };
    }
  }
  return checks;
}

/** The checks by name: what {@link AnswerChecker.failure} reports. */
/**
 * `author` / `published` / `title`: a "who wrote" / "when was it published" / "what is the headline" question whose
 * article has no byline / dateline / title line (set by the engine, not a check here).
 */
export type CheckName = 'choice' | 'count' | 'statement' | 'reason' | 'apology' | 'retraction' | 'accession' | 'institution' | 'vote' | 'poll' | 'phrase' | 'expansion' | 'outcome' | 'agreement' | 'succession' | 'facility' | 'time' | 'place' | 'country' | 'list' | 'which' | 'name' | 'control' | 'firm' | 'role' | 'person' | 'entities' | 'years' | 'ordinal' | 'author' | 'published' | 'title';

/** True when the question implies any check. */
export function hasChecks(c: AnswerChecks): boolean {
  return c.choice !== undefined || c.count !== undefined || c.statement !== undefined || c.outcome === true || c.reason === true || REPORTED_ACTS.some(({ act }) => c[act] === true) || c.agreement === true || c.succession === true || c.time !== undefined || c.place === true || c.country !== undefined || c.list !== undefined || c.which !== undefined || c.name !== undefined || c.expansion !== undefined || c.control === true || c.firm !== undefined || c.role !== undefined || c.person === true || c.entities.length > 0 || c.years.length > 0 || c.ordinals.length > 0;
}

/** A cardinal in running text: digits that are not a year, a day of a month or part of a model name ("F-35"), or a number word. */
const CARDINAL = new RegExp(
  String.raw`\b(?<!(?:${MONTH_NAMES}) )(?<![A-Za-z]-)(?!(?:${YEAR_DIGITS})\b)\d[\d,.]*(?:st|nd|rd|th)?\b(?! (?:${MONTH_NAMES})\b)` +
    String.raw`|\b(${HYPHENATED_NUMBER}|${NUMBER_WORD_ALTERNATION}|twice|double[ds]?|tripled?|percent|per cent|half|third|thirds|quarter|quarters)\b|%`,
  'i',
);

/** Small words a long form leaves out of its acronym ("Shanghai Cooperation Organisation", "Ministry of Defence"). */
const ACRONYM_SKIPS = /^(?:of|and|the|for|on|in|de|du|la|&)$/i;

/**
 * The text uses the acronym (a word of its letters, any case) with no long form beside it: no run of capitalised words
 * whose initials spell it ("National Security Strategy (NSS)", "Japanese Air Self Defence Force"), nor a name just
 * before it in brackets whose initials give every letter it has ("Islamic State (ISIS)"; not "CHINA-Pakistan (CPEC)").
 */
function usesUnexpanded(text: string, acronym: string): boolean {
  const used = new RegExp(`(?<![\\p{L}\\p{N}])${acronym}(?![\\p{L}\\p{N}])`, 'iu');
  if (!used.test(text)) return false;
  const parts = text.split(/[\s\-–—/]+/).map((w) => w.replace(/^[^\p{L}\p{N}&]+|[^\p{L}\p{N}&]+$/gu, '')).filter((w) => w !== '');
  const initials: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const w = parts[i]!;
    if (w.toUpperCase() === acronym && i > 0) {
      const before = initials.join('');
      // In brackets right after a name: the name's initials hold every letter of the acronym.
      if (before.length >= 2 && [...new Set(acronym)].every((c) => before.includes(c))) return false;
    }
    if (ACRONYM_SKIPS.test(w) && initials.length > 0) continue;
    // A word in lower case ends the run of capitalised words.
    if (!/^\p{Lu}/u.test(w)) {
      initials.length = 0;
      continue;
    }
    initials.push(w[0]!.toUpperCase());
    if (initials.join('').endsWith(acronym)) return false;
  }
  return true;
}

/** A whole word that is a number: digits, or a number word ("five", "twenty-one"), as the first part of "five-point". */
const CARDINAL_WORD = new RegExp(String.raw`^(?:\d[\d,.]*|(?:${NUMBER_WORD_ALTERNATION})(?:-(?:${NUMBER_WORD_ALTERNATION}))?)$`, 'i');
/** {@link CARDINAL}, every match. */
const CARDINALS = new RegExp(CARDINAL.source, 'gi');
/** How many words may stand between a count and the counted word. */
const COUNT_GAP = 4;
/** The question asks to have a number confirmed, not another one: "what percent exactly?", "is that correct?". */
const CONFIRM_NUMBER = /\b(?:exactly|precisely|exact|precise|confirm|correct|true)\b/i;
/** A statement before the question, up to the last full stop or dash before it: "GT says … 2 percent of GDP. what percent…". */
const PREMISE = /^(.*(?:[^\s.?!]{2}[.!]|\s[—–-]+))\s+[^.!?—–]+\?*\s*$/su;

/** A unit of time right after a number: "three months later", "two-year": a span, not a count. */
const NOT_A_COUNT_AFTER = /^[\s-]+(?:years?|months?|weeks?|days?|hours?|decades?|centuries)\b/i;

/** The numbers (terms) a premise before the question states, which the answer is not. */
function premiseNumbers(question: string, nlp: Nlp): string[] {
  const premise = PREMISE.exec(question)?.[1];
  return premise === undefined ? [] : [...new Set([...premise.matchAll(CARDINALS)].map((m) => termOfTextWord(m[0], nlp)))];
}

/** Verbs of meeting, used of two sides meeting: "how many times have they met / met face to face / held talks / sat down" (not "meet russian aircraft"). */
const MET = /\b(?:met|meet)(?=\s*(?:[?.!,]|$)|\s+(?:face to face|in person|each other|one another|so far|since|before|up|with|at|in)\b)|\b(?:held|hold|had) talks\b|\b(?:sat|sit) down\b/i;

/** A total the question gives before asking how many of it: "of (those) 21 meetings, how many", "how many of the 21 meetings". */
const COUNT_OF_KNOWN = new RegExp(String.raw`\b(?:of|out of|among)\s+(?:the\s+|those\s+|these\s+|all\s+|its\s+|their\s+)?(\d[\d,]*|${HYPHENATED_NUMBER}|${NUMBER_WORD_ALTERNATION})\s+([^?.!,;]+)`, 'i');
/** A number the question already knows and sets aside (group 1): "not just the four going to India", "other than the 150 personnel". */
const COUNT_BESIDES = new RegExp(String.raw`\b(?:not just|not only|other than|besides|apart from|aside from|except(?: for)?|excluding|on top of|in addition to|beyond)\s+(?:the\s+)?(\d[\d,]*|${HYPHENATED_NUMBER}|${NUMBER_WORD_ALTERNATION})\b`, 'i');
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.,-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;
/** {@link SAID} without quotation marks, every match: the words that name a speaker beside them. */
const SAID_ALL = new RegExp(SAID.source.replace('[“”"«»]|', ''), 'gi');
/** Verbs of saying or reacting that take an object: the name after them is spoken of, not speaking. */
const TAKES_OBJECT = /^(?:critici[sz]\w*|accus\w*|condemn\w*|warn\w*|slam\w*|blast\w*|call(?:ed|s|ing)|label+(?:ed|s)?|describ\w*|urg(?:ed|es)|prais\w*|hail\w*|welcom\w*|reject\w*|oppos\w*|told|tells?|den(?:ied|ies|y)|greet\w*)$/i;
/** The first verb of saying in a text: what comes before it is the clause's speaker. */
const SAYING_VERB = new RegExp(String.raw`\b(?:says?|said|told|stated|announced|declared|warned|accused|critici[sz]ed|condemned|called|claimed|argued|noted|added|continued${NOT_TOLD}|stressed|insisted|urged|confirmed|denied|reacted|responded|replied|welcomed|slammed|blasted|asserted|remarked|praised|hailed|expressed|voiced|greeted)\b`, 'i');
/** A pronoun reports the words, after a quotation ("…,” he added", "…,” said she") or before the saying verb ("She said…"). */
const PRONOUN_SAYS = new RegExp(String.raw`[”"’],?\s+(?:(?:he|she|they)\s+${SAYING_VERB.source}|${SAYING_VERB.source}\s+(?:he|she|they)\b)|^(?:he|she|they)\s+${SAYING_VERB.source}`, 'i');
/** The position lies inside a quotation: after an opening curly quote (double or single) not yet closed, or after an odd number of straight ones. */
function insideQuotation(text: string, at: number): boolean {
  const before = text.slice(0, at);
  if (before.lastIndexOf('“') > before.lastIndexOf('”') || (before.match(/"/g)?.length ?? 0) % 2 === 1) return true;
  // ‘…’: the closing mark is also the apostrophe, which a letter follows ("Japan’s"). An opening mark before a
  // letter, not closed before the word but closed after it ("‘…warned against’"); "the ‘90s" opens nothing.
  const open = before.lastIndexOf('‘');
  if (open < 0 || !/^\p{L}/u.test(text.slice(open + 1)) || /’(?!\p{L})/u.test(before.slice(open + 1))) return false;
  return /’(?!\p{L})/u.test(text.slice(at));
}

/** Where a clause ends, for finding who a saying word belongs to. */
const CLAUSE_BREAK = /[,;:—–]|\s-\s/;
/** A speaker named just after the saying word: "said Foreign Minister Hayashi", "criticised by Beijing" (not "said the terminal ..."). */
const SAYER_AFTER = /^\s+(?:(?:by|to|in|from|of|among)\s+)?(?:\p{Lu}[\p{L}’'.-]*\s*)+/u;
/** A form of "be" right before a word (an adverb between allowed): that word is passive ("was declared", "is often described"). */
const PASSIVE_BE = /\b(?:am|is|are|was|were|be|been|being)\s+(?:\p{L}+ly\s+)?$/iu;
/** The agent of a passive, after "by" in the same clause as the saying word (group 1): no comma or "and" between them. */
const PASSIVE_AGENT = /^(?:(?!\b(?:and|but|while|whereas)\b)[^.;!?,])*?\bby\s+([^.;!?]*)/i;

/** A speaker the question cannot have named: a saying word whose speaker is not an entity. */
const NOBODY = '@ nobody';
/** Quotation marks, any kind. */
const QUOTE_MARK = /[“”"«»]/g;
/** How many quotation marks the text holds. */
const quoteMarks = (text: string) => text.match(QUOTE_MARK)?.length ?? 0;
/** Words said, quoted: three words or more between quotation marks (not scare quotes around a name or term). */
const QUOTATION = /[“"«][^“”"«»]*?\S+\s+\S+\s+\S+[^“”"«»]*?[”"»]/;

/** Entities that a document is about: named in its header, or in at least this share of its sentences. */
const TOPIC_SHARE = 0.15;

/** Checks sentences against a question's {@link AnswerChecks}. Derived once per index, in one pass over its terms. */
export class AnswerChecker {
  /** Per document: entity term ids it is about. */
  private readonly topics: Array<Set<number>>;
  /** Per document: entity term ids it names anywhere (a byline or dateline answers for its whole article). */
  private readonly docEntities: Array<Set<number>>;
  /** Per document: year term ids it mentions. */
  private readonly years: Array<Set<number>>;
  /** Per document: the years of an era it names by name ("World War II": 1939 to 1945), as digits. */
  private readonly eraYears: Array<Set<string>>;
  /** Per sentence that says one: the years it says relative to its article's date ("last year" in a 2023 article: 2022), as digits. */
  private readonly relativeYears = new Map<number, Set<string>>();
  /** Per document: the ordinals (second or later) its text mentions. */
  private readonly ordinals: Array<Set<number>>;
  /** Per document: the people its byline names. */
  private readonly authors: Array<Set<number>>;
  /** Entity term ids of the glossary's people. */
  private readonly people: Set<number>;
  /** Per sentence: who it says speaks (a sentence's speakers do not depend on the question; filled on demand). */
  private readonly sayerCache = new Map<number, Set<string>>();
  /** Person entity (as analyseText names it) → the entities they speak for, from the glossary. */
  private readonly speaksFor: ReadonlyMap<string, readonly string[]>;
  /** Country (entity term) → the people of it (entity terms), from the glossary's `nationality`. */
  private readonly nationals = new Map<string, string[]>();
  /** Each person's country (entity term), by the person's term id, where the glossary gives it. */
  private readonly nationalityOf = new Map<number, string>();
  /** The last ranking read by {@link announcing}, and what it gave. */
  private announced: { ranked: ReadonlyArray<{ sentence: number; score: number }>; docs: Set<number> } | undefined;
  /** Per title (its term ids joined): the people named in a sentence with that title (filled on demand). */
  private readonly titled = new Map<string, Set<number>>();
  /** Paragraphs (document and paragraph, as `doc:paragraph`) whose quotation marks do not pair up (filled on demand). */
  private unpaired: Set<string> | undefined;
  /** Terms of the titles a role question asks for ({@link TITLE_WORDS}): the synonyms of a title that are titles too. */
  private readonly titleTerms: Set<string>;
  /** The terms of {@link OCCURRENCE_WORDS}: counted events that an ordinal counts. */
  private readonly occurrenceTerms: Set<string>;
  /** The terms of {@link MEETING_WORDS}. */
  private readonly meetingTerms: Set<string>;

  constructor(
    private readonly index: SearchIndex,
    private readonly nlp: Nlp,
  ) {
    const { data } = index;
    this.titleTerms = new Set(TITLE_WORDS.map((w) => termOfWord(w, 'word', nlp)));
    this.occurrenceTerms = new Set(OCCURRENCE_WORDS.map((w) => termOfWord(w, 'word', nlp)));
    this.meetingTerms = new Set(MEETING_WORDS.map((w) => termOfWord(w, 'word', nlp)));
    this.speaksFor = new Map(nlp.glossary.people.flatMap((p) => (p.speaksFor ? [[personSlug(p.name), p.speaksFor] as const] : [])));
    for (const p of nlp.glossary.people) {
      if (p.nationality === undefined) continue;
      this.nationals.set(ENTITY_PREFIX + p.nationality, [...(this.nationals.get(ENTITY_PREFIX + p.nationality) ?? []), ENTITY_PREFIX + personSlug(p.name)]);
      const id = index.termId.get(ENTITY_PREFIX + personSlug(p.name));
      if (id !== undefined) this.nationalityOf.set(id, ENTITY_PREFIX + p.nationality);
    }
    const kind = new Uint8Array(data.vocab.length);
    const year = new RegExp(`^(${YEAR_DIGITS})$`);
    data.vocab.forEach((term, t) => (kind[t] = term.startsWith(ENTITY_PREFIX) ? 1 : year.test(term) ? 2 : 0));
    const lastSentence = new Int32Array(data.vocab.length).fill(-1);
    const entityCount = data.documents.map(() => new Map<number, number>());
    const sentenceCount = new Int32Array(data.documents.length);
    this.years = data.documents.map(() => new Set<number>());
    this.ordinals = data.documents.map(() => new Set<number>());
    this.eraYears = data.documents.map(() => new Set<string>());
    for (let s = 0; s < index.size; s++) {
      const d = index.docOf[s]!;
      if (d < 0) continue;
      // What an article is about is read from its lines that name something: a bare label ("Leave a Comment") is no sentence of it.
      if (index.kindOf[s] !== KIND.page || data.sentenceTerms[s]!.some((t) => data.vocab[t]!.startsWith(ENTITY_PREFIX))) sentenceCount[d]!++;
      for (const n of ordinalsIn(data.sentences[s]!.text)) this.ordinals[d]!.add(n);
      for (const [era, from, to] of ERAS) if (era.test(data.sentences[s]!.text)) for (let y = from; y <= to; y++) this.eraYears[d]!.add(String(y));
      const dated = Number(data.documents[d]!.meta.date?.slice(0, 4));
      for (const [said, offset] of dated > 0 ? RELATIVE_YEARS : []) {
        if (said.test(data.sentences[s]!.text)) this.relativeYears.set(s, (this.relativeYears.get(s) ?? new Set<string>()).add(String(dated + offset)));
      }
      for (const t of data.sentenceTerms[s]!) {
        if (kind[t] === 0 || lastSentence[t] === s) continue;
        lastSentence[t] = s;
        if (kind[t] === 1) entityCount[d]!.set(t, (entityCount[d]!.get(t) ?? 0) + 1);
        else this.years[d]!.add(t);
      }
    }
    this.docEntities = entityCount.map((counts) => new Set(counts.keys()));
    this.topics = data.documents.map((_, d) => {
      const out = new Set<number>();
      for (const [t, n] of entityCount[d]!) if (n >= TOPIC_SHARE * sentenceCount[d]!) out.add(t);
      for (const t of data.headerTerms[d] ?? []) if (kind[t] === 1) out.add(t);
      return out;
    });
    this.people = new Set(nlp.glossary.people.flatMap((p) => this.index.termId.get(ENTITY_PREFIX + personSlug(p.name)) ?? []));
    // A byline names the outlet or author: what "the MTT piece" refers to.
    this.authors = data.documents.map(() => new Set<number>());
    for (const b of index.bylines) {
      for (const t of data.sentenceTerms[b]!) {
        if (kind[t] !== 1) continue;
        this.topics[index.docOf[b]!]?.add(t);
        if (this.people.has(t)) this.authors[index.docOf[b]!]?.add(t);
      }
    }
  }

  /**
   * The sentence passes the checks but answers less than the question asks: "which countries…" (plural) answered by a
   * line that names one other country ("apart from the US, which countries…": "closer ties with Russia" against
   * "defense ties with Australia, India, and some European powers"). It keeps its place only when nothing fuller is near.
   */
  weaker(sentence: number, checks: AnswerChecks): boolean {
    return checks.countries === true && this.countriesBesides(sentence, this.index.data.sentences[sentence]!.text, checks.country ?? []).size < 2;
  }

  /**
   * The first check a sentence fails, or undefined when it passes them all. `ranked`
   * (best first) tells whether the sentence's document announces the event an outcome
   * question asks about: a strong sentence of it speaks of the event as still to come.
   */
  failure(sentence: number, checks: AnswerChecks, ranked: ReadonlyArray<{ sentence: number; score: number }> = []): CheckName | undefined {
    const { index } = this;
    const text = index.data.sentences[sentence]!.text;
    if (checks.choice && ![...text.matchAll(WORD)].some((w) => checks.choice!.includes(termOfTextWord(w[0], this.nlp)))) return 'choice';
    const doc = index.docOf[sentence]!;
    if (checks.count) {
      const { head, people } = checks.count;
      // "How many years did Japan control the Kurils?", "how many days will the drills last?": a date answers
      // ("until 1945", "from January 16 to 26"): the count is worked out from it.
      // Not a date relative to the article ("last week"), from which nothing is worked out, unless the question asks how
      // long ago ("how many days ago did Nikkei break the story": "announced days ago").
      const dated = head !== undefined && TIME_UNIT.test(head) && (index.flagsOf[sentence]! & FLAG.date) !== 0 && (checks.count.ago === true || CALENDAR_SAID.test(text));
      // "How many authors…": a byline's names are its count, one or more.
      const credited = index.kindOf[sentence] === KIND.byline && head !== undefined && WRITERS.has(head);
      const { measure } = checks.count;
      const known = checks.count.known;
      // With a premise's numbers known, a span of time ("three months later") or "one of" counts nothing asked either.
      const anyNumber = known === undefined ? CARDINAL.test(text) : [...text.matchAll(CARDINALS)].some((m) => !known.includes(termOfTextWord(m[0], this.nlp)) && !NOT_A_COUNT_AFTER.test(text.slice(m.index + m[0].length)) && !(/^one$/i.test(m[0]) && /^[\s-]+(?:of|person)\b/i.test(text.slice(m.index + 3))));
      const counted = measure ? MEASURED[measure].test(text) : dated || credited || (head === undefined ? anyNumber : this.counts(text, head, people === true, checks.count.forms, checks.count.besides, checks.count.of));
      if (counted && checks.count.within !== undefined && !this.countedWithin(text, checks.count.within)) return 'count';
      // "How many of them?": a list of names ("Patrushev and Gerasimov") is two or more of them.
      const listed = checks.count.pronoun === true && text.search(NAME_LIST) >= 0;
      if (!counted && !listed && !(head !== undefined && this.enumerates(text, head, checks.count.acts))) return 'count';
    }
    const header = index.kindOf[sentence] === KIND.byline || index.kindOf[sentence] === KIND.dateline;
    // A byline or a dateline says nothing.
    if (checks.statement && header) return 'statement';
    // "What has the american ambassador to japan said": not "The Japanese ambassador to America… said".
    const titleOf = checks.statement?.titleOf;
    if (titleOf !== undefined) {
      const owners = this.titleOwners(text, [titleOf.title]);
      if (owners.size > 0 && !owners.has(titleOf.country)) return 'statement';
    }
    if (checks.statement) {
      const comment = index.kindOf[sentence] === KIND.comment;
      // An odd mark continues a quotation from the sentence before or into the next, unless its whole paragraph's
      // marks do not pair up: then it is a stray of the page dump ("…the very principles it purports to uphold.\"").
      const quoted = QUOTATION.test(text) || (quoteMarks(text) % 2 === 1 && !this.unpairedParagraph(sentence));
      // A reader's comment speaks for the readers and people it names, not for a country it names ("…surrounded by
      // hostile countries, China, Russia, North Korea…" is no word of North Korea's): a country speaks there as elsewhere.
      const sayers = comment && !checks.statement.speakers.some((e) => this.kindOfEntity(e) === 'country') ? undefined : this.sayersOf(sentence, text);
      // "What does MTT say…", "what does Brown say…": the article's outlet or author speaks in its own lines, those that
      // report nobody's words (no saying word, no quotation); the rest of this check does not apply to them.
      const silent = sayers?.size === 0 && !quoted;
      // "Did Brown and the Global Times say…": sources asked across speak each in their own article; one of them is enough.
      const { speakers } = checks.statement;
      const eitherSpeaks = speakers.length > 1 && speakers.every((e) => checks.anySource?.includes(e));
      // "What does Brown's article say…": any line of the article, whoever's words it reports.
      const ownVoice = (silent || checks.statement.inText === true) && (eitherSpeaks ? speakers.some((e) => this.articleSpeaks(doc, [e])) : this.articleSpeaks(doc, speakers));
      if (silent && !ownVoice) return 'statement';
      // The speaker says it: named beside a saying word, or anywhere in a reader's comment or in a
      // quotation with no saying word; or named in the sentence before when this one goes on from it ("He added").
      // "“…,” he added": a pronoun speaks, who the sentence before names.
      const before = ((index.flagsOf[sentence]! & FLAG.anaphor) !== 0 || PRONOUN_SAYS.test(text)) && index.docOf[sentence - 1] === doc;
      // With no saying word outside a quotation, whoever the sentence names speaks, and so do those they speak for ("“He (Motegi) said…”": Japan).
      // "Putin met Xi Jinping…, and the Chinese leader hailed…": a country's leader, by title, beside the saying verb is
      // the person the sentence names who speaks for that country ("Russia announced" is no word of Putin's).
      const speaksAs = (e: string) => TITLED_LEADER.test(text) && this.has(sentence, e) && (this.speaksFor.get(e.slice(ENTITY_PREFIX.length)) ?? []).some((c) => sayers!.has(ENTITY_PREFIX + c));
      const says = (e: string) => ownVoice || (sayers && sayers.size > 0 ? sayers.has(e) || speaksAs(e) : this.has(sentence, e) || this.namesSpeakerFor(sentence, e));
      // "…nervousness in Beijing. “Asia…,” the Foreign Ministry said": a ministry named with no country and no person
      // speaks for the country the sentence before names, in the same paragraph.
      const ministry = sayers !== undefined && [...sayers].some((x) => MINISTRY.test(x) && this.has(sentence, x)) && (index.flagsOf[sentence]! & FLAG.person) === 0 && index.paragraphOf[sentence - 1] === index.paragraphOf[sentence] && index.docOf[sentence - 1] === doc;
      const bareMinistryOf = (e: string) => ministry && this.nlp.glossary.entities[e.slice(ENTITY_PREFIX.length)]?.kind === 'country' && !this.namesKind(sentence, ['country']) && this.has(sentence - 1, e);
      const silentSpeaker = (e: string) => !says(e) && !bareMinistryOf(e) && !(before && this.has(sentence - 1, e) && !this.onlyAsPlace(index.data.sentences[sentence - 1]!.text, e));
      if (eitherSpeaks ? speakers.every(silentSpeaker) : speakers.some(silentSpeaker)) return 'statement';
      if (checks.statement.worldSpeakers && !ownVoice) {
        const spaced = spacedWords(text.toLowerCase());
        if (checks.statement.worldSpeakers.some((forms) => !forms.some((f) => spaced.includes(` ${f.toLowerCase()} `)))) return 'statement';
      }
      // Whose speaker ("Moscow's MFA"): they speak, or nobody of another country does ("the Japanese MFA said" is not Moscow's).
      for (const owner of checks.statement.owners ?? []) {
        if (says(owner)) continue;
        const kind = this.kindOfEntity(owner);
        if (sayers && [...sayers].some((e) => e !== owner && kind !== undefined && this.kindOfEntity(e) === kind)) return 'statement';
      }
    }
    if (checks.statement) {
      // Words about something name it, or a word for it, where they are said or in the sentence before
      // (a report sets the topic, then quotes: "The news was greeted… ‘It is a threat,’ he said").
      // Words found all over the corpus ("Japan") say too little of the topic: only the rarer ones count.
      const rare = checks.statement.about?.filter((t) => !this.common(t));
      // A name among them is what it was about: "what did Liu say about the Japan-India drills" is not answered by Liu on training in Central Asia.
      const named = rare?.filter((t) => t.startsWith(ENTITY_PREFIX));
      // Only common words: a name among them still is what it was about ("what has Tomita said about China").
      const commonNamed = rare?.length === 0 ? checks.statement.about?.filter((t) => t.startsWith(ENTITY_PREFIX) && !checks.statement!.speakers.includes(t)) : undefined;
      const about = named && named.length > 0 ? named : rare && rare.length > 0 ? rare : commonNamed;
      if (about && about.length > 0 && !this.mentions(sentence, about) && !(index.paragraphOf[sentence - 1] === index.paragraphOf[sentence] && this.mentions(sentence - 1, about))) return 'statement';
    }
    for (const { act, said } of REPORTED_ACTS) if (checks[act] && !said.test(text)) return act;
    if (checks.outcome === true) {
      if (FUTURE.test(text) || !PAST.test(text) || this.announcing(ranked).has(doc)) return 'outcome';
    }
    // "Are set to hold…, the JASDF said": a line of what is to come, with no event past in it (a verb that reports it is none).
    // A line that tells of something that happened ("had no qualms with departing on a scheduled tour") answers,
    // in an article that announces the event too.
    if (checks.outcome === 'whether' && (!PAST.test(text) || (!EVENT_PAST.test(text) && (FUTURE.test(text) || this.announcing(ranked).has(doc))))) return 'outcome';
    if (checks.agreement && !AGREEMENT.test(text)) return 'agreement';
    if (checks.succession && !SUCCESSION.test(text)) return 'succession';
    if (checks.ahead && !FUTURE.test(text)) return 'time';
    if (checks.reason && !this.givesReason(sentence)) return 'reason';
    if (checks.time === 'any' && (index.flagsOf[sentence]! & FLAG.date) === 0 && !TIME.test(text)) return 'time';
    if (checks.time === 'date' && !DATE.test(text)) return 'time';
    if (checks.time === 'span' && !SPAN.test(text)) return 'time';
    if (checks.time === 'month' && !MONTH_SAID.test(text)) return 'time';
    if (checks.time === 'day' && !DAY_SAID.test(text)) return 'time';
    if (checks.place && !PLACE.test(text)) return 'place';
    if (checks.facility && !FACILITY_WORDS[checks.facility].test(text)) return 'facility';
    if ((checks.within || checks.local) && !this.namesPlaceBesides(text, checks.within ?? [], checks.withinName)) return 'place';
    if (checks.country && !this.namesCountryBesides(sentence, text, checks.country)) return 'country';
    if (checks.countryIn !== undefined && !this.namesCountryIn(sentence, checks.countryIn, checks.country)) return 'country';
    if (checks.list !== undefined && listItems(text) < Math.min(checks.list, 3)) return 'list';
    if (checks.which && onlyVaguely(text, checks.which)) return 'which';
    if (checks.name && this.speaksUnnamed(text, checks.name)) return 'name';
    if (checks.expansion !== undefined && usesUnexpanded(text, checks.expansion)) return 'expansion';
    if (checks.control && !CONTROL_SAID.test(text)) return 'control';
    if (checks.firm && !this.namesKind(sentence, checks.firm)) return 'firm';
    if (checks.job !== undefined && !(checks.job.some((e) => this.has(sentence, e)) && titlesIn(text).some((t) => !checks.jobBesides?.includes(t)))) return 'role';
    if (checks.fullName !== undefined && !checks.fullName.some((name) => text.toLowerCase().includes(name.toLowerCase()))) return 'person';
    if (checks.role !== undefined) {
      // A person with the title: the title beside someone named, or someone the corpus gives that title.
      // The title, or another title the synonyms give for it ("envoy": an ambassador).
      const [head, ...modifiers] = checks.role;
      const titles = [head!, ...(index.synonyms.get(head!) ?? []).filter((t) => this.titleTerms.has(t))].map((t) => [t, ...modifiers]);
      const person = (index.flagsOf[sentence]! & FLAG.person) !== 0;
      if (!titles.some((title) => (person && title.every((t) => this.has(sentence, t))) || this.namesTitled(sentence, title))) return 'role';
      // "Which Chinese ambassador" is not answered by "the Japanese ambassador": a country named just before the title is the one asked.
      if (checks.roleOf !== undefined) {
        const owners = this.titleOwners(text, titles.map((t) => t[0]!));
        if (owners.size > 0 && !owners.has(checks.roleOf)) return 'role';
        // "The Russian foreign minister" is not "the Foreign Minister Toshimitsu Motegi": with no country before the
        // title, the people named are whose it is, when the glossary knows whose they are.
        const named = index.data.sentenceTerms[sentence]!.filter((id) => this.nationalityOf.has(id));
        if (owners.size === 0 && named.length > 0 && !named.some((id) => this.nationalityOf.get(id) === checks.roleOf)) return 'role';
      }
      // "Japan's ambassador to NATO" is not its ambassador to America: a posting the sentence names must be the one asked.
      if (checks.roleTo) {
        // The same entity, or the place's words as the question gives them ("the United Nations" when no entity is known for it).
        const { entities, words } = checks.roleTo;
        const postings = [...text.matchAll(TITLE_POSTED)].map((m) => m[1]!);
        const same = (posting: string) => posting.toLowerCase().includes(words) || analyseText(posting, this.nlp).entities.some((e) => entities.includes(ENTITY_PREFIX + e));
        if (postings.length > 0 && !postings.some(same)) return 'role';
      }
    }
    if (checks.person && (index.flagsOf[sentence]! & FLAG.person) === 0) return 'person';
    if (checks.peopleBesides !== undefined && (checks.person || checks.role !== undefined)) {
      const besides = new Set(checks.peopleBesides.map((e) => index.termId.get(e)));
      // With a country asked ("which Japanese prime minister"), someone else of that country, when the glossary knows whose they are.
      const { roleOf } = checks;
      const others = index.data.sentenceTerms[sentence]!.some((id) => this.people.has(id) && !besides.has(id) && (roleOf === undefined || (this.nationalityOf.get(id) ?? roleOf) === roleOf));
      if (!others) return checks.role !== undefined ? 'role' : 'person';
    }
    if (checks.personOf !== undefined) {
      const named = index.data.sentenceTerms[sentence]!.filter((id) => this.people.has(id));
      if (named.length > 0 && !named.some((id) => checks.personOf!.includes(this.nationalityOf.get(id) ?? ''))) return 'person';
    }
    // "Who is in charge of…", "who is leading…": a person with a word of leading, not any person (an ambassador, a spokeswoman).
    if (checks.leader && !LEADING.test(text)) return 'person';
    for (const e of checks.entities) {
      // One of the sources the question asks across: the sentence is by one of them (or names one).
      if (checks.anySource?.includes(e) && checks.anySource.some((a) => a !== e && this.named(sentence, doc, index.termId.get(a)))) continue;
      const id = index.termId.get(e);
      // A byline or a dateline names nobody: it answers "who wrote / when was the article about X" when its article names X,
      // as a headline answers "what is the headline of the article about X" (its few words name little of it).
      if ((header || index.kindOf[sentence] === KIND.title) && id !== undefined && this.docEntities[doc]!.has(id)) continue;
      // A country can be what a whole article is about, unnamed in most of its sentences; a person asked about is named in the sentence or next to it.
      if (this.named(sentence, doc, id)) continue;
      // A country's forces act in its name: "Japan scrambled jets" answers what the JASDF did (glossary `actsFor`), when the
      // sentence itself names the country (most sentences are next to one that names Japan).
      if ((this.nlp.glossary.entities[e.slice(ENTITY_PREFIX.length)]?.actsFor ?? []).some((whole) => this.has(sentence, ENTITY_PREFIX + whole))) continue;
      // "Who at the Chinese foreign ministry…": a person who speaks for it (glossary `speaksFor`), named in the sentence.
      if (this.namesSpeakerFor(sentence, e)) continue;
      // "The Norwegian secretary-general" is named by his name: a person of the country, named in the sentence or next to it.
      if (checks.nationals?.includes(e) && (this.nationals.get(e) ?? []).some((p) => this.named(sentence, doc, index.termId.get(p)))) continue;
      return 'entities';
    }
    for (const y of checks.years) {
      const id = index.termId.get(y);
      // "Last year's NATO summit" in a 2023 article is the 2022 one, but only where the line itself says so.
      if ((id === undefined || !this.years[doc]!.has(id)) && !this.eraYears[doc]!.has(y) && !this.relativeYears.get(sentence)?.has(y)) return 'years';
    }
    for (const n of checks.ordinals) if (!this.ordinals[doc]!.has(n)) return 'ordinal';
    return undefined;
  }

  /**
   * Documents that a strong sentence of the ranking (within half the best score, among the first
   * {@link ANNOUNCE_DEPTH}) speaks of as still to come. Read once per ranking, not per sentence judged.
   */
  private announcing(ranked: ReadonlyArray<{ sentence: number; score: number }>): Set<number> {
    if (this.announced?.ranked === ranked) return this.announced.docs;
    const { index } = this;
    const top = ranked[0]?.score ?? 0;
    const docs = new Set<number>();
    for (const r of ranked.slice(0, ANNOUNCE_DEPTH)) if (r.score >= 0.5 * top && FUTURE.test(index.data.sentences[r.sentence]!.text)) docs.add(index.docOf[r.sentence]!);
    this.announced = { ranked, docs };
    return docs;
  }

  /**
   * The sentence lists names of the counted kind, from which the count is read: three or more countries ("attended
   * by Japan, South Korea and Australia" for "how many countries…"; a pair such as "China and Russia" is how the
   * corpus names two powers, no count), or two or more names of places or office holders ("visits to Berlin, Paris
   * and Oslo", "Generals Gerasimov and Salyukov"). Troops and soldiers are counted by numbers, not names; people in general by names only when the question says what was done to them (`acts`).
   */
  private enumerates(text: string, head: string, acts: string[] = []): boolean {
    const countries = COUNTED_COUNTRIES.has(head);
    // People in general are counted by a list of names one of which is a person the glossary knows, when it is what the
    // question says was done to them: "how many people did Russia poison" by "poisoned Sergei and Yulia Skripal".
    const people = COUNTED_PEOPLE.has(head);
    if (!countries && !people && !COUNTED_NAMES.has(head)) return false;
    for (const m of text.matchAll(NAME_LIST)) {
      const items = m[0].split(/\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+/);
      if (people) {
        const before = /([\p{L}’'-]+)[\s,]*$/u.exec(text.slice(0, m.index))?.[1];
        const after = /^\s+(?:(?:was|were|had|have|has|been|being|are|is)\s+)*([\p{L}’'-]+)/u.exec(text.slice(m.index + m[0].length))?.[1];
        const actedOn = [before, after].some((w) => w !== undefined && acts.includes(termOfTextWord(w, this.nlp)));
        if (items.length >= 2 && actedOn && analyseText(m[0], this.nlp).entities.some((e) => this.nlp.personForms.has(e))) return true;
        continue;
      }
      // A list of countries ("with Australia, India and Japan") counts no bases, cities or officials: only places in general.
      if (!countries) {
        if (items.length >= 2 && (GENERAL_PLACES.has(head) || items.filter((item) => this.isCountryName(item)).length * 2 < items.length)) return true;
        continue;
      }
      if (items.filter((item) => this.namesCountry(item)).length >= 3) return true;
    }
    // "Australia, India, and some European powers": two countries named and more besides.
    if (countries) for (const m of text.matchAll(NAME_LIST_GROUP)) if (m[1]!.split(/\s*,\s*/).filter((item) => this.namesCountry(item)).length >= 2) return true;
    return false;
  }

  /**
   * The text speaks of the thing whose name is asked, and never with a name beside it: a capitalised word the question
   * does not use among the three words before it ("the Kant air base"), or one after it, or after "called / named".
   */
  private speaksUnnamed(text: string, name: { head: string; asked: string[] }): boolean {
    const found = [...text.matchAll(WORD)];
    const words = found.map((w) => w[0]);
    const unasked = (i: number) => i > 0 && i < words.length && /^\p{Lu}/u.test(words[i]!) && !name.asked.includes(words[i]!.toLowerCase());
    let spoken = false;
    for (let i = 0; i < words.length; i++) {
      if (termOfTextWord(words[i]!, this.nlp) !== name.head) continue;
      spoken = true;
      if ([i - 3, i - 2, i - 1, i + 1].some(unasked)) return false;
      // "three documents – the National Security Strategy (NSS), …": names after a dash, a colon or a bracket.
      const end = found[i]!.index + words[i]!.length;
      if (/^\s*[–—:(]\s*(?:the\s+)?\p{Lu}/u.test(text.slice(end)) && [i + 1, i + 2].some(unasked)) return false;
      if (/^(?:called|named|dubbed|known)$/i.test(words[i + 1] ?? '') && [i + 2, i + 3].some(unasked)) return false;
    }
    return spoken;
  }

  /** The item is a country's own name ("Australia", "the United Kingdom"), not a city of one ("Paris"). */
  private isCountryName(item: string): boolean {
    const { entities } = this.nlp.glossary;
    return entitySpans(item, this.nlp.glossary).some((s) => s.kind === 'country' && !(entities[s.entity]?.cities ?? []).includes(item.slice(s.start, s.end).toLowerCase())) || worldEntitiesNamed(item).some((w) => w.kind === 'country');
  }

  /** The text names a country, by the glossary or the world list. */
  private namesCountry(text: string): boolean {
    return countriesNamed(text, this.nlp).length > 0 || worldEntitiesNamed(text).some((w) => w.kind === 'country');
  }

  /**
   * The counted thing with a number beside it: a cardinal at most {@link COUNT_GAP} words
   * before the counted word ("150 personnel", "four Su-30MKI fighters") or after it
   * ("troops numbering 3,000"), or "a" / "an" before it in the singular ("a military base": one). A number elsewhere
   * in the sentence counts something else, and so does the number the question sets aside (`besides`, a term: "not
   * just the four"); with `of` (an entity term), the count must name that country ("two Afghan interpreters").
   */
  private counts(text: string, head: string, people: boolean, forms: string[] = [], besides?: string, of?: string): boolean {
    // "$52 billion" counts dollars, "¥6.8 trillion" yen.
    if (CURRENCY_AMOUNT.get(head)?.test(text)) return true;
    // "How many rounds of the dialogue have there been" is answered by "This is the 9th meeting…": the ordinal of an event
    // counts how often it has been held (any word for an event, as the question's may not be the sentence's).
    if (this.occurrenceTerms.has(head) && text.match(ORDINAL_OCCURRENCE) !== null) return true;
    const words = [...text.matchAll(WORD)];
    const meeting = this.meetingTerms.has(head);
    // "How many defence papers" is answered by "three documents": the counted word's synonyms count it too.
    const synonyms = this.index.synonyms.get(head) ?? [];
    // "an eight-point plan", "a two-day visit": the counted word can end a hyphenated compound.
    const isHead = words.map((w) => {
      // Only after a number: "anti-ship missiles" count no ships.
      const dash = w[0].lastIndexOf('-');
      const last = w[0].slice(dash + 1);
      const compound = dash > 0 && last !== '' && CARDINAL_WORD.test(w[0].slice(0, dash));
      const term = termOfTextWord(w[0], this.nlp);
      return term === head || synonyms.includes(term) || (meeting && this.meetingTerms.has(term)) || forms.includes(w[0].toLowerCase()) || (compound && termOfTextWord(last, this.nlp) === head) || (people && PEOPLE.test(w[0])) || (COUNTRY_HEADS.has(head) && COUNTRY_WORDS.test(w[0])) || (AIRCRAFT_HEADS.has(head) && AIRCRAFT_WORDS.test(w[0]));
    });
    if (!isHead.includes(true)) return false;
    // With `of`: the words from the number to the counted word must name that country ("one Japanese national" or "tens
    // of thousands of people" count no Afghans; "two Afghan interpreters" do).
    // Or name it as their holder just before the number: "Washington already has tens of thousands of troops" counts
    // American soldiers.
    const lacksCountry = (from: number, to: number) => {
      if (of === undefined) return false;
      const [a, b] = from <= to ? [from, to] : [to, from];
      if (countriesMeant(text.slice(words[a]!.index, words[b]!.index + words[b]![0].length), this.nlp).includes(of)) return false;
      // The verb right before the number, or earlier in its clause: "The Indian Air Force is fielding four fighters along
      // with a contingent of around 150 personnel".
      const verb = words.findIndex((w, k) => k < a && HOLDS.test(w[0]) && (k >= a - HOLDER_GAP || !/[,;:()]/.test(text.slice(w.index, words[a]!.index))));
      if (verb < 0) return true;
      const holder = Math.max(0, verb - HOLDER_GAP);
      return !countriesMeant(text.slice(words[holder]!.index, words[verb]!.index), this.nlp).includes(of);
    };
    // "have a military base in Tajikistan": one, the counted word in the singular after "a" or "an" (a word or two before);
    // "the only G7 member not to expel…", "its sole ally": one too.
    for (let i = 0; i < words.length; i++) {
      if (!isHead[i] || /s$/i.test(words[i]![0])) continue;
      const article = [i - 1, i - 2].find((j) => j >= 0 && /^(?:a|an|only|sole|lone|single)$/i.test(words[j]![0]));
      if (article !== undefined && !lacksCountry(article, i)) return true;
    }
    for (const m of text.matchAll(CARDINALS)) {
      if (besides !== undefined && termOfTextWord(m[0], this.nlp) === besides) continue;
      const at = words.findIndex((w) => w.index + w[0].length > m.index);
      for (let i = Math.max(0, at - COUNT_GAP); i <= Math.min(words.length - 1, at + COUNT_GAP + 1); i++) if (isHead[i] && !lacksCountry(at, i)) return true;
    }
    return false;
  }

  /**
   * Who the sentence says speaks: the entities beside each saying word, in the clause
   * before it (reaching back past an apposition with no name: "Qin Gang, Foreign
   * Minister, said") or named just after it ("said Zakharova", "according to Moscow").
   */
  private sayersOf(sentence: number, text: string): Set<string> {
    let out = this.sayerCache.get(sentence);
    if (!out) this.sayerCache.set(sentence, (out = this.sayers(text)));
    return out;
  }

  /**
   * The sentence gives a reason, or the one after it in its paragraph does ("…was demoralizing. However, … because…"):
   * a word of cause or purpose ({@link FLAG.reason}, {@link REASON_SAID}).
   */
  private givesReason(sentence: number): boolean {
    const { data, flagsOf, paragraphOf } = this.index;
    const says = (s: number) => (flagsOf[s]! & FLAG.reason) !== 0 || REASON_SAID.test(data.sentences[s]!.text);
    return says(sentence) || (paragraphOf[sentence + 1] === paragraphOf[sentence] && says(sentence + 1));
  }

  /**
   * A line that names the place asked about counts there only with a number in the same clause as the place (no comma,
   * semicolon or bracket between, at most {@link WHERE_GAP} words apart): "tens of thousands of troops stationed in
   * South Korea and Japan, … and plants more bases in the Philippines" counts none in the Philippines. A line that does
   * not name the place is left to the other checks.
   */
  private countedWithin(text: string, within: string[]): boolean {
    const places = entitySpans(text, this.nlp.glossary).filter((e) => within.includes(e.entity));
    if (places.length === 0) return true;
    const numbers = [...text.matchAll(CARDINALS)];
    return places.some((p) => numbers.some((n) => {
      const [a, b] = n.index < p.start ? [n.index + n[0].length, p.start] : [p.end, n.index];
      const between = text.slice(a, b);
      return !/[,;:()]/.test(between) && between.split(/\s+/).filter(Boolean).length <= WHERE_GAP;
    }));
  }

  /** The sentence names a person who speaks for the entity (term), by the glossary's `speaksFor`. */
  private namesSpeakerFor(sentence: number, entity: string): boolean {
    const whom = entity.slice(ENTITY_PREFIX.length);
    return this.namesEntity(sentence, (slug) => (this.speaksFor.get(slug) ?? []).includes(whom));
  }

  private sayers(text: string): Set<string> {
    const out = new Set<string>();
    let found = false;
    for (const m of text.matchAll(SAID_ALL)) {
      // A word inside a quotation is what was said ("…is ‘rejecting the country’s peaceful development’"), not a report of saying.
      if (insideQuotation(text, m.index)) continue;
      found = true;
      const clauses = text.slice(0, m.index).split(CLAUSE_BREAK);
      let before = clauses.pop() ?? '';
      while (!/\p{Lu}/u.test(before) && clauses.length > 0) before = `${clauses.pop()!}, ${before}`;
      const earlier = SAYING_VERB.exec(before);
      if (earlier && earlier.index > 0) {
        // "Russia criticized Japan's policies, warning…", "Moscow said Tokyo's position was hostile": the one
        // warning is who did the first saying, not its object. "Kishida said that China warned Japan": after an
        // explicit "that", the one warning is who comes after it.
        const reported = /^\s+that\s/i.exec(before.slice(earlier.index + earlier[0].length));
        if (reported && !/ing$/i.test(m[0])) before = before.slice(earlier.index + earlier[0].length + reported[0].length);
        else before = before.slice(0, earlier.index);
      }
      // A name after a verb that takes an object ("criticized Japan's policies", "warned Tokyo") is its object,
      // unless the verb is inverted after a quotation ("…,” warned Zakharova) or passive ("criticized by Beijing").
      const rest = text.slice(m.index + m[0].length);
      const inverted = !TAKES_OBJECT.test(m[0]) || /[“”"’]\s*,?\s*$/.test(text.slice(0, m.index)) || /^\s+by\b/i.test(rest);
      // "said Port Elwen's position was…": a possessive name is what was said about, not who said it.
      const named = inverted ? SAYER_AFTER.exec(rest)?.[0] ?? '' : '';
      const after = /[’']s\b/.test(named) ? '' : named;
      // A passive saying word names its speaker after "by", past what was said: "was declared “brain dead” by the
      // French president, Emmanuel Macron", "is described as a threat by Beijing".
      const agent = PASSIVE_BE.test(text.slice(0, m.index)) ? PASSIVE_AGENT.exec(rest)?.[1] ?? '' : '';
      for (const e of analyseText(`${before} ${m[0]} ${after} ${agent}`, this.nlp).entities) {
        out.add(ENTITY_PREFIX + e);
        // "Qin has continued": what China's foreign minister says, China and its foreign ministry say.
        for (const whom of this.speaksFor.get(e) ?? []) out.add(ENTITY_PREFIX + whom);
      }
    }
    // A saying word with no entity beside it still reports words: by nobody the question can name.
    return found && out.size === 0 ? new Set([NOBODY]) : out;
  }

  /**
   * The countries named in the {@link OWNER_GAP} words before each of the title words in the text ("the Japanese
   * ambassador", "Russia's foreign minister"), as entity terms.
   */
  private titleOwners(text: string, titles: string[]): Set<string> {
    const words = [...text.matchAll(WORD)].map((w) => w[0]);
    const owners = new Set<string>();
    words.forEach((w, i) => {
      if (!titles.includes(termOfTextWord(w, this.nlp))) return;
      for (const e of countriesNamed(words.slice(Math.max(0, i - OWNER_GAP), i).join(' '), this.nlp)) owners.add(e);
    });
    return owners;
  }

  /** The sentence names a person whom some sentence of the corpus names together with all the title's terms. */
  private namesTitled(sentence: number, title: string[]): boolean {
    const ids = title.map((t) => this.index.termId.get(t));
    if (ids.some((id) => id === undefined)) return false;
    const key = ids.join(' ');
    const { sentenceTerms } = this.index.data;
    let titled = this.titled.get(key);
    if (!titled) {
      titled = new Set<number>();
      const postings = this.index.postings[ids[0]!]!;
      for (let i = 0; i < postings.length; i += 2) {
        const terms = sentenceTerms[postings[i]!]!;
        if (ids.every((id) => terms.includes(id!))) for (const t of terms) if (this.people.has(t)) titled.add(t);
      }
      this.titled.set(key, titled);
    }
    return sentenceTerms[sentence]!.some((t) => titled.has(t));
  }

  /** The sentence names an entity (one of its entity terms, as a slug) that passes the test. */
  private namesEntity(sentence: number, test: (slug: string) => boolean): boolean {
    const { vocab } = this.index.data;
    return this.index.data.sentenceTerms[sentence]!.some((t) => vocab[t]!.startsWith(ENTITY_PREFIX) && test(vocab[t]!.slice(ENTITY_PREFIX.length)));
  }

  /** The sentence names a glossary entity of one of the kinds, other than those `besides` (slugs). */
  private namesKind(sentence: number, kinds: string[], besides: string[] = []): boolean {
    return this.namesEntity(sentence, (slug) => kinds.includes(this.nlp.glossary.entities[slug]?.kind ?? '') && !besides.includes(slug));
  }

  /** The sentence names a country of the region (slug) that is not one of `named` (slugs), by the glossary's `partOf`. */
  private namesCountryIn(sentence: number, region: string, named: string[] = []): boolean {
    return this.namesEntity(sentence, (slug) => {
      const entity = this.nlp.glossary.entities[slug];
      return entity?.kind === 'country' && entity.partOf?.includes(region) === true && !named.includes(slug);
    });
  }

  /** The countries (slugs) the sentence names that are not one of `named`: by a glossary entity, or by the world list's forms. */
  private countriesBesides(sentence: number, text: string, named: string[]): Set<string> {
    const { vocab } = this.index.data;
    const glossary = this.index.data.sentenceTerms[sentence]!.map((t) => vocab[t]!).filter((term) => term.startsWith(ENTITY_PREFIX) && this.nlp.glossary.entities[term.slice(ENTITY_PREFIX.length)]?.kind === 'country').map((term) => term.slice(ENTITY_PREFIX.length));
    const world = worldEntitiesNamed(text).filter((w) => w.kind === 'country').map((w) => w.slug);
    return new Set([...glossary, ...world].filter((e) => !named.includes(e)));
  }

  /** The sentence names a country that is not one of `named` (slugs). */
  private namesCountryBesides(sentence: number, text: string, named: string[]): boolean {
    return this.countriesBesides(sentence, text, named).size > 0;
  }

  /**
   * The text names a place that may lie within `within`, or, with none, a place smaller than a country: a name after
   * a preposition of place ("in Kabul"), or after "the city / port… of" ("the Japanese port of Yokosuka").
   */
  private namesPlaceBesides(text: string, within: string[], withinName?: string): boolean {
    // "Which part of Tokyo": "in Tokyo" names the place asked within again, not a part of it.
    const again = (name: string) => withinName !== undefined && name.replace(/^[^\p{Lu}]*/u, '').toLowerCase() === withinName;
    for (const m of text.matchAll(PLACE_NAMES)) if (!again(m[0]) && this.placeWithin(m[0], within)) return true;
    for (const m of text.matchAll(PLACE_OF)) if (!again(m[1]!) && this.placeWithin(m[1]!, within)) return true;
    return false;
  }

  /**
   * The named place may lie within `within`, or is smaller than a country when none is asked. A country or an
   * organisation named as such ("in Japan", "in South Korea", "to the UN", "in the Soviet Union") is no such place,
   * unless the glossary makes it part of one asked within ("in Tajikistan" is in Central Asia); a country's city
   * (glossary `cities`: "in Tokyo", "in Kabul") is a place within it. A glossary place (an island) may lie anywhere,
   * and counts; a region counts only as part of one asked within. A name nothing knows may be a town or a base, and
   * counts, unless the world list knows it as a larger area ("in the Pacific", "in Northeast Asia").
   */
  private placeWithin(name: string, within: string[]): boolean {
    const partOfAsked = (entities: string[]) => entities.some((e) => !within.includes(ENTITY_PREFIX + e) && (this.nlp.glossary.entities[e]?.partOf ?? []).some((w) => within.includes(ENTITY_PREFIX + w)));
    const world = worldEntitiesNamed(name).map((w) => w.slug);
    if (world.length > 0) return partOfAsked(world);
    const own = placesNamed(name, this.nlp).map((e) => e.slice(ENTITY_PREFIX.length));
    if (own.length === 0) {
      // A city the world list knows lies in its country: "in Madrid" is a city, but none within Japan.
      const country = worldCityCountry(name);
      if (country !== undefined) return within.length === 0 || within.includes(ENTITY_PREFIX + country) || partOfAsked([country]);
      const bare = name.replace(/^[^\p{Lu}]*/u, '');
      // "Subject to Western sanctions": a compass adjective alone qualifies what follows; it names no place. Nor does a
      // capitalised English word alone ("the largest increase in Defense"); towns WordNet lists (Salisbury) would be
      // missed here too, which the glossary or the world list must then know.
      return !isLargeArea(bare) && !COMPASS_ADJECTIVE.test(bare) && !(/^\p{Lu}\p{Ll}+$/u.test(bare) && isEnglish(bare));
    }
    const spaced = spacedWords(name.toLowerCase());
    for (const e of own) {
      const entity = this.nlp.glossary.entities[e];
      const city = (entity?.cities ?? []).some((c) => spaced.includes(` ${c} `));
      // The place asked within is no answer, but its city is ("where in Afghanistan": "in Kabul").
      if (within.includes(ENTITY_PREFIX + e)) {
        if (city) return true;
        continue;
      }
      if (entity?.kind === 'place' || (city && within.length === 0)) return true;
    }
    return partOfAsked(own);
  }

  /** A term the ranking counts as common: in more than a tenth of the corpus's sentences. */
  private common(term: string): boolean {
    const id = this.index.termId.get(term);
    return id !== undefined && this.index.df[id]! > defaultRankParams.commonShare * this.index.size;
  }

  /** The sentence's paragraph has an odd number of quotation marks. */
  private unpairedParagraph(sentence: number): boolean {
    if (!this.unpaired) {
      const marks = new Map<string, number>();
      this.index.data.sentences.forEach((s, i) => {
        const key = `${this.index.docOf[i]}:${this.index.paragraphOf[i]}`;
        marks.set(key, (marks.get(key) ?? 0) + quoteMarks(s.text));
      });
      this.unpaired = new Set([...marks].filter(([, n]) => n % 2 === 1).map(([key]) => key));
    }
    return this.unpaired.has(`${this.index.docOf[sentence]}:${this.index.paragraphOf[sentence]}`);
  }

  /** The glossary kind of an entity term ("@china" → "country"), or undefined for people and unknown names. */
  private kindOfEntity(term: string): string | undefined {
    return this.nlp.glossary.entities[term.slice(ENTITY_PREFIX.length)]?.kind;
  }

  /** The sentence holds one of the terms, or a synonym of one. */
  private mentions(sentence: number, terms: string[]): boolean {
    return terms.some((t) => this.has(sentence, t) || (this.index.synonyms.get(t) ?? []).some((s) => this.has(sentence, s)));
  }

  /**
   * The entity is named in the sentence or next to it, or is what the whole document is about (a country, unnamed in
   * most of its sentences); a person must be named in the sentence or next to it, unless they wrote the article.
   */
  private named(sentence: number, doc: number, id: number | undefined): boolean {
    if (id === undefined) return false;
    // An article's author is named for every line of it: "what does Brown say about…" is asked of his article.
    return (!this.people.has(id) && this.topics[doc]!.has(id)) || this.authors[doc]!.has(id) || this.near(sentence, id, 1) || this.nearAntecedent(sentence, id) || this.inComment(sentence, id);
  }

  /** Every speaker is the document's outlet (named in its header) or one of its authors (named in its byline): the article itself speaks. */
  private articleSpeaks(doc: number, speakers: string[]): boolean {
    const header = this.index.data.headerTerms[doc] ?? [];
    return (
      speakers.length > 0 &&
      speakers.every((e) => {
        const id = this.index.termId.get(e);
        return id !== undefined && (this.people.has(id) ? this.authors[doc]!.has(id) : this.kindOfEntity(e) === 'outlet' && header.includes(id));
      })
    );
  }

  /**
   * The text names the country only by a city it is in, as a place ("released the riddle in Berlin"): the
   * country is where something happened, not who speaks. "Tokyo said" still names Japan as a speaker.
   */
  private onlyAsPlace(text: string, term: string): boolean {
    const entity = this.nlp.glossary.entities[term.slice(ENTITY_PREFIX.length)];
    if (entity?.cities === undefined) return false;
    const lower = spacedWords(text.toLowerCase());
    const cities = new Set(entity.cities);
    const named = entity.forms.filter((f) => lower.includes(` ${f} `));
    // "to Paris and Oslo": the last of a list after the preposition is a place too.
    return named.length > 0 && named.every((f) => cities.has(f) && !new RegExp(String.raw`(?<!\b(?:in|at|to|from|near|outside|via) (?:(?:[\p{L}'’-]+ ){1,2}(?:and|or) )?)\b${escapeRegExp(f)}\b`, 'u').test(lower));
  }

  /** The sentence holds the term. */
  private has(sentence: number, term: string): boolean {
    const id = this.index.termId.get(term);
    return id !== undefined && this.index.data.sentenceTerms[sentence]!.includes(id);
  }

  /**
   * The sentence is a reader's comment and a comment line within {@link COMMENT_RADIUS} names the term id:
   * forum comments put one point per line ("CHINA: Gets revenue…" under "CHINA-Pakistan (CPEC):…").
   */
  private inComment(sentence: number, id: number): boolean {
    const { index } = this;
    if (index.kindOf[sentence] !== KIND.comment) return false;
    for (let i = Math.max(0, sentence - COMMENT_RADIUS); i <= Math.min(index.size - 1, sentence + COMMENT_RADIUS); i++) {
      if (index.docOf[i] === index.docOf[sentence] && index.kindOf[i] === KIND.comment && index.data.sentenceTerms[i]!.includes(id)) return true;
    }
    return false;
  }

  /**
   * The sentence refers back ("This fits a pattern…") and the sentence it refers to has the term id
   * beside it: what "this" is was told there, with its own context one sentence further back.
   */
  private nearAntecedent(sentence: number, id: number): boolean {
    const { index } = this;
    if (sentence === 0 || this.people.has(id) || index.docOf[sentence - 1] !== index.docOf[sentence]) return false;
    return POINTS_BACK.test(index.data.sentences[sentence]!.text) && this.near(sentence - 1, id, 1);
  }

  /** The sentence or a neighbour within `radius` in the same document holds the term id. */
  private near(sentence: number, id: number, radius: number): boolean {
    const { index } = this;
    const doc = index.docOf[sentence];
    for (let i = Math.max(0, sentence - radius); i <= Math.min(index.size - 1, sentence + radius); i++) {
      if (index.docOf[i] === doc && index.data.sentenceTerms[i]!.includes(id)) return true;
    }
    return false;
  }
}
