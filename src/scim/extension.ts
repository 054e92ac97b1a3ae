// flowshare's own attributes of a user, as a SCIM schema extension (RFC 7643 §3.3), for
// identity providers to map onto: `license` (FREE, PREMIUM or SEEDED; SEEDED when a new user
// comes without it, unchanged when an update leaves it out). Entra ID names it
// `urn:ietf:params:scim:schemas:extension:flowshare:2.0:User:license` in its attribute
// mappings; Okta as an attribute of that external namespace.
import SCIMMY from 'scimmy';

export const FLOWSHARE_USER = 'urn:ietf:params:scim:schemas:extension:flowshare:2.0:User';

export const LICENSES = ['FREE', 'PREMIUM', 'SEEDED'] as const;
export type License = (typeof LICENSES)[number];

const definition = new SCIMMY.Types.SchemaDefinition('FlowshareUser', FLOWSHARE_USER, 'What flowshare needs to know of a user', [
  new SCIMMY.Types.Attribute('string', 'license', {
    canonicalValues: [...LICENSES],
    caseExact: true,
    description: 'The Power Automate license kind: FREE may not share (S1). SEEDED when a new user has none.',
  }),
]);

export class FlowshareUser extends SCIMMY.Types.Schema {
  static override readonly id = FLOWSHARE_USER;
  static override readonly definition = definition;
  constructor(resource: object, direction = 'both', basepath?: string, filters?: SCIMMY.Types.Filter) {
    super(resource, direction);
    Object.assign(this, definition.coerce(resource, direction, basepath, filters));
  }
}
