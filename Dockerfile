# netpol-guard KRM function image.
# Build stage: install dev dependencies, precompile schemas, bundle into one file.
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

# Runtime stage: Node and the single bundle only; no shell, no package manager, no network
# needed. Runs as a non-root user and writes nothing, so a read-only root filesystem and
# kustomize's `docker run --network none --user nobody` both work.
FROM gcr.io/distroless/nodejs20-debian12:nonroot
COPY --from=build /src/dist/netpol-guard.js /netpol-guard/netpol-guard.js
USER 65532:65532
ENTRYPOINT ["/nodejs/bin/node", "/netpol-guard/netpol-guard.js"]
