-- One ticket as the API writes it, in one transaction: bump the year's folio counter, insert
-- the ticket, its first timeline entry and its receipt in the outbox. pgbench runs this to
-- measure what PostgreSQL alone can do on this machine: the ceiling the API is compared with.
BEGIN;
INSERT INTO folio_counters (year, last_value) VALUES (2026, 1)
  ON CONFLICT (year) DO UPDATE SET last_value = folio_counters.last_value + 1 RETURNING last_value AS seq \gset
INSERT INTO tickets (id, folio, kind, channel, subject, description, service_address, status, priority,
    contact_name, contact_phone, contact_email, reported_at, created_at, last_activity_at, search_text, conversation_text, version)
  VALUES (2026000000000 + :seq, 'NM-2026-' || lpad(:seq::text, 6, '0'), 'fault', 'web', 'Sin internet',
    'No tengo internet desde ayer; el módem parpadea en rojo.', 'Av. Hidalgo 120, Col. Centro, Zacatecas', 'registered', 'normal',
    'Juan Pérez', '+524921234567', 'juan@example.mx', now(), now(), now(),
    'NM-2026-' || lpad(:seq::text, 6, '0') || ' Juan Pérez juan@example.mx +524921234567 4921234567 Sin internet No tengo internet desde ayer; el módem parpadea en rojo.',
    '', 1);
INSERT INTO timeline_entries (ticket_id, at, type, actor_id, actor_name, channel, body)
  VALUES (2026000000000 + :seq, now(), 'created', 'api-key:1', 'Bench', 'web', 'No tengo internet desde ayer; el módem parpadea en rojo.');
INSERT INTO outbox_messages (ticket_id, channel, kind, recipient, subject, body, state, attempts, created_at, next_attempt_at)
  VALUES (2026000000000 + :seq, 'email', 'receipt', 'juan@example.mx', '[Folio NM-2026-' || lpad(:seq::text, 6, '0') || '] Recibimos tu falla',
    'Netmas: recibimos tu falla. No tengo internet desde ayer; el módem parpadea en rojo.', 'pending', 0, now(), now());
END;
