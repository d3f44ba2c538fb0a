using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tianshan.Core.Reports;

namespace Tianshan.Core.Data.Configurations;

internal sealed class ReportJobConfiguration : IEntityTypeConfiguration<ReportJob>
{
    public void Configure(EntityTypeBuilder<ReportJob> b)
    {
        b.HasIndex(j => new { j.RequestedById, j.CreatedAt });
        b.HasIndex(j => j.Status);
        b.Property(j => j.Title).HasMaxLength(200);
        b.Property(j => j.RequestedById).HasMaxLength(450);
        b.Property(j => j.RequestedBy).HasMaxLength(256);
        b.Property(j => j.ScopeDivisionPath).HasMaxLength(200);
        b.Property(j => j.Step).HasMaxLength(200);
        b.Property(j => j.Error).HasMaxLength(1000);
        b.Ignore(j => j.Scope);
        b.Ignore(j => j.Period);
    }
}

internal sealed class ReportFileConfiguration : IEntityTypeConfiguration<ReportFile>
{
    public void Configure(EntityTypeBuilder<ReportFile> b)
    {
        b.HasIndex(f => new { f.ReportJobId, f.Format }).IsUnique();
        b.HasOne<ReportJob>().WithMany().HasForeignKey(f => f.ReportJobId).OnDelete(DeleteBehavior.Cascade);
        b.Property(f => f.Format).HasMaxLength(8);
        b.Property(f => f.FileName).HasMaxLength(200);
    }
}
