using System.Globalization;
using System.Resources;
using Ventanilla.Tickets;
using Ventanilla.Web;

namespace Ventanilla.Tests;

public class EnglishLabelsTests
{
    private static readonly ResourceSet English =
        new ResourceManager(typeof(Ui).FullName!, typeof(Ui).Assembly).GetResourceSet(CultureInfo.GetCultureInfo("en"), true, false)
        ?? throw new InvalidOperationException("The English resources are missing.");

    /// <summary>Every word <see cref="SpanishLabels"/> can give, for every value of every enum it names.</summary>
    public static TheoryData<string> Labels()
    {
        var labels = new TheoryData<string>();
        foreach (var label in Enum.GetValues<TicketKind>().Select(SpanishLabels.Of)
                     .Concat(Enum.GetValues<ContactChannel>().Select(SpanishLabels.Of))
                     .Concat(Enum.GetValues<TicketStatus>().Select(SpanishLabels.Of))
                     .Concat(Enum.GetValues<TicketPriority>().Select(SpanishLabels.Of))
                     .Concat(Enum.GetValues<SubscriberConfirmation>().Select(SpanishLabels.Of))
                     .Distinct())
        {
            labels.Add(label);
        }

        return labels;
    }

    [Theory, MemberData(nameof(Labels))]
    public void SpanishLabel_InEnglishConsole_HasTranslation(string label)
    {
        // Pages show these words through the localizer, which may use the entry of a capitalized twin
        // ("Teléfono" for "teléfono"), because resource names must differ in more than case.
        var twin = char.ToUpperInvariant(label[0]) + label[1..];

        Assert.True(English.GetString(label) is not null || English.GetString(twin) is not null,
            $"Ui.en.resx has no entry for «{label}» nor for «{twin}».");
    }
}
