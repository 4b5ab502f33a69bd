import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * An in-process OTLP/HTTP trace receiver for tests: it accepts `POST /v1/traces` in protobuf
 * (the exporter's default) or JSON and keeps the spans. The protobuf reader below decodes the
 * few fields of opentelemetry-proto's ExportTraceServiceRequest the tests look at.
 */
export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, string | number | boolean>;
}

export async function startOtlpReceiver(): Promise<{
  url: string;
  spans: ReceivedSpan[];
  requests: { contentType: string }[];
  close(): Promise<void>;
}> {
  const spans: ReceivedSpan[] = [];
  const requests: { contentType: string }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const contentType = String(req.headers['content-type'] ?? '');
      if (req.method !== 'POST' || req.url !== '/v1/traces') {
        res.writeHead(404).end();
        return;
      }
      requests.push({ contentType });
      if (contentType.includes('json')) {
        spans.push(...fromJson(JSON.parse(body.toString('utf8')) as JsonRequest));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } else {
        spans.push(...fromProtobuf(body));
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// --- protobuf wire format -----------------------------------------------------------------------

type Field = { no: number; value: bigint | Buffer };

function* fields(buf: Buffer): Generator<Field> {
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = buf[pos++];
      result |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return result;
      shift += 7n;
    }
  };
  while (pos < buf.length) {
    const tag = Number(varint());
    const no = tag >>> 3;
    switch (tag & 7) {
      case 0:
        yield { no, value: varint() };
        break;
      case 1:
        yield { no, value: buf.subarray(pos, (pos += 8)) };
        break;
      case 2: {
        const length = Number(varint());
        yield { no, value: buf.subarray(pos, (pos += length)) };
        break;
      }
      case 5:
        yield { no, value: buf.subarray(pos, (pos += 4)) };
        break;
      default:
        throw new Error(`unsupported wire type ${tag & 7}`);
    }
  }
}

function anyValue(buf: Buffer): string | number | boolean {
  for (const f of fields(buf)) {
    if (f.no === 1) return (f.value as Buffer).toString('utf8');
    if (f.no === 2) return f.value === 1n;
    if (f.no === 3) return Number(f.value as bigint);
    if (f.no === 4) return (f.value as Buffer).readDoubleLE(0);
  }
  return '';
}

function keyValues(list: Buffer[]): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const kv of list) {
    let key = '';
    let value: string | number | boolean = '';
    for (const f of fields(kv)) {
      if (f.no === 1) key = (f.value as Buffer).toString('utf8');
      if (f.no === 2) value = anyValue(f.value as Buffer);
    }
    out[key] = value;
  }
  return out;
}

function fromProtobuf(body: Buffer): ReceivedSpan[] {
  const spans: ReceivedSpan[] = [];
  for (const resourceSpans of fields(body)) {
    if (resourceSpans.no !== 1) continue;
    let service = '';
    const scopeSpans: Buffer[] = [];
    for (const f of fields(resourceSpans.value as Buffer)) {
      if (f.no === 1) {
        const attrs = [...fields(f.value as Buffer)].filter((a) => a.no === 1);
        service = String(keyValues(attrs.map((a) => a.value as Buffer))['service.name'] ?? '');
      }
      if (f.no === 2) scopeSpans.push(f.value as Buffer);
    }
    for (const scope of scopeSpans) {
      for (const s of fields(scope)) {
        if (s.no !== 2) continue;
        const span: ReceivedSpan = {
          service,
          traceId: '',
          spanId: '',
          parentSpanId: '',
          name: '',
          kind: 0,
          attributes: {},
        };
        const attrs: Buffer[] = [];
        for (const f of fields(s.value as Buffer)) {
          if (f.no === 1) span.traceId = (f.value as Buffer).toString('hex');
          if (f.no === 2) span.spanId = (f.value as Buffer).toString('hex');
          if (f.no === 4) span.parentSpanId = (f.value as Buffer).toString('hex');
          if (f.no === 5) span.name = (f.value as Buffer).toString('utf8');
          if (f.no === 6) span.kind = Number(f.value as bigint);
          if (f.no === 9) attrs.push(f.value as Buffer);
        }
        span.attributes = keyValues(attrs);
        spans.push(span);
      }
    }
  }
  return spans;
}

// --- JSON (OTEL_EXPORTER_OTLP_PROTOCOL=http/json) ------------------------------------------------

type JsonValue = { stringValue?: string; boolValue?: boolean; intValue?: number | string };
type JsonKv = { key: string; value: JsonValue };
interface JsonRequest {
  resourceSpans?: {
    resource?: { attributes?: JsonKv[] };
    scopeSpans?: {
      spans?: {
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        kind: number;
        attributes?: JsonKv[];
      }[];
    }[];
  }[];
}

function jsonAttributes(list: JsonKv[] = []): Record<string, string | number | boolean> {
  return Object.fromEntries(
    list.map(({ key, value }) => [
      key,
      value.stringValue ?? value.boolValue ?? Number(value.intValue ?? Number.NaN),
    ]),
  );
}

function fromJson(body: JsonRequest): ReceivedSpan[] {
  return (body.resourceSpans ?? []).flatMap((rs) => {
    const service = String(jsonAttributes(rs.resource?.attributes)['service.name'] ?? '');
    return (rs.scopeSpans ?? []).flatMap((ss) =>
      (ss.spans ?? []).map((s) => ({
        service,
        traceId: s.traceId,
        spanId: s.spanId,
        parentSpanId: s.parentSpanId ?? '',
        name: s.name,
        kind: s.kind,
        attributes: jsonAttributes(s.attributes),
      })),
    );
  });
}
