using System.ComponentModel.DataAnnotations.Schema;
using Microsoft.AspNetCore.Identity;

namespace Ventanilla.Staff;

/// <summary>A person on the provider's staff who signs in to the console.</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? AreaId { get; set; }

    /// <summary>
    /// The code of the shift calendar (<c>turno:…</c>) with this person's working hours; null when
    /// they work their area's hours. Automatic assignment gives work only to people on shift.
    /// </summary>
    public string? ShiftCalendar { get; set; }

    /// <summary>Disabling is a lockout that never ends: the person and their history stay, the door is shut.</summary>
    [NotMapped]
    public bool IsDisabled => LockoutEnd is { } end && end.Year >= 9999;
}

/// <summary>A staff member as other features see one: who, by name.</summary>
public sealed record StaffMember(string Id, string Name);

/// <summary>A part of the provider that owns tickets: customer service, technical, billing…</summary>
public sealed class Area
{
    private Area()
    {
    }

    public Area(string code, string name)
    {
        Code = code;
        Name = name;
    }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>An area as it is stored, for a unit of work that knows it from a cache.</summary>
    internal static Area Stored(int id, string code, string name) => new(code, name) { Id = id };

    /// <summary>The code stays: tickets, routing rules and integrations refer to the area by it.</summary>
    public void Rename(string name) => Name = name.Trim();
}
