using System.ComponentModel.DataAnnotations;

namespace Ventanilla.Messaging;

/// <summary>Settings shared by every channel's inbox and outbox workers (section <c>Messaging</c>).</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>
    /// How long a node holds a message it claimed (an inbound message to process, an outbound one to
    /// send) before another node may take it over. Handling one message takes milliseconds to a few
    /// seconds, so a short lease means a node that died holds its work up only briefly.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:10:00", ErrorMessage = "Messaging:ClaimLease debe estar entre 2 segundos y 10 minutos.")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(30);
}
