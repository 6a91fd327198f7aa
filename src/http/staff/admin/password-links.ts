/**
 * Invitation and new-password links sent by an administrator. The command that sends them belongs to signing
 * in (src/commands/password-reset.ts); until it exists the user's page offers no such button.
 */
export const passwordLinks = {
  available: async (): Promise<boolean> => false,
};
