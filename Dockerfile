# syntax=docker/dockerfile:1
# One image, the whole product: the service serves the API and the built SPA.
#   docker build -t nastavnik .
#   docker run -p 8080:8080 -v nastavnik-data:/data nastavnik     (SQLite in the /data volume)
# For PostgreSQL and several instances see docker-compose.yml.

FROM node:20-bookworm-slim AS frontend
WORKDIR /src/frontend
# Packages first, so that editing the SPA's sources does not reinstall them.
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

FROM rust:1.95-bookworm AS build
WORKDIR /src
# Both workspace members must be present for cargo to read the workspace; the migrations are
# embedded into the binary at compile time.
COPY Cargo.toml Cargo.lock ./
COPY .cargo .cargo
COPY api api
COPY tests tests
COPY migrations migrations
# Cache mounts keep the registry and compiled dependencies between builds; the binary is copied
# out because the cache is not part of the image.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked -p nastavnik \
    && cp target/release/nastavnik /usr/local/bin/nastavnik

FROM debian:bookworm-slim
# libssl3: the bundled libpq links the system OpenSSL. curl: the health check.
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates libssl3 curl \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --user-group --uid 10001 --home-dir /data --no-create-home \
        --shell /usr/sbin/nologin nastavnik \
    && mkdir -p /data && chown nastavnik:nastavnik /data
COPY --from=build /usr/local/bin/nastavnik /usr/local/bin/nastavnik
COPY --from=frontend /src/frontend/dist /app/frontend/dist
# MALLOC_ARENA_MAX: glibc gives each thread that allocates at once an arena of its own, and
# the workers and the database threads kept ~16 MiB more resident for it under load (scripts/bench.sh).
ENV NASTAVNIK_BIND=0.0.0.0:8080 \
    NASTAVNIK_STATIC_DIR=/app/frontend/dist \
    NASTAVNIK_DATA_DIR=/data \
    NASTAVNIK_LOG_FORMAT=json \
    MALLOC_ARENA_MAX=2
# The SQLite file and the generated JWT secret live here when DATABASE_URL is unset.
VOLUME /data
WORKDIR /app
USER nastavnik
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/healthz || exit 1
CMD ["nastavnik", "serve"]
