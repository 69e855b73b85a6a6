using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Ventanilla.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class T13OutagesAndCompensation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "outage_id",
                table: "tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "service_id",
                table: "tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "compensation_policies",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    rate = table.Column<decimal>(type: "TEXT", precision: 6, scale: 4, nullable: false),
                    @base = table.Column<string>(name: "base", type: "TEXT", maxLength: 32, nullable: false),
                    force_majeure_threshold_hours = table.Column<int>(type: "INTEGER", nullable: false),
                    threshold_from = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    minimum_amount_mxn = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    rounding_decimals = table.Column<int>(type: "INTEGER", nullable: false),
                    auto_approve_up_to_mxn = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    legal_citation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compensation_policies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "network_imports",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    file_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    file_size = table.Column<long>(type: "INTEGER", nullable: false),
                    contract_column = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    requested_by_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    requested_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    lease_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    rows_total = table.Column<int>(type: "INTEGER", nullable: true),
                    rows_read = table.Column<int>(type: "INTEGER", nullable: false),
                    created = table.Column<int>(type: "INTEGER", nullable: false),
                    updated = table.Column<int>(type: "INTEGER", nullable: false),
                    unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    refused = table.Column<int>(type: "INTEGER", nullable: false),
                    unmatched = table.Column<int>(type: "INTEGER", nullable: false),
                    refusals_json = table.Column<string>(type: "TEXT", nullable: true),
                    failure = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_network_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "network_nodes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    parent_id = table.Column<long>(type: "INTEGER", nullable: true),
                    path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    depth = table.Column<int>(type: "INTEGER", nullable: false),
                    postal_codes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    neighborhoods = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_network_nodes", x => x.id);
                    table.ForeignKey(
                        name: "fk_network_nodes_network_nodes_parent_id",
                        column: x => x.parent_id,
                        principalTable: "network_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "outage_detection_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    min_reports = table.Column<int>(type: "INTEGER", nullable: false),
                    window_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    min_share_percent = table.Column<int>(type: "INTEGER", nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outage_detection_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outages",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    cause = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    attributable_to_provider = table.Column<bool>(type: "INTEGER", nullable: true),
                    attribution_evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    detected_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    declared_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    estimated_restoration_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    restored_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    external_key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "services",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    account_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    subscriber_id = table.Column<long>(type: "INTEGER", nullable: true),
                    node_id = table.Column<long>(type: "INTEGER", nullable: true),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    plan_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    monthly_price_mxn = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    billing_cutoff_day = table.Column<int>(type: "INTEGER", nullable: true),
                    street = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    neighborhood = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    postal_code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_services", x => x.id);
                    table.ForeignKey(
                        name: "fk_services_network_nodes_node_id",
                        column: x => x.node_id,
                        principalTable: "network_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_services_subscribers_subscriber_id",
                        column: x => x.subscriber_id,
                        principalTable: "subscribers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "outage_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    outage_id = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    actor_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    from = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    to = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outage_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_outage_entries_outages_outage_id",
                        column: x => x.outage_id,
                        principalTable: "outages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outage_nodes",
                columns: table => new
                {
                    outage_id = table.Column<long>(type: "INTEGER", nullable: false),
                    node_id = table.Column<long>(type: "INTEGER", nullable: false),
                    node_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outage_nodes", x => new { x.outage_id, x.node_id });
                    table.ForeignKey(
                        name: "fk_outage_nodes_network_nodes_node_id",
                        column: x => x.node_id,
                        principalTable: "network_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_outage_nodes_outages_outage_id",
                        column: x => x.outage_id,
                        principalTable: "outages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "compensation_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    outage_id = table.Column<long>(type: "INTEGER", nullable: true),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: true),
                    service_id = table.Column<long>(type: "INTEGER", nullable: false),
                    subscriber_id = table.Column<long>(type: "INTEGER", nullable: true),
                    from = table.Column<DateTime>(type: "TEXT", nullable: false),
                    to = table.Column<DateTime>(type: "TEXT", nullable: false),
                    minutes_without_service = table.Column<int>(type: "INTEGER", nullable: false),
                    monthly_price_mxn = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    period_first = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    period_last = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    units = table.Column<int>(type: "INTEGER", nullable: false),
                    unit_name = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    policy_id = table.Column<long>(type: "INTEGER", nullable: false),
                    policy_number = table.Column<int>(type: "INTEGER", nullable: false),
                    base_mxn = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    bonus_mxn = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    amount_mxn = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    explanation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    apply_by = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    decided_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    decided_by_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    decided_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    applied_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    applied_reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compensation_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_compensation_lines_compensation_policy_policy_id",
                        column: x => x.policy_id,
                        principalTable: "compensation_policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_compensation_lines_outages_outage_id",
                        column: x => x.outage_id,
                        principalTable: "outages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_compensation_lines_services_service_id",
                        column: x => x.service_id,
                        principalTable: "services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_compensation_lines_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "outage_notices",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    outage_id = table.Column<long>(type: "INTEGER", nullable: false),
                    @event = table.Column<string>(name: "event", type: "TEXT", maxLength: 32, nullable: false),
                    round = table.Column<int>(type: "INTEGER", nullable: false),
                    service_id = table.Column<long>(type: "INTEGER", nullable: false),
                    subscriber_id = table.Column<long>(type: "INTEGER", nullable: true),
                    channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    outbox_message_id = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outage_notices", x => x.id);
                    table.ForeignKey(
                        name: "fk_outage_notices_outages_outage_id",
                        column: x => x.outage_id,
                        principalTable: "outages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_outage_notices_outbox_messages_outbox_message_id",
                        column: x => x.outbox_message_id,
                        principalTable: "outbox_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_outage_notices_services_service_id",
                        column: x => x.service_id,
                        principalTable: "services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "compensation_webhooks",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    line_id = table.Column<long>(type: "INTEGER", nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    delivered_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compensation_webhooks", x => x.id);
                    table.ForeignKey(
                        name: "fk_compensation_webhooks_compensation_lines_line_id",
                        column: x => x.line_id,
                        principalTable: "compensation_lines",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "notification_templates",
                columns: new[] { "event", "email_body", "email_subject", "portal_text", "updated_at", "whats_app_language", "whats_app_parameters", "whats_app_template" },
                values: new object[,]
                {
                    { "outage_child_resolved", "Restablecimos el servicio de la falla en tu zona ({falla}), a la que ligamos tu folio {folio}.\n\nCausa: {causa}\nTu reporte fue {procedente}.\n\n¿Ya tienes servicio? Responde a este mensaje con «sí, ya funciona» para confirmarlo, o con «no, sigue igual» si sigue fallando: entonces seguiremos tu folio por separado.\n\nPuedes consultar tu folio cuando quieras, sin costo:\n{canales}", "[Folio {folio}] Restablecimos el servicio: ¿ya tienes servicio?", "Restablecimos el servicio de la falla {falla}. Causa: {causa}. ¿Ya tienes servicio?", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "es_MX", "folio,falla,procedente", "falla_ya_tienes_servicio" },
                    { "outage_declared", "Hay una falla en tu zona ({falla}): {falla_titulo}. {estimacion}\n\nYa estamos trabajando en ella; no necesitas reportarla. Te avisaremos cuando se restablezca el servicio.\n\nSi tienes dudas, comunícate con nosotros sin costo:\n{canales}", "[{falla}] Hay una falla en tu zona", "Hay una falla en tu zona ({falla}): {falla_titulo}. {estimacion}", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "es_MX", "falla,falla_titulo,estimacion", "falla_aviso" },
                    { "outage_estimate_changed", "Seguimos trabajando en la falla de tu zona ({falla}): {falla_titulo}. {estimacion}\n\nSi tienes dudas, comunícate con nosotros sin costo:\n{canales}", "[{falla}] Nueva hora estimada", "Falla en tu zona ({falla}): {estimacion}", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "es_MX", "falla,falla_titulo,estimacion", "falla_estimacion" },
                    { "outage_planned", "Haremos un mantenimiento programado en la red que da servicio a tu domicilio ({falla}): {falla_titulo}.\n\nEmpieza el {falla_inicio}. {estimacion}\n\nDurante ese tiempo tu servicio puede interrumpirse; no necesitas reportarlo.\n\nSi tienes dudas, comunícate con nosotros sin costo:\n{canales}", "[{falla}] Mantenimiento programado en tu zona", "Mantenimiento programado ({falla}): {falla_titulo}. Empieza el {falla_inicio}.", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "es_MX", "falla,falla_titulo,falla_inicio,estimacion", "falla_mantenimiento" },
                    { "outage_restored", "Restablecimos el servicio de la falla en tu zona ({falla}): {falla_titulo}.\n\nSi tu servicio sigue fallando, repórtalo y lo revisaremos.\n\nSi tienes dudas, comunícate con nosotros sin costo:\n{canales}", "[{falla}] Restablecimos el servicio", "Restablecimos el servicio de la falla en tu zona ({falla}).", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "es_MX", "falla,falla_titulo", "falla_restablecida" },
                    { "received_in_outage", "Recibimos tu {tipo} y le asignamos el folio {folio}.\n\nHay una falla en tu zona ({falla}): {falla_titulo}. {estimacion}\n\nLigamos tu folio a esa falla: te avisaremos cuando se restablezca el servicio.\n\nPuedes consultar tu folio cuando quieras, sin costo:\n{canales}", "[Folio {folio}] Recibimos tu {tipo}: hay una falla en tu zona", "Recibimos tu {tipo}. Tu folio es {folio}. Hay una falla en tu zona ({falla}): {falla_titulo}. {estimacion}", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "es_MX", "folio,falla,falla_titulo,estimacion", "folio_recibido_falla" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_outage_id",
                table: "tickets",
                column: "outage_id");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_service_id",
                table: "tickets",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "ix_compensation_lines_outage_id_service_id",
                table: "compensation_lines",
                columns: new[] { "outage_id", "service_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_compensation_lines_policy_id",
                table: "compensation_lines",
                column: "policy_id");

            migrationBuilder.CreateIndex(
                name: "ix_compensation_lines_service_id",
                table: "compensation_lines",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "ix_compensation_lines_state_apply_by",
                table: "compensation_lines",
                columns: new[] { "state", "apply_by" });

            migrationBuilder.CreateIndex(
                name: "ix_compensation_lines_ticket_id_service_id",
                table: "compensation_lines",
                columns: new[] { "ticket_id", "service_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_compensation_policies_number",
                table: "compensation_policies",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_compensation_webhooks_delivered_at_next_attempt_at",
                table: "compensation_webhooks",
                columns: new[] { "delivered_at", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_compensation_webhooks_line_id",
                table: "compensation_webhooks",
                column: "line_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_network_imports_state_lease_until",
                table: "network_imports",
                columns: new[] { "state", "lease_until" });

            migrationBuilder.CreateIndex(
                name: "ix_network_nodes_code",
                table: "network_nodes",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_network_nodes_parent_id",
                table: "network_nodes",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_network_nodes_path",
                table: "network_nodes",
                column: "path");

            migrationBuilder.CreateIndex(
                name: "ix_outage_entries_outage_id_at",
                table: "outage_entries",
                columns: new[] { "outage_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_outage_nodes_node_id",
                table: "outage_nodes",
                column: "node_id");

            migrationBuilder.CreateIndex(
                name: "ix_outage_notices_outage_id_event_round_service_id",
                table: "outage_notices",
                columns: new[] { "outage_id", "event", "round", "service_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outage_notices_outbox_message_id",
                table: "outage_notices",
                column: "outbox_message_id");

            migrationBuilder.CreateIndex(
                name: "ix_outage_notices_service_id",
                table: "outage_notices",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "ix_outages_external_key",
                table: "outages",
                column: "external_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outages_status",
                table: "outages",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_services_account_number",
                table: "services",
                column: "account_number");

            migrationBuilder.CreateIndex(
                name: "ix_services_code",
                table: "services",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_services_node_id_state",
                table: "services",
                columns: new[] { "node_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_services_subscriber_id",
                table: "services",
                column: "subscriber_id");

            migrationBuilder.AddForeignKey(
                name: "fk_tickets_outages_outage_id",
                table: "tickets",
                column: "outage_id",
                principalTable: "outages",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_tickets_services_service_id",
                table: "tickets",
                column: "service_id",
                principalTable: "services",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_tickets_outages_outage_id",
                table: "tickets");

            migrationBuilder.DropForeignKey(
                name: "fk_tickets_services_service_id",
                table: "tickets");

            migrationBuilder.DropTable(
                name: "compensation_webhooks");

            migrationBuilder.DropTable(
                name: "network_imports");

            migrationBuilder.DropTable(
                name: "outage_detection_settings");

            migrationBuilder.DropTable(
                name: "outage_entries");

            migrationBuilder.DropTable(
                name: "outage_nodes");

            migrationBuilder.DropTable(
                name: "outage_notices");

            migrationBuilder.DropTable(
                name: "compensation_lines");

            migrationBuilder.DropTable(
                name: "compensation_policies");

            migrationBuilder.DropTable(
                name: "outages");

            migrationBuilder.DropTable(
                name: "services");

            migrationBuilder.DropTable(
                name: "network_nodes");

            migrationBuilder.DropIndex(
                name: "ix_tickets_outage_id",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_service_id",
                table: "tickets");

            migrationBuilder.DeleteData(
                table: "notification_templates",
                keyColumn: "event",
                keyValue: "outage_child_resolved");

            migrationBuilder.DeleteData(
                table: "notification_templates",
                keyColumn: "event",
                keyValue: "outage_declared");

            migrationBuilder.DeleteData(
                table: "notification_templates",
                keyColumn: "event",
                keyValue: "outage_estimate_changed");

            migrationBuilder.DeleteData(
                table: "notification_templates",
                keyColumn: "event",
                keyValue: "outage_planned");

            migrationBuilder.DeleteData(
                table: "notification_templates",
                keyColumn: "event",
                keyValue: "outage_restored");

            migrationBuilder.DeleteData(
                table: "notification_templates",
                keyColumn: "event",
                keyValue: "received_in_outage");

            migrationBuilder.DropColumn(
                name: "outage_id",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "service_id",
                table: "tickets");
        }
    }
}
