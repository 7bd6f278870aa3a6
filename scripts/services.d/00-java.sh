# Java 17+ and Maven 3.8+ build Bugle.
command -v javac >/dev/null || apt_install openjdk-17-jdk-headless
command -v mvn >/dev/null || apt_install maven
