using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Ventanilla.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class T13Reach : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
