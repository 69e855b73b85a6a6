namespace Ventanilla.Tickets;

/// <summary>Who did something: a staff member, an API key, a channel or the system itself.</summary>
public sealed record Actor(string Id, string Name)
{
    public static readonly Actor System = new("system", "Ventanilla");
}
