import { CONTENT_SECURITY_POLICY } from "../../security/csp.ts";

/**
 * The page's Content-Security-Policy. Contract: it goes first in <head>, right after the charset, because a policy
 * in a <meta> only governs what the parser meets after it.
 */
export function SecurityPolicy() {
  return <meta http-equiv="Content-Security-Policy" content={CONTENT_SECURITY_POLICY} />;
}
