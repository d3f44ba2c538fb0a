using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tianshan.Core.Prevention;

namespace Tianshan.Core.Data.Configurations;

internal sealed class EnforcementCaseConfiguration : IEntityTypeConfiguration<EnforcementCase>
{
    public void Configure(EntityTypeBuilder<EnforcementCase> b)
    {
        b.HasIndex(c => c.Number).IsUnique();
        b.HasIndex(c => new { c.EnterpriseId, c.Stage });
        b.HasIndex(c => c.DecidedAt);
        b.Property(c => c.Number).HasMaxLength(32);
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Facts).HasMaxLength(4000);
        b.Property(c => c.FiledBy).HasMaxLength(100);
        b.Property(c => c.Findings).HasMaxLength(4000);
        b.Property(c => c.InvestigatedBy).HasMaxLength(100);
        b.Property(c => c.ReviewedBy).HasMaxLength(100);
        b.Property(c => c.ReviewOpinion).HasMaxLength(2000);
        b.Property(c => c.DecidedBy).HasMaxLength(100);
        b.Property(c => c.ExecutionNote).HasMaxLength(2000);
        b.Property(c => c.ExecutedBy).HasMaxLength(100);
        b.HasOne(c => c.Enterprise).WithMany().HasForeignKey(c => c.EnterpriseId);
        b.HasOne<HiddenHazard>().WithMany().HasForeignKey(c => c.HiddenHazardId).OnDelete(DeleteBehavior.SetNull);
        b.OwnsOne(c => c.Decision, d =>
        {
            d.Property(x => x.LegalBasis).HasMaxLength(500);
            d.Property(x => x.DocumentNumber).HasMaxLength(100);
        });
        b.OwnsMany(c => c.Events, e =>
        {
            e.ToTable("EnforcementCaseEvents");
            e.WithOwner().HasForeignKey("EnforcementCaseId");
            e.Property<int>("Id");
            e.HasKey("Id");
            e.Property(x => x.Action).HasMaxLength(50);
            e.Property(x => x.By).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(4000);
        });
    }
}

internal sealed class EnforcementCaseDocumentConfiguration : IEntityTypeConfiguration<EnforcementCaseDocument>
{
    public void Configure(EntityTypeBuilder<EnforcementCaseDocument> b)
    {
        b.HasIndex(d => d.EnforcementCaseId);
        b.Property(d => d.Kind).HasMaxLength(20);
        b.Property(d => d.FileName).HasMaxLength(200);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.Property(d => d.Sha256).HasMaxLength(64);
        b.Property(d => d.UploadedBy).HasMaxLength(100);
        b.HasOne(d => d.EnforcementCase).WithMany().HasForeignKey(d => d.EnforcementCaseId);
    }
}
