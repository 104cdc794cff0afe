// Chinese names of this area's API fields (last path segment → label), for validation messages.
export const assistanceLabels: Record<string, string> = {};
