# The Chỉ số platform in one image: the API serving GraphQL (and the built apps) on port 4000.
FROM node:20-bookworm-slim AS build
RUN npm i -g -E pnpm@12.4.2
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build && pnpm deploy --filter @chiso/api --prod --legacy /out

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /out .
COPY --from=build /app/apps/portal/dist ./public/portal
COPY --from=build /app/apps/admin/dist ./public/admin
ENV CHISO_PORTAL_DIR=/app/public/portal CHISO_ADMIN_DIR=/app/public/admin
# Production runs the allow-list: anonymous clients may only send the portal's and admin app's documents
# (the manifest `pnpm persisted:generate` writes, deployed with the API package); API keys and staff sessions
# may still send any document.
ENV CHISO_PERSISTED_QUERIES=allowlist CHISO_PERSISTED_QUERIES_FILE=/app/persisted-queries.json
EXPOSE 4000
# The Node flags of the API's `serve` script (apps/api/package.json), which the benchmarks measure: a 256 MB old
# space keeps the resident memory near 185 MB under load (V8 otherwise lets the heap grow towards a limit set from
# the machine's memory before collecting).
CMD ["node", "--max-old-space-size=256", "dist/main.js"]
