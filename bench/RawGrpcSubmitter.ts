import { type ClientHttp2Session, connect, constants } from "node:http2";
import type { SubmitRequest } from "../proto/generated/tessera/v1/SubmitRequest.ts";
import { tesseraMessage } from "../proto/tessera/ProtoMessages.ts";

const submitHeaders = {
  [constants.HTTP2_HEADER_METHOD]: "POST",
  [constants.HTTP2_HEADER_PATH]: "/tessera.v1.JobService/Submit",
  [constants.HTTP2_HEADER_CONTENT_TYPE]: "application/grpc",
  [constants.HTTP2_HEADER_TE]: "trailers",
};

/**
 * The service benchmark's load generator: JobService.Submit over one plaintext HTTP/2 connection (node:http2),
 * with gRPC's framing written here (a 5-byte prefix, then the protobuf message; the status in the trailers). A
 * grpc-js client costs about as much CPU per call as the scheduler spends on it, so on a small machine the client
 * would be what is measured; the scheduler sees the same gRPC requests either way.
 */
export class RawGrpcSubmitter {
  private readonly session: ClientHttp2Session;
  private readonly requestType = tesseraMessage("SubmitRequest");

  constructor(address: string) {
    this.session = connect(`http://${address}`);
    // A failed connection fails the calls on it (their streams error), which the bench reports.
    this.session.on("error", () => {});
  }

  /** Resolves once the scheduler answered OK (the job is durable); rejects with the gRPC status otherwise. */
  submit(request: SubmitRequest): Promise<void> {
    const message = this.requestType.encode(this.requestType.fromObject(request)).finish();
    const frame = Buffer.allocUnsafe(5 + message.length);
    frame[0] = 0; // not compressed
    frame.writeUInt32BE(message.length, 1);
    frame.set(message, 5);
    return new Promise((resolve, reject) => {
      const stream = this.session.request(submitHeaders);
      let status: string | undefined;
      let message = "";
      const take = (headers: Record<string, unknown>) => {
        if (headers["grpc-status"] !== undefined) status = String(headers["grpc-status"]);
        if (headers["grpc-message"] !== undefined)
          message = decodeURIComponent(String(headers["grpc-message"]));
      };
      stream.on("response", take); // a trailers-only answer (an error) carries the status here
      stream.on("trailers", take);
      stream.on("data", () => {}); // the SubmitResponse: not needed, but read so the stream ends
      stream.on("error", reject);
      stream.on("close", () => {
        if (status === "0") resolve();
        else reject(new Error(`Submit failed: gRPC status ${status ?? "missing"} ${message}`));
      });
      stream.end(frame);
    });
  }

  /** Waits until the connection is up (a first request may otherwise pay for it). */
  ready(): Promise<void> {
    if (!this.session.connecting) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.session.once("connect", () => resolve());
      this.session.once("error", reject);
    });
  }

  close(): void {
    this.session.close();
  }
}
