using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Data;
using Ventanilla.Messaging;

namespace Ventanilla.Web.Idempotency;

/// <summary>
/// Honours <c>Idempotency-Key</c> on the endpoints marked with <see cref="IdempotentEndpoint"/>: the
/// first request with a key runs and its answer is stored; the same request again gets that answer
/// replayed; another request with the key is refused (422), and so is one that arrives while the
/// first still runs (409). Answers 5xx are not stored, so the client may retry them.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, TimeProvider clock, IOptionsMonitor<IdempotencyOptions> options,
    IOptionsMonitor<MessagingOptions> messaging, IProblemDetailsService problems)
{
    private enum Outcome { Claimed, Replay, OtherRequest, Running }

    public async Task InvokeAsync(HttpContext http)
    {
        var endpoint = http.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpoint>();
        if (endpoint is null || !http.Request.Headers.TryGetValue(IdempotencyKeys.Header, out var values))
        {
            await next(http);
            return;
        }

        if (IdempotencyKeys.KeyOf(values) is not { } key)
        {
            await ProblemAsync(http, StatusCodes.Status400BadRequest, "La cabecera Idempotency-Key no es válida.",
                "Envía una sola clave de 1 a 255 caracteres, distinta para cada operación.");
            return;
        }

        if (IdempotencyKeys.CallerOf(http.User) is not { } caller)
        {
            // Authorization let an anonymous caller through: there is nobody to keep the key for.
            await next(http);
            return;
        }

        var ct = http.RequestAborted;
        var hash = await HashAsync(http.Request, ct);
        var db = http.RequestServices.GetRequiredService<VentanillaDbContext>();
        var claim = Guid.NewGuid().ToString("N");
        var (outcome, found) = await ClaimAsync(db, caller, key, hash, claim, ct);
        switch (outcome)
        {
            case Outcome.Replay:
                await ReplayAsync(http, found!);
                return;
            case Outcome.OtherRequest:
                await ProblemAsync(http, StatusCodes.Status422UnprocessableEntity, "Esta Idempotency-Key ya se usó con otra solicitud.",
                    "Cada clave corresponde a una sola operación: usa una clave nueva para una solicitud distinta.");
                return;
            case Outcome.Running:
                var wait = found!.LockedUntil - clock.GetUtcNow().UtcDateTime;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ProblemAsync(http, StatusCodes.Status409Conflict, "Una solicitud con esta Idempotency-Key todavía está en curso.",
                    "Espera a que termine y repítela con la misma clave para recibir su respuesta.");
                return;
            case Outcome.Claimed:
            default:
                await RunAsync(http, endpoint.Writes, db, caller, key, claim);
                return;
        }
    }

    /// <summary>SHA-256 (hex) of the method, the path with its query, and the body's bytes.</summary>
    public static string HashOf(string method, string pathAndQuery, ReadOnlySpan<byte> body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()}\n{pathAndQuery}\n"));
        sha.AppendData(body);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static async Task<string> HashAsync(HttpRequest request, CancellationToken ct)
    {
        // The handler reads the body after us.
        request.EnableBuffering();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        request.Body.Position = 0;
        return HashOf(request.Method, $"{request.PathBase}{request.Path}{request.QueryString}", body.GetBuffer().AsSpan(0, (int)body.Length));
    }

    private async Task<(Outcome, IdempotencyRecord?)> ClaimAsync(VentanillaDbContext db, string caller, string key, string hash, string claim,
        CancellationToken ct)
    {
        var lease = messaging.CurrentValue.ClaimLease;
        // Bounded: each turn either decides or lost a race that the next read settles.
        for (var attempt = 0; ; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var found = await db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(r => r.Caller == caller && r.Key == key, ct);
            if (found is not null && found.ExpiresAt <= now)
            {
                // Past its lifetime a key is forgotten, whether or not the sweep has removed it yet.
                await db.IdempotencyKeys.Where(r => r.Caller == caller && r.Key == key && r.ExpiresAt <= now).ExecuteDeleteAsync(ct);
                found = null;
            }

            if (found is null)
            {
                var record = IdempotencyRecord.Start(caller, key, hash, claim, now, lease, options.CurrentValue.IdempotencyKeyLifetime);
                db.IdempotencyKeys.Add(record);
                try
                {
                    await db.SaveChangesAsync(ct);
                    return (Outcome.Claimed, null);
                }
                catch (DbUpdateException) when (attempt < 2)
                {
                    // Another request with the key was stored first; the next turn reads it.
                    continue;
                }
                finally
                {
                    // The handler's own saves must not see the record.
                    db.Entry(record).State = EntityState.Detached;
                }
            }

            if (found.RequestHash != hash)
            {
                return (Outcome.OtherRequest, found);
            }

            if (found.IsAnswered)
            {
                return (Outcome.Replay, found);
            }

            if (found.LockedUntil > now || attempt >= 2)
            {
                return (Outcome.Running, found);
            }

            // The run that held the key stopped (its node died) before answering: this one takes over.
            // Nothing of that run's effect was kept without its answer, or, for ticket creation, the
            // intake's source key finds the ticket it made.
            var taken = await db.IdempotencyKeys
                .Where(r => r.Caller == caller && r.Key == key && r.Claim == found.Claim && r.StatusCode == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Claim, claim).SetProperty(r => r.LockedUntil, now + lease), ct);
            if (taken == 1)
            {
                return (Outcome.Claimed, null);
            }
        }
    }

    private async Task RunAsync(HttpContext http, IdempotentWrites writes, VentanillaDbContext db, string caller, string key, string claim)
    {
        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        // The stored answer commits with the effect, or neither does.
        await using var transaction = writes == IdempotentWrites.RequestTransaction
            ? await db.Database.BeginTransactionAsync(http.RequestAborted)
            : null;
        try
        {
            await next(http);
        }
        catch
        {
            http.Response.Body = original;
            await AbandonAsync(db, transaction, caller, key, claim);
            throw;
        }

        http.Response.Body = original;
        var status = http.Response.StatusCode;
        if (status >= 500)
        {
            // A failure is not an answer: the client may retry with the same key.
            await AbandonAsync(db, transaction, caller, key, claim);
        }
        else
        {
            var body = buffer.ToArray();
            var contentType = http.Response.ContentType;
            var location = http.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null;
            // Once the effect is done it is recorded even if the client went away meanwhile.
            var stored = await db.IdempotencyKeys
                .Where(r => r.Caller == caller && r.Key == key && r.Claim == claim)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.StatusCode, (int?)status)
                    .SetProperty(r => r.ContentType, contentType)
                    .SetProperty(r => r.Location, location)
                    .SetProperty(r => r.Body, body), CancellationToken.None);
            if (stored == 0 && transaction is not null)
            {
                // This run outlived its lease and a retry took the key over: that retry's effect stands, not this one's.
                await transaction.RollbackAsync(CancellationToken.None);
                http.Response.Clear();
                http.Response.Headers.RetryAfter = "1";
                await ProblemAsync(http, StatusCodes.Status409Conflict, "Una solicitud con esta Idempotency-Key todavía está en curso.",
                    "Espera a que termine y repítela con la misma clave para recibir su respuesta.");
                return;
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(CancellationToken.None);
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    /// <summary>Undoes the effect when it shares the transaction, and frees the key for a retry.</summary>
    private static async Task AbandonAsync(VentanillaDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction,
        string caller, string key, string claim)
    {
        if (transaction is not null)
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }

        db.ChangeTracker.Clear();
        await db.IdempotencyKeys.Where(r => r.Caller == caller && r.Key == key && r.Claim == claim).ExecuteDeleteAsync(CancellationToken.None);
    }

    private static async Task ReplayAsync(HttpContext http, IdempotencyRecord record)
    {
        http.Response.StatusCode = record.StatusCode!.Value;
        http.Response.Headers[IdempotencyKeys.ReplayedHeader] = "true";
        if (record.ContentType is not null)
        {
            http.Response.ContentType = record.ContentType;
        }

        if (record.Location is not null)
        {
            http.Response.Headers.Location = record.Location;
        }

        if (record.Body is { Length: > 0 } body)
        {
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
        }
    }

    private Task ProblemAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
