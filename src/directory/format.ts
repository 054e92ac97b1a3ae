// The directory file's format, checked field by field. Errors name the JSON path. Every
// string is stored, so every one meets S27 (storedText) like the GraphQL inputs do.
import { z } from 'zod';
import { storedText } from '../sharing/input.js';

const text = z.string().trim().min(1, 'must not be empty').superRefine(storedText('name'));
const ids = z.array(text);

const tenant = z.strictObject({
  id: text,
  displayName: text,
  cloud: z.enum(['COMMERCIAL', 'GCC', 'GCC_HIGH', 'DOD']),
});

const user = z.strictObject({
  id: text,
  tenant: text,
  displayName: text,
  email: z.email().superRefine(storedText('name')),
  kind: z.enum(['MEMBER', 'GUEST']),
  license: z.enum(['FREE', 'PREMIUM', 'SEEDED']),
  status: z.enum(['ACTIVE', 'DEPARTED']),
});

const group = z.strictObject({ id: text, tenant: text, displayName: text, members: ids });

const sharePointList = z.strictObject({
  id: text,
  tenant: text,
  title: text,
  siteUrl: z.url().superRefine(storedText('name')),
  /** Users or groups. */
  editors: ids,
});

const environment = z.strictObject({
  id: text,
  tenant: text,
  displayName: text,
  isDefault: z.boolean(),
  securityGroup: text.nullable(),
  users: z.array(
    z.strictObject({
      user: text,
      role: z.enum(['ENVIRONMENT_ADMIN', 'ENVIRONMENT_MAKER', 'BASIC_USER']).nullable(),
    }),
  ),
});

const connector = z.strictObject({ id: text, displayName: text });

export const directoryFile = z.strictObject({
  tenants: z.array(tenant).default([]),
  users: z.array(user).default([]),
  groups: z.array(group).default([]),
  sharePointLists: z.array(sharePointList).default([]),
  environments: z.array(environment).default([]),
  connectors: z.array(connector).default([]),
});

export type DirectoryFile = z.infer<typeof directoryFile>;

/** `["users", 3, "tenant"]` → `$.users[3].tenant` */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`), '$');
}
