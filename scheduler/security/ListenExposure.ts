/** What a listening socket is exposed to and how it is protected. */
export interface Exposure {
  /** `listen on 0.0.0.0:7070`, `serve HTTP on ...`: the start of the refusal. */
  what: string;
  /** Every address the host resolves to is loopback. */
  loopback: boolean;
  /** Callers must present a token or a certificate. */
  authenticated: boolean;
  tls: boolean;
  insecurePlaintext: boolean;
}

/**
 * Refuses to serve beyond loopback without authentication, or without TLS unless plaintext was asked for by
 * name: tokens and job environments (secrets) would otherwise cross the network in clear text.
 */
export function checkExposure(e: Exposure): void {
  if (e.loopback) return;
  if (!e.authenticated) {
    throw new Error(
      `refusing to ${e.what} without a token: anyone who can reach it could run commands on your GPU nodes. ` +
        "Pass --credentials FILE or --token-file FILE, or listen on 127.0.0.1.",
    );
  }
  if (!e.tls && !e.insecurePlaintext) {
    throw new Error(
      `refusing to ${e.what} without TLS: tokens and job environments would cross the network in clear text. ` +
        "Pass --tls-cert FILE --tls-key FILE (make them with `tessera certs`), listen on 127.0.0.1, " +
        "or accept plaintext on purpose with --insecure-plaintext.",
    );
  }
}
