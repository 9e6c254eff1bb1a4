import { setBounded } from './bounded-map.js';

/**
 * The answer messages whose "More" was just pressed. The page after a message is posted once for the presses of
 * the next {@link HOLD_MS}, however many and by whomever: two quick presses used to post the same page twice.
 * Later, a press posts it again (a private page dismissed, a public one deleted, can be brought back).
 */
export const HOLD_MS = 30_000;

export class MorePresses {
  /** Message id → when its claim lapses. */
  private readonly pressed = new Map<string, number>();

  /** At most `max` messages are remembered; the oldest are forgotten first. */
  constructor(private readonly holdMs = HOLD_MS, private readonly max = 10_000, private readonly now: () => number = Date.now) {}

  /**
   * True for a press on `messageId` with no claim held, which then holds one (synchronously, so of two presses
   * handled back to back only one gets true); false while its page is being, or was just, posted.
   */
  claim(messageId: string): boolean {
    const now = this.now();
    const until = this.pressed.get(messageId);
    if (until !== undefined && until > now) return false;
    setBounded(this.pressed, messageId, now + this.holdMs, this.max);
    return true;
  }

  /** The press did not post its page (refused, or Discord failed), or the answer changed: the next press may. */
  release(messageId: string): void {
    this.pressed.delete(messageId);
  }
}
