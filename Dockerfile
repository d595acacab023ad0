# syntax=docker/dockerfile:1
# Meedoen: the web app and the server in one image. See docs/deploy.md.

# --- 1. The web app (frontend/) ------------------------------------------------------------------
FROM node:20-bookworm-slim AS frontend
WORKDIR /src/frontend
# The bracket makes this a wildcard, which BuildKit lets match nothing: the image still builds while
# frontend/ does not exist. Without a package.json, dist stays empty and the server shows its placeholder page.
COPY fronten[d] ./
RUN if [ -f package.json ]; then \
        if [ -f package-lock.json ]; then npm ci; else npm install; fi && npm run build; \
    fi && mkdir -p dist

# --- 2. The server -----------------------------------------------------------------------------
# Pinned to bookworm so the binary links against the same glibc as the runtime image below.
FROM rust:1-bookworm AS backend
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The whole context (see .dockerignore), so bench/ or test targets named in Cargo.toml are present.
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked \
    && cp target/release/meedoen /usr/local/bin/meedoen

# --- 3. The runtime image ----------------------------------------------------------------------
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq5 ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 meedoen \
    && useradd --system --uid 10001 --gid meedoen --home-dir /app --shell /usr/sbin/nologin meedoen
WORKDIR /app
COPY --from=backend /usr/local/bin/meedoen /usr/local/bin/meedoen
COPY config/ ./config/
COPY --from=frontend /src/frontend/dist ./frontend/dist
# data/ holds the SQLite file and mail files when those are used; mount a volume here for SQLite.
RUN mkdir -p /app/data && chown meedoen:meedoen /app/data
USER 10001:10001
ENV MEEDOEN_CONFIG_DIR=/app/config \
    MEEDOEN__SERVER__HOST=0.0.0.0 \
    MEEDOEN__SERVER__PORT=8080
EXPOSE 8080
CMD ["meedoen", "serve"]
