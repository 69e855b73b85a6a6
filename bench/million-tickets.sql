-- A provider's history at scale: 100,000 subscribers and 1,000,000 tickets over two years, each
-- with its first timeline entry, in every kind, channel and status. Attributes come from a hash
-- of the row number, so they are independent of each other, as real reports roughly are. Loaded straight into
-- PostgreSQL so that page timings measure the console, not the loader.
\set ON_ERROR_STOP on
DROP INDEX IF EXISTS ix_tickets_search_vector;

INSERT INTO subscribers (account_number, full_name, search_name, plan_name, monthly_price_mxn, marketing_consent, created_at, updated_at, version)
SELECT 'NM-ZAC-' || g, n.first || ' ' || n.last || ' ' || g, lower(n.first || ' ' || n.last || ' ' || g),
       'Hogar ' || (ARRAY[20, 50, 100])[1 + g % 3], (ARRAY[299, 399, 549])[1 + g % 3], false, now(), now(), 1
FROM generate_series(1, 100000) g,
     LATERAL (SELECT (ARRAY['Juan','María','José','Guadalupe','Luis','Rosa','Carlos','Ana','Jorge','Patricia'])[1 + g % 10] AS first,
                     (ARRAY['Pérez','López','García','Hernández','Martínez','Sánchez','Ramírez','Flores','Cruz','Reyes'])[1 + (g / 10) % 10] AS last) n;

INSERT INTO subscriber_phones (number, subscriber_id)
SELECT '+52492' || lpad((1000000 + id)::text, 7, '0'), id FROM subscribers;

INSERT INTO tickets (id, folio, kind, channel, subject, description, service_address, status, priority, subscriber_id,
                     contact_name, contact_phone, area_id, reported_at, created_at, last_activity_at, search_text, conversation_text, version)
SELECT y.year::bigint * 1000000000 + y.seq,
       'NM-' || y.year || '-' || lpad(y.seq::text, 6, '0'),
       (ARRAY['fault','query','doubt','clarification','complaint','suggestion','cancellation','other'])[1 + abs(hashint4(g)) % 8],
       (ARRAY['phone','email','web','whatsapp','in_person','api'])[1 + abs(hashint4(g + 7)) % 6],
       t.subject, t.subject || '. Reporte generado número ' || g || '.', 'Av. Hidalgo ' || g % 500 || ', Zacatecas',
       (ARRAY['registered','in_progress','diagnosing','visit_scheduled','waiting_on_subscriber','routed','resolved','notified','closed','closed','closed','cancelled'])[1 + abs(hashint4(g + 13)) % 12],
       'normal', 1 + abs(hashint4(g + 17)) % 100000, NULL, NULL, 1 + abs(hashint4(g + 19)) % 5,
       y.at, y.at, y.at + interval '2 hours',
       'NM-' || y.year || '-' || lpad(y.seq::text, 6, '0') || ' ' || t.subject || ' reporte ' || g,
       '', 1
FROM generate_series(1, 1000000) g,
     LATERAL (SELECT (ARRAY['Sin internet desde ayer','El módem parpadea en rojo','Cobro duplicado en mi recibo','Quiero cancelar el servicio',
                            'La señal se cae en las noches','Cambio de domicilio','Velocidad menor a la contratada','Sugerencia para la app'])[1 + g % 8] AS subject) t,
     LATERAL (SELECT CASE WHEN g <= 700000 THEN 2025 ELSE 2026 END AS year,
                     CASE WHEN g <= 700000 THEN g ELSE g - 700000 END AS seq,
                     timestamptz '2025-01-01 12:00+00' + (g * interval '60 seconds') AS at) y;

INSERT INTO timeline_entries (ticket_id, at, type, actor_id, actor_name, channel, body)
SELECT id, created_at, 'created', 'system', 'Carga', channel, description FROM tickets;

INSERT INTO folio_counters (year, last_value) VALUES (2025, 700000), (2026, 300000)
  ON CONFLICT (year) DO UPDATE SET last_value = excluded.last_value;

CREATE INDEX ix_tickets_search_vector ON tickets USING GIN (search_vector);
VACUUM ANALYZE;
