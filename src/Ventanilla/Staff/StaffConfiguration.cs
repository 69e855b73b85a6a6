using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ventanilla.Staff;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> b)
    {
        b.ToTable("areas");
        b.Property(a => a.Code).HasMaxLength(40);
        b.Property(a => a.Name).HasMaxLength(100);
        b.HasIndex(a => a.Code).IsUnique();
        // The areas the seed procedure names; administrators add and rename them.
        b.HasData(
            Seed(1, "servicio_al_cliente", "Servicio al Cliente"),
            Seed(2, "tecnica", "Técnica"),
            Seed(3, "facturacion", "Facturación"),
            Seed(4, "comercial", "Comercial"),
            Seed(5, "cancelaciones", "Cancelaciones"));
    }

    private static object Seed(int id, string code, string name) => new { Id = id, Code = code, Name = name };
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("api_keys");
        b.Property(k => k.Name).HasMaxLength(100);
        b.Property(k => k.Prefix).HasMaxLength(8);
        b.Property(k => k.Hash).HasMaxLength(64);
        b.Property(k => k.Role).HasMaxLength(32);
        b.HasIndex(k => k.Hash).IsUnique();
    }
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> b)
    {
        b.Property(u => u.ShiftCalendar).HasMaxLength(60);
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.HasOne<Area>().WithMany().HasForeignKey(u => u.AreaId).OnDelete(DeleteBehavior.SetNull);
    }
}
