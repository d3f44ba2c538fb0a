using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tianshan.Core.Prevention;

namespace Tianshan.Core.Data.Configurations;

internal sealed class HiddenHazardConfiguration : IEntityTypeConfiguration<HiddenHazard>
{
    public void Configure(EntityTypeBuilder<HiddenHazard> b)
    {
        b.HasIndex(h => h.Number).IsUnique();
        b.HasIndex(h => new { h.EnterpriseId, h.Status });
        b.HasIndex(h => new { h.Status, h.Deadline });
        b.Property(h => h.Number).HasMaxLength(32);
        b.Property(h => h.Title).HasMaxLength(200);
        b.Property(h => h.Description).HasMaxLength(4000);
        b.Property(h => h.Location).HasMaxLength(200);
        b.Property(h => h.RegisteredBy).HasMaxLength(100);
        b.Property(h => h.AssessedBy).HasMaxLength(100);
        b.Property(h => h.SubmittedBy).HasMaxLength(100);
        b.Property(h => h.VerifiedBy).HasMaxLength(100);
        b.Property(h => h.SupervisionNotice).HasMaxLength(100);
        b.Property(h => h.SupervisingAuthority).HasMaxLength(100);
        b.Ignore(h => h.IsOpen);
        b.HasOne(h => h.Enterprise).WithMany().HasForeignKey(h => h.EnterpriseId);
        b.OwnsOne(h => h.Rectification, r =>
        {
            r.Property(x => x.ResponsiblePerson).HasMaxLength(100);
            r.Property(x => x.Measures).HasMaxLength(2000);
            r.Property(x => x.ContingencyPlan).HasMaxLength(2000);
        });
        b.OwnsOne(h => h.TreatmentPlan, p =>
        {
            p.Property(x => x.Objectives).HasMaxLength(2000);
            p.Property(x => x.Methods).HasMaxLength(2000);
            p.Property(x => x.FundsAndMaterials).HasMaxLength(2000);
            p.Property(x => x.Organisation).HasMaxLength(2000);
            p.Property(x => x.TimeLimits).HasMaxLength(2000);
            p.Property(x => x.SafetyMeasures).HasMaxLength(2000);
        });
        b.OwnsMany(h => h.Events, e =>
        {
            e.ToTable("HiddenHazardEvents");
            e.WithOwner().HasForeignKey("HiddenHazardId");
            e.Property<int>("Id");
            e.HasKey("Id");
            e.Property(x => x.Action).HasMaxLength(50);
            e.Property(x => x.By).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(2000);
        });
    }
}

internal sealed class HiddenHazardEvidenceConfiguration : IEntityTypeConfiguration<HiddenHazardEvidence>
{
    public void Configure(EntityTypeBuilder<HiddenHazardEvidence> b)
    {
        b.HasIndex(e => e.HiddenHazardId);
        b.Property(e => e.Stage).HasMaxLength(20);
        b.Property(e => e.FileName).HasMaxLength(200);
        b.Property(e => e.ContentType).HasMaxLength(100);
        b.Property(e => e.Sha256).HasMaxLength(64);
        b.Property(e => e.UploadedBy).HasMaxLength(100);
        b.HasOne(e => e.HiddenHazard).WithMany().HasForeignKey(e => e.HiddenHazardId);
    }
}

internal sealed class PublicReportConfiguration : IEntityTypeConfiguration<PublicReport>
{
    public void Configure(EntityTypeBuilder<PublicReport> b)
    {
        b.HasIndex(r => r.Receipt).IsUnique();
        b.HasIndex(r => new { r.Status, r.ReceivedAt });
        b.Property(r => r.Receipt).HasMaxLength(32);
        b.Property(r => r.EnterpriseName).HasMaxLength(200);
        b.Property(r => r.Location).HasMaxLength(200);
        b.Property(r => r.Description).HasMaxLength(4000);
        b.Property(r => r.Contact).HasMaxLength(50);
        b.Property(r => r.HandledBy).HasMaxLength(100);
        b.Property(r => r.HandlingNote).HasMaxLength(1000);
    }
}

internal sealed class InspectorConfiguration : IEntityTypeConfiguration<Inspector>
{
    public void Configure(EntityTypeBuilder<Inspector> b)
    {
        b.HasIndex(i => i.Code).IsUnique();
        b.Property(i => i.Code).HasMaxLength(32);
        b.Property(i => i.Name).HasMaxLength(50);
        b.Property(i => i.Organisation).HasMaxLength(100);
        b.Property(i => i.UserName).HasMaxLength(100);
    }
}

internal sealed class InspectorConflictConfiguration : IEntityTypeConfiguration<InspectorConflict>
{
    public void Configure(EntityTypeBuilder<InspectorConflict> b)
    {
        b.HasIndex(c => new { c.InspectorId, c.EnterpriseId }).IsUnique();
        b.Property(c => c.Reason).HasMaxLength(500);
        b.Property(c => c.DeclaredBy).HasMaxLength(100);
        b.HasOne(c => c.Inspector).WithMany().HasForeignKey(c => c.InspectorId);
        b.HasOne<Registry.Enterprise>().WithMany().HasForeignKey(c => c.EnterpriseId);
    }
}

