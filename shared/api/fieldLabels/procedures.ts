// Chinese names of this area's API fields (last path segment → label), for validation messages.
export const proceduresLabels: Record<string, string> = {};
