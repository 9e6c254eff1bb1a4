/** The JSON error code of a failed Discord API call (10008 "Unknown Message", 40060 "already acknowledged"…), if any. */
export function discordErrorCode(err: unknown): unknown {
  return (err as { code?: unknown } | null)?.code;
}
