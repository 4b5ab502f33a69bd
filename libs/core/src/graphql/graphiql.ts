import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

export const GRAPHIQL_PATH = '/graphiql';

/**
 * The GraphiQL IDE, every byte served by this app from npm packages (`graphiql` 3's UMD bundle
 * and stylesheet, React 18's UMD builds): it works on a closed network, and the page needs no
 * inline script, so the CSP stays `script-src 'self'` (fonts and icons are `data:` URIs).
 * `graphiql` 4+ and React 19 ship no UMD build, hence these majors.
 */
export function registerGraphiql(fastify: FastifyInstance, graphqlPath: string): void {
  const assets: Record<string, { type: string; body: Buffer | string }> = {
    'graphiql.min.js': { type: 'text/javascript', body: read('graphiql', 'graphiql.min.js') },
    'graphiql.min.css': { type: 'text/css', body: read('graphiql', 'graphiql.min.css') },
    'react.production.min.js': {
      type: 'text/javascript',
      body: read('react', 'umd/react.production.min.js'),
    },
    'react-dom.production.min.js': {
      type: 'text/javascript',
      body: read('react-dom', 'umd/react-dom.production.min.js'),
    },
    'init.js': { type: 'text/javascript', body: initScript(graphqlPath) },
  };
  const page = html();
  fastify.get(GRAPHIQL_PATH, (_request, reply) => {
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page);
  });
  fastify.get<{ Params: { file: string } }>(`${GRAPHIQL_PATH}/assets/:file`, (request, reply) => {
    const asset = Object.hasOwn(assets, request.params.file)
      ? assets[request.params.file]
      : undefined;
    if (!asset) {
      reply.code(404).type('text/plain; charset=utf-8').send('Not found');
      return;
    }
    reply.header('cache-control', 'public, max-age=3600').type(asset.type).send(asset.body);
  });
}

function read(pkg: string, file: string): Buffer {
  return readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), file));
}

function html(): string {
  const assets = `${GRAPHIQL_PATH}/assets`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Nexus GraphiQL</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${assets}/graphiql.min.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="${assets}/react.production.min.js"></script>
  <script src="${assets}/react-dom.production.min.js"></script>
  <script src="${assets}/graphiql.min.js"></script>
  <script src="${assets}/init.js"></script>
</body>
</html>
`;
}

/** The page's own script, a file rather than inline (CSP). Queries go to this origin. */
function initScript(graphqlPath: string): string {
  return `'use strict';
(function () {
  var url = new URL(${JSON.stringify(graphqlPath)}, window.location.origin).href;
  var fetcher = GraphiQL.createFetcher({ url: url });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery:
        '# Public queries need no token; for the others add a header:\\n' +
        '# { "Authorization": "Bearer <accessToken from the login mutation>" }\\n' +
        '{\\n  articles(first: 5) {\\n    edges { node { slug title author { username } tags } }\\n  }\\n}\\n',
    }),
  );
})();
`;
}
