using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tianshan.Core.Prevention;

namespace Tianshan.Core.Data.Configurations;

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
