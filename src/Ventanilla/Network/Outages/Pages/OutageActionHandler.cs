using Ventanilla.Web;

namespace Ventanilla.Network.Outages.Pages;

/// <summary>What any form of the outage page posts: the action, the version seen, and the fields that action reads.</summary>
public sealed class OutageActionInput
{
    public string? Act { get; set; }
    public int Version { get; set; }
    public string? Status { get; set; }
    public string? Text { get; set; }
    public string? When { get; set; }
    public string? Attributable { get; set; }
    public string? Evidence { get; set; }
    public long? Ticket { get; set; }
}

/// <summary>Turns a posted action into the outage rule it asks for; answers why it was refused, or the notice to show.</summary>
public static class OutageActionHandler
{
    public static async Task<(string? Refusal, string Done)> ApplyAsync(OutageConsole console, HttpContext http, long id, OutageActionInput input,
        TimeZoneInfo zone)
    {
        var user = http.User;
        var ct = http.RequestAborted;
        var errors = new FieldErrors();
        var text = errors.Text("text", input.Text, Outage.TextLength);
        var when = OutageDesk.FromLocal(errors, "when", input.When, zone);
        if (errors.Any)
        {
            return (errors.ToDictionary().Values.First()[0], "");
        }

        switch (input.Act)
        {
            case "confirmar":
                return (await console.SaveAsync(user, id, input.Version, (o, a, now) => o.Confirm(a, now), ct), "confirmada");
            case "descartar" when text is null:
                return ("Escribe el motivo para descartar la propuesta.", "");
            case "descartar":
                return (await console.SaveAsync(user, id, input.Version, (o, a, now) => o.Dismiss(text!, a, now), ct), "descartada");
            case "estado" when !Wire.TryParse<OutageStatus>(input.Status, out _):
                return ("Elige el nuevo estado.", "");
            case "estado":
                var to = Wire.Parse<OutageStatus>(input.Status!);
                return (await console.SaveAsync(user, id, input.Version, (o, a, now) => o.Advance(to, text, a, now), ct), "estado");
            case "estimacion":
                return (await console.SaveAsync(user, id, input.Version, (o, a, now) => when is { } e && e <= o.StartedAt
                    ? new OutageRefusal("La estimación debe quedar después del inicio.") : o.Estimate(when, a, now), ct), "estimacion");
            case "restablecer":
                return (await console.SaveAsync(user, id, input.Version, (o, a, now) => o.Restore(when ?? now, text, a, now), ct), "restablecida");
            case "cerrar":
                return (await console.SaveAsync(user, id, input.Version, (o, a, now) => o.Close(text, a, now), ct), "cerrada");
            case "causa":
                return await CauseAsync(console, user, id, input, text, ct);
            case "nodos":
                return await NodesAsync(console, user, id, input, ct);
            case "nota" when text is null:
                return ("Escribe la nota.", "");
            case "nota":
                return (await console.SaveAsync(user, id, input.Version, (o, a, now) => NoteOn(o, text!, a, now), ct), "nota");
            case "vincular" or "vincular-todos":
                return (await LinkAsync(console, user, id, input, ct), "vinculados");
            default:
                return ("No se reconoce la acción.", "");
        }
    }

    private static async Task<(string?, string)> CauseAsync(OutageConsole console, System.Security.Claims.ClaimsPrincipal user, long id,
        OutageActionInput input, string? cause, CancellationToken ct)
    {
        if (cause is not { } recorded)
        {
            return ("Escribe la causa.", "");
        }

        if (!Attribution.TryParse(input.Attributable, out var attributable))
        {
            return ("Elige si es imputable al proveedor.", "");
        }

        var evidence = Text.Clean(Text.Readable(input.Evidence)) is { } e ? e[..Math.Min(e.Length, Outage.TextLength)] : null;
        return (await console.SaveAsync(user, id, input.Version, (o, a, now) => o.RecordCause(recorded, attributable, evidence, a, now), ct), "causa");
    }

    private static async Task<(string?, string)> NodesAsync(OutageConsole console, System.Security.Claims.ClaimsPrincipal user, long id,
        OutageActionInput input, CancellationToken ct)
    {
        var (found, unknown) = await OutageQueries.NodesByCodeAsync(console.Db, (input.Text ?? "").Split(','), ct);
        var errors = new FieldErrors();
        OutageDesk.CheckNodes(errors, found.Count, unknown);
        return errors.Any
            ? (errors.ToDictionary()["nodes"][0], "")
            : (await console.SaveAsync(user, id, input.Version, (o, a, now) => o.Cover(found, a, now), ct), "nodos");
    }

    // Linking is refused outside an open outage: a proposal links nothing until confirmed, a restored one takes no new children here.
    private static Task<string?> LinkAsync(OutageConsole console, System.Security.Claims.ClaimsPrincipal user, long id, OutageActionInput input,
        CancellationToken ct) =>
        console.SaveAsync(user, id, input.Version, async (o, a, now) =>
        {
            if (!o.IsActive)
            {
                return new OutageRefusal("Solo a una falla abierta se le vinculan reportes.");
            }

            var linked = await OutageQueries.LinkAsync(console.Db, o, input.Act == "vincular" && input.Ticket is { } t ? new[] { t } : null, a, now, ct);
            return linked.Count == 0 ? new OutageRefusal("No hay reportes por vincular; quizá alguien ya los vinculó.") : null;
        }, ct);

    private static OutageRefusal? NoteOn(Outage outage, string note, Tickets.Actor actor, DateTime now)
    {
        outage.Record(OutageEntryType.Note, note, actor, now);
        return null;
    }
}
