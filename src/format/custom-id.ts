/** What a button on an answer does, and what it needs to do it. */
export type ButtonAction =
  | { kind: 'more'; offset: number; questionId: string }
  | { kind: 'context'; sentenceId: number; questionId: string; /** The sentence's {@link sentenceKey}: finds it again after a reindex. */ key?: string }
  | { kind: 'feedback'; vote: 'up' | 'down'; offset: number; questionId: string };

/** Encodes a button action as a custom id (`ask:more:<offset>:<questionId>` …); question ids are snowflakes, so ids stay far below Discord's 100. */
export function encodeCustomId(a: ButtonAction): string {
  switch (a.kind) {
    case 'more': return `ask:more:${a.offset}:${a.questionId}`;
    case 'context': return `ask:ctx:${a.sentenceId}:${a.questionId}${a.key === undefined ? '' : `:${a.key}`}`;
    case 'feedback': return `ask:${a.vote}:${a.offset}:${a.questionId}`;
  }
}

/** Decodes a custom id made by {@link encodeCustomId}; undefined for anything else. */
export function decodeCustomId(id: string): ButtonAction | undefined {
  const m = /^ask:(more|ctx|up|down):(\d{1,9}):([\w-]{1,40})(?::([0-9a-z]{1,7}))?$/.exec(id);
  if (!m) return undefined;
  const [, kind, n, questionId, key] = m as unknown as [string, string, string, string, string | undefined];
  const num = Number(n);
  if (key !== undefined && kind !== 'ctx') return undefined;
  if (kind === 'more') return { kind: 'more', offset: num, questionId };
  if (kind === 'ctx') return { kind: 'context', sentenceId: num, questionId, ...(key !== undefined && { key }) };
  return { kind: 'feedback', vote: kind as 'up' | 'down', offset: num, questionId };
}
