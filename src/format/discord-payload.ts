import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import { LIMITS, truncate } from './discord-limits.js';

/** Allowed mentions of every payload the bot sends: nobody is ever pinged. */
export interface NoMentions {
  parse: [];
  repliedUser: false;
}

/** A message the bot sends: what reply, editReply, followUp and channel.send accept. */
export interface DiscordPayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: NoMentions;
}

/** Characters an embed counts towards the 6000 total. */
export function embedSize(e: APIEmbed): number {
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

function clampEmbed(e: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...e };
  if (out.title !== undefined) out.title = truncate(out.title, LIMITS.embedTitle);
  if (out.description !== undefined) out.description = truncate(out.description, LIMITS.embedDescription);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, LIMITS.footerText) };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, LIMITS.authorName) };
  if (out.url !== undefined && (out.url.length > LIMITS.url || !/^https?:\/\/\S+$/.test(out.url))) delete out.url;
  if (out.fields) {
    out.fields = out.fields.slice(0, LIMITS.embedFields).map((f) => ({ ...f, name: truncate(f.name, LIMITS.fieldName) || '\u200b', value: truncate(f.value, LIMITS.fieldValue) || '\u200b' }));
  }
  return out;
}

/** Shrinks the description (then drops fields from the last) until the embed is at most `budget` characters; undefined when it cannot fit. */
function fitEmbed(e: APIEmbed, budget: number): APIEmbed | undefined {
  const over = embedSize(e) - budget;
  if (over <= 0) return e;
  const description = e.description ?? '';
  if (description.length - over >= 20) return { ...e, description: truncate(description, description.length - over) };
  const bare: APIEmbed = { ...e, fields: [...(e.fields ?? [])] };
  delete bare.description;
  while (embedSize(bare) > budget && bare.fields!.length > 0) bare.fields!.pop();
  return embedSize(bare) <= budget && embedSize(bare) > 0 ? bare : undefined;
}

/**
 * The one gate every outgoing payload passes: enforces Discord's limits
 * whatever the input (content, embed fields, 10 embeds, 6000 characters in all,
 * 5 rows of 5 buttons, custom ids) and sets allowed mentions to none.
 */
export function safePayload(p: { content?: string; embeds?: APIEmbed[]; components?: APIActionRowComponent<APIButtonComponent>[] }): DiscordPayload {
  const embeds: APIEmbed[] = [];
  let total = 0;
  for (const raw of (p.embeds ?? []).slice(0, LIMITS.embeds)) {
    const fitted = fitEmbed(clampEmbed(raw), LIMITS.embedTotal - total);
    if (!fitted) break;
    total += embedSize(fitted);
    embeds.push(fitted);
  }
  const components = (p.components ?? []).slice(0, LIMITS.actionRows).map((row) => ({
    ...row,
    components: row.components
      .filter((b) => !('custom_id' in b) || b.custom_id.length <= LIMITS.customId)
      .slice(0, LIMITS.buttonsPerRow)
      .map((b) => ('label' in b && b.label !== undefined ? { ...b, label: truncate(b.label, LIMITS.buttonLabel) } : b)),
  })).filter((row) => row.components.length > 0);
  const content = p.content === undefined ? undefined : truncate(p.content, LIMITS.content);
  return { ...(content ? { content } : {}), embeds, components, allowedMentions: { parse: [], repliedUser: false } };
}

/** A plain text message (escaped by the caller) through {@link safePayload}. */
export function textPayload(content: string): DiscordPayload {
  return safePayload({ content });
}
