// Advice for a share dialog's preview (previewFlowOwners, previewRunOnlyUsers): pure, over what
// the preview observed of the change (src/sharing/preview.ts). Each kind is one rule below; the
// source document gives them in prose (prefer a SharePoint list, run-only for consumers, guests).
import { canAuthorFlows, type EnvironmentRole, type PrincipalRef } from './access.js';

export const SHARING_ADVICE_KINDS = [
  'LARGE_AUDIENCE',
  'GUEST_OWNER',
  'NO_EXPIRY',
  'CONSIDER_LIST',
  'CONSIDER_RUN_ONLY',
  'OUTSIDE_ENVIRONMENT',
  'ADDED_TO_ENVIRONMENT',
  'CONNECTIONS_NEED_ATTENTION',
  'EMBEDDED_CREDENTIALS',
] as const;
export type SharingAdviceKind = (typeof SHARING_ADVICE_KINDS)[number];

/** A group or list reaching more users than this is a large audience. */
export const LARGE_AUDIENCE = 100;

/** Power Automate's SharePoint connector (its directory id). */
export const SHAREPOINT_CONNECTOR = 'shared_sharepointonline';

export type SharingAdvice = {
  kind: SharingAdviceKind;
  message: string;
  /** The principal the advice is about, if one: always one the input named. */
  principal: PrincipalRef | null;
  /** The connection the advice is about, if one: a connection of the flow. */
  connectionId: string | null;
};

/** A principal the change adds, as the preview found it. */
export type AddedPrincipal = {
  principal: PrincipalRef;
  name: string;
  /** Users it stands for (a group's members, a list's editors). */
  users: number;
  /** Of those, guests. */
  guests: number;
  /** Of those, users outside the environment (S16): the grant would be inert for them. */
  inert: number;
  /** For a user: their role in the flow's environment after the change (S14 may give one). */
  role: EnvironmentRole | null;
};

export type AdviceFacts = {
  /** Which mutation is previewed: owners or run-only users. */
  grant: 'OWNER' | 'RUN_ONLY';
  flow: { trigger: 'INSTANT' | 'AUTOMATED' | 'SCHEDULED'; connectorIds: readonly string[] };
  expiresAt: Date | null;
  added: readonly AddedPrincipal[];
  usersAddedToEnvironment: number;
  connectionsNeedingAttention: readonly { id: string; name: string }[];
  /**
   * Run-only previews: connections run-only users would run on (references used by an
   * action, source EMBEDDED), when the flow would have run-only users and the change adds
   * some or makes a reference EMBEDDED. Empty otherwise.
   */
  embeddedConnections: readonly { id: string; name: string }[];
};

const people = (n: number) => `${n} ${n === 1 ? 'user' : 'users'}`;

/** Every piece of advice the facts call for, in SHARING_ADVICE_KINDS order. */
export function sharingAdvice(facts: AdviceFacts): SharingAdvice[] {
  const out: SharingAdvice[] = [];
  const about = (kind: SharingAdviceKind, message: string, principal: PrincipalRef | null = null, connectionId: string | null = null) =>
    out.push({ kind, message, principal, connectionId });
  const access = facts.grant === 'OWNER' ? 'owner access' : 'run-only access';

  for (const a of facts.added) {
    if (a.principal.kind !== 'USER' && a.users > LARGE_AUDIENCE) {
      about('LARGE_AUDIENCE', `${a.name} stands for ${people(a.users)}: all of them would get ${access}.`, a.principal);
    }
  }
  if (facts.grant === 'OWNER') {
    for (const a of facts.added.filter((a) => a.guests > 0)) {
      const who =
        a.principal.kind === 'USER' ? `${a.name} is a guest` : `${a.name} includes ${a.guests === 1 ? 'a guest' : `${a.guests} guests`}`;
      about('GUEST_OWNER', `${who} and would become an owner, able to edit, share and delete the flow.`, a.principal);
    }
  }
  if (facts.expiresAt === null) {
    for (const a of facts.added.filter((a) => a.guests > 0)) {
      const who = a.principal.kind === 'USER' ? `${a.name}, a guest,` : `The guests in ${a.name}`;
      about('NO_EXPIRY', `${who} would keep ${access} until someone removes it: consider setting expiresAt.`, a.principal);
    }
  }
  if (facts.grant === 'OWNER' && facts.flow.connectorIds.includes(SHAREPOINT_CONNECTOR)) {
    for (const a of facts.added.filter((a) => a.principal.kind === 'GROUP')) {
      about(
        'CONSIDER_LIST',
        `The flow uses SharePoint: a SharePoint list as co-owner instead of ${a.name} keeps owner access in step with the list's editors.`,
        a.principal,
      );
    }
  }
  if (facts.grant === 'OWNER' && facts.flow.trigger === 'INSTANT') {
    for (const a of facts.added.filter((a) => a.principal.kind === 'USER' && !canAuthorFlows(a.role))) {
      about(
        'CONSIDER_RUN_ONLY',
        `${a.name} has no maker role in the environment, so could not edit the flow as co-owner: share it run-only instead.`,
        a.principal,
      );
    }
  }
  for (const a of facts.added.filter((a) => a.inert > 0)) {
    const who = a.principal.kind === 'USER' ? `${a.name} is` : `${people(a.inert)} of ${a.name} are`;
    about('OUTSIDE_ENVIRONMENT', `${who} outside the environment's security group: the grant would give them nothing.`, a.principal);
  }
  if (facts.usersAddedToEnvironment > 0) {
    about('ADDED_TO_ENVIRONMENT', `${people(facts.usersAddedToEnvironment)} would be added to the environment.`);
  }
  for (const c of facts.connectionsNeedingAttention) {
    about('CONNECTIONS_NEED_ATTENTION', `The connection ${c.name} uses the credentials of an owner being removed: update it.`, null, c.id);
  }
  for (const c of facts.embeddedConnections) {
    about(
      'EMBEDDED_CREDENTIALS',
      `Run-only users would run on the connection ${c.name}, with its owner's credentials: consider INVOKER, so each runner brings their own.`,
      null,
      c.id,
    );
  }
  return out;
}

/** The most advice one added principal can get: LARGE_AUDIENCE, GUEST_OWNER, NO_EXPIRY, CONSIDER_LIST or CONSIDER_RUN_ONLY, OUTSIDE_ENVIRONMENT. */
export const ADVICE_PER_PRINCIPAL = 5;
