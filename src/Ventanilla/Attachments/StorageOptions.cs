namespace Ventanilla.Attachments;

/// <summary>Where files that subscribers send are kept.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// A directory for attachment contents, relative to where the service starts unless absolute.
    /// Back it up with the database: the database holds only each file's hash, name and type.
    /// </summary>
    public string Path { get; set; } = "data/files";
}
