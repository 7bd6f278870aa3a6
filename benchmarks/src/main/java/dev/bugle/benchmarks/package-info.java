/**
 * JMH benchmarks. Build with {@code mvn -pl benchmarks -am package -DskipTests}, then run
 * {@code java -jar benchmarks/target/benchmarks.jar REGEX}. Each backend's benchmark compares Bugle with the raw
 * client on the same machine in the same run, and docs/benchmarks.md records the ratios.
 */
package dev.bugle.benchmarks;
