namespace Ventanilla.Messaging;

/// <summary>What staff may do with a message the channel could not or did not send: try again, or call it off.</summary>
public sealed partial class OutboxMessage
{
    public const string NotRetryable = "Solo se reintenta un mensaje fallido, retenido o incierto.";
    public const string AlreadyWithChannel = "WhatsApp ya recibió este mensaje (tiene su identificador); reenviarlo lo duplicaría. Escriba una respuesta nueva si hace falta.";
    public const string NotCancellable = "Solo se cancela un mensaje pendiente, fallido, retenido o incierto; este ya salió, se está enviando o ya estaba cancelado.";

    /// <summary>Waiting to be sent: pending, or given up on and still in our hands.</summary>
    public bool IsUnsent => State is OutboxState.Pending or OutboxState.Failed or OutboxState.Withheld;

    /// <summary>
    /// Puts a failed, withheld or uncertain message back in the queue, as new: its attempts start over
    /// (a retry after a fixed mailbox must not be given up on after one more try) and it is due at once.
    /// It keeps its Message-ID token, so an email sent again is recognisably the same message.
    /// </summary>
    public string? Retry(DateTime now)
    {
        if (State is not (OutboxState.Failed or OutboxState.Withheld or OutboxState.Uncertain))
        {
            return NotRetryable;
        }

        if (ChannelHasIt)
        {
            return AlreadyWithChannel;
        }

        State = OutboxState.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        LastError = null;
        return null;
    }

    /// <summary>
    /// Calls the message off for good; the reason it had (if any) is kept. An uncertain one may be
    /// called off too: staff who learn it did arrive must be able to say so.
    /// </summary>
    public string? Cancel(DateTime now)
    {
        if (!IsUnsent && State != OutboxState.Uncertain)
        {
            return NotCancellable;
        }

        State = OutboxState.Cancelled;
        NextAttemptAt = now;
        return null;
    }
}
