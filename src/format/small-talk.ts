/**
 * Messages that ask nothing of the corpus: thanks, a greeting, a request for help, or no words at all ("?", "👍").
 * Answered with a line of their own, never as a question (in a thread, "thanks!" was read as a follow-up and the
 * earlier answer posted again).
 */
export type SmallTalk = 'nothing' | 'thanks' | 'greeting' | 'help';

const THANKS = /^(?:thanks?(?: you| a lot| so much| very much| again)*|thank u|thx|tx|ty|tysm|cheers|great|cool|nice|ok(?:ay)?|k|kk|got it|perfect|awesome|brilliant|excellent|good|alright|lol|np|no worries|makes sense|i see)(?: (?:bot|mate|man|buddy|friend|all))?$/;
const GREETING = /^(?:hi|hello|hey|heya|hiya|yo|sup|howdy|greetings|good (?:morning|afternoon|evening|day))(?: (?:there|bot|all|everyone|folks|friend))?$/;
const HELP = /^(?:help|help me|commands|usage|what can you do|what do you do|how do (?:i|you) (?:use|work)(?: (?:you|this|it|this bot))?|how does this work|who are you|what are you|what is this(?: bot| corpus| thing)?(?: about)?|what (?:documents|sources|articles|texts|files) do you (?:have|know|cover|use)|what do you know(?: about)?|what can i ask(?: you)?)$/;

/** The kind of small talk a message is, or undefined for a question to answer. */
export function smallTalk(text: string): SmallTalk | undefined {
  const plain = text.normalize('NFKC').toLowerCase().replace(/[’']/g, '').replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(plain)) return /\p{Extended_Pictographic}/u.test(text) ? 'thanks' : 'nothing';
  if (THANKS.test(plain)) return 'thanks';
  if (GREETING.test(plain)) return 'greeting';
  if (HELP.test(plain)) return 'help';
  return undefined;
}

const EXAMPLE = '"why is NATO opening an office in Japan?"';

/** The reply to small talk, for a corpus of `documents` articles; `sources` names how to list them ("/sources"). */
export function smallTalkReply(kind: SmallTalk, documents: number, sources = '/sources'): string {
  const about = `I answer questions about ${documents} article${documents === 1 ? '' : 's'} on Japan's relations with China, Russia and NATO by quoting the sentences that answer them, with their sources.`;
  switch (kind) {
    case 'thanks':
      return 'Glad to help. Ask another question about the articles any time.';
    case 'greeting':
      return `Hello! ${about} Try ${EXAMPLE}; ${sources} lists the articles.`;
    case 'help':
      return `${about} Ask in your own words, for example ${EXAMPLE}; ${sources} lists the articles and /help says more.`;
    case 'nothing':
      return `Ask me a question about the articles, for example ${EXAMPLE}.`;
  }
}
