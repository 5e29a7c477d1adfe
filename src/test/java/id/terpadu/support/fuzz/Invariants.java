package id.terpadu.support.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.terpadu.support.Db;

/**
 * What must hold in the database whatever requests came before: each query counts the rows that break one rule,
 * and every count must be 0. The rules are the ones the service keeps (change log, idempotency, webhooks, derived
 * values, personal data), not the ones a table constraint already guarantees.
 */
public final class Invariants {

    /** The change-log entity type of each table whose rows the API writes through the change log. */
    static final Map<String, String> ENTITIES = new LinkedHashMap<>();

    static {
        ENTITIES.put("agency", "agency");
        ENTITIES.put("team", "team");
        ENTITIES.put("team-member", "team_member");
        ENTITIES.put("incident", "incident");
        ENTITIES.put("incident-activity", "incident_activity");
        ENTITIES.put("incident-task", "incident_task");
        ENTITIES.put("early-warning", "early_warning");
        ENTITIES.put("conflict-status", "conflict_status");
        ENTITIES.put("tni-assistance", "tni_assistance");
        ENTITIES.put("action-plan", "action_plan");
        ENTITIES.put("action-plan-item", "action_plan_item");
        ENTITIES.put("action-plan-report", "action_plan_report");
        ENTITIES.put("meeting", "meeting");
        ENTITIES.put("meeting-decision", "meeting_decision");
        ENTITIES.put("neutrality-case", "neutrality_case");
        ENTITIES.put("api-key", "api_key");
        ENTITIES.put("webhook-subscription", "webhook_subscription");
    }

    /** A rule: its name and the query that counts the rows breaking it. */
    public record Rule(String name, String sql) {}

    private Invariants() {}

    public static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        for (Map.Entry<String, String> e : ENTITIES.entrySet()) {
            String type = e.getKey();
            String table = e.getValue();
            rules.add(new Rule(
                    "every " + table + " row's latest change-log entry is a create/update at its version",
                    "select count(*) from " + table + " r where not exists (select 1 from change_log c "
                            + "where c.entity_type = '" + type + "' and c.entity_id = r.id and c.version = r.version "
                            + "and c.operation <> 'DELETE' and c.position = (select max(l.position) from change_log l "
                            + "where l.entity_type = '" + type + "' and l.entity_id = r.id))"));
            // activities and tasks go with their incident, whose tombstone covers them
            String parentTombstone = switch (type) {
                case "incident-activity", "incident-task" ->
                    " and not exists (select 1 from change_log p "
                            + "where p.entity_type = 'incident' and p.operation = 'DELETE' "
                            + "and p.entity_id = cast(c.snapshot ->> 'incidentId' as uuid))";
                default -> "";
            };
            rules.add(new Rule(
                    "every logged " + type + " that no longer exists has a tombstone",
                    "select count(distinct c.entity_id) from change_log c where c.entity_type = '" + type + "' "
                            + "and not exists (select 1 from " + table + " r where r.id = c.entity_id) "
                            + "and not exists (select 1 from change_log d where d.entity_type = '" + type + "' "
                            + "and d.entity_id = c.entity_id and d.operation = 'DELETE')" + parentTombstone));
        }
        rules.add(new Rule(
                "each record's history starts with CREATE, follows a DELETE only with CREATE, "
                        + "and counts its versions up by one",
                """
                select count(*) from (
                    select operation, version, lag(operation) over w as previous_operation,
                           lag(version) over w as previous_version, row_number() over w as n
                    from change_log where entity_type <> 'region-import'
                    window w as (partition by entity_type, entity_id order by position)
                ) h
                where (operation = 'CREATE') <> (n = 1 or previous_operation = 'DELETE')
                   or (operation <> 'CREATE' and version <> previous_version + 1)
                   or version < 0
                """));
        rules.add(new Rule(
                "every stored idempotency key holds a finished, successful answer",
                "select count(*) from idempotency_key where status is null or status < 200 or status > 299"));
        // an update that took the record out of a subscription's view is delivered to it as a tombstone (DELETE)
        rules.add(new Rule("every webhook delivery is of a change-log entry it describes exactly", """
                select count(*) from webhook_delivery d where not exists (select 1 from change_log c
                    where c.position = d.change_position and c.entity_type = d.event_type
                      and c.entity_id = d.entity_id and c.version = d.entity_version
                      and (c.operation = d.operation or c.operation = 'UPDATE' and d.operation = 'DELETE'))
                """));
        rules.add(new Rule("every webhook delivery is of an event type its subscription asked for", """
                select count(*) from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                where not (d.event_type = any (s.event_types))
                """));
        rules.add(new Rule(
                "incidents lie in a kabupaten/kota or finer, never in a province",
                "select count(*) from incident i join region r on r.code = i.region_code where r.level = 'PROVINSI'"));
        rules.add(new Rule("a team's level matches its region", """
                select count(*) from team t left join region r on r.code = t.region_code
                where (t.level = 'NASIONAL') <> (r.code is null)
                   or (t.level = 'PROVINSI') <> (r.level = 'PROVINSI')
                """));
        rules.add(new Rule("every region sits right below its parent", """
                select count(*) from region r
                where r.parent_code is not null and (r.code not like r.parent_code || '.%'
                   or strpos(substr(r.code, length(r.parent_code) + 2), '.') > 0)
                """));
        rules.add(new Rule("an early warning's risk level is its likelihood × impact", """
                select count(*) from early_warning where risk_level <> case
                    when likelihood * impact <= 6 then 'RENDAH' when likelihood * impact <= 12 then 'SEDANG'
                    else 'TINGGI' end
                """));
        rules.add(new Rule("a progress report's percentage is its realisation over its item's target", """
                select count(*) from action_plan_report r join action_plan_item i on i.id = r.item_id
                where r.percentage <> round(r.realisation * 100 / i.target_value, 2) or r.plan_id <> i.plan_id
                """));
        rules.add(new Rule("the change log never keeps a civil servant's name or NIP in clear", """
                select count(*) from change_log c
                cross join lateral jsonb_array_elements(case when jsonb_typeof(c.snapshot -> 'persons') = 'array'
                                                             then c.snapshot -> 'persons' else '[]' end) e
                join neutrality_person p on p.id = cast(e ->> 'id' as uuid)
                where c.entity_type = 'neutrality-case'
                  and ((e ->> 'name' = p.name and p.name ~ '[[:alnum:]]{2,}')
                       or (p.nip is not null and e ->> 'nip' = p.nip))
                """));
        rules.add(new Rule("the change log never keeps an api key's hash or a webhook's signing secret", """
                select (select count(*) from change_log c join api_key k on k.id = c.entity_id
                        where c.entity_type = 'api-key' and strpos(c.snapshot::text, k.key_hash) > 0)
                     + (select count(*) from change_log c join webhook_subscription s on s.id = c.entity_id
                        where c.entity_type = 'webhook-subscription' and strpos(c.snapshot::text, s.secret) > 0)
                """));
        return rules;
    }

    /** Each rule with the number of rows that break it. */
    public static Map<Rule, Long> check() {
        Map<Rule, Long> result = new LinkedHashMap<>();
        for (Rule rule : rules()) {
            result.put(rule, Db.count(rule.sql()));
        }
        return result;
    }
}
