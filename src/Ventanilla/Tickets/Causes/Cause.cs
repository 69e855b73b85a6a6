namespace Ventanilla.Tickets.Causes;

/// <summary>
/// One entry of the provider's catalogue of fault causes. The technical lead picks one when
/// recording a diagnosis, so reports can count causes instead of free-text variations of them.
/// A cause is retired rather than deleted: resolutions already name it.
/// </summary>
public sealed class Cause
{
    public const int NameLength = 200;

    private Cause()
    {
    }

    public Cause(string name, bool attributableToProvider)
    {
        Name = name.Trim();
        AttributableToProvider = attributableToProvider;
        Active = true;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>Whether a report with this cause is upheld by default: the provider's network or equipment failed.</summary>
    public bool AttributableToProvider { get; private set; }
    public bool Active { get; private set; }

    public void Update(string name, bool attributableToProvider, bool active)
    {
        Name = name.Trim();
        AttributableToProvider = attributableToProvider;
        Active = active;
    }
}
