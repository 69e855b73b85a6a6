namespace Ventanilla.Staff.Admin;

/// <summary>The roles as the provider's procedure calls them.</summary>
public static class RoleNames
{
    public static string Of(string role) => role switch
    {
        Roles.Agent => "Agente del centro de atención",
        Roles.TechnicalLead => "Responsable técnico",
        Roles.Technician => "Técnico",
        Roles.Area => "Personal de área",
        Roles.Supervisor => "Supervisor",
        Roles.Admin => "Administrador",
        _ => role,
    };
}
