#!/bin/bash
# Counts the statements PostgreSQL receives for one span create and one delete (API token, gold layer),
# from its own log (log_statement = all on a scratch database). Needs the packaged jar (./mvnw package) and
# a local PostgreSQL whose log is under /var/log/postgresql (Debian). docs/benchmarks.md quotes the result.
set -e
mkdir -p ${TMPDIR:-/tmp}/relata-stmt
cd "$(dirname "$0")/../../.."
JAR=${1:-target/quarkus-app/quarkus-run.jar}
DB=${STMT_DB:-stmt_db}; PORT=${STMT_PORT:-8199}
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB"
psql -h 127.0.0.1 -U postgres -qc "alter database $DB set log_statement = 'all'"
RELATA_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB RELATA_ADMIN_PASSWORD=stmt-admin-pass-1 PORT=$PORT \
  MALLOC_ARENA_MAX=2 java @docker/jvm.options -jar $JAR > ${TMPDIR:-/tmp}/relata-stmt/app.log 2>&1 &
APP=$!
trap "kill $APP" EXIT
until curl -sf localhost:$PORT/q/health/ready >/dev/null; do sleep 1; done
A="-u admin:stmt-admin-pass-1"
TOKEN=$(curl -sf $A -H 'Content-Type: application/json' -d '{"name":"t"}' localhost:$PORT/api/tokens | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])')
H="Authorization: Bearer $TOKEN"
PID=$(curl -sf -H "$H" -H 'Content-Type: application/json' -d '{"name":"p","description":"","schema":{"entityTypes":[{"name":"PER"}],"relationTypes":[]}}' localhost:$PORT/api/projects | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
printf '{"id":"d1","text":"Alice met Bob in Paris."}\n' > ${TMPDIR:-/tmp}/relata-stmt/d.jsonl
curl -sf -H "$H" -H "Content-Type: application/x-ndjson" --data-binary @${TMPDIR:-/tmp}/relata-stmt/d.jsonl "localhost:$PORT/api/projects/$PID/import?format=jsonl&target=gold" > /dev/null
DOC=$(curl -sf -H "$H" "localhost:$PORT/api/projects/$PID/documents" | python3 -c 'import sys,json;d=json.load(sys.stdin);d=d.get("items",d) if isinstance(d,dict) else d;print(d[0]["id"])')
pair() {
  SID=$(curl -sf -H "$H" -H 'Content-Type: application/json' -d '{"start":0,"end":5,"label":"PER"}' localhost:$PORT/api/documents/$DOC/layers/gold/spans | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
  psql -h 127.0.0.1 -U postgres -d $DB -qc "select 'MARK-BETWEEN'" >/dev/null
  curl -sf -H "$H" -X DELETE localhost:$PORT/api/documents/$DOC/layers/gold/spans/$SID > /dev/null
}
for i in 1 2 3; do pair; done
LOG=$(ls -t /var/log/postgresql/*.log | head -1)
RUN=$$-$(date +%s)  # this run's marks: the log holds earlier runs too
psql -h 127.0.0.1 -U postgres -d $DB -qc "select 'MARK-START-$RUN'" >/dev/null
pair
psql -h 127.0.0.1 -U postgres -d $DB -qc "select 'MARK-END-$RUN'" >/dev/null
sleep 1
awk -v s="MARK-START-$RUN" -v e="MARK-END-$RUN" 'index($0, s){on=1;next} index($0, e){on=0} on' $LOG | grep -E "LOG:  (statement|execute)" | sed -E 's/.*LOG:  //' > ${TMPDIR:-/tmp}/relata-stmt/stmts.txt
echo "create:"; awk '/MARK-BETWEEN/{exit} {print}' ${TMPDIR:-/tmp}/relata-stmt/stmts.txt | grep -v "MARK" | cut -c1-150
echo "delete:"; awk 'f{print} /MARK-BETWEEN/{f=1}' ${TMPDIR:-/tmp}/relata-stmt/stmts.txt | cut -c1-150
