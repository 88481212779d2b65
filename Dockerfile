# netpol-guard KRM function image.
# Build stage: install dev dependencies, precompile schemas, bundle the command and its parts.
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY examples ./examples
RUN npm run build

# Code-cache stage: V8 takes a code cache only from the Node build that made it, so the
# caches are made again here with the runtime image's own Node (exec form: no shell needed).
FROM gcr.io/distroless/nodejs20-debian12:nonroot AS code-cache
USER 0:0
WORKDIR /netpol-guard
COPY --from=build /src/dist/netpol-guard.js /src/dist/netpol-guard.bundle.js /src/dist/netpol-guard.yaml.js /src/dist/netpol-guard.js-yaml.js /src/dist/netpol-guard.config.js /src/scripts/code-cache-writer.cjs /src/examples/004-zero-trust/input.yaml ./
RUN ["/nodejs/bin/node", "code-cache-writer.cjs", "netpol-guard.js", "input.yaml"]

# Runtime stage: Node and the command only (launcher, bundle, parts, code caches): no
# shell, no package manager, no network needed. Runs as a non-root user and writes nothing,
# so a read-only root filesystem and kustomize's `docker run --network none --user nobody`
# both work.
FROM gcr.io/distroless/nodejs20-debian12:nonroot
COPY --from=code-cache /netpol-guard/netpol-guard.js /netpol-guard/netpol-guard.bundle.js /netpol-guard/netpol-guard.bundle.js.cache /netpol-guard/netpol-guard.yaml.js /netpol-guard/netpol-guard.yaml.js.cache /netpol-guard/netpol-guard.js-yaml.js /netpol-guard/netpol-guard.js-yaml.js.cache /netpol-guard/netpol-guard.config.js /netpol-guard/netpol-guard.config.js.cache /netpol-guard/
USER 65532:65532
ENTRYPOINT ["/nodejs/bin/node", "/netpol-guard/netpol-guard.js"]
