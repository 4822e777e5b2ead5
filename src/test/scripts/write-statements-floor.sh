#!/bin/bash
# PostgreSQL's own ceiling for Relata's span writes: pgbench replays the statements one API create and one delete
# send (as count-write-statements.sh logs them), each client on its own gold layer, with no application running.
# Two variants: the layer trigger announcing inside the writing transaction (as before migration V21), and the
# write naming its row version in relata.announced with the announcement sent after the commit (as now).
# Run count-write-statements.sh first: it leaves its scratch database (STMT_DB, default stmt_db) with a project,
# a token and one document. FLOOR_VARIANTS=true replays only today's way. docs/benchmarks.md quotes the result.
# The document and the caller's role are read in one statement (since 2026-12-05, afternoon).
set -e
DB=${STMT_DB:-stmt_db}; SECONDS_PER_RUN=${FLOOR_SECONDS:-15}; DIR=${TMPDIR:-/tmp}/relata-stmt
mkdir -p $DIR
Q="psql -h 127.0.0.1 -U postgres -d $DB -Atq -v ON_ERROR_STOP=1"
if [ "$($Q -c "select count(*) from documents")" -lt 51 ]; then
  $Q -c "insert into documents (project_id, external_id, text, length, meta, created_at)
         select project_id, 'floor' || g, text, length, meta, now() from documents, generate_series(1, 50) g where id = 1"
  $Q -c "insert into annotation_layers (document_id, doc_length, owner_kind)
         select id, length, 'GOLD' from documents where id > 1 on conflict do nothing"
fi
HASH=$($Q -c "select token_hash from api_tokens limit 1")
PROJECT=$($Q -c "select project_id from documents where id = 1")
LENGTH=$($Q -c "select length from documents where id = 1")
script() { # $1: true = announced after the commit (as now), false = by the trigger inside the transaction
  local alone=$1 after=""
  [ "$alone" = true ] && after="select pg_notify('relata_layer', 'p d k o u v s');"
  local auth="select t.id, u.username, u.admin, t.read_only, t.project_scoped, t.last_used_at, case when t.project_scoped then array_to_string(array(select p.project_id from api_token_projects p where p.token_id = t.id), ',') end from api_tokens t join users u on u.id = t.user_id where t.token_hash = '$HASH' and t.revoked_at is null and (t.expires_at is null or t.expires_at > now()) and u.enabled;
select d1_0.id,d1_0.created_at,d1_0.external_id,d1_0.length,d1_0.meta,d1_0.project_id,p1_0.id,p1_0.blind,p1_0.created_at,p1_0.description,p1_0.guidelines,p1_0.link_resources,p1_0.name,p1_0.pre_accept_share,p1_0.state,p1_0.version,d1_0.text,u1_0.id,u1_0.admin,u1_0.can_create_projects,u1_0.created_at,u1_0.deleted_at,u1_0.enabled,u1_0.password_hash,u1_0.username,pm1_0.role from documents d1_0 join projects p1_0 on p1_0.id=d1_0.project_id join users u1_0 on u1_0.username='admin' left join project_members pm1_0 on pm1_0.user_id=u1_0.id and pm1_0.project_id=p1_0.id where d1_0.id=:doc;
BEGIN;"
  local lock="select l1_0.id as layer,l1_0.doc_length,l1_0.document_id,l1_0.owner_kind,l1_0.status,l1_0.updated_at,l1_0.user_id,l1_0.version from annotation_layers l1_0 where l1_0.document_id=:doc and l1_0.owner_kind='GOLD' fetch first 1 rows only for no key update of l1_0 \\gset"
  local mark="update annotation_layers set version = version + 1, updated_at = now(), status = case status when 'NEW' then 'IN_PROGRESS' else status end where id = :layer"
  local announced="q as (select case when $alone then set_config('relata.announced', l.id || ':' || l.version, true) end as deferred from l)"
  cat <<SQL
\\set doc 2 + :client_id % 50
\\set s random(0, $((LENGTH - 6)))
$auth
$lock
with t as (select id from entity_types where project_id = $PROJECT limit 1), s as (insert into spans (layer_id, doc_length, start_offset, end_offset, entity_type_id, attributes, note, links, fragments) select :layer, $LENGTH, :s, :s + 5, t.id, cast('{}' as jsonb), null, cast('[]' as jsonb), null from t returning id), l as ($mark and exists (select 1 from s) returning id, version), a as (insert into audit_events (user_id, project_id, document_id, layer_id, action, entity, entity_id, change) select 1, $PROJECT, :doc, :layer, 'create', 'span', s.id, cast('{}' as json) from s), $announced select s.id as span, l.version, q.deferred from s, l, q \\gset
COMMIT;
$after
$auth
$lock
select s1_0.id, s1_0.attributes, s1_0.start_offset, t1_0.name, p1_0.name from spans s1_0 join annotation_layers l1_0 on l1_0.id=s1_0.layer_id join entity_types t1_0 on t1_0.id=s1_0.entity_type_id join projects p1_0 on p1_0.id=t1_0.project_id where s1_0.id=:span;
with r as (delete from relations where head_span_id = :span or tail_span_id = :span returning id), s as (delete from spans where id = :span and layer_id = :layer returning id), l as ($mark returning id, version), n as (select count(*) as relations from r), a as (insert into audit_events (user_id, project_id, document_id, layer_id, action, entity, entity_id, change) select 1, $PROJECT, :doc, :layer, 'delete', 'span', :span, cast('{}' as json) from n), $announced select l.version, n.relations, q.deferred from l, n, q;
COMMIT;
$after
SQL
}
echo "| announced | pgbench clients | create+delete pairs/s | latency per pair | COMMIT of the create | load |"
echo "|---|---|---|---|---|---|"
for alone in ${FLOOR_VARIANTS:-false true}; do
  script $alone > $DIR/floor-$alone.sql
  for clients in 20 50; do
    out=$(pgbench -n -M prepared -r -h 127.0.0.1 -U postgres -c $clients -j 2 -T $SECONDS_PER_RUN -f $DIR/floor-$alone.sql $DB 2>&1)
    tps=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p'); lat=$(echo "$out" | sed -n 's/^latency average = //p')
    commit=$(echo "$out" | grep -m1 "COMMIT;" | awk '{print $1}')
    echo "| $([ $alone = true ] && echo 'after the commit (now)' || echo 'inside the transaction (before V21)') | $clients | ${tps%.*} | $lat | $commit ms | $(cut -d' ' -f1 /proc/loadavg) |"
  done
done
