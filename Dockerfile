# Terpadu container image: build with the Maven wrapper, run on a slim Java 17 runtime as a non-root user.
# Configure it only through the environment (see README, "Container"); it expects an external PostgreSQL.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 185 terpadu \
 && useradd --system --uid 185 --gid 185 --home-dir /app --shell /usr/sbin/nologin terpadu \
 && mkdir -p /app && chown -R 185:185 /app
WORKDIR /app
COPY --from=build --chown=185:185 /build/target/quarkus-app/lib/ /app/lib/
COPY --from=build --chown=185:185 /build/target/quarkus-app/*.jar /app/
COPY --from=build --chown=185:185 /build/target/quarkus-app/app/ /app/app/
COPY --from=build --chown=185:185 /build/target/quarkus-app/quarkus/ /app/quarkus/
USER 185
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    TERPADU_EMBEDDED_DB_ENABLED=false
# Readiness over plain bash (/dev/tcp), so the check needs no curl or wget in the runtime image.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /q/health/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-jar", "/app/quarkus-run.jar"]
