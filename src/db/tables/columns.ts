// Column helpers shared by the tables.
import { timestamp, uuid } from 'drizzle-orm/pg-core';

export const id = () => uuid('id').primaryKey().defaultRandom();
// Millisecond precision, like JavaScript's Date: keyset cursors compare what they were given.
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
