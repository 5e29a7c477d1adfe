#!/usr/bin/env bash
# Likely-duplicates benchmark. Loads the official region list and N generated incidents (default 1,000,000, the
# background of bench/generate-incidents.sql), then E events (default 1,000) each reported 2 to 4 times: reworded
# titles and descriptions (other word order and synonyms, a prefix), typos, times shifted by hours, one report in five
# from another kabupaten/kota of the province and some in a related category; beside each event three decoys of the
# same kabupaten/kota, category and days (one of them the same kind of clash over the same cause elsewhere). It then
# measures, against psql on the same server in the same run:
#   - recall: for the first report of each event, the share of its other reports that
#     GET /api/v1/incidents/{id}/similar puts in its top 3 (goal >= 0.9), and how often the first candidate is one;
#   - latency of GET …/similar over HTTP (one client, one connection, after a warm-up): median and p95 (goal: median
#     under 50 ms), next to the same two statements (the record, then its candidates: the SQL of
#     verification/Similar.java) run by pgbench on the same probes, and the ratio.
# Needs psql, pgbench, curl, python3 and a PostgreSQL server (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres)
# on which it may create a scratch database.
#
#   bench/similar.sh [incidents] [events]          # 1000000 1000; bench/similar.sh 50000 is a quick run
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
EVENTS=${2:-1000}
WARMUP=${BENCH_WARMUP:-600}
. bench/lib.sh
bench_needs psql pgbench curl python3
bench_jar
DB=terpadu_bench_similar_$$
bench_database $DB
PORT=${BENCH_PORT:-18085}
bench_start $DB $PORT bench-similar.log
bench_regions

