# One image recipe for the three services, picked with --build-arg SERVICE=<module>.
# Build the jars first: ./mvnw package -DskipTests
FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.21

ARG SERVICE
ENV LANGUAGE='en_US:en'

COPY --chown=185 ${SERVICE}/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185 ${SERVICE}/target/quarkus-app/*.jar /deployments/
COPY --chown=185 ${SERVICE}/target/quarkus-app/app/ /deployments/app/
COPY --chown=185 ${SERVICE}/target/quarkus-app/quarkus/ /deployments/quarkus/

USER 185
# The JVM options ./run-local and the benchmark use (LocalStack's ServiceProcess.JVM_OPTIONS, where
# each is explained): small heaps, serial GC, small stacks; the heap's ceiling and free ratio trade
# some of SPEC §9's 300 MB of RSS for collections that do not stop the loop under a backlog (the
# last -Xmx given wins over the base image's own).
ENV MALLOC_ARENA_MAX=2
ENV JAVA_OPTS_APPEND="-Xms96m -Xmx192m -Xmn40m -XX:MinHeapFreeRatio=40 -XX:MaxHeapFreeRatio=70 -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=160m -XX:+ExitOnOutOfMemoryError -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -XX:-UseCodeCacheFlushing -XX:TrimNativeHeapInterval=5000 -Dquarkus.http.host=0.0.0.0 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
ENV JAVA_APP_JAR="/deployments/quarkus-run.jar"

ENTRYPOINT [ "/opt/jboss/container/java/run/run-java.sh" ]
