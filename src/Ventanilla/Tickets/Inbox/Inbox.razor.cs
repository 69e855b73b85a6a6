using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;

namespace Ventanilla.Tickets.Inbox;

public sealed partial class Inbox
{
    private const int PageSize = 25;

    // Other people file and change tickets all day; the list keeps up by itself.
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(15);

    private static readonly (InboxView View, string Label)[] Views =
    [
        (InboxView.Open, "Abiertos"), (InboxView.Mine, "Míos"), (InboxView.Unassigned, "Sin asignar"),
        (InboxView.MyArea, "Mi área"), (InboxView.DueSoon, "Por vencer"), (InboxView.Overdue, "Vencidos"), (InboxView.ToNotify, "Por notificar"), (InboxView.All, "Todos"),
    ];

    private readonly Stack<InboxCursor?> pages = new();
    private InboxFilter filter = new(InboxView.Open, "", null);
    private IReadOnlyList<InboxRow>? rows;
    private InboxCursor? current;
    private InboxCursor? next;
    private DateTime updated;
    private PeriodicTimer? timer;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;
    // The queue, filters and search can come in the address, so a view can be bookmarked or shared.
    [SupplyParameterFromQuery(Name = "vista")] private string? ViewSlug { get; set; }
    [SupplyParameterFromQuery(Name = "q")] private string? Search { get; set; }
    [SupplyParameterFromQuery(Name = "estado")] private string? StatusSlug { get; set; }
    [SupplyParameterFromQuery(Name = "canal")] private string? ChannelSlug { get; set; }
    [SupplyParameterFromQuery(Name = "tipo")] private string? KindSlug { get; set; }

    private static string Slug(InboxView view) => Web.Wire.Name(view);

    protected override async Task OnInitializedAsync()
    {
        var user = (await Authentication).User;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var areaId = await db.Users.Where(u => u.Id == userId).Select(u => u.AreaId).FirstOrDefaultAsync();
        var view = Web.Wire.TryParse<InboxView>(ViewSlug, out var chosen) ? chosen.Value : InboxView.Open;
        filter = new InboxFilter(view, userId, areaId,
            Web.Wire.TryParse<TicketStatus>(StatusSlug, out var status) ? status : null,
            Web.Wire.TryParse<ContactChannel>(ChannelSlug, out var channel) ? channel : null,
            Web.Wire.TryParse<TicketKind>(KindSlug, out var kind) ? kind : null,
            Web.Text.Clean(Search));
        await LoadAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _ = RefreshLoopAsync();
        }
    }

    private async Task RefreshLoopAsync()
    {
        timer = new PeriodicTimer(RefreshEvery, Clock);
        try
        {
            while (await timer.WaitForNextTickAsync())
            {
                await InvokeAsync(async () =>
                {
                    await LoadAsync();
                    StateHasChanged();
                });
            }
        }
        catch (ObjectDisposedException)
        {
            // The person left the page.
        }
    }

    private async Task LoadAsync()
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        (rows, next) = await InboxQuery.PageAsync(db, filter, Clock.GetUtcNow().UtcDateTime, current, PageSize, CancellationToken.None);
        updated = TimeZoneInfo.ConvertTimeFromUtc(Clock.GetUtcNow().UtcDateTime, Provider.Current.Zone);
    }

    private Task ShowAsync(InboxView view) => RestartAsync(filter with { View = view });

    private Task FilterAsync(InboxFilters.Choice choice) =>
        RestartAsync(filter with { Status = choice.Status, Channel = choice.Channel, Kind = choice.Kind, Search = choice.Search });

    private async Task RestartAsync(InboxFilter changed)
    {
        filter = changed;
        pages.Clear();
        current = null;
        await LoadAsync();
    }

    private async Task NextAsync()
    {
        pages.Push(current);
        current = next;
        await LoadAsync();
    }

    private async Task PreviousAsync()
    {
        current = pages.Count > 0 ? pages.Pop() : null;
        await LoadAsync();
    }

    public void Dispose() => timer?.Dispose();
}
