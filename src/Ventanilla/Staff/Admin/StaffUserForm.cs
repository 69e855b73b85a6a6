namespace Ventanilla.Staff.Admin;

/// <summary>A staff user's fields as the create and edit forms post them.</summary>
public sealed class StaffUserForm
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? AreaId { get; set; }

    /// <summary>The code of the person's shift calendar; empty for their area's hours.</summary>
    public string? Shift { get; set; }
    public string? Password { get; set; }

    /// <summary>One checkbox per role: <c>Input.Roles[agent]=true</c>; an unchecked box sends nothing.</summary>
    public Dictionary<string, bool> Roles { get; set; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> ChosenRoles() =>
        [.. Staff.Roles.All.Where(role => Roles.GetValueOrDefault(role))];

    public int? Area() => int.TryParse(AreaId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}
