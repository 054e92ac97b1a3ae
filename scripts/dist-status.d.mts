// Types of dist-status.mjs (plain JavaScript, so that npm start transpiles nothing).
export type DistStatus = { current: boolean; reason: string; entry: string; source: string };
export function distStatus(): DistStatus;
