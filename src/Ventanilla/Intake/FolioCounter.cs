namespace Ventanilla.Intake;

/// <summary>The last folio sequence handed out in a year. One row a year.</summary>
public sealed class FolioCounter
{
    public int Year { get; set; }
    public long LastValue { get; set; }
}
