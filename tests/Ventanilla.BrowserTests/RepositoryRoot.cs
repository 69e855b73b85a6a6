namespace Ventanilla.BrowserTests;

internal static class RepositoryRoot
{
    /// <summary>The folder holding Ventanilla.slnx, found upwards from the test binaries.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Ventanilla.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (Ventanilla.slnx) above " + AppContext.BaseDirectory);
    }
}
