namespace Ventanilla.Network.Import;

/// <summary>What kind of file an import reads.</summary>
public enum ImportKind { NodesCsv, ServicesCsv, LibreQosNetwork, LibreQosShapedDevices }

/// <summary>Where a run is: waiting for a job to claim it, being read, or over.</summary>
public enum ImportState { Queued, Running, Done, Failed }

/// <summary>
/// Which ShapedDevices.csv column holds the contract number. LibreQoS has no contract column of its
/// own: integrations fill Circuit ID with the billing system's id, but hand-kept files often put the
/// contract in Circuit Name or Comment, so the operator says which.
/// </summary>
public enum ContractColumn { CircuitId, CircuitName, Comment }

/// <summary>
/// One upload of a network file and what became of it: kept so a large file is read by a background
/// job while the page shows how far it got, and so every refused row can be read afterwards.
/// </summary>
public sealed class ImportRun
{
    public const int FileNameLength = 260;

    /// <summary>How many refusals are kept with their reasons; every one is still counted.</summary>
    public const int KeptRefusals = 1000;

    private ImportRun()
    {
    }

    public long Id { get; private set; }
    public ImportKind Kind { get; private set; }
    public string FileName { get; private set; } = "";

    /// <summary>The upload's content in the file store, by its SHA-256.</summary>
    public string FileSha256 { get; private set; } = "";
    public long FileSize { get; private set; }
    public ContractColumn? ContractColumn { get; private set; }
    public string RequestedById { get; private set; } = "";
    public string RequestedByName { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public ImportState State { get; private set; }
    public DateTime? StartedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }

    /// <summary>Until when the node that claimed the run owns it; a run whose node died is claimed again after it.</summary>
    public DateTime? LeaseUntil { get; private set; }
    public int? RowsTotal { get; private set; }
    public int RowsRead { get; private set; }
    public int Created { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }
    public int Refused { get; private set; }

    /// <summary>Services whose contract number matched no subscriber yet: a notice, not a refusal.</summary>
    public int Unmatched { get; private set; }

    /// <summary>The first <see cref="KeptRefusals"/> refused rows, as JSON (<see cref="ImportRefusal"/>).</summary>
    public string? RefusalsJson { get; private set; }

    /// <summary>Why the whole file could not be read (a missing column, a file that is not JSON), in Spanish.</summary>
    public string? Failure { get; private set; }

    public bool IsOver => State is ImportState.Done or ImportState.Failed;

    public static ImportRun Queue(ImportKind kind, string fileName, string sha256, long size, ContractColumn? contract,
        Tickets.Actor who, DateTime now) => new()
        {
            Kind = kind,
            FileName = fileName.Length > FileNameLength ? fileName[..FileNameLength] : fileName,
            FileSha256 = sha256,
            FileSize = size,
            ContractColumn = kind == ImportKind.LibreQosShapedDevices ? contract ?? Import.ContractColumn.CircuitId : null,
            RequestedById = who.Id,
            RequestedByName = who.Name,
            CreatedAt = now,
            State = ImportState.Queued,
        };

    internal void Finish(ImportTally tally, DateTime now)
    {
        Record(tally);
        State = ImportState.Done;
        FinishedAt = now;
        LeaseUntil = null;
    }

    internal void Fail(string reason, ImportTally tally, DateTime now)
    {
        Record(tally);
        Failure = reason.Length > 2000 ? reason[..2000] : reason;
        State = ImportState.Failed;
        FinishedAt = now;
        LeaseUntil = null;
    }

    private void Record(ImportTally tally)
    {
        RowsTotal = tally.Total;
        RowsRead = tally.Read;
        Created = tally.Created;
        Updated = tally.Updated;
        Unchanged = tally.Unchanged;
        Refused = tally.Refusals.Count;
        Unmatched = tally.Unmatched;
        RefusalsJson = tally.Refusals.ToJson();
    }
}
