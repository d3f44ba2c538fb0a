using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tianshan.Core.Incidents.DisasterReports;
using Tianshan.Core.Resources;

namespace Tianshan.Core.Data.Configurations;

/// <summary>The common columns of every resource ledger: a unique code (the key of re-imports), name, managing division.</summary>
internal abstract class ResourceRecordConfiguration<T> : IEntityTypeConfiguration<T> where T : ResourceRecord
{
    public virtual void Configure(EntityTypeBuilder<T> b)
    {
        b.HasIndex(r => r.Code).IsUnique();
        b.HasIndex(r => r.DivisionId);
        b.Property(r => r.Code).HasMaxLength(50);
        b.Property(r => r.Name).HasMaxLength(200);
        b.Property(r => r.Address).HasMaxLength(200);
        b.Property(r => r.Note).HasMaxLength(1000);
        b.HasOne(r => r.Division).WithMany().HasForeignKey(r => r.DivisionId);
    }
}

internal sealed class RescueTeamConfiguration : ResourceRecordConfiguration<RescueTeam>
{
    public override void Configure(EntityTypeBuilder<RescueTeam> b)
    {
        base.Configure(b);
        b.Property(t => t.Specialty).HasMaxLength(200);
        b.Property(t => t.Leader).HasMaxLength(50);
        b.Property(t => t.LeaderPhone).HasMaxLength(50);
        b.Property(t => t.Equipment).HasMaxLength(2000);
    }
}

internal sealed class ExpertConfiguration : ResourceRecordConfiguration<Expert>
{
    public override void Configure(EntityTypeBuilder<Expert> b)
    {
        base.Configure(b);
        b.Property(e => e.Field).HasMaxLength(100);
        b.Property(e => e.Organisation).HasMaxLength(200);
        b.Property(e => e.Title).HasMaxLength(100);
        b.Property(e => e.Phone).HasMaxLength(50);
    }
}

internal sealed class WarehouseConfiguration : ResourceRecordConfiguration<Warehouse>
{
    public override void Configure(EntityTypeBuilder<Warehouse> b)
    {
        base.Configure(b);
        b.Property(w => w.Manager).HasMaxLength(50);
        b.Property(w => w.Phone).HasMaxLength(50);
    }
}

internal sealed class ReliefMaterialConfiguration : ResourceRecordConfiguration<ReliefMaterial>
{
    public override void Configure(EntityTypeBuilder<ReliefMaterial> b)
    {
        base.Configure(b);
        b.Property(m => m.Category).HasMaxLength(50);
        b.Property(m => m.Unit).HasMaxLength(20);
    }
}

internal sealed class EquipmentItemConfiguration : ResourceRecordConfiguration<EquipmentItem>
{
    public override void Configure(EntityTypeBuilder<EquipmentItem> b)
    {
        base.Configure(b);
        b.Property(e => e.Model).HasMaxLength(100);
        b.Property(e => e.Plate).HasMaxLength(20);
        b.HasOne<RescueTeam>().WithMany().HasForeignKey(e => e.RescueTeamId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ShelterConfiguration : ResourceRecordConfiguration<Shelter>
{
    public override void Configure(EntityTypeBuilder<Shelter> b)
    {
        base.Configure(b);
        b.Property(s => s.Manager).HasMaxLength(50);
        b.Property(s => s.Phone).HasMaxLength(50);
    }
}

internal sealed class FireStationConfiguration : ResourceRecordConfiguration<FireStation>
{
    public override void Configure(EntityTypeBuilder<FireStation> b)
    {
        base.Configure(b);
        b.Property(s => s.Vehicles).HasMaxLength(500);
    }
}

internal sealed class HospitalConfiguration : ResourceRecordConfiguration<Hospital>
{
    public override void Configure(EntityTypeBuilder<Hospital> b)
    {
        base.Configure(b);
        b.Property(h => h.Level).HasMaxLength(50);
        b.Property(h => h.Phone).HasMaxLength(50);
    }
}

internal sealed class DisasterInformantConfiguration : ResourceRecordConfiguration<DisasterInformant>
{
    public override void Configure(EntityTypeBuilder<DisasterInformant> b)
    {
        base.Configure(b);
        b.Property(i => i.Phone).HasMaxLength(50);
        b.Property(i => i.UserName).HasMaxLength(256);
    }
}

internal sealed class StockItemConfiguration : IEntityTypeConfiguration<StockItem>
{
    public void Configure(EntityTypeBuilder<StockItem> b)
    {
        // One row per lot: material × batch in a warehouse.
        b.HasIndex(s => new { s.WarehouseId, s.MaterialId, s.Batch }).IsUnique();
        b.Property(s => s.Batch).HasMaxLength(50);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne(s => s.Warehouse).WithMany().HasForeignKey(s => s.WarehouseId);
        b.HasOne(s => s.Material).WithMany().HasForeignKey(s => s.MaterialId);
    }
}

internal sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> b)
    {
        b.HasIndex(m => new { m.StockItemId, m.At });
        b.HasIndex(m => m.Voucher).IsUnique();
        b.Property(m => m.Voucher).HasMaxLength(50);
        b.Property(m => m.Reason).HasMaxLength(500);
        b.Property(m => m.By).HasMaxLength(100);
        b.HasOne(m => m.StockItem).WithMany().HasForeignKey(m => m.StockItemId);
    }
}

internal sealed class DisasterReportConfiguration : IEntityTypeConfiguration<DisasterReport>
{
    public void Configure(EntityTypeBuilder<DisasterReport> b)
    {
        b.HasIndex(r => r.Number).IsUnique();
        b.HasIndex(r => r.ClientKey).IsUnique();
        b.HasIndex(r => new { r.DivisionId, r.OccurredAt });
        b.Property(r => r.Number).HasMaxLength(32);
        b.Property(r => r.ClientKey).HasMaxLength(64);
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.VerifiedBy).HasMaxLength(100);
        b.Property(r => r.VerificationNote).HasMaxLength(1000);
        b.Property(r => r.ReturnReason).HasMaxLength(1000);
        b.Property(r => r.ReliefProvidedBy).HasMaxLength(100);
        b.Property(r => r.ReliefNote).HasMaxLength(500);
        b.OwnsOne(r => r.Figures);
        b.HasOne(r => r.Division).WithMany().HasForeignKey(r => r.DivisionId);
        b.HasMany(r => r.Entries).WithOne(e => e.DisasterReport).HasForeignKey(e => e.DisasterReportId);
        b.Navigation(r => r.Entries).UsePropertyAccessMode(PropertyAccessMode.Property);
    }
}

internal sealed class DisasterReportEntryConfiguration : IEntityTypeConfiguration<DisasterReportEntry>
{
    public void Configure(EntityTypeBuilder<DisasterReportEntry> b)
    {
        // The phone's key: a resend of the same filing meets this index instead of becoming a second filing.
        b.HasIndex(e => e.IdempotencyKey).IsUnique();
        b.Property(e => e.IdempotencyKey).HasMaxLength(64);
        b.Property(e => e.Narrative).HasMaxLength(4000);
        b.Property(e => e.By).HasMaxLength(100);
        b.OwnsOne(e => e.Figures);
    }
}

internal sealed class DisasterReportPhotoConfiguration : IEntityTypeConfiguration<DisasterReportPhoto>
{
    public void Configure(EntityTypeBuilder<DisasterReportPhoto> b)
    {
        b.HasIndex(p => p.EntryId);
        b.Property(p => p.ContentType).HasMaxLength(50);
        b.HasOne(p => p.Entry).WithMany().HasForeignKey(p => p.EntryId);
    }
}
