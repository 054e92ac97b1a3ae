// accessibleFlows: every flow a user can reach, and how (issue 14). Filled in by its change.
export {};
