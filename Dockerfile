# syntax=docker/dockerfile:1.7
# The function as a Lambda container image on JDK 25, with an AOT cache (JEP 483) made in the
# image by a training run against loopback fakes (aot/build-cache, aot/Training.java). See
# docs/deployment.md. From the repository root:
#
#   docker build --platform linux/amd64 -t mcsynch-restart-check:aot .
#
# Stage 1 builds function.zip, fetches the AWS Lambda runtime interface client and lays the task out
# as jars only (app.jar, lib.jar merged from the zip's lib/*.jar, ric/*.jar). Stage 2 is the runtime: it trains and writes the cache with its own JVM (a cache is
# only valid for the JVM build that made it), then starts the function as Lambda does.
# Not built here: this project's machines have no Docker engine; every step below is the script
# bench/run and aot/build-cache run locally on Temurin 25.

FROM eclipse-temurin:25-jdk AS build
RUN apt-get update && apt-get install -y --no-install-recommends unzip && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
COPY aot aot
COPY events events
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q package -DskipTests \
 && aot/build-cache layout --task /var/task \
 && javac --release 25 -d /trainer aot/Training.java

FROM eclipse-temurin:25-jre
COPY --from=build /var/task /var/task
# The training run: the same script, on this stage's JVM, with the trainer, its events and the script
# mounted for this step only (nothing of them stays in the image). It fails the build if an answer is
# wrong, if the cache does not load (-XX:AOTMode=on), or if the cache contains any training value.
# (The trainer's fakes use com.sun.net.httpserver, module jdk.httpserver, which Temurin's JRE ships.)
RUN --mount=type=bind,from=build,source=/src/aot,target=/opt/aot-training/aot \
    --mount=type=bind,from=build,source=/src/events,target=/opt/aot-training/events \
    --mount=type=bind,from=build,source=/trainer,target=/opt/aot-training/trainer \
    /opt/aot-training/aot/build-cache train --task /var/task --trainer /opt/aot-training/trainer \
 && rm /var/task/aot/training.log \
 && chmod -R a+rX /var/task
# With WebhookSecretParameter or WebhookSecretId the function reads its secret through the AWS
# Parameters and Secrets Lambda Extension, and images take no layers: unzip the extension's layer into
# extension/ first (aws lambda get-layer-version-by-arn --arn <ExtensionLayerArn> --query
# Content.Location --output text | xargs curl -so ext.zip && unzip ext.zip -d extension), then:
# COPY extension/ /opt/
WORKDIR /var/task
ENV LAMBDA_TASK_ROOT=/var/task
# aot/jvm.args: Lambda's java flags (C1 only, SerialGC, heap 75 % of the function's memory), the
# access flags Java 24+ needs for our dependencies, and the class path in the cache's order. If the
# cache cannot be used, the JVM logs why (four [aot] lines) and starts without it.
ENTRYPOINT ["/opt/java/openjdk/bin/java", "@/var/task/aot/jvm.args", "-XX:AOTCache=/var/task/aot/app.aot", \
            "com.amazonaws.services.lambda.runtime.api.client.AWSLambda"]
CMD ["io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest"]
