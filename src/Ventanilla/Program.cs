using Ventanilla.Attachments;
using Ventanilla.Audit;
using Ventanilla.Channels.Email;
using Ventanilla.Channels.Portal;
using Ventanilla.Channels.WhatsApp;
using Ventanilla.Data;
using Ventanilla.Deadlines.Rules;
using Ventanilla.Demo;
using Ventanilla.Evidence;
using Ventanilla.Exports;
using Ventanilla.Messaging;
using Ventanilla.Network;
using Ventanilla.Provider;
using Ventanilla.Reports;
using Ventanilla.Staff;
using Ventanilla.Subscribers;
using Ventanilla.Tickets;
using Ventanilla.Web;

// Settings ship beside the binaries; data paths stay relative to where the service is started.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.AddApiPlatform();
builder.AddProviderProfile();
builder.AddData();
builder.AddStaff();
builder.AddTickets();
builder.AddFollowUpRules();
builder.AddAttachments();
builder.AddMessaging();
builder.AddEmail();
builder.AddWhatsApp();
builder.AddFollowUp();
builder.AddConsole();
builder.AddPortal();
builder.AddNetwork();
builder.AddAudit();
builder.AddExports();
builder.AddEvidence();
builder.AddReports();

var app = builder.Build();

app.UseApiPlatform();
app.UseConsole();

await app.MigrateDatabaseAsync();
await app.BootstrapStaffAsync();
await app.LoadProviderProfileAsync();
await app.SeedMailboxesAsync();
await app.LoadFollowUpRulesAsync();
await app.SeedDemoDataIfAskedAsync(args);

app.MapApiPlatform();
app.MapTickets();
app.MapAttachments();
app.MapSubscribers();
app.MapPortal();
app.MapFollowUp();
app.MapEmail();
app.MapWhatsApp();
app.MapNetwork();
app.MapAudit();
app.MapExports();
app.MapEvidence();
app.MapReports();
app.MapConsole();

app.Run();

public partial class Program;
