/** The review console's roles; what each may do is decided in one place, `src/authz/`. */
export const ROLES = ['reviewer', 'lead', 'trust_safety', 'privacy_officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
