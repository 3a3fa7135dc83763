import * as grpc from "@grpc/grpc-js";
import type { TlsMaterial } from "../../proto/tessera/TlsFiles.ts";

type CaListener = grpc.experimental.CaCertificateUpdateListener;
type IdentityListener = grpc.experimental.IdentityCertificateUpdateListener;

/**
 * The scheduler's certificate, key and CA as read at start, handed to grpc-js's certificate-provider credentials.
 * Listeners hear of them on the next tick: grpc-js registers its server as a watcher only after adding them.
 */
class FixedCertificates implements grpc.experimental.CertificateProvider {
  constructor(private readonly tls: Required<TlsMaterial>) {}
  addCaCertificateListener(listener: CaListener): void {
    queueMicrotask(() => listener({ caCertificate: this.tls.ca }));
  }
  removeCaCertificateListener(): void {}
  addIdentityCertificateListener(listener: IdentityListener): void {
    queueMicrotask(() => listener({ certificate: this.tls.cert, privateKey: this.tls.key }));
  }
  removeIdentityCertificateListener(): void {}
}

/**
 * gRPC server credentials. With a CA the server asks for a client certificate without requiring one: agents
 * present theirs (their node identity), users present tokens; grpc-js reports a peer certificate to handlers
 * only when it verified against the CA.
 */
export function serverCredentials(tls: TlsMaterial | undefined): grpc.ServerCredentials {
  if (!tls) return grpc.ServerCredentials.createInsecure();
  if (!tls.cert || !tls.key) {
    throw new Error(
      "--tls-ca on the scheduler needs --tls-cert and --tls-key: the scheduler's own certificate",
    );
  }
  if (!tls.ca)
    return grpc.ServerCredentials.createSsl(null, [{ cert_chain: tls.cert, private_key: tls.key }]);
  const provider = new FixedCertificates({ cert: tls.cert, key: tls.key, ca: tls.ca });
  // One provider serves as both CA and identity source, which also keeps us clear of the argument order.
  return grpc.experimental.createCertificateProviderServerCredentials(provider, provider, false);
}
