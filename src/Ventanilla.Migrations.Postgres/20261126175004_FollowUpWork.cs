using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Ventanilla.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FollowUpWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "cancellation_effective_on",
                table: "tickets",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "outcome",
                table: "tickets",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "outcome_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "outcome_text",
                table: "tickets",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "causes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    attributable_to_provider = table.Column<bool>(type: "boolean", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_causes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notification_templates",
                columns: table => new
                {
                    @event = table.Column<string>(name: "event", type: "character varying(60)", maxLength: 60, nullable: false),
                    email_subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    email_body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    whats_app_template = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    whats_app_language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    whats_app_parameters = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    portal_text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_templates", x => x.@event);
                });

            migrationBuilder.CreateTable(
                name: "technician_days",
                columns: table => new
                {
                    technician_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    bookings = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_technician_days", x => new { x.technician_id, x.day });
                    table.ForeignKey(
                        name: "fk_technician_days_asp_net_users_technician_id",
                        column: x => x.technician_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "visits",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ticket_id = table.Column<long>(type: "bigint", nullable: false),
                    technician_id = table.Column<string>(type: "text", nullable: false),
                    window = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    starts_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    arrived_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    result = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    missed_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    service_restored_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    rescheduled_from_id = table.Column<long>(type: "bigint", nullable: true),
                    scheduled_by_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_visits_asp_net_users_technician_id",
                        column: x => x.technician_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_visits_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_visits_visits_rescheduled_from_id",
                        column: x => x.rescheduled_from_id,
                        principalTable: "visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "causes",
                columns: new[] { "id", "active", "attributable_to_provider", "name" },
                values: new object[,]
                {
                    { 1, true, true, "Falla en fibra óptica (corte o daño en la red)" },
                    { 2, true, true, "Falla en cable coaxial o conectores" },
                    { 3, true, true, "Equipo del proveedor dañado (módem, ONT o decodificador)" },
                    { 4, true, false, "Equipo del suscriptor dañado (router o dispositivo propio)" },
                    { 5, true, true, "Corte programado por mantenimiento" },
                    { 6, true, true, "Saturación de red en la zona" },
                    { 7, true, false, "Falla de energía eléctrica en el domicilio" },
                    { 8, true, false, "Instalación interior del domicilio dañada" },
                    { 9, true, true, "Configuración incorrecta del equipo" },
                    { 10, true, false, "Servicio suspendido por falta de pago" },
                    { 11, true, true, "Falla del proveedor de enlace (tránsito de internet)" },
                    { 12, true, true, "Daño por terceros (obra, vandalismo o robo de cable)" },
                    { 13, true, false, "Sin falla encontrada" }
                });

            migrationBuilder.InsertData(
                table: "notification_templates",
                columns: new[] { "event", "email_body", "email_subject", "portal_text", "updated_at", "whats_app_language", "whats_app_parameters", "whats_app_template" },
                values: new object[,]
                {
                    { "assigned_to_technical", "Tu {tipo} con folio {folio} ya está con nuestro responsable técnico, que revisará la causa. El plazo para resolverlo vence el {vence}.\n\nPuedes consultar tu folio cuando quieras, sin costo:\n{canales}", "[Folio {folio}] Tu reporte está con el área técnica", "Tu reporte está con el área técnica. Vence el {vence}.", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "es_MX", "folio,vence", "folio_area_tecnica" },
                    { "closed", "Cerramos tu folio {folio}. Gracias por confirmarlo. Si el problema vuelve, responde a este mensaje o comunícate con nosotros.\n\nPuedes consultar tu folio cuando quieras, sin costo:\n{canales}", "[Folio {folio}] Cerramos tu folio", "Tu folio {folio} está cerrado.", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "es_MX", "folio", "folio_cerrado" },
                    { "deadline_at_risk", "Seguimos trabajando en tu {tipo} con folio {folio}. El plazo para resolverlo vence el {vence}.\n\nPuedes consultar tu folio cuando quieras, sin costo:\n{canales}", "[Folio {folio}] Seguimos trabajando en tu {tipo}", "Seguimos trabajando en tu folio. Vence el {vence}.", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "es_MX", "folio,vence", "plazo_por_vencer" },
                    { "deadline_breached", "Lamentamos que tu {tipo} con folio {folio} no quedara resuelto en el plazo, que venció el {vence}. Seguimos atendiéndolo y te avisaremos en cuanto quede resuelto.\n\nPuedes consultar tu folio cuando quieras, sin costo:\n{canales}", "[Folio {folio}] Tu {tipo} sigue en atención", "Tu folio {folio} superó su plazo ({vence}); seguimos atendiéndolo.", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "es_MX", "folio,vence", "plazo_vencido" },
                    { "received", "Recibimos tu {tipo} y le asignamos el folio {folio}. Te avisaremos de cada avance.\n\nPuedes consultar tu folio cuando quieras, sin costo:\n{canales}", "[Folio {folio}] Recibimos tu {tipo}", "Recibimos tu {tipo}. Tu folio es {folio}.", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "es_MX", "folio,tipo", "folio_recibido" },
                    { "reopened", "Nos dijiste que el problema de tu folio {folio} continúa. Lo reabrimos y nuestro equipo técnico lo revisará de nuevo.\n\nPuedes consultar tu folio cuando quieras, sin costo:\n{canales}", "[Folio {folio}] Reabrimos tu folio", "Reabrimos tu folio {folio}; lo revisaremos de nuevo.", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "es_MX", "folio", "folio_reabierto" },
                    { "resolved", "Atendimos tu {tipo} con folio {folio}.\n\nCausa: {causa}\nCorrección: {correccion}\nTu reporte fue {procedente}.\n\n¿Quedó resuelto? Responde a este mensaje con «sí, ya funciona» para confirmarlo, o con «no, sigue igual» si el problema continúa.\n\nPuedes consultar tu folio cuando quieras, sin costo:\n{canales}", "[Folio {folio}] Atendimos tu {tipo}: ¿quedó resuelto?", "Atendimos tu {tipo}. Causa: {causa}. Corrección: {correccion}. Tu reporte fue {procedente}. ¿Quedó resuelto?", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "es_MX", "folio,causa,correccion,procedente", "folio_resuelto" },
                    { "visit_missed", "No pudimos realizar la visita técnica programada para tu folio {folio} ({ventana}). Te contactaremos para acordar una nueva fecha.\n\nPuedes consultar tu folio cuando quieras, sin costo:\n{canales}", "[Folio {folio}] No pudimos realizar la visita", "No pudimos realizar la visita ({ventana}). Te contactaremos para reprogramarla.", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "es_MX", "folio,ventana", "visita_no_realizada" },
                    { "visit_scheduled", "Programamos una visita técnica a tu domicilio para atender tu folio {folio}: {ventana}.\n\nSi no puedes recibirnos, avísanos para cambiar la fecha.\n\nPuedes consultar tu folio cuando quieras, sin costo:\n{canales}", "[Folio {folio}] Visita técnica programada", "Visita técnica programada: {ventana}.", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "es_MX", "folio,ventana", "visita_programada" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_causes_name",
                table: "causes",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_visits_rescheduled_from_id",
                table: "visits",
                column: "rescheduled_from_id");

            migrationBuilder.CreateIndex(
                name: "ix_visits_technician_id_day_starts_at",
                table: "visits",
                columns: new[] { "technician_id", "day", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_visits_ticket_id",
                table: "visits",
                column: "ticket_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "causes");

            migrationBuilder.DropTable(
                name: "notification_templates");

            migrationBuilder.DropTable(
                name: "technician_days");

            migrationBuilder.DropTable(
                name: "visits");

            migrationBuilder.DropColumn(
                name: "cancellation_effective_on",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "outcome",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "outcome_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "outcome_text",
                table: "tickets");
        }
    }
}