internal sealed class RandomDrawRecordConfiguration : IEntityTypeConfiguration<RandomDrawRecord>
{
    public void Configure(EntityTypeBuilder<RandomDrawRecord> b)
    {
        b.ToTable("RandomDraws");
        b.HasIndex(d => d.Number).IsUnique();
        b.HasIndex(d => d.DrawnAt);
        b.Property(d => d.Number).HasMaxLength(32);
        b.Property(d => d.Title).HasMaxLength(200);
        b.Property(d => d.ScopeDescription).HasMaxLength(200);
        b.Property(d => d.Seed).HasMaxLength(20);
        b.Property(d => d.DrawnBy).HasMaxLength(100);
    }
}

internal sealed class RiskPointConfiguration : IEntityTypeConfiguration<RiskPoint>
{
    public void Configure(EntityTypeBuilder<RiskPoint> b)
    {
        b.HasOne(p => p.Enterprise).WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.EnterpriseId, p.Level });
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Location).HasMaxLength(200);
        b.Property(p => p.Activity).HasMaxLength(200);
        b.Property(p => p.HazardType).HasMaxLength(200);
        b.Property(p => p.ControlMeasures).HasMaxLength(2000);
        b.Property(p => p.ResponsiblePerson).HasMaxLength(50);
        b.Property(p => p.AssessedBy).HasMaxLength(100);
    }
}

internal sealed class EnterpriseRiskAssessmentConfiguration : IEntityTypeConfiguration<EnterpriseRiskAssessment>
{
    public void Configure(EntityTypeBuilder<EnterpriseRiskAssessment> b)
    {
        b.HasOne(a => a.Enterprise).WithMany().HasForeignKey(a => a.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.EnterpriseId, a.AssessedOn });
        b.HasIndex(a => a.NextDue);
        b.Property(a => a.AssessedBy).HasMaxLength(100);
        b.Property(a => a.Note).HasMaxLength(1000);
    }
}

internal sealed class InspectionPlanItemConfiguration : IEntityTypeConfiguration<InspectionPlanItem>
{
    public void Configure(EntityTypeBuilder<InspectionPlanItem> b)
    {
        b.HasIndex(i => new { i.Year, i.EnterpriseId }).IsUnique();
        b.Property(i => i.PlannedBy).HasMaxLength(100);
        b.HasOne(i => i.Enterprise).WithMany().HasForeignKey(i => i.EnterpriseId);
    }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.HasIndex(i => i.Number).IsUnique();
        b.HasIndex(i => new { i.EnterpriseId, i.InspectedOn });
        b.Property(i => i.Number).HasMaxLength(32);
        b.Property(i => i.Template).HasMaxLength(32);
        b.Property(i => i.EnterpriseSignatory).HasMaxLength(50);
        b.Property(i => i.Summary).HasMaxLength(2000);
        b.Property(i => i.RecordedBy).HasMaxLength(100);
        b.Ignore(i => i.Findings);
        b.HasOne(i => i.Enterprise).WithMany().HasForeignKey(i => i.EnterpriseId);
        b.OwnsMany(i => i.Items, item =>
        {
            item.ToTable("InspectionItems");
            item.WithOwner().HasForeignKey("InspectionId");
            item.Property<int>("Id");
            item.HasKey("Id");
            item.Property(x => x.Text).HasMaxLength(500);
            item.Property(x => x.Note).HasMaxLength(1000);
        });
    }
}

internal sealed class BlacklistEntryConfiguration : IEntityTypeConfiguration<BlacklistEntry>
{
    public void Configure(EntityTypeBuilder<BlacklistEntry> b)
    {
        b.ToTable("Blacklist");
        b.HasIndex(e => new { e.EnterpriseId, e.ListedOn });
        b.Property(e => e.Reason).HasMaxLength(1000);
        b.Property(e => e.ListedBy).HasMaxLength(100);
        b.Property(e => e.RemovalReason).HasMaxLength(1000);
        b.Property(e => e.RemovedBy).HasMaxLength(100);
        b.HasOne(e => e.Enterprise).WithMany().HasForeignKey(e => e.EnterpriseId);
    }
}

internal sealed class RiskListReportConfiguration : IEntityTypeConfiguration<RiskListReport>
{
    public void Configure(EntityTypeBuilder<RiskListReport> b)
    {
        b.HasIndex(r => new { r.EnterpriseId, r.SubmittedAt });
        b.Property(r => r.SubmittedBy).HasMaxLength(100);
        b.HasOne(r => r.Enterprise).WithMany().HasForeignKey(r => r.EnterpriseId);
    }
}

internal sealed class InspectionAttachmentConfiguration : IEntityTypeConfiguration<InspectionAttachment>
{
    public void Configure(EntityTypeBuilder<InspectionAttachment> b)
    {
        b.HasIndex(a => a.InspectionId);
        b.Property(a => a.Signatory).HasMaxLength(50);
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.UploadedBy).HasMaxLength(100);
        b.HasOne(a => a.Inspection).WithMany().HasForeignKey(a => a.InspectionId);
    }
}
