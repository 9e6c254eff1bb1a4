/**
 * Sets `key` to `value` as the map's newest entry (an existing key moves to the end), then forgets the oldest
 * entries past `max`: the bot's in-memory tables stay bounded however long it runs.
 */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= max) break;
    map.delete(oldest);
  }
}
