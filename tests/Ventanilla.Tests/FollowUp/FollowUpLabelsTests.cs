using System.Globalization;
using System.Resources;
using Ventanilla.Messaging;
using Ventanilla.Messaging.Notifications;
using Ventanilla.Messaging.Outbox;
using Ventanilla.Tickets.Outcomes;
using Ventanilla.Visits;
using Ventanilla.Web;

namespace Ventanilla.Tests.FollowUp;

public class FollowUpLabelsTests
{
    private static readonly ResourceSet English =
        new ResourceManager(typeof(Ui).FullName!, typeof(Ui).Assembly).GetResourceSet(CultureInfo.GetCultureInfo("en"), true, false)
        ?? throw new InvalidOperationException("The English resources are missing.");

    public static TheoryData<string> Labels() =>
    [
        .. Enum.GetValues<VisitStatus>().Select(VisitLabels.Of),
        .. Enum.GetValues<AreaOutcome>().Select(AreaOutcomeLabels.Of),
        .. Enum.GetValues<OutboxState>().Select(DeliveryLabels.Of),
        .. NotificationEvents.All.Select(NotificationEvents.Label),
    ];

    [Theory, MemberData(nameof(Labels))]
    public void Every_follow_up_label_shown_in_the_console_has_an_English_entry(string label)
    {
        var twin = char.ToUpperInvariant(label[0]) + label[1..];

        Assert.True(English.GetString(label) is not null || English.GetString(twin) is not null, $"Ui.en.resx has no entry for «{label}».");
    }
}
