# syntax=docker/dockerfile:1

# Build with the project's own Maven wrapper; only Maven Central is needed.
FROM eclipse-temurin:25-jdk AS build
# The jar carries the embedded PostgreSQL that the training run below starts, built for the
# image's architecture (BuildKit sets TARGETARCH). Named here rather than left to the pom's
# profiles, which follow the machine Maven runs on: a build stage moved to the build platform
# would otherwise put amd64 binaries into an arm64 image.
ARG TARGETARCH
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
# .mvn/maven.config: arguments every Maven run of this stage takes.
RUN case "${TARGETARCH:-}" in \
      amd64) echo "-Dembedded-postgres.platform=linux-amd64" >> .mvn/maven.config ;; \
      arm64) echo "-Dembedded-postgres.platform=linux-arm64v8" >> .mvn/maven.config ;; \
      "") echo "No TARGETARCH (not BuildKit): the pom's profiles pick the embedded PostgreSQL" ;; \
      *) echo "No embedded PostgreSQL for linux/$TARGETARCH: build for amd64 or arm64" >&2; exit 1 ;; \
    esac
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline
COPY src src
COPY db db
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package \
 && java -Djarmode=tools -jar target/xen-support-status-*.jar extract --layers --destination /extracted \
 && mv /extracted/application/xen-support-status-*.jar /extracted/application/application.jar

# Run on a JRE only, as an unprivileged user, with the jar's layers copied separately so a
# code change rebuilds only the last layers.
FROM eclipse-temurin:25-jre
# A fixed numeric id, so that Kubernetes can check runAsNonRoot (deploy/kubernetes/service.yaml).
RUN groupadd --system --gid 10001 xensupport \
 && useradd --system --uid 10001 --gid xensupport --home-dir /var/lib/xen-support --create-home xensupport \
 && install -d -o 10001 -g 10001 /app/aot
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER 10001
# Half the container's memory for the heap: the rest is needed outside it (bench/README.md,
# "Memory": about 250 MiB of metaspace, code, GC structures and threads, plus up to 144 MiB of
# socket buffers with every connection open). Two malloc arenas instead of one per core and
# thread keep the native part from fragmenting. The heap is committed at that size from the start,
# so the collector does not run the service on a smaller one and collect more often.
# The serial collector, named: it is what the JVM picks by itself in a container of less than
# 1792 MiB or with one CPU, as deployed (768 MiB), and naming it keeps a larger container the same.
# Measured in a 768 MiB, 2-CPU container (bench/README.md, "Container"): against G1, about
# 120 MiB less resident memory after load (400 against 520 MiB), as many or more answers per
# second and a lower p99, and no slower start with the AOT cache (6.9 s against 7.2 s, median).
ENV SERVER_PORT=8080 \
    XEN_SUPPORT_CACHE_DIR=/var/lib/xen-support/git \
    MALLOC_ARENA_MAX=2 \
    JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:InitialRAMPercentage=50 -XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError"
# Start-up: a training run writes an AOT cache of the classes the service loads and links while it
# starts (bench/startup measures the gain). The run uses the embedded PostgreSQL, so the build
# needs no database, and exits once the context is up. That exit skips shutdown hooks, so the
# database is stopped after it (SIGINT: PostgreSQL's fast shutdown).
# The cache holds only for a JVM in the same mode: the training run gets the heap of a 768 MiB
# container (-Xmx384m) instead of half the build machine's memory, since a heap of 32 GiB or more
# (a build host with 64 GiB) turns compressed object pointers off and every container would then
# refuse the cache; any heap under 32 GiB matches. The cache belongs to this JRE and this jar, at
# the path as written: training and ENTRYPOINT name it by its absolute path. A JVM that cannot use
# the cache logs a warning and starts without it; deploy/smoke-image.sh starts the image with
# -XX:AOTMode=on, which refuses to start instead. The training run's temporary files (Tomcat's,
# the embedded database's) go to /tmp/training and are removed with it; it writes no JVM
# performance data (-XX:-UsePerfData).
RUN mkdir /tmp/training \
 && XEN_SUPPORT_IMPORT_ENABLED=false XEN_SUPPORT_EMBEDDED_DB_DIR=/tmp/training/db SERVER_PORT=0 \
    java -Xms384m -Xmx384m -Djava.io.tmpdir=/tmp/training -XX:-UsePerfData \
         -XX:AOTCacheOutput=/app/aot/app.aot -Dspring.context.exit=onRefresh -jar /app/application.jar \
 && kill -INT "$(head -n 1 /tmp/training/db/postmaster.pid)" \
 && while [ -e /tmp/training/db/postmaster.pid ]; do sleep 0.1; done \
 && rm -rf /tmp/training
EXPOSE 8080
VOLUME ["/var/lib/xen-support"]
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT} && printf "GET /actuator/health/readiness HTTP/1.0\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
ENTRYPOINT ["java", "-XX:AOTCache=/app/aot/app.aot", "-jar", "/app/application.jar"]
