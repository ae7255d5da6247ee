# syntax=docker/dockerfile:1
# Build stage: the shaded jar, tests skipped (CI runs them with mvn -B verify).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
COPY . .
RUN mvn -B -q -DskipTests package

# Runtime stage: JRE 17, a non-root user, curl for the healthcheck.
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 vcs \
 && useradd --system --uid 10001 --gid vcs --home-dir /app --shell /usr/sbin/nologin vcs
WORKDIR /app
# /app/data: the optional emulator service keeps its org here (a named volume inherits the owner).
RUN mkdir -p /app/data && chown vcs:vcs /app/data
COPY --from=build /src/target/vault-crm-sync.jar /app/vault-crm-sync.jar
USER vcs
# The API listens on 127.0.0.1 inside the container only; the healthcheck runs inside it too.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8787/api/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/vault-crm-sync.jar"]
CMD ["run", "--vault", "/vault"]
