-- :rows generated incidents, spread over the 514 kabupaten/kota, every conflict category, the four stages and ten
-- years; one in ten RESTRICTED; impact counts partly unknown (null). Used by the benchmarks: psql -v rows=N -f …
set synchronous_commit = off;
-- With -v rebuild_indexes (bench/statistics.sh), a bulk load as pg_restore does it: the incident table's secondary
-- indexes (read from the catalogue; the primary key and unique indexes stay) are dropped and built again after the
-- rows are in, each in one sort. Kept up row by row, the sixteen of them (three GIN, one GiST) over 10,000,000 random
-- rows had not finished after 33 minutes on a default server's 128 MB of shared buffers; 1,000,000 take 152 s. The
-- other benchmarks keep the indexes up row by row, as a database that grew has them: they measure creates right
-- after the load, and a freshly built index is packed full (inserts into it then split pages).
\if :{?rebuild_indexes}
create temporary table bench_incident_indexes as
select pg_get_indexdef(i.indexrelid) as definition, i.indexrelid::regclass::text as name
from pg_index i where i.indrelid = 'incident'::regclass and not i.indisprimary and not i.indisunique;
select format('drop index %s', name) from bench_incident_indexes \gexec
\endif
with kab as (select array_agg(code order by code) a from region where level in ('KABUPATEN', 'KOTA')),
     cat as (select array_agg(code order by code) a from reference_item where kind = 'conflict-categories')
insert into incident (id, title, description, category_code, region_code, latitude, longitude, location_text,
                      geo_precision, time_precision, occurred_from, source_kind, severity, classification, stage,
                      parties, vulnerable_groups, killed, injured, displaced, version, created_at, updated_at,
                      created_by, updated_by)
select gen_random_uuid(),
       (array['Bentrokan antarwarga', 'Sengketa lahan', 'Unjuk rasa', 'Perkelahian massal', 'Pembakaran rumah'])[1 + g % 5]
         || ' ' || g,
       'Laporan peristiwa nomor ' || g || ' di wilayah konflik',
       cat.a[1 + g % array_length(cat.a, 1)],
       kab.a[1 + (hashint4(g) & 2147483647) % array_length(kab.a, 1)],
       -10.5 + random() * 16, 95.5 + random() * 45, 'Lokasi ' || g, 1 + g % 3, 1 + g % 3,
       now() - interval '1 minute' - random() * interval '3650 days', 'MEDIA', 1 + g % 5,
       case when g % 10 = 0 then 'RESTRICTED' else 'PUBLIC' end,
       (array['PENCEGAHAN', 'PENGHENTIAN', 'PEMULIHAN', 'SELESAI'])[1 + g % 4],
       '[]'::jsonb, '[]'::jsonb, case when g % 3 = 0 then null else g % 4 end, case when g % 2 = 0 then null else g % 9 end,
       null, 0, now(), now() - random() * interval '3650 days', 'bench', 'bench'
from generate_series(1, :rows) g, kab, cat;
\if :{?rebuild_indexes}
set maintenance_work_mem = '1GB';
select definition from bench_incident_indexes \gexec
\endif
-- What autovacuum does within a minute of such a load on a default server (visibility map, hint bits, statistics);
-- done here so that the measures do not depend on the server's autovacuum setting or its timing.
vacuum (analyze) incident;
