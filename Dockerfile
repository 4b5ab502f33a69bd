# syntax=docker/dockerfile:1
#
# One image for both Nexus processes:
#   api     (default CMD)   node dist/apps/api/apps/api/src/main.js
#   worker  (other command) node dist/apps/worker/apps/worker/src/main.js
#
# Build:  docker build -t nexus .
# Run:    docker run --init -p 3000:3000 -e JWT_SECRET=... nexus      (embedded mode, data in /data)
# Full stack with PostgreSQL, Redis and Mailpit: docker compose up (see docs/deployment.md).

# Node >= 20.19 (package.json engines): some dependencies are ESM-only and load through require(esm).
ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------
# build: full install (Nest CLI, SWC) and compile both apps with the Nest CLI SWC builder (one file
# in, one file out; type-checking is CI's `npm run typecheck`). No bundler: PGlite reads its WASM
# and data files, argon2 loads its native addon, from their own package folders, so the code must
# run against a real node_modules, never a bundle.
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# swagger-ui-dist pulls in @scarf/scarf, whose postinstall phones home; builds stay offline-clean.
ENV SCARF_ANALYTICS=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# Manifests first: the dependency layer is reused until package*.json change.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci

# Only what the build reads, so edits to tests or docs do not invalidate this layer.
COPY nest-cli.json .swcrc tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build \
 && test -f dist/apps/api/apps/api/src/main.js \
 && test -f dist/apps/worker/apps/worker/src/main.js

# ---------------------------------------------------------------------------------------------
# runtime: production dependencies only, installed for real (native addons from their prebuilt
# npm packages, PGlite's WASM next to its code), compiled output copied from the build stage.
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    SCARF_ANALYTICS=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data

COPY package.json package-lock.json ./
# Installed as root and left root-owned: the process user can read the code, never change it.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev \
 && mkdir -p /data \
 && chown node:node /data

COPY --from=build /app/dist ./dist

# /data holds DATA_DIR: the embedded database, the outbox of .eml files and the generated JWT
# secret in embedded mode. It is created owned by `node`, so a named volume mounted there starts
# out writable by the non-root user (Docker copies the image directory's ownership into it).
USER node
EXPOSE 3000

# Signals: node runs as PID 1 (exec-form CMD, no npm or shell in between, so SIGTERM reaches it).
# Nest's enableShutdownHooks() handles SIGTERM: stop accepting, finish in-flight requests and
# jobs, close pools. PID 1 gets no default signal handlers from the kernel, so a SIGTERM that
# arrives before those hooks exist (during start-up or migrations) would be ignored until the
# runtime's SIGKILL. Run it with an init (`docker run --init`, `init: true` in compose: Docker's
# bundled tini) to forward signals and reap zombies; no tini is baked in, so the image needs
# nothing beyond the Node base image and builds without a Debian mirror.
STOPSIGNAL SIGTERM

# Liveness of the api: node's own fetch, since slim images have no curl or wget. The worker has
# no HTTP server; compose overrides this check for it.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

CMD ["node", "dist/apps/api/apps/api/src/main.js"]
