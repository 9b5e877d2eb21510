@echo off
rem Starts the whole platform on Windows, as ./run-local does elsewhere (see README.md).
rem It builds when a jar is missing; after changing the code, run "mvnw.cmd package -DskipTests".
setlocal
cd /d "%~dp0"
set LAUNCHER=local-stack\target\local-stack.jar
set NEEDS_BUILD=
for %%J in ("%LAUNCHER%" intake-service\target\quarkus-app\quarkus-run.jar case-service\target\quarkus-app\quarkus-run.jar notification-service\target\quarkus-app\quarkus-run.jar) do if not exist %%J set NEEDS_BUILD=1
if defined NEEDS_BUILD (
  echo Building the platform ^(mvnw.cmd package -DskipTests^), a few minutes the first time...
  call mvnw.cmd -B -q package -DskipTests || exit /b 1
)
java -Dfraudtip.repository="%CD%" -cp "%LAUNCHER%;local-stack\target\lib\*" io.fraudtip.localstack.RunLocal %*
