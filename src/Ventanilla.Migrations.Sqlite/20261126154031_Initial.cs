using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Ventanilla.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    prefix = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    revoked_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "areas",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_areas", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "folio_counters",
                columns: table => new
                {
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    last_value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_folio_counters", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "provider_profile",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    folio_prefix = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    phones = table.Column<string>(type: "TEXT", nullable: false),
                    emails = table.Column<string>(type: "TEXT", nullable: false),
                    web = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    whats_app = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    hours = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_provider_profile", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subscribers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    account_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    full_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    search_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    plan_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    monthly_price_mxn = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    accessibility_needs = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    privacy_notice_accepted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    marketing_consent = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    merged_into_id = table.Column<long>(type: "INTEGER", nullable: true),
                    merged_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscribers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staff_users",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    area_id = table.Column<int>(type: "INTEGER", nullable: true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", nullable: true),
                    security_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    access_failed_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_users", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_users_areas_area_id",
                        column: x => x.area_id,
                        principalTable: "areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    role_id = table.Column<string>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_claims_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "subscriber_addresses",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    street = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    neighborhood = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    municipality = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    postal_code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    references = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    subscriber_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscriber_addresses", x => x.id);
                    table.ForeignKey(
                        name: "fk_subscriber_addresses_subscribers_subscriber_id",
                        column: x => x.subscriber_id,
                        principalTable: "subscribers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "subscriber_emails",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    address = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    subscriber_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscriber_emails", x => x.id);
                    table.ForeignKey(
                        name: "fk_subscriber_emails_subscribers_subscriber_id",
                        column: x => x.subscriber_id,
                        principalTable: "subscribers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "subscriber_phones",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    subscriber_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscriber_phones", x => x.id);
                    table.ForeignKey(
                        name: "fk_subscriber_phones_subscribers_subscriber_id",
                        column: x => x.subscriber_id,
                        principalTable: "subscribers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "subscriber_whatsapp_identities",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    wa_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    business_scoped_user_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    subscriber_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscriber_whatsapp_identities", x => x.id);
                    table.ForeignKey(
                        name: "fk_subscriber_whatsapp_identities_subscribers_subscriber_id",
                        column: x => x.subscriber_id,
                        principalTable: "subscribers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_user_claims_staff_users_user_id",
                        column: x => x.user_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    provider_key = table.Column<string>(type: "TEXT", nullable: false),
                    provider_display_name = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_staff_user_logins_staff_users_user_id",
                        column: x => x.user_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_roles",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    role_id = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_staff_user_roles_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_staff_user_roles_staff_users_user_id",
                        column: x => x.user_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_tokens",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_staff_user_tokens_staff_users_user_id",
                        column: x => x.user_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tickets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false),
                    folio = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    service_address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    priority = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    subscriber_id = table.Column<long>(type: "INTEGER", nullable: true),
                    contact_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    contact_phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    contact_email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    contact_account_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    area_id = table.Column<int>(type: "INTEGER", nullable: true),
                    customer_service_owner_id = table.Column<string>(type: "TEXT", nullable: true),
                    technical_lead_id = table.Column<string>(type: "TEXT", nullable: true),
                    reported_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_activity_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    service_restored_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    due_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    at_risk_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    resolution_cause = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    resolution_correction = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    resolution_upheld = table.Column<bool>(type: "INTEGER", nullable: true),
                    resolution_resolved_by_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    resolution_resolved_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    resolution_resolved_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    notified_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    confirmation = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    confirmation_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    cancellation_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    duplicate_of_folio = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    search_text = table.Column<string>(type: "TEXT", nullable: false),
                    conversation_text = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tickets", x => x.id);
                    table.ForeignKey(
                        name: "fk_tickets_areas_area_id",
                        column: x => x.area_id,
                        principalTable: "areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tickets_asp_net_users_customer_service_owner_id",
                        column: x => x.customer_service_owner_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tickets_asp_net_users_technical_lead_id",
                        column: x => x.technical_lead_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tickets_subscribers_subscriber_id",
                        column: x => x.subscriber_id,
                        principalTable: "subscribers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inbound_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    mailbox = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    external_id = table.Column<string>(type: "TEXT", maxLength: 998, nullable: true),
                    uid_validity = table.Column<long>(type: "INTEGER", nullable: true),
                    uid = table.Column<long>(type: "INTEGER", nullable: true),
                    raw = table.Column<byte[]>(type: "BLOB", nullable: false),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: true),
                    error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    processed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    claimed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbound_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_inbound_messages_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: true),
                    channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    recipient = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    message_id = table.Column<string>(type: "TEXT", maxLength: 998, nullable: true),
                    in_reply_to = table.Column<string>(type: "TEXT", maxLength: 998, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_outbox_messages_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "timeline_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    actor_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    body = table.Column<string>(type: "TEXT", nullable: true),
                    field = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    from = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    to = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_timeline_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_timeline_entries_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "areas",
                columns: new[] { "id", "code", "name" },
                values: new object[,]
                {
                    { 1, "servicio_al_cliente", "Servicio al Cliente" },
                    { 2, "tecnica", "Técnica" },
                    { 3, "facturacion", "Facturación" },
                    { 4, "comercial", "Comercial" },
                    { 5, "cancelaciones", "Cancelaciones" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_hash",
                table: "api_keys",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_areas_code",
                table: "areas",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inbound_messages_external_id",
                table: "inbound_messages",
                column: "external_id");

            migrationBuilder.CreateIndex(
                name: "ix_inbound_messages_mailbox_uid_validity_uid",
                table: "inbound_messages",
                columns: new[] { "mailbox", "uid_validity", "uid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inbound_messages_state_id",
                table: "inbound_messages",
                columns: new[] { "state", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_inbound_messages_ticket_id",
                table: "inbound_messages",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_message_id",
                table: "outbox_messages",
                column: "message_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_state_channel_next_attempt_at",
                table: "outbox_messages",
                columns: new[] { "state", "channel", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_ticket_id",
                table: "outbox_messages",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_role_claims_role_id",
                table: "role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_user_claims_user_id",
                table: "staff_user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_user_logins_user_id",
                table: "staff_user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_user_roles_role_id",
                table: "staff_user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "staff_users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_staff_users_area_id",
                table: "staff_users",
                column: "area_id");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "staff_users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_subscriber_addresses_subscriber_id",
                table: "subscriber_addresses",
                column: "subscriber_id");

            migrationBuilder.CreateIndex(
                name: "ix_subscriber_emails_address",
                table: "subscriber_emails",
                column: "address");

            migrationBuilder.CreateIndex(
                name: "ix_subscriber_emails_subscriber_id",
                table: "subscriber_emails",
                column: "subscriber_id");

            migrationBuilder.CreateIndex(
                name: "ix_subscriber_phones_number",
                table: "subscriber_phones",
                column: "number");

            migrationBuilder.CreateIndex(
                name: "ix_subscriber_phones_subscriber_id",
                table: "subscriber_phones",
                column: "subscriber_id");

            migrationBuilder.CreateIndex(
                name: "ix_subscriber_whatsapp_identities_business_scoped_user_id",
                table: "subscriber_whatsapp_identities",
                column: "business_scoped_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_subscriber_whatsapp_identities_subscriber_id",
                table: "subscriber_whatsapp_identities",
                column: "subscriber_id");

            migrationBuilder.CreateIndex(
                name: "ix_subscriber_whatsapp_identities_wa_id",
                table: "subscriber_whatsapp_identities",
                column: "wa_id");

            migrationBuilder.CreateIndex(
                name: "ix_subscribers_account_number",
                table: "subscribers",
                column: "account_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_subscribers_merged_into_id",
                table: "subscribers",
                column: "merged_into_id");

            migrationBuilder.CreateIndex(
                name: "ix_subscribers_search_name",
                table: "subscribers",
                column: "search_name");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_area_id_last_activity_at",
                table: "tickets",
                columns: new[] { "area_id", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_channel_last_activity_at",
                table: "tickets",
                columns: new[] { "channel", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_customer_service_owner_id",
                table: "tickets",
                column: "customer_service_owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_due_at",
                table: "tickets",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_folio",
                table: "tickets",
                column: "folio",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tickets_kind_last_activity_at",
                table: "tickets",
                columns: new[] { "kind", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_last_activity_at_id",
                table: "tickets",
                columns: new[] { "last_activity_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_status_last_activity_at",
                table: "tickets",
                columns: new[] { "status", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_subscriber_id",
                table: "tickets",
                column: "subscriber_id");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_technical_lead_id",
                table: "tickets",
                column: "technical_lead_id");

            migrationBuilder.CreateIndex(
                name: "ix_timeline_entries_ticket_id_id",
                table: "timeline_entries",
                columns: new[] { "ticket_id", "id" });

            migrationBuilder.Sql(SearchIndexSql.SqliteUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchIndexSql.SqliteDown);

            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "folio_counters");

            migrationBuilder.DropTable(
                name: "inbound_messages");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "provider_profile");

            migrationBuilder.DropTable(
                name: "role_claims");

            migrationBuilder.DropTable(
                name: "staff_user_claims");

            migrationBuilder.DropTable(
                name: "staff_user_logins");

            migrationBuilder.DropTable(
                name: "staff_user_roles");

            migrationBuilder.DropTable(
                name: "staff_user_tokens");

            migrationBuilder.DropTable(
                name: "subscriber_addresses");

            migrationBuilder.DropTable(
                name: "subscriber_emails");

            migrationBuilder.DropTable(
                name: "subscriber_phones");

            migrationBuilder.DropTable(
                name: "subscriber_whatsapp_identities");

            migrationBuilder.DropTable(
                name: "timeline_entries");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "tickets");

            migrationBuilder.DropTable(
                name: "staff_users");

            migrationBuilder.DropTable(
                name: "subscribers");

            migrationBuilder.DropTable(
                name: "areas");
        }
    }
}
