// Bulk mutations: reassignFlows, removePrincipalFromFlows, replaceConnectionEverywhere (S25). Filled in by its change.
export {};
