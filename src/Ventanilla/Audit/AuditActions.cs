namespace Ventanilla.Audit;

/// <summary>The action codes the trail uses; one place, so browsing can filter and label them.</summary>
public static class AuditActions
{
    public const string Created = "created";
    public const string Changed = "changed";
    public const string Deleted = "deleted";
    public const string Exported = "exported";

    /// <summary><c>user.created</c>, <c>calendar.changed</c>…: the subject, a dot, and what happened to it.</summary>
    public static string Of(string subject, string what) => subject + "." + what;
}
