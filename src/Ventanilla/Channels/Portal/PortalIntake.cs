using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Data;
using Ventanilla.Intake;
using Ventanilla.Subscribers;
using Ventanilla.Tickets;
using Ventanilla.Web;

namespace Ventanilla.Channels.Portal;

/// <summary>Turns the portal's report, cancellation and privacy forms into tickets on the web channel.</summary>
public sealed class PortalIntake(VentanillaDbContext db, TicketIntake intake, PortalUploads uploads, TimeProvider clock, IOptions<PortalOptions> options)
{
    public static readonly Actor Web = new("portal", "Portal web");

    /// <summary>The kinds a subscriber may report here; cancellations and privacy requests have pages of their own.</summary>
    public static readonly TicketKind[] ReportKinds =
        [TicketKind.Fault, TicketKind.Complaint, TicketKind.Clarification, TicketKind.Query, TicketKind.Doubt, TicketKind.Suggestion, TicketKind.Other];

    public static readonly IReadOnlyDictionary<string, string> PrivacyRights = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["acceso"] = "Acceso: saber qué datos tuyos tenemos y cómo los usamos",
        ["rectificacion"] = "Rectificación: corregir datos inexactos o incompletos",
        ["cancelacion"] = "Cancelación: que dejemos de tratar tus datos y los suprimamos",
        ["oposicion"] = "Oposición: que no usemos tus datos para un fin determinado",
    };

    public sealed record Outcome(Ticket? Ticket, IReadOnlyDictionary<string, string[]> Errors);

    public async Task<Outcome> ReportAsync(ReportForm form, IReadOnlyList<IFormFile> files, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!Wire.TryParse<TicketKind>(form.Kind, out var kind) || !ReportKinds.Contains(kind.Value))
        {
            errors.Add("kind", "Elige qué quieres reportar.");
        }

        var request = new CreateTicketRequest(form.Kind, Wire.Name(ContactChannel.Web), null, form.Description, form.Address,
            new ContactRequest(form.AccountNumber, form.Name, form.Phone, form.Email), null, null);
        return await RegisterAsync(request, form.Consent, form.SourceKey, errors, files, ct);
    }

    public async Task<Outcome> PrivacyRequestAsync(PrivacyRequestForm form, IReadOnlyList<IFormFile> files, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var right = form.Right is { } r && PrivacyRights.TryGetValue(r, out var label) ? label : null;
        if (right is null)
        {
            errors.Add("right", "Elige el derecho que quieres ejercer.");
        }

        if (Text.Clean(form.Phone) is null && Text.Clean(form.Email) is null)
        {
            errors.Add("subscriber", "Indica un teléfono o un correo para darte la respuesta.");
        }

        // The subscriber's own words are judged before the right is written above them: an empty request
        // stays empty, and the limit leaves room for the line that names the right.
        var heading = right is null ? "" : $"Derecho ARCO solicitado: {right}.\n\n";
        var own = Text.Clean(Text.Readable(form.Description));
        var room = TicketLimits.Description - heading.Length;
        if (own is not null && own.Length > room)
        {
            errors.Add("description", $"Admite como máximo {room:N0} caracteres; llegaron {own.Length:N0}.");
        }

        var description = own is null ? null : heading + own;
        var request = new CreateTicketRequest(Wire.Name(TicketKind.PrivacyRequest), Wire.Name(ContactChannel.Web),
            right is null ? null : "Derechos ARCO: " + right.Split(':')[0], description, null,
            new ContactRequest(form.AccountNumber, form.Name, form.Phone, form.Email), null, null);
        return await RegisterAsync(request, form.Consent, form.SourceKey, errors, files, ct);
    }

    public async Task<Outcome> CancelAsync(CancelForm form, CancellationToken ct)
    {
        var errors = new FieldErrors();
        // Read like every other text field: control characters such as NUL never reach the database, and the length is bounded.
        var account = errors.Text("accountNumber", form.AccountNumber, 40)?.ToUpperInvariant();
        var proof = Text.Clean(form.Proof);
        if (account is null)
        {
            errors.Add("accountNumber", "Escribe tu número de contrato.");
        }

        if (proof is null)
        {
            errors.Add("proof", "Escribe el teléfono o el correo registrado en tu contrato.");
        }

        if (!form.Consent)
        {
            errors.Add("consent", "Para continuar, acepta el aviso de privacidad.");
        }

        var reason = errors.Text("reason", form.Reason, 2000);
        if (errors.Any)
        {
            return new Outcome(null, errors.ToDictionary());
        }

        // Found or not, the check takes the same least time: how long it took must not tell that a contract exists.
        var subscriber = await ResponseFloor.RunAsync(TimeSpan.FromMilliseconds(options.Value.ProofFloorMilliseconds),
            () => OwnerOfContractAsync(account!, proof!, ct), clock, ct);
        if (subscriber is null)
        {
            // The same answer for an unknown contract and a wrong phone or email: neither is revealed.
            errors.Add("proof", "No pudimos comprobar tu identidad con esos datos. Revisa el número de contrato y el teléfono o correo registrados.");
            return new Outcome(null, errors.ToDictionary());
        }

        var description = "Solicitud de cancelación del servicio hecha en el portal."
            + (reason is null ? "" : $"\n\nMotivo: {reason}");
        var filed = await intake.RegisterAsync(new IntakeRequest(new NewTicket(TicketKind.Cancellation, ContactChannel.Web,
            $"Cancelación del contrato {subscriber.AccountNumber}", description, null,
            new ContactInfo(subscriber.FullName, MexicanPhones.Normalize(proof), EmailAddresses.Normalize(proof), subscriber.AccountNumber)),
            subscriber.Id, Web, form.SourceKey));
        return new Outcome(filed.Ticket, errors.ToDictionary());
    }

    private async Task<Outcome> RegisterAsync(CreateTicketRequest request, bool consent, string? sourceKey, FieldErrors errors, IReadOnlyList<IFormFile> files,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // The report's own fields first: their check gives up when earlier errors exist.
        var checkedFields = new FieldErrors();
        var report = TicketValidation.Check(request, now, checkedFields);
        if (Text.Clean(request.Description) is null)
        {
            errors.Add("description", "Falta la descripción: cuéntanos qué pasa.");
        }

        var said = errors.ToDictionary();
        foreach (var (field, messages) in checkedFields.ToDictionary().Where(f => !said.ContainsKey(f.Key)))
        {
            foreach (var message in messages)
            {
                errors.Add(field, message);
            }
        }

        if (!consent)
        {
            errors.Add("consent", "Para continuar, acepta el aviso de privacidad.");
        }

        if (await uploads.CheckAsync(files, ct) is { } refused)
        {
            errors.Add("attachments", refused);
        }

        if (report is null)
        {
            return new Outcome(null, errors.ToDictionary());
        }

        var contact = report.Contact;
        var match = await SubscriberMatcher.FindAsync(db, contact.AccountNumber, contact.Phone, contact.Email, ct);
        TicketValidation.CheckReachable(contact, match, errors);
        if (errors.Any)
        {
            return new Outcome(null, errors.ToDictionary());
        }

        var subject = report.Subject ?? SubjectFrom(report.Kind, report.Description);
        // The files are part of filing: the folio never exists without them.
        var attached = new List<IntakeFile>();
        foreach (var file in files.Take(PortalUploads.MaxFiles))
        {
            await using var content = file.OpenReadStream();
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy, ct);
            attached.Add(new IntakeFile(file.FileName, file.ContentType ?? "", copy.ToArray()));
        }

        var filed = await intake.RegisterAsync(new IntakeRequest(new NewTicket(report.Kind, ContactChannel.Web, subject, report.Description,
            report.Address, contact, report.Priority, now), match?.Id, Web, sourceKey, Files: attached));
        return new Outcome(filed.Ticket, errors.ToDictionary());
    }

    private async Task<Subscriber?> OwnerOfContractAsync(string account, string proof, CancellationToken ct)
    {
        var phone = MexicanPhones.Normalize(proof);
        var email = EmailAddresses.Normalize(proof);
        var candidates = await db.Subscribers.AsNoTracking()
            .Where(s => s.AccountNumber == account && s.MergedIntoId == null).ToListAsync(ct);
        return candidates.FirstOrDefault(s => (phone is not null && s.Phones.Any(p => p.Number == phone))
            || (email is not null && s.Emails.Any(e => e.Address == email)));
    }

    private static string SubjectFrom(TicketKind kind, string description)
    {
        // The kind goes in front of the intake's subject, except for a privacy request, whose subject names the right.
        if (kind == TicketKind.PrivacyRequest)
        {
            return IntakeSubject.Of(null, description);
        }

        var label = SpanishLabels.Of(kind);
        return IntakeSubject.Of(null, description, $"{char.ToUpperInvariant(label[0])}{label[1..]}: ");
    }
}
