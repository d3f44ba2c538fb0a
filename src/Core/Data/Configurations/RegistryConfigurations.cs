using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Data.Configurations;

internal sealed class DivisionConfiguration : IEntityTypeConfiguration<Division>
{
    public void Configure(EntityTypeBuilder<Division> b)
    {
        b.HasIndex(d => d.Code).IsUnique();
        b.HasIndex(d => d.Path);
        b.Property(d => d.Code).HasMaxLength(20);
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.Path).HasMaxLength(200);
        b.HasOne<Division>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> b)
    {
        b.HasIndex(e => e.CreditCode).IsUnique();
        b.HasIndex(e => e.Name);
        b.Property(e => e.CreditCode).HasMaxLength(18);
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Address).HasMaxLength(300);
        b.Property(e => e.PrincipalName).HasMaxLength(50);
        b.Property(e => e.PrincipalPhone).HasMaxLength(30);
        b.Property(e => e.SafetyDirectorName).HasMaxLength(50);
        b.Property(e => e.SafetyDirectorPhone).HasMaxLength(30);
        b.HasOne(e => e.Division).WithMany().HasForeignKey(e => e.DivisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.MajorHazardSources).WithOne(m => m.Enterprise).HasForeignKey(m => m.EnterpriseId);
        b.HasMany(e => e.Chemicals).WithOne(c => c.Enterprise).HasForeignKey(c => c.EnterpriseId);
        b.HasMany(e => e.SpecialEquipment).WithOne(s => s.Enterprise).HasForeignKey(s => s.EnterpriseId);
    }
}

internal sealed class EnterpriseChemicalConfiguration : IEntityTypeConfiguration<EnterpriseChemical>
{
    public void Configure(EntityTypeBuilder<EnterpriseChemical> b)
    {
        b.Property(c => c.ChemicalKey).HasMaxLength(20);
        b.Property(c => c.ChemicalName).HasMaxLength(200);
        b.Property(c => c.Cas).HasMaxLength(30);
        b.HasIndex(c => new { c.EnterpriseId, c.ChemicalKey }).IsUnique();
    }
}

internal sealed class MajorHazardSourceConfiguration : IEntityTypeConfiguration<MajorHazardSource>
{
    public void Configure(EntityTypeBuilder<MajorHazardSource> b)
    {
        b.HasIndex(m => new { m.EnterpriseId, m.Code }).IsUnique();
        b.HasIndex(m => m.NextAssessmentDue);
        b.Property(m => m.Code).HasMaxLength(50);
        b.Property(m => m.Name).HasMaxLength(200);
        b.Property(m => m.TriggerNote).HasMaxLength(500);
        b.Ignore(m => m.IsMajorHazard);
        b.OwnsMany(m => m.Lines, l =>
        {
            l.ToTable("MajorHazardLines");
            l.WithOwner().HasForeignKey("MajorHazardSourceId");
            l.Property<int>("Id");
            l.HasKey("Id");
            l.Property(x => x.ChemicalKey).HasMaxLength(20);
            l.Property(x => x.ChemicalName).HasMaxLength(200);
        });
        b.Navigation(m => m.Lines).AutoInclude();
    }
}

internal sealed class SpecialEquipmentConfiguration : IEntityTypeConfiguration<SpecialEquipment>
{
    public void Configure(EntityTypeBuilder<SpecialEquipment> b)
    {
        b.HasIndex(s => new { s.EnterpriseId, s.RegistrationCode }).IsUnique();
        b.HasIndex(s => s.NextInspectionDue);
        b.Property(s => s.RegistrationCode).HasMaxLength(50);
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Location).HasMaxLength(200);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.Property(a => a.UserName).HasMaxLength(100);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(100);
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<TianshanUser>
{
    public void Configure(EntityTypeBuilder<TianshanUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(100);
        b.HasOne(u => u.Division).WithMany().HasForeignKey(u => u.DivisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(u => u.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
    }
}
