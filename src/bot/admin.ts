import { PermissionFlagsBits, type GuildMember, type Interaction, type APIInteractionGuildMember } from 'discord.js';
import type { Config } from '../config.js';

/** Admins: users in ADMIN_USER_IDS, members with a role in ADMIN_ROLE_IDS, or members with Manage Server. */
export function isAdmin(interaction: Interaction, config: Pick<Config, 'adminUserIds' | 'adminRoleIds'>): boolean {
  if (config.adminUserIds.includes(interaction.user.id)) return true;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  return hasRole(interaction.member, config.adminRoleIds);
}

function hasRole(member: GuildMember | APIInteractionGuildMember | null, roleIds: readonly string[]): boolean {
  if (!member || roleIds.length === 0) return false;
  const roles = Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  return roles.some((r) => roleIds.includes(r));
}
