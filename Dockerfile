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
 && java -Djarmode=tools -jar target/xen-support-status-*.jar extract --layers --launcher --destination /extracted

# Run on a JRE only, as an unprivileged user, with the jar's layers copied separately so a
# code change rebuilds only the last layer.
FROM eclipse-temurin:25-jre
# A fixed numeric id, so that Kubernetes can check runAsNonRoot (deploy/kubernetes/service.yaml).
RUN groupadd --system --gid 10001 xensupport \
 && useradd --system --uid 10001 --gid xensupport --home-dir /var/lib/xen-support --create-home xensupport
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER 10001
ENV SERVER_PORT=8080 \
    XEN_SUPPORT_CACHE_DIR=/var/lib/xen-support/git \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
VOLUME ["/var/lib/xen-support"]
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT} && printf "GET /actuator/health/readiness HTTP/1.0\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
