// previewFlowOwners and previewRunOnlyUsers: the mutation's own decision, without writing. Filled in by its change.
export {};