echo "generating $ROWS incidents ..." >&2
t0=$(date +%s)
psql -d $DB -q -v ON_ERROR_STOP=1 -v rows="$ROWS" -f bench/generate-incidents.sql
load_secs=$(( $(date +%s) - t0 ))
gin=$(psql -d $DB -Atqc "select string_agg(indexname, ', ' order by indexname) from pg_indexes
                         where tablename = 'incident' and indexdef like '% USING gin %'")

# The events, their reports and the decoys, written by a seeded generator (the same data for the same arguments).
psql -d $DB -Atqc "select code from region where level in ('KABUPATEN', 'KOTA') order by code" > "$WORK/kab.txt"
psql -d $DB -Atqc "select code || ',' || coalesce(parent_code, '') from reference_item
                   where kind = 'conflict-categories' order by code" > "$WORK/cat.txt"
python3 - "$EVENTS" "$WORK" <<'PY'
import csv, random, sys, uuid, datetime
events, work = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(20261206)
kab = [l.strip() for l in open(f"{work}/kab.txt") if l.strip()]
by_province = {}
for k in kab:
    by_province.setdefault(k[:2], []).append(k)
parent = dict(l.strip().split(",") for l in open(f"{work}/cat.txt") if l.strip())
family = {}
for code, p in parent.items():
    family.setdefault(p or code, []).append(code)
def related(code):
    root = parent[code] or code
    others = [c for c in family[root] if c != code]
    return rnd.choice(others) if others else code

PRE = ["Sungai", "Tanjung", "Air", "Bukit", "Kampung", "Lubuk", "Teluk", "Koto", "Padang", "Pulau", "Batu", "Muara"]
SYL = ["li", "mau", "ta", "ra", "pa", "dang", "ka", "sih", "ma", "nis", "ba", "ru", "so", "lok", "ti", "ga",
       "lu", "ah", "pe", "sek", "bu", "ngin", "ke", "ram", "jo", "tan", "wi", "rang"]
def place():
    return rnd.choice(PRE) + " " + (rnd.choice(SYL) + rnd.choice(SYL)).capitalize()
ACTORS = ["warga desa {}", "pemuda kampung {}", "kelompok nelayan {}", "pendukung calon kepala desa {}",
          "buruh kebun sawit {}", "petani {}", "pedagang pasar {}", "sopir angkutan {}", "mahasiswa asal {}",
          "jemaah surau {}", "ojek pangkalan {}", "anggota ormas {}"]
ACTIONS = [
    (["Bentrokan", "Bentrok", "Perkelahian massal"], ["bentrok dengan", "berkelahi dengan", "terlibat bentrok dengan"],
     ["saling serang", "bentrok", "ribut besar"]),
    (["Pembakaran pos", "Pos dibakar", "Pembakaran pondok"], ["membakar pos milik", "membakar pondok milik", "bakar pos"],
     ["saling bakar pos", "bakar-bakaran pondok", "membakar pos"]),
    (["Blokade jalan", "Pemblokiran jalan", "Jalan diblokade"], ["memblokade jalan menuju", "memblokir akses",
     "menutup jalan ke"], ["blokade jalan", "tutup jalan", "memblokir jalan"]),
    (["Unjuk rasa ricuh", "Demo berujung ricuh", "Aksi massa ricuh"], ["berdemo menolak", "unjuk rasa menentang",
     "aksi menolak"], ["demo ricuh", "unjuk rasa ricuh", "aksi massa"]),
    (["Perusakan rumah", "Rumah dirusak", "Pengrusakan rumah"], ["merusak rumah", "merusak rumah-rumah",
     "mengrusak rumah"], ["saling rusak rumah", "rusak rumah", "perusakan rumah"]),
    (["Penganiayaan", "Pengeroyokan", "Penganiayaan massal"], ["menganiaya", "mengeroyok", "memukuli"],
     ["saling pukul", "keroyokan", "adu pukul"]),
]
CAUSES = ["sengketa lahan sawit", "batas desa", "hasil pemilihan kepala desa", "pembagian dana desa",
          "tambang pasir", "air irigasi", "ganti rugi lahan jalan", "hak ulayat", "kapal pukat harimau",
          "pembangunan menara", "tapal batas kebun", "retribusi pasar"]
PREFIX = ["", "", "", "Laporan: ", "Update - ", "Info: ", "[Mendesak] "]

def typo(text):
    words = text.split(" ")
    for _ in range(rnd.choice([0, 1, 1, 2])):
        i = rnd.randrange(len(words))
        w = words[i]
        if len(w) < 5:
            continue
        j = rnd.randrange(1, len(w) - 2)
        kind = rnd.randrange(3)
        if kind == 0:
            w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
        elif kind == 1:
            w = w[:j] + w[j + 1:]
        else:
            w = w[:j] + w[j] + w[j:]
        words[i] = w
    return " ".join(words)

def story():
    p1, p2 = place(), place()
    a, b = rnd.sample(ACTORS, 2)
    return dict(a=a.format(p1), b=b.format(p2), p=p1, act=rnd.choice(ACTIONS), cause=rnd.choice(CAUSES),
                hurt=rnd.randint(1, 12), houses=rnd.randint(0, 6))

def title(s, variant):
    noun, verb, mutual = s["act"]
    n, v, m = rnd.choice(noun), rnd.choice(verb), rnd.choice(mutual)
    t = [f"{n} antara {s['a']} dan {s['b']} terkait {s['cause']}",
         f"{s['a'].capitalize()} {v} {s['b']} soal {s['cause']}",
         f"{s['cause'].capitalize()}: {s['a']} dan {s['b']} {m}",
         f"{n} {s['a']} vs {s['b']} di {s['p']} ({s['cause']})"][variant % 4]
    return rnd.choice(PREFIX) + typo(t[0].upper() + t[1:])

def description(s):
    hurt = max(0, s["hurt"] + rnd.choice([-1, 0, 0, 1]))
    return typo(rnd.choice([
        f"{s['a'].capitalize()} dan {s['b']} {rnd.choice(s['act'][2])} di {s['p']} karena {s['cause']}; "
        f"{hurt} orang luka, {s['houses']} rumah rusak.",
        f"Menurut warga, {s['b']} dan {s['a']} {rnd.choice(s['act'][2])} dipicu {s['cause']}. "
        f"Korban luka {hurt} orang.",
        f"Telah terjadi {rnd.choice(s['act'][0]).lower()} di {s['p']} ({s['cause']}). Pihak: {s['a']}, {s['b']}. "
        f"Luka-luka: {hurt}; rumah rusak: {s['houses']}.",
    ]))

start = datetime.datetime(2016, 1, 1, tzinfo=datetime.timezone.utc)
rows, truth = [], []
for e in range(events):
    k = rnd.choice(kab)
    cat = rnd.choice(list(parent))
    at = start + datetime.timedelta(minutes=rnd.randrange(10 * 365 * 24 * 60 - 5000))
    s = story()
    for r in range(rnd.randint(2, 4)):
        region = k
        if r > 0 and rnd.random() < 0.2 and len(by_province[k[:2]]) > 1:
            region = rnd.choice([x for x in by_province[k[:2]] if x != k])
        c = cat if r == 0 or rnd.random() < 0.85 else related(cat)
        shift = datetime.timedelta(minutes=0 if r == 0 else rnd.randint(-30 * 60, 30 * 60))
        rid = str(uuid.UUID(int=rnd.getrandbits(128), version=4))
        rows.append([rid, title(s, rnd.randrange(4)), description(s), c, region, (at + shift).isoformat()])
        truth.append([rid, e, r])
    for d in range(3):
        other = story()
        if d == 0:
            other["act"], other["cause"] = s["act"], s["cause"]
        shift = datetime.timedelta(minutes=rnd.randint(-48 * 60, 48 * 60))
        rid = str(uuid.UUID(int=rnd.getrandbits(128), version=4))
        rows.append([rid, title(other, rnd.randrange(4)), description(other), cat, k, (at + shift).isoformat()])
with open(f"{work}/reports.csv", "w", newline="") as f:
    csv.writer(f).writerows(rows)
with open(f"{work}/truth.csv", "w", newline="") as f:
    csv.writer(f).writerows(truth)
PY
psql -d $DB -q -v ON_ERROR_STOP=1 <<SQL
create temporary table staged (id uuid, title text, description text, category_code text, region_code text,
                               occurred_from timestamptz);
\copy staged from '$WORK/reports.csv' with (format csv)
insert into incident (id, title, description, category_code, region_code, occurred_from, source_kind, severity,
                      classification, stage, parties, vulnerable_groups, version, created_at, updated_at,
                      created_by, updated_by)
select id, title, description, category_code, region_code, occurred_from, 'MEDIA', 3, 'RESTRICTED', 'PENCEGAHAN',
       '[]'::jsonb, '[]'::jsonb, 0, now(), now(), 'bench', 'bench'
from staged;
create table bench_truth (id uuid primary key, event int not null, report int not null);
\copy bench_truth from '$WORK/truth.csv' with (format csv)
create table bench_probe (n serial primary key, id uuid not null);
insert into bench_probe (id) select id from bench_truth where report = 0 order by event;
analyze incident;
analyze bench_truth;
analyze bench_probe;
SQL
total=$(psql -d $DB -Atqc "select count(*) from incident")
reports=$(psql -d $DB -Atqc "select count(*) from bench_truth")
psql -d $DB -Atqc "select p.id, coalesce(string_agg(o.id::text, ' '), '') from bench_probe p
                   join bench_truth t on t.id = p.id left join bench_truth o on o.event = t.event and o.id <> t.id
                   group by p.n, p.id order by p.n" > "$WORK/probes.txt"

# Over HTTP: one client on one keep-alive connection, warm-up first (the JIT compiles the path), then every probe.
python3 - "$PORT" "$TOKEN" "$WORK/probes.txt" "$WARMUP" > "$WORK/http.txt" <<'PY'
import http.client, json, sys, time
port, token, probes, warmup = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
rows = [l.rstrip("\n").split("|") for l in open(probes) if l.strip()]
conn = http.client.HTTPConnection("127.0.0.1", port)
headers = {"Authorization": "Bearer " + token, "Accept": "application/json"}
def ask(pid):
    conn.request("GET", f"/api/v1/incidents/{pid}/similar", headers=headers)
    r = conn.getresponse()
    body = r.read()
    if r.status != 200:
        raise SystemExit(f"{r.status} {body[:300]}")
    return json.loads(body)
for i in range(warmup):
    ask(rows[i % len(rows)][0])
lat, truths, found, first = [], 0, 0, 0
for pid, others in rows:
    others = set(others.split())
    t = time.perf_counter()
    answer = ask(pid)
    lat.append((time.perf_counter() - t) * 1000)
    top = [c["id"] for c in answer["items"][:3]]
    truths += len(others)
    found += len(others & set(top))
    first += 1 if top and top[0] in others else 0
lat.sort()
print(f"{found / truths:.3f} {first / len(rows):.3f} {lat[len(lat) // 2]:.2f} {lat[int(len(lat) * 0.95)]:.2f} {len(lat)}")
PY
read -r recall top1 http_p50 http_p95 asked < "$WORK/http.txt"

# The same two statements in pgbench on the same probes (prepared, one client): the record, then its candidates as
# verification/Similar.java writes them for a national ADMIN (no region clause; PUBLIC and RESTRICTED).
cat > "$WORK/similar.sql" <<'SQL'
\set n random(1, :probes)
select i.id as self, i.title, left(i.title || coalesce(' ' || i.description, ''), 1000) as text, i.province_code as province,
       i.kabkota_code as kabkota, i.category_code as category, i.occurred_from as at,
       (select string_agg(code, ',') from reference_item r where r.kind = 'conflict-categories'
          and coalesce(r.parent_code, r.code) = coalesce((select parent_code from reference_item
              where kind = 'conflict-categories' and code = i.category_code), i.category_code)) as family
from incident i where i.id = (select id from bench_probe where n = :n) \gset
select id, title, region_code, category_code, at, verification, title_sim, text_sim, hours,
       same_kabkota, same_category,
       round(cast(0.6 * greatest(title_sim, text_sim) + 0.2 * greatest(0, 1 - hours / 72)
                  + 0.1 * same_kabkota + 0.1 * same_category as numeric), 3) as score
from (
    select c.id, c.title, c.region_code, c.category_code, c.occurred_from as at, c.verification,
           coalesce(similarity(c.title, cast(:title as text)), word_similarity(c.title, :text)) as title_sim,
           similarity(left(c.title || ' ' || coalesce(c.description, ''), 1000), :text) as text_sim,
           abs(extract(epoch from c.occurred_from - cast(:at as timestamptz))) / 3600 as hours,
           case when c.kabkota_code = cast(:kabkota as text) then 1 else 0 end as same_kabkota,
           case when c.category_code = cast(:category as text) then 1
                when cast(:category as text) is null then 0 else 0.5 end as same_category
    from incident c
    where c.province_code = :province
      and c.occurred_from between cast(:at as timestamptz) - interval '72 hours'
                              and cast(:at as timestamptz) + interval '72 hours'
      and c.id <> cast(:self as uuid) and c.category_code = any(string_to_array(:family, ','))
      and c.classification in ('PUBLIC', 'RESTRICTED')
) s
order by score desc, id
limit 10;
SQL
probes=$(wc -l < "$WORK/probes.txt")
(cd "$WORK" && pgbench -n -M prepared -c 1 -t "$WARMUP" -D probes="$probes" -f similar.sql $DB > /dev/null 2>&1)
(cd "$WORK" && pgbench -n -M prepared -c 1 -t "$probes" -D probes="$probes" -f similar.sql -l --log-prefix=pgb $DB \
  > "$WORK/pgb.out" 2>&1) || { cat "$WORK/pgb.out"; exit 1; }
read -r sql_p50 sql_p95 <<< "$(cat "$WORK"/pgb.* | awk '{print $3 / 1000}' | sort -n |
  awk '{a[NR] = $1} END {printf "%.2f %.2f", a[int((NR + 1) / 2)], a[int(NR * 0.95)]}')"
