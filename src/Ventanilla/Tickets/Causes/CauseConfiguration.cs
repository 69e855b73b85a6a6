using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ventanilla.Tickets.Causes;

internal sealed class CauseConfiguration : IEntityTypeConfiguration<Cause>
{
    public void Configure(EntityTypeBuilder<Cause> b)
    {
        b.ToTable("causes");
        b.Property(c => c.Name).HasMaxLength(Cause.NameLength);
        b.HasIndex(c => c.Name).IsUnique();
        // A fresh install starts with the causes a cable and fiber ISP meets most; staff edit them.
        b.HasData(DefaultCauses.All.Select((c, i) => new { Id = i + 1, c.Name, c.AttributableToProvider, Active = true }));
    }
}

internal static class DefaultCauses
{
    public static readonly (string Name, bool AttributableToProvider)[] All =
    [
        ("Falla en fibra óptica (corte o daño en la red)", true),
        ("Falla en cable coaxial o conectores", true),
        ("Equipo del proveedor dañado (módem, ONT o decodificador)", true),
        ("Equipo del suscriptor dañado (router o dispositivo propio)", false),
        ("Corte programado por mantenimiento", true),
        ("Saturación de red en la zona", true),
        ("Falla de energía eléctrica en el domicilio", false),
        ("Instalación interior del domicilio dañada", false),
        ("Configuración incorrecta del equipo", true),
        ("Servicio suspendido por falta de pago", false),
        ("Falla del proveedor de enlace (tránsito de internet)", true),
        ("Daño por terceros (obra, vandalismo o robo de cable)", true),
        ("Sin falla encontrada", false),
    ];
}
