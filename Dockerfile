# syntax=docker/dockerfile:1

# Build with the project's own Maven wrapper; only Maven Central is needed.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
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
# thread keep the native part from fragmenting. The heap is committed at that size from the start:
# on JDK 25, G1 otherwise kept it at about half and collected about 1.6 times as often, which cost
# the answers' tail latency (bench/README.md, "HTTP").
ENV SERVER_PORT=8080 \
    XEN_SUPPORT_CACHE_DIR=/var/lib/xen-support/git \
    MALLOC_ARENA_MAX=2 \
    JAVA_TOOL_OPTIONS="-XX:InitialRAMPercentage=50 -XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError"
# Start-up: a training run writes an AOT cache of the classes the service loads and links while it
# starts (bench/startup measures the gain). The run uses the embedded PostgreSQL, so the build
# needs no database, and exits once the context is up. That exit skips shutdown hooks, so the
# database is stopped after it (SIGINT: PostgreSQL's fast shutdown). The cache belongs to this
# JRE and this jar, at the path as written: the training run names it by its absolute path, as
# ENTRYPOINT does, so a different working directory does not matter. A JVM that cannot use the
# cache says so and starts without it.
RUN XEN_SUPPORT_IMPORT_ENABLED=false XEN_SUPPORT_EMBEDDED_DB_DIR=/tmp/training-db SERVER_PORT=0 \
    java -XX:AOTCacheOutput=/app/aot/app.aot -Dspring.context.exit=onRefresh -jar /app/application.jar \
 && kill -INT "$(head -n 1 /tmp/training-db/postmaster.pid)" \
 && while [ -e /tmp/training-db/postmaster.pid ]; do sleep 0.1; done \
 && rm -rf /tmp/training-db /tmp/embedded-pg*
EXPOSE 8080
VOLUME ["/var/lib/xen-support"]
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT} && printf "GET /actuator/health/readiness HTTP/1.0\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
ENTRYPOINT ["java", "-XX:AOTCache=/app/aot/app.aot", "-jar", "/app/application.jar"]
