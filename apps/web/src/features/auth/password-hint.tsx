import { PASSWORD_MIN_LENGTH, passwordWeakness } from "@parley/protocol";

/** The length rule, then the live verdict of the same check the server runs. */
export function PasswordHint({ password, email }: { password: string; email: string }) {
  if (password.length === 0)
    return <>At least {PASSWORD_MIN_LENGTH} characters. Long passphrases are best.</>;
  const weakness = passwordWeakness(password, email);
  if (weakness) return <span className="hint-warning">{weakness}</span>;
  return <span className="hint-ok">✓ Strong enough</span>;
}
