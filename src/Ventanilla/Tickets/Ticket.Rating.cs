using System.Globalization;
using Ventanilla.Web;

namespace Ventanilla.Tickets;

public sealed partial class Ticket
{
    public const int RatingCommentLimit = 1000;

    /// <summary>
    /// The subscriber's rating of the attention. It is given once, after we told them the outcome
    /// (notified or closed): a rating of work still under way would rate nothing.
    /// </summary>
    public RuleViolation? Rate(int score, string? comment, Actor actor, DateTime now)
    {
        if (score is < 1 or > 5)
        {
            return Violation("La calificación va de 1 a 5.", []);
        }

        if (Status is not (TicketStatus.Notified or TicketStatus.Closed))
        {
            return Violation("Podrás calificar la atención cuando te hayamos informado la solución.", []);
        }

        if (Rating is not null)
        {
            return Violation("Esta atención ya fue calificada.", []);
        }

        var text = Text.Clean(comment);
        Rating = score;
        RatingComment = text is null ? null : text.Length > RatingCommentLimit ? text[..RatingCommentLimit] : text;
        RatedAt = now;
        Touch(new TimelineEntry(TimelineEntryType.FieldChanged, actor, now, RatingComment,
            field: "rating", from: null, to: score.ToString(CultureInfo.InvariantCulture)), now);
        return null;
    }
}