plan=$(psql -d $DB -Atqc "explain select c.id, c.title, c.description from incident c where c.province_code = '13'
  and c.occurred_from between now() - interval '3 days' and now()" | grep -oE '(Index|Index Only) Scan (using|on) [a-z_]+' | head -1)

printf '\nLikely duplicates: %s incidents in all (%s background, generated in %s s), %s events in %s reports, %s asked\n\n' \
  "$total" "$ROWS" "$load_secs" "$EVENTS" "$reports" "$asked"
printf '| %-52s | %10s | %10s | %7s | %-10s |\n' "measure" "Terpadu" "psql" "ratio" "goal"
printf '|%s|%s|%s|%s|%s|\n' "------------------------------------------------------" "------------" "------------" "---------" "------------"
printf '| %-52s | %10s | %10s | %7s | %-10s |\n' "true duplicates in the top 3 (recall)" "$recall" "" "" ">= 0.9"
printf '| %-52s | %10s | %10s | %7s | %-10s |\n' "first candidate is a true duplicate" "$top1" "" "" ""
printf '| %-52s | %7s ms | %7s ms | %7.2f | %-10s |\n' "GET /incidents/{id}/similar median vs the SQL" "$http_p50" "$sql_p50" "$(echo "$http_p50 / $sql_p50" | bc -l)" "< 50 ms"
printf '| %-52s | %7s ms | %7s ms | %7.2f | %-10s |\n' "GET /incidents/{id}/similar p95 vs the SQL" "$http_p95" "$sql_p95" "$(echo "$http_p95 / $sql_p95" | bc -l)" ""
printf '\nThe candidates are found by: %s (GIN indexes of incident after the load: %s)\n' "$plan" "$gin"
