# The handbook's production server (npm run serve) with the built site inside.
# Build the site first, in the checkout, where the git history gives the "Last updated" dates:
#   npm ci && npm run build -- --url https://handbook.example.com && docker build -t handbook .
# Run it with the sign-in settings in the environment (README, "Publishing privately"):
#   docker run -p 8080:8080 --env-file handbook.env handbook
FROM node:20-bookworm-slim

ENV NODE_ENV=production
WORKDIR /app

# The server's dependencies only (no test or lint tools).
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# The server runs its TypeScript through tsx, which reads tsconfig.json (JSX settings).
COPY tsconfig.json ./
COPY src ./src
COPY _site ./_site

USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# 0.0.0.0: in a container the port is published by Docker; outside one, the server listens on 127.0.0.1 unless told.
CMD ["node", "--import", "tsx", "src/cli/main.ts", "serve-site", "--dir", "_site", "--host", "0.0.0.0"]
