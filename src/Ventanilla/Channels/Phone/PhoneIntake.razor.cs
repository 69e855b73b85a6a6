using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Ventanilla.Data;
using Ventanilla.Intake;
using Ventanilla.Staff;

namespace Ventanilla.Channels.Phone;

public sealed partial class PhoneIntake
{
    private PhoneReportForm form = new();
    private CallerCard? caller;
    private Dictionary<string, string[]> errors = [];
    private PhoneReportResult? result;
    private bool busy;

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private TicketIntake Intake { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    private void Choose(CallerCard? chosen)
    {
        caller = chosen;
        if (chosen is not null)
        {
            // The agent confirms what is on file instead of typing it again.
            form.Name = chosen.Name;
            form.AccountNumber = chosen.AccountNumber;
            form.Phone = chosen.Phones.Count > 0 ? chosen.Phones[0] : null;
            form.Email = chosen.Emails.Count > 0 ? chosen.Emails[0] : null;
            form.Address ??= chosen.Address;
        }
    }

    private async Task RegisterAsync()
    {
        busy = true;
        try
        {
            var actor = Actors.From((await Authentication).User);
            await using var scope = Scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
            var (registered, problems) = await PhoneReports.RegisterAsync(db, Intake, form, caller?.Id, actor,
                Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
            errors = problems.ToDictionary();
            result = registered;
        }
        finally
        {
            busy = false;
        }
    }

    private void Reset()
    {
        form = new PhoneReportForm();
        caller = null;
        errors = [];
        result = null;
    }
}
