/**
 * The answer messages whose "More" was pressed. The page after a message is posted once, however often and by
 * whomever its button is pressed: two quick presses used to post the same page twice.
 */
export class MorePresses {
  private readonly pressed = new Set<string>();

  /** At most `max` messages are remembered; the oldest are forgotten first. */
  constructor(private readonly max = 10_000) {}

  /**
   * True for the first press on `messageId`, which is then marked (synchronously, so of two presses
   * handled back to back only one gets true); false while or after its page is posted.
   */
  claim(messageId: string): boolean {
    if (this.pressed.has(messageId)) return false;
    this.pressed.add(messageId);
    if (this.pressed.size > this.max) this.pressed.delete(this.pressed.values().next().value as string);
    return true;
  }

  /** The press did not post its page (refused, or Discord failed): the next press may. */
  release(messageId: string): void {
    this.pressed.delete(messageId);
  }
}
