import { readFileSync } from "node:fs";
import { Etcd3 } from "etcd3";

/** `--etcd-ca/--etcd-cert/--etcd-key`: TLS to etcd (the CA alone for server TLS, all three for client certs). */
export interface EtcdTlsFiles {
  ca?: string | undefined;
  cert?: string | undefined;
  key?: string | undefined;
}

function readPem(path: string, flag: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new Error(`${flag} ${path}: ${(err as Error).message}`);
  }
}

/** An etcd v3 client of the given members; https when a CA is given. */
export function connectEtcd(endpoints: readonly string[], tls: EtcdTlsFiles = {}): Etcd3 {
  if ((tls.cert === undefined) !== (tls.key === undefined))
    throw new Error("--etcd-cert and --etcd-key go together: give both for a client certificate, or neither");
  if (tls.cert && !tls.ca)
    throw new Error("--etcd-cert needs --etcd-ca (the CA that signed etcd's certificate)");
  const scheme = tls.ca ? "https" : "http";
  return new Etcd3({
    hosts: endpoints.map((e) => `${scheme}://${e}`),
    dialTimeout: 3000,
    ...(tls.ca
      ? {
          credentials: {
            rootCertificate: readPem(tls.ca, "--etcd-ca"),
            ...(tls.cert && tls.key
              ? { certChain: readPem(tls.cert, "--etcd-cert"), privateKey: readPem(tls.key, "--etcd-key") }
              : {}),
          },
        }
      : {}),
  });
}
