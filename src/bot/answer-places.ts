import { setBounded } from './bounded-map.js';

/** Where the bot answered a user's message: the channel (a thread it opened, or the message's own) and its reply. */
export interface AnswerPlace {
  channelId: string;
  messageId: string;
}

/**
 * The bot's reply to each message it answers, so that an edit of the message edits the reply. The work on one
 * message (its answer, then each edit) runs in turn: an edit made while the answer is still being sent waits for
 * it, and edits land in the order they were made. In memory and bounded: discord.js only reports edits of
 * messages it still holds, which are the ones this process saw.
 */
export class AnswerPlaces {
  private readonly places = new Map<string, Promise<AnswerPlace | undefined>>();
  /** Reply id → the id of the message it answers. */
  private readonly answering = new Map<string, string>();

  /** At most `max` messages are remembered; the oldest are forgotten first. */
  constructor(private readonly max = 5_000) {}

  /** Whether the bot has answered, or is answering, the message. */
  has(questionMessageId: string): boolean {
    return this.places.has(questionMessageId);
  }

  /**
   * Runs `work` once the work under way on the message is done, with the reply it left (undefined: none yet, or
   * it failed). The place `work` resolves to is remembered; when it throws, the place before it stays.
   */
  queue(questionMessageId: string, work: (place: AnswerPlace | undefined) => Promise<AnswerPlace | undefined>): Promise<AnswerPlace | undefined> {
    const before = this.places.get(questionMessageId) ?? Promise.resolve(undefined);
    const run = before.then(work).then((place) => {
      if (place) setBounded(this.answering, place.messageId, questionMessageId, this.max);
      return place;
    });
    setBounded(this.places, questionMessageId, run.then((place) => place, () => before), this.max);
    return run;
  }

  /** The id of the message that the bot's reply `replyId` answers, while remembered. */
  questionOf(replyId: string): string | undefined {
    return this.answering.get(replyId);
  }
}
